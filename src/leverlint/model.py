"""The frozen dataclasses that flow one way through leverlint.

``Document -> Section -> Solution -> Tagged -> Finding``. Each stage builds
new values from the previous one and never mutates them, so any stage can be
tested on its own and results can be cached or compared safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How serious a finding is; ordered so ``max()`` picks the worst."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _SEVERITY_RANK[self.value]


_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Section:
    """A heading that introduces proposed solutions.

    ``role`` is what the section holds: ``action`` (action items, next
    steps), ``decision`` (proposal, decision, design) or ``alternative``
    (options considered). ``line`` is the heading's 1-based line.
    """

    title: str
    depth: int
    line: int
    role: str


@dataclass(frozen=True, slots=True)
class Solution:
    """One proposed fix as written in a document.

    ``text`` is the plain text used for tagging (markup and noise removed);
    ``raw`` is the source text of the item. ``declared_level`` is set when
    the author wrote ``<!-- leverlint-level: N -->`` for it.
    """

    text: str
    line: int
    section: Section
    raw: str = ""
    declared_level: int | None = None
    inquiry: bool = False


@dataclass(frozen=True, slots=True)
class Prose:
    """A run of prose (paragraph, list item, cell) with its first line.

    Checks that read the whole document (LL004) use these; ``text`` keeps
    one ``\\n`` per source line break so offsets map back to lines.
    """

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed Markdown file: what leverlint knows about one document."""

    path: str
    kind: str
    front_matter: dict[str, Any]
    sections: tuple[Section, ...]
    solutions: tuple[Solution, ...]
    prose: tuple[Prose, ...]
    lines: tuple[str, ...] = field(repr=False, default=())
    comments: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a rule matched: the rule id, its level, the words, the reason."""

    rule: str
    level: int
    match: str
    reason: str
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Tagged:
    """A solution with the leverage level the tagger gave it.

    ``level`` is ``None`` when no rule could place the solution; that is an
    honest answer, reported as LL006. ``evidence`` lists the winning
    rule's evidence first, then the others that matched.
    """

    solution: Solution
    level: int | None
    evidence: tuple[Evidence, ...]

    @property
    def effective_level(self) -> int | None:
        """The author's declared level when there is one, else the tag."""
        declared = self.solution.declared_level
        return declared if declared is not None else self.level


@dataclass(frozen=True, slots=True)
class Finding:
    """One diagnostic, stamped with code, name and severity by the linter."""

    path: str
    line: int
    col: int
    code: str
    name: str
    severity: Severity
    message: str
    snippet: str = field(default="", compare=False)
    """The stripped source line, for fingerprints that survive unrelated edits."""


@dataclass(frozen=True, slots=True)
class RawFinding:
    """What a check yields before the linter stamps code and severity."""

    line: int
    message: str
    col: int = 1


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything leverlint found in one file: reporters take a batch of these."""

    path: str
    kind: str
    tagged: tuple[Tagged, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be linted, and why, in plain words."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class RunResult:
    """The whole run: per-file results and per-file errors, both sorted."""

    files: tuple[FileResult, ...]
    errors: tuple[FileError, ...]
