"""Rule packs: YAML files of level-tagging rules, loaded and validated strictly.

A pack is ``rules: [{id, level, reason, weight, patterns, phrases,
examples: {match, no-match}, fallback}]``. Token patterns are spaCy Matcher patterns,
with a readable shorthand for the common cases (see ``expand_token``):

* ``"@change_verb"`` any lemma of the word class ``change_verb``
  (classes live in ``rules/classes.yaml``);
* ``"increase|raise"`` any of these lemmas; ``"alert"`` that lemma;
* a trailing ``?``, ``*`` or ``+`` sets the operator;
* ``"~3"`` up to three words of any kind (never punctuation; at most 99);
* ``"NUM"`` a number-like token;
* a mapping is passed to spaCy as it is.

Packs can execute nothing: YAML is read with the safe loader and every value
is checked here before spaCy sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leverlint.errors import RuleFileError
from leverlint.nlp import lemmatize
from leverlint.resources import line_of, load_yaml, rules_dir

RULE_KEYS = frozenset(
    {"id", "level", "reason", "weight", "patterns", "phrases", "examples", "fallback"}
)
_ID = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")
_OPS = {"?", "*", "+", "!"}
_WINDOW = re.compile(r"^~(\d{1,2})$")
_CLAUSE_PUNCT = (".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "--", "\u2013", "\u2014")
_NUMBER = (
    r"^([-+~]?[$€£]?\d[\d,.:]*[a-z%]{0,4}(/\d[\d,.:]*[a-z%]{0,4})?|\d+-[a-z]+|noon|midnight|midday|zero|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|dozen|half)$"
)
_SHORT = re.compile(r"^(@?[\w'\-%$]+(?:\|@?[\w'\-%$]+)*|NUM)([?*+!]?)$")


@dataclass(frozen=True, slots=True)
class Rule:
    """One tagging rule: evidence that a solution sits at ``level``.

    ``weight`` says how strong the evidence is when it matches (1.0 is an
    ordinary cue, 2.0 a decisive one); ``specificity`` per pattern counts
    the constrained words, so a longer, more specific match outweighs a
    shorter one of the same weight. A ``fallback`` rule is weak evidence
    read only when no other rule matched, and only at the start of the
    text (an imperative's verb alone: "Provision ...", "Audit ...").
    """

    id: str
    level: int
    reason: str
    weight: float
    patterns: tuple[tuple[dict[str, Any], ...], ...]
    specificity: tuple[int, ...]
    phrases: tuple[str, ...]
    match_examples: tuple[str, ...]
    nomatch_examples: tuple[str, ...]
    source: str
    line: int | None = None
    pattern_lines: tuple[int | None, ...] = ()
    fallback: bool = False


def load_classes(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Word classes by name, each a set of lemmas (and the forms written)."""
    path = path or rules_dir() / "classes.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("classes"), dict):
        raise RuleFileError(str(path), "expected 'classes:' mapping a name to a list of words")
    out: dict[str, frozenset[str]] = {}
    for name, words in data["classes"].items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RuleFileError(str(path), f"class {name!r} must be a list of words")
        out[str(name)] = frozenset(_forms(words))
    return out


def _forms(words: Iterable[str]) -> set[str]:
    forms: set[str] = set()
    for word in words:
        lower = word.lower()
        forms.add(lower)
        forms.add(lemmatize(lower))
    return forms


def expand_token(
    spec: object, classes: Mapping[str, frozenset[str]], where: str
) -> tuple[dict[str, Any], bool]:
    """Expand one shorthand token into a spaCy token pattern.

    Returns the pattern and whether it constrains the word (windows and
    raw mappings with only an operator do not count towards specificity).
    """
    if isinstance(spec, dict):
        return dict(spec), bool(set(spec) - {"OP"})
    if not isinstance(spec, str):
        raise ValueError(f"{where}: a token must be a string or a mapping, not {spec!r}")
    window = _WINDOW.match(spec)
    if window:
        return {"ORTH": {"NOT_IN": list(_CLAUSE_PUNCT)}, "OP": f"{{0,{window.group(1)}}}"}, False
    m = _SHORT.match(spec)
    if not m:
        raise ValueError(f"{where}: cannot read token {spec!r}")
    body, op = m.group(1), m.group(2)
    token: dict[str, Any]
    if body == "NUM":
        token = {"LOWER": {"REGEX": _NUMBER}}
    else:
        words: set[str] = set()
        alts = body.split("|")
        for alt in alts:
            if alt == "NUM":
                continue
            if alt.startswith("@"):
                if alt[1:] not in classes:
                    raise ValueError(f"{where}: unknown word class {alt[1:]!r}")
                words |= classes[alt[1:]]
            else:
                words |= _forms([alt])
        token = {"LEMMA": {"IN": sorted(words)}}
        if "NUM" in alts:  # "NUM|few|couple": a number or one of the words
            either = "|".join(re.escape(w) for w in sorted(words))
            token = {"LOWER": {"REGEX": f"{_NUMBER[:-2]}|{either})$"}}
    if op:
        token["OP"] = op
    return token, True


def _rule(
    entry: object, path: Path, classes: Mapping[str, frozenset[str]], default_level: object
) -> Rule:
    line = line_of(entry)

    def fail(message: str, at: object = entry) -> RuleFileError:
        return RuleFileError(str(path), message, line_of(at) or line)

    if not isinstance(entry, dict):
        raise fail(f"each rule must be a mapping, got {entry!r}")
    rid = entry.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise fail(f"rule id {rid!r} must be lower-case words with . - _")
    where = f"rule {rid}"
    unknown = sorted(set(entry) - RULE_KEYS)
    if unknown:
        raise fail(f"{where}: unknown key(s) {', '.join(unknown)}")
    level = entry.get("level", default_level)
    if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 12:
        raise fail(f"{where}: level must be a whole number 1..12")
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise fail(f"{where}: 'reason' must be a non-empty string")
    weight = entry.get("weight", 1.0)
    if not isinstance(weight, int | float) or isinstance(weight, bool) or not 0 < weight <= 5:
        raise fail(f"{where}: weight must be a number in (0, 5]")
    patterns: list[tuple[dict[str, Any], ...]] = []
    specificity: list[int] = []
    raw_patterns = entry.get("patterns", [])
    if not isinstance(raw_patterns, list):
        raise fail(f"{where}: 'patterns' must be a list of token lists")
    for i, pattern in enumerate(raw_patterns):
        if not isinstance(pattern, list) or not pattern:
            raise fail(f"{where}: pattern {i + 1} must be a non-empty list", pattern)
        try:
            tokens = [expand_token(t, classes, f"{where} pattern {i + 1}") for t in pattern]
        except ValueError as exc:
            raise fail(str(exc), pattern) from None
        patterns.append(tuple(t for t, _ in tokens))
        specificity.append(max(1, sum(1 for _, constrained in tokens if constrained)))
    phrases = entry.get("phrases", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p for p in phrases):
        raise fail(f"{where}: 'phrases' must be a list of strings")
    if not patterns and not phrases:
        raise fail(f"{where}: needs 'patterns' or 'phrases'")
    fallback = entry.get("fallback", False)
    if not isinstance(fallback, bool):
        raise fail(f"{where}: 'fallback' must be true or false")
    examples = entry.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"match", "no-match"}:
        raise fail(f"{where}: 'examples' takes only 'match' and 'no-match'")
    match_ex = examples.get("match", [])
    nomatch_ex = examples.get("no-match", [])
    for key, value in (("match", match_ex), ("no-match", nomatch_ex)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"{where}: examples.{key} must be a list of strings")
    return Rule(
        id=rid,
        level=level,
        reason=reason.strip(),
        weight=float(weight),
        patterns=tuple(patterns),
        specificity=tuple(specificity),
        phrases=tuple(phrases),
        match_examples=tuple(match_ex),
        nomatch_examples=tuple(nomatch_ex),
        source=str(path),
        line=line,
        pattern_lines=tuple(line_of(p) or line for p in raw_patterns),
        fallback=fallback,
    )


def load_pack(path: Path, classes: Mapping[str, frozenset[str]]) -> list[Rule]:
    """Read one pack file; every problem names the file, line and rule id."""
    data = load_yaml(path, lines=True)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleFileError(str(path), "a rule pack needs a top-level 'rules:' list")
    unknown = sorted(set(data) - {"rules", "level", "description"})
    if unknown:
        raise RuleFileError(str(path), f"unknown top-level key(s): {', '.join(unknown)}")
    return [_rule(e, path, classes, data.get("level")) for e in data["rules"]]


def pack_files(folder: Path) -> list[Path]:
    """The YAML packs in a folder, sorted by name."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rules(extra: Iterable[Path] = ()) -> tuple[Rule, ...]:
    """The shipped level packs, then user packs (files or folders).

    Ids are unique within the shipped packs and within the user packs; a
    user rule with a shipped rule's id replaces it.
    """
    classes = load_classes()
    shipped: dict[str, Rule] = {}
    for path in pack_files(rules_dir() / "levels"):
        for rule in load_pack(path, classes):
            if rule.id in shipped:
                raise RuleFileError(str(path), f"rule {rule.id}: duplicate id", rule.line)
            shipped[rule.id] = rule
    user: dict[str, Rule] = {}
    for item in extra:
        files = pack_files(item) if item.is_dir() else [item]
        for path in files:
            for rule in load_pack(path, classes):
                if rule.id in user:
                    raise RuleFileError(
                        str(path),
                        f"rule {rule.id}: duplicate id (also in {user[rule.id].source})",
                        rule.line,
                    )
                user[rule.id] = rule
    merged = {**shipped, **user}
    return tuple(merged[k] for k in sorted(merged))
