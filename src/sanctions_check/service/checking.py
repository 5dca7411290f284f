"""Validated events -> the report text, written by the project's own report writers.

JSON goes through `report.json_stream.write_streamed`, as `check -f json` does, and the
other formats through `report.render` on the results in input order, as `check -f FMT`
does; tests/service/test_same_as_cli.py holds the two byte for byte.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Iterator, Literal

from sanctions_check.aggregate import summarise
from sanctions_check.api import checker_for, report_head, stream_results
from sanctions_check.errors import InputError
from sanctions_check.evaluate import EngineName, as_result
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.report import Report, Result, Summary
from sanctions_check.model.ruleset import RuleSet
from sanctions_check.parties import PartyScreen
from sanctions_check.report import FORMATS, render
from sanctions_check.report.json_stream import ClearSink, write_streamed
from sanctions_check.service.body import BodyEvents

ENGINES: tuple[EngineName, ...] = ("durable", "reference")


@dataclass(frozen=True)
class CheckOptions:
    engine: EngineName = "durable"
    screening: bool = True
    verify: bool = False
    timestamp: str | None = None


def resolve_options(query: dict[str, Any], body: dict[str, Any]) -> CheckOptions:
    """A query parameter wins over the same field in the body; `fail_on` is accepted and
    ignored (a service reports; the caller decides what fails its pipeline)."""
    chosen = {key: query[key] if query.get(key) is not None else body.get(key)
              for key in ("engine", "screening", "verify", "timestamp")}
    engine = chosen["engine"] or "durable"
    if engine not in ENGINES:
        raise InputError(f"engine '{engine}' is not one of {', '.join(ENGINES)}", "leave it out for durable-rules")
    for flag in ("screening", "verify"):
        if chosen[flag] is not None and not isinstance(chosen[flag], bool):
            raise InputError(f"`{flag}` must be true or false, not {chosen[flag]!r}")
    timestamp = chosen["timestamp"]
    if timestamp is not None and not isinstance(timestamp, str):
        raise InputError(f"`timestamp` must be a string, not {timestamp!r}", "for example \"2024-06-19T00:00:00Z\"")
    return CheckOptions(engine=engine, screening=True if chosen["screening"] is None else chosen["screening"],
                        verify=bool(chosen["verify"]), timestamp=timestamp or None)


@dataclass
class Rendered:
    text: str
    summary: Summary


def write_report(events: BodyEvents, ruleset: RuleSet, options: CheckOptions, screen: PartyScreen | None,
                 fmt: Literal["json", "text", "markdown", "csv", "html"] | str) -> Rendered:
    """The report of `events` in `fmt`. Drives the engine: call it under the worker's lock."""
    engines = checker_for(ruleset, options.engine, options.verify, screen).engines if options.verify else None

    def results(clear: ClearSink | None = None) -> Iterator[tuple[int, Result | ClearResult]]:
        return stream_results(events, ruleset, engine=options.engine, verify=options.verify, screen=screen,
                              clear=clear)

    def head(summary: Summary) -> Report:
        return report_head(ruleset, summary, events.rejected, events.inputs, options.timestamp, engines, screen)

    if fmt == "json":
        out = io.StringIO()
        report = write_streamed(out, results, head)
        return Rendered(out.getvalue(), report.summary)
    in_order = [as_result(result) for _, result in sorted(results(), key=lambda pair: pair[0])]
    report = head(summarise(in_order, events.rejected))
    report.results = in_order
    return Rendered(render(report, fmt), report.summary)


def available_formats() -> list[str]:
    """The report formats this build has (the registry, so a new format file shows up here)."""
    return sorted(FORMATS)
