"""Every proposed solution with a level sits at 12-10 (parameters, buffers, structure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from leverlint.checks.facts import Facts
from leverlint.levels import LEVEL_NAMES, LOW_LEVERAGE, upward_questions
from leverlint.model import RawFinding

HELP = (
    "Parameters, buffers and plumbing (levels 12-10) are the easiest fixes to write and the "
    "weakest: the feedback, rules and goals that produced the problem stay in place and "
    "push the numbers back. Keep the quick fix if it buys time, and add at least one fix "
    "that changes what people see (6), what is expected of them (5) or what the system "
    "is for (3)."
)


FIRES = """\
# Postmortem: checkout timeouts

## Action items

- Raise the gateway timeout from 30s to 60s.
- Add two more checkout servers.
"""

PASSES = """\
# Postmortem: checkout timeouts

## Action items

- Raise the gateway timeout from 30s to 60s.
- Show checkout latency to the owning team after every deploy.
"""


def check(facts: Facts) -> Iterator[RawFinding]:
    """Fire once, at the solution section's heading, naming the levels found
    and asking concrete questions one and more levels up."""
    levels = facts.levels()
    if not levels or not set(levels) <= LOW_LEVERAGE:
        return
    counts = Counter(levels)
    found = ", ".join(
        f"{n}x level {lvl} {LEVEL_NAMES[lvl]}" for lvl, n in sorted(counts.items(), reverse=True)
    )
    questions = "; ".join(upward_questions(set(levels)))
    yield RawFinding(
        line=facts.anchor(),
        message=(
            f"every proposed solution is low leverage ({found}): numbers and plumbing "
            f"change while the system that produced the problem stays. Ask: {questions}"
        ),
    )
