"""Markdown -> Document: sections, proposed solutions and prose, with lines.

This is the only module that turns markdown-it-py's 0-based, end-exclusive
``Token.map`` into 1-based line numbers. Everything downstream works with
the ``Solution.line`` and ``Prose.line`` computed here.
"""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from leverlint.kinds import detect_kind
from leverlint.model import Document, Prose, Section, Solution
from leverlint.noise import clean
from leverlint.sections import SectionSpec, load_sections, strip_numbering

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'`(\[*])")
_DECLARED = re.compile(r"<!--\s*leverlint-level\s*:\s*(\d{1,2})\s*-->")
_LEAD_IN = re.compile(
    r"\b(following|these|below)\s+(measures|steps|actions|changes|items|tasks|improvements|"
    r"recommendations|fixes|strategies|practices|guidelines)\b",
    re.IGNORECASE,
)
# a lead-in that names its fix before the colon: "Mandatory death notes -
# every agent must create:" says what is done; "Add the following:" does not
_TOPIC_LEAD = re.compile(
    r"^[^:\n]{3,60}?(\s[-\u2013\u2014]\s|:\s)(?!.*\b(following|below)\b)\S+(\s\S+){2,}:$"
)
# how a nested item that only elaborates its parent starts: "e.g. ...", "this
# helps ...", or (unless the parent leads in to a list of actions) lower case
_ELABORATION = re.compile(r"^\s*(e\.g\.|i\.e\.|eg\b|ie\b|this\b|that\b|it\b|see\b)")
_LOWER_START = re.compile(r"^\s*[a-z]")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def plain_text(inline: Token) -> str:
    """Render an inline token as plain text: links keep their text, code
    spans keep their content, HTML and markup vanish, and each source line
    break stays a ``\\n`` so offsets map back to lines."""
    parts: list[str] = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(plain_text(child))
    return "".join(parts)


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _comments(token: Token) -> list[tuple[int, str]]:
    """HTML comments written in the Markdown (never inside code), with lines.

    Suppressions and level declarations are read only from these, so a
    directive quoted in a code span or fenced block stays an example.
    """
    if token.type == "html_block":
        base = _line(token)
        return [
            (base + token.content.count("\n", 0, m.start()), m.group(0))
            for m in _COMMENT.finditer(token.content)
        ]
    out: list[tuple[int, str]] = []
    line = _line(token)
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "html_inline" and child.content.startswith("<!--"):
            out.append((line, child.content))
    return out


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


# A bold label stands in for a heading ("**Action items:**" on its own
# line, or "- **Review actions**:" over a nested list). It sits below every
# real heading, so the next heading of any depth ends it.
_LABEL_DEPTH = 7
_LABEL_MAX_CHARS = 60
_ANNOUNCE_MAX_CHARS = 120  # a sentence ending in a colon that announces a list


_SYMBOLS_ONLY = re.compile(r"^[^\w]*$")


def _bold_opening(inline: Token, after_symbols: bool = False) -> tuple[str, str] | None:
    """``(bold, rest)`` when an inline opens on bold text, both stripped: the
    bold words and the plain text after them. ``after_symbols`` lets a run
    of symbols come first ("✅ **Rolled back**")."""
    children = [c for c in inline.children or () if not (c.type == "text" and not c.content)]
    leading = children[0] if children else None
    if (
        after_symbols
        and leading
        and leading.type == "text"
        and _SYMBOLS_ONLY.match(leading.content)
    ):
        children = children[1:]
    if not children or children[0].type != "strong_open":
        return None
    end = next((i for i, c in enumerate(children) if c.type == "strong_close"), None)
    if end is None:
        return None
    bold = "".join(c.content for c in children[1:end] if c.type in ("text", "code_inline"))
    rest = plain_text(Token("inline", "", 0, children=children[end + 1 :]))
    return bold.strip(), rest.strip()


def bold_label(inline: Token) -> tuple[str, str] | None:
    """``(label, rest)`` when an inline starts with bold text used as a label:
    followed by a colon or by nothing ("**Next steps**", "**Fix**: add X")."""
    opening = _bold_opening(inline)
    if opening is None:
        return None
    label, rest = opening
    if label.endswith(":"):
        label = label[:-1].rstrip()
    elif rest.startswith(":"):
        rest = rest[1:].lstrip()
    elif rest:
        return None
    if not label or len(label) > _LABEL_MAX_CHARS or label[-1] in ".!?":
        return None  # a bold sentence, not a label
    return label, rest


def _titled_fields(inline: Token, spec: SectionSpec) -> str | None:
    """The bold title of a paragraph that is a bold line and the tracker's
    fields under it, and nothing else ("**1. Runbook step**" over "Owner:
    SRE | Deadline: 7 days")."""
    opening = _bold_opening(inline)
    if opening is None:
        return None
    bold, rest = opening
    if not bold or len(bold) > _LABEL_MAX_CHARS or bold[-1] in ".!?" or not rest:
        return None
    if all(spec.is_metadata(part) for part in rest.splitlines() if part.strip()):
        return bold.rstrip(":").rstrip()
    return None


# a paragraph of one line under a plain label: "Desired behaviour: errors are not reported"
_LABEL_LINE = re.compile(r"^([A-Z][\w /&'-]{1,40}):\s+(\S[^\n]*)$")
_LEAD_MAX_CHARS = 80


def bold_lead(inline: Token) -> str | None:
    """The bold phrase a paragraph opens on when it names what follows as
    a title does: a bold sentence ("**Alerting on fd use.** We now page at
    85%.") or a bold name with at most a parenthesis after it ("✅ **Rolled
    back** (Jan 20)"). In an action list such a paragraph is one item, as a
    list item is. A bold label before a dash or colon is not one: its
    sentences are read one by one."""
    opening = _bold_opening(inline, after_symbols=True)
    if opening is None:
        return None
    lead, rest = opening
    if not 0 < len(lead) <= _LEAD_MAX_CHARS:
        return None
    if lead[-1] in ".!" or _ASIDE_ONLY.match(rest):
        return lead.rstrip(".!")
    return None


_ASIDE_ONLY = re.compile(r"^(\([^()]*\))?$")


def _plain_label(content: str, spec: SectionSpec) -> str | None:
    """The label when a short plain line names a solution section on its own
    ("Action Items", "Next steps:"): it stands in for a heading, as a bold one
    does. A line that ends in a colon may be a sentence that announces what
    follows ("Here are some solutions to think about, so we avoid this again:")."""
    announces = content.rstrip().endswith(":")
    limit = _ANNOUNCE_MAX_CHARS if announces else _LABEL_MAX_CHARS
    text = content.strip().rstrip(":").strip()
    if 0 < len(text) <= limit and "\n" not in text and spec.role_of(text, announces):
        return text
    return None


def _described_label(content: str, spec: SectionSpec) -> str | None:
    """The name when a short plain line ending in a colon names a section
    that describes ("Root cause and resolution:"): not a heading the
    sections follow, but a name that tells the document's kind."""
    text = content.strip()
    if not text.endswith(":") or "\n" in text or len(text) > _LABEL_MAX_CHARS:
        return None
    name = text.rstrip(":").strip()
    return name if spec.excludes(name) else None


# a label's text that names no fix: "None needed - use normal delete", "N/A"
_NOTHING = re.compile(r"^\W*(none|n/?a|nothing|no action|not needed|not applicable|tbd)\b", re.I)
# a decision heading's name that, as a list item's label, names a stage or a part
_PHASE_LABEL = re.compile(r"\b(design|designs|explanation|details)\b", re.I)
_HELD_MIN_ITEMS = 2
# the roles a label before its own text may name ("Action: ...", "Decision: ...")
_LABEL_ROLES = ("action", "decision")
# an item that is one quotation and nothing else
_QUOTED = re.compile(r'^\s*["\u201c][^"\u201c\u201d]+["\u201d][.,;]?\s*$')
# an open task box at the start of an item: "[ ] Add unit tests"
_OPEN_BOX = re.compile(r"^\s*\[ \]\s")
# a verdict on an option under a decision label: "Rejected.", "Deferred at the UI level"
_VERDICT = re.compile(
    r"^\W*(?:rejected|declined|deferred|postponed|withdrawn|superseded|accepted|approved|"
    r"pending|undecided|tbd|n/?a|none|not (?:pursued|accepted|adopted|chosen|decided)|"
    r"won'?t (?:do|fix))\b",
    re.IGNORECASE,
)

# a mark that starts an item: in a list of options a tick is a pro and a
# warning sign a con; in an action list a tick says "done" and a warning sign
# before a status word says "still to do" ("⚠️ TODO: Add a check")
_STATUS_MARK = re.compile(
    "^\\s*(?:[\u2705\u2714\u2611]|\u26a0\ufe0f?\\s*(?:todo|fixme|pending|planned|in progress"
    "|not (?:yet )?(?:started|done))\\b)",
    re.IGNORECASE,
)
# a heading that reports a change made, a noun and its participle with no
# article: "Deploy pipeline hardened (deploy.yml)", "Swap file added"
_DONE_HEADING = re.compile(
    r"^(?!.*\b(a|an|the)\b)\s*\S+(\s+\S+){1,3}?\s+\w{3,}(?<!e)ed\b\s*(\(.*\))?\s*$", re.IGNORECASE
)


@dataclass(slots=True)
class _Item:
    """A list item under construction (mutable scratch, never exported)."""

    line: int
    text: str | None = None
    has_children: bool = False
    nested: bool = False
    # A bold label item ("- **Review actions**:") opens a section for its
    # nested items; the enclosing section comes back when it closes.
    labelled: bool = False
    outer: Section | None = None
    # A nested item under it says what to do in its own words; one only
    # details it ("Ring 1: a third of the estate").
    child_acts: bool = False
    detailed: bool = False


@dataclass(slots=True)
class _Table:
    line: int = 0
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    in_head: bool = False


@dataclass(slots=True)
class _Builder:
    """Walks the token stream once, keeping heading and list context."""

    spec: SectionSpec
    # the headings above the current point, outermost first: each one's depth,
    # the solution section in force under it, and, under an analysis heading
    # ("Root cause analysis" and what it holds), the section that imperative
    # prose there would belong to
    headings: list[tuple[int, Section | None, Section | None]] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    table: _Table | None = None
    section: Section | None = None
    sections: list[Section] = field(default_factory=list)
    solutions: list[Solution] = field(default_factory=list)
    prose: list[Prose] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    # A heading the vocabulary does not know may still head a list of
    # actions; its items (text, line, nested) are held until the document's
    # kind is known.
    candidate: Section | None = None
    held: dict[Section, list[tuple[str, int, bool]]] = field(default_factory=dict)
    # Imperative sentences in prose no solution section holds ("Automate the
    # health check" in a root-cause write-up), kept for a postmortem only.
    loose: list[tuple[str, int, Section]] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)
    # A proposal with no section the vocabulary knows is read whole, as one
    # decision section, less the sections that only describe.
    whole: Section | None = None
    # Summary sections: in a proposal read whole they state it in brief,
    # elsewhere they state an aim or tell what happened, so what they hold
    # waits for the kind.
    summaries: list[Section] = field(default_factory=list)
    # A bold line of its own in an action section ("**2. Escalation policy**"),
    # waiting for the paragraph it names; with it, it is one item.
    title: tuple[str, int] | None = None

    def __post_init__(self) -> None:
        self.section = self.whole

    def _parent(self) -> Section | None:
        """The section the next subheading falls under."""
        return self.headings[-1][1] if self.headings else self.whole

    def describes(self, label: str) -> bool:
        """In an action list, a bold label that names what describes
        ("**Conclusion:** the fix will ..."): its paragraph is no item. A
        design's "**Note:** X should only be used when ..." may still decide."""
        return self._in_action and self.spec.excludes(label)

    def heading(self, depth: int, title: str, line: int) -> None:
        self.flush_title()
        self.titles.append(title)
        while self.headings and self.headings[-1][0] >= depth:
            self.headings.pop()
        under_analysis = bool(self.headings and self.headings[-1][2])
        advice = (
            Section(title=title, depth=depth, line=line, role="action")
            if under_analysis or self.spec.analyses(title)
            else None
        )
        role = self.spec.role_of(title)
        parent = self._parent()
        current: Section | None
        self.candidate = None
        if role == "summary":
            # a proposal's statement in brief; kept only once the kind is known
            current = Section(title=title, depth=depth, line=line, role="decision")
            self.summaries.append(current)
        elif role is not None:
            new = Section(title=title, depth=depth, line=line, role=role)
            self.sections.append(new)
            current = new
            if self._tags_an_action(role, title):
                self.add(title, line, new)  # "### TODO: Pin the base image"
        elif self.spec.excludes(title, parent is not None and parent.role == "action"):
            current = None
        else:
            current = parent
            if current is None:
                self.candidate = Section(title=title, depth=depth, line=line, role="action")
            elif current.role == "action" and self._says_what_to_do(name := strip_numbering(title)):
                # a subheading that is itself an action: "R2-1: Replace the leakage
                # model", "3. Upgrade to the larger instance"
                self.add(name, line, current)
        self.headings.append((depth, current, advice))
        self.section = current

    def bold_title(self, title: str, line: int) -> None:
        """A bold line standing alone names what comes under it. In an action
        section a name the vocabulary does not know ("**2. Escalation policy
        for slow incidents**") is held, to be joined with the paragraph under
        it as one item; anywhere else it stands in for a heading."""
        if self._in_action and self.spec.role_of(title) is None and not self.spec.excludes(title):
            self.flush_title()
            self.title = (strip_numbering(title), line)
        else:
            self.heading(_LABEL_DEPTH, title, line)

    def flush_title(self) -> None:
        """A held bold title with no paragraph under it (a list or a heading
        comes next) is an item only when it says what to do itself."""
        if self.title is None:
            return
        name, line = self.title
        self.title = None
        if self._says_what_to_do(name):
            self.add(name, line)

    def _tags_an_action(self, role: str | None, name: str) -> bool:
        """Whether a name the vocabulary reads as a list of actions only tags
        one action ("TODO: Verify the migrations", "Action: add an alert"):
        the label names a list of actions, what follows it says what to do."""
        tagged = _LABEL_LINE.match(name) if role == "action" else None
        return (
            tagged is not None
            and self.spec.role_of(tagged.group(1)) == "action"
            and self._says_what_to_do(tagged.group(2))
        )

    def _says_what_to_do(self, name: str) -> bool:
        """Whether a heading or bold title is an action itself ("Upgrade to
        a larger instance"), not a report of one made ("Deploy pipeline
        hardened")."""
        return self.spec.opens_with_action(name) and not _DONE_HEADING.match(name)

    def add(self, raw: str, line: int, section: Section | None = None) -> None:
        section = section or self.section
        if section is None:
            return
        if self.spec.is_argument(raw) and not (
            section.role == "action" and _STATUS_MARK.match(raw)
        ):
            return  # a pro or con; in an action list a status mark
        if self.spec.is_record_field(raw):
            return  # "Author: @jane" records the document, it proposes nothing
        text = clean(raw)
        if self.spec.is_bookkeeping(text):
            return
        if section in self.summaries and not self.spec.is_decision_sentence(text):
            return  # a summary's list may only describe ("No specialization.")
        if re.search(r"[A-Za-z]{2}", text):
            inquiry = self.spec.is_inquiry(text)
            self.solutions.append(
                Solution(text=text, line=line, section=section, raw=raw, inquiry=inquiry)
            )

    def commit_summaries(self, kind: str) -> None:
        """Keep what the summary sections hold in a proposal read whole (one
        with no section of its own for the design, where the summary is the
        proposal); drop it elsewhere: beside a design section a summary states
        the aim ("Stop the queue from falling behind"), in a postmortem it
        tells what happened."""
        if kind in _READ_WHOLE and self.whole is not None:
            self.sections = sorted(self.sections + self.summaries, key=lambda s: s.line)
        else:
            held = set(self.summaries)
            self.solutions = [s for s in self.solutions if s.section not in held]

    def commit_held(self, kind: str) -> None:
        """In a postmortem, a list whose items are mostly imperatives ("Add
        monitoring for X", "Set up alerts for Y") under a heading the
        vocabulary does not know ("Monitoring", "Hardening") is a list of
        actions: two or more items, at least two thirds opening on an action
        verb. The nested items come along; only the top-level ones count.

        A list that mixes what was seen with what should change (a
        retrospective's notes per team: "Speakers felt supported", "Make
        time zones explicit") gives up only its decisions: the top-level
        items that commit to an action, when there are two or more.

        The imperative sentences held from analysis prose ("Automatically
        detach unhealthy hosts") are kept too, each under its heading.

        In any document, a to-do list (every top-level item an open task box,
        "- [ ] Add unit tests for the updater") is a list of actions on the
        same terms."""
        postmortem = kind == "postmortem"
        if postmortem:
            for sentence, line, section in self.loose:
                # a recommendation made while explaining what went wrong
                if section not in self.sections:
                    self.sections.append(section)
                self.add(sentence, line, section)
        for section, items in self.held.items():
            top = [(raw, line) for raw, line, nested in items if not nested]
            heads = [raw for raw, _ in top]
            todo = all(_OPEN_BOX.match(raw) for raw in heads)
            if (postmortem or todo) and self._mostly_actions(heads):
                self.sections.append(section)
                for raw, line, _ in items:
                    self.add(raw, line, section)
                continue
            decisions = [(raw, line) for raw, line in top if postmortem and self._commits(raw)]
            if len(decisions) >= _HELD_MIN_ITEMS:
                self.sections.append(section)
                for raw, line in decisions:
                    self.add(raw, line, section)
        self.sections.sort(key=lambda s: s.line)

    def _mostly_actions(self, top: list[str]) -> bool:
        """Two or more items, at least two thirds opening on an action verb."""
        actions = sum(self.spec.opens_with_action(clean(raw)) for raw in top)
        return len(top) >= _HELD_MIN_ITEMS and actions * 3 >= len(top) * 2

    def _hold_loose(self, text: str, line: int) -> None:
        """Keep the imperative sentences of prose under an analysis heading
        ("Root cause analysis" and what it holds) outside any solution section."""
        where = self.headings[-1][2] if self.headings else None
        if where is None:
            return
        for offset, sentence in _sentences(text):
            if self.spec.opens_with_action_verb(sentence) and not sentence.endswith((":", "?")):
                self.loose.append((sentence, line + text.count("\n", 0, offset), where))

    def _commits(self, raw: str) -> bool:
        """Whether an item's first sentence commits to an action, before or
        after its voice ("We should order ...") is stripped."""
        first = _first_sentence(raw)
        return self.spec.is_decision_sentence(first) or self.spec.is_decision_sentence(
            _first_sentence(clean(first))
        )

    @property
    def _in_action(self) -> bool:
        """Whether the current section is a list of actions."""
        return self.section is not None and self.section.role == "action"

    def _topic_label(self, rest: str) -> bool:
        """In an action list, "**Testing:** Include stress tests" names the
        topic of an action, not a section that describes."""
        return self._in_action and self.spec.opens_with_action_verb(rest)

    def label_item(self, item: _Item, label: str, rest: str) -> bool:
        """Let a bold label item that names a section open one for its nested
        items; return whether it did (its own text is then only ``rest``)."""
        role = self.spec.role_of(label)
        if role == "summary":  # a summary inside a list describes
            role = None
        if self._tags_an_action(role, label):
            return False  # "**TODO: Verify the migrations**" is an item
        if role is None and not self.spec.excludes(label):
            return False
        if role is None and self._topic_label(rest):
            return False
        item.labelled, item.outer = True, self.section
        self.section = None
        if role is not None:
            self.section = Section(label, _LABEL_DEPTH, item.line, role)
            self.sections.append(self.section)
        self.titles.append(label)
        item.text = rest
        return True

    def html_block(self, content: str, line: int) -> None:
        """Headings, list items and paragraphs written in HTML count as
        their Markdown twins do."""
        for offset, tag, text in _html_parts(content):
            if tag == "li":
                self._add_item(_Item(line=line + offset, text=text))
            elif tag == "p":
                self.prose.append(Prose(text, line + offset))
                self.paragraph(text, line + offset)
            else:
                self.heading(int(tag[1]), text, line + offset)

    def close_item(self) -> None:
        item = self.items.pop()
        self._add_item(item)
        if item.labelled:
            self.section = item.outer

    def _add_item(self, item: _Item) -> None:
        text = (item.text or "").strip()
        if text and self.section is None and self._labelled_item(text, item.line):
            return
        if not text or (self.section is None and self.candidate is None):
            return
        if (
            item.has_children
            and text.endswith(":")
            and not self._names_fix(text)
            and (item.child_acts or not item.detailed or not self._whole_lead(text))
        ):
            return  # a lead-in for the nested items, not a fix itself
        if item.nested and self.spec.is_metadata(text):
            return  # "Owner: @sre" describes its parent
        if _QUOTED.match(text):
            return  # '"Do not use: fire, desire"' quotes an example, not a fix
        parent_item = self.items[-1] if item.nested and self.items else None
        parent = (parent_item.text or "").strip() if parent_item is not None else ""
        detail = self.spec.detail_of(text) if parent_item is not None and parent else None
        if parent_item is not None and detail is not None:
            # "Details: lower the threshold from 2% to 1%" says how its parent is done
            glue = " " if parent.endswith((":", ".", "!", "?")) else ". "
            parent_item.text = f"{parent}{glue}{detail}"
            return
        if parent_item is not None and self._in_action:
            if self._acts(text):
                parent_item.child_acts = True
            elif _details(text) and self._whole_lead(parent):
                # "Ring 1: 30% of the estate" under "Introduce ring deployment:"
                parent_item.detailed = True
                return
        joined = self._joined(parent_item, text) if parent_item is not None else text
        # a nested item in lower case elaborates its parent, unless the parent
        # only leads in to a list of actions ("Health check hardened:" over
        # "retry with backoff,"); a design's lists of values, and what a fix
        # named in its lead-in lists ("Handover notes - every lead must
        # write:"), stay details
        leads_in = self._in_action and parent.endswith(":") and not self._names_fix(parent)
        elaborates = _ELABORATION.match(text) or (not leads_in and _LOWER_START.match(text))
        if joined == text and item.nested and elaborates:
            return  # elaborates its parent
        text = joined
        if self.section is None and self.candidate is not None:
            self.held.setdefault(self.candidate, []).append((text, item.line, item.nested))
            return
        self.add(text, item.line)

    def _labelled_item(self, text: str, line: int) -> bool:
        """A list item outside any solution section whose plain label names
        an action or a decision ("Proposed solution: use historical
        velocity", "Action: combine the two meetings") holds one solution,
        as such a paragraph does; return whether it did."""
        labelled = _LABEL_LINE.match(text)
        if labelled is None:
            return False
        role = self.spec.role_of(labelled.group(1))
        if role not in _LABEL_ROLES or _PHASE_LABEL.search(labelled.group(1)):
            return False  # "Design: the initial planning phase" names a stage
        if _NOTHING.match(labelled.group(2)):
            return True  # "Mitigation: None needed"
        self.labelled_solution(role, labelled.group(1), labelled.group(2), line, text)
        return True

    def _whole_lead(self, lead_in: str) -> bool:
        """In an action list, a lead-in that is a whole action before its
        colon ("Introduce staged ring deployment for app updates:") is the
        fix, and what its nested items list (the rings, the pattern to alert
        on) only details it. "Add the following checks:" and "Add alerts
        for:" wait for their items."""
        head = lead_in.strip().removesuffix(":").rstrip()
        return (
            self._in_action
            and lead_in.strip().endswith(":")
            and len(head.split()) >= _WHOLE_LEAD_WORDS
            and not _PREPOSITION_END.search(head)
            and not _POINTS_BELOW.search(head)
            and self.spec.opens_with_action_verb(clean(head))
        )

    def _names_fix(self, lead_in: str) -> bool:
        """In an action list, a lead-in that names its fix before saying what
        the nested items list ("Mandatory death notes - every agent must
        create:") is an action of its own."""
        return self._in_action and bool(_TOPIC_LEAD.match(lead_in))

    def _acts(self, text: str) -> bool:
        """Whether a nested item says what to do in its own words, or under
        a label of its own ("Staleness check: skip files older than the plan")."""
        if self.spec.opens_with_action_verb(clean(text)):
            return True
        labelled = _LABEL_LINE.match(text)
        return labelled is not None and self.spec.opens_with_action_verb(clean(labelled.group(2)))

    def _joined(self, parent: _Item, text: str) -> str:
        """A nested item that only names an object finishes its parent's
        lead-in: "Add inspection items for:" + "Coupling condition" reads
        "Add inspection items for coupling condition". A nested item with a
        verb of its own stands alone."""
        lead = (parent.text or "").strip()
        if not lead.endswith(":") or self._acts(text):
            return text
        head = lead[:-1].rstrip()
        short = len(text.split()) <= _OBJECT_WORDS and not _SENTENCE_MARK.search(text)
        if not (short and len(head.split()) > 1 and self.spec.opens_with_action_verb(clean(head))):
            return text
        if text[:2].istitle():  # "Coupling" but not "API"
            text = text[0].lower() + text[1:]
        glue = " " if _PREPOSITION_END.search(head) else ": "
        return f"{head}{glue}{text}"

    def labelled_solution(self, role: str, label: str, text: str, line: int, content: str) -> None:
        """A paragraph whose label names an action ("**Prevention:** add
        health checks") or a decision ("**Decision:** talk to the hosts again")
        holds one solution wherever it stands, or the numbered list written
        under the label; the section around it goes on. ``role`` is the
        label's, as the caller looked it up."""
        if role == "decision" and _VERDICT.match(text):
            return  # "Decision: Rejected. ..." judges an option, it proposes none
        section = Section(label, _LABEL_DEPTH, line, role)
        self.sections.append(section)
        # the text may start on the line below its label ("TODO:\nChange ...")
        below = content.count("\n", 0, max(content.find(text), 0))
        numbered = _numbered_lines(content)
        for offset, item in numbered or [(below, text)]:
            self.add(item, line + offset, section)

    def paragraph(self, text: str, line: int, lead: str | None = None) -> None:
        if not text.strip():
            return  # an anchor or a comment alone: "<a id="x"></a>"
        if self.title is not None:
            name, title_line = self.title
            self.title = None
            joiner = " " if name[-1:] in ".!?:" else ". "
            self.add(name + joiner + text, title_line)  # the bold title and what it names
            return
        pieces = _label_pieces(text, self.spec)
        if pieces is not None:
            # a plain-text document writes its headings as lines of their own
            # ("Corrective and Preventative Measures:", "Tasks:"), glued by
            # CommonMark to the paragraph before or after them
            skip = False
            for i, (offset, label, opens, chunk) in enumerate(pieces):
                if label is None:
                    if chunk and not skip:
                        self.paragraph(chunk, line + offset, lead if i == 0 else None)
                elif opens or i == len(pieces) - 1:
                    self.heading(_LABEL_DEPTH, label, line + offset)
                    skip = False
                else:
                    # "Note:" over its own text leaves out that text, not the
                    # paragraphs after it; the name still tells what kind of
                    # document this is ("Root Cause and Resolution")
                    self.titles.append(label)
                    skip = True
            return
        if self.section is None:
            self._hold_loose(text, line)
            return
        bullets = _symbol_bullets(text)
        if bullets is not None:
            # lines that each open on the same symbol are a list ("📝 Replace ...")
            for i, item in enumerate(bullets):
                self.add(item, line + i)
            return
        numbered = _numbered_lines(text)
        if numbered is not None:
            before = text.split("\n", numbered[0][0])[: numbered[0][0]]
            if before and not before[-1].rstrip().endswith(":"):
                self.paragraph("\n".join(before), line, None)
            for offset, item in numbered:
                self.add(item, line + offset)
            return
        fields = _field_lines(text)
        if fields is not None:
            # "Gate: G6 / What: Define the model / Acceptance: ...": the fields
            # that say what is done are items, the bookkeeping is not
            for i, field_line in enumerate(fields):
                if self.spec.is_metadata(field_line):
                    continue
                if self._in_action:
                    self.add(field_line, line + i)
                else:  # a design's fields are read sentence by sentence
                    self.paragraph(field_line, line + i)
            return
        action = self._in_action
        if action and lead and not self.spec.excludes(lead):
            self.add(text, line)  # "**Alerting on fd use.** We now page at 85%."
            return
        for offset, sentence in _sentences(text):
            lead_in = _LEAD_IN.search(sentence)
            if lead_in and (sentence.endswith(":") or not sentence[lead_in.end() :].strip(" .")):
                continue  # a lead-in to the list below ("the following will be done:")
            if self.spec.is_decision_sentence(sentence) or (
                action and self.spec.is_action_sentence(sentence)
            ):
                self.add(sentence, line + text.count("\n", 0, offset))

    def close_table(self) -> None:
        table, self.table = self.table, None
        if table is None or not table.rows:
            return
        fixes = self.spec.fix_column(table.headers)
        if fixes is not None:
            # a register's mitigation column holds fixes under any heading;
            # a row that accepts the risk fixes nothing
            section = self.section
            if section is None or section.role != "action":
                title = self.titles[-1] if self.titles else table.headers[fixes]
                section = Section(title=title, depth=_LABEL_DEPTH, line=table.line, role="action")
                self.sections.append(section)
            for line, cells in table.rows:
                if fixes < len(cells) and not self.spec.declined_row(cells, fixes):
                    self.add(cells[fixes], line, section)
            return
        if self.section is None:
            return
        column = self.spec.action_column(table.headers)
        if column is None:
            column = _widest_column(table, self.spec)
        for line, cells in table.rows:
            if column < len(cells):
                self.add(cells[column], line)


_SYMBOL_BULLET = re.compile(r"^\s*([^\w\s\[\](){}<>\"'`*_#|!.,;:/\\-])\ufe0f?\s+(\S.*)$")


_LABEL_MAX_WORDS = 6
_COLON_LABEL = re.compile(r"^[^\W\d_][^.!?;:]{0,58}:$")


def _label_pieces(text: str, spec: SectionSpec) -> list[tuple[int, str | None, bool, str]] | None:
    """Split a paragraph at the lines that are headings written as plain
    text: (line offset, heading or ``None``, whether the heading names a
    solution section, text). Only a line that starts
    the paragraph or follows a finished sentence or another such line can
    be one. It is a heading when it names a known section (a solution
    section or one that describes) in six words or fewer; any other short
    line ending in a colon ("Improvements/Fixes:") only starts a new piece.
    ``None`` when the paragraph has no such line."""
    lines = text.split("\n")
    if len(lines) < 2:
        return None
    pieces: list[tuple[int, str | None, bool, str]] = []
    start, found = 0, False
    for i, raw in enumerate(lines):
        stripped = raw.strip()
        if not stripped or len(stripped) > _LABEL_MAX_CHARS:
            continue
        if not (i == 0 or start == i or lines[i - 1].rstrip().endswith((".", "!", "?", ":"))):
            continue  # a short line of wrapped prose goes on with the sentence above
        colon = bool(_COLON_LABEL.match(stripped))
        name = stripped.rstrip(":").strip()
        # a name, not a sentence: "Note that these are not peak values." is prose
        named = len(name.split()) <= _LABEL_MAX_WORDS and not name.endswith((".", "!", "?", ","))
        role = spec.role_of(name, colon) if named else None
        excluded = named and role is None and spec.excludes(name)
        if not (colon or role or excluded):
            continue
        if i > start:
            pieces.append((start, None, False, "\n".join(lines[start:i])))
        if role or excluded:
            # a name that describes may still name a solution section once
            # its qualifier is dropped; the colon-less check above kept it whole
            opens = role is not None or spec.role_of(name) is not None
            pieces.append((i, name, opens, ""))
        start, found = i + 1, True
    if not found:
        return None
    if start < len(lines):
        pieces.append((start, None, False, "\n".join(lines[start:])))
    return pieces


# The blocks of a document written in HTML inside Markdown: a heading, a
# list item or a paragraph, each up to its closing tag or the next block tag.
_HTML_BLOCK = re.compile(
    r"<(h[1-6]|li|p)\b[^>]*>(.*?)(?=</\1\s*>|<(?:h[1-6]|li|p|/?ul|/?ol)\b|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(r"<[^>]*>")
_SHORTCODE = re.compile(r":[a-z][a-z0-9_+-]*:")  # an emoji shortcode, ":small_orange_diamond:"


def _html_parts(content: str) -> list[tuple[int, str, str]]:
    """(line offset, tag, plain text) of each heading, item and paragraph
    in an HTML block."""
    out = []
    offset, seen = 0, 0
    for m in _HTML_BLOCK.finditer(content):
        offset += content.count("\n", seen, m.start())
        seen = m.start()
        text = html.unescape(_HTML_TAG.sub(" ", m.group(2)))
        text = " ".join(_SHORTCODE.sub(" ", text).split())
        if text:
            out.append((offset, m.group(1).lower(), text))
    return out


def _symbol_bullets(text: str) -> list[str] | None:
    """The items of a paragraph whose lines (two or more) each open on the same
    symbol, an emoji or a mark used as a bullet; else ``None``."""
    lines = text.split("\n")
    found = [_SYMBOL_BULLET.match(line) for line in lines]
    if len(lines) < 2 or not all(found):
        return None
    marks = {m.group(1) for m in found if m}
    return [m.group(2) for m in found if m] if len(marks) == 1 else None


_NUMBERED_LINE = re.compile(r"^\s*\d{1,3}[.)]\s+(\S.*)$")


def _numbered_lines(text: str) -> list[tuple[int, str]] | None:
    """The items of a list written inside a paragraph: CommonMark lets only a
    list that starts at 1 interrupt a paragraph, so "Follow-ups:" followed by
    "3. Add X" on the next line is one paragraph to the parser, a list to its
    reader. Each item is ``(line offset, text)``, continuation lines joined;
    ``None`` when no line after the first opens on a number (or, for a piece
    cut from a paragraph after its label line, fewer than two lines do)."""
    lines = text.split("\n")
    found = [(i, m.group(1)) for i, line in enumerate(lines) if (m := _NUMBERED_LINE.match(line))]
    if not found or (found[0][0] == 0 and len(found) < 2):
        return None  # one numbered first line is a sentence ("2024. A year of ...")
    ends = [start for start, _ in found[1:]] + [len(lines)]
    return [
        (start, " ".join([first, *(line.strip() for line in lines[start + 1 : end])]))
        for (start, first), end in zip(found, ends, strict=True)
    ]


_FIELD_LINE = re.compile(r"^[A-Z][\w /&()'-]{0,30}:\s+\S")


def _label_chunks(text: str, spec: SectionSpec) -> list[tuple[int, str, str]]:
    """A paragraph of labelled parts whose text may wrap ("Problem: the DB
    still shows it\nrunning.\nFix: mark it failed"): (line offset, label,
    text) for each, when a later line starts a second label and some label
    names an action or a decision; else nothing."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if _FIELD_LINE.match(line)]
    if len(starts) < 2 or starts[0] != 0:
        return []
    chunks = []
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        name, _, rest = lines[start].partition(":")
        body = " ".join([rest.strip(), *(line.strip() for line in lines[start + 1 : end])])
        chunks.append((start, name.strip(), body.strip()))
    if not any(spec.role_of(name) in _LABEL_ROLES for _, name, _ in chunks):
        return []
    return chunks


def _field_lines(text: str) -> list[str] | None:
    """The lines of a paragraph written as fields, each on its own line under
    a label ("Gate: G6", "What: Define the model", "Acceptance: ..."); else
    ``None``."""
    lines = text.split("\n")
    if len(lines) < 2 or not all(_FIELD_LINE.match(line) for line in lines):
        return None
    return lines


_WHOLE_LEAD_WORDS = 4  # a lead-in this long with a verb first may be an action itself
# a lead-in that points at its list: "Add the following checks:", "such as:"
_POINTS_BELOW = re.compile(
    r"\b(following|below|these|those|as follows|like|such as|e\.g|i\.e|include|including)\b",
    re.IGNORECASE,
)


def _details(text: str) -> bool:
    """Whether a nested item reads as a detail of the action above it: a
    labelled value ("Ring 0: ten pilot devices") or a long phrase in lower
    case ("crash spike + disk spike within two hours of rollout"). A short
    name ("Torque values") finishes its parent's lead-in instead."""
    return bool(_LABEL_LINE.match(text)) or (
        bool(_LOWER_START.match(text)) and len(text.split()) > _OBJECT_WORDS
    )


_OBJECT_WORDS = 8  # a nested item this short, with no sentence in it, may name an object
_SENTENCE_MARK = re.compile(r"[.;!?]\s")
_PREPOSITION_END = re.compile(
    r"\b(for|to|on|in|of|with|about|into|including|covering|across|around)$", re.I
)
_PROSE_WORDS = 4  # words per cell, on average, that make a column prose


def _widest_column(table: _Table, spec: SectionSpec) -> int:
    """The column with the most text, skipping owner/ticket/status columns
    unless they hold sentences (an "Issue" column that names the work, not
    its ticket)."""
    width = len(table.headers) or max(len(c) for _, c in table.rows)
    best, best_len = 0, -1
    for i in range(width):
        column = [cells[i] for _, cells in table.rows if i < len(cells)]
        words = sum(len(c.split()) for c in column) / max(len(column), 1)
        ignored = i < len(table.headers) and spec.ignored_column(table.headers[i])
        if ignored and words < _PROSE_WORDS:
            continue
        total = sum(len(c) for c in column)
        if total > best_len:
            best, best_len = i, total
    return best


def _first_sentence(text: str) -> str:
    found = _sentences(text)
    return found[0][1] if found else ""


def _sentences(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start : m.start()].strip()))
        start = m.end()
    out.append((start, text[start:].strip()))
    return [(o, s) for o, s in out if s]


def _front_matter(tokens: list[Token]) -> tuple[dict[str, Any], str | None]:
    if not tokens or tokens[0].type != "front_matter":
        return {}, None
    try:
        data = yaml.safe_load(tokens[0].content)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        return {}, f"front matter is not valid YAML (line {line}); the body is still linted"
    return (data if isinstance(data, dict) else {}), None


_TOML_FENCE = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)
_TOML_LINE = re.compile(r"at line (\d+)")


def _toml_front_matter(text: str) -> tuple[dict[str, Any], str | None, str]:
    """Read Hugo/Zola ``+++`` TOML front matter. Returns the data, a warning
    if it does not parse, and the text with the block blanked (line numbers
    kept) so the body is read as Markdown alone."""
    if not text.startswith("+++"):
        return {}, None, text
    opening = _TOML_FENCE.match(text)
    closing = _TOML_FENCE.search(text, opening.end()) if opening else None
    if opening is None or closing is None:
        return {}, None, text
    block = text[opening.end() : closing.start()]
    rest = "\n" * text.count("\n", 0, closing.end()) + text[closing.end() :]
    try:
        data = tomllib.loads(block.strip("\n"))
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        line = int(m.group(1)) + 1 if m else 1
        return {}, f"front matter is not valid TOML (line {line}); the body is still linted", rest
    return data, None, rest


def _with_declared(
    solution: Solution, comments: dict[int, list[str]], lines: list[str]
) -> Solution:
    """Attach ``<!-- leverlint-level: N -->`` from a comment on the solution's
    line, or from a comment that is alone on the line above it."""
    candidates = list(comments.get(solution.line, []))
    above = solution.line - 1
    if above >= 1 and lines[above - 1].strip() in comments.get(above, []):
        candidates += comments[above]
    for comment in candidates:
        m = _DECLARED.fullmatch(comment.strip())
        if m and 1 <= int(m.group(1)) <= 12:
            return replace(solution, declared_level=int(m.group(1)))
    return solution


# kinds whose whole body proposes when no section is named as the proposal
_READ_WHOLE = frozenset({"rfc", "design"})


def _walk(tokens: list[Token], b: _Builder) -> _Builder:
    """Feed the token stream to the builder; return it."""
    in_paragraph_of_item = False
    pending_heading: tuple[int, int] | None = None
    for i, tok in enumerate(tokens):
        t = tok.type
        if t in ("inline", "html_block") and "<!--" in tok.content:
            b.comments += _comments(tok)
        if t == "heading_open":
            pending_heading = (int(tok.tag[1:]), _line(tok))
        elif t == "inline":
            content = plain_text(tok)
            if pending_heading is not None:
                b.heading(pending_heading[0], content.replace("\n", " "), pending_heading[1])
                pending_heading = None
                continue
            line = _line(tok)
            if b.table is not None:
                if b.table.in_head:
                    b.table.headers.append(content)
                elif b.table.rows:
                    b.table.rows[-1][1].append(content)
                b.prose.append(Prose(content, b.table.rows[-1][0] if b.table.rows else line))
                continue
            b.prose.append(Prose(content, line))
            label = bold_label(tok) if tokens[i - 1].type == "paragraph_open" else None
            if b.items:
                if in_paragraph_of_item and b.items[-1].text is None:
                    item = b.items[-1]
                    if label is None or not b.label_item(item, *label):
                        item.text = content
            elif label is not None and not label[1] and content.rstrip().endswith(":"):
                b.heading(_LABEL_DEPTH, label[0], line)  # "**To the branches:**" leads in
            elif label is not None and not label[1]:
                b.bold_title(label[0], line)
            elif tokens[i - 1].type == "paragraph_open" and (titled := _titled_fields(tok, b.spec)):
                b.bold_title(titled, line)  # "**1. Runbook step**\nOwner: SRE | Due: May"
            elif label is not None and (chunks := _label_chunks(content, b.spec)):
                # "**Problem:** ... / **Fix:** ..." in one paragraph: each label its own
                for offset, name, rest in chunks:
                    if (role := b.spec.role_of(name)) in _LABEL_ROLES:
                        b.labelled_solution(role, name, rest, line + offset, rest)
                    elif b.describes(name):
                        b.titles.append(name)
            elif label is not None and (role := b.spec.role_of(label[0])) in _LABEL_ROLES:
                b.labelled_solution(role, label[0], label[1], line, content)
            elif label is not None and b.describes(label[0]):
                b.titles.append(label[0])
            elif (
                tokens[i - 1].type == "paragraph_open"
                and (plain_label := _LABEL_LINE.match(content))
                and (role := b.spec.role_of(plain_label.group(1))) in _LABEL_ROLES
            ):
                b.labelled_solution(role, plain_label.group(1), plain_label.group(2), line, content)
            elif tokens[i - 1].type == "paragraph_open" and (
                plain := _plain_label(content, b.spec)
            ):
                b.heading(_LABEL_DEPTH, plain, line)
            elif tokens[i - 1].type == "paragraph_open" and (
                described := _described_label(content, b.spec)
            ):
                b.titles.append(described)  # "*Root Cause and Resolution:*" names the kind
            elif tokens[i - 1].type == "paragraph_open":
                b.paragraph(content, line, bold_lead(tok))
        elif t == "html_block" and not b.items:
            b.flush_title()
            b.html_block(tok.content, _line(tok))
        elif t == "paragraph_open":
            in_paragraph_of_item = bool(b.items)
        elif t == "list_item_open":
            b.flush_title()
            if b.items:
                b.items[-1].has_children = True
            b.items.append(_Item(line=_line(tok), nested=bool(b.items)))
        elif t == "list_item_close":
            b.close_item()
        elif t == "table_open":
            b.flush_title()
            b.table = _Table(line=_line(tok))
        elif t == "thead_open" and b.table is not None:
            b.table.in_head = True
        elif t == "thead_close" and b.table is not None:
            b.table.in_head = False
        elif t == "tr_open" and b.table is not None and not b.table.in_head:
            b.table.rows.append((_line(tok), []))
        elif t == "table_close":
            b.close_table()
    b.flush_title()
    return b


def parse(path: str, text: str, spec: SectionSpec | None = None) -> tuple[Document, list[str]]:
    """Parse Markdown ``text`` read from ``path`` into a Document.

    Returns the document and a list of warnings (e.g. broken front matter);
    a warning never stops the body from being linted.
    """
    spec = spec or load_sections()
    toml, toml_warning, body = _toml_front_matter(text)
    tokens = _parser().parse(body)
    front, warning = (toml, toml_warning) if body is not text else _front_matter(tokens)
    b = _walk(tokens, _Builder(spec=spec))
    kind = detect_kind(path, front, b.titles)
    if kind in _READ_WHOLE and not b.sections:
        whole = Section(title=b.titles[0] if b.titles else path, depth=0, line=1, role="decision")
        b = _walk(tokens, _Builder(spec=spec, whole=whole))
        b.sections.insert(0, whole)
    comments = b.comments
    b.commit_summaries(kind)
    b.commit_held(kind)
    lines = text.splitlines()
    by_line: dict[int, list[str]] = {}
    for line, comment in comments:
        by_line.setdefault(line, []).append(comment)
    ordered = sorted(b.solutions, key=lambda s: s.line)
    solutions = [_with_declared(s, by_line, lines) for s in ordered]
    doc = Document(
        path=path,
        kind=kind,
        front_matter=front,
        sections=tuple(b.sections),
        solutions=tuple(solutions),
        prose=tuple(b.prose),
        lines=tuple(lines),
        comments=tuple(comments),
    )
    return doc, [warning] if warning else []
