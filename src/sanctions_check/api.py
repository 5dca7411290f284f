"""The library: check, load_events, load_rules. The CLI calls only this module."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, TypeVar

from sanctions_check import __version__
from sanctions_check.aggregate import summarise
from sanctions_check.errors import InputError
from sanctions_check.evaluate import Checker, EngineName
from sanctions_check.io.read import RawRecord, detect_format, iter_file
from sanctions_check.io.surrogates import escape as surrogate_escape
from sanctions_check.io.surrogates import first_surrogate
from sanctions_check.io.validate import Validated, Validator
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.event import Event
from sanctions_check.model.report import (
    DesignationsInfo, InputInfo, Rejection, Report, Result, RulesetInfo, Summary, ToolInfo,
)
from sanctions_check.lists import DesignationList, load_designations
from sanctions_check.model.ruleset import RuleSet
from sanctions_check.parties import PartyScreen
from sanctions_check.ruleset.load import load_ruleset
from sanctions_check.screening import load_decisions

__all__ = ["check", "load_events", "load_rules", "party_screen", "LoadedEvents", "EventStream", "stream_results"]

# Built once and reused, but bounded: a long-running caller that reloads rules or passes
# a new DesignationList object per call must not grow without end (each Checker holds
# ~2 MB). Keys hold the objects themselves, never id(): a freed object's id is reused.
_CACHED = 8
_checkers: OrderedDict[tuple[RuleSet, str, bool, PartyScreen | None], Checker] = OrderedDict()
_screens: OrderedDict[tuple[str, str], PartyScreen] = OrderedDict()

_T = TypeVar("_T")


def _cached(cache: OrderedDict[Any, _T], key: Any, make: Callable[[], _T]) -> _T:
    """cache[key], made on first use; the least recently used entry goes past _CACHED."""
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    value = cache[key] = make()
    while len(cache) > _CACHED:
        cache.popitem(last=False)
    return value


def load_rules(rules_dir: Path | str | None = None) -> RuleSet:
    """Load and validate a rule set (default: the bundled rules/unsc-dprk)."""
    return load_ruleset(rules_dir)


@dataclass
class LoadedEvents:
    """Events that passed validation, the records that did not, and the inputs read."""

    events: list[Validated] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    inputs: list[InputInfo] = field(default_factory=list)


class EventStream:
    """Validated events of some files, read lazily; rejections and input hashes collect
    as the stream is consumed (complete once it is exhausted).

    A file that cannot be read, or whose records cannot be found exactly, becomes one
    rejection of scope "file" naming it and why; the other files are still checked.
    """

    def __init__(self, paths: Iterable[Path | str], input_format: str | None = None,
                 on_bytes: Callable[[int], None] | None = None) -> None:
        self.paths = [Path(p) for p in paths]
        self.input_format = input_format
        self.on_bytes = on_bytes  # progress: called with the size of each chunk read
        self.rejected: list[Rejection] = []
        self.inputs: list[InputInfo] = []

    def __iter__(self) -> Iterator[Validated]:
        validator = Validator()  # ids must be unique across all inputs of one run
        for path in self.paths:
            digest = hashlib.sha256()
            meter = _Metered(digest, self.on_bytes) if self.on_bytes else digest
            records = 0
            try:
                for raw in iter_file(path, detect_format(path, self.input_format), meter):
                    records += 0 if raw.whole_file else 1
                    outcome = validator.validate(raw)
                    if isinstance(outcome, Rejection):
                        self.rejected.append(outcome)
                    else:
                        yield outcome
            except InputError as error:
                self.rejected.append(file_rejection(path, error))
                self.inputs.append(InputInfo(path=str(path), sha256=digest.hexdigest(), records=None))
                continue
            self.inputs.append(InputInfo(path=str(path), sha256=digest.hexdigest(), records=records))


def file_rejection(path: Path | str, error: InputError) -> Rejection:
    """A whole file that could not be read, as an entry of the report's `rejected`."""
    text = error.message if error.message.startswith(str(path)) else f"{path}: {error.message}"
    return Rejection(file=str(path), errors=[f"{text} ({error.hint})" if error.hint else text], scope="file")


class _Metered:
    """A digest that also reports how many bytes went through it (for a progress bar)."""

    def __init__(self, digest: Any, on_bytes: Callable[[int], None]) -> None:
        self._digest, self._on_bytes = digest, on_bytes

    def update(self, data: bytes) -> None:
        self._digest.update(data)
        self._on_bytes(len(data))


def load_events(paths: Iterable[Path | str] | Path | str, input_format: str | None = None) -> LoadedEvents:
    """Read and validate event files (one path or several); bad records are rejected with
    file, line and field, and a file that cannot be read is rejected as a file."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    elif isinstance(paths, (bytes, Mapping)) or not isinstance(paths, Iterable):
        raise TypeError(f"load_events takes a path or a list of paths, not {type(paths).__name__}")
    stream = EventStream(paths, input_format)
    events = list(stream)
    return LoadedEvents(events, stream.rejected, stream.inputs)


def _from_objects(events: Iterable[Event | Mapping[str, Any]]) -> LoadedEvents:
    loaded = LoadedEvents()
    validator = Validator()
    for number, event in enumerate(events, start=1):
        data = event.model_dump(mode="json", exclude_none=True) if isinstance(event, Event) else event
        record = dict(data) if isinstance(data, Mapping) else data
        # A lone surrogate is shown as U+FFFD with a warning by the validator (io.validate.scrub).
        outcome = _validated(validator, RawRecord("<events>", None, number, record), record, number)
        (loaded.rejected if isinstance(outcome, Rejection) else loaded.events).append(outcome)
    return loaded


def _loaded(events: Any) -> LoadedEvents:
    """What `check` was given, as loaded events: one event or dict, a path, or an iterable of events."""
    if isinstance(events, LoadedEvents):
        return events
    if isinstance(events, (Event, Mapping)):
        return _from_objects([events])
    if isinstance(events, (str, Path)):
        return load_events([events])
    if isinstance(events, bytes) or not isinstance(events, Iterable):
        raise TypeError(f"check takes an event (a dict or Event), a path, an iterable of events or what "
                        f"load_events returns, not {type(events).__name__}")
    return _from_objects(events)


def _validated(validator: Validator, raw: RawRecord, record: Any, number: int) -> Validated | Rejection:
    # check() promises to return a report for any input: a record the validator cannot
    # handle is a rejection that says so, never an exception out of check().
    try:
        return validator.validate(raw)
    except Exception as error:  # noqa: BLE001
        return Rejection(line=None, event_id=_shown_id(record), file="<events>", record=number, errors=[
            f"record {number}: cannot be validated ({type(error).__name__}: {surrogate_escape(str(error))[:200]}); "
            "this is a bug in sanctions-check, please report it with the record"])


def _shown_id(record: Any) -> str | None:
    value = record.get("id") if isinstance(record, dict) else None
    # Only a scalar is shown: str() of a deeply nested value would itself overflow the stack.
    return surrogate_escape(str(value)) if isinstance(value, (str, int, float)) else None


def party_screen(designations: DesignationList | Path | str | None = None,
                 decisions: Path | str | None = None) -> PartyScreen:
    """Screening against a designations list (default: the imported list, else the shipped one),
    with an optional file of reviewed matches. Built once per list (by content, for a
    DesignationList object) and decisions file."""
    if isinstance(designations, DesignationList):
        listed = designations
        digest = hashlib.sha256(listed.model_dump_json().encode("utf-8", "surrogatepass")).hexdigest()
        return _cached(_screens, ("list:" + digest, str(decisions or "")),
                       lambda: PartyScreen(listed, load_decisions(decisions) if decisions else None))
    key = ("path:" + str(designations or ""), str(decisions or ""))
    return _cached(_screens, key, lambda: PartyScreen(load_designations(Path(designations) if designations else None),
                                                      load_decisions(decisions) if decisions else None))


def checker_for(ruleset: RuleSet, engine: EngineName = "durable", verify: bool = False,
                screen: PartyScreen | None = None) -> Checker:
    """One Checker per rule set, engine and screen in use (the durable engine's own rulesets
    are never freed; engine/durable.py builds each distinct definition once)."""
    return _cached(_checkers, (ruleset, engine, verify, screen),
                   lambda: Checker(ruleset, engine=engine, verify=verify, screen=screen))


# Seconds of 9999-12-31T23:59:59Z: the last time a four-digit year can show.
_LAST_EPOCH = 253402300799

TIMESTAMP_FORMS = ("an ISO 8601 date-time with an offset or Z (2026-01-01T00:00:00Z), "
                   "a date (2026-01-01) or whole seconds since 1970-01-01 UTC (1767225600)")


def parse_timestamp(text: str) -> str:
    """A `--timestamp` as the report prints it: ISO 8601 kept as written, epoch seconds as UTC.

    Anything else is refused rather than printed: a report dated "yesterday" cannot be
    compared with another, and the list age is computed from this date.
    """
    value = text.strip()
    if value.isascii() and value.isdigit():
        return _epoch_utc(value, f"--timestamp {text!a}", f"give {TIMESTAMP_FORMS}")
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
            return value
        parsed = dt.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        parsed = None
    if parsed is None or "T" not in value.upper() or parsed.tzinfo is None:
        raise InputError(f"--timestamp {text!a} is not a date, a date-time with an offset, or epoch seconds",
                         f"give {TIMESTAMP_FORMS}")
    return value


def generated_at(timestamp: str | None = None) -> str:
    """An explicit timestamp, else SOURCE_DATE_EPOCH, else now (UTC), so runs can be compared.

    A set but malformed SOURCE_DATE_EPOCH is an error, not ignored: the specification
    (https://reproducible-builds.org/specs/source-date-epoch/) asks tools to fail on it,
    since a silently different timestamp defeats a byte-for-byte comparison.
    """
    if timestamp:
        return timestamp
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch == "":
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    shown = epoch if len(epoch) <= 40 else epoch[:40] + "..."
    hint = "set it to whole seconds since 1970-01-01 UTC (e.g. `git log -1 --format=%ct`), or unset it"
    if not epoch.isascii() or not epoch.isdigit():
        raise InputError(f"SOURCE_DATE_EPOCH={shown!a} is not a number of seconds", hint)
    return _epoch_utc(epoch, f"SOURCE_DATE_EPOCH={shown!a}", hint)


def _epoch_utc(digits: str, what: str, hint: str) -> str:
    """Whole seconds since 1970 as the report prints a time; shared by --timestamp and SOURCE_DATE_EPOCH."""
    if len(digits) > 12 or int(digits) > _LAST_EPOCH:
        raise InputError(f"{what} is after the year 9999", hint)
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(digits)))


def report_head(ruleset: RuleSet, summary: Summary, rejected: list[Rejection], inputs: list[InputInfo],
                timestamp: str | None, engines: list[str] | None, screen: PartyScreen | None = None) -> Report:
    """The report without its results: what a streaming writer puts around them."""
    when = generated_at(timestamp)
    return Report(
        tool=ToolInfo(version=__version__),
        ruleset=RulesetInfo(id=ruleset.id, version=ruleset.version, sha256=ruleset.sha256),
        summary=summary, results=[], rejected=rejected, generated_at=when,
        inputs=inputs, verified_engines=engines,
        designations=designations_info(screen, when) if screen is not None else None,
    )


def designations_info(screen: PartyScreen, when: str) -> DesignationsInfo:
    """Which list was screened against, and how old it was on the report's date."""
    listed = screen.designations
    age = None
    try:
        if listed.generated_on is not None:
            age = (dt.date.fromisoformat(when[:10]) - listed.generated_on).days
    except ValueError:  # a --timestamp that is not a date gives no age
        age = None
    return DesignationsInfo(source=listed.source, generated_on=listed.generated_on, imported_on=listed.imported_on,
                            sha256=screen.list_sha256, entries=len(listed.entries), age_days=age)


def stream_results(events: Iterable[Validated], rules: RuleSet, *, engine: EngineName = "durable",
                   verify: bool = False, screen: PartyScreen | None = None,
                   clear: Callable[[int, Validated], None] | None = None) -> Iterator[tuple[int, Result | ClearResult]]:
    """(input index, result) pairs as each becomes final, not in input order: DPRK-linked
    events are evaluated in batches, cap-counted events come last (sort by the index).
    Events with no DPRK link come as light ClearResult records (`.to_result()` for the model),
    or, if `clear` is given, are passed to it as (index, validated event) instead."""
    return checker_for(rules, engine, verify, screen).stream(events, clear)


def check(
    events: Iterable[Event | Mapping[str, Any]] | Event | Mapping[str, Any] | LoadedEvents | Path | str,
    rules: RuleSet | None = None,
    *,
    engine: EngineName = "durable",
    verify: bool = False,
    timestamp: str | None = None,
    screening: bool = True,
    designations: DesignationList | Path | str | None = None,
    decisions: Path | str | None = None,
) -> Report:
    """Check events (models, dicts or the result of load_events) and return the typed report.

    Party names are screened against the designations list unless `screening` is False.
    """
    ruleset = rules or load_rules()
    loaded = _loaded(events)
    screen = party_screen(designations, decisions) if screening else None
    checker = checker_for(ruleset, engine, verify, screen)
    results = checker.run(loaded.events)
    report = report_head(ruleset, summarise(results, loaded.rejected), loaded.rejected, loaded.inputs,
                         timestamp, checker.engines if verify else None, screen)
    report.results = results
    return report
