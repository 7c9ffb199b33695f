"""One JSON document for the whole run (``--format json``)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from leverlint.levels import level_name
from leverlint.model import FileResult, RunResult, Tagged
from leverlint.summary import summarize

VERSION = 1


def tagged_json(t: Tagged) -> dict[str, Any]:
    """A solution as JSON: line, text, level, level_name, evidence."""
    item: dict[str, Any] = {
        "line": t.solution.line,
        "text": t.solution.text,
        "level": t.effective_level,
        "level_name": level_name(t.effective_level),
        "tagged_level": t.level,
        "declared_level": t.solution.declared_level,
        "section": t.solution.section.title,
        "inquiry": t.solution.inquiry,
        "evidence": [{"rule": e.rule, "match": e.match, "reason": e.reason} for e in t.evidence],
    }
    return item


def _file(f: FileResult) -> dict[str, Any]:
    return {
        "path": f.path,
        "kind": f.kind,
        "solutions": [tagged_json(t) for t in f.tagged],
        "findings": [
            {
                "path": x.path,
                "line": x.line,
                "col": x.col,
                "code": x.code,
                "name": x.name,
                "severity": x.severity.value,
                "message": x.message,
            }
            for x in f.findings
        ],
    }


def emit(result: RunResult, out: TextIO) -> None:
    """Write the report as one indented JSON document."""
    doc = {
        "version": VERSION,
        "files": [_file(f) for f in result.files],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
        "summary": summarize(result),
    }
    json.dump(doc, out, indent=2, ensure_ascii=False)
    out.write("\n")
