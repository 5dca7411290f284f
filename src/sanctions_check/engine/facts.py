"""Event -> the flat fact the rules test.

durable-rules compares across types loosely ('50' == 50, '2017-9-01' >= '2017-12-22'),
so every field here is normalised first: dates as yyyymmdd integers, flags as 1,
HS prefixes as digit strings, quantities as floats in one unit.
"""

from __future__ import annotations

from typing import Any

from sanctions_check.classify import Classification
from sanctions_check.model.countries import DPRK
from sanctions_check.model.event import Event
from sanctions_check.model.rule import Conversions

Fact = dict[str, Any]


def day_number(value: Any) -> int:
    return value.year * 10000 + value.month * 100 + value.day


def _safe(name: str) -> str:
    return name.replace(".", "__").replace("-", "_")


def category_field(category: str) -> str:
    return "c_" + _safe(category)


def flag_field(code: str) -> str:
    """A ship of the act flies this flag."""
    return "flag_" + code


def cap_field(cap_id: str) -> str:
    return "cap_" + _safe(cap_id)


def barrels(event: Event, classification: Classification, conversions: Conversions) -> float | None:
    item = event.item
    if item is None or item.quantity is None or item.unit is None:
        return None
    if item.unit == "barrels":
        return item.quantity
    if item.unit == "litres":
        return item.quantity / conversions.litres_per_barrel
    if item.unit == "cubic_metres":
        return item.quantity * conversions.cubic_metres_to_barrels
    if item.unit in ("tonnes", "kg"):
        tonnes_ = item.quantity if item.unit == "tonnes" else item.quantity / 1000
        factor = next(
            (conversions.tonnes_to_barrels[c] for c in sorted(classification.categories) if c in conversions.tonnes_to_barrels),
            None,
        )
        return tonnes_ * factor if factor else None
    return None


def tonnes(event: Event) -> float | None:
    item = event.item
    if item is None or item.quantity is None:
        return None
    if item.unit == "tonnes":
        return item.quantity
    if item.unit == "kg":
        return item.quantity / 1000
    return None


def usd(event: Event) -> float | None:
    item = event.item
    if item is None:
        return None
    if item.value_usd is not None:
        return item.value_usd
    if item.unit == "usd" and item.quantity is not None:
        return item.quantity
    return None


def build_fact(
    event: Event,
    classification: Classification,
    conversions: Conversions,
    caps_exceeded: frozenset[str] = frozenset(),
    designated: frozenset[str] = frozenset(),
) -> Fact:
    fact: Fact = {
        "t": "event",
        "kind": event.kind,
        "day": day_number(event.date),
        # An act over a period is covered by a provision in force on any day of it.
        "day_end": day_number(event.end_date or event.date),
        "origin_country": event.origin.country,
        "destination_country": event.destination.country,
    }
    if event.destination.country == DPRK:
        fact["to_dprk"] = 1
    if event.origin.country == DPRK:
        fact["from_dprk"] = 1
    for category in classification.categories:
        fact[category_field(category)] = 1
    if classification.hs:
        for width in (2, 4, 6):
            if len(classification.hs) >= width:
                fact[f"hs{width}"] = classification.hs[:width]
    for code in event.via:
        fact[f"via_{code}"] = 1
    if event.vessel is not None and event.vessel.activity:
        fact["vessel_activity"] = event.vessel.activity
    for flag in event.ship_flags:  # any ship of the act: see Event.ship_flags
        fact[flag_field(flag)] = 1
    for name, value in (
        ("value_usd", usd(event)),
        ("barrels", barrels(event, classification, conversions)),
        ("tonnes", tonnes(event)),
    ):
        if value is not None:
            fact[name] = float(value)
    for cap_id in caps_exceeded:
        fact[cap_field(cap_id)] = 1
    for party_type in designated:
        fact[f"designated_{party_type}"] = 1
    if designated:
        fact["designated_any"] = 1
    return fact
