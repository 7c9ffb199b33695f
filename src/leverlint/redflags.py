"""Red-flag rationalisations (LL004): loaded from ``rules/rationalizations.yaml``
and matched against a document's prose with one spaCy Matcher.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from leverlint.errors import RuleFileError
from leverlint.matching import AnchoredMatcher
from leverlint.model import Prose
from leverlint.resources import load_yaml, rules_dir
from leverlint.rulepack import expand_token, load_classes

_KEYS = frozenset({"id", "reason", "instead", "patterns", "examples"})


@dataclass(frozen=True, slots=True)
class RedFlag:
    """One kind of rationalisation: why it is a red flag, what to do instead."""

    id: str
    reason: str
    instead: str
    patterns: tuple[tuple[dict[str, Any], ...], ...]
    match_examples: tuple[str, ...]
    nomatch_examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RedFlagHit:
    """A rationalisation found in prose, with the line it starts on."""

    flag: RedFlag
    line: int
    text: str


def load_red_flags(path: Path | None = None) -> tuple[RedFlag, ...]:
    """Read and validate the rationalisation pack."""
    path = path or rules_dir() / "rationalizations.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("rationalizations"), list):
        raise RuleFileError(str(path), "expected a top-level 'rationalizations:' list")
    classes = load_classes()
    flags: list[RedFlag] = []
    for entry in data["rationalizations"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise RuleFileError(str(path), f"each entry needs an 'id': {entry!r}")
        rid = entry["id"]
        unknown = sorted(set(entry) - _KEYS)
        if unknown:
            raise RuleFileError(str(path), f"{rid}: unknown key(s) {', '.join(unknown)}")
        for key in ("reason", "instead"):
            if not isinstance(entry.get(key), str):
                raise RuleFileError(str(path), f"{rid}: '{key}' must be a string")
        try:
            patterns = tuple(
                tuple(expand_token(t, classes, f"{rid} pattern {i + 1}")[0] for t in p)
                for i, p in enumerate(entry.get("patterns", []))
            )
        except (ValueError, TypeError) as exc:
            raise RuleFileError(str(path), str(exc)) from None
        examples = entry.get("examples", {})
        flags.append(
            RedFlag(
                id=rid,
                reason=entry["reason"],
                instead=entry["instead"],
                patterns=patterns,
                match_examples=tuple(examples.get("match", [])),
                nomatch_examples=tuple(examples.get("no-match", [])),
            )
        )
    return tuple(flags)


class RedFlagMatcher:
    """All rationalisation patterns in one Matcher."""

    def __init__(self, flags: Sequence[RedFlag]) -> None:
        from leverlint.nlp import get_nlp

        self.nlp = get_nlp()
        self.flags = {f.id: f for f in flags}
        self._matcher = AnchoredMatcher(
            self.nlp.vocab,
            [(f"{flag.id}#{i}", p) for flag in flags for i, p in enumerate(flag.patterns)],
        )

    def find_in_texts(self, texts: Sequence[str]) -> list[list[tuple[str, int, str]]]:
        """For each text: (flag id, character offset, matched words).

        Texts that cannot match (no anchor word's stem in them) skip spaCy.
        """
        wanted = [i for i, t in enumerate(texts) if self._matcher.may_match(t)]
        out: list[list[tuple[str, int, str]]] = [[] for _ in texts]
        docs = self.nlp.pipe((texts[i] for i in wanted), batch_size=256)
        for index, doc in zip(wanted, docs, strict=True):
            hits = []
            for key, start, end in self._matcher(doc):
                span = doc[start:end]
                hits.append((key.rsplit("#", 1)[0], span.start_char, span.text))
            out[index] = hits
        return out

    def find(self, prose: Sequence[Prose]) -> list[RedFlagHit]:
        """Rationalisations in a document's prose, one per flag and line."""
        seen: set[tuple[str, int]] = set()
        hits: list[RedFlagHit] = []
        flat = [p.text.replace("\n", " ") for p in prose]
        for run, found in zip(prose, self.find_in_texts(flat), strict=True):
            for flag_id, offset, text in found:
                line = run.line + run.text.count("\n", 0, offset)
                if (flag_id, line) in seen:
                    continue
                seen.add((flag_id, line))
                hits.append(RedFlagHit(self.flags[flag_id], line, text))
        return sorted(hits, key=lambda h: (h.line, h.flag.id))


@cache
def get_red_flag_matcher() -> RedFlagMatcher:
    """The shipped rationalisations, compiled once."""
    return RedFlagMatcher(load_red_flags())
