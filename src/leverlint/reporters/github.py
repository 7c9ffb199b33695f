"""GitHub Actions workflow commands: one annotation per finding.

Escaping follows what the Actions runner un-escapes: in the message ``%``,
``\\r`` and ``\\n``; in properties also ``:`` and ``,``. After escaping, no
document text can contain a line break, so nothing in a pull request can
start a workflow command of its own. The runner shows only ten errors and
ten warnings per step, so the most severe come first and a last notice says
how many more there are.
"""

from __future__ import annotations

from typing import TextIO

from leverlint.model import Finding, RunResult, Severity

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SHOWN_PER_KIND = 10


def escape_data(value: str) -> str:
    """Escape a workflow command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow command property (file, title, ...)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    """The workflow command line for one finding."""
    props = ",".join(
        f"{k}={escape_property(v)}"
        for k, v in (
            ("file", f.path),
            ("line", str(f.line)),
            ("col", str(f.col)),
            ("title", f"{f.code} {f.name}"),
        )
    )
    return f"::{COMMAND[f.severity]} {props}::{escape_data(f.message)}"


def ordered(result: RunResult) -> list[Finding]:
    """All findings, most severe first, then by path and position."""
    findings = [f for r in result.files for f in r.findings]
    return sorted(findings, key=lambda f: (-f.severity.rank, f.path, f.line, f.col, f.code))


def emit(result: RunResult, out: TextIO) -> None:
    """Write one workflow command per finding and a note on hidden ones."""
    shown: dict[Severity, int] = dict.fromkeys(Severity, 0)
    for f in ordered(result):
        shown[f.severity] += 1
        out.write(command(f) + "\n")
    for e in result.errors:
        props = f"file={escape_property(e.path)},title=leverlint could not lint this file"
        out.write(f"::error {props}::{escape_data(e.message)}\n")
    hidden = sum(max(0, n - SHOWN_PER_KIND) for n in shown.values())
    if hidden:
        out.write(
            f"::notice title=leverlint::{hidden} more finding(s) than GitHub shows per step; "
            "the step summary lists them all\n"
        )
