"""Robustness: random hostile documents and the real corpus.

    python benchmarks/fuzz.py [--count 10000]

1. Lints ``--count`` hypothesis-generated Markdown documents (nested lists,
   tables, front matter, code, comments, random Unicode, CR/LF mixes) and
   counts exceptions and internal errors.
2. Lints ../shared/corpus twice and checks the JSON output is byte-identical
   and free of internal errors.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from fuzzdocs import document  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402

from leverlint.run import Options, run  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus"


def fuzz(count: int) -> tuple[int, int]:
    """Lint ``count`` random documents; return (documents, failures)."""
    seen = {"docs": 0, "failures": 0}
    folder = Path(tempfile.mkdtemp(prefix="leverlint-fuzz-"))

    @settings(max_examples=count, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(text=document())
    def one(text: str) -> None:
        seen["docs"] += 1
        path = folder / "doc.md"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        out, err = io.StringIO(), io.StringIO()
        try:
            run(Options(paths=(str(path),), format="json"), out, err)
        except Exception as exc:
            seen["failures"] += 1
            print(f"exception: {type(exc).__name__}: {exc}", file=sys.stderr)
            return
        if "internal error" in out.getvalue():
            seen["failures"] += 1
            print(out.getvalue()[:500], file=sys.stderr)

    one()
    return seen["docs"], seen["failures"]


def corpus_twice() -> tuple[int, bool, int]:
    """Lint the corpus twice; return (files, identical, internal errors)."""
    outputs = []
    for _ in range(2):
        out = io.StringIO()
        run(Options(paths=(str(CORPUS),), format="json"), out, io.StringIO())
        outputs.append(out.getvalue())
    internal = outputs[0].count("internal error")
    return outputs[0].count('"kind":'), outputs[0] == outputs[1], internal


def main() -> int:
    """Run both checks and print their numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    start = time.perf_counter()
    docs, failures = fuzz(args.count)
    print(f"fuzz: {docs} documents, {failures} exceptions or internal errors "
          f"({time.perf_counter() - start:.1f}s)")  # fmt: skip
    if CORPUS.is_dir():
        files, identical, internal = corpus_twice()
        print(f"corpus: {files} files linted twice, identical output: {identical}, "
              f"internal errors: {internal}")  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
