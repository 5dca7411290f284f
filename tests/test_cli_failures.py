"""Crashes never read as findings: every failure is one line with a hint and exit 2
(input, usage, write) or 3 (internal), never a traceback and never 1 (issue 10)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctions_check.cli import main
from tests.conftest import ROOT, TEST_RULES, event


def _run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), env=env)


def _events(tmp_path: Path, *events: dict, name: str = "events.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"schema_version": "1", "events": list(events)}))
    return path


def _one_error_line(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert [line for line in stderr.splitlines() if line.startswith("error:")].__len__() == 1, stderr


def _module(*args: str, stdout: object = subprocess.PIPE):  # type: ignore[no-untyped-def]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "sanctions_check", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, env=env, timeout=120)


def test_an_unexpected_exception_is_one_line_and_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("sanctions_check.cli.check.party_screen", broken)
    result = _run("check", "--rules", str(TEST_RULES), str(_events(tmp_path, event())))
    assert result.exit_code == 3
    assert "error: internal error: ZeroDivisionError: a bug" in result.stderr and "--debug" in result.stderr
    _one_error_line(result.stderr)


def test_debug_shows_the_traceback_and_still_exits_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("sanctions_check.cli.check.party_screen", broken)
    result = _run("--debug", "check", "--rules", str(TEST_RULES), str(_events(tmp_path, event())))
    assert result.exit_code == 3 and "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr


def test_ctrl_c_exits_130_not_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("sanctions_check.cli.check.party_screen", interrupted)
    result = _run("check", "--rules", str(TEST_RULES), str(_events(tmp_path, event())))
    assert result.exit_code == 130 and "interrupted" in result.stderr


def test_deep_nesting_through_the_console_entry_is_no_traceback(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"events": [{"id": "a", "notes": ' + "[" * 100_000 + "]" * 100_000 + "}]}")
    done = _module("check", "--rules", str(TEST_RULES), str(deep))
    assert done.returncode in (2, 3), done.stderr
    _one_error_line(done.stderr)


def test_a_full_disk_is_exit_2_with_one_line() -> None:
    if not Path("/dev/full").exists():
        pytest.fail("/dev/full is needed (Linux): it fails every write with ENOSPC")
    fixture = ROOT / "fixtures" / "putin-visit-2024.json"
    for args in (["-o", "/dev/full"], ["-f", "json", "-o", "/dev/full"]):
        done = _module("check", "--rules", str(TEST_RULES), str(fixture), *args)
        assert done.returncode == 2, done.stderr
        assert "No space left on device" in done.stderr
        _one_error_line(done.stderr)
    with open("/dev/full", "w") as full:
        done = _module("check", "--rules", str(TEST_RULES), str(fixture), stdout=full)
    assert done.returncode == 2 and "standard output" in done.stderr and "Exception ignored" not in done.stderr


def test_a_closed_pipe_is_exit_2_with_one_line(tmp_path: Path) -> None:
    many = _events(tmp_path, *(event(id=f"e{n}", item={"description": "rice"}) for n in range(3000)))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    process = subprocess.Popen([sys.executable, "-m", "sanctions_check", "check", "-f", "json", "--rules",
                                str(TEST_RULES), str(many)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # the reader goes away, as `| head -c 10` does
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 2, stderr
    assert "broken pipe" in stderr and "Exception ignored" not in stderr
    _one_error_line(stderr)


@pytest.mark.parametrize("epoch", ["abc", "1e9", "-5", "99999999999999999999999", "١٢٣"])
def test_a_malformed_source_date_epoch_is_an_error(tmp_path: Path, epoch: str) -> None:
    result = _run("check", "--rules", str(TEST_RULES), str(_events(tmp_path, event())), env={"SOURCE_DATE_EPOCH": epoch})
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH" in result.stderr
    _one_error_line(result.stderr)


def test_a_valid_source_date_epoch_sets_the_time(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = _run("check", "-f", "json", "-o", str(out), "--rules", str(TEST_RULES),
                  str(_events(tmp_path, event(item={"description": "rice"}))), env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.exit_code == 0 and json.loads(out.read_text())["generated_at"] == "2023-11-14T22:13:20Z"


@pytest.mark.parametrize("manifest", [":::[", "- a list", "id: x\nversion: 1\n", "id: x\nversion: 1\ntitle: t\n"
                                      "provision_files: [1]\ncaps_files: []\n"])
def test_a_broken_rules_manifest_is_exit_2(tmp_path: Path, manifest: str) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ruleset.yaml").write_text(manifest)
    result = _run("check", "--rules", str(rules), str(_events(tmp_path, event())))
    assert result.exit_code == 2 and "ruleset.yaml" in result.stderr
    _one_error_line(result.stderr)


@pytest.mark.parametrize("url", ["not a url", "file:///etc/passwd", "ftp://example.org/list.xml", "http://"])
def test_lists_update_takes_only_http_addresses(url: str) -> None:
    result = _run("lists", "update", "--url", url)
    assert result.exit_code == 2 and "not an http(s) address" in result.stderr
    _one_error_line(result.stderr)


def test_every_record_rejected_exits_2_even_with_fail_on_never(tmp_path: Path) -> None:
    bad = _events(tmp_path, {"id": "a"}, {"id": "b", "date": "never"})
    out = tmp_path / "r.json"
    result = _run("check", "--rules", str(TEST_RULES), "--fail-on", "never", "-f", "json", "-o", str(out), str(bad))
    assert result.exit_code == 2 and "every record was rejected" in result.stderr
    assert json.loads(out.read_text())["summary"]["rejected"] == 2  # the report still says why


def test_one_file_wholly_rejected_among_good_ones_exits_2(tmp_path: Path) -> None:
    good = _events(tmp_path, event(item={"description": "rice"}))
    bad = _events(tmp_path, {"id": "x"}, name="bad.json")
    result = _run("check", "--rules", str(TEST_RULES), str(good), str(bad))
    assert result.exit_code == 2 and "bad.json: every record was rejected" in result.stderr


def test_some_records_rejected_warn_and_exit_1_only_with_fail_on_rejected(tmp_path: Path) -> None:
    mixed = _events(tmp_path, event(item={"description": "rice"}), {"id": "x"})
    result = _run("check", "--rules", str(TEST_RULES), str(mixed))
    assert result.exit_code == 0 and "warning: 1 of 2 records rejected" in result.stderr
    result = _run("check", "--rules", str(TEST_RULES), "--fail-on", "rejected", str(mixed))
    assert result.exit_code == 1


def test_an_empty_file_exits_0_with_a_warning(tmp_path: Path) -> None:
    result = _run("check", "--rules", str(TEST_RULES), str(_events(tmp_path)))
    assert result.exit_code == 0 and "events.json holds no records" in result.stderr


def test_the_console_script_is_the_guarded_group() -> None:
    # The script must not bypass the guard (issue 10: the wrapper was never used).
    text = (ROOT / "pyproject.toml").read_text()
    assert 'sanctions-check = "sanctions_check.cli:main"' in text
    from sanctions_check.cli import _Group

    assert isinstance(main, _Group)


def test_a_full_disk_under_any_command_is_exit_2_not_a_traceback() -> None:
    if not Path("/dev/full").exists():
        pytest.fail("/dev/full is needed (Linux): it fails every write with ENOSPC")
    with open("/dev/full", "w") as full:
        done = _module("rules", "list", "--rules", str(TEST_RULES), stdout=full)
    assert done.returncode == 2 and "the disk is full" in done.stderr and "Exception ignored" not in done.stderr
    _one_error_line(done.stderr)
