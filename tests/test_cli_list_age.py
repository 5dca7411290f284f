"""`check` warns when the designations list is old, and says how to update it."""

from __future__ import annotations

from click.testing import CliRunner

from sanctions_check.cli import main
from tests.conftest import FIXTURES


def test_an_old_list_is_warned_about_on_stderr_with_the_way_to_update() -> None:
    outcome = CliRunner().invoke(main, ["check", str(FIXTURES / "putin-visit-2024.json"), "--max-list-age", "30"])
    assert outcome.exit_code == 1
    assert "warning: the designations list was generated on 2024-09-26" in outcome.output
    assert "sanctions-check lists update" in outcome.output


def test_the_threshold_is_configurable() -> None:
    outcome = CliRunner().invoke(main, ["check", str(FIXTURES / "putin-visit-2024.json"), "--max-list-age", "100000"])
    assert "designations list was generated" not in outcome.output


def test_the_default_threshold_is_180_days(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SANCTIONS_CHECK_MAX_LIST_AGE")
    outcome = CliRunner().invoke(main, ["check", str(FIXTURES / "putin-visit-2024.json")])
    assert "more than 180" in outcome.output
