"""Turn command-line paths into a sorted list of Markdown files.

Folders are walked for ``*.md`` and ``*.markdown``, skipping hidden folders,
``node_modules`` and anything that is not a regular file; symlinked folders
are not followed (no loops). A file named explicitly is linted whatever its
extension. Path filtering lives only here.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from leverlint.model import FileError

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


@dataclass(frozen=True, slots=True)
class Discovered:
    """Files to lint, and paths that could not be used, both sorted."""

    files: tuple[str, ...]
    errors: tuple[FileError, ...]


def display_path(path: Path, cwd: Path | None = None) -> str:
    """The path as shown to users: relative to the working directory when under it."""
    cwd = cwd or Path.cwd()
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(filenames):
            if name.lower().endswith(MARKDOWN_SUFFIXES):
                path = Path(dirpath) / name
                try:
                    mode = os.stat(path).st_mode
                except OSError:
                    continue
                if stat.S_ISREG(mode):
                    found.append(path)
    return found


def discover(paths: list[str]) -> Discovered:
    """Expand files and folders into the Markdown files to lint."""
    files: set[str] = set()
    errors: list[FileError] = []
    for raw in paths:
        path = Path(raw)
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            errors.append(FileError(raw, "no such file or directory"))
            continue
        except OSError as exc:
            errors.append(FileError(raw, f"cannot access: {exc.strerror or exc}"))
            continue
        if stat.S_ISDIR(mode):
            files.update(display_path(p.absolute()) for p in _walk(path))
        elif stat.S_ISREG(mode):
            files.add(display_path(path.absolute()))
        else:
            errors.append(FileError(raw, "not a regular file (device, FIFO or socket); skipped"))
    return Discovered(tuple(sorted(files)), tuple(sorted(errors, key=lambda e: e.path)))
