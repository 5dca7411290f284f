"""`--timestamp` takes ISO 8601 or epoch seconds and refuses anything else with exit 2."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from sanctions_check.api import parse_timestamp
from sanctions_check.cli import main
from sanctions_check.errors import InputError


@pytest.mark.parametrize(("given", "printed"), [
    ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
    ("2026-01-01T09:30:00+09:00", "2026-01-01T09:30:00+09:00"),
    ("2026-01-01", "2026-01-01"),
    ("1767225600", "2026-01-01T00:00:00Z"),
])
def test_accepted_forms(given: str, printed: str) -> None:
    assert parse_timestamp(given) == printed


@pytest.mark.parametrize("given", ["T", "yesterday", "2026-01-01T00:00:00", "2026-13-01", "1e9", "99999999999999"])
def test_other_forms_are_refused(given: str) -> None:
    with pytest.raises(InputError):
        parse_timestamp(given)


def test_cli_exits_2_naming_the_accepted_forms() -> None:
    result = CliRunner().invoke(main, ["check", "--timestamp", "yesterday", "-"])
    assert result.exit_code == 2
    assert "ISO 8601" in result.output and "epoch" in result.output.lower()
