"""A goal, paradigm or self-organisation change with no supporting rule or information flow."""

from __future__ import annotations

from collections.abc import Iterator

from leverlint.checks.facts import Facts
from leverlint.levels import LEVEL_NAMES
from leverlint.model import RawFinding

HELP = (
    "A changed goal or mindset with nothing underneath it is an announcement: people keep "
    "the old behaviour when the new one is neither visible nor expected. Pair it with an "
    "information flow (6) and a rule or incentive (5)."
)


FIRES = """\
# RFC: reliability

## Proposal

- Change the team's goal from uptime to safe daily shipping.
"""

PASSES = """\
# RFC: reliability

## Proposal

- Change the team's goal from uptime to safe daily shipping.
- Publish deploy safety metrics on the team dashboard.
"""


def check(facts: Facts) -> Iterator[RawFinding]:
    """Fire on each solution at levels 4-1 when no solution sits at 6-5."""
    levels = facts.levels()
    if any(5 <= lvl <= 6 for lvl in levels):
        return
    for tagged in facts.tagged:
        level = tagged.effective_level
        if level is not None and level <= 4:
            yield RawFinding(
                line=tagged.solution.line,
                message=(
                    f"level {level} ({LEVEL_NAMES[level]}) change with nothing at levels 6-5 "
                    "to carry it: a new goal or mindset needs information that shows "
                    "progress and rules that reward it, or it reverts under pressure. "
                    "Add what people will see (6) and what will be expected of them (5)"
                ),
            )
