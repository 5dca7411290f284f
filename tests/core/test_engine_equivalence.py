"""durable-rules and the reference evaluator must agree on every generated event."""

from __future__ import annotations

from sanctions_check import check
from sanctions_check.model.ruleset import RuleSet

from benchmarks.generate import events


def _findings(report) -> list[tuple[str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return [(r.event_id, tuple(f.rule_id for f in r.findings)) for r in report.results]


def test_both_engines_find_the_same_on_3000_generated_events(rules: RuleSet) -> None:
    batch = list(events(3000, "dprk", seed=7))
    durable = check(batch, rules, engine="durable", timestamp="t")
    reference = check(batch, rules, engine="reference", timestamp="t")
    assert durable.summary.evaluated == 3000
    assert _findings(durable) == _findings(reference)
    assert durable.summary.findings > 0


def test_verify_mode_runs_both_engines(rules: RuleSet) -> None:
    report = check(list(events(300, "dprk", seed=8)), rules, verify=True, timestamp="t")
    assert report.verified_engines == ["durable-rules", "reference"]


def test_compiled_predicates_mean_what_the_tests_mean(rules: RuleSet) -> None:
    from sanctions_check.classify import classifier_for
    from sanctions_check.engine.conditions import conjunction, matches, provision_clauses
    from sanctions_check.engine.facts import build_fact
    from sanctions_check.model.event import Event

    classifier = classifier_for(rules)
    facts = []
    for record in events(800, "dprk", seed=9):
        event = Event.model_validate(record)
        facts.append(build_fact(event, classifier.classify(event), rules.conversions,
                                frozenset({"refined-petroleum"}), frozenset({"entity"})))
    for provision in rules.provisions:
        clauses = provision_clauses(provision)
        compiled = conjunction(clauses)
        assert [compiled(f) for f in facts] == [matches(clauses, f) for f in facts], provision.id
