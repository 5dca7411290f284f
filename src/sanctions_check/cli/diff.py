"""`sanctions-check diff OLD.json NEW.json`: what changed between two runs."""

from __future__ import annotations

from pathlib import Path

import click

from sanctions_check.diff import compare, read_report, render_json, render_text
from sanctions_check.errors import EXIT_CLEAR, EXIT_FLAGGED


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
def diff_command(old: Path, new: Path, fmt: str) -> None:
    """Compare two JSON reports (from `check --format json`).

    Lists findings that are new, resolved and unchanged, matched by event id and
    provision (rule id), events added and removed, and notes when the rule set
    (its sha256) or the tool version differs between the runs.

    Exit codes: 0 no new findings, 1 new findings, 2 a report cannot be read.
    """
    result = compare(read_report(old), read_report(new))
    click.echo(render_json(result) if fmt == "json" else render_text(result), nl=False)
    raise click.exceptions.Exit(EXIT_FLAGGED if result.new else EXIT_CLEAR)
