"""Meadows' twelve leverage levels: names, bands and next-level-up questions.

Level 12 is the weakest place to intervene (parameters), level 1 the
strongest (transcending paradigms). Everything that needs a level's name or
band asks here, so the vocabulary lives in one place.
"""

from __future__ import annotations

LEVEL_NAMES: dict[int, str] = {
    12: "parameters",
    11: "buffers",
    10: "stock-and-flow structure",
    9: "delays",
    8: "balancing feedback loops",
    7: "reinforcing feedback loops",
    6: "information flows",
    5: "rules",
    4: "self-organization",
    3: "goals",
    2: "paradigms",
    1: "transcending paradigms",
}

# Bands used for accuracy and for LL005: weak, feedback, social, deep.
BANDS: tuple[tuple[int, int], ...] = ((12, 10), (9, 7), (6, 5), (4, 1))

LOW_LEVERAGE = frozenset({12, 11, 10})

# Questions that move a fix up the hierarchy, keyed by the level they ask
# about. Written for leverlint, after the seed's "move up" heuristic.
UPWARD_QUESTIONS: dict[int, str] = {
    11: "what reserve would absorb the swings so the number stops mattering",
    10: "what change to what is connected to what would remove the bottleneck",
    9: "how could the people causing the problem see its effect sooner",
    8: "what automatic check would correct this without anyone re-tuning it",
    6: "what information would make people want this outcome themselves",
    5: "what rule, ownership or incentive would make this adjust itself",
    3: "what goal would make that rule unnecessary",
}


def level_name(level: int | None) -> str | None:
    """The short name of a level, or ``None`` for an untagged solution."""
    return None if level is None else LEVEL_NAMES[level]


def band(level: int) -> tuple[int, int]:
    """The band (high, low) that holds ``level``."""
    for high, low in BANDS:
        if low <= level <= high:
            return (high, low)
    raise ValueError(f"level out of range 1..12: {level}")


def band_distance(a: int, b: int) -> int:
    """How many bands apart two levels are (0 when in the same band)."""
    index = {b_: i for i, b_ in enumerate(BANDS)}
    return abs(index[band(a)] - index[band(b)])


def upward_questions(levels: set[int]) -> list[str]:
    """Concrete next-level-up questions for the levels a document has.

    One question just above the document's strongest level, then the seed's
    ladder: the rule that would make the number self-adjust (5), the
    information that would make people want the outcome (6), and the goal
    that would make the rule unnecessary (3).
    """
    best = min(levels) if levels else 12
    ladder = [best - 1, 5, 6, 3]
    asked: list[int] = []
    for lvl in ladder:
        if lvl in UPWARD_QUESTIONS and lvl < best and lvl not in asked:
            asked.append(lvl)
    return [f"{UPWARD_QUESTIONS[lvl]}? (level {lvl}, {LEVEL_NAMES[lvl]})" for lvl in asked]
