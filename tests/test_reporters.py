"""CI formats: GitHub workflow commands (parsed the way the runner parses
them), step summary, SARIF against the 2.1.0 schema, GitLab, rdjson."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from leverlint.checks import CHECKS
from leverlint.cli import main
from leverlint.model import RunResult
from leverlint.reporters import github
from leverlint.run import Options, lint_paths, run

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())

LOW = "# Postmortem\n\n## Action items\n\n- Raise the timeout to 30s.\n- Add two more servers.\n"
HOSTILE = (
    "# Postmortem\n\n## Discussion\n\nThis is not our call.\n\n## Action items\n\n"
    "- Sort out %0A::set-env name=EVIL::1 today\n"
    "- Tidy `\r\n::error file=x::pwned` later\n"
    "- Raise the limit to 30.\n"
)


def _unescape_data(value: str) -> str:
    # ActionCommand.Unescape in actions/runner: %0D, %0A, then %25
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(value: str) -> str:
    for esc, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(esc, raw)
    return value


_COMMAND = re.compile(r"^::(?P<cmd>[a-z-]+)(?: (?P<props>[^:]*(?::(?!:)[^:]*)*))?::(?P<data>.*)$")


def parse_workflow_commands(output: str) -> list[dict[str, Any]]:
    """Parse output the way the runner does: one command per line, line start only."""
    commands = []
    for line in output.split("\n"):
        if not line.startswith("::"):
            assert not line.strip(), f"stray output line: {line!r}"
            continue
        m = _COMMAND.match(line)
        assert m, f"unparseable command: {line!r}"
        props = {}
        if m.group("props"):
            for pair in m.group("props").split(","):
                key, _, value = pair.partition("=")
                props[key] = _unescape_property(value)
        commands.append(
            {"cmd": m.group("cmd"), "props": props, "data": _unescape_data(m.group("data"))}
        )
    return commands


def _result(*paths: str) -> RunResult:
    return lint_paths(Options(paths=paths), io.StringIO())


def test_github_round_trips_paths_and_messages(in_tmp: Path) -> None:
    (in_tmp / "a,b:c.md").write_text(LOW)
    result = _result("a,b:c.md")
    out = io.StringIO()
    github.emit(result, out)
    (cmd,) = parse_workflow_commands(out.getvalue())
    (finding,) = result.files[0].findings
    assert cmd["cmd"] == "error"
    assert cmd["props"] == {
        "file": "a,b:c.md",
        "line": "3",
        "col": "1",
        "title": "LL001 low-leverage-only",
    }
    assert cmd["data"] == finding.message


def test_github_document_text_cannot_start_a_command(in_tmp: Path) -> None:
    (in_tmp / "pm.md").write_bytes(HOSTILE.encode())
    result = _result("pm.md")
    out = io.StringIO()
    github.emit(result, out)
    commands = parse_workflow_commands(out.getvalue())
    assert {c["cmd"] for c in commands} <= {"error", "warning", "notice"}
    messages = [f.message for f in result.files[0].findings]
    assert any("set-env" in m for m in messages), "the hostile text reached a message"
    assert sorted(c["data"] for c in commands) == sorted(messages)


def test_github_most_severe_first_and_hidden_count(in_tmp: Path) -> None:
    for i in range(12):
        (in_tmp / f"low{i:02}.md").write_text(LOW + "\nThis is not our call.\n")
    out = io.StringIO()
    github.emit(_result("."), out)
    commands = parse_workflow_commands(out.getvalue())
    kinds = [c["cmd"] for c in commands]
    assert kinds[:12] == ["error"] * 12 and kinds[12:24] == ["warning"] * 12
    assert commands[-1]["cmd"] == "notice" and commands[-1]["data"].startswith("4 more finding")


def test_format_auto_is_github_under_actions(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (in_tmp / "low.md").write_text(LOW)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = CliRunner().invoke(main, ["check", "low.md"])
    assert result.exit_code == 1 and result.stdout.startswith("::error file=low.md,line=3,")


def test_step_summary_appends_profile_and_findings(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_tmp / "low.md").write_text(LOW)
    (in_tmp / "evil.md").write_text(HOSTILE.replace("Sort out", "Tidy `<img src=x>` [a](b) *x*"))
    summary = in_tmp / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(Options(paths=("low.md", "evil.md"), format="github"), io.StringIO(), io.StringIO())
    text = summary.read_text()
    assert text.startswith("earlier step\n## leverlint\n")
    assert "| 12 parameters | 2 | ██ |" in text
    assert "**LL001** low-leverage-only" in text
    assert not re.search(r"(?<!\\)[<\[]", text.split("### evil.md")[1])
    assert "Tidy \\<img src=x\\> a x" in text


def _sarif(in_tmp: Path, low: str = LOW) -> dict[str, Any]:
    (in_tmp / "low.md").write_text(low)
    (in_tmp / "talk.md").write_text(HOSTILE)
    out = io.StringIO()
    run(Options(paths=("low.md", "talk.md"), format="sarif"), out, io.StringIO())
    return json.loads(out.getvalue())


def test_sarif_validates_against_schema(in_tmp: Path) -> None:
    log = _sarif(in_tmp)
    jsonschema.Draft202012Validator(SCHEMA).validate(log)
    (run_,) = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(CHECKS)
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    for res in run_["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not loc["artifactLocation"]["uri"].startswith("/")
        assert loc["region"]["startLine"] >= 1
    assert {r["level"] for r in run_["results"]} == {"error", "warning", "note"}


def _fingerprints(results: list[dict[str, Any]]) -> list[str]:
    return sorted(r["partialFingerprints"]["leverlintFinding/v1"] for r in results)


def _start_lines(results: list[dict[str, Any]]) -> list[int]:
    return sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results)


def test_sarif_fingerprints_survive_unrelated_edits(in_tmp: Path) -> None:
    before = _sarif(in_tmp)["runs"][0]["results"]
    after = _sarif(in_tmp, "Intro paragraph.\n\nAnother.\n\n" + LOW)["runs"][0]["results"]
    assert _fingerprints(before) == _fingerprints(after)
    assert _start_lines(before) != _start_lines(after)


def test_gitlab_code_quality(in_tmp: Path) -> None:
    (in_tmp / "talk.md").write_text(HOSTILE + "- Raise the limit to 30.\n")
    out = io.StringIO()
    run(Options(paths=("talk.md",), format="gitlab"), out, io.StringIO())
    issues = json.loads(out.getvalue())
    assert issues
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "talk.md"
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_rdjson(in_tmp: Path) -> None:
    (in_tmp / "low.md").write_text(LOW)
    out = io.StringIO()
    run(Options(paths=("low.md",), format="rdjson"), out, io.StringIO())
    doc = json.loads(out.getvalue())
    assert doc["source"]["name"] == "leverlint"
    (diag,) = doc["diagnostics"]
    assert diag["code"]["value"] == "LL001" and diag["severity"] == "ERROR"
    assert diag["location"] == {"path": "low.md", "range": {"start": {"line": 3, "column": 1}}}


def test_sarif_paths_outside_the_working_directory_are_absolute_uris(
    in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    other = tmp_path_factory.mktemp("elsewhere") / "pm.md"
    other.write_text(LOW)
    out = io.StringIO()
    run(Options(paths=(str(other),), format="sarif"), out, io.StringIO())
    log = json.loads(out.getvalue())
    jsonschema.Draft202012Validator(SCHEMA).validate(log)
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": other.as_uri()}
