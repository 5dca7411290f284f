"""The result of an event with no link to the DPRK: most of a trade feed.

Building a pydantic Result and serialising it cost more than validating the event, so
such events get this light record. It keeps the validated event and works out each
field only when asked; `to_json` writes exactly what `Result.model_dump_json(indent=2)`
would (a test holds the two together), already indented for its place in a report.
"""

from __future__ import annotations

import datetime as dt
from json.encoder import encode_basestring  # the C quoter json.dumps(ensure_ascii=False) uses
from typing import TYPE_CHECKING, Any

from sanctions_check.model.countries import DPRK
from sanctions_check.model.report import Result

if TYPE_CHECKING:
    from sanctions_check.io.validate import Validated
    from sanctions_check.model.event import Party


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
        # No party here is the DPRK, so the flow needs no (origin)/(destination) roles.
        via = "".join(f" → {code} (transit)" for code in self._validated.event.via)
        return f"{self.origin}{via} → {self.destination}: no DPRK party, flag or transit"

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

    def to_json(self, margin: str = "", prefix: str = "") -> str:
        """`prefix` and the result's JSON with indent 2, each line after the first starting
        with `margin` (a report places it after a separator, two levels deep)."""
        validated = self._validated
        event = validated.event
        if validated.warnings or event.sources:
            return prefix + self.to_result().model_dump_json(indent=2).replace("\n", "\n" + margin)  # rare
        p = _REPORT if margin == _REPORT_PLACE[1] and prefix == _REPORT_PLACE[0] else _pieces(prefix, margin)
        o, d = event.origin, event.destination
        if o.name is None and d.name is None and DPRK not in (o.country, d.country):
            # The labels are country codes: nothing to escape.
            origin, destination = f'"{o.country}"', f'"{d.country}"'
            summary = f'"{o.country} → {d.country}: no DPRK party, flag or transit"'
        else:
            origin, destination, summary = _parties(o, d)
        via = "[]"
        if event.via:  # country codes: nothing to escape
            n = "\n" + margin
            via = f"[{n}    " + f",{n}    ".join(f'"{code}"' for code in event.via) + f"{n}  ]"
            summary = encode_basestring(self.summary)
        item = event.item
        label = None if item is None else (
            item.description or item.category or (f"HS {item.hs_code}" if item.hs_code else None))
        file, line = validated.file, validated.line
        # An f-string of fixed pieces: a third faster than %-formatting the same template.
        return (
            f"{p[0]}{encode_basestring(event.id)}{p[1]}{event.date.isoformat()}{p[2]}{event.kind}{p[3]}{origin}"
            f"{p[4]}{destination}{p[5]}{via}{p[6]}{'null' if label is None else encode_basestring(label)}"
            f"{p[7]}{event.status}{p[8]}{summary}{p[9]}{'null' if file is None else encode_basestring(file)}"
            f"{p[10]}{'null' if line is None else int(line)}{p[11]}"
        )


def _parties(origin: Party, destination: Party) -> tuple[str, str, str]:
    """The quoted labels and summary of named parties."""
    o, d = origin.label, destination.label
    return (encode_basestring(o), encode_basestring(d),
            encode_basestring(f"{o} → {d}: no DPRK party, flag or transit"))


def _pieces(prefix: str, margin: str) -> tuple[str, ...]:
    """The fixed text of a clear result at one placement, split where the values go."""
    keys = ('"event_id": %s', '"verdict": "clear"', '"findings": []', '"date": "%s"', '"kind": "%s"',
            '"origin": %s', '"destination": %s', '"via": %s', '"item": %s', '"caps": []', '"status": "%s"',
            '"summary": %s', '"missing": []', '"exemption_rejected": null', '"warnings": []', '"sources": []',
            '"file": %s', '"line": %s')
    n = "\n" + margin
    return tuple((prefix + "{" + n + "  " + ("," + n + "  ").join(keys) + n + "}").split("%s"))


# Where a report's JSON puts a result: after a list separator, two levels deep.
REPORT_SEPARATOR, REPORT_MARGIN = ",\n    ", "    "
_REPORT_PLACE = (REPORT_SEPARATOR, REPORT_MARGIN)
_REPORT = _pieces(*_REPORT_PLACE)
