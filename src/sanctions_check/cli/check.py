"""`sanctions-check check FILE...`: evaluate event files and write a report."""

from __future__ import annotations

from pathlib import Path

import click

from sanctions_check.api import check, load_events, load_rules
from sanctions_check.cli.options import rules_option
from sanctions_check.errors import EXIT_CLEAR, EXIT_FLAGGED, EXIT_USAGE
from sanctions_check.report import FORMATS, render

FAIL_ON = ("potential_violation", "insufficient_data", "exempt", "rejected", "never")


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--fail-on", "fail_on", type=click.Choice(FAIL_ON), multiple=True, default=("potential_violation",),
              show_default=True, help="Verdicts that make the exit code 1 (repeatable); 'never' always exits 0.")
@click.option("--input-format", type=click.Choice(["json", "jsonl", "yaml", "csv"]), default=None,
              help="Read every FILE in this format instead of guessing from the extension.")
@click.option("--engine", type=click.Choice(["durable", "reference"]), default="durable", show_default=True,
              help="Rule engine: durable-rules, or the plain-Python reference evaluator.")
@click.option("--verify", is_flag=True, help="Evaluate with both engines and stop on any difference.")
@click.option("--timestamp", default=None, envvar="SANCTIONS_CHECK_TIMESTAMP",
              help="Report generation time to print (default: SOURCE_DATE_EPOCH, else now), for byte-identical reruns.")
@rules_option
def check_command(files: tuple[Path, ...], fmt: str, output: Path | None, fail_on: tuple[str, ...],
                  input_format: str | None, engine: str, verify: bool, timestamp: str | None,
                  rules_dir: str | None) -> None:
    """Check event FILES (JSON, JSON Lines, YAML or CSV) against the rules.

    Exit codes: 0 nothing flagged, 1 potential violations found (see --fail-on),
    2 input or usage error, 3 internal or engine error.
    """
    ruleset = load_rules(rules_dir)
    loaded = load_events(files, input_format)
    report = check(loaded, ruleset, engine=engine, verify=verify, timestamp=timestamp)  # type: ignore[arg-type]
    text = render(report, fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise click.exceptions.Exit(_fail(f"cannot write {output}: {error.strerror}"))
        click.echo(f"wrote {output} ({report.summary.flagged} flagged of {report.summary.events})", err=True)
    raise click.exceptions.Exit(exit_code(report, fail_on))


def _fail(message: str) -> int:
    click.echo(f"error: {message}", err=True)
    return EXIT_USAGE


def exit_code(report, fail_on: tuple[str, ...]) -> int:  # type: ignore[no-untyped-def]
    if "never" in fail_on:
        return EXIT_CLEAR
    verdicts = {r.verdict for r in report.results}
    if "rejected" in fail_on and report.rejected:
        return EXIT_FLAGGED
    return EXIT_FLAGGED if verdicts & set(fail_on) else EXIT_CLEAR
