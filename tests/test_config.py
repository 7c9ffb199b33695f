"""Configuration, rule packs, and the rules/explain commands, through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import invoke

from leverlint.ruledocs import markdown
from leverlint.rulepack import load_rules

ROOT = Path(__file__).resolve().parent.parent
LOW = "# Postmortem\n\n## Action items\n\n- Raise the timeout to 30s.\n- Add two more servers.\n"
PACK = """\
rules:
  - id: acme.tiger-team
    level: 4
    reason: an Acme tiger team is free to reshape the work it is given
    phrases: [tiger team]
    examples:
      match: [Stand up a tiger team for the billing backlog.]
      no-match: [Stand up a team for the billing backlog.]
"""


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / "docs" / "legacy").mkdir(parents=True)
    (in_tmp / "docs" / "legacy" / "old.md").write_text(LOW)
    (in_tmp / "docs" / "new.md").write_text(LOW.replace("Add two more servers.", "Sort it out."))
    return in_tmp


def test_no_config_fails_on_both(project: Path) -> None:
    code, out, _ = invoke("check", "docs")
    assert code == 1 and out.count("LL001") == 2


def test_ignore_in_yaml_config(project: Path) -> None:
    (project / ".leverlint.yaml").write_text("ignore: [LL001]\n")
    assert invoke("check", "docs")[0] == 0


def test_per_file_ignores_and_exclude(project: Path) -> None:
    (project / ".leverlint.yaml").write_text(
        "per-file-ignores:\n  'docs/legacy/*': [LL001]\nexclude: []\n"
    )
    code, out, _ = invoke("check", "docs")
    assert code == 1 and "docs/new.md" in out and "legacy" not in out
    (project / ".leverlint.yaml").write_text("exclude: [legacy]\nignore: [LL00]\n")
    code, out, err = invoke("check", "docs", "docs/legacy/old.md")
    assert (code, out) == (0, "") and "in 1 file" in err


def test_pyproject_table_and_upward_search(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.leverlint]\nfail-on = "info"\nignore = ["LL001"]\n'
    )
    monkeypatch.chdir(project / "docs")
    code, out, _ = invoke("check", ".")
    assert code == 1 and "LL006" in out and "LL001" not in out


def test_isolated_and_explicit_config(project: Path) -> None:
    (project / ".leverlint.yaml").write_text("ignore: [LL001]\n")
    assert invoke("check", "--isolated", "docs")[0] == 1
    (project / "strict.yaml").write_text("fail-on: info\n")
    assert invoke("check", "--config", "strict.yaml", "docs/legacy")[0] == 1


def test_command_line_overrides_config(project: Path) -> None:
    (project / ".leverlint.yaml").write_text("ignore: [LL001]\n")
    assert invoke("check", "--ignore", "LL006", "docs")[0] == 1


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("selct: [LL001]\n", "selct", 1),
        ("fail-on: error\nignore: [LL042]\n", "ignore", 2),
        ("severity: {LL001: fatal}\n", "severity.LL001", 1),
        ("fail_on: info\n", "fail_on", 1),
        ("max-file-size: big\n", "max-file-size", 1),
        ("rules: [missing-pack.yaml]\n", "rules", 1),
    ],
)
def test_bad_config_exits_2_naming_file_line_and_key(
    project: Path, text: str, key: str, line: int
) -> None:
    (project / ".leverlint.yaml").write_text(text)
    code, out, err = invoke("check", "docs")
    assert (code, out) == (2, "")
    assert err.startswith(
        f"leverlint: error: {project / '.leverlint.yaml'}:{line}: '{key}': expected"
    )


def test_bad_pyproject_names_file_and_key(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.leverlint]\nignroe = ["LL001"]\n')
    code, _, err = invoke("check", "docs")
    assert code == 2 and "pyproject.toml: 'ignroe': expected one of" in err


def test_custom_pack_tags_its_phrase_at_its_level(project: Path) -> None:
    (project / "acme.yaml").write_text(PACK)
    (project / ".leverlint.yaml").write_text("rules: [acme.yaml]\n")
    (project / "docs" / "guild.md").write_text(
        "# RFC\n\n## Proposal\n\n- Stand up a tiger team for the support queue.\n"
    )
    code, out, _ = invoke("check", "--format", "json", "docs/guild.md")
    assert code == 0
    (sol,) = json.loads(out)["files"][0]["solutions"]
    assert (sol["level"], sol["evidence"][0]["rule"]) == (4, "acme.tiger-team")


def test_user_rule_replaces_shipped_rule_with_same_id(project: Path) -> None:
    (project / "override.yaml").write_text(
        "rules:\n  - id: parameter.config-knob\n    level: 11\n    reason: overridden\n"
        "    phrases: [knob]\n"
    )
    rules = {r.id: r for r in load_rules([project / "override.yaml"])}
    assert (rules["parameter.config-knob"].level, rules["parameter.config-knob"].reason) == (
        11,
        "overridden",
    )


@pytest.mark.parametrize(
    ("pack", "needle"),
    [
        (
            "rules:\n  - id: acme.x\n    level: 4\n    reason: r\n"
            '    patterns: [[{"LEMA": "x"}]]\n',
            "bad.yaml:5: rule acme.x: invalid pattern 1",
        ),
        (
            "rules:\n  - id: acme.x\n    level: 13\n    reason: r\n    phrases: [x]\n",
            "bad.yaml:2: rule acme.x: level must be",
        ),
        (
            "rules:\n  - id: acme.x\n    level: 4\n    reason: r\n    phrases: [x]\n"
            "    colour: red\n",
            "bad.yaml:2: rule acme.x: unknown key(s) colour",
        ),
        (
            "rules:\n  - id: acme.ok\n    level: 4\n    reason: r\n    phrases: [x]\n"
            "  - id: acme.x\n    level: 4\n    reason: r\n    patterns:\n"
            '      - ["add"]\n      - ["add", "~2", "@no_such_class"]\n',
            "bad.yaml:11: rule acme.x pattern 2: unknown word class 'no_such_class'",
        ),
    ],
)
def test_bad_pack_exits_2_naming_pack_line_and_rule(project: Path, pack: str, needle: str) -> None:
    (project / "bad.yaml").write_text(pack)
    code, out, err = invoke("check", "--rules", "bad.yaml", "docs")
    assert (code, out) == (2, "")
    assert str(project / "bad.yaml") in err and needle in err


def test_rules_check_runs_pack_examples(project: Path) -> None:
    (project / "acme.yaml").write_text(PACK)
    assert invoke("rules", "--check", "acme.yaml")[0] == 0
    (project / "acme.yaml").write_text(PACK.replace("Stand up a team for", "A tiger team for"))
    code, out, _ = invoke("rules", "--check", "acme.yaml")
    assert code == 1 and "acme.tiger-team should not match" in out


def test_rules_listing_and_json(project: Path) -> None:
    (project / ".leverlint.yaml").write_text("ignore: [LL002]\n")
    code, out, _ = invoke("rules", "--format", "json")
    records = {r["code"]: r for r in json.loads(out)}
    assert code == 0 and records["LL002"]["enabled"] is False
    assert records["LL001"]["severity"] == "error"
    assert records["buffer.reserve"]["level"] == 11
    code, out, _ = invoke("rules")
    assert code == 0 and out.splitlines()[1].startswith("LL001")


def test_explain(project: Path) -> None:
    code, out, _ = invoke("explain", "ll001")
    assert code == 0 and out.startswith("LL001 low-leverage-only (default severity: error)")
    assert "Fires on:" in out and "How to silence it:" in out
    assert invoke("explain", "LL999")[0] == 2


def test_docs_rules_md_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown(load_rules())


def test_version_rules_and_explain_never_import_spacy() -> None:
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from leverlint.cli import main\n"
        "for args in (['--version'], ['rules', '--isolated'], ['explain', 'LL004']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0, args\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_extra_sections_from_config(project: Path) -> None:
    (project / "docs" / "plan.md").write_text("# Plan\n\n## Our plan\n\n- Raise the limit to 9.\n")
    assert invoke("check", "--format", "json", "docs/plan.md")[1].count('"line"') == 0
    (project / ".leverlint.yaml").write_text("sections: [Our plan]\n")
    code, out, _ = invoke("check", "--format", "json", "docs/plan.md")
    (sol,) = json.loads(out)["files"][0]["solutions"]
    assert (code, sol["level"]) == (1, 12)
