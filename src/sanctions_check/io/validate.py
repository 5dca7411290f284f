"""Raw record -> Event, or a rejection naming the file, line, record and field.

Only what evaluation needs can reject an event: an invalid value in a descriptive field
(`sources`, `notes`, `status`) is dropped with a warning on the result, and the event is
still checked, so an arms transfer is never left unevaluated because of its bibliography.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from sanctions_check.io import countries
from sanctions_check.io.read import RawRecord
from sanctions_check.model.event import Event
from sanctions_check.model.report import Rejection

# Fields that describe the report of an act rather than the act: never a reason to reject.
DESCRIPTIVE = ("sources", "notes", "status")
_MAX_MESSAGE = 300  # a 1 MB value quoted in an error would bury the report


@dataclass
class Validated:
    event: Event
    file: str | None
    line: int | None
    warnings: list[str] = field(default_factory=list)


def _where(raw: RawRecord) -> str:
    line = f" line {raw.line}" if raw.line else ""
    return f"{raw.file}{line} (record {raw.record})"


def _loc(item: dict[str, Any]) -> str:
    return ".".join(str(x) for x in item["loc"] if not str(x).startswith("function-after"))


def _message(item: dict[str, Any]) -> str:
    loc = _loc(item)
    msg = item["msg"].removeprefix("Value error, ")
    if item["type"] == "missing":
        text = f"field `{loc}`: required field is missing"
    elif item["type"] == "literal_error":
        text = f"field `{loc}`: {_short(repr(item['input']))} is not allowed; {msg.lower()}"
    elif not loc:
        text = msg
    else:
        text = f"field `{loc}`: {msg}"
    if "ISO 3166-1" in msg and isinstance(item.get("input"), str):
        close = countries.suggestion(item["input"])
        if close:
            text += f"; did you mean {close}?"
    return _short(text)


def _short(text: str) -> str:
    return text if len(text) <= _MAX_MESSAGE else text[:_MAX_MESSAGE] + f"… ({len(text)} characters)"


def scrub(value: Any, path: str, found: list[str], depth: int = 0) -> Any:
    """Lone UTF-16 surrogates (JSON allows "\\ud800") cannot be written as UTF-8: each is
    replaced with U+FFFD and the field named, so no report ever fails to serialise."""
    if depth > 100:
        raise RecursionError
    if isinstance(value, str):
        if value.isascii():
            return value
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            found.append(path or "(record)")
            return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {scrub(k, path, found, depth + 1): scrub(v, f"{path}.{k}" if path else str(k), found, depth + 1)
                for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v, f"{path}[{n}]", found, depth + 1) for n, v in enumerate(value)]
    return value


def unknown_fields(event: Event) -> list[str]:
    """Fields the contract does not define, so the report can say they were ignored.

    Checked on the known nested models directly: a generic walk cost more than
    validation itself on large inputs.
    """
    found = [name for name in (event.__pydantic_extra__ or {})]
    parts: list[tuple[str, BaseModel | None]] = [
        ("origin", event.origin), ("destination", event.destination), ("item", event.item),
        ("vessel", event.vessel), ("exemption", event.exemption),
    ]
    parts += [(f"sources[{n}]", s) for n, s in enumerate(event.sources)]
    parts += [(f"intermediaries[{n}]", p) for n, p in enumerate(event.intermediaries)]
    for prefix, model in parts:
        if model is not None and model.__pydantic_extra__:
            found.extend(f"{prefix}.{name}" for name in model.__pydantic_extra__)
    return found


def _drop_descriptive(data: dict[str, Any], errors: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]] | None:
    """The record without the descriptive values that failed, and a warning for each;
    None when no error is in a descriptive field."""
    bad = [e for e in errors if e["loc"] and e["loc"][0] in DESCRIPTIVE]
    if not bad:
        return None
    cleaned = dict(data)
    warnings = []
    for error in bad:
        loc = error["loc"]
        warnings.append(f"{_message(error)}; ignored (a descriptive field: the event is still checked)")
        if loc[0] == "sources" and len(loc) >= 3 and isinstance(loc[1], int) and isinstance(cleaned.get("sources"), list):
            sources = cleaned["sources"] = list(cleaned["sources"])
            entry = sources[loc[1]]
            if isinstance(entry, dict):
                sources[loc[1]] = {k: v for k, v in entry.items() if k != loc[2]}
                continue
            sources[loc[1]] = {}
        elif loc[0] == "sources" and len(loc) == 2 and isinstance(loc[1], int) and isinstance(cleaned.get("sources"), list):
            cleaned["sources"] = list(cleaned["sources"])
            cleaned["sources"][loc[1]] = {}
        else:
            cleaned.pop(loc[0], None)
    if isinstance(cleaned.get("sources"), list):
        cleaned["sources"] = [s for s in cleaned["sources"] if s != {}]
    return cleaned, warnings


class Validator:
    """Validates the records of one input; remembers ids to reject duplicates."""

    def __init__(self) -> None:
        # id -> where it was first used, packed into one int (file number, line): the index
        # holds every id of the input, so each entry is kept as small as Python allows.
        self._seen: dict[str, int] = {}
        self._files: list[str] = []

    def validate(self, raw: RawRecord) -> Validated | Rejection:
        if raw.whole_file:
            return Rejection(line=raw.line, event_id=None, errors=[f"{raw.file}: {raw.error}"], file=raw.file,
                             record=None, scope="file")
        if raw.text is not None:
            try:
                return self._accept(raw, Event.model_validate_json(raw.text), [])
            except ValidationError:
                try:
                    raw.data = json.loads(raw.text)
                except json.JSONDecodeError as error:
                    raw.error = f"malformed JSON: {error.msg} at column {error.colno}"
                except RecursionError:
                    raw.error = "the record is nested too deeply to read"
        if raw.error is not None:
            return self._reject(raw, [f"{_where(raw)}: {raw.error}"])
        data = raw.data
        if not isinstance(data, dict):
            return self._reject(raw, [f"{_where(raw)}: expected an event object, got {type(data).__name__}"])
        warnings: list[str] = []
        try:
            replaced: list[str] = []
            data = scrub(data, "", replaced)
        except RecursionError:
            return self._reject(raw, [f"{_where(raw)}: the record is nested too deeply to read"])
        raw.data = data
        warnings += [f"field `{path}`: text with an invalid character (a lone surrogate) shown as U+FFFD" for path in replaced]
        if isinstance(data.get("sources"), dict):
            data = dict(data, sources=[data["sources"]])  # CSV gives one flattened source
        data, renamed = countries.normalise(data)
        warnings += renamed
        try:
            event = Event.model_validate(data)
        except ValidationError as error:
            dropped = _drop_descriptive(data, error.errors())
            if dropped is None:
                return self._reject(raw, [f"{_where(raw)}: {_message(e)}" for e in error.errors()])
            data, dropped_warnings = dropped
            try:
                event = Event.model_validate(data)
            except ValidationError as remaining:
                return self._reject(raw, [f"{_where(raw)}: {_message(e)}" for e in remaining.errors()])
            warnings += dropped_warnings
        except RecursionError:
            return self._reject(raw, [f"{_where(raw)}: the record is nested too deeply to read"])
        return self._accept(raw, event, warnings)

    def _accept(self, raw: RawRecord, event: Event, warnings: list[str]) -> Validated | Rejection:
        first = self._seen.get(event.id)
        if first is not None:
            file, line = self._files[first >> 32], first & 0xFFFFFFFF
            used = f"{file} line {line}" if line else file
            return self._reject(raw, [f"{_where(raw)}: field `id`: {_short(repr(event.id))} is already used by "
                                      f"{used}; ids must be unique within the input"], event.id)
        if not self._files or self._files[-1] != raw.file:
            self._files.append(raw.file)
        self._seen[event.id] = (len(self._files) - 1) << 32 | (raw.line or 0)
        warnings += [f"unknown field `{name}` ignored (not in contract v1)" for name in unknown_fields(event)]
        if event.date_period is not None:
            warnings.append(f"date {event.date_period!r} read as the period {event.date} to {event.end_date}")
        return Validated(event, raw.file, raw.line, warnings)

    @staticmethod
    def _reject(raw: RawRecord, errors: list[str], event_id: str | None = None) -> Rejection:
        if event_id is None and isinstance(raw.data, dict):
            found = raw.data.get("id")
            if isinstance(found, (str, int, float)) and not isinstance(found, bool) and str(found).strip():
                event_id = _short(str(found))
        return Rejection(line=raw.line, event_id=event_id, errors=errors, file=raw.file, record=raw.record)
