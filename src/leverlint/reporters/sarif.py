"""SARIF 2.1.0: one run, every check as a rule, one result per finding.

Usable with ``github/codeql-action/upload-sarif``. Locations are relative
URIs against ``%SRCROOT%``; ``partialFingerprints`` survive unrelated edits.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from leverlint import __version__
from leverlint.checks import CHECKS
from leverlint.model import RunResult, Severity
from leverlint.reporters.fingerprint import fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFO_URI = "https://github.com/leverlint/leverlint"


def artifact(path: str) -> dict[str, str]:
    """A relative URI against %SRCROOT%, or an absolute file URI for a path
    outside the working directory."""
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix()), "uriBaseId": "%SRCROOT%"}


def emit(result: RunResult, out: TextIO) -> None:
    """Write one SARIF log for the whole run."""
    codes = list(CHECKS)
    rules = [
        {
            "id": spec.code,
            "name": "".join(w.capitalize() for w in spec.name.split("-")),
            "shortDescription": {"text": spec.summary},
            "fullDescription": {"text": f"{spec.summary} {spec.help}"},
            "help": {"text": spec.help, "markdown": spec.help},
            "defaultConfiguration": {"level": LEVEL[spec.severity]},
            "properties": {"tags": ["leverage", spec.name]},
        }
        for spec in CHECKS.values()
    ]
    prints = fingerprints(result)
    results: list[dict[str, Any]] = []
    for file in result.files:
        for f in file.findings:
            results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": codes.index(f.code),
                    "level": LEVEL[f.severity],
                    "message": {"text": f.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": artifact(f.path),
                                "region": {"startLine": f.line, "startColumn": f.col},
                            }
                        }
                    ],
                    "partialFingerprints": {"leverlintFinding/v1": prints[id(f)]},
                }
            )
    notifications = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact(e.path)}}],
        }
        for e in result.errors
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "leverlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFO_URI,
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not result.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "results": results,
            }
        ],
    }
    json.dump(log, out, indent=2, ensure_ascii=False)
    out.write("\n")
