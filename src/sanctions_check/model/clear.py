"""The result of an event with no link to the DPRK: most of a trade feed.

Building a pydantic Result and serialising it cost more than validating the event, so
such events get this light record. It keeps the validated event and works out each
field only when asked; `to_json` writes exactly what `Result.model_dump_json(indent=2)`
would (a test holds the two together), through orjson: a fraction of the cost of building
and dumping a Result.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import orjson

from sanctions_check.model.countries import DPRK
from sanctions_check.model.report import Result

if TYPE_CHECKING:
    from sanctions_check.io.validate import Validated


class ClearResult:
    """verdict `clear`, no findings; the other Result fields are read from the event."""

    __slots__ = ("_validated",)
    verdict = "clear"
    findings: tuple = ()
    caps: tuple = ()
    missing: tuple = ()
    exemption_rejected = None

    def __init__(self, validated: Validated) -> None:
        self._validated = validated

    event_id = property(lambda self: self._validated.event.id)
    date: dt.date = property(lambda self: self._validated.event.date)  # type: ignore[assignment]
    kind = property(lambda self: self._validated.event.kind)
    status = property(lambda self: self._validated.event.status)
    via = property(lambda self: list(self._validated.event.via))
    warnings = property(lambda self: self._validated.warnings)
    file = property(lambda self: self._validated.file)
    line = property(lambda self: self._validated.line)
    origin = property(lambda self: self._validated.event.origin.label)
    destination = property(lambda self: self._validated.event.destination.label)

    @property
    def item(self) -> str | None:
        item = self._validated.event.item
        if item is None:
            return None
        return item.description or item.category or (f"HS {item.hs_code}" if item.hs_code else None)

    @property
    def summary(self) -> str:
        return _summary(self.origin, self.destination, self._validated.event.via)

    @property
    def sources(self) -> list[dict[str, Any]]:
        return [s.model_dump(mode="json", exclude_none=True) for s in self._validated.event.sources]

    def to_result(self) -> Result:
        return Result(
            event_id=self.event_id, verdict="clear", findings=[], date=self.date, kind=self.kind,
            origin=self.origin, destination=self.destination, via=self.via, item=self.item, caps=[],
            status=self.status, summary=self.summary, missing=[], exemption_rejected=None,  # type: ignore[arg-type]
            warnings=self.warnings, sources=self.sources, file=self.file, line=self.line,
        )

    def to_json(self) -> str:
        return self.json_bytes().decode("utf-8")

    def json_bytes(self) -> bytes:
        """The result's JSON, indent 2, UTF-8: the fields in Result's order."""
        validated = self._validated
        event = validated.event
        o, d = event.origin, event.destination
        # A country code is its own label (the DPRK, never clear here by default, is named).
        origin = o.country if o.name is None and o.country != DPRK else o.label
        destination = d.country if d.name is None and d.country != DPRK else d.label
        item = event.item
        return orjson.dumps({
            "event_id": event.id, "verdict": "clear", "findings": [], "date": event.date, "kind": event.kind,
            "origin": origin, "destination": destination, "via": event.via,
            "item": None if item is None else (
                item.description or item.category or (f"HS {item.hs_code}" if item.hs_code else None)),
            "caps": [], "status": event.status,
            "summary": _summary(origin, destination, event.via),
            "missing": [], "exemption_rejected": None, "warnings": validated.warnings,
            "sources": [s.model_dump(mode="json", exclude_none=True) for s in event.sources] if event.sources else [],
            "file": validated.file, "line": validated.line,
        }, option=orjson.OPT_INDENT_2)


def _summary(origin: str, destination: str, via: list[str]) -> str:
    # No party here is the DPRK, so the flow needs no (origin)/(destination) roles.
    transit = "".join(f" → {code} (transit)" for code in via) if via else ""
    return f"{origin}{transit} → {destination}: no DPRK party, flag or transit"
