"""Per-file result cache, so an unchanged tree is re-checked without spaCy.

An entry is keyed by the file's content hash, its displayed path, the
leverlint version, a digest of every rule file in use and the effective
configuration. Entries live in ``.leverlint_cache/`` at the project root
(the folder of the configuration file, else the working directory), or in
``$LEVERLINT_CACHE_DIR``. Writes are atomic (temp file + rename); an entry
that cannot be read or does not have the expected shape is a miss, never an
error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from leverlint import __version__
from leverlint.learned import MODEL_FILE
from leverlint.model import Evidence, FileResult, Finding, Section, Severity, Solution, Tagged
from leverlint.resources import rules_dir

FORMAT = 1
GITIGNORE = "# Automatically created by leverlint.\n*\n"


@cache
def _digest_files(paths: tuple[Path, ...]) -> str:
    h = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            h.update(str(file.name).encode())
            h.update(file.read_bytes())
    return h.hexdigest()


def settings_digest(rule_paths: tuple[Path, ...], config: dict[str, Any]) -> str:
    """What besides the file decides its result: version, rules, the learned
    model and config."""
    h = hashlib.sha256()
    h.update(f"{FORMAT}:{__version__}".encode())
    model = (MODEL_FILE,) if MODEL_FILE.is_file() else ()
    h.update(_digest_files((rules_dir(), *model, *rule_paths)).encode())
    h.update(json.dumps(config, sort_keys=True, default=str).encode())
    return h.hexdigest()


class Cache:
    """A folder of JSON entries, one per (file content, path, settings)."""

    def __init__(self, folder: Path, settings: str) -> None:
        self.folder = folder / f"v{FORMAT}"
        self.settings = settings
        self._ready = False

    @staticmethod
    def location(project_root: Path) -> Path:
        """``$LEVERLINT_CACHE_DIR`` or ``.leverlint_cache`` in the project root."""
        env = os.environ.get("LEVERLINT_CACHE_DIR")
        return Path(env) if env else project_root / ".leverlint_cache"

    def key(self, path: str, data: bytes) -> str:
        """The entry name for one file's bytes at one path."""
        h = hashlib.sha256(self.settings.encode())
        h.update(path.encode())
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def get(self, key: str) -> tuple[FileResult, list[str]] | None:
        """The cached result and warnings, or ``None`` on a miss or a bad entry."""
        try:
            raw = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            return _result(raw["result"]), [str(w) for w in raw["warnings"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, result: FileResult, warnings: list[str]) -> None:
        """Store an entry atomically; a cache that cannot be written is skipped."""
        try:
            self._prepare()
            payload = json.dumps({"result": asdict(result), "warnings": warnings})
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            os.replace(tmp, self.folder / f"{key}.json")
        except OSError:
            return

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text(GITIGNORE, encoding="utf-8")
        self._ready = True


def _result(raw: dict[str, Any]) -> FileResult:
    tagged = tuple(
        Tagged(
            # every field, so a field added to Solution cannot be dropped here
            solution=Solution(**{**t["solution"], "section": Section(**t["solution"]["section"])}),
            level=t["level"],
            evidence=tuple(Evidence(**e) for e in t["evidence"]),
        )
        for t in raw["tagged"]
    )
    findings = tuple(Finding(**{**f, "severity": Severity(f["severity"])}) for f in raw["findings"])
    return FileResult(path=raw["path"], kind=raw["kind"], tagged=tagged, findings=findings)
