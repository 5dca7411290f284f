"""Provisions -> durable-rules ruleset definitions (the engine's JSON form)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sanctions_check.engine.conditions import Clause, Test, provision_clauses
from sanctions_check.model.rule import Provision

# The engine gives up on an event (error 303) when more than 64 distinct tests are
# true at once; shards stay under this many distinct tests each.
SHARD_TEST_LIMIT = 60

_DURABLE_OPS = {"gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}


def _test_json(test: Test) -> dict[str, Any]:
    if test.op == "eq":
        return {test.field: test.value}
    return {_DURABLE_OPS[test.op]: {test.field: test.value}}


def _clause_json(clause: Clause) -> dict[str, Any]:
    if len(clause) == 1:
        return _test_json(clause[0])
    return {"$or": [_test_json(t) for t in clause]}


def rule_json(clauses: list[Clause]) -> dict[str, Any]:
    # Every rule tests the type tag first: a rule testing only ids or absent fields
    # loops forever on the engine's own state record (measured on durable-rules 2.0.28; pinned in tests/core/test_engine_semantics.py).
    tests = [{"t": "event"}] + [_clause_json(c) for c in clauses]
    return {"all": [{"m": {"$and": tests}}]}


def compile_provisions(provisions: list[Provision]) -> dict[str, Any]:
    return {p.id: rule_json(provision_clauses(p)) for p in provisions}


def _distinct_tests(provision: Provision) -> set[Test]:
    return {t for clause in provision_clauses(provision) for t in clause}


def shard(provisions: list[Provision], limit: int = SHARD_TEST_LIMIT) -> list[list[Provision]]:
    """Pack provisions into groups whose distinct tests stay under the engine's limit."""
    shards: list[tuple[list[Provision], set[Test]]] = []
    for provision in provisions:
        tests = _distinct_tests(provision)
        for members, seen in shards:
            if len(seen | tests) <= limit:
                members.append(provision)
                seen |= tests
                break
        else:
            shards.append(([provision], set(tests)))
    return [members for members, _ in shards]


def definition_hash(definition: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()[:16]
