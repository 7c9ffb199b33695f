"""A proposed solution that no rule could place at a leverage level."""

from __future__ import annotations

from collections.abc import Iterator

from leverlint.checks.facts import Facts
from leverlint.model import RawFinding

HELP = (
    "No rule recognised what this solution changes. Reword it to name the change (a "
    "number, a reserve, a connection, a delay, a check, a flow of information, a rule, a "
    "goal) or declare its level with <!-- leverlint-level: N -->."
)


FIRES = """\
# Postmortem

## Follow-ups

- Sort out the Tuesday thing.
"""

PASSES = """\
# Postmortem

## Follow-ups

- Alert the storage team when the Tuesday backup fails.
"""


def check(facts: Facts) -> Iterator[RawFinding]:
    """Fire on each solution with no level (and no declared level); an inquiry
    ("Look into X") is not a fix and is not expected to have one."""
    for tagged in facts.tagged:
        if tagged.effective_level is None and not tagged.solution.inquiry:
            text = tagged.solution.text
            short = text if len(text) <= 60 else text[:57] + "..."
            yield RawFinding(
                line=tagged.solution.line,
                message=(
                    f'cannot place "{short}" at a leverage level; say what it changes '
                    "(a number, a flow, a rule, a goal) or declare it with "
                    "<!-- leverlint-level: N -->"
                ),
            )
