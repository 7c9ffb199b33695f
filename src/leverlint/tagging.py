"""Tag solutions with a leverage level from rule-pack matches.

How a level is chosen (the precedence; the README repeats it for users):

1. Every rule's patterns and phrases are matched against the lemmatized
   solution. A match scores ``weight x specificity x zone x lead``:
   ``specificity`` grows by a quarter for each constrained word beyond the
   first, so "lower the alert threshold" (verb + quantity noun) beats the
   lone word "alert"; ``zone`` is 1.0 in the main clause, 0.6 in a purpose
   clause ("so that ...", "to ensure ..."), inside a parenthesis and in an
   item's later sentences (they explain the first; a first sentence that
   only reports what was seen, "The card showed the label twice. Remove the
   duplicate.", is the one that explains, and the imperative after it
   leads), 0.6 inside a condition ("when
   the error rate doubles": the trigger, not the fix), 0.5 after
   "instead of" / "rather than", and 0.5 inside a negation ("jobs should
   not be dropped but parked": what is denied is not what is proposed; the
   zone ends at "but", "instead", "without" ("never ship without a
   review" proposes the review) or the clause's end, and a match that
   starts at or before the negation word, such as "must not", is the
   negation's own rule); ``lead`` is 1.25 when the match starts the
   sentence or follows a short topic label ("Alerting: add ...") (the
   main verb leads, the purpose refines).
2. A rule counts once, with its best match. A level's score is the sum of
   its rules' scores, so independent cues for one level reinforce it; a
   match overlapping a stronger one of the same level is largely the same
   cue and adds only half its score.
3. The highest level score wins; ties go to the single strongest match, then
   to the weaker (higher-numbered) level, so leverlint never overclaims.
4. A close call goes to the learned model (``learned.py``): when the level
   it prefers, at least 90% sure and knowing at least half the text's
   words, has rule evidence scoring at least two thirds of the winner's,
   that level wins, still on its rules' evidence. The model never places
   a solution no rule matched.
5. Fallback rules (``fallback: true``) are read only when no other rule
   matched: an imperative's verb alone, at the start of the text or after a
   topic label ("Provision staging with ...", "Audit all couplings"), says
   what kind of change is asked for; when that verb places nothing, the
   second sentence's leading verb may, at purpose weight ("Keep the claim
   and its pod in one wave. Do not wait ..."). They are the weakest evidence there
   is, and the explanation says so. In a document such a tag is kept only
   for items of an action section or an ADR's decision (see ``Tagger.tag``).
6. No match: ``level=None``. leverlint says it cannot place the solution.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from leverlint.errors import RuleFileError
from leverlint.learned import CLOSE_CALL, CONFIDENT, MIN_COVERAGE, Guess, Model, shipped_model
from leverlint.matching import AnchoredMatcher, PatternError
from leverlint.model import Evidence, Solution, Tagged
from leverlint.nlp import FINITE, LABEL_MARKS, NOUN_NEXT, SENTENCE_END, sentence_end
from leverlint.resources import load_yaml, rules_dir
from leverlint.rulepack import Rule, expand_token, load_classes, load_rules

MAIN, PURPOSE, CONDITION, CONTRAST, NEGATED = 1.0, 0.6, 0.6, 0.5, 0.5
OVERLAP = 0.5
MAX_TAG_CHARS = 1000
MEMO_SIZE = 10_000
LEAD = 1.25
_CLAUSE_END = SENTENCE_END | {",", ";", ":"}
# a negation's scope also ends where the proposal turns: "not X but Y", and
# at a second negation that undoes it: "never run the fleet without headroom"
_NEGATION_END = _CLAUSE_END | {"but", "instead", "rather", "without", "-", "--", "\u2013", "\u2014"}
# A quantity or restructuring verb's -ing or -ed form right after a
# determiner modifies a noun ("these scaling limits", "the increased load",
# "the unified lifecycle"): a match that starts on it names no change. Other
# words keep such matches ("an owning team", "a cached copy").
_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "these", "those", "our", "your", "their", "its", "my"}
)
_ZONE_FACTOR = {"contrast": CONTRAST, "condition": CONDITION, "negation": NEGATED}
_CLAUSE_KINDS = ("purpose", *_ZONE_FACTOR)


@cache
def _verbs_of_change() -> frozenset[str]:
    """The quantity and restructuring verbs (``change_verb``, ``restructure_verb``)."""
    classes = load_classes()
    return classes.get("change_verb", frozenset()) | classes.get("restructure_verb", frozenset())


@cache
def _compound_parts() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Quantity nouns, the check and information nouns that head a compound
    they modify ("temperature monitoring", "latency dashboard"), and the
    parts a count may be of ("the number of handoffs")."""
    classes = load_classes()
    heads = classes.get("check_noun", frozenset()) | classes.get("info_noun", frozenset())
    parts = classes.get("element_noun", frozenset())
    return classes.get("quantity_noun", frozenset()), heads, parts


def _names_no_quantity(doc: Any, end: int) -> bool:
    """Whether a match ending at ``doc[end - 1]`` ends on a quantity noun that
    names no setting: one that only modifies the next word ("extend
    temperature monitoring" widens a check, it changes no temperature), or a
    count of a design's parts ("reduce the number of handoffs" removes parts)."""
    if end >= len(doc):
        return False
    quantities, heads, parts = _compound_parts()
    last = doc[end - 1].lemma_
    if last not in quantities:
        return False
    if doc[end].lemma_ in heads:
        return True
    return (
        last in ("number", "count")
        and end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and doc[end + 1].lemma_ in parts
    )


_PARAMETER_LEVEL = 12


def _builds(doc: Any, start: int, level: int) -> bool:
    """Whether a parameter match opens on "set up", which builds something
    ("Set up a PR cutoff policy"); it sets no number."""
    if level != _PARAMETER_LEVEL:
        return False
    word = doc[start].lower_
    if word == "set":
        return start + 1 < len(doc) and doc[start + 1].lower_ == "up"
    return word == "up" and start > 0 and doc[start - 1].lower_ == "set"


def _modifier(doc: Any, start: int) -> bool:
    """Whether ``doc[start]`` is the -ing/-ed form of a verb that changes a
    quantity or a structure, after a determiner ("the unified lifecycle",
    "a set number")."""
    tok = doc[start]
    return (
        (tok.lower_.endswith(("ing", "ed")) or tok.lower_ == "set")  # "a set number"
        and doc[start - 1].lower_ in _DETERMINERS
        and tok.lemma_ in _verbs_of_change()
    )


_PREPOSITIONS = frozenset(
    {"in", "into", "to", "by", "via", "as", "at", "on", "from", "with", "for", "through"}
)


def _describes(doc: Any, start: int, label_end: int | None) -> bool:
    """Whether the verb a fallback rule found at ``start`` describes rather
    than instructs: a gerund subject ("Implementing this is simple"), a
    participle before a preposition ("Recorded in the API as ..."), or a
    participle inside a topic label ("Reduced load: caches ..."); or it is
    a noun followed by its verb ("Tests are flaky", "Review of the outage")."""
    word = doc[start].lower_
    if start + 1 < len(doc) and doc[start + 1].lower_ in NOUN_NEXT:
        return True
    if word.endswith("ing"):
        for tok in doc[start + 1 :]:
            # a topic label ends the subject: "Adding details: the model could ..."
            if tok.text in SENTENCE_END or tok.text in LABEL_MARKS:
                break
            if tok.lower_ in FINITE:
                return True
    if word.endswith("ed"):
        if start + 1 < len(doc) and doc[start + 1].lower_ in _PREPOSITIONS:
            return True
        if label_end is not None and start < label_end:
            return True
    return False


def _verb_may_place(role: str, kind: str) -> bool:
    """Whether a level placed by the leading verb alone counts in a section."""
    return role == "action" or (role == "decision" and kind == "adr")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One rule's best match in a text, scored."""

    rule: Rule
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Decision:
    """The tagger's answer for one text: the level and every candidate.

    ``by`` says what placed it: ``"rules"`` or ``"close call"`` (rules found
    the level, the learned model chose it over the top score) or ``"verb"``
    (only fallback rules matched: the leading verb placed it); ``guess`` is
    the model's view that settled a close call.
    """

    level: int | None
    candidates: tuple[Candidate, ...]
    level_scores: tuple[tuple[int, float], ...]
    by: str = "rules"
    guess: Guess | None = None

    def evidence(self) -> tuple[Evidence, ...]:
        """Winner's level first (strongest rule first), then the rest."""
        ordered = sorted(
            self.candidates, key=lambda c: (c.rule.level != self.level, -c.score, c.rule.id)
        )
        return tuple(
            Evidence(c.rule.id, c.rule.level, c.text, c.rule.reason, round(c.score, 3))
            for c in ordered
        )


def _load_clauses() -> dict[str, list[list[dict[str, Any]]]]:
    path = rules_dir() / "clauses.yaml"
    data = load_yaml(path)
    classes = load_classes()
    out: dict[str, list[list[dict[str, Any]]]] = {kind: [] for kind in _CLAUSE_KINDS}
    if not isinstance(data, dict) or set(data) - set(out):
        kinds = ", ".join(repr(kind) for kind in _CLAUSE_KINDS)
        raise RuleFileError(str(path), f"expected only these lists: {kinds}")
    for key in out:
        for i, pattern in enumerate(data.get(key, [])):
            try:
                out[key].append([expand_token(t, classes, f"{key} {i + 1}")[0] for t in pattern])
            except ValueError as exc:
                raise RuleFileError(str(path), str(exc)) from None
    return out


class Tagger:
    """Rule packs compiled into one spaCy Matcher and one PhraseMatcher."""

    def __init__(self, rules: Sequence[Rule], model: Model | None = None) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        from leverlint.nlp import get_nlp

        self.nlp = get_nlp()
        self.model = model
        self._memo: dict[str, Decision] = {}
        self._phrases = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self._specificity: dict[str, tuple[Rule, int]] = {}
        keyed: list[tuple[str, tuple[dict[str, Any], ...]]] = []
        for rule in rules:
            for i, pattern in enumerate(rule.patterns):
                key = f"{rule.id}#{i}"
                keyed.append((key, pattern))
                self._specificity[key] = (rule, rule.specificity[i])
            for j, phrase in enumerate(rule.phrases):
                key = f"{rule.id}#p{j}"
                doc = self.nlp(phrase)
                self._phrases.add(key, [doc])
                self._specificity[key] = (rule, len(doc))
        self._matcher = _compile(self.nlp.vocab, keyed, self._specificity)
        self._clauses = Matcher(self.nlp.vocab)
        for kind, patterns in _load_clauses().items():
            if patterns:
                self._clauses.add(kind, patterns)

    def _zones(self, doc: Any) -> list[float]:
        zones = [MAIN] * len(doc)
        marks = sorted((s, e, self.nlp.vocab.strings[m]) for m, s, e in self._clauses(doc))
        purpose_from = next((s for s, _, kind in marks if kind == "purpose" and s > 0), len(doc))
        # an item's later sentences explain its first one, like a purpose; a
        # first sentence that only reports what was seen explains the fix after it
        context_end = doc.user_data.get("context_end", 0)
        for i in range(context_end):
            zones[i] = PURPOSE
        first_end = sentence_end(doc, context_end)
        if first_end is None:
            first_end = len(doc)
        for i in range(max(min(purpose_from, first_end + 1), context_end), len(doc)):
            zones[i] = PURPOSE
        # a parenthesis explains its clause: "Add periodEnd (needed by the dashboard)"
        depth = 0
        for i, tok in enumerate(doc):
            if tok.text == ")":
                depth = max(depth - 1, 0)
            if depth:
                zones[i] = min(zones[i], PURPOSE)
            if tok.text == "(":
                depth += 1
        for start, end, kind in marks:
            if kind == "purpose" or (start == 0 and kind == "condition"):
                continue  # a leading "If ..." is the sentence's own frame
            factor = _ZONE_FACTOR[kind]
            stop = _NEGATION_END if kind == "negation" else _CLAUSE_END
            # "that" opens the content of a belief being questioned: a match
            # starting at it ("that more X means more Y") is that content
            i = end - 1 if kind == "contrast" and doc[end - 1].lower_ == "that" else end
            while i < len(doc) and doc[i].lower_ not in stop:
                zones[i] = min(zones[i], factor)
                i += 1
        return zones

    def decide(self, doc: Any) -> Decision:
        """Score every matching rule on one spaCy Doc and pick the level."""
        zones = self._zones(doc)
        best: dict[str, Candidate] = {}
        strings = self.nlp.vocab.strings
        matches = self._matcher(doc)
        if len(self._phrases):
            matches += [(strings[m], s, e) for m, s, e in self._phrases(doc)]
        leads = {0, doc.user_data.get("lead")}  # the first word, and the one after a label
        for key, start, end in matches:
            if (start > 0 and _modifier(doc, start)) or _names_no_quantity(doc, end):
                continue
            rule, spec = self._specificity[key]
            if _builds(doc, start, rule.level):
                continue
            lead = LEAD if start in leads else 1.0
            score = rule.weight * (1 + 0.25 * (spec - 1)) * zones[start] * lead
            current = best.get(rule.id)
            if (
                current is None
                or score > current.score
                or (score == current.score and end - start > current.end - current.start)
            ):
                best[rule.id] = Candidate(rule, start, end, doc[start:end].text, score)
        by = "rules"
        ruled = {k: c for k, c in best.items() if not c.rule.fallback}
        if ruled:
            best = ruled
        else:
            label = doc.user_data.get("lead")
            placed = {
                k: c
                for k, c in best.items()
                if c.start in leads and not _describes(doc, c.start, label)
            }
            best = placed or self._next_sentence_verb(doc)
            by = "verb"
        if not best:
            return Decision(None, (), ())
        totals: dict[int, float] = defaultdict(float)
        strongest: dict[int, float] = defaultdict(float)
        counted: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for cand in sorted(best.values(), key=lambda c: (-c.score, c.start, c.rule.id)):
            level = cand.rule.level
            overlaps = any(cand.start < e and s < cand.end for s, e in counted[level])
            counted[level].append((cand.start, cand.end))
            totals[level] += cand.score * (OVERLAP if overlaps else 1.0)
            strongest[level] = max(strongest[level], cand.score)
        level = max(totals, key=lambda lvl: (round(totals[lvl], 6), strongest[lvl], lvl))
        scores = tuple(sorted(((lvl, round(s, 3)) for lvl, s in totals.items()), reverse=True))
        candidates = tuple(best.values())
        close = {
            lvl for lvl, s in totals.items() if lvl != level and s >= CLOSE_CALL * totals[level]
        }
        if self.model is not None and close and by == "rules":
            guess = self.model.guess([t.lemma_ for t in doc])
            if (
                guess is not None
                and guess.level in close
                and guess.probability >= CONFIDENT
                and guess.coverage >= MIN_COVERAGE
            ):
                return Decision(guess.level, candidates, scores, "close call", guess)
        return Decision(level, candidates, scores, by)

    def _next_sentence_verb(self, doc: Any) -> dict[str, Candidate]:
        """When the first sentence's verb places nothing ("Keep the claim and
        its pod in one wave. Do not wait for ..."), the fallback rules that
        place the second sentence's leading verb, as explanation."""
        end = sentence_end(doc)
        if end is None:
            return {}
        sentence = doc[end + 1 :].as_doc()
        sentence[0].is_sent_start = True
        found: dict[str, Candidate] = {}
        for key, start, stop in self._matcher(sentence):
            rule, _ = self._specificity[key]
            if rule.fallback and start == 0 and not _describes(sentence, 0, None):
                score = rule.weight * PURPOSE
                found[rule.id] = Candidate(rule, start, stop, sentence[:stop].text, score)
        return found

    def decide_texts(self, texts: Iterable[str]) -> list[Decision]:
        """Decide many texts in one ``nlp.pipe`` batch.

        Only the first ``MAX_TAG_CHARS`` characters of a solution are read:
        what a fix changes is said at its start, and a runaway list item
        must not cost more than its share.
        """
        clipped = [t[:MAX_TAG_CHARS] for t in texts]
        found = {t: self._memo[t] for t in clipped if t in self._memo}
        todo = list(dict.fromkeys(t for t in clipped if t not in found))
        for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=256), strict=True):
            found[text] = self.decide(doc)
        if len(self._memo) + len(todo) > MEMO_SIZE:
            self._memo.clear()
        self._memo.update((t, found[t]) for t in todo)
        return [found[t] for t in clipped]

    def tag(self, solutions: Sequence[Solution], kind: str = "other") -> tuple[Tagged, ...]:
        """Tag a document's solutions; inquiries ("Look into X") get no level.

        A level placed by its leading verb alone (``by == "verb"``) is kept
        only where items are things to do: action sections, and an ADR's
        decision ("Use ffmpeg-go for ..."). In an RFC's design or any options
        list a bare imperative is as often a spec step ("Apply type
        inference", "Use tables") as a fix, so there it stays untagged.
        """
        decisions = iter(self.decide_texts(s.text for s in solutions if not s.inquiry))
        out = []
        for sol in solutions:
            if sol.inquiry:
                out.append(Tagged(sol, None, ()))
                continue
            d = next(decisions)
            if d.by == "verb" and not _verb_may_place(sol.section.role, kind):
                out.append(Tagged(sol, None, ()))
            else:
                out.append(Tagged(sol, d.level, d.evidence()))
        return tuple(out)


def _compile(
    vocab: Any,
    keyed: list[tuple[str, tuple[dict[str, Any], ...]]],
    specificity: dict[str, tuple[Rule, int]],
) -> AnchoredMatcher:
    """Compile all patterns, naming the pack and rule of an invalid one.

    Patterns of the shipped packs compile lazily, on first use (the test
    suite compiles every one); user packs compile now, so a bad pattern
    stops the run before any file is linted.
    """
    shipped = str(rules_dir().resolve()) + os.sep
    sources = {rule.source for rule, _ in specificity.values()}
    user = {s for s in sources if not str(Path(s).resolve()).startswith(shipped)}

    def eager(key: str) -> bool:
        return specificity[key][0].source in user

    try:
        return AnchoredMatcher(vocab, keyed, eager=eager)
    except PatternError as exc:
        rule = specificity[exc.key][0]
        number = int(exc.key.rsplit("#", 1)[1]) + 1
        line = rule.pattern_lines[number - 1] if len(rule.pattern_lines) >= number else rule.line
        raise RuleFileError(
            rule.source, f"rule {rule.id}: invalid pattern {number}: {exc.reason}", line
        ) from None


@cache
def _default_tagger(extra: tuple[Path, ...], learned: bool) -> Tagger:
    return Tagger(load_rules(extra), shipped_model() if learned else None)


def get_tagger(extra: tuple[Path, ...] = (), learned: bool = True) -> Tagger:
    """A tagger for the shipped packs plus ``extra`` user packs, built once;
    ``learned=False`` leaves the learned model out (rules only)."""
    return _default_tagger(extra, learned)
