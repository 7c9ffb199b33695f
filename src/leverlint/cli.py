"""The command line: flags in, ``run(...)`` out, exit code. No linting logic."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from leverlint import __version__
from leverlint.checks import CHECKS
from leverlint.errors import LeverlintError
from leverlint.model import Severity
from leverlint.reporters import REPORTERS

FORMATS = ("auto", *REPORTERS)
SEVERITIES = [s.value for s in Severity]


def _fail(exc: Exception) -> NoReturn:
    click.echo(f"leverlint: error: {exc}", err=True)
    sys.exit(2)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _pairs(values: tuple[str, ...], sep: str, option: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for value in values:
        key, found, rest = value.rpartition(sep)
        if not found or not key:
            raise click.BadParameter(f"expected KEY{sep}VALUE, got {value!r}", param_hint=option)
        out[key] = rest
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="leverlint")
def main() -> None:
    """Lint RFCs, design docs, ADRs and postmortems for the leverage of their fixes."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="Output format; auto is github under GitHub Actions, text otherwise.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Use this configuration file instead of searching for one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--select", multiple=True, help="Codes or prefixes to enable (comma-separated).")
@click.option("--ignore", multiple=True, help="Codes or prefixes to disable (comma-separated).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that exits 1.")
@click.option("--severity", multiple=True, metavar="CODE=LEVEL", help="Override a severity.")
@click.option(
    "--per-file-ignores",
    multiple=True,
    metavar="GLOB:CODES",
    help="Ignore codes in files matching a glob.",
)
@click.option("--include", multiple=True, help="Globs of files to lint in folders.")
@click.option("--exclude", multiple=True, help="Globs of files or folders to skip.")
@click.option("--rules", "rule_packs", multiple=True, help="Extra rule pack file or folder.")
@click.option("--sections", multiple=True, help="Extra solution-section heading.")
@click.option("--max-file-size", type=click.IntRange(min=1), help="Skip larger files (bytes).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for files not in the cache.",
)
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
def check(paths: tuple[str, ...], fmt: str, config_path: Path | None, isolated: bool,
          select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
          severity: tuple[str, ...], per_file_ignores: tuple[str, ...], include: tuple[str, ...],
          exclude: tuple[str, ...], rule_packs: tuple[str, ...], sections: tuple[str, ...],
          max_file_size: int | None, exit_zero: bool, no_cache: bool, jobs: int,
          debug: bool) -> None:  # fmt: skip
    """Lint Markdown files and folders (default: the current folder)."""
    from leverlint.config import load_config, merge_flags, parse_config
    from leverlint.run import Options, run

    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    raw: dict[str, Any] = {}
    if select:
        raw["select"] = list(_split(select))
    if ignore:
        raw["ignore"] = list(_split(ignore))
    if fail_on:
        raw["fail-on"] = fail_on
    if severity:
        raw["severity"] = _pairs(severity, "=", "--severity")
    if per_file_ignores:
        raw["per-file-ignores"] = _pairs(per_file_ignores, ":", "--per-file-ignores")
    for key, value in (("include", include), ("exclude", exclude), ("sections", sections),
                       ("rules", rule_packs)):  # fmt: skip
        if value:
            raw[key] = list(value)
    if max_file_size:
        raw["max-file-size"] = max_file_size
    try:
        config = load_config(config_path, isolated)
        flags = parse_config(raw, "command line", {}, Path.cwd())
        given = {k.replace("-", "_") for k in raw}
        config = merge_flags(config, {k: getattr(flags, k) for k in given})
        code = run(Options(paths=paths or (".",), format=fmt, exit_zero=exit_zero,
                           debug=debug, cache=not no_cache,
                           jobs=jobs,
                           config=config))  # fmt: skip
    except LeverlintError as exc:
        _fail(exc)
    sys.exit(code)


@main.command()
@click.argument("texts", nargs=-1)
@click.option(
    "--explain", is_flag=True, help="Show every rule that matched and why the winner won."
)
def classify(texts: tuple[str, ...], explain: bool) -> None:
    """Tag solutions given as arguments, or one per line on stdin."""
    from leverlint.classify import classify_lines, explain_text

    lines = list(texts) if texts else [line.rstrip("\n") for line in sys.stdin]
    lines = [line for line in lines if line.strip()]
    try:
        if explain:
            for block in explain_text(lines):
                click.echo(block)
        else:
            for item in classify_lines(lines):
                click.echo(json.dumps(item, ensure_ascii=False))
    except LeverlintError as exc:
        _fail(exc)


@main.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@click.option(
    "--check",
    "pack",
    type=click.Path(path_type=Path),
    help="Validate a rule pack and run its examples.",
)
@click.option("--config", "config_path", type=click.Path(path_type=Path))
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
def rules_command(fmt: str, pack: Path | None, config_path: Path | None, isolated: bool) -> None:
    """List every check and tag rule, or check a rule pack (--check)."""
    from leverlint.config import load_config
    from leverlint.ruledocs import listing, listing_text, markdown
    from leverlint.rulepack import load_rules
    from leverlint.run import enabled_codes

    try:
        if pack is not None:
            from leverlint.packcheck import check_pack

            failures = check_pack(pack)
            for line in failures:
                click.echo(line)
            click.echo(f"{pack}: {'ok' if not failures else f'{len(failures)} failing'}", err=True)
            sys.exit(1 if failures else 0)
        config = load_config(config_path, isolated)
        rules = load_rules(config.rules)
    except LeverlintError as exc:
        _fail(exc)
    if fmt == "markdown":
        click.echo(markdown(rules), nl=False)
        return
    records = listing(rules, enabled_codes(config.select, config.ignore))
    click.echo(json.dumps(records, indent=2) if fmt == "json" else listing_text(records))


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a check: what it flags, why, examples, how to silence it."""
    from leverlint.ruledocs import explain as explain_spec

    spec = CHECKS.get(code.upper())
    if spec is None:
        _fail(LeverlintError(f"unknown code {code!r}; known: {', '.join(CHECKS)}"))
    click.echo(explain_spec(spec))
