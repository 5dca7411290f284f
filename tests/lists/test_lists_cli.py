"""`lists import` and `lists show`, through click's CliRunner on the group itself."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sanctions_check.cli.lists import lists
from sanctions_check.errors import ListError


def test_import_stores_the_dprk_entries_and_says_how_many(dprk_xml: Path, isolated_store: Path) -> None:
    result = CliRunner().invoke(lists, ["import", str(dprk_xml)])
    assert result.exit_code == 0, result.output
    assert "80 individuals, 75 entities, 0 vessels; list generated on 2024-09-26" in result.output
    assert (isolated_store / "lists" / "unsc-1718.json").is_file()


def test_show_prints_the_shipped_default_with_its_generation_date_and_age() -> None:
    result = CliRunner().invoke(lists, ["show"])
    assert result.exit_code == 0, result.output
    assert "(shipped default)" in result.output
    assert "generated:  2024-09-26 (" in result.output and "days ago)" in result.output
    assert "80 individuals, 75 entities, 25 vessels" in result.output
    assert "lists update" in result.output


def test_show_after_import_prints_the_imported_list(dprk_xml: Path) -> None:
    runner = CliRunner()
    runner.invoke(lists, ["import", str(dprk_xml)])
    result = runner.invoke(lists, ["show"])
    assert "(imported list)" in result.output
    assert "imported:" in result.output


def test_show_one_entry_in_full() -> None:
    result = CliRunner().invoke(lists, ["show", "kpi.038"])
    assert result.exit_code == 0, result.output
    assert "KPi.038: CHO CHUN RYONG (individual)" in result.output
    assert "alias:       Jo Chun Ryong (good)" in result.output
    assert "listed on:   2016-11-30" in result.output


def test_show_entries_of_one_type() -> None:
    result = CliRunner().invoke(lists, ["show", "--entries", "--type", "vessel"])
    lines = [line for line in result.output.splitlines() if line.startswith("  vessel:")]
    assert len(lines) == 25
    assert any("PETREL 8" in line and "[unverified]" in line for line in lines)


def test_show_an_unknown_reference_is_a_usage_error() -> None:
    result = CliRunner().invoke(lists, ["show", "KPi.999"])
    assert result.exit_code == 2
    assert "no entry 'KPi.999'" in result.output


def test_import_of_a_missing_file_raises_a_list_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(lists, ["import", str(tmp_path / "none.xml")])
    assert isinstance(result.exception, ListError)
    assert "none.xml: file not found" in result.exception.message


def test_every_option_has_help_text() -> None:
    for command in lists.commands.values():
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"lists {command.name} {param.name}"
