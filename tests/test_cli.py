"""The command line through click's runner: exit codes, formats, errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sanctions_check.cli import main
from tests.conftest import FIXTURES, TEST_RULES, event


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _write(tmp_path: Path, *events: dict) -> str:
    path = tmp_path / "events.json"
    path.write_text(json.dumps({"schema_version": "1", "events": list(events)}))
    return str(path)


def test_flagged_events_exit_1_and_name_the_citation(tmp_path: Path) -> None:
    result = _run("check", "--rules", str(TEST_RULES), _write(tmp_path, event(item={"description": "artillery shells"})))
    assert result.exit_code == 1
    assert "FLAGGED  e1" in result.output and "S/RES/1718 (2006), para. 8(a)(i)" in result.output


def test_nothing_flagged_exits_0(tmp_path: Path) -> None:
    result = _run("check", "--rules", str(TEST_RULES), _write(tmp_path, event(item={"description": "rice"})))
    assert result.exit_code == 0 and "0 flagged" in result.output


def test_fail_on_never_and_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, event(item={"description": "artillery shells"}))
    assert _run("check", "--rules", str(TEST_RULES), "--fail-on", "never", path).exit_code == 0
    bad = str(FIXTURES / "bad-events.jsonl")
    assert _run("check", "--rules", str(TEST_RULES), "--fail-on", "rejected", bad).exit_code == 1


def test_missing_file_exits_2_with_one_line_and_no_traceback() -> None:
    result = _run("check", "does-not-exist.json")
    assert result.exit_code == 2
    assert "error: does-not-exist.json: no such file" in result.output
    assert "Traceback" not in result.output


def test_unreadable_rules_exit_2(tmp_path: Path) -> None:
    result = _run("check", "--rules", str(tmp_path), _write(tmp_path, event(item={"description": "rice"})))
    assert result.exit_code == 2 and "error:" in result.output


def test_json_output_follows_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = _run("check", "--rules", str(TEST_RULES), "-f", "json", "-o", str(out), "--timestamp", "2026-01-01T00:00:00Z",
                  _write(tmp_path, event(item={"description": "artillery shells"})))
    assert result.exit_code == 1
    report = json.loads(out.read_text())
    assert report["schema_version"] == "1"
    assert set(report["summary"]) >= {"events", "evaluated", "rejected", "flagged", "findings"}
    finding = report["results"][0]["findings"][0]
    assert finding["resolution"] == 1718 and finding["paragraph"] == "8(a)(i)"
    assert set(finding) >= {"rule_id", "citation", "title", "explanation", "evidence"}
    assert report["ruleset"]["id"] == "test-rules" and len(report["ruleset"]["sha256"]) == 64
    assert report["generated_at"] == "2026-01-01T00:00:00Z" and len(report["inputs"][0]["sha256"]) == 64


def test_markdown_report_has_provenance_and_sign_off(tmp_path: Path) -> None:
    result = _run("check", "--rules", str(TEST_RULES), "-f", "markdown", "--timestamp", "2026-01-01",
                  _write(tmp_path, event(item={"description": "artillery shells"})))
    assert "## Provenance" in result.output and "sha256 `" in result.output and "## Sign-off" in result.output
    assert "> battle tanks" in result.output


def test_verify_runs_both_engines(tmp_path: Path) -> None:
    result = _run("check", "--rules", str(TEST_RULES), "--verify", "-f", "json", _write(tmp_path, event(item={"description": "artillery shells"})))
    assert json.loads(result.output)["verified_engines"] == ["durable-rules", "reference"]


def test_rules_list_show_and_test() -> None:
    listing = _run("rules", "list", "--rules", str(TEST_RULES))
    assert listing.exit_code == 0 and "t-salw-window" in listing.output and "2016-03-01" in listing.output
    shown = _run("rules", "show", "t-rugs", "--rules", str(TEST_RULES))
    assert "S/RES/2321 (2016), para. 5" in shown.output and "prior_contract until 2016-12-30" in shown.output
    missing = CliRunner().invoke(main, ["rules", "show", "t-rug", "--rules", str(TEST_RULES)])
    assert missing.exit_code == 2 and "did you mean t-rugs" in missing.output
    tested = _run("rules", "test", "--rules", str(TEST_RULES))
    assert tested.exit_code == 0 and "22 passed, 0 failed" in tested.output


def test_schema_prints_the_event_json_schema() -> None:
    schema = json.loads(_run("schema").output)
    assert schema["title"] == "Event" and {"id", "date", "kind", "origin", "destination"} <= set(schema["required"])


def test_progress_bar_only_for_a_person_at_a_terminal() -> None:
    from sanctions_check.cli.check import show_progress

    assert show_progress("text", to_file=False, stdout_tty=True, stderr_tty=True)
    assert show_progress("markdown", to_file=True, stdout_tty=False, stderr_tty=True)
    assert not show_progress("json", to_file=True, stdout_tty=True, stderr_tty=True)  # JSON mode
    assert not show_progress("text", to_file=False, stdout_tty=False, stderr_tty=True)  # piped
    assert not show_progress("text", to_file=False, stdout_tty=True, stderr_tty=False)


def test_text_and_json_modes_give_the_same_verdicts(tmp_path: Path) -> None:
    path = _write(tmp_path, event(id="a", item={"description": "artillery shells"}), event(id="b", item={"description": "rice"}))
    as_json = json.loads(_run("check", "--rules", str(TEST_RULES), "-f", "json", path).output)
    as_text = _run("check", "--rules", str(TEST_RULES), path).output
    assert [r["verdict"] for r in as_json["results"]] == ["potential_violation", "clear"]
    assert "FLAGGED  a" in as_text and "1 flagged" in as_text


def test_rules_coverage_counts_provisions_examples_and_what_fired(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    _run("check", "--rules", str(TEST_RULES), "-f", "json", "-o", str(report),
         _write(tmp_path, event(item={"description": "artillery shells"})))
    result = _run("rules", "coverage", "--rules", str(TEST_RULES), "--report", str(report))
    assert result.exit_code == 0
    row_1718 = next(line for line in result.output.splitlines() if line.strip().startswith("1718"))
    assert row_1718.split()[:3] == ["1718", "2", "1"]
    assert "examples: 22 of 22 behave as written" in result.output
    assert "fired in" in result.output and "t-arms-to" in result.output
