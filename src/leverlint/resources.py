"""Where the shipped rule files live, and a YAML loader that names lines.

The ``rules/`` folder sits at the top of the repository and is copied into
the wheel as ``leverlint/rules``; an editable install reads it in place.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from leverlint.errors import RuleFileError

# libyaml's safe loader when PyYAML was built with it: same safety, faster.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineList(list[Any]):
    """A YAML sequence that remembers its 1-based line."""

    line: int | None = None


class LineDict(dict[Any, Any]):
    """A YAML mapping that remembers its 1-based line."""

    line: int | None = None


class _LineLoader(SAFE_LOADER):  # type: ignore[valid-type,misc]
    """The safe loader, building LineList and LineDict so errors can name lines."""


def _sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_sequence(node, deep=True))
    out.line = node.start_mark.line + 1
    return out


def _mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    out = LineDict(loader.construct_mapping(node, deep=True))
    out.line = node.start_mark.line + 1
    return out


_LineLoader.add_constructor("tag:yaml.org,2002:seq", _sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _mapping)


def line_of(value: object) -> int | None:
    """The line a value loaded with ``lines=True`` started on, if known."""
    return getattr(value, "line", None)


@cache
def rules_dir() -> Path:
    """The folder holding the shipped YAML rule packs."""
    packaged = Path(__file__).resolve().parent / "rules"
    if packaged.is_dir():
        return packaged
    in_repo = Path(__file__).resolve().parents[2] / "rules"
    if in_repo.is_dir():
        return in_repo
    raise RuleFileError(str(packaged), "leverlint's rule files are missing from the installation")


def load_yaml(path: Path, lines: bool = False) -> Any:
    """Read a YAML file with the safe loader; errors name the file and line.

    With ``lines``, lists and mappings come back as LineList and LineDict,
    so a later validation error can name the line too (see ``line_of``).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), f"cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_LineLoader if lines else SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleFileError(str(path), f"invalid YAML: {problem}", line) from None
