"""Tagger accuracy: exact level, band, untagged and a confusion table.

    python benchmarks/accuracy.py                  # both sets
    python benchmarks/accuracy.py PATH.yaml ...    # any labelled sets
    python benchmarks/accuracy.py --errors         # also list every miss

A labelled set is a YAML list of ``{level, text, also?}``; an item is right
when the tag is its level or one of its ``also`` levels. Untagged counts as
wrong. Bands: 12-10, 9-7, 6-5, 4-1. Uses the installed package, so it
measures exactly what users run.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from leverlint.levels import band
from leverlint.model import Evidence
from leverlint.noise import clean
from leverlint.tagging import get_tagger

HERE = Path(__file__).resolve().parent
DEFAULT_SETS = [
    HERE.parent.parent / "shared" / "eval" / "solutions.yaml",
    HERE / "heldout.yaml",
    *sorted(HERE.glob("blind*.yaml"), key=lambda p: int("0" + re.sub(r"\D", "", p.name))),
]


# A set's header may record its first score, taken before any rule change
# was made with the set in view: the only unseen measurement it gives.
FIRST_SCORE = re.compile(r"first score:\s*(([\d.]+)% exact\s*/\s*([\d.]+)% band.*)")


def evaluate(path: Path, show_errors: bool) -> tuple[str, int, int, int, int, str]:
    """Print the scores for one labelled set and return its summary row."""
    text = path.read_text(encoding="utf-8")
    items = yaml.safe_load(text)
    n, exact, banded, untagged = report(str(path), items, show_errors)
    first = FIRST_SCORE.search(text)
    unseen = f"{first.group(2)}% / {first.group(3)}%" if first else "-"
    return path.name, n, exact, banded, untagged, unseen


def report(
    title: str,
    items: list[dict[str, Any]],
    show_errors: bool,
    tags: Sequence[tuple[int | None, Sequence[Evidence]]] | None = None,
) -> tuple[int, int, int, int]:
    """Score ``{text, level, also?}`` items and print exact, band, untagged, confusion.

    ``tags`` are the (level, evidence) pairs to score, when the caller tagged
    the items in their documents; by default each text is tagged alone.
    """
    if tags is None:
        decisions = get_tagger().decide_texts(clean(i["text"]) for i in items)
        tags = [(d.level, d.evidence()) for d in decisions]
    exact = banded = untagged = 0
    confusion: Counter[tuple[int, int | None]] = Counter()
    misses: list[str] = []
    for item, (got, evidence) in zip(items, tags, strict=True):
        gold = {item["level"], *item.get("also", [])}
        confusion[(item["level"], got)] += 1
        if got is None:
            untagged += 1
        elif got in gold:
            exact += 1
        if got is not None and any(band(got) == band(g) for g in gold):
            banded += 1
        if got not in gold:
            top = ", ".join(f"{e.rule}={e.score}" for e in evidence[:3])
            misses.append(
                f"  gold {item['level']:>2} got {got!s:>4}  {item['text']}\n        [{top}]"
            )
    n = len(items)
    print(f"== {title}  ({n} items)")
    print(f"exact    {exact / n:6.1%}  ({exact}/{n})")
    print(f"band     {banded / n:6.1%}  ({banded}/{n})")
    print(f"untagged {untagged / n:6.1%}  ({untagged}/{n})")
    print("confusion (rows: gold level, columns: tagged level, '-' untagged)")
    cols: list[int | None] = [*range(12, 0, -1), None]
    print("     " + "".join(f"{('-' if c is None else c)!s:>4}" for c in cols))
    for g in range(12, 0, -1):
        row = "".join(f"{(confusion[(g, c)] or '.')!s:>4}" for c in cols)
        print(f"  {g:>2} {row}")
    if show_errors and misses:
        print("misses:")
        print("\n".join(misses))
    print()
    return n, exact, banded, untagged


def summary(rows: list[tuple[str, int, int, int, int, str]]) -> None:
    """One line per set: today's scores beside the first (unseen) score."""
    head = f"{'set':<18}{'items':>6}{'exact':>8}{'band':>8}{'untagged':>10}"
    print(f"{head}   first score (exact / band)")
    for name, n, exact, banded, untagged, unseen in rows:
        print(
            f"{name:<18}{n:>6}{exact / n:>8.1%}{banded / n:>8.1%}{untagged / n:>10.1%}   {unseen}"
        )


def main() -> int:
    """Parse arguments and evaluate each set."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    sets = args.sets or [p for p in DEFAULT_SETS if p.exists()]
    if not sets:
        print("no labelled set found", file=sys.stderr)
        return 2
    summary([evaluate(path, args.errors) for path in sets])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
