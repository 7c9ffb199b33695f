"""What a check may read about one document."""

from __future__ import annotations

from dataclasses import dataclass

from leverlint.model import Document, Tagged
from leverlint.redflags import RedFlagHit


@dataclass(frozen=True, slots=True)
class Facts:
    """A document, its tagged solutions and the rationalisations in its prose."""

    document: Document
    tagged: tuple[Tagged, ...]
    red_flags: tuple[RedFlagHit, ...]
    stale_suppressions: tuple[tuple[int, str], ...] = ()

    def levels(self) -> list[int]:
        """The levels of the solutions that have one, in document order."""
        return [t.effective_level for t in self.tagged if t.effective_level is not None]

    def anchor(self) -> int:
        """The line of the heading of the first section holding solutions."""
        if self.tagged:
            return self.tagged[0].solution.section.line
        return 1
