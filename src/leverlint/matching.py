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

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

_OPTIONAL = {"?", "*", "!"}


_WORD = re.compile(r"[\w'\u2019-]+")
_CLITICS = ("n't", "'ll", "'re", "'ve", "'d", "'s", "'m")


def _required_tokens(pattern: Sequence[dict[str, Any]]) -> list[tuple[str, tuple[str, ...]]]:
    """(attribute, accepted words) for each token a match cannot skip.

    Tokens that accept anything (windows, regexes, flags) are left out, so
    the list says what must occur, never more.
    """
    out: list[tuple[str, tuple[str, ...]]] = []
    for token in pattern:
        op = str(token.get("OP", ""))
        if op in _OPTIONAL or op.startswith("{"):
            continue
        for attr in ("LEMMA", "LOWER", "ORTH"):
            value = token.get(attr)
            if isinstance(value, str):
                out.append((attr, (value,)))
                break
            if isinstance(value, dict) and set(value) == {"IN"} and value["IN"]:
                out.append((attr, tuple(str(v) for v in value["IN"])))
                break
    return out


def required_words(pattern: Sequence[dict[str, Any]]) -> list[frozenset[str]]:
    """For each token a match cannot skip, the words it accepts (lower-cased)."""
    return [frozenset(w.lower() for w in words) for _, words in _required_tokens(pattern)]


class PatternError(ValueError):
    """A pattern spaCy rejects; ``key`` says which."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key, self.reason = key, reason


def anchor_of(pattern: Sequence[dict[str, Any]]) -> tuple[str, tuple[str, ...]] | None:
    """The required token whose word list is most selective, as (attr, words):
    long words are rarer, and a short list is rarer than a long one."""

    def score(item: tuple[str, tuple[str, ...]]) -> float:
        words = item[1]
        return sum(len(w) for w in words) / len(words) - 0.05 * len(words)

    tokens = _required_tokens(pattern)
    return max(tokens, key=score) if tokens else None


class AnchoredMatcher:
    """Callable like ``spacy.matcher.Matcher``: ``matcher(doc) -> [(key, start, end)]``.

    Each pattern's spaCy Matcher is built the first time a text holds the
    pattern's words, so a run over one document compiles only the few
    patterns it can use. Patterns whose key ``eager`` accepts (user packs)
    are compiled at once, so a bad one is reported before any file is read;
    the shipped packs are compiled by the test suite.
    """

    def __init__(
        self,
        vocab: Any,
        patterns: Iterable[tuple[str, Sequence[dict[str, Any]]]],
        eager: Callable[[str], bool] = lambda key: True,
    ) -> None:
        from spacy.attrs import LEMMA, LOWER, ORTH

        self._vocab = vocab
        self._attrs = (LEMMA, LOWER, ORTH)
        self._always: list[int] = []
        self._index: dict[int, list[int]] = {}
        self._patterns: list[tuple[str, Sequence[dict[str, Any]]]] = []
        self._matchers: list[Any] = []
        self._required: list[list[frozenset[str]]] = []
        self._required_hashes: list[list[frozenset[int]]] = []
        self._unconstrained = False
        self._surface: frozenset[str] | None = None
        for key, pattern in patterns:
            number = len(self._matchers)
            self._patterns.append((key, pattern))
            self._matchers.append(self._build(key, pattern) if eager(key) else None)
            required = required_words(pattern)
            self._required.append(required)
            self._required_hashes.append(
                [frozenset(vocab.strings.add(w) for w in req) for req in required]
            )
            self._unconstrained = self._unconstrained or not required
            anchor = anchor_of(pattern)
            if anchor is None:
                self._always.append(number)
                continue
            for word in anchor[1]:
                self._index.setdefault(vocab.strings.add(word), []).append(number)

    def _build(self, key: str, pattern: Sequence[dict[str, Any]]) -> Any:
        from spacy.matcher import Matcher

        matcher = Matcher(self._vocab, validate=True)
        try:
            matcher.add(key, [list(pattern)])
        except (ValueError, KeyError, TypeError) as exc:
            lines = [ln.strip() for ln in str(exc).strip().splitlines() if ln.strip()]
            raise PatternError(key, lines[-1] if lines else "invalid pattern") from None
        return matcher

    def matcher(self, number: int) -> Any:
        """The compiled matcher of pattern ``number``, built on first use."""
        found = self._matchers[number]
        if found is None:
            found = self._matchers[number] = self._build(*self._patterns[number])
        return found

    def may_match(self, text: str) -> bool:
        """Cheap test on raw text: False only when no pattern can match.

        A pattern matches only if every one of its required tokens occurs;
        the text's words (split by a regex, with "n't"-style clitics split
        off as spaCy does) and their lemmas stand in for spaCy's tokens.
        """
        if self._unconstrained:
            return True
        words = set(_WORD.findall(text.lower()))
        for word in [w for w in words if "'" in w or "\u2019" in w or "-" in w]:
            for clitic in _CLITICS:
                if word.endswith(clitic) and len(word) > len(clitic):
                    words.update((word[: -len(clitic)], clitic))
            words.update(p for p in word.split("-") if p)
        from leverlint.nlp import lemmatize

        surface = self._surface_forms()
        hits = words & surface
        # lemmatize() also strips the "s" of unknown plurals, lemmatizes
        # compounds part by part and brings unknown "-ing"/"-ed" forms back to
        # a known base: let those words through too
        hits.update(
            w
            for w in words
            if (w[-1:] == "s" and w[:-1] in surface)
            or "-" in w
            or (w.endswith(("ing", "ed")) and lemmatize(w) in surface)
        )
        if not hits:
            return False
        present = hits | {lemmatize(w) for w in hits}
        return any(all(not present.isdisjoint(req) for req in reqs) for reqs in self._required)

    def _surface_forms(self) -> frozenset[str]:
        """Every written form that is, or lemmatizes to, a required word."""
        if self._surface is None:
            from leverlint.nlp import lemma_table

            wanted = {w for reqs in self._required for req in reqs for w in req}
            forms = {f.lower() for f, lemma in lemma_table().items() if lemma.lower() in wanted}
            self._surface = frozenset(wanted | forms)
        return self._surface

    def __call__(self, doc: Any) -> list[tuple[str, int, int]]:
        present: set[int] = set()
        for attr_id in self._attrs:
            present.update(doc.to_array(attr_id).tolist())
        chosen = set(self._always)
        for value in present.intersection(self._index):
            chosen.update(self._index[value])
        strings = doc.vocab.strings
        out: list[tuple[str, int, int]] = []
        for number in sorted(chosen):
            if any(present.isdisjoint(req) for req in self._required_hashes[number]):
                continue
            out.extend((strings[m], s, e) for m, s, e in self.matcher(number)(doc))
        return out
