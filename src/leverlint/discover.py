"""Turn command-line paths into a sorted list of Markdown files.

Folders are walked for ``*.md`` and ``*.markdown``, skipping hidden folders,
``node_modules`` and anything that is not a regular file; symlinked folders
are not followed (no loops). A file named explicitly is linted whatever its
extension. Path filtering lives only here.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from leverlint.model import FileError

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


def _classify(path: Path) -> str | None:
    """``None`` for a regular file (following a symlink), else why it is not one."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "dangling symbolic link" if path.is_symlink() else "no such file or directory"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot access: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory"
    return "not a regular file (device, FIFO or socket); not opened"


def path_matches(path: str, pattern: str) -> bool:
    """Whether a relative POSIX path matches a glob.

    A pattern without ``/`` matches any path component ("legacy",
    "*.draft.md"); one with ``/`` matches the path from the root, and also
    everything under a matching folder ("docs/postmortems/2019-*").
    """
    pattern = pattern.removeprefix("./").rstrip("/")
    path = path.removeprefix("./")
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in path.split("/"))
    parts = path.split("/")
    return any(fnmatch.fnmatchcase("/".join(parts[:i]), pattern) for i in range(1, len(parts) + 1))


@dataclass(frozen=True, slots=True)
class Filter:
    """Which files to lint: include globs for walked files, exclude globs for all."""

    root: Path
    include: tuple[str, ...] = ("*.md", "*.markdown")
    exclude: tuple[str, ...] = ()

    def relative(self, path: Path) -> str:
        """The path relative to the filter's root (the config folder)."""
        try:
            return path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return path.absolute().as_posix()

    def excluded(self, path: Path) -> bool:
        """True when an exclude glob matches the path or a folder above it."""
        rel = self.relative(path)
        return any(path_matches(rel, pattern) for pattern in self.exclude)

    def included(self, path: Path) -> bool:
        """True when a walked file's name matches an include glob."""
        rel = self.relative(path)
        return any(
            path_matches(rel, p) if "/" in p else fnmatch.fnmatchcase(path.name.lower(), p.lower())
            for p in self.include
        )


def _walk(root: Path, flt: Filter) -> tuple[list[Path], list[FileError]]:
    found: list[Path] = []
    errors: list[FileError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and d not in SKIP_DIRS and not flt.excluded(Path(dirpath) / d)
        )
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not flt.included(path) or flt.excluded(path):
                continue
            problem = _classify(path)
            if problem is None:
                found.append(path)
            else:
                errors.append(FileError(display_path(path.absolute()), problem))
    return found, errors


def discover(paths: list[str], flt: Filter | None = None) -> Discovered:
    """Expand files and folders into the Markdown files to lint.

    Never opens anything: FIFOs and devices are reported, not read, and
    symlinked folders are not followed, so a symlink loop cannot recurse.
    """
    flt = flt or Filter(root=Path.cwd())
    files: set[str] = set()
    errors: list[FileError] = []
    for raw in paths:
        path = Path(raw)
        if flt.excluded(path) and raw not in (".", "./"):
            continue
        if path.is_dir():
            walked, problems = _walk(path, flt)
            files.update(display_path(p.absolute()) for p in walked)
            errors.extend(problems)
            continue
        problem = _classify(path)
        if problem is None:
            files.add(display_path(path.absolute()))
        else:
            errors.append(FileError(raw, problem))
    unique = {(e.path, e.message): e for e in errors}
    return Discovered(tuple(sorted(files)), tuple(sorted(unique.values(), key=lambda e: e.path)))
