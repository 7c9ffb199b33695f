"""Counts over a whole run, shared by the JSON report and the text summary."""

from __future__ import annotations

from collections import Counter
from typing import Any

from leverlint.model import RunResult


def summarize(result: RunResult) -> dict[str, Any]:
    """Files, solutions, levels and findings counted for a run."""
    severities = Counter(f.severity.value for r in result.files for f in r.findings)
    codes = Counter(f.code for r in result.files for f in r.findings)
    levels = Counter(
        t.effective_level for r in result.files for t in r.tagged if t.effective_level is not None
    )
    solutions = sum(len(r.tagged) for r in result.files)
    return {
        "files": len(result.files),
        "errors": len(result.errors),
        "solutions": solutions,
        "untagged": solutions - sum(levels.values()),
        "levels": {str(k): levels[k] for k in sorted(levels, reverse=True)},
        "findings": sum(severities.values()),
        "by_severity": {k: severities[k] for k in ("error", "warning", "info") if severities[k]},
        "by_code": {k: codes[k] for k in sorted(codes)},
    }


def one_line(result: RunResult) -> str:
    """The human summary printed to stderr after text output."""
    s = summarize(result)
    parts = [f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in s["by_severity"].items()]
    found = f"{s['findings']} finding{'s' if s['findings'] != 1 else ''}"
    if parts:
        found += f" ({', '.join(parts)})"
    line = (
        f"{found} in {s['files']} file{'s' if s['files'] != 1 else ''}; "
        f"{s['solutions']} solution{'s' if s['solutions'] != 1 else ''}"
    )
    if s["untagged"]:
        line += f" ({s['untagged']} untagged)"
    if s["errors"]:
        line += f"; {s['errors']} file{'s' if s['errors'] != 1 else ''} could not be linted"
    return line
