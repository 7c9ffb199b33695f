"""Fingerprints that identify a finding across unrelated edits.

Built from the code, the path, the text of the line the finding sits on
(not its number, so inserting a paragraph above does not change it) and the
occurrence of that triple in the file, so two identical findings stay
distinct.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from leverlint.model import Finding, RunResult


def fingerprints(result: RunResult) -> dict[int, str]:
    """``id(finding) -> hex fingerprint`` for every finding in the run."""
    out: dict[int, str] = {}
    for file in result.files:
        seen: Counter[tuple[str, str]] = Counter()
        for f in file.findings:
            key = (f.code, " ".join(f.snippet.split()))
            seen[key] += 1
            out[id(f)] = _digest(f, key[1], seen[key])
    return out


def _digest(f: Finding, text: str, occurrence: int) -> str:
    raw = "\0".join((f.code, f.path, text, str(occurrence)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()
