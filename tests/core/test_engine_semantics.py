"""The durable-rules traps measured in tests/core/test_engine_semantics.py (measured on durable-rules 2.0.28), each pinned.

Each test shows the raw engine behaviour that would lose a finding, then that the
adapter does not lose it.
"""

from __future__ import annotations

import json
import threading

import durable_rules_engine as raw
import pytest

from sanctions_check.engine.compile import SHARD_TEST_LIMIT, shard
from sanctions_check.engine.durable import DurableEvaluator
from sanctions_check.engine.reference import ReferenceEvaluator
from sanctions_check.model.rule import Provision

_RULES = {
    "a": {"all": [{"m": {"$and": [{"t": "event"}, {"kind": "transfer"}]}}]},
    "b": {"all": [{"m": {"$and": [{"t": "event"}, {"$or": [{"c_x": 1}, {"c_y": 1}]}]}}]},
    "c": {"all": [{"m": {"$and": [{"t": "event"}, {"$gte": {"day": 20090612}}]}}]},
}


def _drain(handle: int, state: int) -> list[str]:
    fired = []
    result = raw.start_action_for_state(handle, state)
    if result:
        fired += list(json.loads(result[1]))
        while (following := raw.complete_and_start_action(handle, state)):
            fired += list(json.loads(following))
    return fired


def _provision(rule_id: str, when: dict, start: str = "2006-10-14") -> Provision:
    return Provision.model_validate({
        "id": rule_id, "resolution": 1718, "paragraph": "8", "citation": "c", "title": "t",
        "adopted": "2006-10-14", "in_force": {"from": start}, "quote": "quote", "obligated": "all",
        "direction": "to_dprk", "verified": True, "verification": "v", "when": when,
        "explanation": "x", "examples": {"violates": [{}], "near_miss": [{}]},
    })


def test_posted_event_is_consumed_by_the_first_matching_rule() -> None:
    handle = raw.create_ruleset("trap_post", json.dumps(_RULES))
    code, state = raw.assert_event(handle, json.dumps({"id": "p1", "sid": "0", "t": "event", "kind": "transfer", "c_x": 1, "day": 20100101}))
    assert code == 0
    assert len(set(_drain(handle, state))) == 1  # three rules match, one fires


def test_asserted_fact_fires_every_matching_rule_and_or_fires_twice() -> None:
    handle = raw.create_ruleset("trap_fact", json.dumps(_RULES))
    fact = json.dumps({"id": "f1", "sid": "0", "t": "event", "kind": "transfer", "c_x": 1, "c_y": 1, "day": 20100101})
    code, state = raw.assert_fact(handle, fact)
    fired = _drain(handle, state)
    raw.retract_fact(handle, fact)
    assert sorted(set(fired)) == ["a", "b", "c"]
    assert fired.count("b") == 2  # both OR branches true: the adapter collects into a set


def test_adapter_reports_all_matching_provisions_once() -> None:
    provisions = [
        _provision("p-kind", {"kind": ["transfer"]}),
        _provision("p-cat", {"kind": ["transfer"], "categories": ["battle_tanks", "ammunition"]}),
        _provision("p-late", {"kind": ["transfer"]}, start="2030-01-01"),
    ]
    fact = {"t": "event", "kind": "transfer", "c_battle_tanks": 1, "c_ammunition": 1, "day": 20240101, "day_end": 20240101}
    assert DurableEvaluator(provisions).evaluate(fact) == {"p-kind", "p-cat"}


def test_fact_that_matches_nothing_means_no_findings() -> None:
    provisions = [_provision("p-kind", {"kind": ["service"]})]
    assert DurableEvaluator(provisions).evaluate({"t": "event", "kind": "transfer", "day": 20240101, "day_end": 20240101}) == set()


def test_user_ids_with_colliding_hashes_do_not_delete_each_others_facts() -> None:
    # evt-462789 and evt-679192 collide in the engine's 32-bit id hash; the adapter
    # never uses the user's id as the engine id, so both events are judged alike.
    evaluator = DurableEvaluator([_provision("p-kind", {"kind": ["transfer"]})])
    for user_id in ("evt-462789", "evt-679192", "evt-462789"):
        assert evaluator.evaluate({"t": "event", "kind": "transfer", "day": 20240101, "day_end": 20240101, "event_id": user_id}) == {"p-kind"}


def test_raw_engine_rejects_a_second_fact_with_a_colliding_id() -> None:
    handle = raw.create_ruleset("trap_ids", json.dumps(_RULES))
    first = {"id": "evt-462789", "sid": "0", "t": "event", "kind": "transfer", "day": 1}
    raw.assert_fact(handle, json.dumps(first))
    _drain(handle, 1)
    code, _ = raw.assert_fact(handle, json.dumps(dict(first, id="evt-679192")))
    assert code == 2  # "already observed": the second event would be lost


def test_more_than_64_true_tests_falls_back_to_shards() -> None:
    # 70 provisions each testing a different category, all true for one event: the
    # single ruleset hits engine error 303; the shards (packed under the limit) do not.
    categories = [f"x{n}" for n in range(70)]
    provisions = [_provision(f"p{n}", {"kind": ["transfer"], "categories": [c]}) for n, c in enumerate(categories)]
    fact = {"t": "event", "kind": "transfer", "day": 20240101, "day_end": 20240101, **{f"c_{c}": 1 for c in categories}}
    assert len(shard(provisions)) > 1
    assert all(len({t for p in group for t in _tests(p)}) <= SHARD_TEST_LIMIT for group in shard(provisions))
    from sanctions_check.engine.compile import compile_provisions

    whole = raw.create_ruleset("trap_303", json.dumps(compile_provisions(provisions)))
    with pytest.raises(Exception, match="303"):
        raw.assert_fact(whole, json.dumps(dict(fact, id="w1", sid="0")))
    expected = ReferenceEvaluator(provisions).evaluate(fact)
    assert len(expected) == 70
    assert DurableEvaluator(provisions).evaluate(fact) == expected


def _tests(provision: Provision) -> set:
    from sanctions_check.engine.conditions import provision_clauses

    return {t for clause in provision_clauses(provision) for t in clause}


def test_rules_have_no_python_actions_so_no_exception_is_swallowed() -> None:
    from sanctions_check.engine.compile import compile_provisions

    definition = compile_provisions([_provision("p-kind", {"kind": ["transfer"]})])
    assert all("run" not in rule for rule in definition.values())
    assert all(rule["all"][0]["m"]["$and"][0] == {"t": "event"} for rule in definition.values())


def test_four_threads_on_one_evaluator_lose_no_firing() -> None:
    provisions = [_provision(f"p{n}", {"kind": ["transfer"], "categories": [f"k{n}"]}) for n in range(5)]
    evaluator = DurableEvaluator(provisions)
    fact = {"t": "event", "kind": "transfer", "day": 20240101, "day_end": 20240101, **{f"c_k{n}": 1 for n in range(5)}}
    results: list[set[str]] = []

    def work() -> None:
        for _ in range(200):
            results.append(evaluator.evaluate(fact))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 800
    assert all(found == {f"p{n}" for n in range(5)} for found in results)


@pytest.mark.parametrize("value,expected", [(20170901, False), (20171222, True)])
def test_dates_compare_as_numbers_not_strings(value: int, expected: bool) -> None:
    # As strings '2017-9-01' >= '2017-12-22' is true; as yyyymmdd integers it is not.
    evaluator = DurableEvaluator([_provision("p-late", {"kind": ["transfer"]}, start="2017-12-22")])
    assert (evaluator.evaluate({"t": "event", "kind": "transfer", "day": value, "day_end": value}) == {"p-late"}) is expected


def test_batched_assert_reports_not_handled_for_a_batch_that_did_match() -> None:
    # assert_facts answers "not handled" (code 1, which the Python wrapper raises as
    # MessageNotHandledException) for the whole batch when one fact matches nothing,
    # although the other fact matched: its action is left queued. A caller reading the
    # code would drop that finding, so the adapter asserts one fact per call.
    handle = raw.create_ruleset("trap_batch", json.dumps(_RULES))
    facts = [{"id": "b1", "sid": "0", "t": "event", "kind": "transfer", "day": 1},
             {"id": "b2", "sid": "0", "t": "event", "kind": "service", "day": 1}]
    code, state = raw.assert_facts(handle, json.dumps(facts))
    assert code == 1
    assert _drain(handle, state) == ["a"]  # the finding for b1 was there all along


def test_exception_in_a_python_action_is_swallowed_by_durable_lang() -> None:
    # Why the adapter has no Python actions: durable.lang catches the exception and
    # stores it in the state record; the caller gets no error.
    from durable.lang import assert_fact, ruleset, when_all, m

    with ruleset("trap_action_exception"):
        @when_all(m.t == "event")
        def boom(c) -> None:  # type: ignore[no-untyped-def]
            raise ValueError("a finding lost here")

    state = assert_fact("trap_action_exception", {"t": "event", "x": 1})
    assert "a finding lost here" in state["exception"]
