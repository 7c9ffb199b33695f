"""A hypothesis strategy for hostile Markdown documents, shared by the unit
fuzz test and benchmarks/fuzz.py."""

from __future__ import annotations

from hypothesis import strategies as st

HEADINGS = ["Action items", "Proposal", "Decision", "Follow-ups", "Timeline", "Alternatives",
            "Next steps", "Summary", "Lessons learned and action items", "Risks"]  # fmt: skip
PHRASES = ["Raise the timeout to 30s", "Publish the report", "too risky", "not our call",
           "Let teams choose", "<!-- leverlint-disable LL004 -->", "<!-- leverlint-enable -->",
           "<!-- leverlint-level: 3 -->", "<!-- leverlint-level: 99 -->", "%0A::set-env x::1",
           "`code`", "[link](http://x)", "**bold**", "@owner", "OPS-1", "**Action items:**",
           "**Review actions**:", "**Pros:**", "✅ cheap", "Con: slow", "How do we page?",
           "Created a ticket to add X (Done)"]  # fmt: skip

text = st.one_of(
    st.text(max_size=80),
    st.sampled_from(PHRASES),
    st.lists(st.sampled_from(PHRASES), max_size=4).map(" ".join),
)


@st.composite
def block(draw: st.DrawFn) -> str:
    """One Markdown block of a random kind."""
    kind = draw(st.integers(0, 8))
    if kind == 0:
        return "#" * draw(st.integers(1, 7)) + " " + draw(st.sampled_from(HEADINGS) | text)
    if kind == 1:
        depth = draw(st.integers(0, 40))
        marker = draw(st.sampled_from(["-", "*", "1.", "- [ ]", "- [x]", ">"]))
        return "  " * depth + marker + " " + draw(text)
    if kind == 2:
        cols = draw(st.integers(1, 5))
        rows = draw(st.lists(st.lists(text, min_size=cols, max_size=cols), max_size=4))
        head = (
            "| "
            + " | ".join(draw(st.sampled_from(["Action", "Owner", "x"])) for _ in range(cols))
            + " |"
        )
        sep = "|" + "---|" * cols
        body = ["| " + " | ".join(c.replace("\n", " ") for c in r) + " |" for r in rows]
        return "\n".join([head, sep, *body])
    if kind == 3:
        return "```\n" + draw(text) + "\n```"
    if kind == 4:
        return "<!-- " + draw(text) + " -->"
    if kind == 5:
        return ">" * draw(st.integers(1, 200)) + " " + draw(text)
    return draw(text)


@st.composite
def document(draw: st.DrawFn) -> str:
    """A whole document, sometimes with (possibly broken) front matter and CR/LF mixes."""
    parts = draw(st.lists(block(), max_size=25))
    body = "\n\n".join(parts)
    if draw(st.booleans()):
        front = draw(
            st.sampled_from(["title: x", "leverlint: {disable: [LL002]}", "a: [b", ": :", ""])
        )
        body = f"---\n{front}\n---\n" + body
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return body.replace("\n", newline)
