"""The command line: flags in, ``run(...)`` out, exit code. No linting logic."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from leverlint import __version__
from leverlint.checks import CHECKS
from leverlint.errors import LeverlintError
from leverlint.model import Severity
from leverlint.reporters import REPORTERS

FORMATS = ("auto", *REPORTERS)


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    for code in codes:
        if not any(known.startswith(code) for known in CHECKS):
            raise click.BadParameter(f"unknown code or prefix {code!r}")
    return codes


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
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="error",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail.")
@click.option("--select", help="Comma-separated codes or prefixes to enable (default: all).")
@click.option("--ignore", help="Comma-separated codes or prefixes to disable.")
@click.option(
    "--rules",
    "rule_packs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra rule pack file or folder (repeatable).",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str,
    exit_zero: bool,
    select: str | None,
    ignore: str | None,
    rule_packs: tuple[Path, ...],
) -> None:
    """Lint Markdown files and folders (default: the current folder)."""
    from leverlint.run import Options, run

    if fmt == "auto":
        fmt = (
            "github"
            if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in REPORTERS
            else "text"
        )
    try:
        options = Options(
            paths=paths or (".",),
            format=fmt,
            fail_on=Severity(fail_on),
            exit_zero=exit_zero,
            select=_codes(select),
            ignore=_codes(ignore),
            rule_packs=rule_packs,
        )
        code = run(options)
    except LeverlintError as exc:
        click.echo(f"leverlint: error: {exc}", err=True)
        sys.exit(2)
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
        click.echo(f"leverlint: error: {exc}", err=True)
        sys.exit(2)
