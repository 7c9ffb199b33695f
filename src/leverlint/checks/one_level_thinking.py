"""Three or more solutions, all at one level: one habitual way of thinking."""

from __future__ import annotations

from collections.abc import Iterator

from leverlint.checks.facts import Facts
from leverlint.levels import LEVEL_NAMES, LOW_LEVERAGE
from leverlint.model import RawFinding

HELP = (
    "When every fix is the same kind of fix, the document reflects a habit more than an "
    "analysis. Generate one candidate per band (12-10, 9-7, 6-5, 4-1) before choosing."
)


FIRES = """\
# Design: provider failures

## Proposed solution

- Add a circuit breaker around provider calls.
- Page the on-call when provider errors exceed 2%.
- Automatically pause retries on HTTP 429.
"""

PASSES = """\
# Design: provider failures

## Proposed solution

- Add a circuit breaker around provider calls.
- Publish provider error rates to the payments channel.
- Require an owner for every provider integration.
"""


def check(facts: Facts) -> Iterator[RawFinding]:
    """Fire when at least three solutions share one level.

    A document whose single level is 12-10 is LL001's case (more specific,
    and an error), so this check leaves it to LL001.
    """
    levels = facts.levels()
    if len(levels) < 3 or len(set(levels)) != 1 or levels[0] in LOW_LEVERAGE:
        return
    level = levels[0]
    yield RawFinding(
        line=facts.anchor(),
        message=(
            f"all {len(levels)} solutions are at level {level} ({LEVEL_NAMES[level]}); "
            "one habitual kind of fix can miss the lever that matters. "
            "Write one alternative at each other band (12-10, 9-7, 6-5, 4-1) before choosing"
        ),
    )
