"""Every provision's own examples, through both engines (the Semgrep way: ruleid / ok)."""

from __future__ import annotations

import pytest

from sanctions_check import load_rules
from sanctions_check.ruleset.examples import iter_examples, run_examples

_RULES = load_rules()
_CASES = [(p.id, label) for p in _RULES.provisions for label, *_ in iter_examples(p)]


def test_every_provision_has_a_violating_example_and_a_near_miss() -> None:
    for provision in _RULES.provisions:
        assert provision.examples.violates and provision.examples.near_miss, provision.id


@pytest.mark.parametrize("rule_id,label", _CASES, ids=[f"{r}:{label}" for r, label in _CASES])
def test_rule_example(rule_id: str, label: str) -> None:
    outcome = next(o for o in run_examples(_RULES, only=rule_id) if o.label == label)
    assert outcome.passed, f"{rule_id} {label} ({outcome.note}): {outcome.detail}"
