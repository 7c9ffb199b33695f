"""What kind of document this is: rfc, design, adr, postmortem or other.

Decided from front matter first, then the path, then the first headings.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import PurePath
from typing import Any

_KIND_ALIASES: dict[str, str] = {
    "rfc": "rfc",
    "kep": "rfc",
    "proposal": "rfc",
    "rfcs": "rfc",
    "keps": "rfc",
    "proposals": "rfc",
    "design": "design",
    "design-doc": "design",
    "designs": "design",
    "adr": "adr",
    "adrs": "adr",
    "decision": "adr",
    "decisions": "adr",
    "architecture-decision-record": "adr",
    "decision-record": "adr",
    "postmortem": "postmortem",
    "postmortems": "postmortem",
    "post-mortem": "postmortem",
    "post-mortems": "postmortem",
    "incident": "postmortem",
    "incidents": "postmortem",
    "incident-review": "postmortem",
    "retrospective": "postmortem",
    "pir": "postmortem",
}
_TITLE_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"post-?mortem|\bincident\b|\boutage\b|retrospective|\bretro\b|\bpir\b|\brca\b"
            r"|root cause|\b8d\b|after[- ]action|\bcapa\b|lessons learn|failure (report|analysis)",
            re.I,
        ),
        "postmortem",
    ),
    (re.compile(r"\badr\b|architecture decision", re.I), "adr"),
    (re.compile(r"\brfc\b|\bkep\b|\bproposal\b", re.I), "rfc"),
    (re.compile(r"\bdesign\b|\bone[- ]pager\b|\btech(nical)? spec\b", re.I), "design"),
)
# headings only an incident review has, wherever they stand
_REVIEW_HEADINGS = re.compile(
    r"\broot causes?\b|\bwhat happened\b|\bwhat went wrong\b|\bwhy (it|this) happened\b"
    r"|\bcontributing factors\b|\bescape points?\b",
    re.I,
)
_WORDS = re.compile(r"[a-z]+")


def detect_kind(path: str, front_matter: dict[str, Any], titles: list[str]) -> str:
    """rfc, design, adr, postmortem or other: from front matter, then the
    path, then the title (front matter ``title``, then the first headings),
    then a heading only a review has ("Root cause", "What happened")."""
    for key in ("kind", "type", "doc-type", "doctype", "category"):
        value = front_matter.get(key)
        if isinstance(value, str):
            kind = _KIND_ALIASES.get(value.strip().lower().replace(" ", "-"))
            if kind:
                return kind
    words = _WORDS.findall(PurePath(path).as_posix().lower())
    candidates = [f"{a}-{b}" for a, b in pairwise(words)] + words
    for word in reversed(candidates):
        kind = _KIND_ALIASES.get(word)
        if kind:
            return kind
    # a blog post or static-site page names itself in its front matter
    named = front_matter.get("title")
    titles = [named, *titles] if isinstance(named, str) else titles
    for title in titles[:2]:
        for pattern, kind in _TITLE_KINDS:
            if pattern.search(title):
                return kind
    if any(_REVIEW_HEADINGS.search(title) for title in titles):
        return "postmortem"
    return "other"
