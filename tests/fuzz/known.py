"""The damaged files of issue 10, run as explicit examples before the generated ones, so
the CI run always tries each failure that was seen (hypothesis `@example`)."""

from __future__ import annotations

import json

from tests.fuzz.records import EventFile, event_id

# A car transfer to the DPRK: flagged under the luxury-goods ban when it is read at all.
_EV = {"date": "2024-01-05", "kind": "transfer", "origin": {"country": "CN"}, "destination": {"country": "KP"},
       "item": {"description": "passenger cars", "hs_code": "8703"}}


def _ev(index: int, **extra: object) -> str:
    return json.dumps({"id": event_id(index), **_EV, **extra})


def _file(fmt: str, text: str | bytes, intact: list[int], records: int, what: str) -> EventFile:
    data = text.encode() if isinstance(text, str) else text
    return EventFile(fmt, data, [event_id(i) for i in intact], records, [what])


JSON = [
    _file("json", '[{"id":"b","date":"2024-01-01","intermediaries":[{"country":"RU"}, {"country":"CN"}], BROKEN},\n'
          + _ev(1) + "]", [1], 2, "issue 10.1: resync inside a broken record's nested objects"),
    _file("json", '{"meta": {"events": []}, "events": [' + _ev(0) + "]}", [0], 1, "issue 10.2: a nested events key"),
    _file("json", '{"events": [], "events": [' + _ev(0) + "]}", [0], 1, "issue 10.2: a duplicate top-level key"),
    _file("json", "[" + _ev(0, vessel={"imo": "x\ud800y"}) + ",\n" + _ev(1) + "]", [1], 2,
          "issue 10.4: a lone surrogate in vessel.imo"),
    _file("json", "[" + _ev(0, notes="[" * 100_000 + "]" * 100_000).replace('"[', "[").replace(']"', "]")
          + ",\n" + _ev(1) + "]", [1], 2, "issue 10.4: nesting deeper than the parser's stack"),
    _file("json", "[" + _ev(0) + "\n" + _ev(1) + "]", [0, 1], 2, "issue 10.9: a missing comma"),
    _file("json", "[" + _ev(0) + "] trailing text", [0], 1, "issue 10.9: text after the document"),
    _file("json", "\ufeff[" + _ev(0) + "]", [0], 1, "issue 10.9: a UTF-8 byte order mark"),
]

JSONL = [
    _file("jsonl", _ev(0, vessel={"imo": "x\ud800y"}) + "\n" + _ev(1) + "\n", [1], 2, "a lone surrogate on one line"),
    _file("jsonl", b'{"id": "ev-00000", "notes": "\xed\xa0\x80"}\n' + _ev(1).encode() + b"\n", [1], 2,
          "one line not UTF-8 (CESU-8 surrogate)"),
    _file("jsonl", '{"id": "ev-00000", "notes": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + _ev(1) + "\n", [1], 2,
          "one line nested too deep"),
    _file("jsonl", _ev(0) + "\n" + _ev(0) + "\n" + _ev(1) + "\n", [1], 3, "a duplicate id"),
]

_YAML_EV = "  date: '2024-01-05'\n  kind: transfer\n  origin: {country: CN}\n  destination: {country: KP}\n" \
           "  item: {description: passenger cars, hs_code: '8703'}\n"
YAML = [
    _file("yaml", "meta:\n  events: []\nevents:\n- id: ev-00000\n" + _YAML_EV, [0], 1, "a nested events key"),
    _file("yaml", "- id: ev-00000\n  notes: " + "[" * 5_000 + "]" * 5_000 + "\n" + "- id: ev-00001\n" + _YAML_EV,
          [1], 2, "nesting deeper than the parser's stack"),
]

_HEADER = "id,date,kind,origin.country,destination.country,item.description,item.hs_code\r\n"
_ROW = "{id},2024-01-05,transfer,CN,KP,{description},8703\r\n"
CSV = [
    _file("csv", _HEADER + _ROW.format(id="ev-00000", description="a" * 200_000) + _ROW.format(id="ev-00001", description="cars"),
          [1], 2, "issue 10.4: a cell over the csv module's 128 KiB"),
    _file("csv", _HEADER + _ROW.format(id="ev-00000", description="cars\rtrucks") + _ROW.format(id="ev-00001", description="cars"),
          [1], 2, "issue 10.4: a bare carriage return in a cell"),
    _file("csv", "id,date,kind,origin.country,destination.country,item,item.description\r\n"
          "ev-00000,2024-01-05,transfer,CN,KP,cars,passenger cars\r\n", [], 1,
          "issue 10.4: a header with both item and item.description"),
    _file("csv", _HEADER.encode() + b"ev-00000,2024-01-05,transfer,CN,KP,\xed\xa0\x80,8703\r\n"
          + _ROW.format(id="ev-00001", description="cars").encode(), [1], 2, "one row not UTF-8"),
    _file("csv", _HEADER + '"' + _ROW.format(id="ev-00000", description="cars") + _ROW.format(id="ev-00001", description="cars"),
          [1], 2, "an unbalanced quote swallows the next row"),
]
