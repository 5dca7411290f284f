"""`sanctions-check draft REPORT`: draft events from a news or monitoring report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from sanctions_check.api import LoadedEvents, check, load_rules
from sanctions_check.cli.options import rules_option
from sanctions_check.draft import draft_file
from sanctions_check.draft.review import dumps, review_lines
from sanctions_check.errors import EXIT_CLEAR, EXIT_FLAGGED, InputError

_FORMS = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; give it as YYYY-MM-DD, e.g. 2024-06-21") from None


@click.command("draft")
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", callback=_published, metavar="YYYY-MM-DD", default=None,
              help="Publication date of the report: 'in September' or 'last week' are read against it "
                   "(default: a 'Published ...' line of the report, else today).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the drafts to this .yaml or .json file instead of standard output (YAML).")
@click.option("--check", "run_check", is_flag=True,
              help="Also check the drafts and print the findings beside the quoted sentences.")
@rules_option
def draft(report: Path, published: dt.date | None, output: Path | None, run_check: bool,
          rules_dir: str | None) -> None:
    """Draft events from REPORT (.txt, .md or .html), one per reported act.

    Each draft quotes the sentences it came from, with their character offsets in the
    report's text and the text's sha256, and gives a confidence for each field it
    guessed. Drafts are for a person to review: `notes` says so on every one.
    Exit codes: 0 done (with --check: nothing flagged), 1 with --check: potential
    violations in the drafts, 2 input or usage error.
    """
    form = "yaml"
    if output is not None:
        form = _FORMS.get(output.suffix.lower(), "")
        if not form:
            raise InputError(f"{output}: cannot tell the drafts format from '{output.suffix}'",
                             "name the output .yaml or .json")
    ruleset = load_rules(rules_dir)
    drafts = draft_file(report, ruleset, published)
    text = dumps(drafts, form)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot write {output}: {error.strerror}", "choose another --output path") from None
        click.echo(f"wrote {output} ({len(drafts.events)} drafts from {report})", err=True)
    elif not run_check:
        click.echo(text, nl=False)
    for rejection in drafts.rejected:
        click.echo(f"warning: a draft was left out: {'; '.join(rejection.errors)}", err=True)
    if drafts.published_from == "today":
        click.echo("warning: no --published date given nor found in the report; dates are read against today",
                   err=True)
    if not run_check:
        return
    result = check(LoadedEvents(events=drafts.events), ruleset)
    for line in review_lines(drafts, result):
        click.echo(line)
    click.echo(f"{len(drafts.events)} drafts, {result.summary.flagged} flagged: review each draft before use")
    raise click.exceptions.Exit(EXIT_FLAGGED if result.summary.flagged else EXIT_CLEAR)
