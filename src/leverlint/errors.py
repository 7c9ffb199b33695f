"""Errors that end a run with exit code 2, each naming the file at fault."""

from __future__ import annotations


class LeverlintError(Exception):
    """Base class: a problem the user must fix, reported without a traceback."""


class RuleFileError(LeverlintError):
    """A rule pack or section file is unreadable or invalid."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[RuleFileError], tuple[str, str, int | None]]:
        """Survive pickling across ``--jobs`` worker processes."""
        return (RuleFileError, (self.path, self.reason, self.line))


class ConfigError(LeverlintError):
    """A configuration file or flag is invalid."""
