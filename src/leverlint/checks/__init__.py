"""Document checks (LL001...): one module each, registered in ``CHECKS``.

A check is a generator ``check(facts) -> Iterator[RawFinding]``. It never
sets its own code, name or severity: the linter stamps those from the spec
here and the configuration, building a new Finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from leverlint.checks import (
    declared_level_mismatch,
    low_leverage_only,
    one_level_thinking,
    rationalization,
    unsupported_high_leverage,
    untagged_solution,
    unused_suppression,
)
from leverlint.checks.facts import Facts
from leverlint.model import RawFinding, Severity

CheckFn = Callable[[Facts], Iterator[RawFinding]]


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A check's public contract: code, kebab-case name, default severity."""

    code: str
    name: str
    severity: Severity
    summary: str
    help: str
    fires: str
    passes: str
    run: CheckFn


def _spec(module: ModuleType, code: str, name: str, severity: Severity) -> CheckSpec:
    summary = (module.__doc__ or "").strip().split("\n", 1)[0]
    run: CheckFn = module.check
    return CheckSpec(
        code, name, severity, summary, str(module.HELP), str(module.FIRES), str(module.PASSES), run
    )


CHECKS: dict[str, CheckSpec] = {
    spec.code: spec
    for spec in (
        _spec(low_leverage_only, "LL001", "low-leverage-only", Severity.ERROR),
        _spec(one_level_thinking, "LL002", "one-level-thinking", Severity.WARNING),
        _spec(unsupported_high_leverage, "LL003", "unsupported-high-leverage", Severity.WARNING),
        _spec(rationalization, "LL004", "rationalization", Severity.WARNING),
        _spec(declared_level_mismatch, "LL005", "declared-level-mismatch", Severity.INFO),
        _spec(untagged_solution, "LL006", "untagged-solution", Severity.INFO),
        _spec(unused_suppression, "LL007", "unused-suppression", Severity.INFO),
    )
}
