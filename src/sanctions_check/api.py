"""The library: check, load_events, load_rules. The CLI calls only this module."""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from sanctions_check import __version__
from sanctions_check.evaluate import Checker, EngineName
from sanctions_check.io.read import RawRecord, detect_format, iter_records, read_text
from sanctions_check.io.validate import Validated, Validator
from sanctions_check.model.event import Event
from sanctions_check.model.report import (
    InputInfo, Rejection, Report, Result, RulesetInfo, Summary, ToolInfo,
)
from sanctions_check.model.ruleset import RuleSet
from sanctions_check.ruleset.load import load_ruleset

__all__ = ["check", "load_events", "load_rules", "LoadedEvents"]

_checkers: dict[tuple[int, str, bool], Checker] = {}


def load_rules(rules_dir: Path | str | None = None) -> RuleSet:
    """Load and validate a rule set (default: the bundled rules/unsc-dprk)."""
    return load_ruleset(rules_dir)


@dataclass
class LoadedEvents:
    """Events that passed validation, the records that did not, and the inputs read."""

    events: list[Validated] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    inputs: list[InputInfo] = field(default_factory=list)


def load_events(paths: Iterable[Path | str], input_format: str | None = None) -> LoadedEvents:
    """Read and validate event files; bad records are rejected with file, line and field."""
    loaded = LoadedEvents()
    validator = Validator()  # ids must be unique across all inputs of one run
    for raw_path in paths:
        path = Path(raw_path)
        text = read_text(path)
        loaded.inputs.append(InputInfo(path=str(path), sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()))
        for raw in iter_records(path, detect_format(path, input_format), text):
            outcome = validator.validate(raw)
            (loaded.rejected if isinstance(outcome, Rejection) else loaded.events).append(outcome)
    return loaded


def _validated(events: Iterable[Event | Mapping[str, Any]], loaded: LoadedEvents) -> None:
    validator = Validator()
    for number, event in enumerate(events, start=1):
        data = event.model_dump(mode="json", exclude_none=True) if isinstance(event, Event) else event
        outcome = validator.validate(RawRecord("<events>", None, number, dict(data) if isinstance(data, Mapping) else data))
        (loaded.rejected if isinstance(outcome, Rejection) else loaded.events).append(outcome)


def _checker(ruleset: RuleSet, engine: EngineName, verify: bool) -> Checker:
    key = (id(ruleset), engine, verify)
    if key not in _checkers:
        _checkers[key] = Checker(ruleset, engine=engine, verify=verify)
    return _checkers[key]


def generated_at(timestamp: str | None = None) -> str:
    """An explicit timestamp, else SOURCE_DATE_EPOCH, else now (UTC), so runs can be compared."""
    if timestamp:
        return timestamp
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seconds = int(epoch) if epoch and epoch.isdigit() else int(time.time())
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def summarise(results: list[Result], rejected: list[Rejection]) -> Summary:
    verdicts = Counter(r.verdict for r in results)
    by_status = Counter(r.status for r in results if r.findings)
    by_resolution = Counter(str(f.resolution) for r in results for f in r.findings if not f.exempted)
    return Summary(
        events=len(results) + len(rejected), evaluated=len(results), rejected=len(rejected),
        flagged=verdicts["potential_violation"], findings=sum(len(r.findings) for r in results),
        exempt=verdicts["exempt"], clear=verdicts["clear"], insufficient_data=verdicts["insufficient_data"],
        by_status=dict(sorted(by_status.items())), by_resolution=dict(sorted(by_resolution.items())),
    )


def check(
    events: Iterable[Event | Mapping[str, Any]] | LoadedEvents,
    rules: RuleSet | None = None,
    *,
    engine: EngineName = "durable",
    verify: bool = False,
    timestamp: str | None = None,
) -> Report:
    """Check events (models, dicts or the result of load_events) and return the typed report."""
    ruleset = rules or load_rules()
    if isinstance(events, LoadedEvents):
        loaded = events
    else:
        loaded = LoadedEvents()
        _validated(events, loaded)
    checker = _checker(ruleset, engine, verify)
    results = checker.run(loaded.events)
    return Report(
        tool=ToolInfo(version=__version__),
        ruleset=RulesetInfo(id=ruleset.id, version=ruleset.version, sha256=ruleset.sha256),
        summary=summarise(results, loaded.rejected),
        results=results,
        rejected=loaded.rejected,
        generated_at=generated_at(timestamp),
        inputs=loaded.inputs,
        verified_engines=checker.engines if verify else None,
    )
