# ruff: noqa: RUF001 - dashes and curly quotes in the patterns are intentional
"""The section-heading vocabulary from ``rules/sections.yaml``.

Which headings hold solutions, which subheadings only describe, which
sentences in prose commit to something, and which table column holds the
action: all data, compiled once here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from leverlint.errors import RuleFileError
from leverlint.nlp import ADJECTIVE_BEFORE_TO, NOUN_NEXT, verb_lemmas
from leverlint.resources import load_yaml, rules_dir

_NUMBERING = re.compile(
    r"^\s*((\d+(\.\d+)*|[ivxlc]+|[a-z])[.)]|\d+(\.\d+)+"
    # a bare section number before a word: "2 Motivation", "3 Detailed design"
    r"|\d{1,2}(?=\s+[a-z])"
    # a step's label: "D7: Preventive measures", "Step 4 - Corrective actions"
    r"|(d|step|phase|stage|part)\s*\d+[a-z]?\s*[:.)\u2013\u2014-])\s+",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"[*_`~#]+")
# symbols before a heading's words: "🎯 Action Items", "→ Next steps"
_LEAD_SYMBOLS = re.compile(r"^[^\w(\[\"']+")
_TRAIL = re.compile(r"[^\w)\]\"'+#%]+$")  # end punctuation, dashes, emoji: "Avoid ❌"
_SPACE = re.compile(r"\s+")


def strip_numbering(title: str) -> str:
    """A heading's own words, without its leading number ("3. Upgrade the
    instance", "Step 4 - Add an alert")."""
    return _NUMBERING.sub("", title, count=1)


def normalise_heading(title: str) -> str:
    """Lower-case a heading and drop numbering, markup and end punctuation."""
    out = _LEAD_SYMBOLS.sub("", _MARKUP.sub("", title).strip()).lower()
    out = _NUMBERING.sub("", out)
    out = out.replace("’", "'")
    out = _TRAIL.sub("", out)
    return _SPACE.sub(" ", out).strip()


# what may follow a section's name without changing what the section holds:
# a parenthesis, a qualifier after a dash or colon, a purpose or scope
# ("to prevent recurrence", "for sprint 3"), a source ("based on the
# analysis", "arising from the audit"), a time from which it holds ("going
# forward", "next time"), a status word
_QUALIFIER = re.compile(
    r"\s*(\(.*\)|\s[-\u2013\u2014]\s.*|:\s.*|\s(to|for|by|based on|arising from|following)\s.*"
    r"|\s(going forward|moving forward|from now on|(in|for) (the )?future|next time))$"
)
_ASIDE_END = re.compile(r"\s*\([^()]*\)$")
# two short names joined by "and": each may name a section of its own
_JOINED = re.compile(r"((?:[\w'-]+ ){0,3}[\w'-]+) (?:and|&) ((?:[\w'-]+ ){0,3}[\w'-]+)")
_ARTICLE = re.compile(r"^(the|our|my|your)\s+")  # "The fix", "Our commitments"
_STATUS = re.compile(
    r"\s+(implemented|applied|taken|completed|done|in place|so far|to date)"
    r"(\s+(in|to|during|for|with|by|since)\s.*)?$"
)


def _heading_names(title: str) -> tuple[str, ...]:
    """A heading's normalised text, then its name without qualifiers, then
    each name of a heading that joins two ("Open risks / Follow-ups")."""
    norm = normalise_heading(title)
    name = _ARTICLE.sub("", _STATUS.sub("", _QUALIFIER.sub("", norm)).strip())
    names = [norm] if not name or name == norm else [norm, name]
    # a name that itself holds "to" or "for" keeps it when only a parenthesis
    # qualifies it: "What to start doing (Start)"
    bare = _ASIDE_END.sub("", norm)
    if bare and bare not in names:
        names.append(bare)
    if " / " in norm:
        names += [part.strip() for part in norm.split(" / ") if part.strip()]
    return tuple(names)


def _joined_names(norm: str) -> tuple[str, ...]:
    """The two names of a normalised heading that joins them with "and"
    ("impact and strategic recommendations"), else none."""
    joined = _JOINED.fullmatch(_ARTICLE.sub("", _QUALIFIER.sub("", norm)).strip())
    return joined.groups() if joined else ()


_ASKS = re.compile(r"[^.!?]*\?")  # a first sentence that ends in a question mark
_AND_THEN = re.compile(r"\s+(?:and|&)\s+([A-Za-z]+)")  # "Investigate and fix ..."
_FIRST_WORDS = re.compile(r"[\W_]*([A-Za-z]+)(?:[\W_]+([A-Za-z]+))?")
# a first word that is a label, perhaps numbered: "Run #14: ...", "Step 2: ...", "Update: ..."
_LABEL_WORD = re.compile(r"[\W_]*[A-Za-z]+\s*(?:#?\d[\w.]*\s*)?:(?!//)")


# a short topic label before a sentence: "Account lockout policy - ", "Alerting: "
_TOPIC_LABEL = re.compile(r"^\W*\w[\w'/&-]*(\s+[\w'/&-]+){0,5}?\W*(:|\s[-\u2013\u2014])\s+")

# a compound noun, not a verb with its particle ("Set-up alerts", "Roll-back the deploy")
_COMPOUND_START = re.compile(
    r"[\W_]*[A-Za-z]+-(?!(?:up|out|in|off|on|down|back|over)\b)[A-Za-z]", re.IGNORECASE
)
_LETS = re.compile(r"[\W_]*let(?:['\u2019]s|\s+us)\s+", re.IGNORECASE)

# a purpose or condition before the main clause: "In order to track progress,
# install X", "If the job fails twice, page the owner"
_LEAD_CLAUSE = re.compile(
    r"^\W*(?:(?:in order )?to|if|when|whenever|once|before|after|until|unless|for)\b"
    r"[^,.;:!?]{1,80},\s+",
    re.IGNORECASE,
)

# a sentence that opens on a pronoun goes on about the one before it
_ELABORATES = re.compile(r"^\W*(this|these|that|those|it|they|which|such)\b", re.IGNORECASE)


# an action named as a noun: "Implementation of redundant servers",
# "Enhancement of the monitoring", "Removal of the shared key"
_NOMINAL = re.compile(r"^\W*([A-Za-z]{5,})\s+of\s")
_NOMINAL_ENDS = ("ation", "ition", "tion", "ion", "ment", "ance", "ure", "al")
_NOT_NOMINAL = frozenset({"several", "total", "general", "mention", "portion", "section"})


def _names_action(sentence: str) -> bool:
    """Whether a sentence opens on an action named as a noun, its verb the
    lemma table knows ("Procurement of spare disks" from "procure")."""
    m = _NOMINAL.match(sentence)
    word = m.group(1).lower() if m else ""
    if not word or word in _NOT_NOMINAL:
        return False
    stems = [word[: -len(end)] for end in _NOMINAL_ENDS if word.endswith(end)]
    verbs = verb_lemmas()
    return any(
        base in verbs for stem in stems if len(stem) > 2 for base in (stem, stem + "e", stem + "t")
    )


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """Compiled section vocabulary; see ``rules/sections.yaml``."""

    roles: tuple[tuple[str, re.Pattern[str]], ...]
    exclude: re.Pattern[str]
    markers: re.Pattern[str]
    action_markers: re.Pattern[str]
    advice_markers: re.Pattern[str]
    imperative: frozenset[str]
    adverbs: frozenset[str]
    metadata: re.Pattern[str]
    detail: re.Pattern[str]
    record: re.Pattern[str]
    action_columns: tuple[re.Pattern[str], ...]
    ignore_columns: re.Pattern[str]
    fix_columns: re.Pattern[str]
    declined: re.Pattern[str]
    inquiry: re.Pattern[str]
    argument: re.Pattern[str]
    bookkeeping: re.Pattern[str]
    analysis: re.Pattern[str]
    areas: re.Pattern[str]

    def role_of(self, title: str, qualified: bool = True) -> str | None:
        """The role of a heading that introduces solutions, else ``None``.

        An action or alternatives heading qualified after its name
        ("Corrective actions - rules changed", "Remediation (workflow
        campaign)", "Alternatives to caching") has the role of its name;
        ``qualified=False`` asks for the whole text only (a plain line may
        be a sentence, not a name)."""
        names = _heading_names(title) if qualified else (normalise_heading(title),)
        if qualified and not self.exclude.fullmatch(names[0]):
            # each of two joined names may name the section, unless the whole
            # is a name that describes ("Risks and mitigations")
            names += tuple(n for n in _joined_names(names[0]) if n not in names)
        for i, norm in enumerate(names):
            for role, pattern in self.roles:
                # a decision heading does not keep its role under a qualifier:
                # a document's title "Proposal: Localization" is no decision section
                if (i == 0 or role != "decision") and pattern.fullmatch(norm):
                    return role
        if qualified:
            # a step that names its list after a verb: "D5: Choose permanent
            # corrective actions", "Take preventive measures"
            for norm in names:
                verb, _, rest = norm.partition(" ")
                if verb in self.imperative and " " in rest and self._role_is(rest, "action"):
                    return "action"
        return None

    def _role_is(self, norm: str, role: str) -> bool:
        return any(r == role and pattern.fullmatch(norm) for r, pattern in self.roles)

    def analyses(self, title: str) -> bool:
        """True for a postmortem section that explains what went wrong and
        may recommend a fix in passing ("Root cause analysis", "Lessons")."""
        return any(self.analysis.fullmatch(norm) for norm in _heading_names(title))

    def excludes(self, title: str, under_action: bool = False) -> bool:
        """True for a subheading that describes rather than proposes. Under an
        action heading an area of the work ("Testing", "Detection") groups
        the fixes made there, so it describes nothing."""
        names = _heading_names(title)
        if under_action and any(self.areas.fullmatch(norm) for norm in names):
            return False
        return any(self.exclude.fullmatch(norm) for norm in names)

    def opens_with_action_verb(self, text: str) -> bool:
        """True when the first word is one of the imperative verbs, or the
        second after an adverb such as "always"."""
        words = _FIRST_WORDS.match(text)
        if words is None or _COMPOUND_START.match(text):
            return False  # "Test-driven design", "Cache-busting lets clients ..."
        if _LABEL_WORD.match(text):
            return False  # "Run #14: 25s", "Step 2: restart" (what follows may still act)
        first, second = words.group(1).lower(), (words.group(2) or "").lower()
        if first == "let" and second in ("s", "us"):
            # "let's" speaks for the verb after it: "let's add a check" proposes,
            # "let's say they are bytes" walks through an example
            rest = _LETS.match(text)
            return rest is not None and self.opens_with_action_verb(text[rest.end() :])
        if second in NOUN_NEXT:  # "Address will be a hash", "Review of the outage"
            return False
        if second == "to" and first in ADJECTIVE_BEFORE_TO:  # "Open to suggestions"
            return False
        return first in self.imperative or (first in self.adverbs and second in self.imperative)

    def is_action_sentence(self, sentence: str) -> bool:
        """In an action section, a sentence that says what someone will do
        (not one that goes on about the last: "This will be in addition to ..."),
        or an imperative after a topic label ("Account lockout - Lock accounts
        after five failures")."""
        if self.advice_markers.search(sentence):
            return True
        if _ELABORATES.match(sentence):
            return False
        return (
            bool(self.action_markers.search(sentence))
            or self.opens_with_action(sentence)
            or _names_action(sentence)
        )

    def opens_with_action(self, text: str) -> bool:
        """An item that opens on an action verb, after a topic label, a
        purpose or a condition or not ("Add an alert", "Alerting: add an
        alert", "To catch it sooner, add an alert")."""
        labelled = _TOPIC_LABEL.match(text)
        after = text[labelled.end() :] if labelled else ""
        return self._opens_with_imperative(text) or self.opens_with_action_verb(after)

    def is_decision_sentence(self, sentence: str) -> bool:
        """A sentence that commits to an action: a marker or an imperative,
        perhaps after a purpose or a condition."""
        return bool(self.markers.search(sentence)) or self._opens_with_imperative(sentence)

    def _opens_with_imperative(self, text: str) -> bool:
        """An action verb first, or first after a leading purpose or condition."""
        if self.opens_with_action_verb(text):
            return True
        lead = _LEAD_CLAUSE.match(text)
        return lead is not None and self.opens_with_action_verb(text[lead.end() :])

    def is_inquiry(self, text: str) -> bool:
        """True for an item that asks ("Look into X", "How do we ...?") rather
        than proposes. A tentative proposal that starts with an action verb
        ("Add a quota so pods fail fast?") stays a proposal."""
        asks = self.inquiry.match(text)
        if asks:
            # "Investigate and fix the leak" proposes the fix
            then = _AND_THEN.match(text, asks.end())
            return not (then and then.group(1).lower() in self.imperative)
        return bool(_ASKS.match(text)) and not self.opens_with_action_verb(text)

    def is_argument(self, text: str) -> bool:
        """True for a pro or con of an option rather than a proposal."""
        return bool(self.argument.match(text))

    def is_bookkeeping(self, text: str) -> bool:
        """True for the review's own paperwork ("Write the incident report")."""
        return bool(self.bookkeeping.match(text))

    def is_metadata(self, text: str) -> bool:
        """True for a nested item such as ``Owner: @jane`` or ``Due: May``."""
        return bool(self.metadata.match(text))

    def detail_of(self, text: str) -> str | None:
        """What a nested item such as ``Details: lower the threshold`` adds
        to its parent, else ``None``."""
        found = self.detail.match(text)
        if found is None:
            return None
        return text[found.end() :].strip() or None

    def is_record_field(self, raw: str) -> bool:
        """True for a field of the document's own record, at any depth:
        ``Author: @jane``, ``Created: 2019-04-18``, ``RFC PR: #12``."""
        return bool(self.record.match(raw))

    def action_column(self, headers: list[str]) -> int | None:
        """Index of the header naming the action column, if one does."""
        return _first_column(headers, self.action_columns, unless=self.ignore_columns)

    def fix_column(self, headers: list[str]) -> int | None:
        """Index of a column that holds fixes wherever its table stands (a
        risk or threat register's "Mitigation"), if one does."""
        return _first_column(headers, (self.fix_columns,))

    def declined_row(self, cells: list[str], column: int) -> bool:
        """A register row whose risk is accepted or transferred, not fixed."""
        return any(
            self.declined.fullmatch(normalise_heading(c))
            for i, c in enumerate(cells)
            if i != column
        )

    def ignored_column(self, header: str) -> bool:
        """True for owner, ticket, status and similar columns."""
        return bool(self.ignore_columns.fullmatch(normalise_heading(header)))


def _alternation(path: Path, key: str, items: object) -> str:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise RuleFileError(str(path), f"'{key}' must be a list of strings")
    for item in items:
        try:
            re.compile(item)
        except re.error as exc:
            raise RuleFileError(str(path), f"'{key}': bad pattern {item!r}: {exc}") from None
    return "|".join(f"(?:{i})" for i in items) or "(?!)"  # an empty list matches nothing


def _patterns(path: Path, key: str, items: object) -> tuple[re.Pattern[str], ...]:
    """Each pattern of a list on its own, in the list's order."""
    _alternation(path, key, items)  # raises unless a list of good patterns
    return tuple(re.compile(str(i)) for i in items) if isinstance(items, list) else ()


def _first_column(
    headers: list[str],
    names: tuple[re.Pattern[str], ...],
    unless: re.Pattern[str] | None = None,
) -> int | None:
    """Index of the first header a pattern of ``names`` matches and
    ``unless`` does not; the first pattern that names a header wins
    ("Action" before "Item" in "Item # | Action | Owner")."""
    norms = [normalise_heading(h) for h in headers]
    for pattern in names:
        for i, norm in enumerate(norms):
            if pattern.fullmatch(norm) and not (unless and unless.fullmatch(norm)):
                return i
    return None


def _either_apostrophe(alternation: str) -> str:
    """Let a marker's apostrophe match the typographic one too ("we\u2019ll")."""
    return alternation.replace("'", "['\u2019]")


def _literal_alternation(path: Path, key: str, items: object) -> str:
    """An alternation of plain words and phrases, each matched as written
    (a space also matches the line break of wrapped prose)."""
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise RuleFileError(str(path), f"'{key}' must be a list of strings")
    return _alternation(path, key, [re.escape(i).replace("\\ ", "\\s+") for i in items])


@cache
def load_sections(path: Path | None = None, extra: tuple[str, ...] = ()) -> SectionSpec:
    """Load and compile the section vocabulary (shipped file by default).

    ``extra`` adds headings (plain text, matched whole) with the decision
    role, for the ``sections`` configuration key.
    """
    path = path or rules_dir() / "sections.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise RuleFileError(str(path), "expected a mapping at the top level")
    known = {
        "sections",
        "exclude",
        "decision-markers",
        "action-markers",
        "advice-markers",
        "imperative-verbs",
        "imperative-adverbs",
        "fix-columns",
        "declined-rows",
        "metadata-keys",
        "detail-keys",
        "record-fields",
        "inquiry-starts",
        "question-starts",
        "argument-starts",
        "bookkeeping-starts",
        "action-columns",
        "ignore-columns",
        "analysis-sections",
        "action-areas",
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise RuleFileError(str(path), f"unknown key(s): {', '.join(unknown)}")
    roles_data = data.get("sections")
    if not isinstance(roles_data, dict):
        raise RuleFileError(str(path), "'sections' must map a role to a list of headings")
    roles: list[tuple[str, re.Pattern[str]]] = []
    for role, items in roles_data.items():
        if role not in ("action", "decision", "alternative", "summary"):
            raise RuleFileError(str(path), f"unknown section role {role!r}")
        roles.append((role, re.compile(_alternation(path, f"sections.{role}", items))))
    if extra:
        extra_re = "|".join(re.escape(normalise_heading(e)) for e in extra)
        roles.insert(0, ("decision", re.compile(extra_re)))
    markers = _either_apostrophe(
        _literal_alternation(path, "decision-markers", data["decision-markers"])
    )
    action_markers = _either_apostrophe(
        _literal_alternation(path, "action-markers", data.get("action-markers", []))
    )
    advice_markers = _either_apostrophe(
        _literal_alternation(path, "advice-markers", data.get("advice-markers", []))
    )
    verbs = data.get("imperative-verbs", [])
    inquiries = "|".join(
        _literal_alternation(path, key, data.get(key, []))
        for key in ("inquiry-starts", "question-starts")
    )
    arguments = _alternation(path, "argument-starts", data.get("argument-starts", []))
    bookkeeping = _alternation(path, "bookkeeping-starts", data.get("bookkeeping-starts", []))
    meta = _literal_alternation(path, "metadata-keys", data.get("metadata-keys", []))
    detail = _literal_alternation(path, "detail-keys", data.get("detail-keys", []))
    record = _literal_alternation(path, "record-fields", data.get("record-fields", []))
    return SectionSpec(
        roles=tuple(roles),
        exclude=re.compile(_alternation(path, "exclude", data.get("exclude", []))),
        markers=re.compile(rf"\b(?:{markers})\b", re.IGNORECASE),
        action_markers=re.compile(rf"\b(?:{action_markers})\b", re.IGNORECASE),
        advice_markers=re.compile(rf"\b(?:{advice_markers})\b", re.IGNORECASE),
        imperative=frozenset(str(v).lower() for v in verbs),
        adverbs=frozenset(str(v).lower() for v in data.get("imperative-adverbs", [])),
        metadata=re.compile(rf"^\s*\**(?:{meta})\**\s*:", re.IGNORECASE),
        detail=re.compile(rf"^\s*\**(?:{detail})\**\s*:\s*", re.IGNORECASE),
        record=re.compile(rf"^\s*[*_]*(?:{record})[*_]*\s*:", re.IGNORECASE),
        action_columns=_patterns(path, "action-columns", data["action-columns"]),
        ignore_columns=re.compile(_alternation(path, "ignore-columns", data["ignore-columns"])),
        fix_columns=re.compile(_alternation(path, "fix-columns", data.get("fix-columns", []))),
        declined=re.compile(_alternation(path, "declined-rows", data.get("declined-rows", []))),
        # a listed start as a whole word, not a "Why:" label
        inquiry=re.compile(rf"^\W*(?:{inquiries})\b(?!:)", re.IGNORECASE),
        argument=re.compile(rf"^\s*(?:{arguments})", re.IGNORECASE),
        # "Write a postmortem for every Sev-1" is a standing practice, not paperwork
        bookkeeping=re.compile(
            rf"^\W*(?:{bookkeeping})(?!.*\b(?:every|each|all future|any future|always|routinely|"
            rf"regularly|whenever|within \d)\b)",
            re.IGNORECASE,
        ),
        analysis=re.compile(
            _alternation(path, "analysis-sections", data.get("analysis-sections", []))
        ),
        areas=re.compile(_alternation(path, "action-areas", data.get("action-areas", []))),
    )
