"""Hostile and broken input: every bad file named once, nothing else lost,
no traceback, deterministic output. Fixtures are generated here."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from conftest import invoke

from leverlint.run import Options, run

GOOD = "# Postmortem\n\n## Action items\n\n- Raise the timeout to 30s.\n- Add two more servers.\n"


@pytest.fixture
def folder(in_tmp: Path) -> Path:
    docs = in_tmp / "docs"
    docs.mkdir()
    (docs / "good.md").write_text(GOOD)
    (docs / "latin1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    (docs / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    (docs / "huge.md").write_text("x" * (10 * 1024 * 1024 + 1))
    (docs / "dangling.md").symlink_to(in_tmp / "nowhere.md")
    (docs / "loop.md").symlink_to(docs / "loop.md")
    (docs / "dir.md").mkdir()
    os.mkfifo(docs / "fifo.md")
    (docs / "sub").mkdir()
    (docs / "sub" / "up").symlink_to(docs, target_is_directory=True)
    return in_tmp


EXPECTED_ERRORS = {
    "docs/binary.md": "binary file (NUL byte on line 3); not linted",
    "docs/dangling.md": "dangling symbolic link",
    "docs/fifo.md": "not a regular file (device, FIFO or socket); not opened",
    "docs/huge.md": "larger than max-file-size",
    "docs/latin1.md": "not valid UTF-8 (byte 0xe9 on line 1)",
    "docs/loop.md": "symbolic link loop",
}


def test_each_bad_file_named_once_good_file_still_linted(folder: Path) -> None:
    code, out, err = invoke("check", "--format", "json", "docs")
    assert code == 2
    report = json.loads(out)
    errors = {e["path"]: e["message"] for e in report["errors"]}
    assert len(report["errors"]) == len(errors)
    assert set(errors) == set(EXPECTED_ERRORS)
    for path, needle in EXPECTED_ERRORS.items():
        assert needle in errors[path], (path, errors[path])
    assert [f["path"] for f in report["files"]] == ["docs/good.md"]
    assert report["files"][0]["findings"][0]["code"] == "LL001"
    assert "Traceback" not in err


def test_text_format_names_errors_on_stderr(folder: Path) -> None:
    code, out, err = invoke("check", "docs")
    assert code == 2 and out.startswith("docs/good.md:3:1: LL001")
    for path in EXPECTED_ERRORS:
        assert err.count(f"{path}: error: ") == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(folder: Path) -> None:
    locked = folder / "docs" / "locked.md"
    locked.write_text(GOOD)
    locked.chmod(0)
    code, _, err = invoke("check", "docs/locked.md")
    assert code == 2 and "docs/locked.md: error: permission denied" in err


@pytest.mark.parametrize(
    "variant",
    [
        lambda s: "\ufeff" + s,
        lambda s: s.replace("\n", "\r\n"),
        lambda s: s.replace("\n", "\r"),
        lambda s: s.replace("- ", "-\t").replace("Raise", "Raise\x0b"),
    ],
    ids=["bom", "crlf", "cr", "tabs-and-control-chars"],
)
def test_encodings_and_line_endings_keep_line_numbers(tmp_path: Path, variant) -> None:  # type: ignore[no-untyped-def]
    text = "# Postmortem\n\nThis is too risky.\n\n## Action items\n\n- Raise the timeout to 30s.\n"
    (tmp_path / "lf.md").write_text(text, newline="")
    (tmp_path / "other.md").write_text(variant(text), newline="")

    def positions(name: str) -> list[tuple[int, str]]:
        out = io.StringIO()
        run(Options(paths=(str(tmp_path / name),), format="json"), out, io.StringIO())
        (f,) = json.loads(out.getvalue())["files"]
        return [(x["line"], x["code"]) for x in f["findings"]] + [
            (s["line"], str(s["level"])) for s in f["solutions"]
        ]

    assert positions("other.md") == positions("lf.md") == [(3, "LL004"), (5, "LL001"), (7, "12")]


def test_broken_front_matter_warns_with_line_and_body_is_linted(folder: Path) -> None:
    (folder / "fm.md").write_text("---\ntitle: ok\nowners: [a, b\n---\n" + GOOD)
    code, out, err = invoke("check", "fm.md")
    assert code == 1 and out.startswith("fm.md:7:1: LL001")
    assert "fm.md: warning: front matter is not valid YAML (line" in err


def test_pathological_documents_finish(tmp_path: Path) -> None:
    deep_list = "## Action items\n\n" + "".join("  " * i + "- Raise it\n" for i in range(2000))
    deep_quote = "## Action items\n\n" + ">" * 50_000 + " - Raise the limit to 5\n"
    long_line = "## Action items\n\n- Raise " + "the limit and " * 200_000 + "\n"
    many = "## Action items\n\n" + "- Publish the report.\n" * 20_000
    for i, text in enumerate((deep_list, deep_quote, long_line, many)):
        (tmp_path / f"p{i}.md").write_text(text)
    opts = Options(paths=(str(tmp_path),), format="json")
    out = io.StringIO()
    assert run(opts, out, io.StringIO()) in (0, 1)
    assert len(json.loads(out.getvalue())["files"]) == 4


def test_output_is_deterministic_and_order_independent(folder: Path) -> None:
    for i in range(5):
        (folder / "docs" / f"n{i}.md").write_text(GOOD + "\nIt is not our call.\n")
    a = invoke("check", "--format", "json", "docs/n3.md", "docs/n1.md", "docs")
    b = invoke("check", "--format", "json", "docs", "docs/n1.md", "docs/n3.md")
    assert a == b


def test_internal_error_is_reported_not_raised(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import leverlint.document as document_module

    real_parse = document_module.parse

    def flaky(path: str, text: str, spec: object = None):  # type: ignore[no-untyped-def]
        if path.endswith("boom.md"):
            raise RuntimeError("kaboom")
        return real_parse(path, text, spec)  # type: ignore[arg-type]

    monkeypatch.setattr(document_module, "parse", flaky)
    (folder / "boom.md").write_text(GOOD)
    code, out, err = invoke("check", "boom.md", "docs/good.md")
    assert code == 2 and "docs/good.md:3:1: LL001" in out
    assert "boom.md: error: internal error (RuntimeError: kaboom)" in err
    assert "Traceback" not in err
    assert "Traceback" in invoke("check", "--debug", "boom.md")[2]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".leverlint.yaml", "select: !!python/object/apply:os.system ['echo pwned']\n"),
        ("pack.yaml", "rules: !!python/object/apply:os.system ['echo pwned']\n"),
    ],
)
def test_yaml_cannot_execute_code(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text)
    args = (
        ("check", "--rules", "pack.yaml", "docs/good.md")
        if name == "pack.yaml"
        else (
            "check",
            "docs/good.md",
        )
    )
    code, out, err = invoke(*args)
    assert (code, out) == (2, "") and "pwned" not in err + out and "invalid YAML" in err
