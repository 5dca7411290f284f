"""Hypothesis strategies: intact events, the ways one record gets corrupted, and event
files in the four input formats that remember which records were left intact.

An intact record is one valid under contract v1 (shared spec, event-format.md) whose text
in the file was not touched; the tool must report every one of them under its own id.
Ids all have the same length, so no single inserted or deleted character turns one
record's id into another's (which would make an intact record a duplicate).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from hypothesis import strategies as st

COUNTRIES = ["RU", "CN", "KP", "IR", "SY", "US", "FR", "SG"]
GOODS = [  # (description, HS code or None): banned, dual-use and ordinary goods
    ("artillery shells", "9306"), ("T-72 battle tanks", None), ("passenger cars", "8703"),
    ("refined petroleum products", "2710"), ("anthracite coal", "2701"), ("rice", "1006"),
    ("wheat flour", None), ("laptop computers", "8471"), ("frozen fish", None), ("cotton shirts", "6205"),
]
UNITS = ["units", "tonnes", "kg", "barrels", "litres", "cubic_metres", "usd"]
STATUSES = ["alleged", "reported", "confirmed", "denied"]
VESSEL_ACTIVITIES = ["ship_to_ship_transfer", "port_call", "cargo_delivery", "bunkering", "flagging"]
# The characters a terminal, an editor or a bidi renderer would act on.
HOSTILE_TEXT = ["\u202eevil\u202c", "\u200f\u2067RTL\u2069", "\x1b[2J\x1b[31mred", "\x1b]8;;https://x.example\x07link\x1b]8;;\x07",
                "bell\x07", "cr\roverwrite", "\x9b31m", "zero\u200bwidth", "nul\x00byte", "line\u2028sep"]
_SURROGATE = re.compile("[\ud800-\udfff]")
DEEP = "__FUZZ_DEEP__"  # replaced by deeply nested brackets once the record is text


def event_id(index: int) -> str:
    return f"ev-{index:05d}"


@st.composite
def intact_event(draw: st.DrawFn, index: int) -> dict[str, Any]:
    """A valid event; most are transfers, as in a trade feed, some vessel and service events."""
    kind = draw(st.sampled_from(["transfer", "transfer", "transfer", "vessel", "service", "financial"]))
    record: dict[str, Any] = {
        "id": event_id(index),
        "date": draw(st.dates(min_value=_date(2006, 10, 14), max_value=_date(2024, 12, 31))).isoformat(),
        "kind": kind,
        "origin": {"country": draw(st.sampled_from(COUNTRIES))},
        "destination": {"country": draw(st.sampled_from(COUNTRIES))},
    }
    if draw(st.booleans()):
        record["origin"]["name"] = draw(st.sampled_from(["Rosneft Trading", "Dalian Ocean Co", "Korea Mining Development Trading Corporation"]))
        record["origin"]["type"] = "entity"
    if kind == "transfer":
        description, hs_code = draw(st.sampled_from(GOODS))
        item: dict[str, Any] = {"description": description}
        if hs_code and draw(st.booleans()):
            item["hs_code"] = hs_code
        if draw(st.booleans()):
            item["quantity"] = draw(st.integers(min_value=1, max_value=10**6))
            item["unit"] = draw(st.sampled_from(UNITS))
        record["item"] = item
    elif kind == "vessel":
        record["vessel"] = {"name": draw(st.sampled_from(["Chon Ma San", "Wan Heng 11", "Sea Breeze"])),
                            "imo": str(draw(st.integers(min_value=1000000, max_value=9999999))),
                            "flag": draw(st.sampled_from(COUNTRIES)),
                            "activity": draw(st.sampled_from(VESSEL_ACTIVITIES))}
    else:
        record["activity"] = draw(st.sampled_from(["technical assistance", "payment for coal", "training"]))
    if draw(st.booleans()):
        record["via"] = draw(st.lists(st.sampled_from(COUNTRIES), max_size=2))
    if draw(st.booleans()):
        record["status"] = draw(st.sampled_from(STATUSES))
    return record


def _date(year: int, month: int, day: int):  # type: ignore[no-untyped-def]
    import datetime

    return datetime.date(year, month, day)


json_scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
                         st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)

FIELD_PATHS = ["id", "date", "kind", "origin", "origin.country", "destination", "destination.country", "item",
               "item.description", "item.hs_code", "item.quantity", "item.unit", "via", "status", "sources",
               "vessel", "vessel.imo", "end_date", "exemption", "notes"]
EXTREME_DATES = ["0001-01-01", "9999-12-31", "2024-02-30", "+10000-01-01", "2024-13-01", "1969-12-31T23:59:59Z",
                 "2024-06-19\u202e", "", "20240619", "2024-6-9", "-0001-01-01", "1e9"]


@st.composite
def corrupted_event(draw: st.DrawFn, index: int, text_only: bool = False, huge: int = 1 << 20) -> dict[str, Any]:
    """An event spoilt in one of the ways real exports and attackers spoil them.
    `text_only`: for CSV, where every cell is text (no types, no nesting); `huge`: the
    length of an oversized string."""
    record = draw(intact_event(index))
    ways = ["missing", "extra", "extreme_date", "huge", "hostile", "surrogate", "nan"]
    if not text_only:
        ways += ["type", "deep"]
    way = draw(st.sampled_from(ways))
    if way == "type":
        _set(record, draw(st.sampled_from(FIELD_PATHS)), draw(json_values))
    elif way == "missing":
        _delete(record, draw(st.sampled_from(["id", "date", "kind", "origin", "destination", "item", "origin.country"])))
    elif way == "extra":
        for name in draw(st.lists(st.sampled_from(["colour", "item.weight", "origin.flag", "x" * 200, "__proto__"]),
                                  min_size=1, max_size=3)):
            _set(record, name, draw(json_scalars) if not text_only else draw(st.text(max_size=10)))
    elif way == "extreme_date":
        _set(record, draw(st.sampled_from(["date", "end_date"])), draw(st.sampled_from(EXTREME_DATES)))
    elif way == "huge":
        # 1 MB by default, past the csv module's default cell limit of 128 KiB.
        _set(record, draw(st.sampled_from(["notes", "item.description", "origin.name"])),
             (draw(st.sampled_from(["a", "tank ", "\u202e"])) * huge)[:huge])
    elif way == "hostile":
        _set(record, draw(st.sampled_from(["item.description", "origin.name", "notes", "activity"])),
             draw(st.sampled_from(HOSTILE_TEXT)))
    elif way == "surrogate":
        _set(record, draw(st.sampled_from(["item.description", "vessel.imo", "origin.name", "id"])),
             "x\ud800y" if draw(st.booleans()) else "\udfff")
    elif way == "nan":
        _set(record, draw(st.sampled_from(["item.quantity", "item.value_usd"])),
             draw(st.sampled_from([math.nan, math.inf, -math.inf, 1e308 * 10])) if not text_only
             else draw(st.sampled_from(["NaN", "Infinity", "-inf", "1e999"])))
    elif way == "deep":
        _set(record, "notes", DEEP)
    return record


def _set(record: dict[str, Any], path: str, value: Any) -> None:
    target = record
    parts = path.split(".")
    for part in parts[:-1]:
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    target[parts[-1]] = value


def _delete(record: dict[str, Any], path: str) -> None:
    target: Any = record
    parts = path.split(".")
    for part in parts[:-1]:
        target = target.get(part) if isinstance(target, dict) else None
    if isinstance(target, dict):
        target.pop(parts[-1], None)


@dataclass
class EventFile:
    """A generated event file: its bytes, the ids of the intact records, how many
    top-level records were written, and what was done to it (shown when a test fails)."""

    fmt: str
    data: bytes
    intact: list[str]
    records: int
    edits: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        # Files reach megabytes: hypothesis prints this for a failing example (its
        # @reproduce_failure blob gives the whole file back).
        head = self.data if len(self.data) <= 400 else self.data[:400] + b"..."
        return (f"EventFile({self.fmt!r}, {len(self.data)} bytes, records={self.records}, intact={self.intact}, "
                f"edits={self.edits}, data={head!r})")

    @property
    def suffix(self) -> str:
        return {"json": ".json", "jsonl": ".jsonl", "yaml": ".yaml", "csv": ".csv"}[self.fmt]


CSV_COLUMNS = ["id", "date", "end_date", "kind", "origin.country", "origin.name", "origin.type", "destination.country",
               "item.description", "item.hs_code", "item.quantity", "item.unit", "item.value_usd", "vessel.name",
               "vessel.imo", "vessel.flag", "vessel.activity", "activity", "via", "status", "notes"]


def _record_text(fmt: str, record: dict[str, Any], pretty: bool, ascii_only: bool, depth: int) -> str:
    if fmt in ("json", "jsonl"):
        text = json.dumps(record, indent=2 if pretty and fmt == "json" else None, ensure_ascii=ascii_only)
        # A lone surrogate reaches a JSON file as its escape ("\ud800"): raw, it is not UTF-8.
        text = _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
        return text.replace(json.dumps(DEEP), "[" * depth + "]" * depth)
    if fmt == "yaml":
        text = yaml.safe_dump([record], allow_unicode=not ascii_only, sort_keys=False, width=1 << 30)
        return text.replace(DEEP, "[" * depth + "]" * depth)
    raise AssertionError(fmt)


def _csv_row(record: dict[str, Any], columns: list[str]) -> str:
    flat: dict[str, str] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else key, inner)
        elif isinstance(value, list):
            flat[prefix] = ";".join(str(v) for v in value)
        else:
            flat[prefix] = "" if value is None else str(value)

    walk("", record)
    out = io.StringIO()
    row = [flat.get(column, "") for column in columns]
    extra = [value for key, value in flat.items() if key not in columns]
    csv.writer(out, lineterminator="\r\n").writerow(row + extra)  # extra fields: cells past the header
    return out.getvalue()


@st.composite
def event_file(draw: st.DrawFn, fmt: str, huge: int = 1 << 20, depths: tuple[int, ...] = (40, 1_000, 100_000)) -> EventFile:
    """1 to 8 records, intact ones mixed with corrupted ones, and, sometimes, one
    character inserted into or deleted from one record's text. `huge` and `depths`: the
    sizes of oversized strings and of deep nesting."""
    count = draw(st.integers(min_value=1, max_value=8))
    broken = set(draw(st.lists(st.integers(min_value=0, max_value=count - 1), max_size=count, unique=True)))
    records = [draw(corrupted_event(i, text_only=fmt == "csv", huge=huge)) if i in broken else draw(intact_event(i))
               for i in range(count)]
    pretty, ascii_only = draw(st.booleans()), draw(st.booleans())
    depth = draw(st.sampled_from(depths))
    edits = [f"corrupted records {sorted(broken)}"] if broken else []
    if fmt == "csv":
        pieces = [_csv_row(record, CSV_COLUMNS) for record in records]
        head = _csv_row({c: c for c in CSV_COLUMNS}, CSV_COLUMNS)
        tail = ""
    elif fmt == "jsonl":
        pieces = [_record_text(fmt, record, pretty, ascii_only, depth) + "\n" for record in records]
        head = tail = ""
    elif fmt == "json":
        wrapped = draw(st.booleans())
        pieces = [_record_text(fmt, record, pretty, ascii_only, depth) for record in records]
        pieces = [piece + (",\n" if i < count - 1 else "\n") for i, piece in enumerate(pieces)]
        head, tail = ('{"schema_version": "1", "events": [\n', "]}\n") if wrapped else ("[\n", "]\n")
    else:
        pieces = [_record_text(fmt, record, pretty, ascii_only, depth) for record in records]
        head, tail = ("schema_version: '1'\nevents:\n", "") if draw(st.booleans()) else ("", "")
    data = [piece.encode("utf-8", "surrogatepass") for piece in pieces]
    if fmt == "csv":
        # A lone surrogate cannot be in a UTF-8 file: CSV gets the bytes a careless
        # encoder writes for one (CESU-8), which a reader must refuse, not crash on.
        data = [piece.replace("\ud800".encode("utf-8", "surrogatepass"), b"\xed\xa0\x80") for piece in data]
    if draw(st.integers(min_value=0, max_value=2)) == 0:  # one in three files: one character in or out
        target = draw(st.integers(min_value=0, max_value=count - 1))
        piece = data[target]
        position = draw(st.integers(min_value=0, max_value=max(len(piece) - 1, 0)))
        if draw(st.booleans()) and piece:
            data[target] = piece[:position] + piece[position + 1:]
            edits.append(f"record {target}: deleted byte {position} ({piece[position:position + 1]!r})")
        else:
            char = draw(st.sampled_from(['"', "{", "}", "[", "]", ",", ":", "\\", "\n", "\r", " ", "-", "#", "x", "\x00"]))
            data[target] = piece[:position] + char.encode() + piece[position:]
            edits.append(f"record {target}: inserted {char!r} at byte {position}")
        broken.add(target)
    intact = [event_id(i) for i in range(count) if i not in broken]
    return EventFile(fmt, head.encode() + b"".join(data) + tail.encode(), intact, count, edits)
