"""`sanctions-check draft` through click's CliRunner: files written, `check` on them,
`--check` in one step, and errors that say what to do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from sanctions_check.cli import main

TEXTS = Path(__file__).parent / "texts"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_drafts_written_as_yaml_are_checked_like_any_event_file(tmp_path: Path) -> None:
    out = tmp_path / "drafts.yaml"
    made = run("draft", str(TEXTS / "putin-visit.txt"), "--published", "2024-06-21", "-o", str(out))
    assert made.exit_code == 0, made.output
    document = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [e["kind"] for e in document["events"]] == ["travel", "transfer", "travel"]
    checked = run("check", str(out), "--no-screening", "-f", "json")
    assert checked.exit_code == 1  # the limousine is a luxury good
    report = json.loads(checked.output)
    assert report["summary"]["rejected"] == 0 and report["summary"]["events"] == 3


def test_drafts_written_as_json(tmp_path: Path) -> None:
    out = tmp_path / "drafts.json"
    assert run("draft", str(TEXTS / "several-acts.txt"), "--published", "2024-02-01", "-o", str(out)).exit_code == 0
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert [(e["origin"]["country"], e["destination"]["country"]) for e in events] == [("KP", "CN"), ("CN", "KP")]


def test_draft_check_prints_findings_beside_the_quoted_sentences() -> None:
    result = run("draft", str(TEXTS / "workers.html"), "--published", "2024-05-20", "--check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    quote = lines.index(next(line for line in lines if "employed about 1,500 North Korean workers" in line))
    assert lines[quote].startswith('  > "Construction firms in Vladivostok')
    assert "S/RES/2397 (2017), para. 8" in "\n".join(lines[quote:quote + 4])
    assert "unknown field `provenance`" not in result.output


def test_a_markdown_report_gives_its_own_publication_date(tmp_path: Path) -> None:
    result = run("draft", str(TEXTS / "sts-transfer.md"))
    assert result.exit_code == 0
    assert "dates resolved against 2024-03-12 (text)" in result.output
    assert "warning" not in result.output


def test_a_bad_publication_date_says_how_to_write_it() -> None:
    result = run("draft", str(TEXTS / "ammunition.txt"), "--published", "4 Oct 2024")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_an_unknown_report_format_exits_2_with_a_hint(tmp_path: Path) -> None:
    report = tmp_path / "report.pdf"
    shutil.copy(TEXTS / "ammunition.txt", report)
    result = run("draft", str(report))
    assert result.exit_code == 2 and "give a .txt, .md or .html file" in result.output


def test_an_unknown_output_format_exits_2_before_drafting(tmp_path: Path) -> None:
    result = run("draft", str(TEXTS / "ammunition.txt"), "-o", str(tmp_path / "drafts.csv"))
    assert result.exit_code == 2 and "name the output .yaml or .json" in result.output
    assert not (tmp_path / "drafts.csv").exists()
