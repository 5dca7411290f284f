"""A provision's `when` and dates as clauses of tests: all clauses hold, any test in a clause.

This is the one place each operator is defined. The durable-rules compiler and the
reference evaluator both consume these clauses, so they cannot drift apart in meaning.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any, Callable

from sanctions_check.engine.facts import cap_field, category_field, day_number, flag_field
from sanctions_check.model.rule import Provision, Threshold, When

OPS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


@dataclass(frozen=True)
class Test:
    field: str
    op: str
    value: Any

    def holds(self, fact: dict[str, Any]) -> bool:
        # A missing field never satisfies a test: durable-rules behaves the same way.
        if self.field not in fact:
            return False
        return OPS[self.op](fact[self.field], self.value)


Clause = tuple[Test, ...]


def _any(field: str, values: list[Any]) -> Clause:
    return tuple(Test(field, "eq", v) for v in values)


def _threshold(field: str, threshold: Threshold) -> list[Clause]:
    return [
        (Test(field, op, float(bound)),)
        for op, bound in (("gt", threshold.gt), ("gte", threshold.gte), ("lt", threshold.lt), ("lte", threshold.lte))
        if bound is not None
    ]


def when_clauses(when: When) -> list[Clause]:
    """The event tests of a `when` block, in a fixed field order so rules share engine nodes."""
    clauses: list[Clause] = []
    if when.kind:
        clauses.append(_any("kind", list(when.kind)))
    if when.direction == "to_dprk":
        clauses.append((Test("to_dprk", "eq", 1),))
    elif when.direction == "from_dprk":
        clauses.append((Test("from_dprk", "eq", 1),))
    elif when.direction == "to_or_from_dprk":
        clauses.append((Test("to_dprk", "eq", 1), Test("from_dprk", "eq", 1)))
    for group in (when.categories, when.with_categories):
        if group:
            clauses.append(tuple(Test(category_field(c), "eq", 1) for c in group))
    if when.hs:
        clauses.append(tuple(Test(f"hs{len(p)}", "eq", p) for p in when.hs))
    if when.vessel_activity:
        clauses.append(_any("vessel_activity", list(when.vessel_activity)))
    if when.vessel_flag:
        clauses.append(tuple(Test(flag_field(code), "eq", 1) for code in when.vessel_flag))
    if when.origin_country:
        clauses.append(_any("origin_country", list(when.origin_country)))
    if when.destination_country:
        clauses.append(_any("destination_country", list(when.destination_country)))
    if when.via:
        clauses.append(tuple(Test(f"via_{code}", "eq", 1) for code in when.via))
    for field in ("value_usd", "barrels", "tonnes"):
        threshold = getattr(when, field)
        if threshold is not None:
            clauses.extend(_threshold(field, threshold))
    if when.cap_exceeded:
        clauses.append((Test(cap_field(when.cap_exceeded), "eq", 1),))
    if when.designated:
        clauses.append(tuple(Test(f"designated_{t}", "eq", 1) for t in when.designated))
    return clauses


def provision_clauses(provision: Provision) -> list[Clause]:
    """`when` plus the dates: a provision covers an act if any day of it (date to end_date)
    falls inside the provision's time in force."""
    clauses = when_clauses(provision.when)
    clauses.append((Test("day_end", "gte", day_number(provision.in_force.start)),))
    if provision.in_force.until is not None:
        clauses.append((Test("day", "lte", day_number(provision.in_force.until)),))
    return clauses


# Fields an event may simply not report; a provision that turns on one of them "might
# apply" (insufficient_data) when everything else holds. HS prefixes count only for an
# item that could not be classified at all: a classified item without an HS code is
# judged by its categories.
_MAY_BE_MISSING = ("value_usd", "barrels", "tonnes")
_HS_FIELDS = ("hs2", "hs4", "hs6")


Predicate = Callable[[dict[str, Any]], bool]
_ABSENT = object()


def clause_predicate(clause: Clause) -> Predicate:
    """One clause as a fast function of the fact, with the meaning of `Test.holds`.

    The reference evaluator runs every provision on every event, so the common shapes
    (one field equal to any of several values; any of several flags) become set or key
    look-ups instead of a loop over tests.
    """
    if all(t.op == "eq" for t in clause) and len({t.field for t in clause}) == 1:
        field, values = clause[0].field, frozenset(t.value for t in clause)
        return lambda fact: fact.get(field, _ABSENT) in values
    if all(t.op == "eq" and t.value == 1 for t in clause):
        fields = tuple(t.field for t in clause)
        return lambda fact: any(fact.get(f) == 1 for f in fields)
    if len(clause) == 1:
        test = clause[0]
        field, compare, bound = test.field, OPS[test.op], test.value
        return lambda fact: field in fact and compare(fact[field], bound)
    return lambda fact: any(test.holds(fact) for test in clause)


def conjunction(clauses: list[Clause]) -> Predicate:
    """All clauses hold."""
    predicates = tuple(clause_predicate(c) for c in clauses)
    return lambda fact: all(p(fact) for p in predicates)


def matches(clauses: list[Clause], fact: dict[str, Any]) -> bool:
    return all(any(test.holds(fact) for test in clause) for clause in clauses)


class MissingFields:
    """For `insufficient_data`: provisions that might apply but turn on a field the event
    does not report (a value, a quantity, or an HS code for an item that could not be
    classified at all), when every other test holds."""

    def __init__(self, provisions: list[Provision]) -> None:
        self._rules: list[tuple[Provision, frozenset[str] | None, list[tuple[str, Clause, Predicate]]]] = []
        for provision in provisions:
            typed = []
            for clause in provision_clauses(provision):
                fields = {t.field for t in clause}
                role = ("numeric" if fields <= set(_MAY_BE_MISSING)
                        else "hs" if fields <= set(_HS_FIELDS) else "required")
                typed.append((role, clause, clause_predicate(clause)))
            # Required clauses first: most provisions fail there, before any field is missing.
            typed.sort(key=lambda entry: entry[0] != "required")
            if any(role != "required" for role, *_ in typed):
                kinds = frozenset(provision.when.kind) if provision.when.kind else None
                self._rules.append((provision, kinds, typed))

        # Candidates by event kind, computed on first use of each kind.
        self._by_kind: dict[str, list[tuple[Provision, list[tuple[str, Clause, Predicate]]]]] = {}

    def _for_kind(self, kind: str) -> list[tuple[Provision, list[tuple[str, Clause, Predicate]]]]:
        if kind not in self._by_kind:
            self._by_kind[kind] = [(p, typed) for p, kinds, typed in self._rules if kinds is None or kind in kinds]
        return self._by_kind[kind]

    def find(self, fact: dict[str, Any], matched: set[str]) -> list[tuple[Provision, list[str]]]:
        if all(k in fact for k in (*_MAY_BE_MISSING, "hs2")):
            return []
        unclassified = not any(key.startswith(("c_", "hs")) for key in fact)
        found = []
        for provision, typed in self._for_kind(fact["kind"]):
            if provision.id in matched:
                continue
            missing = _missing(typed, fact, unclassified)
            if missing:
                found.append((provision, missing))
        return found


def _missing(typed: list[tuple[str, Clause, Predicate]], fact: dict[str, Any], unclassified: bool) -> list[str]:
    missing: list[str] = []
    for role, clause, holds in typed:
        if holds(fact):
            continue
        if role == "numeric" and not any(t.field in fact for t in clause):
            missing.extend(sorted({t.field for t in clause}))
        elif role == "hs" and unclassified:
            missing.append("item.hs_code")
        else:
            return []
    return missing
