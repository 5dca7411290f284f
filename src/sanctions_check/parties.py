"""Screen the parties of an event against the designations list (1718 para 8(d), 8(e),
designated vessels): every named party, intermediary and vessel.

A match counts on the event's date only from the entry's listing date; a match that a
reviewer marked a false positive still shows, marked as reviewed, and is not a violation.
"""

from __future__ import annotations

import hashlib

from dataclasses import dataclass

from sanctions_check.lists.model import DesignationList
from sanctions_check.model.event import Event, Party
from sanctions_check.screening import Decisions, Match, Screener, parse_imo

_ENTRY_TYPE = {"individual": "individual", "entity": "entity", "vessel": "vessel", None: None}


@dataclass(frozen=True)
class PartyHit:
    role: str  # origin, destination, intermediary, vessel
    name: str
    match: Match

    @property
    def counts(self) -> bool:
        """Active on the event's date and not reviewed as a false positive."""
        review = self.match.review
        return self.match.active_on_date and not (review is not None and review.decision == "false_positive")

    def describe(self) -> str:
        m = self.match
        listed = f", listed {m.listed_on.isoformat()}" if m.listed_on else ""
        how = "IMO number" if m.matched_on == "imo" else (
            "primary name" if m.matched_on == "primary_name" else f"{m.alias_quality}-quality alias")
        inside = f" in the words '{m.matched_part}'" if m.matched_part else ""
        text = (f"{self.role} '{self.name}' matches {m.primary_name} ({m.reference_number}{listed}) "
                f"on its {how} '{m.matched_name}'{inside}, score {m.score:.1f}")
        if not m.active_on_date:
            text += " (before its listing date: not counted)"
        if m.review is not None:
            text += f" (reviewed {m.review.date.isoformat()} by {m.review.reviewer}: {m.review.decision.replace('_', ' ')}, {m.review.reason})"
        return text


class PartyScreen:
    """Built once per designations list (and decisions file)."""

    def __init__(self, designations: DesignationList, decisions: Decisions | None = None) -> None:
        self.designations = designations
        # Shipped lists carry no file hash: the entries as loaded are hashed instead, so two
        # reports say whether they screened against the same list.
        self.list_sha256 = designations.sha256 or hashlib.sha256(
            designations.model_dump_json(include={"entries"}).encode()).hexdigest()
        self._screener = Screener(designations)
        self._decisions = decisions
        self._imos = {imo for e in designations.entries if e.entry_type == "vessel" for imo in e.imo_numbers}

    def _named(self, event: Event) -> list[tuple[str, Party | None, str]]:
        parties = [("origin", event.origin), ("destination", event.destination)]
        parties += [("intermediary", p) for p in event.intermediaries]
        named: list[tuple[str, Party | None, str]] = [(role, p, p.name) for role, p in parties if p.name and p.type != "state"]
        if event.vessel is not None and (event.vessel.name or event.vessel.imo):
            named.append(("vessel", None, event.vessel.name or ""))
        return named

    def may_match(self, event: Event) -> bool:
        """Whether a party or the vessel matches a listed entry on its name or IMO number,
        whatever the date: the gate of a trade feed. Names are blocked and remembered by the
        screener, so the usual counterparty costs a look-up or a few microseconds."""
        # Fields are read from the models' __dict__ (as the prefilter does): this runs for every
        # named event of a feed, and pydantic's __getattr__ hook keeps attribute reads slow.
        fields = event.__dict__
        vessel, intermediaries = fields["vessel"], fields["intermediaries"]
        scores = self._screener.scores
        if vessel is not None:
            if vessel.imo in self._imos:
                return True
            if vessel.name and scores(vessel.name, "vessel"):
                return True
        for party in (fields["origin"], fields["destination"], *intermediaries) if intermediaries else (
                fields["origin"], fields["destination"]):
            values = party.__dict__
            name, kind = values["name"], values["type"]
            if name and kind != "state" and scores(name, _ENTRY_TYPE[kind]):  # type: ignore[arg-type]
                return True
        return False

    def hits(self, event: Event) -> list[PartyHit]:
        found: list[PartyHit] = []
        scores = self._screener.scores
        for role, party, name in self._named(event):
            if role == "vessel":
                imo = event.vessel.imo if event.vessel else None
                listed_imo = imo not in (None, "") and parse_imo(imo)[0] in self._imos
                if not listed_imo and not (name and scores(name, "vessel")):
                    continue  # neither its IMO number nor its name is a listed vessel's
            elif not scores(name, _ENTRY_TYPE[party.type if party else None]):  # type: ignore[arg-type]
                continue  # no listed name reaches the threshold: no match to build (and none to review)
            if role == "vessel":
                matches = self._screener.screen(name, "vessel", event.date, imo=event.vessel.imo if event.vessel else None)
            else:
                matches = self._screener.screen(name, _ENTRY_TYPE[party.type if party else None], event.date)  # type: ignore[arg-type]
            if self._decisions is not None:
                matches = self._decisions.apply(matches, name)
            found.extend(PartyHit(role, name, m) for m in matches)
        return found


def designated_types(hits: list[PartyHit]) -> frozenset[str]:
    """The entry types (individual, entity, vessel) that an event's parties match on its date,
    counting reviewed false positives too: their findings stay visible, marked as reviewed."""
    return frozenset(h.match.entry_type for h in hits if h.match.active_on_date)
