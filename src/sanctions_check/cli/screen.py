"""`sanctions-check screen NAME`: a quick look-up of one name against the designations list."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from sanctions_check.lists.store import load_designations
from sanctions_check.screening.decisions import load_decisions
from sanctions_check.screening.match import DEFAULT_THRESHOLD, Match, Screener, ScreeningResult


@click.command("screen")
@click.argument("name")
@click.option("--type", "entry_type", type=click.Choice(["individual", "entity", "vessel"]), default=None,
              help="Only candidates of this type (default: all).")
@click.option("--date", "on_date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date of the act (YYYY-MM-DD): a candidate listed after it gives no finding.")
@click.option("--imo", default=None,
              help="The vessel's IMO number (7 digits, check digit validated); matched before the name.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=None,
              help=f"Lowest score shown, 0-100 (default {DEFAULT_THRESHOLD:g}, measured on the labelled name pairs).")
@click.option("--list", "list_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Screen against this list file (UN XML, or a saved list) instead of the loaded one.")
@click.option("--decisions", "decisions_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File of reviewed matches (CSV or YAML) to mark candidates as reviewed.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def screen(name: str, entry_type: str | None, on_date: datetime | None, imo: str | None, threshold: float | None,
           list_file: Path | None, decisions_file: Path | None, as_json: bool) -> None:
    """Screen NAME against the DPRK (1718) designations, printing candidates with scores and why.

    Always exits 0 when the look-up ran, whether or not there are candidates.
    """
    designations = load_designations(list_file)
    result = Screener(designations).check(name, entry_type, on_date.date() if on_date else None,  # type: ignore[arg-type]
                                          imo, threshold)
    if decisions_file:
        result.matches = load_decisions(decisions_file).apply(result.matches, name)
    if as_json:
        click.echo(result.model_dump_json(indent=2))
        return
    click.echo(f"Screening '{name}'" + (f" (IMO {imo})" if imo else "") + f" against {designations.source}"
               + (f", generated {designations.generated_on}" if designations.generated_on else ""))
    _echo_result(result)


def _echo_result(result: ScreeningResult) -> None:
    for note in result.notes:
        click.echo(f"note: {note}")
    if not result.matches:
        click.echo(f"No candidate at or above {result.threshold:g}.")
        return
    count = len(result.matches)
    click.echo(f"{count} candidate{'s' if count > 1 else ''} at or above {result.threshold:g}:")
    for match in result.matches:
        _echo_match(match, result)


def _echo_match(match: Match, result: ScreeningResult) -> None:
    if result.on_date is None:
        status = ""
    elif match.active_on_date:
        status = f"  DESIGNATED on {result.on_date}"
    else:
        status = f"  not yet listed on {result.on_date}: no finding"
    click.echo(f"\n  {match.score:5.1f}  {match.reference_number}  {match.primary_name}  "
               f"({match.entry_type}, listed {match.listed_on or 'on an unknown date'}){status}")
    how = {"primary_name": "primary name", "alias": f"{match.alias_quality}-quality alias", "imo": "IMO number"}
    click.echo(f"         matched:  {how[match.matched_on]} '{match.matched_name}'")
    click.echo("         features: " + ", ".join(f"{k} {v:+.1f}" for k, v in match.features.items()))
    click.echo(f"         why:      {match.explanation}")
    if match.review:
        review = match.review
        click.echo(f"         reviewed: {review.decision} by {review.reviewer} on {review.date}: {review.reason}")
