"""Shared fixtures: the bundled rule set and the small test rule set the mechanism tests control."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from sanctions_check import load_rules
from sanctions_check.model.ruleset import RuleSet

# Tests screen against the shipped designations list, never a list a developer imported.
os.environ["SANCTIONS_CHECK_HOME"] = tempfile.mkdtemp(prefix="sanctions-check-tests-")

ROOT = Path(__file__).resolve().parents[1]
TEST_RULES = ROOT / "tests" / "data" / "rules"
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def test_rules() -> RuleSet:
    return load_rules(TEST_RULES)


def event(**fields: Any) -> dict[str, Any]:
    """An event to the DPRK with the fields a test cares about; the rest defaulted."""
    base: dict[str, Any] = {"id": "e1", "date": "2024-06-19", "kind": "transfer",
                            "origin": {"country": "RU"}, "destination": {"country": "KP"}}
    base.update(fields)
    return base


@pytest.fixture()
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty list store of the test's own and the repository's rules/."""
    home = tmp_path / "home"
    monkeypatch.setenv("SANCTIONS_CHECK_HOME", str(home))
    monkeypatch.delenv("SANCTIONS_CHECK_RULES", raising=False)
    return home


@pytest.fixture(autouse=True)
def _shipped_list_age_is_expected(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped list (2024-09-26) is older than the default warning threshold; the tests
    that parse standard output do not want the warning, the tests of the warning set their own."""
    monkeypatch.setenv("SANCTIONS_CHECK_MAX_LIST_AGE", "100000")
