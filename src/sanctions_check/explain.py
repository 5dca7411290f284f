"""Explanations built from the facts that triggered a provision, never canned text.

The template of each provision (rules/) names placeholders; this module fills them from
the event, its classification and the clauses that matched.
"""

from __future__ import annotations

from typing import Any

from sanctions_check.classify import Classification
from sanctions_check.engine.conditions import Clause, Test
from sanctions_check.model.countries import DPRK
from sanctions_check.model.event import Event, Party
from sanctions_check.model.report import CapNote
from sanctions_check.model.rule import Provision

PLACEHOLDERS = (
    "flow", "item", "basis", "applies_from", "date", "value", "quantity", "vessel",
    "activity", "cap_total", "cap_limit", "cap_window", "origin", "destination", "parties", "designated",
)


def party_label(party: Party, role: str | None = None) -> str:
    """The party's label, with its role when it is the DPRK: 'DPRK (origin)'."""
    return f"{party.label} ({role})" if role and party.country == DPRK else party.label


def flow(event: Event) -> str:
    via = "".join(f" → {code} (transit)" for code in event.via)
    return f"{party_label(event.origin, 'origin')}{via} → {party_label(event.destination, 'destination')}"


def _category_of(test: Test) -> str | None:
    return test.field[2:].replace("__", ".") if test.field.startswith("c_") else None


def describe_test(test: Test, event: Event, classification: Classification, fact: dict[str, Any]) -> str:
    category = _category_of(test)
    if category is not None:
        how = classification.how(category)
        return how.describe() if how else category
    if test.field == "to_dprk":
        return f"destination {event.destination.country} (the DPRK)"
    if test.field == "from_dprk":
        return f"origin {event.origin.country} (the DPRK)"
    if test.field.startswith("hs"):
        source = "" if classification.hs_source == "event" else f", implied by the {classification.hs_source}"
        return f"HS {classification.hs} is under heading {test.value}{source}"
    if test.field in ("day", "day_end"):
        span = f" to {event.end_date.isoformat()}" if event.end_date else ""
        return f"date {event.date.isoformat()}{span}"
    if test.field.startswith("cap_"):
        return "the cap for the period is exceeded"
    value = fact.get(test.field)
    if test.op == "eq":
        return f"{test.field.replace('_', ' ')} {value}"
    symbol = {"gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}[test.op]
    return f"{test.field.replace('_', ' ')} {value:,.0f} {symbol} {test.value:,.0f}"


def matched_tests(clauses: list[Clause], fact: dict[str, Any]) -> list[Test]:
    """The first test that holds in each clause: the facts the finding rests on."""
    found = []
    for clause in clauses:
        for test in clause:
            if test.holds(fact):
                found.append(test)
                break
    return found


def item_label(event: Event) -> str | None:
    """The item as reported (`Item.label`), if there is one."""
    return event.item.label if event.item is not None else None


def _item(event: Event) -> str:
    item = event.item
    if item is None:
        return f"'{event.activity}'" if event.activity else event.kind
    if item.description:
        return f"'{item.description}'"
    if item.category:
        return item.category.replace("_", " ")
    return f"HS {item.hs_code}" if item.hs_code else "an unspecified item"


def _amount(event: Event) -> str:
    item = event.item
    if item is None or item.quantity is None:
        return "quantity not reported"
    unit = item.unit or "units"
    return f"{item.quantity:,.0f} {unit}"


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def cap_progress(cap: CapNote) -> str:
    """'529,479 of 500,000 barrels': the running total after the event, against each limit."""
    parts = []
    for measure, limit in cap.limits.items():
        total = cap.totals.get(measure)
        if total is not None:
            parts.append(f"{total:,.0f} of {limit:,.0f} {measure if measure != 'usd' else 'USD'}")
    return "; ".join(parts)


def _ship(name: str | None, imo: str | None, flag: str | None) -> str:
    return (name or "unnamed vessel") + (f" (IMO {imo})" if imo else "") + (f", flag {flag}" if flag else "")


def ships(event: Event) -> str:
    """The ships of the act as an explanation names them: the vessel, then the other ships."""
    named = [_ship(v.name, v.imo, v.flag) for v in (event.vessel, event.counterpart) if v is not None]
    named += [_ship(p.name, None, p.country) for p in (event.origin, event.destination, *event.intermediaries)
              if p.type == "vessel"]
    return " with ".join(named) if named else "no vessel reported"


def event_values(event: Event, fact: dict[str, Any]) -> dict[str, str]:
    """The placeholders that depend only on the event: computed once for all its findings."""
    return {
        "flow": flow(event),
        "item": _item(event),
        "date": event.date.isoformat(),
        "value": f"USD {fact['value_usd']:,.0f}" if "value_usd" in fact else "value not reported",
        "quantity": _amount(event),
        "vessel": ships(event),
        "activity": event.activity or (event.vessel.activity.replace("_", " ") if event.vessel and event.vessel.activity else event.kind),
        "origin": party_label(event.origin),
        "destination": party_label(event.destination),
        "parties": f"{party_label(event.origin)} and {party_label(event.destination)}",
    }


def explain(
    provision: Provision,
    event: Event,
    classification: Classification,
    fact: dict[str, Any],
    tests: list[Test],
    cap: CapNote | None = None,
    designated: str = "",
    base: dict[str, str] | None = None,
) -> str:
    basis_parts = [describe_test(t, event, classification, fact) for t in tests if _category_of(t) or t.field.startswith("hs")]
    values = dict(base if base is not None else event_values(event, fact))
    values["basis"] = "; ".join(dict.fromkeys(basis_parts)) or "as reported"
    values["applies_from"] = provision.in_force.start.isoformat()
    values["designated"] = designated or "no designation match"
    if cap is not None:
        values["cap_total"] = cap_progress(cap)
        values["cap_limit"] = ", ".join(f"{v:,.0f} {k if k != 'usd' else 'USD'}" for k, v in cap.limits.items())
        values["cap_window"] = f"{cap.window[0].isoformat()} to {cap.window[1].isoformat()}"
    text = provision.explanation.format_map(_Blank(values))
    return " ".join(text.split())
