"""`diff OLD.json NEW.json`: findings new, resolved and unchanged between two runs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from report_builders import finding, report, result
from sanctions_check.cli import main
from sanctions_check.model.report import Report, RulesetInfo, ToolInfo
from sanctions_check.report import render


def _write(path: Path, made: Report) -> str:
    path.write_text(render(made, "json"), encoding="utf-8")
    return str(path)


def _runs(tmp_path: Path, new: Report) -> tuple[str, str]:
    old = report([result("e1"), result("e2", findings=[finding("r-arms"), finding("r-other")]),
                  result("gone", verdict="clear")])
    return _write(tmp_path / "old.json", old), _write(tmp_path / "new.json", new)


def test_new_resolved_and_unchanged_findings_exit_1(tmp_path: Path) -> None:
    new = report([result("e1"), result("e2", findings=[finding("r-arms")]), result("e3")])
    old_path, new_path = _runs(tmp_path, new)
    outcome = CliRunner().invoke(main, ["diff", old_path, new_path, "--format", "json"])
    assert outcome.exit_code == 1, outcome.output
    data = json.loads(outcome.output)
    assert [(f["event_id"], f["rule_id"]) for f in data["new"]] == [("e3", "r-arms")]
    assert [(f["event_id"], f["rule_id"]) for f in data["resolved"]] == [("e2", "r-other")]
    assert [(f["event_id"], f["rule_id"]) for f in data["unchanged"]] == [("e1", "r-arms"), ("e2", "r-arms")]
    assert (data["events_added"], data["events_removed"]) == (["e3"], ["gone"])
    assert data["notes"] == []


def test_no_new_findings_exit_0_with_a_text_summary(tmp_path: Path) -> None:
    new = report([result("e1"), result("e2", findings=[finding("r-arms")])])
    outcome = CliRunner().invoke(main, ["diff", *_runs(tmp_path, new)])
    assert outcome.exit_code == 0, outcome.output
    assert "RESOLVED  e2  S/RES/1718 (2006), para. 8(a)(i)  [r-other]" in outcome.output
    assert "0 new, 1 resolved, 2 unchanged findings; 0 events added, 1 removed" in outcome.output


def test_a_changed_rule_set_or_tool_version_is_noted(tmp_path: Path) -> None:
    new = report([result("e1"), result("e2", findings=[finding("r-arms"), finding("r-other")]),
                  result("gone", verdict="clear")],
                 ruleset=RulesetInfo(id="unsc-dprk", version="0.2.0", sha256="ef" * 32), tool=ToolInfo(version="0.2.0"))
    outcome = CliRunner().invoke(main, ["diff", *_runs(tmp_path, new)])
    assert outcome.exit_code == 0
    assert "note: rule set changed: unsc-dprk 0.1.0 (sha256 abababababab) -> unsc-dprk 0.2.0 (sha256 efefefefefef)" in outcome.output
    assert "note: tool version changed: 0.1.0 -> 0.2.0" in outcome.output


def test_a_file_that_is_not_a_report_exits_2_and_says_so(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.json", report([]))
    (tmp_path / "events.json").write_text('[{"id": "e1"}]', encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    for bad, message in (("events.json", "not a sanctions-check JSON report"), ("broken.json", "not JSON"),
                         ("missing.json", "no such file")):
        outcome = CliRunner().invoke(main, ["diff", good, str(tmp_path / bad)])
        assert outcome.exit_code == 2, (bad, outcome.output)
        assert message in outcome.output
