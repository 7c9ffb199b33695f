"""An inline suppression that suppresses nothing (stale or misspelt)."""

from __future__ import annotations

from collections.abc import Iterator

from leverlint.checks.facts import Facts
from leverlint.model import RawFinding

HELP = (
    "A leverlint-disable comment or front-matter entry that no longer silences anything "
    "hides nothing but still tells readers something is wrong here. Remove it, or fix "
    "the code it names."
)


FIRES = """\
# Postmortem

## Action items

<!-- leverlint-disable-next-line LL004 -->
- Publish the weekly error report to all teams.
"""

PASSES = """\
# Postmortem

## Discussion

<!-- leverlint-disable-next-line LL004 -->
That decision is not our call.
"""


def check(facts: Facts) -> Iterator[RawFinding]:
    """Fire at each directive the linter found unused (run after suppression)."""
    for line, message in facts.stale_suppressions:
        yield RawFinding(line=line, message=message)
