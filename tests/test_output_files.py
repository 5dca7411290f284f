"""Report files are replaced only by a complete report, and never over an input (issue 10)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctions_check.cli import main
from tests.conftest import TEST_RULES, event


def _events(tmp_path: Path) -> Path:
    path = tmp_path / "events.json"
    path.write_text(json.dumps({"events": [event(item={"description": "artillery shells"})]}))
    return path


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["check", "--rules", str(TEST_RULES), *args])


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_failed_run_leaves_the_previous_report_and_no_partial_file(tmp_path: Path, fmt: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "report.out"
    report.write_text("the previous report")

    def fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("failed half way")

    monkeypatch.setattr("sanctions_check.cli.check.render" if fmt == "text" else
                        "sanctions_check.report.json_stream.write_around", fails)
    result = _run("-f", fmt, "-o", str(report), str(_events(tmp_path)))
    assert result.exit_code == 3
    assert report.read_text() == "the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.json", "report.out"]  # no temporary file left


def test_a_complete_report_replaces_the_previous_one_keeping_its_permissions(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("old")
    os.chmod(report, 0o640)
    result = _run("-f", "json", "-o", str(report), str(_events(tmp_path)))
    assert result.exit_code == 1
    assert json.loads(report.read_text())["summary"]["flagged"] == 1
    assert stat.S_IMODE(report.stat().st_mode) == 0o640


def test_a_new_report_gets_the_usual_permissions_not_the_temporary_files(tmp_path: Path) -> None:
    report = tmp_path / "new.txt"
    umask = os.umask(0o022)
    try:
        assert _run("-o", str(report), str(_events(tmp_path))).exit_code == 1
    finally:
        os.umask(umask)
    assert stat.S_IMODE(report.stat().st_mode) == 0o644


def test_output_naming_an_input_is_refused_before_it_is_touched(tmp_path: Path) -> None:
    events = _events(tmp_path)
    before = events.read_bytes()
    (tmp_path / "link.json").symlink_to(events)
    os.link(events, tmp_path / "hard.json")
    for target in (events, tmp_path / "link.json", tmp_path / "hard.json", Path(os.path.relpath(events))):
        result = _run("-o", str(target), str(events))
        assert result.exit_code == 2, target
        assert "is also an input file" in result.stderr
        assert events.read_bytes() == before


def test_output_over_the_decisions_file_is_refused(tmp_path: Path) -> None:
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("entity_reference,name,decision,reason,reviewer,date\n")
    result = _run("--decisions", str(decisions), "-o", str(decisions), str(_events(tmp_path)))
    assert result.exit_code == 2 and decisions.read_text().startswith("entity_reference")


def test_an_output_in_a_missing_directory_is_exit_2(tmp_path: Path) -> None:
    result = _run("-o", str(tmp_path / "no" / "such" / "dir" / "r.txt"), str(_events(tmp_path)))
    assert result.exit_code == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr
