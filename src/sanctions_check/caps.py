"""Aggregate caps across events: running totals per counting window, in date order.

durable-rules has no sum or window operator, so the totals are kept here and handed
back to the engine as a flag on the fact (`cap_<id>`); the threshold stays in caps.yaml.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sanctions_check.engine.conditions import conjunction, when_clauses
from sanctions_check.model.report import CapNote
from sanctions_check.model.rule import Cap, CapPeriod

_FACT_FIELD = {"barrels": "barrels", "tonnes": "tonnes", "usd": "value_usd"}


@dataclass
class _Entry:
    index: int
    day: dt.date
    amounts: dict[str, float]


class CapLedger:
    def __init__(self, caps: tuple[Cap, ...]) -> None:
        self._caps = [(cap, conjunction(when_clauses(cap.counts))) for cap in caps]
        self._entries: dict[tuple[str, dt.date], list[_Entry]] = defaultdict(list)
        self._periods: dict[tuple[str, dt.date], tuple[CapPeriod, dt.date, dt.date]] = {}
        self.missing: dict[int, list[tuple[str, CapPeriod]]] = defaultdict(list)

    def add(self, index: int, day: dt.date, fact: dict, claimed: str | None = None) -> bool:
        """Record an event's contribution to every cap it counts towards; True if any.
        `claimed` is the exemption basis the event claims, if any."""
        counted = False
        for cap, counts in self._caps:
            if not counts(fact) or (claimed is not None and claimed in cap.not_counted):
                continue
            found = cap.period_on(day)
            if found is None:
                continue
            period, start, end = found
            counted = True
            amounts = {m: fact[_FACT_FIELD[m]] for m in period.limits if _FACT_FIELD[m] in fact}
            if not amounts:
                self.missing[index].append((cap.id, period))
                continue
            key = (cap.id, start)
            self._periods[key] = (period, start, end)
            self._entries[key].append(_Entry(index, day, amounts))
        return counted

    def settle(self) -> dict[int, list[CapNote]]:
        """Walk each window in date order (input order breaks ties) and mark the over-cap events."""
        states: dict[int, list[CapNote]] = defaultdict(list)
        for key, entries in self._entries.items():
            period, start, end = self._periods[key]
            totals: dict[str, float] = {}
            over = False
            for entry in sorted(entries, key=lambda e: (e.day, e.index)):
                for measure, amount in entry.amounts.items():
                    totals[measure] = totals.get(measure, 0.0) + amount
                # Once over, every later event in the window is over too ("whichever is lower").
                over = over or any(totals.get(m, 0.0) > limit for m, limit in period.limits.items())
                states[entry.index].append(CapNote(id=key[0], provision=period.provision, window=(start, end),
                                                   totals=dict(totals), limits=dict(period.limits), exceeded=over))
        return states




