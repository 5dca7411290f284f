"""The JSON report of the bundled news report, byte for byte.

Any change to a rule, a table or the report format changes this file on purpose:
regenerate it with `UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and read the diff.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from sanctions_check.cli import main
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "putin-visit-2024.json"


def _report(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)  # input paths are reported as given: keep them relative
    result = CliRunner().invoke(main, ["check", "-f", "json", "--timestamp", "2026-01-01T00:00:00Z",
                                       "fixtures/putin-visit-2024.json"], catch_exceptions=False)
    assert result.exit_code == 1
    return result.output


def test_golden_report_of_the_june_2024_news_report(monkeypatch: pytest.MonkeyPatch) -> None:
    output = _report(monkeypatch)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(output, encoding="utf-8")
    assert output == GOLDEN.read_text(encoding="utf-8")


def test_two_runs_are_byte_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _report(monkeypatch) == _report(monkeypatch)
