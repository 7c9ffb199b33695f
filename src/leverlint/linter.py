"""Lint one document: tag its solutions, run the enabled checks, stamp
severities, apply suppressions, and sort the findings."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace

from leverlint.checks import CHECKS
from leverlint.checks.facts import Facts
from leverlint.model import Document, FileResult, Finding, Severity
from leverlint.redflags import RedFlagMatcher
from leverlint.suppress import apply, parse_directives, unused
from leverlint.tagging import Tagger

AFTER_SUPPRESSION = "LL007"


def _stamp(facts: Facts, code: str, severity: Severity) -> list[Finding]:
    doc, spec = facts.document, CHECKS[code]
    out = []
    for raw in spec.run(facts):
        snippet = doc.lines[raw.line - 1].strip() if 0 < raw.line <= len(doc.lines) else ""
        out.append(
            Finding(doc.path, raw.line, raw.col, code, spec.name, severity, raw.message, snippet)
        )
    return out


def lint(
    doc: Document,
    tagger: Tagger | None,
    red_flags: RedFlagMatcher | None,
    enabled: Collection[str],
    severities: Mapping[str, Severity] | None = None,
) -> FileResult:
    """Run every enabled check on ``doc`` and return its sorted findings.

    ``tagger`` is ``None`` only for a document with no solutions, and
    ``red_flags`` is ``None`` when LL004 is off, so spaCy is never loaded
    for work that is not needed. The checks never set their own code or
    severity; this function stamps them from the spec and ``severities``.
    """
    tagged = tagger.tag(doc.solutions, doc.kind) if doc.solutions and tagger is not None else ()
    hits = tuple(red_flags.find(doc.prose)) if red_flags is not None else ()
    facts = Facts(document=doc, tagged=tagged, red_flags=hits)
    severities = severities or {}

    def severity(code: str) -> Severity:
        return severities.get(code, CHECKS[code].severity)

    findings: list[Finding] = []
    for code in CHECKS:
        if code in enabled and code != AFTER_SUPPRESSION:
            findings += _stamp(facts, code, severity(code))
    suppressions = parse_directives(doc.comments, len(doc.lines), doc.front_matter)
    kept = apply(findings, suppressions)
    if AFTER_SUPPRESSION in enabled and suppressions:
        stale = tuple(unused(suppressions, enabled))
        kept += _stamp(
            replace(facts, stale_suppressions=stale), AFTER_SUPPRESSION, severity(AFTER_SUPPRESSION)
        )
    kept.sort(key=lambda f: (f.line, f.col, f.code, f.message))
    return FileResult(path=doc.path, kind=doc.kind, tagged=tagged, findings=tuple(kept))
