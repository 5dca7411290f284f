"""`sanctions-check lists ...`: import the UN list, show what is loaded, download the current one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from sanctions_check.lists.model import DesignationList, ListEntry
from sanctions_check.lists.store import (
    active_list_path, default_list_path, load_designations, save_designations, store_dir,
)
from sanctions_check.lists.unxml import import_consolidated_xml
from sanctions_check.lists.update import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, UN_CONSOLIDATED_URL, download_list

_TYPES = click.Choice(["individual", "entity", "vessel"])


@click.group("lists")
def lists() -> None:
    """The designations list: import the UN list, show what is loaded, update it."""


def _imported(designations: DesignationList) -> DesignationList:
    return designations.model_copy(update={"imported_on": date.today()})


def _summary(designations: DesignationList) -> str:
    counts = designations.counts()
    return (f"{counts['individual']} individuals, {counts['entity']} entities, {counts['vessel']} vessels; "
            f"list generated on {designations.generated_on or 'an unknown date'}")


@lists.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def import_command(file: Path) -> None:
    """Import FILE, the UN Security Council consolidated list XML (full, or its DPRK part).

    The DPRK (1718) entries are kept and stored in $SANCTIONS_CHECK_HOME/lists/; from then on
    they are screened against instead of the shipped default.
    """
    designations = _imported(import_consolidated_xml(file))
    target = save_designations(designations)
    click.echo(f"imported {file}: {_summary(designations)}")
    click.echo(f"stored in {target}")


@lists.command("update")
@click.option("--url", default=UN_CONSOLIDATED_URL, show_default=True,
              help="Address to download the consolidated list XML from.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds to wait for the server, for the connection and for each read.")
@click.option("--deadline", type=click.FloatRange(min=0.1), default=DEFAULT_DEADLINE, show_default=True,
              help="Seconds the whole download may take.")
def update_command(url: str, timeout: float, deadline: float) -> None:
    """Download the current UN consolidated list and import it (needs the network; http(s) only)."""
    downloaded = download_list(url, store_dir() / "downloads" / "consolidated.xml", timeout, deadline=deadline)
    designations = _imported(import_consolidated_xml(downloaded))
    target = save_designations(designations)
    click.echo(f"downloaded {url}: {_summary(designations)}")
    click.echo(f"stored in {target}")


@lists.command("show")
@click.argument("reference", required=False)
@click.option("--entries", is_flag=True, help="Also print one line per entry.")
@click.option("--type", "entry_type", type=_TYPES, default=None, help="With --entries: only entries of this type.")
@click.option("--list", "list_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Show this list file (UN XML, or a saved JSON/YAML list) instead of the loaded one.")
def show_command(reference: str | None, entries: bool, entry_type: str | None, list_file: Path | None) -> None:
    """Print what is loaded: source, generation date and age, counts; or one entry by REFERENCE."""
    designations = load_designations(list_file)
    if reference:
        try:
            _echo_entry(designations.by_reference(reference))
        except KeyError:
            raise click.UsageError(f"no entry '{reference}' in the loaded list; see `lists show --entries`") from None
        return
    path = active_list_path(list_file)
    origin = ("shipped default" if path == default_list_path()
              else "given with --list" if list_file else "imported list")
    click.echo(f"list:       {path} ({origin})")
    click.echo(f"source:     {designations.source}")
    if designations.generated_on:
        age = (date.today() - designations.generated_on).days
        click.echo(f"generated:  {designations.generated_on} ({age} days ago)")
    else:
        click.echo("generated:  unknown")
    if designations.imported_on:
        click.echo(f"imported:   {designations.imported_on}")
    click.echo(f"entries:    {_summary(designations).split(';')[0]}")
    unverified = [e.reference_number for e in designations.entries if not e.verified]
    if unverified:
        click.echo(f"unverified: {', '.join(unverified)} (from secondary sources; see `lists show REFERENCE`)")
    if origin == "shipped default":
        click.echo("update:     `sanctions-check lists update` downloads the current UN list")
    if entries:
        for entry in designations.entries:
            if entry_type is None or entry.entry_type == entry_type:
                mark = "" if entry.verified else "  [unverified]"
                click.echo(f"  {entry.reference_number:24} {entry.entry_type:10} {entry.listed_on or '?'!s:10}  "
                           f"{entry.primary_name}{mark}")


def _echo_entry(entry: ListEntry) -> None:
    click.echo(f"{entry.reference_number}: {entry.primary_name} ({entry.entry_type})")
    click.echo(f"  listed on:   {entry.listed_on or 'unknown'}")
    for alias in entry.aliases:
        click.echo(f"  alias:       {alias.name} ({alias.quality}{', former' if alias.former else ''})")
    for label, values in (("nationality", entry.nationality), ("born", entry.dates_of_birth),
                          ("passport", entry.passports), ("IMO", entry.imo_numbers), ("related", entry.related)):
        if values:
            click.echo(f"  {label + ':':12} {', '.join(values)}")
    if not entry.verified:
        click.echo("  verified:    no (a field rests on a secondary source; see the comments)")
    if entry.comments:
        click.echo(f"  comments:    {entry.comments}")
