"""Check cases from tests/cases/checks.yaml, compared by (line, code)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from leverlint.checks import CHECKS
from leverlint.document import parse
from leverlint.linter import lint
from leverlint.redflags import get_red_flag_matcher
from leverlint.tagging import get_tagger

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "checks.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_check_case(case: dict[str, Any]) -> None:
    doc, _ = parse("case.md", case["markdown"])
    result = lint(doc, get_tagger(), get_red_flag_matcher(), set(CHECKS))
    got = [[f.line, f.code] for f in result.findings]
    assert got == case["findings"]


def test_every_code_has_a_case() -> None:
    covered = {code for case in CASES for _, code in case["findings"]}
    assert covered == set(CHECKS)


def test_findings_carry_stamped_name_and_severity() -> None:
    doc, _ = parse("case.md", CASES[0]["markdown"])
    result = lint(doc, get_tagger(), get_red_flag_matcher(), set(CHECKS))
    (finding,) = result.findings
    assert (finding.name, finding.severity.value) == ("low-leverage-only", "error")
    assert "parameters" in finding.message
