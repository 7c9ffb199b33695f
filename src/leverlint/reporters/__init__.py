"""Output formats. Each reporter is ``emit(result, out)`` over the whole run."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from leverlint.model import RunResult
from leverlint.reporters import json_report, text

Emit = Callable[[RunResult, TextIO], None]

REPORTERS: dict[str, Emit] = {
    "text": text.emit,
    "json": json_report.emit,
}
