"""`sanctions-check check FILE...`: evaluate event files and write a report."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Iterable, Iterator

import click

from sanctions_check.aggregate import summarise
from sanctions_check.api import EventStream, checker_for, generated_at, load_rules, parse_timestamp, party_screen, report_head, stream_results
from sanctions_check.cli.options import rules_option
from sanctions_check.cli.output import refuse_overwriting_inputs, report_file
from sanctions_check.errors import EXIT_CLEAR, EXIT_FLAGGED, EXIT_USAGE, InputError
from sanctions_check.io.validate import Validated
from sanctions_check.evaluate import as_result
from sanctions_check.lists import DesignationList
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.report import Report, Result, Summary
from sanctions_check.report import FORMATS, render
from sanctions_check.report.json_stream import ClearSink, write_streamed

FAIL_ON = ("potential_violation", "insufficient_data", "exempt", "rejected", "never")


def _timestamp_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a timestamp the report could not be compared by, before any file is read."""
    if value is None:
        return None
    try:
        return parse_timestamp(value)
    except InputError as error:
        raise click.BadParameter(f"{error.message}; {error.hint}", ctx=ctx, param=param) from None


def run_options(func):  # type: ignore[no-untyped-def]
    """Options shared by `check` and `report`: how to read, evaluate and screen."""
    options = [
        click.option("--input-format", type=click.Choice(["json", "jsonl", "yaml", "csv"]), default=None,
                     help="Read every FILE in this format instead of guessing from the extension."),
        click.option("--engine", type=click.Choice(["durable", "reference"]), default="durable", show_default=True,
                     help="Rule engine: durable-rules, or the plain-Python reference evaluator."),
        click.option("--verify", is_flag=True, help="Evaluate with both engines and stop on any difference."),
        click.option("--timestamp", default=None, envvar="SANCTIONS_CHECK_TIMESTAMP", metavar="WHEN",
                     callback=_timestamp_option,
                     help="Report generation time to print: ISO 8601 date-time with offset or Z, a date, "
                          "or epoch seconds (default: SOURCE_DATE_EPOCH, else now), for byte-identical reruns."),
        click.option("--designations", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
                     help="Designations list to screen parties against (default: the imported list, "
                          "else the shipped one)."),
        click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="File of reviewed matches (entity_reference,name,decision,reason,reviewer,date)."),
        click.option("--no-screening", is_flag=True, help="Do not screen party names against the designations list."),
        click.option("--max-list-age", "max_list_age", type=click.IntRange(min=0), default=180, show_default=True,
                     envvar="SANCTIONS_CHECK_MAX_LIST_AGE", metavar="DAYS",
                     help="Warn on standard error when the designations list is older than this."),
        rules_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--fail-on", "fail_on", type=click.Choice(FAIL_ON), multiple=True, default=("potential_violation",),
              show_default=True, help="Verdicts that make the exit code 1 (repeatable); 'never' always exits 0.")
@run_options
def check_command(files: tuple[Path, ...], fmt: str, output: Path | None, fail_on: tuple[str, ...],
                  input_format: str | None, engine: str, verify: bool, timestamp: str | None,
                  designations: Path | None, decisions: Path | None, no_screening: bool,
                  max_list_age: int, rules_dir: str | None) -> None:
    """Check event FILES (JSON, JSON Lines, YAML or CSV) against the rules.

    Exit codes: 0 nothing flagged, 1 potential violations found (see --fail-on),
    2 input, usage or write error (also: every record of a file rejected),
    3 internal or engine error.
    """
    refuse_overwriting_inputs(output, [*files, designations, decisions])  # before anything is opened
    timestamp = generated_at(timestamp)  # a malformed SOURCE_DATE_EPOCH stops the run here
    ruleset = load_rules(rules_dir)
    stream = EventStream(files, input_format)
    if not any(path.is_file() for path in files):  # nothing to report on: no output file is made
        missing = files[0]
        raise InputError(f"{missing}: no such file" if not missing.exists() else f"{missing}: not a file",
                         "check the path")
    screen = None if no_screening else party_screen(designations, decisions)
    if screen is not None:
        warn_if_stale(screen.designations, max_list_age)
    engines = checker_for(ruleset, engine, verify, screen).engines if verify else None  # type: ignore[arg-type]
    accepted: Counter[str | None] = Counter()  # events read per input file, for the exit code
    bar = _progress(files, fmt, output)
    with bar or nullcontext(), report_file(output) as handle:
        stream.on_bytes = bar.update if bar else None
        def results(clear: ClearSink | None = None) -> Iterator[tuple[int, Result | ClearResult]]:
            return stream_results(_counted(stream, accepted), ruleset, engine=engine, verify=verify,
                                  screen=screen, clear=clear)  # type: ignore[arg-type]

        def head(summary: Summary) -> Report:
            return report_head(ruleset, summary, stream.rejected, stream.inputs, timestamp, engines, screen)

        if fmt == "json":
            # JSON is the format for large feeds: streamed, so memory stays flat.
            report = write_streamed(handle, results, head)
        else:
            in_order = [as_result(result) for _, result in sorted(results(), key=lambda pair: pair[0])]
            report = head(summarise(in_order, stream.rejected))
            report.results = in_order
            handle.write(render(report, fmt))
        handle.flush()
    if output is not None:
        click.echo(f"wrote {output} ({report.summary.flagged} flagged of {report.summary.events})", err=True)
    _check_rejections(report, accepted)
    raise click.exceptions.Exit(exit_code(report.summary, fail_on))


def warn_if_stale(listed: DesignationList, max_age: int) -> None:
    """A list generated long ago misses newer designations: say so, and how to update."""
    if listed.generated_on is None:
        return
    age = (dt.date.today() - listed.generated_on).days
    if age > max_age:
        click.echo(f"warning: the designations list was generated on {listed.generated_on} ({age} days ago, "
                   f"more than {max_age}); designations made since are not screened. Update it with "
                   "`sanctions-check lists update` (or `lists import FILE.xml`), or pass --max-list-age.", err=True)


def _counted(stream: Iterable[Validated], accepted: Counter[str | None]) -> Iterator[Validated]:
    for validated in stream:
        accepted[validated.file] += 1
        yield validated


def _check_rejections(report: Report, accepted: Counter[str | None]) -> None:
    """A file that could not be read, or whose every record was rejected, was not checked: an
    input error (exit 2), whatever --fail-on says, so a job fed a broken export cannot pass.
    Some records rejected among accepted ones: a warning here, exit 1 only with --fail-on
    rejected (README)."""
    records = [rejection for rejection in report.rejected if rejection.scope == "record"]
    problems = [rejection for rejection in report.rejected if rejection.scope == "file"]
    rejected = Counter(rejection.file for rejection in records)
    for problem in problems:
        click.echo(f"error: {problem.errors[0]}", err=True)
    unchecked = [file for file in rejected if not accepted[file]]
    if unchecked:
        names = ", ".join(str(file) for file in unchecked)
        raise InputError(f"{names}: every record was rejected, nothing in it was checked "
                         f"({sum(rejected[f] for f in unchecked)} rejected)",
                         "see the rejected records in the report, fix them and run again")
    if records:
        click.echo(f"warning: {len(records)} of {report.summary.events} records rejected and not checked "
                   "(listed in the report); --fail-on rejected makes this exit 1", err=True)
    troubled = {problem.file for problem in problems}
    for source in report.inputs:  # an empty feed may be a quiet day or a broken export: say so
        if not accepted[source.path] and not rejected[source.path] and source.path not in troubled:
            click.echo(f"warning: {source.path} holds no records", err=True)
    if problems:
        raise click.exceptions.Exit(EXIT_USAGE)


def show_progress(fmt: str, to_file: bool, stdout_tty: bool, stderr_tty: bool) -> bool:
    """A bar only for a person at a terminal: not in JSON mode, not when output is piped."""
    return fmt != "json" and stderr_tty and (to_file or stdout_tty)


def _progress(files: tuple[Path, ...], fmt: str, output: Path | None):  # type: ignore[no-untyped-def]
    if not show_progress(fmt, output is not None, sys.stdout.isatty(), sys.stderr.isatty()):
        return None
    total = sum(path.stat().st_size for path in files if path.is_file())
    return click.progressbar(length=total, label="checking", file=sys.stderr, show_eta=True)


def exit_code(summary: Summary, fail_on: tuple[str, ...]) -> int:
    """2 when input could not be read (a file, part of one, or every record of the input),
    else 1 when any verdict named in --fail-on occurred, else 0."""
    if summary.input_errors or (summary.rejected and not summary.evaluated):
        return EXIT_USAGE
    counts = {"potential_violation": summary.flagged, "insufficient_data": summary.insufficient_data,
              "exempt": summary.exempt, "rejected": summary.rejected}
    return EXIT_FLAGGED if any(counts.get(name, 0) for name in fail_on if name != "never") and "never" not in fail_on else EXIT_CLEAR
