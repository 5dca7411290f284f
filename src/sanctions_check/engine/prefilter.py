"""Which events can engage any provision at all, derived from the rule data.

Every provision anchors on a link to the DPRK: a direction, a flag, a transit state, a
party country or a designation. An event that shows none of the anchors of any provision
never reaches the engine, which keeps a mixed trade feed near validation speed.
"""

from __future__ import annotations

from sanctions_check.engine.conditions import provision_clauses
from sanctions_check.model.countries import DPRK
from sanctions_check.model.event import Event
from sanctions_check.model.rule import Provision

_ANCHORS = ("to_dprk", "from_dprk", "vessel_flag", "via_", "origin_country", "destination_country", "designated_")


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
                elif test.field == "vessel_flag":
                    self.flags.add(test.value)
                elif test.field.startswith("via_"):
                    self.transit.add(test.field[4:])
                else:
                    self.designations = True

    def linked(self, event: Event) -> bool:
        """Whether the event shows a DPRK anchor; a designated party is the caller's to add
        (when `designations` is set), since it needs screening first."""
        if self.everything:
            return True
        if event.origin.country in self.countries or event.destination.country in self.countries:
            return True
        if event.vessel is not None and event.vessel.flag in self.flags:
            return True
        return bool(event.via) and not self.transit.isdisjoint(event.via)
