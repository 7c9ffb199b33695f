"""The learned secondary signal: features, training, and the close-call rule."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT

from leverlint.learned import MODEL_FILE, Model, dump, features, from_data, shipped_data, train
from leverlint.nlp import make_doc
from leverlint.rulepack import Rule
from leverlint.tagging import Tagger


def lemmas(text: str) -> list[str]:
    return [t.lemma_ for t in make_doc(text)]


def test_features_are_content_lemmas_pairs_and_the_opening_word() -> None:
    got = features(lemmas("Raise the limits to 40"))
    assert "raise" in got and "limit" in got
    assert "the" not in got  # a function word alone says nothing
    assert "raise the" in got and "to #" in got  # pairs keep them; numbers are '#'
    assert "^raise" in got
    assert len(got) == len(set(got))


EXAMPLES = [
    ("Publish the error budget every week", 6),
    ("Publish the on-call load to the whole team", 6),
    ("Show the queue depth on a dashboard", 6),
    ("Raise the timeout to 30 seconds", 12),
    ("Raise the batch size to 500", 12),
    ("Lower the retry limit to 3", 12),
]


def model_from(examples: list[tuple[str, int]]) -> Model:
    return from_data(train((lemmas(text), level) for text, level in examples))


def test_guess_picks_the_level_whose_examples_share_the_words() -> None:
    model = model_from(EXAMPLES)
    guess = model.guess(lemmas("Publish the deploy calendar"))
    assert guess is not None and guess.level == 6
    assert 0.5 < guess.probability <= 1.0
    assert "publish" in guess.words
    assert model.guess(lemmas("zebra quartz")) is None  # nothing it has seen


def test_training_is_byte_stable() -> None:
    a = dump(train((lemmas(t), lv) for t, lv in EXAMPLES))
    b = dump(train((lemmas(t), lv) for t, lv in reversed(EXAMPLES)))
    assert a == b


RULES = [
    Rule("t.publish", 6, "shares information", 2.0, (({"LEMMA": "publish"},),), (1,),
         (), (), (), "x"),
    Rule("t.weekly", 9, "changes how often", 1.8, (({"LEMMA": "weekly"},),), (1,),
         (), (), (), "x"),
]  # fmt: skip


def test_close_call_goes_to_the_model_only_with_rule_evidence_for_its_level() -> None:
    model = model_from([("Publish sales weekly", 9), ("Report weekly", 9), ("Publish docs", 6)])
    with_model = Tagger(RULES, model).decide_texts(["Publish sales weekly"])[0]
    rules_only = Tagger(RULES).decide_texts(["Publish sales weekly"])[0]
    assert rules_only.level == 6 and rules_only.by == "rules"
    assert with_model.level == 9 and with_model.by == "close call"
    assert with_model.evidence()[0].rule == "t.weekly"  # still the rule's evidence
    # no rule found level 9 here, so the model cannot pick it
    assert Tagger(RULES, model).decide_texts(["Publish sales"])[0].level == 6


def test_no_close_call_when_the_rival_is_far_behind() -> None:
    far = Rule("t.weekly", 9, "x", 0.5, (({"LEMMA": "weekly"},),), (1,), (), (), (), "x")
    model = model_from([("Publish sales weekly", 9), ("Report weekly", 9), ("Publish docs", 6)])
    decision = Tagger([RULES[0], far], model).decide_texts(["Publish sales weekly"])[0]
    assert decision.level == 6  # 0.5 is far below two thirds of level 6's 2.5


def test_shipped_model_is_what_training_on_this_repo_gives() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import train as trainer  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    sets = trainer.training_sets()
    data = train((lm, lv) for examples in sets.values() for lm, lv, _ in examples)
    if not MODEL_FILE.is_file():
        pytest.fail(f"{MODEL_FILE} is missing: run python benchmarks/train.py")
    # compared as data, not bytes: zlib builds may compress differently
    assert shipped_data() == json.loads(json.dumps(data)), "stale: run python benchmarks/train.py"


def test_no_close_call_on_text_the_model_mostly_has_not_seen() -> None:
    model = model_from([("Publish sales weekly", 9), ("Report weekly", 9), ("Publish docs", 6)])
    text = "Publish sales weekly via zorbling quexes on flinders"
    guess = model.guess(lemmas(text))
    assert guess is not None and guess.level == 9 and guess.coverage < 0.5
    assert Tagger(RULES, model).decide_texts([text])[0].level == 6
