"""`sanctions-check report FILE... -o report.html`: the HTML audit report for signing."""

from __future__ import annotations

from pathlib import Path

import click

from sanctions_check.cli.check import FAIL_ON, check_command, run_options


@click.command("report")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the HTML report to this file (default: standard output).")
@click.option("--fail-on", "fail_on", type=click.Choice(FAIL_ON), multiple=True, default=("never",),
              show_default=True, help="Verdicts that make the exit code 1 (repeatable), as in `check`.")
@run_options
@click.pass_context
def report_command(ctx: click.Context, **options: object) -> None:
    """Check event FILES and write a self-contained HTML audit report.

    The page holds the summary, a timeline and cap charts, every finding with its
    citation and sources, rejected records, provenance and a blank sign-off block;
    it loads nothing from the network and prints to PDF from a browser. Same as
    `check --format html`, except that by default it exits 0 once the page is written.

    Exit codes: 0 report written (or nothing matched --fail-on), 1 a verdict named by
    --fail-on was found, 2 input or usage error, 3 internal or engine error.
    """
    ctx.invoke(check_command, fmt="html", **options)
