"""The shared evaluation documents give what expected.yaml says, and the
fixtures match their golden JSON (``pytest --update-golden`` rewrites them)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, SHARED_EVAL

from leverlint.run import Options, lint_paths, run

EXPECTED = SHARED_EVAL / "docs" / "expected.yaml"


@pytest.mark.skipif(not EXPECTED.exists(), reason="../shared/eval is not beside the repo")
def test_shared_eval_documents() -> None:
    expected = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    for name, want in expected.items():
        result = lint_paths(Options(paths=(str(SHARED_EVAL / "docs" / name),)), io.StringIO())
        (file,) = result.files
        count = len(file.tagged)
        lo, hi = (
            (want["solutions"], want["solutions"])
            if isinstance(want["solutions"], int)
            else want["solutions"]
        )
        assert lo <= count <= hi, f"{name}: {count} solutions"
        codes = {f.code for f in file.findings}
        assert set(want["codes"]) <= codes, f"{name}: {codes}"
        assert not set(want["absent"]) & codes, f"{name}: {codes}"


@pytest.mark.skipif(not EXPECTED.exists(), reason="../shared/eval is not beside the repo")
@pytest.mark.parametrize(
    ("name", "code"), [("postmortem-db-outage.md", 1), ("README.md", 0), ("missing.md", 2)]
)
def test_shared_eval_exit_codes(name: str, code: int) -> None:
    opts = Options(paths=(str(SHARED_EVAL / "docs" / name),))
    assert run(opts, io.StringIO(), io.StringIO()) == code


@pytest.mark.parametrize("doc", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.name)
def test_golden(doc: Path, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES.parent)
    out = io.StringIO()
    run(Options(paths=(f"fixtures/{doc.name}",), format="json"), out, io.StringIO())
    golden = doc.with_suffix(".expected.json")
    if update_golden:
        golden.write_text(out.getvalue(), encoding="utf-8")
    assert json.loads(out.getvalue()) == json.loads(golden.read_text(encoding="utf-8"))
