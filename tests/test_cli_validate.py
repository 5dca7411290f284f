"""`validate` checks the format only, for people preparing event files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sanctions_check.cli import main
from tests.conftest import FIXTURES, event


def test_a_valid_file_exits_0_and_counts_its_records() -> None:
    outcome = CliRunner().invoke(main, ["validate", str(FIXTURES / "putin-visit-2024.json")])
    assert outcome.exit_code == 0, outcome.output
    assert "7 records in 1 file(s): 7 valid, 0 rejected" in outcome.output


def test_rejections_are_printed_with_file_line_and_field_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text(json.dumps(event(id="ok", item={"description": "rice"})) + "\n"
                    + json.dumps(event(id="bad", date="19/06/2024", item={"description": "rice"})) + "\n")
    outcome = CliRunner().invoke(main, ["validate", str(path), str(tmp_path / "missing.json")])
    assert outcome.exit_code == 2
    assert f"rejected: {path} line 2 (record 2): field `date`" in outcome.output
    assert "no such file" in outcome.output and "1 file problem(s)" in outcome.output


def test_version_names_the_tool_the_rule_set_and_the_list_date() -> None:
    outcome = CliRunner().invoke(main, ["--version"])
    assert outcome.exit_code == 0
    assert outcome.output.startswith("sanctions-check ") and "rules unsc-dprk " in outcome.output
    assert "designations list generated 2024-09-26" in outcome.output
