"""Tagger accuracy on real postmortem action items from ../shared/corpus.

    python benchmarks/real_items.py [--errors] [--labels FILE ...]
    python benchmarks/real_items.py --sample 40 --seed 7 --under postmortem --name ministryofjustice

Labels live in benchmarks/real_items*.yaml by file and line; the text is
read from the corpus at run time through leverlint's own extraction, so
this also checks that the extractor finds each item.

--sample prints unlabelled items (file, line, text; never a tag) so a new
set can be labelled before the tagger's answer on it has been seen.
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import cache
from pathlib import Path

import yaml
from accuracy import FIRST_SCORE, report

from leverlint.document import parse
from leverlint.model import Document, Solution
from leverlint.tagging import get_tagger

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"


def main() -> int:
    """Collect the labelled items from the corpus and score them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--errors", action="store_true", help="list every miss")
    parser.add_argument(
        "--labels",
        nargs="+",
        type=Path,
        default=sorted(HERE.glob("real_items*.yaml")),
        help="label files to score (default: every benchmarks/real_items*.yaml)",
    )
    parser.add_argument("--sample", type=int, help="print N unlabelled items to label")
    parser.add_argument("--seed", type=int, default=0, help="random seed for --sample")
    parser.add_argument("--under", default="postmortem", help="corpus folder for --sample")
    parser.add_argument("--name", default="", help="only files whose name holds this")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    if args.sample:
        return sample(args.sample, args.seed, args.under, args.name)
    for path in args.labels:
        score(path, args.errors)
    return 0


@cache
def solutions(name: str) -> tuple[Solution, ...]:
    """The solutions leverlint extracts from one corpus file (parsed once)."""
    return parsed(name).solutions


@cache
def parsed(name: str) -> Document:
    """One corpus file, parsed."""
    path = CORPUS / name
    doc, _ = parse(str(path), path.read_text(encoding="utf-8"))
    return doc


def labelled() -> set[tuple[str, int]]:
    """(file, line) of every item any label file already holds."""
    seen = set()
    for path in HERE.glob("real_items*.yaml"):
        for label in yaml.safe_load(path.read_text(encoding="utf-8")):
            seen.add((label["file"], label["line"]))
    return seen


def sample(count: int, seed: int, under: str, name_part: str) -> int:
    """Print `count` random unlabelled solutions from corpus/`under`, untagged."""
    seen = labelled()
    pool = []
    for path in sorted((CORPUS / under).glob(f"*{name_part}*.md" if name_part else "*.md")):
        name = f"{under}/{path.name}"
        pool += [(name, s.line, s.text) for s in solutions(name) if (name, s.line) not in seen]
    for name, line, text in sorted(random.Random(seed).sample(pool, min(count, len(pool)))):
        print(f"- {{file: {name}, line: {line}, level: }}  # {text[:160]}")
    return 0


def score(labels_path: Path, errors: bool) -> None:
    """Score one label file against the tagger."""
    text = labels_path.read_text(encoding="utf-8")
    items, fixes, inquiries, missing = [], [], [], []
    tagger = get_tagger()
    for label in yaml.safe_load(text):
        found = [s for s in solutions(label["file"]) if s.line == label["line"]]
        if not found:
            missing.append(label)
            continue
        kind = parsed(label["file"]).kind
        if label["level"] is None:
            inquiries.append((found[0], kind))
        else:
            fixes.append((found[0], kind))
            items.append(
                {"text": found[0].text, "level": label["level"], "also": label.get("also", [])}
            )
    # tagged in their sections, as `leverlint check` tags them
    tags = [(t.level, t.evidence) for sol, kind in fixes for t in tagger.tag([sol], kind)]
    report(labels_path.name, items, errors, tags)
    first = FIRST_SCORE.search(text)
    if first:
        print(f"first score: {first.group(1)}")
    tagged = [t for sol, kind in inquiries for t in tagger.tag([sol], kind) if t.level is not None]
    print(f"inquiries (not fixes) left untagged: {len(inquiries) - len(tagged)}/{len(inquiries)}")
    if errors:
        for t in tagged:
            print(f"  not a fix, got {t.level:>2}  {t.solution.text[:150]}")
    lost = sum(label["level"] is not None for label in missing)
    print(f"labelled items the extractor no longer finds: {len(missing)} ({lost} of them fixes)")
    if errors:
        for label in missing:
            print(f"  not found (level {label['level']}): {label['file']}:{label['line']}")


if __name__ == "__main__":
    raise SystemExit(main())
