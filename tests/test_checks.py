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

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases" / "checks.yaml").read_text("utf-8"))
SUPPRESSIONS: list[dict[str, Any]] = yaml.safe_load(
    (HERE / "cases" / "suppressions.yaml").read_text("utf-8")
)


def _findings(markdown: str) -> list[list[object]]:
    doc, _ = parse("case.md", markdown)
    result = lint(doc, get_tagger(), get_red_flag_matcher(), set(CHECKS))
    return [[f.line, f.code] for f in result.findings]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_check_case(case: dict[str, Any]) -> None:
    assert _findings(case["markdown"]) == case["findings"]


@pytest.mark.parametrize("case", SUPPRESSIONS, ids=[c["name"] for c in SUPPRESSIONS])
def test_suppression_case(case: dict[str, Any]) -> None:
    assert _findings(case["markdown"]) == case["findings"]


def test_every_code_has_a_case() -> None:
    covered = {code for case in CASES + SUPPRESSIONS for _, code in case["findings"]}
    assert covered == set(CHECKS)


@pytest.mark.parametrize("code", list(CHECKS))
def test_documented_examples_fire_and_pass(code: str) -> None:
    spec = CHECKS[code]
    assert code in {c for _, c in _findings(spec.fires)}
    assert code not in {c for _, c in _findings(spec.passes)}


def test_findings_carry_stamped_name_and_severity() -> None:
    doc, _ = parse("case.md", CASES[0]["markdown"])
    result = lint(doc, get_tagger(), get_red_flag_matcher(), set(CHECKS))
    (finding,) = result.findings
    assert (finding.name, finding.severity.value) == ("low-leverage-only", "error")
    assert "parameters" in finding.message
