"""`sanctions-check rules ...`: list, show and test the provisions."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sanctions_check.api import load_rules
from sanctions_check.cli.options import rules_option
from sanctions_check.ruleset.coverage import coverage
from sanctions_check.ruleset.examples import run_examples


@click.group("rules")
def rules_group() -> None:
    """Inspect and test the rule set (the law as data)."""


@rules_group.command("list")
@click.option("--resolution", type=int, default=None, help="Only this resolution (e.g. 2397).")
@click.option("--on", "on_date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Only provisions in force on this date (YYYY-MM-DD).")
@rules_option
def list_command(resolution: int | None, on_date, rules_dir: str | None) -> None:  # type: ignore[no-untyped-def]
    """One line per provision: id, citation, dates in force, verified or not."""
    ruleset = load_rules(rules_dir)
    provisions = ruleset.in_force_on(on_date.date()) if on_date else ruleset.provisions
    click.echo(f"{ruleset.id} {ruleset.version}: {len(provisions)} provisions")
    for p in provisions:
        if resolution and p.resolution != resolution:
            continue
        until = p.in_force.until.isoformat() if p.in_force.until else "in force"
        mark = "verified" if p.verified else "UNVERIFIED"
        click.echo(f"{p.id:34} {p.citation:40} {p.in_force.start} → {until:10}  {mark:10}  {p.title}")


@rules_group.command("show")
@click.argument("rule_id")
@rules_option
def show_command(rule_id: str, rules_dir: str | None) -> None:
    """Everything about one provision, including its examples."""
    ruleset = load_rules(rules_dir)
    try:
        p = ruleset.provision(rule_id)
    except KeyError:
        close = [q.id for q in ruleset.provisions if rule_id.lower() in q.id or rule_id in q.citation]
        raise click.UsageError(f"no provision '{rule_id}'" + (f"; did you mean {', '.join(close[:5])}?" if close else "; see `rules list`"))
    click.echo(f"{p.id}: {p.title}")
    click.echo(f"  citation:   {p.citation}")
    click.echo(f"  adopted:    {p.adopted}; in force {p.in_force.start} → {p.in_force.until or 'now'}")
    click.echo(f"  obligated:  {p.obligated}; direction {p.direction}")
    click.echo(f"  verified:   {p.verified} ({p.verification})")
    click.echo(f"  quote:      \"{p.quote}\"")
    click.echo(f"  when:       {p.when.model_dump(exclude_none=True)}")
    for e in p.exemptions:
        click.echo(f"  exemption:  {e.basis}" + (f" until {e.until}" if e.until else "") + f": {e.text}")
    for link in p.superseded_by:
        click.echo(f"  superseded: by {link.rule} from {link.date}" + (f" ({link.scope})" if link.scope else ""))
    for ref in p.extends:
        click.echo(f"  extends:    {ref}")
    click.echo(f"  examples:   {len(p.examples.violates)} violating, {len(p.examples.near_miss)} near misses")


@rules_group.command("test")
@click.option("--rule", "only", default=None, help="Only this provision id.")
@click.option("--verbose", "-v", is_flag=True, help="Print passing examples too.")
@rules_option
def test_command(only: str | None, verbose: bool, rules_dir: str | None) -> None:
    """Run every provision's examples (both engines); exit 1 if any fails."""
    ruleset = load_rules(rules_dir)
    outcomes = run_examples(ruleset, only)
    failed = [o for o in outcomes if not o.passed]
    for o in outcomes:
        if verbose or not o.passed:
            click.echo(f"{'ok  ' if o.passed else 'FAIL'} {o.rule_id} {o.label}: {o.detail}" + (f" ({o.note})" if o.note else ""))
    click.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    raise click.exceptions.Exit(1 if failed else 0)


@rules_group.command("coverage")
@click.option("--report", "report_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A JSON report of an earlier `check` run: also show which provisions fired in it.")
@click.option("--examples/--no-examples", default=True, show_default=True,
              help="Run every example and count how many fired as expected.")
@rules_option
def coverage_command(report_path: str | None, examples: bool, rules_dir: str | None) -> None:
    """Per resolution: provisions and operative paragraphs encoded, verified, with examples, fired."""
    ruleset = load_rules(rules_dir)
    fired: set[str] = set()
    if report_path:
        data = json.loads(Path(report_path).read_text(encoding="utf-8"))
        fired = {f["rule_id"] for r in data.get("results", []) for f in r.get("findings", [])}
    outcomes = run_examples(ruleset) if examples else []
    passed = {(o.rule_id, o.label) for o in outcomes if o.passed}
    header = f"{'resolution':>10} {'provisions':>10} {'paragraphs':>10} {'verified':>8} {'examples':>8}"
    header += f" {'passing':>8}" if examples else ""
    header += f" {'fired':>6}" if report_path else ""
    click.echo(header)
    for row in coverage(ruleset, fired):
        line = (f"{row.resolution:>10} {row.provisions:>10} {len(row.paragraphs):>10} "
                f"{row.verified:>4}/{row.provisions:<3} {row.examples:>8}")
        if examples:
            ok = sum(1 for (rule_id, _) in passed if ruleset.provision(rule_id).resolution == row.resolution)
            line += f" {ok:>8}"
        if report_path:
            line += f" {len(row.fired):>6}"
        click.echo(line)
    total_examples = len(outcomes)
    if examples:
        click.echo(f"examples: {len(passed)} of {total_examples} behave as written")
    if report_path:
        click.echo(f"fired in {report_path}: {', '.join(sorted(fired)) or 'none'}")
