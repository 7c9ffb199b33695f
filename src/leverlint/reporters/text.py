"""``path:line:col: CODE [name] message``, one finding per line."""

from __future__ import annotations

from typing import TextIO

from leverlint.model import RunResult


def emit(result: RunResult, out: TextIO) -> None:
    """Write every finding, files in sorted order, findings by position."""
    for file in result.files:
        for f in file.findings:
            out.write(f"{f.path}:{f.line}:{f.col}: {f.code} [{f.name}] {f.message}\n")
