"""The result of an event with no link to the DPRK: most of a trade feed.

Building a pydantic Result and serialising it cost more than validating the event, so
such events get this light record. It keeps the validated event and works out each
field only when asked; `to_json` writes exactly what `Result.model_dump_json(indent=2)`
would (a test holds the two together), from cached pieces of text (`ClearJSON`, which the
streamed JSON report uses directly): a fraction of the cost of building and dumping a Result.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Callable

import orjson

from sanctions_check.model.countries import DPRK
from sanctions_check.model.report import Result

if TYPE_CHECKING:
    from sanctions_check.io.validate import Validated
    from sanctions_check.model.event import Event


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

    @property
    def validated(self) -> Validated:
        return self._validated

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
        return None if item is None else item.label

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
        return _TOP_LEVEL.render(self._validated)


def _text(value: Any, nest: bytes) -> bytes:
    """A JSON value as indent-2 orjson writes it, nested under a field at `nest`."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).replace(b"\n", nest)


class ClearJSON:
    """Writes clear records as JSON at one depth of indentation, byte for byte what
    `Result.model_dump_json(indent=2)` gives with `margin` after each newline.

    A clear record is mostly constant text, and a feed repeats its kinds, country pairs,
    item words and statuses: those pieces are made once and reused (bounded caches,
    keyed narrowly so that a short feed does not spend its time filling them), so a record
    is a join of a few cached pieces and the event's id and line. Writing the
    report's own margin here saves indenting a whole report's bytes afterwards.
    """

    _LIMIT = 16384  # entries per cache; a cache that fills is started afresh

    def __init__(self, margin: bytes = b"") -> None:
        self._nl = nl = b"\n" + margin
        self._nest = nl + b"  "
        self.render: Callable[[Validated], bytes] = self._compile()

    def _compile(self) -> Callable[[Validated], bytes]:
        """`render(validated)`: the record. A closure over its caches and pieces, since it
        runs once per event of a feed (no attribute look-ups on the way)."""
        nl = self._nl
        head = b"{" + nl + b'  "event_id": '
        verdict = b"," + nl + b'  "verdict": "clear",' + nl + b'  "findings": [],' + nl + b'  "date": "'
        end = nl + b"}"
        # Each cache holds the text of one or two fields, keyed by what it is made from.
        flows: dict[tuple[str, ...], tuple[bytes, bytes]] = {}  # country codes -> parties, summary
        kinds: dict[str, bytes] = {}
        items: dict[str | None, bytes] = {}
        statuses: dict[str, bytes] = {}  # -> caps and status
        tails: dict[str | None, bytes] = {}  # file -> missing ... "line": (no warnings, no sources)
        flow_of, tail_of, remember, dumps, join = self._flow, self._tail, self._remember, orjson.dumps, b"".join

        def render(validated: Validated) -> bytes:
            # Fields are read from the models' __dict__: pydantic's __getattr__ hook keeps
            # CPython from specialising attribute reads.
            event = validated.event
            fields = event.__dict__
            origin, destination = fields["origin"].__dict__, fields["destination"].__dict__
            if origin["name"] is None and destination["name"] is None:
                # The usual line of a trade feed: country codes only.
                via = fields["via"]
                key = (origin["country"], destination["country"], *via) if via else (
                    origin["country"], destination["country"])
                flow = flows.get(key)
                if flow is None:
                    flow = remember(flows, key, flow_of(event))
            else:
                flow = flow_of(event)
            value = fields["kind"]
            kind = kinds.get(value)
            if kind is None:
                kind = remember(kinds, value, b'",' + nl + b'  "kind": ' + dumps(value))
            item = fields["item"]
            if item is None:
                label = None
            else:  # Item.label, from the field dict
                item = item.__dict__
                label = item["description"] or item["category"] or (
                    f"HS {item['hs_code']}" if item["hs_code"] else None)
            item_field = items.get(label)
            if item_field is None:
                item_field = remember(items, label, b"," + nl + b'  "item": ' + dumps(label))
            value = fields["status"]
            status = statuses.get(value)
            if status is None:
                status = remember(statuses, value, b"," + nl + b'  "caps": [],' + nl + b'  "status": ' + dumps(value))
            if validated.warnings or fields["sources"]:
                tail = tail_of(validated)
            else:
                tail = tails.get(validated.file)
                if tail is None:
                    tail = remember(tails, validated.file, tail_of(validated))
            line = validated.line
            return join((head, dumps(fields["id"]), verdict, fields["date"].isoformat().encode(), kind, flow[0],
                         item_field, status, flow[1], tail, b"null" if line is None else str(line).encode(), end))

        return render

    def _remember(self, cache: dict, key: Any, value: Any) -> Any:
        # Only joined pieces are kept: orjson's own output holds a 4 KB buffer however short.
        if len(cache) >= self._LIMIT:
            cache.clear()
        cache[key] = value
        return value

    def _flow(self, event: Event) -> tuple[bytes, bytes]:
        """origin, destination and via; and summary."""
        o, d, via = event.origin, event.destination, event.via
        # A country code is its own label (the DPRK, never clear here by default, is named).
        origin = o.country if o.name is None and o.country != DPRK else o.label
        destination = d.country if d.name is None and d.country != DPRK else d.label
        nl = self._nl
        parties = (b"," + nl + b'  "origin": ' + orjson.dumps(origin) + b"," + nl + b'  "destination": '
                   + orjson.dumps(destination) + b"," + nl + b'  "via": ' + _text(via, self._nest))
        return parties, b"," + nl + b'  "summary": ' + orjson.dumps(_summary(origin, destination, via))

    def _tail(self, validated: Validated) -> bytes:
        nl, nest = self._nl, self._nest
        sources = [s.model_dump(mode="json", exclude_none=True) for s in validated.event.sources]
        return (b"," + nl + b'  "missing": [],' + nl + b'  "exemption_rejected": null,' + nl + b'  "warnings": '
                + _text(validated.warnings, nest) + b"," + nl + b'  "sources": ' + _text(sources, nest) + b","
                + nl + b'  "file": ' + orjson.dumps(validated.file) + b"," + nl + b'  "line": ')


_TOP_LEVEL = ClearJSON()


def _summary(origin: str, destination: str, via: list[str]) -> str:
    # No party here is the DPRK, so the flow needs no (origin)/(destination) roles.
    transit = "".join(f" → {code} (transit)" for code in via) if via else ""
    return f"{origin}{transit} → {destination}: no DPRK party, flag or transit"
