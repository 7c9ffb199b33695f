"""Inline suppressions in Markdown comments (markdownlint's grammar).

    <!-- leverlint-disable-file LL001 -->
    <!-- leverlint-disable LL004 --> ... <!-- leverlint-enable LL004 -->
    <!-- leverlint-disable-next-line LL004 -->
    <!-- leverlint-disable-line LL006 -->

No code means every code. Front matter ``leverlint: {disable: [LL002]}``
disables codes for the whole file. A suppression that suppresses nothing is
reported as LL007 (info), so stale ones are found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from leverlint.model import Finding

_DIRECTIVE = re.compile(
    r"<!--\s*leverlint-(disable-file|disable-next-line|disable-line|disable|enable)"
    r"((?:[\s,]+[A-Za-z]+\d*)*)\s*-->"
)


@dataclass(slots=True)
class Suppression:
    """One directive: the lines it covers and the codes (empty = all)."""

    line: int
    kind: str
    codes: frozenset[str]
    first: int
    last: int
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        """True when this directive silences ``finding``."""
        in_range = self.first <= finding.line <= self.last
        return in_range and (not self.codes or finding.code in self.codes)


def _codes(text: str) -> frozenset[str]:
    return frozenset(c.upper() for c in re.split(r"[\s,]+", text.strip()) if c)


def parse_directives(
    comments: Sequence[tuple[int, str]], line_count: int, front_matter: dict[str, Any]
) -> list[Suppression]:
    """Every suppression in a document's HTML comments, with the lines it covers."""
    end = line_count + 1
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for number, text in comments:
        for m in _DIRECTIVE.finditer(text):
            kind, codes = m.group(1), _codes(m.group(2))
            if kind == "disable-file":
                out.append(Suppression(number, kind, codes, 1, end))
            elif kind == "disable-next-line":
                out.append(Suppression(number, kind, codes, number + 1, number + 1))
            elif kind == "disable-line":
                out.append(Suppression(number, kind, codes, number, number))
            elif kind == "disable":
                sup = Suppression(number, kind, codes, number, end)
                out.append(sup)
                open_ranges.append(sup)
            else:  # enable closes matching open ranges
                for sup in list(open_ranges):
                    if not codes or sup.codes == codes or not sup.codes:
                        sup.last = number - 1
                        open_ranges.remove(sup)
    settings = front_matter.get("leverlint")
    if isinstance(settings, dict) and isinstance(settings.get("disable"), list):
        codes = frozenset(str(c).upper() for c in settings["disable"])
        out.append(Suppression(1, "front-matter", codes, 1, end))
    return out


def apply(findings: Iterable[Finding], suppressions: Sequence[Suppression]) -> list[Finding]:
    """Findings left after suppression; each directive records what it silenced."""
    kept: list[Finding] = []
    for finding in findings:
        hit = [s for s in suppressions if s.covers(finding)]
        for s in hit:
            s.used.add(finding.code)
        if not hit:
            kept.append(finding)
    return kept


def unused(suppressions: Sequence[Suppression], enabled: Iterable[str]) -> list[tuple[int, str]]:
    """``(line, message)`` for each directive that suppressed nothing.

    Codes that are not enabled are not reported: a directive for a rule
    switched off in the configuration is not stale, it is idle.
    """
    on = set(enabled)
    out: list[tuple[int, str]] = []
    for s in suppressions:
        if s.kind == "enable":
            continue
        wanted = sorted(s.codes & on) if s.codes else []
        if s.codes and not wanted:
            continue
        if not s.used:
            what = ", ".join(wanted) if wanted else "any code"
            out.append((s.line, f"leverlint-{s.kind} for {what} suppresses nothing; remove it"))
        elif wanted:
            idle = [c for c in wanted if c not in s.used]
            if idle:
                out.append(
                    (s.line, f"leverlint-{s.kind} for {', '.join(idle)} suppresses nothing here")
                )
    return out
