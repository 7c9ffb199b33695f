"""Tagger accuracy on real postmortem action items from ../shared/corpus.

    python benchmarks/real_items.py [--errors]

Labels live in benchmarks/real_items.yaml by file and line; the text is
read from the corpus at run time through leverlint's own extraction, so
this also checks that the extractor finds each item.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from accuracy import report

from leverlint.document import parse
from leverlint.tagging import get_tagger

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"


def main() -> int:
    """Collect the labelled items from the corpus and score them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    labels = yaml.safe_load((HERE / "real_items.yaml").read_text(encoding="utf-8"))
    items, inquiries, missing = [], [], 0
    tagger = get_tagger()
    for label in labels:
        path = CORPUS / label["file"]
        doc, _ = parse(str(path), path.read_text(encoding="utf-8"))
        found = [s for s in doc.solutions if s.line == label["line"]]
        if not found:
            missing += 1
            continue
        if label["level"] is None:
            inquiries.append(found[0])
        else:
            items.append(
                {"text": found[0].text, "level": label["level"], "also": label.get("also", [])}
            )
    report("real postmortem action items", items, args.errors)
    untagged = [t.level for t in tagger.tag(inquiries)].count(None)
    print(f"inquiries (not fixes) left untagged: {untagged}/{len(inquiries)}")
    print(f"labelled items the extractor no longer finds: {missing}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
