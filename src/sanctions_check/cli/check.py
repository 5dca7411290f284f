"""`sanctions-check check FILE...`: evaluate event files and write a report."""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Iterable, Iterator

import click

from sanctions_check.aggregate import summarise
from sanctions_check.api import EventStream, checker_for, generated_at, load_rules, party_screen, report_head, stream_results
from sanctions_check.cli.options import rules_option
from sanctions_check.cli.output import refuse_overwriting_inputs, report_file
from sanctions_check.errors import EXIT_CLEAR, EXIT_FLAGGED, InputError
from sanctions_check.io.validate import Validated
from sanctions_check.evaluate import as_result
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.report import Report, Result, Summary
from sanctions_check.report import FORMATS, render
from sanctions_check.report.json_stream import ClearSink, write_streamed

FAIL_ON = ("potential_violation", "insufficient_data", "exempt", "rejected", "never")


def run_options(func):  # type: ignore[no-untyped-def]
    """Options shared by `check` and `report`: how to read, evaluate and screen."""
    options = [
        click.option("--input-format", type=click.Choice(["json", "jsonl", "yaml", "csv"]), default=None,
                     help="Read every FILE in this format instead of guessing from the extension."),
        click.option("--engine", type=click.Choice(["durable", "reference"]), default="durable", show_default=True,
                     help="Rule engine: durable-rules, or the plain-Python reference evaluator."),
        click.option("--verify", is_flag=True, help="Evaluate with both engines and stop on any difference."),
        click.option("--timestamp", default=None, envvar="SANCTIONS_CHECK_TIMESTAMP",
                     help="Report generation time to print (default: SOURCE_DATE_EPOCH, else now), "
                          "for byte-identical reruns."),
        click.option("--designations", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
                     help="Designations list to screen parties against (default: the imported list, "
                          "else the shipped one)."),
        click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="File of reviewed matches (entity_reference,name,decision,reason,reviewer,date)."),
        click.option("--no-screening", is_flag=True, help="Do not screen party names against the designations list."),
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
                  rules_dir: str | None) -> None:
    """Check event FILES (JSON, JSON Lines, YAML or CSV) against the rules.

    Exit codes: 0 nothing flagged, 1 potential violations found (see --fail-on),
    2 input, usage or write error (also: every record of a file rejected),
    3 internal or engine error.
    """
    refuse_overwriting_inputs(output, [*files, designations, decisions])  # before anything is opened
    timestamp = generated_at(timestamp)  # a malformed SOURCE_DATE_EPOCH stops the run here
    ruleset = load_rules(rules_dir)
    stream = EventStream(files, input_format)  # checks the inputs before any output file is made
    screen = None if no_screening else party_screen(designations, decisions)
    engines = checker_for(ruleset, engine, verify, screen).engines if verify else None  # type: ignore[arg-type]
    accepted: Counter[str | None] = Counter()  # events read per input file, for the exit code
    bar = _progress(files, fmt, output)
    with bar or nullcontext(), report_file(output) as handle:
        stream.on_bytes = bar.update if bar else None
        def results(clear: ClearSink | None = None) -> Iterator[tuple[int, Result | ClearResult]]:
            return stream_results(_counted(stream, accepted), ruleset, engine=engine, verify=verify,
                                  screen=screen, clear=clear)  # type: ignore[arg-type]

        def head(summary: Summary) -> Report:
            return report_head(ruleset, summary, stream.rejected, stream.inputs, timestamp, engines)

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


def _counted(stream: Iterable[Validated], accepted: Counter[str | None]) -> Iterator[Validated]:
    for validated in stream:
        accepted[validated.file] += 1
        yield validated


def _check_rejections(report: Report, accepted: Counter[str | None]) -> None:
    """A file whose every record was rejected was not checked at all: an input error (exit 2),
    whatever --fail-on says, so a job fed a broken export cannot pass. Some records rejected
    among accepted ones: a warning here, exit 1 only with --fail-on rejected (README)."""
    rejected = Counter(rejection.file for rejection in report.rejected)
    unchecked = [file for file in rejected if not accepted[file]]
    if unchecked:
        names = ", ".join(str(file) for file in unchecked)
        raise InputError(f"{names}: every record was rejected, nothing in it was checked "
                         f"({sum(rejected[f] for f in unchecked)} rejected)",
                         "see the rejected records in the report, fix them and run again")
    if report.rejected:
        click.echo(f"warning: {len(report.rejected)} of {report.summary.events} records rejected and not checked "
                   "(listed in the report); --fail-on rejected makes this exit 1", err=True)
    for source in report.inputs:  # an empty feed may be a quiet day or a broken export: say so
        if not accepted[source.path] and not rejected[source.path]:
            click.echo(f"warning: {source.path} holds no records", err=True)


def show_progress(fmt: str, to_file: bool, stdout_tty: bool, stderr_tty: bool) -> bool:
    """A bar only for a person at a terminal: not in JSON mode, not when output is piped."""
    return fmt != "json" and stderr_tty and (to_file or stdout_tty)


def _progress(files: tuple[Path, ...], fmt: str, output: Path | None):  # type: ignore[no-untyped-def]
    if not show_progress(fmt, output is not None, sys.stdout.isatty(), sys.stderr.isatty()):
        return None
    total = sum(path.stat().st_size for path in files if path.is_file())
    return click.progressbar(length=total, label="checking", file=sys.stderr, show_eta=True)


def exit_code(summary: Summary, fail_on: tuple[str, ...]) -> int:
    """1 when any verdict named in --fail-on occurred, else 0."""
    counts = {"potential_violation": summary.flagged, "insufficient_data": summary.insufficient_data,
              "exempt": summary.exempt, "rejected": summary.rejected}
    return EXIT_FLAGGED if any(counts.get(name, 0) for name in fail_on if name != "never") and "never" not in fail_on else EXIT_CLEAR
