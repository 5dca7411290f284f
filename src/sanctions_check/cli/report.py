"""`sanctions-check report FILE... -o report.html`: the HTML audit report for signing."""

from __future__ import annotations

from pathlib import Path

import click

from sanctions_check.api import check, load_events, load_rules
from sanctions_check.cli.check import FAIL_ON, exit_code
from sanctions_check.cli.options import rules_option
from sanctions_check.errors import EXIT_USAGE
from sanctions_check.report import html


@click.command("report")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the HTML report to this file (default: standard output).")
@click.option("--fail-on", "fail_on", type=click.Choice(FAIL_ON), multiple=True, default=("never",),
              show_default=True, help="Verdicts that make the exit code 1 (repeatable), as in `check`.")
@click.option("--input-format", type=click.Choice(["json", "jsonl", "yaml", "csv"]), default=None,
              help="Read every FILE in this format instead of guessing from the extension.")
@click.option("--engine", type=click.Choice(["durable", "reference"]), default="durable", show_default=True,
              help="Rule engine: durable-rules, or the plain-Python reference evaluator.")
@click.option("--verify", is_flag=True, help="Evaluate with both engines and stop on any difference.")
@click.option("--timestamp", default=None, envvar="SANCTIONS_CHECK_TIMESTAMP",
              help="Report generation time to print (default: SOURCE_DATE_EPOCH, else now), for byte-identical reruns.")
@rules_option
def report_command(files: tuple[Path, ...], output: Path | None, fail_on: tuple[str, ...],
                   input_format: str | None, engine: str, verify: bool, timestamp: str | None,
                   rules_dir: str | None) -> None:
    """Check event FILES and write a self-contained HTML audit report.

    The page holds the summary, a timeline and cap charts, every finding with its
    citation and sources, rejected records, provenance and a blank sign-off block;
    it loads nothing from the network and prints to PDF from a browser.

    Exit codes: 0 report written (or nothing matched --fail-on), 1 a verdict named by
    --fail-on was found, 2 input or usage error, 3 internal or engine error.
    """
    ruleset = load_rules(rules_dir)
    loaded = load_events(files, input_format)
    report = check(loaded, ruleset, engine=engine, verify=verify, timestamp=timestamp)  # type: ignore[arg-type]
    page = html.render(report)
    if output is None:
        click.echo(page, nl=False)
    else:
        try:
            output.write_text(page, encoding="utf-8")
        except OSError as error:
            click.echo(f"error: cannot write {output}: {error.strerror}", err=True)
            raise click.exceptions.Exit(EXIT_USAGE)
        click.echo(f"wrote {output} ({report.summary.flagged} flagged of {report.summary.events})", err=True)
    raise click.exceptions.Exit(exit_code(report.summary, fail_on))
