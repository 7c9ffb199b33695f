"""``leverlint classify``: probe the tagger one solution at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from leverlint.levels import level_name
from leverlint.noise import clean
from leverlint.tagging import Decision, get_tagger


def _decide(lines: Sequence[str]) -> list[tuple[str, Decision]]:
    cleaned = [clean(line) for line in lines]
    return list(zip(cleaned, get_tagger().decide_texts(cleaned), strict=True))


def classify_lines(lines: Sequence[str]) -> list[dict[str, Any]]:
    """One JSON-ready record per line: text, level, level_name, evidence."""
    return [
        {
            "text": text,
            "level": d.level,
            "level_name": level_name(d.level),
            "evidence": [
                {"rule": e.rule, "match": e.match, "reason": e.reason} for e in d.evidence()
            ],
        }
        for text, d in _decide(lines)
    ]


def explain_text(lines: Sequence[str]) -> list[str]:
    """A readable account per line: every match, each level's score, the winner."""
    blocks: list[str] = []
    for text, d in _decide(lines):
        out = [text]
        if d.level is None:
            out.append("  -> untagged: no rule matched")
            blocks.append("\n".join(out))
            continue
        out.append(f"  -> level {d.level} ({level_name(d.level)})")
        out.append("  level scores: " + "  ".join(f"{lvl}={s}" for lvl, s in d.level_scores))
        for e in d.evidence():
            out.append(f'  {e.level:>2}  {e.rule:<40} {e.score:<6} "{e.match}"  {e.reason}')
        scores = dict(d.level_scores)
        rivals = sorted((s, lvl) for lvl, s in scores.items() if lvl != d.level)
        if d.by == "close call" and d.guess is not None:
            top, lvl = rivals[-1]
            why = (
                f"a close call: its rules sum to {scores[d.level]}, at least two thirds of level "
                f"{lvl}'s {top}, and the learned model prefers it "
                f"(p={d.guess.probability}, knows {d.guess.coverage:.0%} of the text; "
                f"words: {', '.join(d.guess.words)})"
            )
        elif d.by == "verb":
            why = "no other rule matched, so the leading verb alone places it (weak evidence)"
            if rivals:
                why += f"; level {rivals[-1][1]}'s verb scored {rivals[-1][0]}"
        elif rivals:
            s, lvl = rivals[-1]
            why = f"its rules sum to {scores[d.level]}, ahead of level {lvl} at {s}"
            if s == scores[d.level]:
                why = (
                    f"tied with level {lvl} at {s}; a tie goes to the stronger single "
                    "match, then to the weaker level"
                )
        else:
            why = "it is the only level with evidence"
        out.append(f"  winner: level {d.level}, because {why}")
        blocks.append("\n".join(out))
    return blocks
