"""``leverlint rules --check PACK``: validate a pack and run its examples.

The rule-pack author's test loop: every ``match`` example must be matched by
its rule and every ``no-match`` example must not be. A fallback rule is
tried on its own, since other rules' matches would hide it.
"""

from __future__ import annotations

from pathlib import Path

from leverlint.noise import clean
from leverlint.rulepack import Rule, load_classes, load_pack, pack_files
from leverlint.tagging import Tagger


def example_tagger(rule: Rule, tagger: Tagger) -> Tagger:
    """The tagger that tries ``rule``'s examples: ``tagger`` (its pack's or
    all rules'), or the rule alone when it is a fallback, which is read only
    when no other rule matched."""
    return Tagger([rule]) if rule.fallback else tagger


def check_pack(path: Path) -> list[str]:
    """Failing examples as messages; raises RuleFileError for an invalid pack."""
    files = pack_files(path) if path.is_dir() else [path]
    classes = load_classes()
    failures: list[str] = []
    for file in files:
        rules = load_pack(file, classes)
        tagger = Tagger(rules)
        for rule in rules:
            examples = [(t, True) for t in rule.match_examples]
            examples += [(t, False) for t in rule.nomatch_examples]
            decisions = example_tagger(rule, tagger).decide_texts(clean(t) for t, _ in examples)
            for (text, should), decision in zip(examples, decisions, strict=True):
                matched = any(c.rule.id == rule.id for c in decision.candidates)
                if matched != should:
                    verb = "should match" if should else "should not match"
                    failures.append(f"{file}: rule {rule.id} {verb}: {text!r}")
    return failures
