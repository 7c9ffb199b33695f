"""discover -> read -> parse -> lint -> report -> exit code.

A plain function (``run``) that the CLI and the tests both call. A file that
cannot be read or parsed is reported as an error for that file; every other
file is still linted.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Collection
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from leverlint.cache import Cache, settings_digest
from leverlint.checks import CHECKS
from leverlint.config import DEFAULT_MAX_FILE_SIZE, Config
from leverlint.discover import Filter, discover, path_matches
from leverlint.errors import LeverlintError, RuleFileError
from leverlint.linter import lint
from leverlint.model import FileError, FileResult, RunResult, Severity
from leverlint.reporters import REPORTERS, step_summary
from leverlint.sections import SectionSpec, load_sections
from leverlint.summary import one_line

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
MIN_FILES_PER_JOB = 8
Outcome = tuple[FileResult | None, list[str], str | None]


@dataclass(frozen=True, slots=True)
class Options:
    """One run: what to lint, how to report, and the configuration in force."""

    paths: tuple[str, ...] = (".",)
    format: str = "text"
    exit_zero: bool = False
    debug: bool = False
    cache: bool = False
    jobs: int = 1
    config: Config = field(default_factory=Config)


def _without(codes: Collection[str], prefixes: Collection[str]) -> set[str]:
    """``codes`` minus those that start with any of ``prefixes``."""
    return {c for c in codes if not any(c.startswith(p) for p in prefixes)}


def enabled_codes(select: Collection[str], ignore: Collection[str]) -> set[str]:
    """Codes on after ``select`` and ``ignore`` (codes or prefixes such as ``LL00``)."""
    chosen = {c for c in CHECKS if not select or any(c.startswith(s) for s in select)}
    return _without(chosen, ignore)


def _per_file_enabled(path: str, config: Config, base: set[str], flt: Filter) -> set[str]:
    rel = flt.relative(Path(path))
    off = [c for glob, codes in config.per_file_ignores if path_matches(rel, glob) for c in codes]
    return _without(base, off)


def read_bytes(path: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """A file's bytes, refusing oversized files without reading them."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_size:
            raise LeverlintError(
                f"file is {size:,} bytes, larger than max-file-size ({max_size:,}); skipped"
            )
        return p.read_bytes()
    except PermissionError:
        raise LeverlintError("permission denied") from None
    except OSError as exc:
        raise LeverlintError(f"cannot read: {exc.strerror or exc}") from None


def decode(data: bytes) -> str:
    """UTF-8 text (BOM allowed) with LF line endings, or a plain-words error."""
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise LeverlintError(f"binary file (NUL byte on line {line}); not linted")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LeverlintError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_markdown(path: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Read a Markdown file as text; raises ``LeverlintError`` in plain words."""
    return decode(read_bytes(path, max_size))


def _cache_for(config: Config) -> Cache:
    settings = {
        "select": config.select, "ignore": config.ignore, "severity": config.severity,
        "per_file_ignores": config.per_file_ignores, "sections": config.sections,
        "rules": [str(p) for p in config.rules], "root": str(config.root),
    }  # fmt: skip
    return Cache(Cache.location(config.root), settings_digest(config.rules, settings))


def _lint_one(
    path: str, text: str, config: Config, spec: SectionSpec, base: set[str], flt: Filter
) -> tuple[FileResult, list[str]]:
    from leverlint.document import parse
    from leverlint.redflags import get_red_flag_matcher
    from leverlint.tagging import get_tagger

    doc, warnings = parse(path, text, spec)
    enabled = _per_file_enabled(path, config, base, flt)
    tagger = get_tagger(config.rules) if doc.solutions else None
    flags = get_red_flag_matcher() if "LL004" in enabled and doc.prose else None
    return lint(doc, tagger, flags, enabled, dict(config.severity)), warnings


def _process(job: tuple[str, Config, bool]) -> Outcome:
    """Lint one file (in this process or a ``--jobs`` worker)."""
    path, config, debug = job
    flt = Filter(root=config.root, include=config.include, exclude=config.exclude)
    base = enabled_codes(config.select, config.ignore)
    try:
        spec = load_sections(extra=config.sections)
        text = decode(read_bytes(path, config.max_file_size))
        result, warnings = _lint_one(path, text, config, spec, base, flt)
        return result, warnings, None
    except RuleFileError:
        raise
    except LeverlintError as exc:
        return None, [], str(exc)
    except Exception as exc:  # one broken file must not end the run
        if debug:
            traceback.print_exc()
        reason = f"internal error ({type(exc).__name__}: {exc}); please report it, with --debug"
        return None, [], reason + " for a traceback"


def lint_paths(options: Options, warn: TextIO | None = None) -> RunResult:
    """Lint every file the options name; collect per-file errors.

    spaCy is loaded only when a document that is not cached has solutions
    to tag or prose to search for rationalisations.
    """
    warn = warn or sys.stderr
    config = options.config
    flt = Filter(root=config.root, include=config.include, exclude=config.exclude)
    found = discover(list(options.paths), flt)
    errors: list[FileError] = list(found.errors)
    results: list[FileResult] = []
    store = _cache_for(config) if options.cache else None
    outcomes: dict[str, Outcome] = {}
    misses: list[tuple[str, str]] = []
    for path in found.files:
        if store is None:  # without a cache only the worker reads the file
            misses.append((path, ""))
            continue
        try:
            key = store.key(path, read_bytes(path, config.max_file_size))
        except LeverlintError as exc:
            outcomes[path] = (None, [], str(exc))
            continue
        hit = store.get(key)
        if hit is None:
            misses.append((path, key))
        else:
            outcomes[path] = (hit[0], hit[1], None)
    jobs = min(options.jobs, len(misses) // MIN_FILES_PER_JOB)
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            work = [(p, config, options.debug) for p, _ in misses]
            done = list(pool.map(_process, work, chunksize=max(1, len(work) // (jobs * 4))))
    else:
        done = [_process((p, config, options.debug)) for p, _ in misses]
    for (path, key), outcome in zip(misses, done, strict=True):
        outcomes[path] = outcome
        if store and outcome[0] is not None:
            store.put(key, outcome[0], outcome[1])
    for path in found.files:
        result, warnings, error = outcomes[path]
        for w in warnings:
            warn.write(f"{path}: warning: {w}\n")
        if result is not None:
            results.append(result)
        if error is not None:
            errors.append(FileError(path, error))
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
    return exit_code(result, options.config.fail_on, options.exit_zero)
