"""GitLab Code Quality report: a JSON array of issues."""

from __future__ import annotations

import json
from typing import TextIO

from leverlint.model import RunResult, Severity
from leverlint.reporters.fingerprint import fingerprints

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def emit(result: RunResult, out: TextIO) -> None:
    """Write every finding as a Code Quality issue."""
    prints = fingerprints(result)
    issues = [
        {
            "type": "issue",
            "description": f"{f.code} [{f.name}] {f.message}",
            "check_name": f.code,
            "categories": ["Clarity"],
            "fingerprint": prints[id(f)],
            "severity": SEVERITY[f.severity],
            "location": {"path": f.path, "lines": {"begin": f.line}},
        }
        for r in result.files
        for f in r.findings
    ]
    json.dump(issues, out, indent=2, ensure_ascii=False)
    out.write("\n")
