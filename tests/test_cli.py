"""The command line, asserting (exit code, stdout, stderr) as a whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import invoke

from leverlint import __version__

LOW = "# Postmortem\n\n## Action items\n\n- Raise the timeout to 30s.\n- Add two more servers.\n"
GOOD = (
    "# Postmortem\n\n## Action items\n\n- Raise the timeout to 30s.\n"
    "- Publish the latency report to all teams.\n- Require an owner for every alert.\n"
)


@pytest.fixture
def docs(in_tmp: Path) -> Path:
    (in_tmp / "docs").mkdir()
    (in_tmp / "docs" / "low.md").write_text(LOW)
    (in_tmp / "docs" / "good.md").write_text(GOOD)
    return in_tmp


def test_version() -> None:
    assert invoke("--version") == (0, f"leverlint, version {__version__}\n", "")


def test_low_leverage_document_fails(docs: Path) -> None:
    code, out, err = invoke("check", "docs/low.md")
    assert code == 1
    assert out.startswith("docs/low.md:3:1: LL001 [low-leverage-only] ")
    assert out.count("\n") == 1
    assert err == "1 finding (1 error) in 1 file; 2 solutions\n"


def test_clean_document_passes(docs: Path) -> None:
    assert invoke("check", "docs/good.md") == (0, "", "0 findings in 1 file; 3 solutions\n")


def test_exit_zero(docs: Path) -> None:
    code, out, _ = invoke("check", "--exit-zero", "docs")
    assert code == 0 and "LL001" in out


def test_ignore_and_fail_on(docs: Path) -> None:
    assert invoke("check", "--ignore", "LL001", "docs")[0] == 0
    assert invoke("check", "--select", "LL00", "--ignore", "LL001", "docs")[0] == 0
    code, out, err = invoke("check", "--ignore", "LL999", "docs")
    assert (code, out) == (2, "")
    assert (
        err.startswith("leverlint: error: command line: 'ignore': expected codes")
        and "LL999" in err
    )


def test_missing_path_is_exit_2_and_others_still_linted(docs: Path) -> None:
    code, out, err = invoke("check", "docs/low.md", "nope.md")
    assert code == 2
    assert "docs/low.md:3:1: LL001" in out
    assert "nope.md: error: no such file or directory\n" in err


def test_bad_utf8_is_named_and_others_still_linted(docs: Path) -> None:
    (docs / "docs" / "bad.md").write_bytes(b"# x\n\n## Action items\n\n- caf\xe9\n")
    code, out, err = invoke("check", "docs")
    assert code == 2
    assert "docs/bad.md: error: not valid UTF-8 (byte 0xe9 on line 5)" in err
    assert "docs/low.md:3:1: LL001" in out


def test_json_format(docs: Path) -> None:
    code, out, err = invoke("check", "--format", "json", "docs")
    assert code == 1 and err == ""
    report = json.loads(out)
    assert report["version"] == 1
    assert [f["path"] for f in report["files"]] == ["docs/good.md", "docs/low.md"]
    low = report["files"][1]
    assert low["kind"] == "postmortem"
    assert [s["level"] for s in low["solutions"]] == [12, 12]
    assert set(low["solutions"][0]) >= {"line", "text", "level", "level_name", "evidence"}
    assert set(low["solutions"][0]["evidence"][0]) == {"rule", "match", "reason"}
    assert low["findings"][0] == {
        "path": "docs/low.md",
        "line": 3,
        "col": 1,
        "code": "LL001",
        "name": "low-leverage-only",
        "severity": "error",
        "message": low["findings"][0]["message"],
    }
    assert report["summary"]["files"] == 2 and report["errors"] == []


def test_output_independent_of_argument_order(docs: Path) -> None:
    a = invoke("check", "--format", "json", "docs/low.md", "docs/good.md")
    b = invoke("check", "--format", "json", "docs/good.md", "docs/low.md")
    assert a == b


def test_classify_arguments_and_stdin() -> None:
    code, out, _ = invoke("classify", "Shard the orders table by customer.")
    assert code == 0
    record = json.loads(out)
    assert (record["level"], record["level_name"]) == (10, "stock-and-flow structure")
    assert record["evidence"][0]["rule"].startswith("structure.")
    code, out, _ = invoke("classify", input="Publish the report.\n\nLook into it.\n")
    levels = [json.loads(line)["level"] for line in out.splitlines()]
    assert (code, levels) == (0, [6, None])


def test_classify_explain_shows_rivals_and_winner() -> None:
    code, out, _ = invoke(
        "classify", "--explain", "Lower the alert threshold for disk usage to 70%."
    )
    assert code == 0
    assert "-> level 12 (parameters)" in out
    assert "balancing.add-check" in out or "balancing.alert-when" in out
    assert "winner: level 12" in out


def test_classify_explain_says_when_the_verb_alone_placed_it() -> None:
    code, out, _ = invoke("classify", "--explain", "Provision staging with anonymised data.")
    assert code == 0
    assert "structure.verb-only" in out
    assert "the leading verb alone places it (weak evidence)" in out


def test_verb_fallback_only_in_action_sections(tmp_path: Path) -> None:
    doc = tmp_path / "rfc.md"
    item = "- Provision staging with anonymised data\n"
    doc.write_text(f"# RFC: staging\n\n## Proposal\n\n{item}\n## Action items\n\n{item}")
    code, out, _ = invoke("check", "--isolated", "--no-cache", "--format", "json", str(doc))
    levels = [s["level"] for s in json.loads(out)["files"][0]["solutions"]]
    assert code != 2
    assert levels == [None, 10]


def test_verb_fallback_reads_an_adr_decision(tmp_path: Path) -> None:
    doc = tmp_path / "adr-0007-staging.md"
    doc.write_text(
        "# ADR 7: staging\n\n## Decision\n\n- Provision staging with anonymised data\n\n"
        "## Considered options\n\n- Provision staging with anonymised data\n"
    )
    code, out, _ = invoke("check", "--isolated", "--no-cache", "--format", "json", str(doc))
    levels = [s["level"] for s in json.loads(out)["files"][0]["solutions"]]
    assert code != 2
    assert levels == [10, None]
