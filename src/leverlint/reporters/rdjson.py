"""reviewdog's Diagnostic JSON (rdjson), for ``reviewdog -f=rdjson``."""

from __future__ import annotations

import json
from typing import TextIO

from leverlint.model import RunResult, Severity

SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def emit(result: RunResult, out: TextIO) -> None:
    """Write one rdjson document for the run."""
    doc = {
        "source": {"name": "leverlint", "url": "https://github.com/leverlint/leverlint"},
        "diagnostics": [
            {
                "message": f.message,
                "location": {
                    "path": f.path,
                    "range": {"start": {"line": f.line, "column": f.col}},
                },
                "severity": SEVERITY[f.severity],
                "code": {"value": f.code},
                "source": {"name": "leverlint"},
            }
            for r in result.files
            for f in r.findings
        ],
    }
    json.dump(doc, out, indent=2, ensure_ascii=False)
    out.write("\n")
