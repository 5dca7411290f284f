"""Raw record -> Event, or a rejection naming the file, line, record and field."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from sanctions_check.io.read import RawRecord
from sanctions_check.model.event import Event
from sanctions_check.model.report import Rejection


@dataclass
class Validated:
    event: Event
    file: str | None
    line: int | None
    warnings: list[str] = field(default_factory=list)


def _where(raw: RawRecord) -> str:
    line = f" line {raw.line}" if raw.line else ""
    return f"{raw.file}{line} (record {raw.record})"


def _message(item: dict[str, Any]) -> str:
    loc = ".".join(str(x) for x in item["loc"] if not str(x).startswith("function-after"))
    msg = item["msg"].removeprefix("Value error, ")
    if item["type"] == "missing":
        return f"field `{loc}`: required field is missing"
    if item["type"] == "literal_error":
        return f"field `{loc}`: {item['input']!r} is not allowed; {msg.lower()}"
    if not loc:
        return msg
    return f"field `{loc}`: {msg}"


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


class Validator:
    """Validates the records of one input; remembers ids to reject duplicates."""

    def __init__(self) -> None:
        # id -> where it was first used, packed into one int (file number, line): the index
        # holds every id of the input, so each entry is kept as small as Python allows.
        self._seen: dict[str, int] = {}
        self._files: list[str] = []

    def validate(self, raw: RawRecord) -> Validated | Rejection:
        if raw.text is not None:
            try:
                return self._accept(raw, Event.model_validate_json(raw.text))
            except ValidationError:
                try:
                    raw.data = json.loads(raw.text)
                except json.JSONDecodeError as error:
                    raw.error = f"malformed JSON: {error.msg} at column {error.colno}"
        if raw.error is not None:
            return self._reject(raw, [f"{_where(raw)}: {raw.error}"])
        data = raw.data
        if not isinstance(data, dict):
            return self._reject(raw, [f"{_where(raw)}: expected an event object, got {type(data).__name__}"])
        if isinstance(data.get("sources"), dict):
            data = dict(data, sources=[data["sources"]])  # CSV gives one flattened source
        try:
            event = Event.model_validate(data)
        except ValidationError as error:
            return self._reject(raw, [f"{_where(raw)}: {_message(e)}" for e in error.errors()])
        return self._accept(raw, event)

    def _accept(self, raw: RawRecord, event: Event) -> Validated | Rejection:
        first = self._seen.get(event.id)
        if first is not None:
            file, line = self._files[first >> 32], first & 0xFFFFFFFF
            used = f"{file} line {line}" if line else file
            return self._reject(raw, [f"{_where(raw)}: field `id`: '{event.id}' is already used by {used}; ids must be unique within the input"])
        if not self._files or self._files[-1] != raw.file:
            self._files.append(raw.file)
        self._seen[event.id] = (len(self._files) - 1) << 32 | (raw.line or 0)
        warnings = [f"unknown field `{name}` ignored (not in contract v1)" for name in unknown_fields(event)]
        return Validated(event, raw.file, raw.line, warnings)

    @staticmethod
    def _reject(raw: RawRecord, errors: list[str]) -> Rejection:
        event_id = raw.data.get("id") if isinstance(raw.data, dict) else None
        return Rejection(line=raw.line, event_id=str(event_id) if event_id is not None else None,
                         errors=errors, file=raw.file, record=raw.record)
