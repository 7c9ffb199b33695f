"""discover -> read -> parse -> lint -> report -> exit code.

A plain function (``run``) that the CLI and the tests both call. A file that
cannot be read or parsed is reported as an error for that file; every other
file is still linted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from leverlint.checks import CHECKS
from leverlint.discover import discover
from leverlint.document import parse
from leverlint.errors import LeverlintError
from leverlint.linter import lint
from leverlint.model import FileError, FileResult, RunResult, Severity
from leverlint.reporters import REPORTERS, step_summary
from leverlint.summary import one_line

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run needs, already validated."""

    paths: tuple[str, ...] = (".",)
    format: str = "text"
    fail_on: Severity = Severity.ERROR
    exit_zero: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    rule_packs: tuple[Path, ...] = field(default=())


def enabled_codes(select: Collection[str], ignore: Collection[str]) -> set[str]:
    """Codes on after ``select`` and ``ignore`` (codes or prefixes such as ``LL00``)."""
    chosen = {c for c in CHECKS if not select or any(c.startswith(s) for s in select)}
    return {c for c in chosen if not any(c.startswith(i) for i in ignore)}


def read_markdown(path: str, max_size: int) -> str:
    """Read a file as UTF-8 (BOM allowed), with LF line endings.

    Raises ``LeverlintError`` with the reason in plain words.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_size:
            raise LeverlintError(
                f"file is {size:,} bytes, larger than max-file-size ({max_size:,}); skipped"
            )
        data = p.read_bytes()
    except PermissionError:
        raise LeverlintError("permission denied") from None
    except OSError as exc:
        raise LeverlintError(f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LeverlintError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lint_paths(options: Options, warn: TextIO | None = None) -> RunResult:
    """Lint every file the options name; collect per-file errors."""
    warn = warn or sys.stderr
    from leverlint.redflags import get_red_flag_matcher
    from leverlint.tagging import get_tagger

    found = discover(list(options.paths))
    errors: list[FileError] = list(found.errors)
    results: list[FileResult] = []
    enabled = enabled_codes(options.select, options.ignore)
    for path in found.files:
        try:
            text = read_markdown(path, options.max_file_size)
            doc, warnings = parse(path, text)
            for w in warnings:
                warn.write(f"{path}: warning: {w}\n")
            tagger = get_tagger(options.rule_packs)
            flags = get_red_flag_matcher() if "LL004" in enabled else None
            results.append(lint(doc, tagger, flags, enabled))
        except LeverlintError as exc:
            errors.append(FileError(path, str(exc)))
    return RunResult(tuple(results), tuple(sorted(errors, key=lambda e: e.path)))


def exit_code(result: RunResult, fail_on: Severity, exit_zero: bool) -> int:
    """2 when a file could not be linted; 1 for findings at or above ``fail_on``."""
    if result.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    failing = any(f.severity.rank >= fail_on.rank for r in result.files for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def run(options: Options, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Lint, report findings on ``out`` and everything else on ``err``."""
    out = out or sys.stdout
    err = err or sys.stderr
    result = lint_paths(options, err)
    REPORTERS[options.format](result, out)
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        try:
            with open(summary_path, "a", encoding="utf-8") as fh:
                step_summary.emit(result, fh)
        except OSError as exc:
            err.write(f"leverlint: cannot write the step summary {summary_path}: {exc}\n")
    if options.format == "text":
        for e in result.errors:
            err.write(f"{e.path}: error: {e.message}\n")
        err.write(one_line(result) + "\n")
    return exit_code(result, options.fail_on, options.exit_zero)
