"""The tagger: rule examples, precedence, invariance under noise, evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from leverlint.noise import clean
from leverlint.packcheck import example_tagger
from leverlint.redflags import RedFlagMatcher, get_red_flag_matcher, load_red_flags
from leverlint.rulepack import Rule, expand_token, load_rules
from leverlint.tagging import Tagger, get_tagger

RULES = load_rules()
CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "tagging.yaml").read_text(encoding="utf-8")
)


def _rule_ids_matching(text: str, rule: Rule | None = None) -> set[str]:
    """The rules whose evidence the tagger keeps for ``text``; a rule's
    examples are tried as ``leverlint rules --check`` tries them."""
    tagger = get_tagger() if rule is None else example_tagger(rule, get_tagger())
    decision = tagger.decide_texts([clean(text)])[0]
    return {c.rule.id for c in decision.candidates}


_BY_ID = {rule.id: rule for rule in RULES}


def _examples() -> list[tuple[str, str, bool]]:
    out = []
    for rule in RULES:
        out += [(rule.id, t, True) for t in rule.match_examples]
        out += [(rule.id, t, False) for t in rule.nomatch_examples]
    return out


def test_every_rule_has_examples_both_ways() -> None:
    for rule in RULES:
        assert rule.match_examples, f"{rule.id} has no match examples"
        assert rule.nomatch_examples, f"{rule.id} has no no-match examples"


@pytest.mark.parametrize(("rule_id", "text", "should"), _examples())
def test_rule_example(rule_id: str, text: str, should: bool) -> None:
    assert (rule_id in _rule_ids_matching(text, _BY_ID[rule_id])) is should


@pytest.mark.parametrize("case", CASES["precedence"], ids=lambda c: c["text"])
def test_precedence(case: dict[str, Any]) -> None:
    assert get_tagger().decide_texts([clean(case["text"])])[0].level == case["level"]


@pytest.mark.parametrize("case", CASES["invariance"], ids=lambda c: c["base"])
def test_noise_modality_negation_keep_level(case: dict[str, Any]) -> None:
    texts = [case["base"], *case["variants"]]
    levels = [d.level for d in get_tagger().decide_texts([clean(t) for t in texts])]
    assert levels[0] is not None
    assert levels == [levels[0]] * len(texts)


def test_evidence_names_rule_words_and_reason_winner_first() -> None:
    d = get_tagger().decide_texts(["Lower the alert threshold for disk usage to 70%."])[0]
    ev = d.evidence()
    assert d.level == 12 and ev[0].level == 12
    assert ev[0].rule.startswith("parameter.") and ev[0].match and ev[0].reason
    assert any(e.level == 8 for e in ev), "the losing alert evidence is still shown"


def test_untagged_is_none_with_no_evidence() -> None:
    d = get_tagger().decide_texts(["Look into it."])[0]
    assert d.level is None and d.evidence() == ()


def test_red_flag_examples() -> None:
    flags = load_red_flags()
    matcher = RedFlagMatcher(flags)
    for flag in flags:
        assert flag.match_examples and flag.nomatch_examples, flag.id
        hits = matcher.find_in_texts([*flag.match_examples, *flag.nomatch_examples])
        n = len(flag.match_examples)
        for text, found in zip(flag.match_examples, hits[:n], strict=True):
            assert flag.id in {h[0] for h in found}, f"{flag.id} should match {text!r}"
        for text, found in zip(flag.nomatch_examples, hits[n:], strict=True):
            assert flag.id not in {h[0] for h in found}, f"{flag.id} should not match {text!r}"


def test_tie_goes_to_weaker_level() -> None:
    a = Rule("t.a", 3, "a", 1.0, ((({"LOWER": "alpha"},)),), (1,), (), (), (), "x")
    b = Rule("t.b", 12, "b", 1.0, ((({"LOWER": "alpha"},)),), (1,), (), (), (), "x")
    assert Tagger([a, b]).decide_texts(["alpha"])[0].level == 12


def _flag_vocabulary() -> list[str]:
    words: set[str] = set()
    for flag in load_red_flags():
        for pattern in flag.patterns:
            for token in pattern:
                for attr in ("LEMMA", "LOWER", "ORTH"):
                    value = token.get(attr)
                    if isinstance(value, dict) and "IN" in value:
                        words.update(value["IN"])
    inflected = {w + suffix for w in words for suffix in ("s", "ed", "ing")}
    extra = ["we", "the", "this", "is", "won't", "can't", "don't", "Really", "non-urgent"]
    return [*sorted(words | inflected), *extra]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_flag_vocabulary()), min_size=1, max_size=12))
def test_prose_prefilter_never_hides_a_match(words: list[str]) -> None:
    matcher = get_red_flag_matcher()
    text = " ".join(words)
    doc = matcher.nlp(text)
    if matcher._matcher(doc):
        assert matcher._matcher.may_match(text), text


def test_prose_prefilter_passes_every_example() -> None:
    matcher = get_red_flag_matcher()
    for flag in load_red_flags():
        for text in flag.match_examples:
            assert matcher._matcher.may_match(text), text
            assert matcher._matcher.may_match(text.upper()), text


def test_every_shipped_pattern_compiles() -> None:
    """Shipped patterns compile lazily at run time; here every one is built."""
    matcher = get_tagger()._matcher
    for number in range(len(matcher._patterns)):
        assert matcher.matcher(number) is not None


def test_no_word_listed_twice_in_a_class_or_alternation() -> None:
    """A repeated word is harmless to matching but a sign of a sloppy edit."""
    classes = yaml.safe_load((ROOT / "rules" / "classes.yaml").read_text(encoding="utf-8"))
    for name, words in classes["classes"].items():
        assert len(words) == len(set(map(str, words))), name
    for pack in sorted((ROOT / "rules" / "levels").glob("*.yaml")):
        for rule in yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]:
            for pattern in rule.get("patterns", []):
                for token in pattern:
                    if isinstance(token, str) and "|" in token:
                        alts = token.rstrip("?*+!").split("|")
                        assert len(alts) == len(set(alts)), (rule["id"], token)


def test_num_in_an_alternation_matches_numbers_and_the_words() -> None:
    more = Rule(
        "t.more", 12, "x", 1.0,
        (({"LOWER": "more"}, expand_token("NUM|few|couple", {}, "t")[0], {"LEMMA": "server"}),),
        (3,), (), (), (), "x",
    )  # fmt: skip
    decide = Tagger([more]).decide_texts
    hits = decide(["Add more 3 servers", "Add more few servers", "Add more many servers"])
    assert [d.level for d in hits] == [12, 12, None]


def test_a_window_may_span_more_than_nine_words() -> None:
    token, _ = expand_token("~12", {}, "t")
    assert token == {"ORTH": {"NOT_IN": list(token["ORTH"]["NOT_IN"])}, "OP": "{0,12}"}


@pytest.mark.parametrize(
    ("text", "level", "by"),
    [
        ("Audit the straps.", 8, "verb"),  # only the fallback matched
        ("Audit the alpha straps.", 3, "rules"),  # another rule matched: fallback ignored
        ("Tests show that audit is slow.", None, "rules"),  # not at the start
        ("Audits are slow.", None, "rules"),  # -s form: a noun
        ("Audit of the straps.", None, "rules"),  # a noun followed by "of"
        ("Straps: audit them weekly.", 8, "verb"),  # after a topic label
    ],
)
def test_fallback_only_when_nothing_else_matched(text: str, level: int | None, by: str) -> None:
    fallback = Rule(
        "t.verb",
        8,
        "t.verb",
        0.5,
        (({"IS_SENT_START": True, "LEMMA": "audit", "LOWER": {"REGEX": "^(?!.*[^s]s$)"}},),),
        (1,),
        (),
        (),
        (),
        "x",
        fallback=True,
    )
    other = Rule("t.alpha", 3, "t.alpha", 1.0, (({"LOWER": "alpha"},),), (1,), (), (), (), "x")
    decision = Tagger([fallback, other]).decide_texts([text])[0]
    assert (decision.level, decision.by) == (level, by)
