"""The result of an event with no link to the DPRK: most of a trade feed.

Building a pydantic Result and serialising it cost more than validating the event, so
such events get this light record; `to_json` writes exactly what
`Result.model_dump_json(indent=2)` would (a test holds the two together).
"""

from __future__ import annotations

from dataclasses import dataclass
from json.encoder import encode_basestring  # the C quoter json.dumps(ensure_ascii=False) uses
from typing import Any

from sanctions_check.model.report import Result


def _s(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


@dataclass(frozen=True, slots=True)
class ClearResult:
    event_id: str
    date: Any
    kind: str
    status: str
    origin: str
    destination: str
    via: list[str]
    item: str | None
    summary: str
    warnings: list[str]
    sources: list[dict[str, Any]]
    file: str | None
    line: int | None

    verdict = "clear"
    findings: tuple = ()

    def to_result(self) -> Result:
        return Result(
            event_id=self.event_id, verdict="clear", findings=[], date=self.date, kind=self.kind,
            origin=self.origin, destination=self.destination, via=self.via, item=self.item, caps=[],
            status=self.status, summary=self.summary, missing=[], exemption_rejected=None,  # type: ignore[arg-type]
            warnings=self.warnings, sources=self.sources, file=self.file, line=self.line,
        )

    def to_json(self) -> str:
        if self.via or self.warnings or self.sources:
            return self.to_result().model_dump_json(indent=2)  # rare: not worth a template
        return (
            f'{{\n  "event_id": {_s(self.event_id)},\n  "verdict": "clear",\n  "findings": [],\n'
            f'  "date": "{self.date.isoformat()}",\n  "kind": {_s(self.kind)},\n'
            f'  "origin": {_s(self.origin)},\n  "destination": {_s(self.destination)},\n  "via": [],\n'
            f'  "item": {_s(self.item)},\n  "caps": [],\n  "status": {_s(self.status)},\n'
            f'  "summary": {_s(self.summary)},\n  "missing": [],\n  "exemption_rejected": null,\n'
            f'  "warnings": [],\n  "sources": [],\n  "file": {_s(self.file)},\n'
            f'  "line": {"null" if self.line is None else int(self.line)}\n}}'
        )
