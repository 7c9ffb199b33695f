"""The lookup lemmatizer: the table's reading, its known gaps and fixes."""

from __future__ import annotations

import pytest

from leverlint.nlp import lemmatize, make_doc


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        # straight from the table
        ("decoupling", "decouple"),
        ("Increased", "increase"),
        # a compound, part by part
        ("dead-letters", "dead-letter"),
        ("install\u2011time", "install-time"),
        ("re-routing", "re-route"),
        # forms the table lacks, brought back to a base it knows
        ("sharding", "shard"),
        ("sharded", "shard"),
        ("re-architecting", "re-architect"),
        ("sandboxing", "sandbox"),
        # no known base: the word stays as written
        ("autoscaling", "autoscaling"),
        # nouns the table reads as another word stay as written
        ("setting", "setting"),
        ("feed", "feed"),
        ("crew", "crew"),
        ("second", "second"),
        # degree words keep their form ("more" is not "much", "worse" not "wrong")
        ("more", "more"),
        ("much", "much"),
        ("least", "least"),
        ("worse", "worse"),
        # "as" is not the plural of the letter "a"; "does" is a form of "do"
        ("as", "as"),
        ("does", "do"),
    ],
)
def test_lemmatize(word: str, lemma: str) -> None:
    assert lemmatize(word) == lemma


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # a dotted name from code is one word, not three sentences
        ("Set pod.Spec.Overhead now.", ["Set", "pod.Spec.Overhead", "now", "."]),
        # an abbreviation and a sentence end are left alone
        ("Use e.g. caches. Then stop.", ["Use", "e.g.", "caches", ".", "Then", "stop", "."]),
        # hyphen compounds and amounts, as before
        ("Pay on-call $20k.", ["Pay", "on-call", "$20k", "."]),
        # a non-breaking hyphen joins words as a hyphen does
        ("Block install\u2011time scripts.", ["Block", "install\u2011time", "scripts", "."]),
        # a file path is one word: its folders are not words of the sentence
        (
            "Copy docs/02-guidelines/tokens.css now.",
            ["Copy", "docs/02-guidelines/tokens.css", "now", "."],
        ),
        ("See a/b.ts:93 first.", ["See", "a/b.ts:93", "first", "."]),
        # words joined by slashes list choices, as one slash does
        (
            "Add a query/dashboard/alarm.",
            ["Add", "a", "query", "/", "dashboard", "/", "alarm", "."],
        ),
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    from leverlint.nlp import make_doc

    assert [t.text for t in make_doc(text)] == tokens


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Alerting: add an alert on queue depth", "add"),
        ("Network isolation \u2014 Ensure the PLCs are segmented", "Ensure"),
        ("Account lockout - Lock accounts after five failures", "Lock"),
        ("Jane (ops, 2 days): add an alert", None),  # not a short label of words
        ("At 10:30 the job failed", None),
        ("Monitoring", None),
        ("Quote-Grounding Eval: Build a labelled set of claims", "Build"),  # hyphenated word
        ("Kube-Scheduler tuning: raise the QPS limit", "raise"),
        # a leading time or condition clause frames the instruction after its comma
        ("Before finalizing the answer, verify each claim", "verify"),
        ("Citations: if a claim has no source, flag it", "flag"),
        ("When in doubt ask the on-call", None),  # no comma: no frame to skip
        # an owner named as in minutes: the task's verb leads
        ("Stephen to update the PR template", "update"),
        ("Beyang and Christina to write the checklist", "write"),
        ("Plan to migrate the tables", None),  # a word, not a name
        ("Stephen to the rescue", None),  # no verb after "to"
    ],
)
def test_topic_label_starts_a_sentence(text: str, lead: str | None) -> None:
    doc = make_doc(text)
    index = doc.user_data.get("lead")
    assert (doc[index].text if index is not None else None) == lead
    if index is not None:
        assert doc[index].is_sent_start
