"""`sanctions-check schema`: the JSON Schema of an event, generated from the model."""

from __future__ import annotations

import json

import click

from sanctions_check.model.event import Event
from sanctions_check.model.report import Report


@click.command("schema")
@click.option("--report", "of_report", is_flag=True, help="Print the report schema instead of the event schema.")
def schema_command(of_report: bool) -> None:
    """Print the JSON Schema of an event (or, with --report, of the JSON report)."""
    model = Report if of_report else Event
    click.echo(json.dumps(model.model_json_schema(), indent=2, sort_keys=True))
