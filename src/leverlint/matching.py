"""A spaCy Matcher split by pattern, with a cheap prefilter.

Most patterns need one specific word (a lemma from a short list) somewhere
in the text. Each pattern gets its own small Matcher and an *anchor*: the
most selective required token (a non-optional ``LEMMA``/``LOWER`` list,
preferring long, rare words). A text is only matched against the patterns
whose anchor word it contains, which is a set lookup instead of walking
hundreds of patterns over every token. Patterns without an anchor always
run. The matches are exactly those of one Matcher with every pattern.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

_OPTIONAL = {"?", "*", "!"}


class PatternError(ValueError):
    """A pattern spaCy rejects; ``key`` says which."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key, self.reason = key, reason


def anchor_of(pattern: Sequence[dict[str, Any]]) -> tuple[str, tuple[str, ...]] | None:
    """The required token whose word list is most selective, as (attr, words)."""
    best: tuple[float, str, tuple[str, ...]] | None = None
    for token in pattern:
        op = str(token.get("OP", ""))
        if op in _OPTIONAL or op.startswith("{"):
            continue
        for attr in ("LEMMA", "LOWER", "ORTH"):
            value = token.get(attr)
            if isinstance(value, str):
                words: tuple[str, ...] = (value,)
            elif isinstance(value, dict) and set(value) == {"IN"}:
                words = tuple(value["IN"])
            else:
                continue
            if not words:
                continue
            score = sum(len(w) for w in words) / len(words) - 0.05 * len(words)
            if best is None or score > best[0]:
                best = (score, attr, words)
    return None if best is None else (best[1], best[2])


class AnchoredMatcher:
    """Callable like ``spacy.matcher.Matcher``: ``matcher(doc) -> [(key, start, end)]``."""

    def __init__(
        self, vocab: Any, patterns: Iterable[tuple[str, Sequence[dict[str, Any]]]]
    ) -> None:
        from spacy.attrs import LEMMA, LOWER, ORTH
        from spacy.matcher import Matcher

        self._attr_ids = {"LEMMA": LEMMA, "LOWER": LOWER, "ORTH": ORTH}
        self._entries: list[tuple[str | None, frozenset[int], str, Any]] = []
        for key, pattern in patterns:
            matcher = Matcher(vocab, validate=True)
            try:
                matcher.add(key, [list(pattern)])
            except (ValueError, KeyError, TypeError) as exc:
                lines = [ln.strip() for ln in str(exc).strip().splitlines() if ln.strip()]
                raise PatternError(key, lines[-1] if lines else "invalid pattern") from None
            anchor = anchor_of(pattern)
            if anchor is None:
                self._entries.append((None, frozenset(), key, matcher))
            else:
                attr, words = anchor
                hashes = frozenset(vocab.strings.add(w) for w in words)
                self._entries.append((attr, hashes, key, matcher))

    def __len__(self) -> int:
        return len(self._entries)

    def __call__(self, doc: Any) -> list[tuple[str, int, int]]:
        present: dict[str, set[int]] = {}
        out: list[tuple[str, int, int]] = []
        for attr, hashes, key, matcher in self._entries:
            if attr is not None:
                seen = present.get(attr)
                if seen is None:
                    seen = present[attr] = set(doc.to_array(self._attr_ids[attr]).tolist())
                if seen.isdisjoint(hashes):
                    continue
            out.extend((key, start, end) for _, start, end in matcher(doc))
        return out
