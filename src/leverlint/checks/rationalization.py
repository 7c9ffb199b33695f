"""A red-flag rationalisation for avoiding high-leverage change, anywhere in the prose."""

from __future__ import annotations

from collections.abc import Iterator

from leverlint.checks.facts import Facts
from leverlint.model import RawFinding

HELP = (
    "Phrases such as 'too urgent for that', 'not our call' or 'too risky' push a team "
    "towards the weakest fixes because those feel safe. The message names what to do "
    "instead."
)


FIRES = """\
# Postmortem

## Discussion

A redesign is too risky right now.
"""

PASSES = """\
# Postmortem

## Discussion

A redesign is risky, so we will pilot it on one service first.
"""


def check(facts: Facts) -> Iterator[RawFinding]:
    """Fire at each sentence that rationalises staying at low leverage."""
    lines = facts.document.lines
    for hit in facts.red_flags:
        source = lines[hit.line - 1] if 0 < hit.line <= len(lines) else ""
        col = source.lower().find(hit.text.split()[0].lower()) + 1 if hit.text else 1
        yield RawFinding(
            line=hit.line,
            col=max(col, 1),
            message=f'"{hit.text}" is a red flag: {hit.flag.reason}. Instead, {hit.flag.instead}',
        )
