"""`python -m sanctions_check`: the same command line as the `sanctions-check` script."""

from sanctions_check.cli import main

main(prog_name="sanctions-check")
