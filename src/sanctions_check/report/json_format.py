"""JSON report, contract v1 (plus added fields). Stable key order, so runs diff cleanly.

The same writer serves a report held in memory and one streamed from a spool of
results, so both give byte-identical output.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any, Callable, Iterable, TextIO

from pydantic_core import PydanticSerializationError

from sanctions_check.model.report import Report, Result

_SURROGATE = re.compile("[\ud800-\udfff]")


def _indent(text: str, level: int) -> str:
    return text.replace("\n", "\n" + "  " * level)


def result_json(result: Result) -> str:
    """One result as it appears inside the report's `results` list (before indenting).

    pydantic's serialiser, not json.dumps: with `indent` the standard library falls
    back to its pure-Python encoder, which cost more than validating the input.
    """
    try:
        return result.model_dump_json(indent=2)
    except PydanticSerializationError:  # a lone surrogate from the input: UTF-8 cannot hold it
        return escaped_json(result.model_dump(mode="json"))


def escaped_json(value: Any) -> str:
    """`value` as indented JSON, each lone surrogate written as its `\\uXXXX` escape: valid
    JSON that reads back to the same string, where the raw character would make every
    UTF-8 writer fail (a record may carry one: JSON's `"\\ud800"` reads as one)."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) if _SURROGATE.search(text) else text


def write(out: TextIO, report: Report, results: Iterable[str]) -> None:
    """Write `report` with `results` (pre-serialised by result_json) in place of report.results."""

    def body(out: TextIO) -> None:
        first = True
        for text in results:
            out.write("[\n    " if first else ",\n    ")
            out.write(_indent(text, 2))
            first = False
        out.write("[]" if first else "\n  ]")

    write_around(out, report, body)


def write_around(out: TextIO, report: Report, results: Callable[[TextIO], None]) -> None:
    """Write `report`, calling `results(out)` to write the value of its `results` key."""
    head = report.model_dump(mode="json", exclude={"results"})
    keys = list(Report.model_fields)
    out.write("{\n")
    for position, key in enumerate(keys):
        out.write(f"  {json.dumps(key)}: ")
        if key == "results":
            results(out)
        else:
            out.write(_indent(escaped_json(head[key]), 1))
        out.write(",\n" if position < len(keys) - 1 else "\n")
    out.write("}\n")


def render(report: Report) -> str:
    buffer = io.StringIO()
    write(buffer, report, (result_json(r) for r in report.results))
    return buffer.getvalue()
