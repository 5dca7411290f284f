"""Which events can engage any provision at all, derived from the rule data.

Every provision anchors on a link to the DPRK: a direction, a flag, a transit state, a
party country or a designation. An event that shows none of the anchors of any provision
never reaches the engine, which keeps a mixed trade feed near validation speed.
"""

from __future__ import annotations

from typing import Callable

from sanctions_check.engine.conditions import provision_clauses
from sanctions_check.model.countries import DPRK
from sanctions_check.model.event import Event
from sanctions_check.model.rule import Provision

_ANCHORS = ("to_dprk", "from_dprk", "flag_", "via_", "origin_country", "destination_country", "designated_")


class Prefilter:
    def __init__(self, provisions: tuple[Provision, ...] | list[Provision]) -> None:
        self.countries: set[str] = set()
        self.flags: set[str] = set()
        self.transit: set[str] = set()
        self.designations = False
        self.everything = False
        for provision in provisions:
            anchors = [c for c in provision_clauses(provision) if all(t.field.startswith(_ANCHORS) for t in c)]
            if not anchors:
                # A provision with no anchor could match any event: filter nothing.
                self.everything = True
                continue
            for test in (t for clause in anchors for t in clause):
                if test.field in ("to_dprk", "from_dprk"):
                    self.countries.add(DPRK)
                elif test.field in ("origin_country", "destination_country"):
                    self.countries.add(test.value)
                elif test.field.startswith("flag_"):
                    self.flags.add(test.field[5:])
                elif test.field.startswith("via_"):
                    self.transit.add(test.field[4:])
                else:
                    self.designations = True

        anchorless = self.quiet_gate(None)

        def linked(event: Event) -> bool:
            """Whether the event shows a DPRK anchor. A designated party is the caller's to
            add (when `designations` is set), since it needs screening first."""
            return not anchorless(event)

        self.linked = linked

    def quiet_gate(self, may_match: Callable[[Event], bool] | None) -> Callable[[Event], bool]:
        """`quiet(event)`: no DPRK anchor, and no name that `may_match` a listed one (names
        are not looked at when it is None): the usual line of a trade feed, clear at once.

        `not linked` and the screening gate in one pass over the event's fields (a closure
        over the anchor sets: it runs once per event of a feed).
        """
        if self.everything:
            return lambda event: False
        countries, flags, transit = frozenset(self.countries), frozenset(self.flags), frozenset(self.transit)

        def quiet(event: Event) -> bool:
            # Fields are read from the models' __dict__: pydantic's __getattr__ hook keeps
            # CPython from specialising attribute reads, and this runs on every event.
            fields = event.__dict__
            origin, destination = fields["origin"].__dict__, fields["destination"].__dict__
            if origin["country"] in countries or destination["country"] in countries:
                return False
            vessel, via = fields["vessel"], fields["via"]
            if vessel is not None and vessel.flag in flags or via and not transit.isdisjoint(via):
                return False
            # The other ships of the act (Event.ship_flags): rare in a feed, so read only when present.
            counterpart, intermediaries = fields["counterpart"], fields["intermediaries"]
            if counterpart is not None and counterpart.flag in flags:
                return False
            if intermediaries and any(p.type == "vessel" and p.country in flags for p in intermediaries):
                return False
            if origin["type"] == "vessel" and origin["country"] in flags or destination["type"] == "vessel" and destination["country"] in flags:
                return False
            if may_match is None or (vessel is None and origin["name"] is None and destination["name"] is None
                                     and not fields["intermediaries"]):
                return True
            return not may_match(event)

        return quiet
