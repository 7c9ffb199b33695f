"""Train the learned secondary signal and say how well it generalises.

    python benchmarks/train.py           # train, print the scores, write the model
    python benchmarks/train.py --check   # exit 1 if the shipped model is stale

Training data: every labelled set in this folder with inline text
(``heldout.yaml``, ``blind*.yaml``). The development set in
``../shared/eval`` is never trained on, so its score below is a fair test of
the model on its own. Before writing, the script prints the model's
leave-one-set-out accuracy (each set scored by a model trained on all the
others), alone and with no rules, which is what it can add where no rule
matches.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from leverlint.learned import dump, from_data, train
from leverlint.levels import band
from leverlint.nlp import get_nlp
from leverlint.noise import clean

HERE = Path(__file__).resolve().parent
# the repository's copy, whatever the installed package holds
MODEL = HERE.parent / "src" / "leverlint" / "data" / "learned.json.gz"
DEV_SET = HERE.parent.parent / "shared" / "eval" / "solutions.yaml"

Example = tuple[list[str], int, frozenset[int]]


def load(path: Path) -> list[Example]:
    """A labelled set as (lemmas, level, accepted levels)."""
    items = [i for i in yaml.safe_load(path.read_text(encoding="utf-8")) if i.get("text")]
    docs = get_nlp().pipe(clean(i["text"]) for i in items)
    return [
        ([t.lemma_ for t in doc], i["level"], frozenset({i["level"], *i.get("also", [])}))
        for i, doc in zip(items, docs, strict=True)
    ]


def training_sets() -> dict[str, list[Example]]:
    paths = [HERE / "heldout.yaml", *sorted(HERE.glob("blind*.yaml"))]
    return {p.name: load(p) for p in paths}


def score(model_data: dict[str, Any], examples: list[Example]) -> tuple[int, int, int]:
    """(exact, band, untagged) of the model alone."""
    model = from_data(model_data)
    exact = banded = untagged = 0
    for lemmas, _, gold in examples:
        guess = model.guess(lemmas)
        if guess is None:
            untagged += 1
            continue
        exact += guess.level in gold
        banded += band(guess.level) in {band(g) for g in gold}
    return exact, banded, untagged


def line(title: str, n: int, counts: tuple[int, int, int]) -> str:
    exact, banded, untagged = counts
    return (
        f"{title:<34} {n:>5} items  exact {exact / n:6.1%}  band {banded / n:6.1%}"
        f"  untagged {untagged / n:5.1%}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped model")
    args = parser.parse_args()
    sets = training_sets()
    data = train((lemmas, level) for examples in sets.values() for lemmas, level, _ in examples)
    if args.check:
        stored = json.loads(gzip.decompress(MODEL.read_bytes())) if MODEL.is_file() else None
        stale = stored != json.loads(json.dumps(data))  # as data: zlib builds differ
        print("shipped model is stale: run python benchmarks/train.py" if stale else "up to date")
        return int(stale)
    totals = [0, 0, 0]
    n = 0
    for name, held_out in sets.items():
        rest = ((lm, lv) for other, ex in sets.items() if other != name for lm, lv, _ in ex)
        for i, value in enumerate(score(train(rest), held_out)):
            totals[i] += value
        n += len(held_out)
    print(line("leave one set out (model alone)", n, (totals[0], totals[1], totals[2])))
    if DEV_SET.is_file():
        dev = load(DEV_SET)
        print(line("development set (never trained on)", len(dev), score(data, dev)))
    MODEL.write_bytes(dump(data))
    size = MODEL.stat().st_size
    print(f"wrote {MODEL.relative_to(HERE.parent)} ({size / 1024:.0f} KB, {n} examples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
