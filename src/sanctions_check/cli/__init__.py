"""The command line: parses options and calls the library (sanctions_check.api)."""

from __future__ import annotations

import sys
from typing import Any

import click

from sanctions_check import __version__
from sanctions_check.errors import EXIT_INTERNAL, SanctionsCheckError


class _Group(click.Group):
    """Turns the project's errors into one clear line and their exit code, no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SanctionsCheckError as error:
            click.echo(f"error: {error.message}", err=True)
            if error.hint:
                click.echo(f"hint: {error.hint}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sanctions-check")
def main() -> None:
    """Check reported transfers against the UN Security Council DPRK sanctions.

    Flags potential violations for a human to review, with the resolution, the
    paragraph, the quoted provision and the facts that triggered it. Not legal advice.
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
                         ("sanctions_check.cli.draft", "draft")):
        try:
            imported = __import__(module, fromlist=[name])
        except ImportError:
            continue
        main.add_command(getattr(imported, name))


_register()


def run() -> None:  # pragma: no cover - console entry for unexpected crashes
    try:
        main()
    except Exception as error:  # noqa: BLE001
        click.echo(f"internal error: {error!r}; please report it", err=True)
        sys.exit(EXIT_INTERNAL)
