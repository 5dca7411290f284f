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
