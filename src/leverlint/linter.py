"""Lint one document: tag its solutions, run the enabled checks, stamp and
sort the findings."""

from __future__ import annotations

from collections.abc import Collection

from leverlint.checks import CHECKS
from leverlint.checks.facts import Facts
from leverlint.model import Document, FileResult, Finding, Severity
from leverlint.redflags import RedFlagMatcher
from leverlint.tagging import Tagger


def lint(
    doc: Document,
    tagger: Tagger,
    red_flags: RedFlagMatcher | None,
    enabled: Collection[str],
    severities: dict[str, Severity] | None = None,
) -> FileResult:
    """Run every enabled check on ``doc`` and return its sorted findings.

    ``red_flags`` may be ``None`` when LL004 is disabled, so its matcher is
    never built or run.
    """
    tagged = tagger.tag(doc.solutions) if doc.solutions else ()
    hits = tuple(red_flags.find(doc.prose)) if red_flags is not None else ()
    facts = Facts(document=doc, tagged=tagged, red_flags=hits)
    severities = severities or {}
    findings: list[Finding] = []
    for code, spec in CHECKS.items():
        if code not in enabled:
            continue
        severity = severities.get(code, spec.severity)
        for raw in spec.run(facts):
            snippet = doc.lines[raw.line - 1].strip() if 0 < raw.line <= len(doc.lines) else ""
            findings.append(
                Finding(
                    doc.path, raw.line, raw.col, code, spec.name, severity, raw.message, snippet
                )
            )
    findings.sort(key=lambda f: (f.line, f.col, f.code, f.message))
    return FileResult(path=doc.path, kind=doc.kind, tagged=tagged, findings=tuple(findings))
