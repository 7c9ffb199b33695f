"""The author declared a level more than one band away from the tag."""

from __future__ import annotations

from collections.abc import Iterator

from leverlint.checks.facts import Facts
from leverlint.levels import LEVEL_NAMES, band_distance
from leverlint.model import RawFinding

HELP = (
    "The author declared a level with <!-- leverlint-level: N --> that is more than one "
    "band from what the words say. Either the wording hides the intent, or the "
    "declaration is optimistic."
)


FIRES = """\
# Postmortem

## Action items

- Raise the worker count to 12. <!-- leverlint-level: 3 -->
"""

PASSES = """\
# Postmortem

## Action items

- Raise the worker count to 12. <!-- leverlint-level: 11 -->
"""


def check(facts: Facts) -> Iterator[RawFinding]:
    """Fire where ``<!-- leverlint-level: N -->`` and the tag are bands apart."""
    for tagged in facts.tagged:
        declared = tagged.solution.declared_level
        if declared is None or tagged.level is None:
            continue
        if band_distance(declared, tagged.level) > 1:
            yield RawFinding(
                line=tagged.solution.line,
                message=(
                    f"declared level {declared} ({LEVEL_NAMES[declared]}) but the words read as "
                    f"level {tagged.level} ({LEVEL_NAMES[tagged.level]}); check the wording "
                    "says what the author means"
                ),
            )
