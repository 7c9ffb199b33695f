"""The Markdown a reviewer reads in a GitHub step summary.

Per document: its leverage profile (solutions per level, with a bar) and its
findings; then totals. Document text is escaped so a pull request cannot
inject markup, links or HTML into the summary.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TextIO

from leverlint.levels import LEVEL_NAMES
from leverlint.model import FileResult, RunResult, Severity
from leverlint.summary import summarize

ICON = {Severity.ERROR: "\u274c", Severity.WARNING: "\u26a0\ufe0f", Severity.INFO: "\u2139\ufe0f"}
_SPECIAL = re.compile(r"([\\`*_\[\]|~<>&])")


def md_escape(text: str) -> str:
    """Escape Markdown and HTML so user text shows as written, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _bar(n: int, width: int = 20) -> str:
    return "█" * min(n, width) + ("…" if n > width else "")


def _profile(file: FileResult) -> list[str]:
    levels = Counter(t.effective_level for t in file.tagged)
    rows = ["| level | solutions | |", "|---|---:|---|"]
    for lvl in range(12, 0, -1):
        if levels[lvl]:
            rows.append(f"| {lvl} {LEVEL_NAMES[lvl]} | {levels[lvl]} | {_bar(levels[lvl])} |")
    if levels[None]:
        rows.append(f"| untagged | {levels[None]} | {_bar(levels[None])} |")
    return rows


def emit(result: RunResult, out: TextIO) -> None:
    """Append the whole run's summary as Markdown."""
    s = summarize(result)
    sev = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in s["by_severity"].items())
    out.write("## leverlint\n\n")
    out.write(
        f"**{s['findings']} findings** ({sev or 'none'}) in {s['files']} files; "
        f"{s['solutions']} solutions, {s['untagged']} untagged.\n\n"
    )
    if s["levels"]:
        out.write("| level | solutions | |\n|---|---:|---|\n")
        for lvl, n in s["levels"].items():
            out.write(f"| {lvl} {LEVEL_NAMES[int(lvl)]} | {n} | {_bar(n)} |\n")
        out.write("\n")
    for file in result.files:
        if not file.tagged and not file.findings:
            continue
        out.write(f"### {md_escape(file.path)} ({file.kind})\n\n")
        if file.tagged:
            out.write("\n".join(_profile(file)) + "\n\n")
        for f in file.findings:
            out.write(
                f"- {ICON[f.severity]} line {f.line}: **{f.code}** {f.name}: "
                f"{md_escape(f.message)}\n"
            )
        out.write("\n")
    if result.errors:
        out.write("### Files that could not be linted\n\n")
        for e in result.errors:
            out.write(f"- {md_escape(e.path)}: {md_escape(e.message)}\n")
        out.write("\n")
