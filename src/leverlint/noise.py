# ruff: noqa: RUF001 - dashes and curly quotes in the patterns are intentional
"""Strip the noise of real action items before tagging.

Ticket ids, ``@owner`` mentions, ``Owner: x`` tails, task-list boxes,
"TODO:" prefixes, bare URLs and lead-ins ("We will", "We propose that",
"Going forward,") say nothing about a fix's
leverage; removing them keeps them from deciding (or flipping) a level.
"""

from __future__ import annotations

import re

# a ticket id (not a severity or a standard: "Sev-1", "UTF-8", "ISO-9001", "TLS-1")
_TICKET = (
    r"\b(?!(?:sev|pri|severity|tier|level|utf|iso|ipv|tls|http|sha|x)-\d)"
    r"[A-Z][A-Z0-9]{1,9}-\d+(?:/\d+)*\b"
)
# a tracker's field about a task, not the task: "owner: Jane", "due: May", "ticket: X"
_FIELD = "owner|owners|assignee|assigned(?: to)?|due|eta|ticket|jira"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), r)
    for p, r in (
        # task-list boxes and status prefixes ("[x]", and "( )" or "(x)" in minutes)
        (r"^\s*(\[[ xX]\]|\(\s?[xX\u2713]?\s?\))\s+", ""),
        # an owner in parentheses before the task: "(Beyang) Define code owners",
        # "(Keegan, then Beyang and Geoffrey) Look into alerting"
        (
            r"^\s*\((?-i:[A-Z])[\w.'\u2019-]*(?:,?\s+(?:and|&|then)?\s*[\w.'\u2019-]+){0,5}\)\s+(?=\S)",
            "",
        ),
        (r"^\s*[\u2705\u2714\u2611\u23f3\u231b\U0001f504]\ufe0f?\s*", ""),
        # any other pictograph that marks an item: "📅 Process improvements"
        (r"^\s*[\U0001f300-\U0001faff\u2600-\u27bf]\ufe0f?\s+", ""),
        (r"^\s*(todo|fixme|action|ai|done|wip|p[0-4])\s*[:\-]\s*", ""),
        # a tracker's fields before the task, split by slashes or bars:
        # "Owner: render team / no due date / extend the merge key"
        (
            r"^\s*(((owner|owners|assignee|due|eta|priority|status|team)\s*:\s*[^/|:]{1,40}?"
            r"|no\s+(due\s+date|owner|eta|deadline))\s*[/|]\s*)+",
            "",
        ),
        # how minutes and retros label an item: "Agreed:", "Decision -", "AP Sam:"
        (
            r"^\s*(agreed|decision|decided|outcome|resolution|resolved|next steps?|"
            r"action points?|ap(\s+[a-z]+)?)\s*[:\-–—]\s+",
            "",
        ),
        (r"^\s*\[(p[0-4]|todo|high|medium|low)\]\s*", ""),
        # a tracker's bracketed tags: "[Backend][Auth] Rotate keys", "[PoMo] Add ..."
        (r"^\s*(\[[a-z][\w .&/\-]{0,24}\]\s*)+(?=(?-i:[A-Z]))", ""),
        # ticket lead-ins: "Created a ticket to add X", "Ticket raised to add X"
        (
            r"^\s*((we|i)\s+(have\s+|['’]ve\s+)?)?"
            r"(created|create|raised|raise|opened|open|filed|file|logged|log|added|add)\s+"
            r"(a|an)?\s*(backlog\s+)?(ticket|issue|card|story|task|item)\s+(to|for)\s+",
            "",
        ),
        (
            r"^\s*(a\s+)?(ticket|issue|card|task)\s+"
            r"(raised|created|opened|filed|logged)\s+(to|for)\s+",
            "",
        ),
        # status tails: "(Done)", "DONE in PR", "PR exists", "Ticket raised"
        (r"[\(\[]\s*(done|completed|complete|fixed|merged|in progress|wip)\s*[\)\]]", ""),
        (r"([.\-–—)])\s*(done|completed)(\s+in\s+pr)?\s*$", r"\1"),
        (
            r"([.\-–—)])\s*(pr|ticket)(\s+(raised|exists|open|opened|created|merged))?\s*\d*\s*$",
            r"\1",
        ),
        # a link titled "Issue" or "(issue)" left at the end
        (r"[\(\[]\s*(see\s+)?(issue|ticket|pr)(\s+here)?\s*[\)\]]\s*$", ""),
        (
            r"(\S)\s+((?-i:Issue|Ticket)|see issue here)\s*$",
            r"\1",
        ),
        # a footnote's letter left at the end: "keep the issues up to date(h)"
        (r"(?<=\w)\((?-i:[a-z])\)\s*$", ""),
        # bare URLs
        (r"<?https?://\S+>?", ""),
        # a line break written out as text by a generator: "Add a check.\n"
        (r"(?<=\S)\\n(?=\s|$)", " "),
        # asides that elaborate: "(i.e. ...)", "(e.g. ...)", "(see ...)"
        (r"\(\s*(?:i\.e\.|e\.g\.|ie\b|eg\b|for example|for instance|see|such as)[^()]*\)", ""),
        # a list of examples that trails off: "(limit=0, limit=1, etc.)"
        (r"\([^()]*,\s*(?:etc\.?|and so on|\.\.\.|\u2026)\s*\)", ""),
        # a date in parentheses at the end: "(Jan 22)", "(Feb 15, 4:15 PM)", "(2026-03-01)", "(Q3)"
        (
            r"\s*\(\s*(?:\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
            r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?:,?\s+\d{1,2}:\d{2}\s*(?:am|pm)?"
            r"(?:\s+[a-z]{2,4})?)?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
            r"[a-z]*(?:\s+\d{4})?|q[1-4](?:\s+\d{4})?)\s*\)\s*$",
            "",
        ),
        # owner / ticket / due tails: "(owner: @x)", "- Owner: Jane", "due 2026-04-01"
        (r"[\(\[]\s*(" + _FIELD + r"|by|owned)\b[^\)\]]*[\)\]]", ""),
        # (in the middle of an item, only up to the end of its sentence:
        # "Fix the rig — owner: Quinn, with Elena. A setup where ...")
        (r"\s*[-–—|,;]?\s*\b(" + _FIELD + r")\s*:[^.!?\n]*[.!?]\s+(?=\S)", ". "),
        (r"\s[-–—|,;]?\s*\b(" + _FIELD + r")\s*:.*$", ""),
        # "... → Assigned to @x", "... - owned by Platform" (after a dash or an arrow only:
        # "Ensure each alert is assigned to an owner" keeps its words)
        (
            r"\s*(?:[-–—|]|→|->|=>)\s*(?:assigned|owned)\s+(?:to|by)\b[^.!?\n]{0,40}?(?=[.!?]\s|[.!?]?$)",
            "",
        ),
        # ticket ids: ABC-123, #123, GH-12, in brackets or not; one between a
        # verb and a colon takes the colon with it ("Fix INV-12: stale cache")
        # (not a numbered label: "Run #14: 25s")
        (r"(?<=\w)\s+" + _TICKET + r"\s*:\s+", " "),
        (r"[\(\[]?" + _TICKET + r"[\)\]]?", ""),
        (r"[\(\[]?(?<![\w&])#\d+\b[\)\]]?", ""),
        # @mentions
        (r"(?<![\w.])@[\w][\w\-/]*", ""),
        # the document's voice around a fix: "We propose that", "It is recommended that",
        # "Going forward,", "Our recommendation is to"
        (
            r"^\s*((going|moving) forward|from now on)\s*[:,]?\s+|"
            r"^\s*(in (the )?future|longer term|in the (longer|long) term|long[- ]term|"
            r"short[- ]term|as a next step)\s*[:,]\s*",
            "",
        ),
        # when, as a label: "Immediate:", "This week:", "Next quarter -", "Ongoing:"
        (
            r"^\s*(immediate(ly)?|ongoing|(this|next) (week|month|quarter|sprint|year|release)|"
            r"medium[- ]term|near[- ]term|q[1-4])\s*[:\-–—]\s+",
            "",
        ),
        (
            r"^\s*((we|i)\s+(would\s+)?(propose|recommend|suggest|advise)|"
            r"(we|i)\s+(are|am)\s+(proposing|recommending|suggesting|advising)|"
            r"(we['’]re|i['’]m)\s+(proposing|recommending|suggesting|advising)|"
            r"it\s+is\s+(proposed|recommended|suggested|advised)|"
            r"(our|my|the)\s+(proposal|recommendation|suggestion)\s+is|"
            r"(this|the|our)\s+(rfc|kep|adr|proposal|document|design|doc|change)\s+"
            r"(proposes|recommends|suggests)|"
            r"(proposal|recommendation|suggestion)\s*:)\s+(that\s+|to\s+)?(?:we\s+(?=[a-z]+\s))?",
            "",
        ),
        # a memo's ask of its readers: "Members are invited to agree that",
        # "The board is asked to approve"
        (
            r"^\s*(the\s+)?(members|board|committee|council|cabinet|panel|trustees|governors|"
            r"directors|meeting|group)\s+(is|are)\s+(invited|asked|requested)\s+to\s+"
            r"(note|agree|approve|endorse|consider|support|accept|adopt|decide)(\s+that)?\s+",
            "",
        ),
        # modal lead-ins: "We will", "The team should", "Consider"
        (
            r"^\s*(we|i|the team)\s+"
            r"(will|shall|should|must|need to|needs to|are going to|plan to|want to|"
            r"would like to|could|can|might|['’]ll)\s+(also\s+)?(be\s+(?=[a-z]+ing\b))?",
            "",
        ),
        (r"^\s*(we|i)['’]ll\s+(be\s+(?=[a-z]+ing\b))?", ""),
        # a hope stated as the plan: "We are hoping to enable X"
        (r"^\s*((we|i)\s+(are|am)|we['’]re|i['’]m)\s+(hoping|aiming|planning|looking)\s+to\s+", ""),
        # the plan named as such: "Our solution is to move X", "The plan will be to X"
        (
            r"^\s*(our|the)\s+(plan|solution|fix|remedy|approach)\s+(is|will\s+be)\s+to\s+"
            r"(?=[a-z]+\b)",
            "",
        ),
        # a decision reported: "We've decided to stop X", "We opted to move X"
        (
            r"^\s*((we|i)\s+(have\s+)?|we['’]ve\s+|i['’]ve\s+)(also\s+)?"
            r"(decided|agreed|chosen|chose|opted|resolved|elected)\s+to\s+",
            "",
        ),
        # a report of work under way or done: "We are adding X", "We have added X"
        (r"^\s*((we|i)\s+(are|am|have been)|we['’]re|i['’]m)\s+(also\s+)?(?=[a-z]+ing\b)", ""),
        (r"^\s*((we|i)\s+have|we['’]ve|i['’]ve)\s+(also\s+)?(?=[a-z]+ed\b)", ""),
        # a bare "Should ..." or "May need to ..." item (the subject was dropped),
        # not "Should the X fail"
        (
            r"^\s*((may|might|will|would)\s+(also\s+)?(need|have)\s+to|"
            r"should|need to|needs to|need)\s+"
            r"(?!(not|never|the|a|an|this|that|it|we|you|they|there|any|one|no|more|to)\b)",
            "",
        ),
        # a proposal floated in chat: "What if we ...", "How about ...", "I'd suggest ...",
        # "Idea:", "+1 to ..." ("Could we ...?" asks, and stays as it is)
        (
            r"^\s*(\+1\s+(to|for)\s+|(idea|suggestion|proposal)\s*:\s*|what\s+if\s+(we\s+)?|"
            r"how\s+about\s+|i'?d\s+(suggest|propose|recommend)\s+(that\s+)?(we\s+)?|"
            r"maybe\s+we\s+(should|could)\s+)",
            "",
        ),
        # a proposal put as a question: "Should we raise the limit?" ("Can we ...?"
        # asks whether something is possible, and stays an inquiry)
        (r"^\s*(should|shall)\s+we\s+(?=\w)", ""),
        (r"^\s*(the\s+)?team\s+(discussed|agreed|decided)\s+(about\s+|on\s+|to\s+)?", ""),
        (r"^\s*(consider|maybe|possibly|perhaps|optionally)\s*[:,]?\s+", ""),
        (r"^\s*(also|then|and|finally|next)\s*[:,]?\s+", ""),
        # an ordinal is a lead-in only with its comma: "Second, add X", not "Second exit route"
        (r"^\s*(first|second|third|firstly|secondly|thirdly)\s*[:,]\s*", ""),
        # leftover empty brackets and separators, and the colon a removed id left
        (r"\(\s*[,;]?\s*\)|\[\s*\]", ""),
        (r"^\s*[:\-–—|]\s+", ""),
        # an option's verdict and its reason, after the option's name:
        # "Staged releases: selected because each release ..."
        (
            r"(?<=\w)\s*[:\-–—]\s+(selected|rejected|chosen|accepted|deferred|preferred|"
            r"discarded|dropped)\b(\s+(because|as|since|for|in favou?r)\b.*)?$",
            "",
        ),
        # a tag in parentheses the removed id carried: "(Codex r16 HIGH triaged): add X"
        (r"^\s*\([^()]{1,60}\)\s*[:\-–—]\s+", ""),
        (r"\s+([.,;:!?])(?=\s|$)", r"\1"),
    )
)
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s\-–—|,;:]+$")


def _unmatched_closers(text: str) -> str:
    """Drop ")" and "]" left without an opener once a ticket id took it."""
    depth = {")": 0, "]": 0}
    opener = {"(": ")", "[": "]"}
    out: list[str] = []
    for ch in text:
        if ch in opener:
            depth[opener[ch]] += 1
        elif ch in depth:
            if depth[ch] == 0:
                continue
            depth[ch] -= 1
        out.append(ch)
    return "".join(out)


def clean(text: str) -> str:
    """Return ``text`` without noise, on one line, trimmed.

    The lead-in patterns apply in order, so "TODO: we will add X" loses both
    its prefix and its modal lead-in.
    """
    out = _SPACES.sub(" ", text).strip()
    for pattern, repl in _PATTERNS:
        out = pattern.sub(repl, out)
    out = _SPACES.sub(" ", _unmatched_closers(out)).strip()
    out = _TRAILING.sub("", out)
    if out[:1].islower():
        out = out[0].upper() + out[1:]
    return out
