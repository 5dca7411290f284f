"""`report` writes the HTML page; every format is byte-identical across runs with a fixed time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from report_builders import TANKS, WINE
from sanctions_check.cli import main

EVENTS = [TANKS, WINE,
          {**TANKS, "id": "e3", "date": "2023-08-01", "item": {"description": "artillery ammunition"}, "status": "alleged"},
          {"id": "e4", "date": "2024-01-31", "kind": "transfer", "origin": {"country": "RU"},
           "destination": {"country": "KP"}, "item": {"description": "diesel", "quantity": 15000, "unit": "barrels"}}]


def _events_file(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(e) for e in EVENTS] + ['{"id": "bad", "date": "2024-13-01"}']
    path = directory / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_report_writes_one_html_file(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    outcome = CliRunner().invoke(main, ["report", str(_events_file(tmp_path)), "-o", str(out),
                                        "--timestamp", "2024-07-01T00:00:00Z"])
    assert outcome.exit_code == 0, outcome.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<tr class="finding-row"' in page and 'id="rejected-table"' in page
    assert "2024-07-01T00:00:00Z" in page
    assert f"wrote {out}" in outcome.output


def test_report_fail_on_works_as_in_check(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(main, ["report", str(_events_file(tmp_path)), "-o", str(tmp_path / "r.html"),
                                        "--fail-on", "potential_violation"])
    assert outcome.exit_code == 1, outcome.output


def test_report_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(main, ["report", str(tmp_path / "nope.json"), "-o", str(tmp_path / "r.html")])
    assert outcome.exit_code == 2
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("fmt", ["html", "csv"])
def test_check_offers_html_and_csv(tmp_path: Path, fmt: str) -> None:
    outcome = CliRunner().invoke(main, ["check", str(_events_file(tmp_path)), "--format", fmt, "--fail-on", "never"])
    assert outcome.exit_code == 0, outcome.output
    assert ("<!DOCTYPE html>" if fmt == "html" else "event_id,date,origin") in outcome.output


def _run(directory: Path, args: list[str], env: dict[str, str], seed: str) -> bytes:
    """One run in its own process (its own hash seed, so set order would show) from `directory`."""
    completed = subprocess.run(
        [sys.executable, "-c", "from sanctions_check.cli import main; main()", *args],
        cwd=directory, env={**env, "PYTHONHASHSEED": seed}, capture_output=True, timeout=120,
    )
    assert completed.returncode in (0, 1), completed.stderr.decode()
    return completed.stdout


@pytest.mark.parametrize("fixed", [["--timestamp", "2024-07-01T00:00:00Z"], []], ids=["timestamp", "source-date-epoch"])
@pytest.mark.parametrize("fmt", ["json", "markdown", "csv", "html"])
def test_two_runs_give_byte_identical_reports(tmp_path: Path, fmt: str, fixed: list[str]) -> None:
    # Two input copies in different directories, named relatively: no tmp path may leak in.
    env = {k: v for k, v in os.environ.items() if k not in ("SANCTIONS_CHECK_TIMESTAMP", "SOURCE_DATE_EPOCH")}
    env.update({} if fixed else {"SOURCE_DATE_EPOCH": "1719792000"})
    outputs = []
    for run, seed in (("first", "1"), ("second", "2")):
        _events_file(tmp_path / run)
        args = (["report", "events.jsonl"] if fmt == "html" else ["check", "events.jsonl", "--format", fmt]) + fixed
        outputs.append(_run(tmp_path / run, args, env, seed))
    assert outputs[0] == outputs[1]
    assert b"2024-07-01T00:00:00Z" in outputs[0] or fmt == "csv"
    assert str(tmp_path).encode() not in outputs[0]
