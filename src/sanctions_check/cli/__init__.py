"""The command line: parses options and calls the library (sanctions_check.api)."""

from __future__ import annotations

import sys
from typing import Any

import click

from sanctions_check import __version__
from sanctions_check.cli import guard


class _Group(click.Group):
    """Runs every command inside the guard (cli/guard.py): any failure, ours or not, is one
    line on stderr and its exit code; never a traceback (unless --debug), never exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            value = super().invoke(ctx)
            _flush_stdout()  # a write error on stdout surfaces here, not at interpreter exit
            return value
        except (click.exceptions.Exit, click.ClickException):  # usage errors: click prints them, exit 2
            try:
                _flush_stdout()
            except OSError as error:  # else click would map a closed pipe to exit 1
                guard.silence_stdout()
                raise click.exceptions.Exit(guard.report(error, _debug(ctx))) from None
            raise
        except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001 - the one place that maps them all
            if isinstance(error, OSError):
                guard.silence_stdout()
            raise click.exceptions.Exit(guard.report(error, _debug(ctx))) from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Failures outside a command (while parsing options, or click's own) come here.
        try:
            return super().main(*args, **kwargs)
        except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001
            if isinstance(error, OSError):
                guard.silence_stdout()
            sys.exit(guard.report(error, guard.debugging() or "--debug" in sys.argv))


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except ValueError:
        pass  # closed by the command: nothing left to write


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(root.params.get("debug")) or guard.debugging()


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Tool, rule set and designations list: the three inputs of every judgement besides the events."""
    if not value or ctx.resilient_parsing:
        return
    from sanctions_check.api import load_rules
    from sanctions_check.lists import load_designations

    rules = load_rules()
    listed = load_designations()
    click.echo(f"sanctions-check {__version__}\nrules {rules.id} {rules.version} (sha256 {rules.sha256[:12]})\n"
               f"designations list generated {listed.generated_on or 'on an unknown date'} ({listed.source})")
    ctx.exit(0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the tool, rule-set and designations-list versions and exit.")
@click.option("--debug", is_flag=True, help="On an internal error, print the traceback as well (for a bug report).")
def main(debug: bool) -> None:
    """Check reported transfers against the UN Security Council DPRK sanctions.

    Flags potential violations for a human to review, with the resolution, the
    paragraph, the quoted provision and the facts that triggered it. Not legal advice.

    Exit codes: 0 nothing flagged, 1 potential violations (or a --fail-on verdict),
    2 input, usage or write error, 3 internal error, 130 interrupted.
    """


def _register() -> None:
    from sanctions_check.cli.check import check_command
    from sanctions_check.cli.diff import diff_command
    from sanctions_check.cli.report import report_command
    from sanctions_check.cli.rules import rules_group
    from sanctions_check.cli.schema import schema_command
    from sanctions_check.cli.serve import serve as serve_command

    main.add_command(check_command)
    main.add_command(rules_group)
    main.add_command(schema_command)
    main.add_command(report_command)
    main.add_command(diff_command)
    main.add_command(serve_command)
    for module, name in (("sanctions_check.cli.lists", "lists"), ("sanctions_check.cli.screen", "screen"),
                         ("sanctions_check.cli.draft", "draft"), ("sanctions_check.cli.validate", "validate_command")):
        try:
            imported = __import__(module, fromlist=[name])
        except ImportError:
            continue
        main.add_command(getattr(imported, name))


_register()
