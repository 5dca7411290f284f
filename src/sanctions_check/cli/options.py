"""Options shared by several commands."""

from __future__ import annotations

import click

rules_option = click.option(
    "--rules", "rules_dir", type=click.Path(file_okay=False, path_type=str), default=None,
    envvar="SANCTIONS_CHECK_RULES", help="Rule set directory (default: the bundled rules/unsc-dprk).",
)
