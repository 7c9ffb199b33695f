"""Output formats. Each reporter is ``emit(result, out)`` over the whole run."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from leverlint.model import RunResult
from leverlint.reporters import github, gitlab, json_report, rdjson, sarif, text

Emit = Callable[[RunResult, TextIO], None]

REPORTERS: dict[str, Emit] = {
    "text": text.emit,
    "json": json_report.emit,
    "github": github.emit,
    "sarif": sarif.emit,
    "gitlab": gitlab.emit,
    "rdjson": rdjson.emit,
}
