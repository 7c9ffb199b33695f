"""Extraction cases, kind detection and front matter handling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from leverlint.document import parse
from leverlint.kinds import detect_kind

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "extraction.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_extraction(case: dict[str, Any]) -> None:
    doc, _ = parse("doc.md", case["markdown"])
    assert [[s.line, s.text] for s in doc.solutions] == case["solutions"]


@pytest.mark.parametrize(
    ("path", "front", "titles", "kind"),
    [
        ("docs/postmortems/2024-01.md", {}, ["Outage"], "postmortem"),
        ("x.md", {"kind": "ADR"}, [], "adr"),
        ("x.md", {}, ["Incident review: search"], "postmortem"),
        ("rfcs/0001-foo.md", {}, ["Foo"], "rfc"),
        ("docs/design-doc-cache.md", {}, ["Cache"], "design"),
        ("notes.md", {}, ["Meeting notes"], "other"),
        # how incident write-ups title themselves
        ("x.md", {}, ["Incident 2020-09-01: bot down"], "postmortem"),
        ("x.md", {}, ["8D Report: label printer jams"], "postmortem"),
        ("x.md", {}, ["RCA: checkout latency"], "postmortem"),
        ("x.md", {}, ["After-action review: flood drill"], "postmortem"),
        ("x.md", {}, ["Outage on 3 May"], "postmortem"),
        ("x.md", {}, ["Root cause analysis of the March stock-out"], "postmortem"),
        ("x.md", {}, ["Incidentally, a design"], "design"),
        # a review's own sections, wherever they stand, when the title says nothing
        ("x.md", {}, ["4: Label printer jams", "Links", "D4: Verify root causes"], "postmortem"),
        ("x.md", {}, ["Sorry about last night", "What happened", "Fixes"], "postmortem"),
        ("x.md", {}, ["Caching plan", "Motivation", "Design"], "other"),
    ],
)
def test_detect_kind(path: str, front: dict[str, str], titles: list[str], kind: str) -> None:
    assert detect_kind(path, front, titles) == kind


@pytest.mark.parametrize(
    "text",
    [
        # a describing section named on its own line, as a plain-text write-up does
        "Outage on the web tier\n\nTimeline\n10:00 paged\n\n"
        "*Root Cause and Resolution:*\n\nA bad config.\n",
        # ... or at the top of its paragraph
        "Web tier\n\nRoot Cause and Resolution\nRoot cause: a bad config.\nResolution: reverted.\n",
    ],
)
def test_plain_text_write_up_is_a_postmortem(text: str) -> None:
    doc, _ = parse("notes.md", text)
    assert doc.kind == "postmortem"


def test_broken_front_matter_warns_and_body_still_parsed() -> None:
    text = "---\ntitle: [unclosed\n---\n# Postmortem\n\n## Action items\n\n- Publish the report.\n"
    doc, warnings = parse("pm.md", text)
    assert len(warnings) == 1 and "front matter" in warnings[0]
    assert [(s.line, s.text) for s in doc.solutions] == [(8, "Publish the report.")]


def test_broken_toml_front_matter_warns_and_body_still_parsed() -> None:
    text = '+++\ntitle = "unclosed\n+++\n# Postmortem\n\n## Action items\n\n- Publish the report.\n'
    doc, warnings = parse("pm.md", text)
    assert warnings == ["front matter is not valid TOML (line 1); the body is still linted"]
    assert [(s.line, s.text) for s in doc.solutions] == [(8, "Publish the report.")]


@pytest.mark.parametrize(
    "text",
    [
        '+++\ntitle = "Post-mortem of the May outage"\n+++\n\n## Rebuild\n\n- Publish it.\n',
        "---\ntitle: Post-mortem of the May outage\n---\n\n## Rebuild\n\n- Publish it.\n",
    ],
)
def test_front_matter_title_names_the_kind(text: str) -> None:
    doc, warnings = parse("posts/2019-05-08.md", text)
    assert (doc.kind, warnings, doc.front_matter["title"]) == (
        "postmortem",
        [],
        "Post-mortem of the May outage",
    )


def test_sections_record_role_and_line() -> None:
    doc, _ = parse("x.md", "# T\n\n## Alternatives considered\n\n- Add a queue.\n")
    (section,) = doc.sections
    assert (section.title, section.line, section.role) == (
        "Alternatives considered",
        3,
        "alternative",
    )


@pytest.mark.parametrize(
    ("text", "inquiry"),
    [
        ("Look into the retry storm", True),
        ("Spike a replacement for the cron host", True),
        ("How do we page the vendor out of hours", True),
        ("Is the backup job slowing the database", True),
        ("Can we drop the legacy endpoint? Ticket raised", True),
        ("Why: the alert fired late", False),  # a label, not a question
        ("Should the primary fail, promote the replica automatically", False),
        ("Isolate the reporting database", False),
        ("Add an alert. Anything else?", False),  # only the first sentence counts
        ("Add a quota so that pods fail fast?", False),  # a tentative proposal
        ("Investigate and fix the memory leak in the spawner", False),  # proposes the fix
        ("Look into and remove the stale lock files", False),
        ("Investigate and report back to the team", True),  # reporting is no fix
    ],
)
def test_inquiry_and_questions(text: str, inquiry: bool) -> None:
    doc, _ = parse("pm.md", f"# Postmortem\n\n## Action items\n\n- {text}\n")
    assert [s.inquiry for s in doc.solutions] == [inquiry]


@pytest.mark.parametrize("key", ["decision-markers", "action-markers", "question-starts"])
def test_a_word_list_that_is_not_a_list_of_strings_names_its_key(tmp_path: Path, key: str) -> None:
    from leverlint.errors import RuleFileError
    from leverlint.resources import rules_dir
    from leverlint.sections import load_sections

    data = yaml.safe_load((rules_dir() / "sections.yaml").read_text())
    data[key] = {"not": "a list"}
    path = tmp_path / "sections.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(RuleFileError, match=key):
        load_sections(path)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Add an alert", True),
        ("Add_metric to the exporter", True),  # a name from code after the verb
        ("Always add a timeout", True),
        ("Never run sudo in the container", True),
        ("Always", False),
        ("Address will be the hash of the key", False),  # a noun before its verb
        ("Review of the outage is booked", False),
        ("Alerts were added", False),
    ],
)
def test_opens_with_action_verb(text: str, opens: bool) -> None:
    from leverlint.sections import load_sections

    assert load_sections().opens_with_action_verb(text) is opens
