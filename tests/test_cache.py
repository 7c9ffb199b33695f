"""The result cache: hits skip spaCy, edits and settings miss, bad entries are ignored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# every field a cached solution must keep: an inquiry and a declared level too
GOOD = (
    "# Postmortem\n\n## Action items\n\n- Raise the timeout to 30s. <!-- leverlint-level: 12 -->\n"
    "- Look into the retry storm.\n\nIt is too risky.\n"
)


def _cli(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    script = (
        "import sys\n"
        "from leverlint.cli import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('SPACY' if 'spacy' in sys.modules else 'NOSPACY', file=sys.stderr)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script, *args], cwd=cwd, capture_output=True, text=True, env=env
    )


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("LEVERLINT_CACHE_DIR")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(GOOD)
    (tmp_path / "docs" / "b.md").write_text(GOOD.replace("30s", "60s"))
    return tmp_path


def test_warm_run_is_identical_and_never_imports_spacy(tree: Path) -> None:
    cold = _cli(tree, "check", "--format", "json", "docs")
    warm = _cli(tree, "check", "--format", "json", "docs")
    assert cold.returncode == warm.returncode == 1
    assert cold.stdout == warm.stdout
    assert cold.stderr.strip().endswith("NOSPACY") is False
    assert warm.stderr.strip().endswith("NOSPACY")
    assert (tree / ".leverlint_cache" / ".gitignore").read_text().endswith("*\n")


def test_edit_and_settings_changes_miss(tree: Path) -> None:
    _cli(tree, "check", "docs")
    (tree / "docs" / "a.md").write_text(GOOD + "\nLeadership won't listen.\n")
    edited = _cli(tree, "check", "docs")
    assert "SPACY" in edited.stderr.split()[-1] and "docs/a.md:10:" in edited.stdout
    ignored = _cli(tree, "check", "--ignore", "LL004", "docs")
    assert "LL004" not in ignored.stdout


def test_no_cache_and_env_location(tree: Path) -> None:
    _cli(tree, "check", "--no-cache", "docs")
    assert not (tree / ".leverlint_cache").exists()
    env = {**__import__("os").environ, "LEVERLINT_CACHE_DIR": str(tree / "elsewhere")}
    _cli(tree, "check", "docs", env=env)
    assert (tree / "elsewhere" / "v1").is_dir() and not (tree / ".leverlint_cache").exists()


def test_corrupt_or_foreign_entries_are_ignored(tree: Path) -> None:
    first = _cli(tree, "check", "--format", "json", "docs")
    for entry in (tree / ".leverlint_cache" / "v1").glob("*.json"):
        entry.write_text("{not json" if entry.name < "8" else json.dumps({"result": 1}))
    again = _cli(tree, "check", "--format", "json", "docs")
    assert again.returncode == first.returncode and again.stdout == first.stdout
