"""Random hostile Markdown never raises (benchmarks/fuzz.py runs 10,000)."""

from __future__ import annotations

import io
from pathlib import Path

from fuzzdocs import document
from hypothesis import HealthCheck, given, settings

from leverlint.run import Options, run


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=document())
def test_random_documents_lint_without_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    out, err = io.StringIO(), io.StringIO()
    code = run(Options(paths=(str(path),), format="json"), out, err)
    assert "internal error" not in out.getvalue() + err.getvalue()
    assert code in (0, 1) or "not valid UTF-8" in out.getvalue() or "NUL byte" in out.getvalue()
