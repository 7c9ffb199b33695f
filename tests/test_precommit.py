"""End to end with the real pre-commit: a temporary git repository runs the
hook from this checkout (``pre-commit try-repo``), which builds and installs
leverlint in pre-commit's own environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = (
    "# Postmortem: full disk\n\n## Action items\n\n"
    "- Increase the disk size to 500 GB.\n- Raise the log rotation limit to 20 files.\n"
)
GOOD = (
    "# Postmortem: full disk\n\n## Action items\n\n"
    "- Increase the disk size to 500 GB.\n"
    "- Alert the owning team when disk usage exceeds 80%.\n"
    "- Publish disk growth per service on the team dashboard.\n"
    "- Require every service to declare a log retention owner.\n"
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("repo")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    env.pop("GITHUB_ACTIONS", None)
    subprocess.run(["git", "init", "-q", str(path)], check=True, env=env)
    (path / "bad.md").write_text(BAD)
    (path / "good.md").write_text(GOOD)
    subprocess.run(["git", "add", "."], cwd=path, check=True, env=env)
    return path, env


def _try_repo(repo: tuple[Path, dict[str, str]], name: str) -> subprocess.CompletedProcess[str]:
    path, env = repo
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "leverlint", "--files", name],
        cwd=path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_fails_on_low_leverage_postmortem(repo: tuple[Path, dict[str, str]]) -> None:
    proc = _try_repo(repo, "bad.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "bad.md:3:1: LL001 [low-leverage-only]" in proc.stdout


def test_hook_passes_on_multi_level_postmortem(repo: tuple[Path, dict[str, str]]) -> None:
    proc = _try_repo(repo, "good.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
