"""A request body -> the validated events of one input, as `check FILE` would read them.

The body is read by the same reader as a file (`io.read.iter_records`), under the name
`request.<format>`, so that a rejection says "request.json line 7 (record 3)" as the CLI
says it of a file of that name, and the report's `inputs` hashes the body as the CLI
hashes a file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from sanctions_check.errors import InputError
from sanctions_check.io import read
from sanctions_check.io.read import RawRecord, iter_records
from sanctions_check.io.validate import Validated, Validator
from sanctions_check.model.report import InputInfo, Rejection
from sanctions_check.service.limits import too_many_events

# Media type -> the reader's format. A body without a Content-Type is read as JSON; curl -d
# sends application/x-www-form-urlencoded, which gets 415 and a hint to set the type.
MEDIA_TYPES = {
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "application/jsonlines": "jsonl", "application/yaml": "yaml", "application/x-yaml": "yaml",
    "text/yaml": "yaml", "text/csv": "csv",
}
OPTION_FIELDS = ("engine", "screening", "verify", "timestamp", "fail_on")


class UnsupportedMedia(InputError):
    """A Content-Type the service cannot read (415)."""


def input_format(content_type: str | None) -> str:
    media = (content_type or "application/json").split(";")[0].strip().lower()
    if media in MEDIA_TYPES:
        return MEDIA_TYPES[media]
    if media.endswith("+json"):
        return "json"
    raise UnsupportedMedia(f"cannot read a body of type '{media}'",
                           f"set Content-Type to one of {', '.join(sorted(MEDIA_TYPES))} "
                           "(with curl: -H 'Content-Type: application/json')")


def decode(name: str, data: bytes) -> str:
    """UTF-8 (a BOM allowed), with the words the CLI uses for a file that is not."""
    return read.decode(name, data)


@dataclass
class BodyEvents:
    """The validated events of a body; rejections collect as it is consumed, as in api.EventStream."""

    records: list[RawRecord]
    inputs: list[InputInfo]
    options: dict[str, Any] = field(default_factory=dict)  # option fields given in the body
    rejected: list[Rejection] = field(default_factory=list)

    def __iter__(self) -> Iterator[Validated]:
        validator = Validator()
        for raw in self.records:
            outcome = validator.validate(raw)
            if isinstance(outcome, Rejection):
                self.rejected.append(outcome)
            else:
                yield outcome


def read_body(data: bytes, content_type: str | None, max_events: int) -> BodyEvents:
    """Parse a body; InputError (400) if it cannot be read at all, TooLarge (413) over max_events."""
    fmt = input_format(content_type)
    name = f"request.{fmt}"
    text = decode(name, data)
    records = list(iter_records(Path(name), fmt, text))
    if len(records) > max_events:
        raise too_many_events(len(records), max_events)
    seen = sum(1 for raw in records if not raw.whole_file)  # as the CLI counts a file's records
    inputs = [InputInfo(path=name, sha256=hashlib.sha256(data).hexdigest(), records=seen)]
    return BodyEvents(records, inputs, _options(fmt, text))


def _options(fmt: str, text: str) -> dict[str, Any]:
    """The option fields of an object body ({"events": [...], "engine": ...})."""
    if fmt != "json" or not text.lstrip().startswith("{"):
        return {}
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        return {}  # the reader has already said what is wrong, or salvaged the events
    return {key: whole[key] for key in OPTION_FIELDS if isinstance(whole, dict) and key in whole}
