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


def load_yaml(path: Path) -> Any:
    """Read a YAML file with the safe loader; errors name the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), f"cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleFileError(str(path), f"invalid YAML: {problem}", line) from None
