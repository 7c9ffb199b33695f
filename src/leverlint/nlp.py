"""The spaCy pipeline: a blank English tokenizer plus a lookup lemmatizer.

No trained model and nothing downloaded: ``spacy.blank("en")`` and the
English lemma table of ``spacy-lookups-data``, shipped in ``leverlint/data``
(205 KB instead of the 99 MB package). Lemmas are looked up by the
token's lower-case form (spaCy's own lookup mode is case-sensitive, so
"Increased" at the start of an action item would keep its inflection).
spaCy is imported only when this module's ``get_nlp`` is first called, so
commands that never tag never pay for it.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language


@cache
def lemma_table() -> dict[str, str]:
    """The English form -> lemma table (from spacy-lookups-data, shipped here)."""
    data = resources.files("leverlint") / "data" / "en_lemma_lookup.json.gz"
    with data.open("rb") as fh:
        table: dict[str, str] = json.loads(gzip.decompress(fh.read()))
    return table


# the hyphen and the non-breaking hyphen some editors type ("install\u2011time")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


@lru_cache(maxsize=200_000)
def lemmatize(word: str) -> str:
    """The lower-case lemma of one word; unknown plurals lose their "s".

    A hyphenated compound is lemmatized part by part ("dead-letters" ->
    "dead-letter"), so rules can name compounds as single words.
    """
    lower = word.lower().translate(_HYPHENS)
    if "-" in lower.strip("-"):
        return "-".join(_lemma_one(part) for part in lower.split("-"))
    return _lemma_one(lower)


# Words the lookup table reads as another word's inflection ("setting" ->
# "set", "feed" -> "fee", "crew" -> "crow", "second" -> "2"). In action items
# they are nearly always nouns, and reading them as the other word lets a rule
# about fees fire on a feed, or one about a setting on "a set of".
_KEEP_AS_WRITTEN = frozenset(
    {"setting", "feed", "crew", "second", "number", "ceiling", "broker", "buffer", "coupling"}
    # degree words: the table reads "more" and "most" as "much", "less" as
    # "little", "worse" as "wrong", so "much more quickly" looked like "more
    # ... more"
    | {"more", "most", "much", "less", "least", "fewer", "fewest", "worse", "worst"}
    | {"better", "best"}
    # function words the table reads as something else: "as" as the letter
    # "a" in the plural (so a rule's "as" matched every "a")
    | {"as"}
)
# Forms the table gets wrong, with the lemma they should have.
_CORRECTED = {"does": "do"}


@cache
def known_lemmas() -> frozenset[str]:
    """Every lemma the table produces: the words it knows as base forms."""
    return frozenset(lemma_table().values())


@cache
def verb_lemmas() -> frozenset[str]:
    """The lemmas the table lists an "-ing" or "-ed" form for: its verbs
    (and the nouns that are verbs too)."""
    return frozenset(
        lemma
        for form, lemma in lemma_table().items()
        if form != lemma and form.endswith(("ing", "ed")) and form.isalpha()
    )


def _lemma_one(lower: str) -> str:
    if lower in _KEEP_AS_WRITTEN:
        return lower
    if lower in _CORRECTED:
        return _CORRECTED[lower]
    table = lemma_table()
    lemma = table.get(lower)
    if lemma is not None:
        return lemma.lower()
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return table.get(lower[:-1], lower[:-1]).lower()
    return _unknown_inflection(lower)


def _unknown_inflection(lower: str) -> str:
    """The base of an "-ing" or "-ed" form the table lacks ("sharding" ->
    "shard", "rearchitected" -> "rearchitect"), when that base is a lemma
    the table knows; otherwise the word as written."""
    for suffix in ("ing", "ed"):
        if len(lower) > len(suffix) + 3 and lower.endswith(suffix):
            stem = lower[: -len(suffix)]
            candidates = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])
            for base in candidates:
                if base in known_lemmas():
                    return base
    return lower


# tokens that end a sentence (the tagger's zones and the learned model's
# features both look at an item's first sentence)
SENTENCE_END = frozenset({".", "!", "?"})
# Finite auxiliaries and modals. A sentence-initial -ing word followed by one
# is a subject ("Adding X was rejected"), not an instruction.
# fmt: off
FINITE = frozenset({
    "is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "means", "seems",
})
# fmt: on
# A first word followed by one of these is a noun, not an imperative ("Tests
# are flaky", "Review of the outage", "Address will be the hash").
NOUN_NEXT = FINITE | {"be", "been", "being", "'s", "of", ":"}

# words that read as adjectives before "to" ("Open to suggestions", "Close to
# the limit", "Due to load"), not as imperatives ("Move to X")
ADJECTIVE_BEFORE_TO = frozenset({"open", "close", "due", "subject", "prone", "similar", "equal"})

# a currency amount ("$20k", "£1,500"), a file path ("docs/guidelines/tokens.css",
# "./run.sh"), a hyphen compound ("on-call") or a dotted name from code
# ("pod.Spec.Overhead", "Cover.CoveredPackages"), whose dots would otherwise
# read as sentence ends and whose folders as words ("guidelines"); one slash
# between words is a choice ("read/write"), not a path
_PATH_START = r"(?<![\w/.])(?:\.{1,2}/|~/|/)?"  # "./", "~/" or "/" before a path
_PATH_LINE = r"(?::\d+)?"  # a line number after it: "preset.ts:93"
_COMPOUND = re.compile(
    r"[$€£¥]\d[\d,.]*[a-zA-Z]{0,2}\b|"
    # three folders or more, or a file with an extension
    rf"{_PATH_START}[\w.-]*\w(?:/[\w.-]*\w){{2,}}{_PATH_LINE}/?|"
    rf"{_PATH_START}(?:[\w.-]*\w/)+[\w-]+\.[A-Za-z]\w{{0,4}}{_PATH_LINE}(?![\w/])|"
    r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)+|"
    r"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?![\w])"
)
_CHOICES = re.compile(r"[A-Za-z]+(?:/[A-Za-z]+)+")
_MERGE_HINT = re.compile(r"[-\u2010\u2011$€£¥/]|\w\.[A-Za-z_]")


def merge_compounds(doc: Any) -> None:
    """Merge hyphen-joined words written without spaces ("nurse-to-patient",
    "on-call") and currency amounts ("$20k") into one token, so each counts
    as one word in rule windows (an amount is then a number) and can be
    named whole in a rule."""
    text = doc.text
    if not _MERGE_HINT.search(text):
        return
    spans = []
    for m in _COMPOUND.finditer(text):
        if _CHOICES.fullmatch(m.group()):
            continue  # "query/dashboard/alarm" lists choices, it names no file
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) > 1:
            spans.append(span)
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)


def set_lemmas(doc: Any) -> None:
    """Set every token's lemma from the lookup table in one array write."""
    import numpy
    from spacy.attrs import LEMMA, ORTH

    strings = doc.vocab.strings
    orths = doc.to_array(ORTH).tolist()
    lemmas = [strings.add(lemmatize(strings[o])) for o in orths]
    doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))


# the marks that end a short topic label ("Alerting: ...", "Network isolation \u2014 ...")
LABEL_MARKS = frozenset({":", "\u2013", "\u2014"})
_LABEL_MAX_WORDS = 6


def mark_topic_label(doc: Any) -> None:
    """Start a sentence after a short topic label ("Alerting: add an alert",
    "Network isolation \u2014 Ensure ..."): the action after the label leads
    the item the way a first word does. Its index is kept in
    ``doc.user_data["lead"]``."""
    start = 0
    for i in range(1, min(len(doc) - 1, _LABEL_MAX_WORDS + 1)):
        tok = doc[i]
        dash = tok.text == "-" and bool(tok.whitespace_) and bool(doc[i - 1].whitespace_)
        if tok.text in LABEL_MARKS or dash:
            if doc[i + 1].is_alpha and all(_label_word(t) for t in doc[:i]):
                start = i + 1
            break
        if not _label_word(tok):
            break
    # a leading time or condition clause frames the instruction after its
    # comma: "Before finalizing, verify each claim", "If the queue backs up, page ..."
    if start < len(doc) and doc[start].lower_ in _FRAMES:
        for j in range(start + 2, min(len(doc) - 1, start + _FRAME_MAX_WORDS + 2)):
            if doc[j].text in SENTENCE_END:
                break
            if doc[j].text == ",":
                if doc[j + 1].is_alpha:
                    start = j + 1
                break
    start = start or _owner_lead(doc)
    if not start and (start := _after_observation(doc)):
        # what was seen comes first and explains the fix that follows it
        doc.user_data["context_end"] = start
    if start:
        doc[start].is_sent_start = True
        doc.user_data["lead"] = start


# words that make a first sentence prescribe, not report ("should be a week")
_PRESCRIBES = frozenset(
    [
        "should",
        "must",
        "shall",
        "will",
        "would",
        "need",
        "needs",
        "ought",
        "can",
        "could",
        "requires",
        "proposes",
        "recommends",
        "suggests",
    ]
)
# how a report of what was seen opens: "The card showed ...", "At 1024x768 the ..."
_OBSERVED_START = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "a",
        "an",
        "our",
        "its",
        "their",
        "there",
        "at",
        "in",
        "on",
        "during",
    ]
)


def _after_observation(doc: Any) -> int:
    """The index of the imperative that follows a first sentence reporting
    what was seen ("The route card showed the label twice. Remove the
    duplicate."), else 0. The first sentence must open on a determiner, a
    place or time, or a word that is no verb, and hold a finite verb."""
    end = sentence_end(doc)
    if end is None or end < 2:
        return 0
    first = doc[0]
    verbs = verb_lemmas()
    if first.lower_ not in _OBSERVED_START and first.lemma_.lower() in verbs:
        return 0
    said = doc[1:end]
    if any(tok.lower_ in _PRESCRIBES or tok.text == ":" for tok in said):
        return 0  # "Minimum review time should be a week", "Config: exclude the bot"
    if not any(
        tok.lower_ in FINITE
        or (tok.lemma_ in verbs and tok.lower_ != tok.lemma_ and tok.lower_.endswith(("ed", "s")))
        for tok in said
    ):
        return 0
    start = end + 1
    while start < len(doc) - 1:
        tok = doc[start]
        base = tok.lower_.removeprefix("re-")  # "Re-test the attack response"
        if (
            tok.text[:1].isupper()
            and tok.lower_ == tok.lemma_
            and base in verbs
            and doc[start + 1].lower_ not in NOUN_NEXT
        ):
            return start
        end = sentence_end(doc, start)
        start = len(doc) if end is None else end + 1
    return 0


def sentence_end(doc: Any, start: int = 0) -> int | None:
    """The index of the first full stop, "!" or "?" from ``start`` on that
    another word follows, else ``None``: where an item's sentence ends."""
    return next((i for i in range(start, len(doc) - 1) if doc[i].text in SENTENCE_END), None)


def _owner_lead(doc: Any) -> int:
    """The index of the verb after an owner named as in minutes ("Stephen to
    update the PR template", "Beyang and Christina to write the checklist"),
    else 0. A name is a capitalised word the lemma table does not know, so
    "Plan to migrate" and "Move to the new host" are left alone."""
    i = 1 if len(doc) and _is_name(doc[0]) else 0
    while i and i + 1 < len(doc) and doc[i].lower_ in ("and", "&") and _is_name(doc[i + 1]):
        i += 2  # "Beyang and Christina"
    if 0 < i < len(doc) - 1 and doc[i].lower_ == "to" and doc[i + 1].lemma_ in verb_lemmas():
        return i + 1
    return 0


def _is_name(tok: Any) -> bool:
    return bool(tok.is_alpha and tok.is_title and tok.lower_ not in known_lemmas())


_FRAMES = frozenset(
    {"before", "after", "when", "whenever", "if", "once", "until", "unless", "while"}
)
_FRAME_MAX_WORDS = 10
_HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")


def _label_word(tok: Any) -> bool:
    """A word a topic label may hold: letters, a hyphenated compound
    ("Quote-Grounding"), or "/", "&", "'"."""
    return bool(tok.is_alpha or tok.text in "/&'" or _HYPHENATED.fullmatch(tok.text))


@cache
def get_nlp() -> Language:
    """Build the pipeline once per process."""
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc

    if "leverlint_lemmas" not in Language.factories:

        @Language.component("leverlint_lemmas")
        def _lemmas(doc: Doc) -> Doc:
            merge_compounds(doc)
            set_lemmas(doc)
            mark_topic_label(doc)
            return doc

    nlp = spacy.blank("en")
    nlp.max_length = (
        100_000_000  # the blank pipeline only tokenizes; size is bounded by max-file-size
    )
    nlp.add_pipe("leverlint_lemmas")
    return nlp


def make_doc(text: str) -> Any:
    """Tokenize and lemmatize one text."""
    return get_nlp()(text)
