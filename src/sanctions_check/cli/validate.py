"""`sanctions-check validate FILE...`: check event files against the format only."""

from __future__ import annotations

from pathlib import Path

import click

from sanctions_check.api import EventStream
from sanctions_check.errors import EXIT_CLEAR, EXIT_USAGE


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--input-format", type=click.Choice(["json", "jsonl", "yaml", "csv"]), default=None,
              help="Read every FILE in this format instead of guessing from the extension.")
def validate_command(files: tuple[Path, ...], input_format: str | None) -> None:
    """Check that event FILES follow the event format (contract v1), without evaluating them.

    For people preparing event files: each rejected record or file problem is printed with
    its file, line and field; warnings (ignored fields, periods, country names read as codes)
    too. Exit codes: 0 every record valid, 2 any record rejected or any file unreadable.

    Example: sanctions-check validate events.json more-events.csv
    """
    stream = EventStream(files, input_format)
    valid = 0
    for validated in stream:
        valid += 1
        for warning in validated.warnings:
            click.echo(f"warning: {validated.file} line {validated.line} ({validated.event.id}): {warning}")
    for rejection in stream.rejected:
        for error in rejection.errors:
            click.echo(f"rejected: {error}")
    counted = sum(source.records or 0 for source in stream.inputs)
    problems = sum(1 for rejection in stream.rejected if rejection.scope == "file")
    click.echo(f"{counted} records in {len(files)} file(s): {valid} valid, {counted - valid} rejected"
               + (f"; {problems} file problem(s)" if problems else ""))
    raise click.exceptions.Exit(EXIT_USAGE if stream.rejected else EXIT_CLEAR)
