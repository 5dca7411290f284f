"""The plain-Python evaluator: the same clauses, no engine. It is the test oracle for
the durable-rules adapter, and `check --verify` runs both side by side."""

from __future__ import annotations

from typing import Any

from sanctions_check.engine.conditions import Predicate, conjunction, provision_clauses
from sanctions_check.model.rule import Provision


class ReferenceEvaluator:
    name = "reference"

    def __init__(self, provisions: list[Provision]) -> None:
        self._rules: list[tuple[str, Predicate]] = [(p.id, conjunction(provision_clauses(p))) for p in provisions]

    def evaluate(self, fact: dict[str, Any]) -> set[str]:
        return {rule_id for rule_id, holds in self._rules if holds(fact)}
