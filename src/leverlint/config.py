"""Find, read and validate configuration; strict from day one.

Searched upward from the working directory: ``.leverlint.yaml``, or
``[tool.leverlint]`` in ``pyproject.toml`` (a ``.leverlint.yaml`` wins in the
same folder). Keys are kebab-case in both. Any unknown key, unknown code,
bad value or bad type raises ``ConfigError`` naming the file, the line when
known, the key and what was expected; nothing is linted on a bad config.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from leverlint.checks import CHECKS
from leverlint.errors import ConfigError
from leverlint.model import Severity

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
KEYS = (
    "select", "ignore", "fail-on", "severity", "per-file-ignores", "include", "exclude",
    "rules", "sections", "max-file-size",
)  # fmt: skip
SEVERITIES = tuple(s.value for s in Severity)


@dataclass(frozen=True, slots=True)
class Config:
    """Effective settings; ``root`` anchors relative globs and rule paths."""

    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    severity: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = ("*.md", "*.markdown")
    exclude: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    sections: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE


def find_config(start: Path) -> Path | None:
    """The nearest ``.leverlint.yaml`` or ``pyproject.toml`` with ``[tool.leverlint]``."""
    for folder in (start.resolve(), *start.resolve().parents):
        own = folder / ".leverlint.yaml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "leverlint" in data["tool"]


def _yaml_lines(text: str) -> dict[str, int]:
    """1-based line of each top-level key, for messages."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def read_config(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """The raw mapping from a config file and each key's line (YAML only)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        table = data.get("tool", {}).get("leverlint", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.leverlint] must be a table")
        return table, {}
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    return data, _yaml_lines(text)


class _Validator:
    """Checks one raw mapping, raising with file, line and key."""

    def __init__(self, path: str, lines: dict[str, int]) -> None:
        self.path, self.lines = path, lines

    def fail(self, key: str, expected: str, got: object) -> ConfigError:
        line = self.lines.get(key.split(".", 1)[0])
        where = f"{self.path}:{line}" if line else self.path
        return ConfigError(f"{where}: '{key}': expected {expected}, got {got!r}")

    def strings(self, key: str, value: object) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, "a list of strings", value)
        return tuple(value)

    def codes(self, key: str, value: object) -> tuple[str, ...]:
        codes = tuple(c.upper() for c in self.strings(key, value))
        for code in codes:
            if not any(known.startswith(code) for known in CHECKS):
                raise self.fail(key, f"codes or prefixes of {', '.join(CHECKS)}", code)
        return codes

    def severity(self, key: str, value: object) -> Severity:
        if value not in SEVERITIES:
            raise self.fail(key, " | ".join(SEVERITIES), value)
        return Severity(str(value))


def parse_config(raw: dict[str, Any], path: str, lines: dict[str, int], root: Path) -> Config:
    """Validate a raw mapping (from a file or from flags) into a Config."""
    v = _Validator(path, lines)
    unknown = [k for k in raw if k not in KEYS]
    if unknown:
        key = unknown[0]
        hint = next((k for k in KEYS if k.replace("-", "_") == key), None)
        raise v.fail(
            key,
            "one of " + ", ".join(KEYS) + (f" (did you mean {hint!r}?)" if hint else ""),
            "an unknown key",
        )
    out: dict[str, Any] = {"path": path, "root": root}
    if "select" in raw:
        out["select"] = v.codes("select", raw["select"])
    if "ignore" in raw:
        out["ignore"] = v.codes("ignore", raw["ignore"])
    if "fail-on" in raw:
        out["fail_on"] = v.severity("fail-on", raw["fail-on"])
    if "severity" in raw:
        table = raw["severity"]
        if not isinstance(table, dict):
            raise v.fail("severity", "a mapping of code to error | warning | info", table)
        pairs = []
        for code, level in table.items():
            if str(code).upper() not in CHECKS:
                raise v.fail(f"severity.{code}", f"a code of {', '.join(CHECKS)}", code)
            pairs.append((str(code).upper(), v.severity(f"severity.{code}", level)))
        out["severity"] = tuple(sorted(pairs))
    if "per-file-ignores" in raw:
        table = raw["per-file-ignores"]
        if not isinstance(table, dict):
            raise v.fail("per-file-ignores", "a mapping of glob to codes", table)
        out["per_file_ignores"] = tuple(
            (str(glob), v.codes(f"per-file-ignores.{glob}", codes)) for glob, codes in table.items()
        )
    for key in ("include", "exclude", "sections"):
        if key in raw:
            out[key] = v.strings(key, raw[key])
    if "rules" in raw:
        packs = []
        for item in v.strings("rules", raw["rules"]):
            pack = (root / item).resolve()
            if not pack.exists():
                raise v.fail("rules", "existing rule-pack files or folders", item)
            packs.append(pack)
        out["rules"] = tuple(packs)
    if "max-file-size" in raw:
        size = raw["max-file-size"]
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            raise v.fail("max-file-size", "a positive number of bytes", size)
        out["max_file_size"] = size
    return Config(**out)


def load_config(explicit: Path | None, isolated: bool, cwd: Path | None = None) -> Config:
    """The configuration in force: ``--config``, else the nearest file, else defaults."""
    cwd = cwd or Path.cwd()
    if isolated:
        return Config(root=cwd)
    path = explicit if explicit is not None else find_config(cwd)
    if path is None:
        return Config(root=cwd)
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    raw, lines = read_config(path)
    return parse_config(raw, str(path), lines, path.resolve().parent)


def merge_flags(config: Config, flags: dict[str, Any]) -> Config:
    """Command-line values (already in config form) override the file."""
    given = {k: val for k, val in flags.items() if val is not None and val != ()}
    return replace(config, **given)
