"""Fixtures for the report tests: the bundled rules (retried) and one real check."""

from __future__ import annotations

import pytest

from report_builders import TANKS, WINE, load_rules_retrying
from sanctions_check.api import check
from sanctions_check.model.report import Report
from sanctions_check.model.ruleset import RuleSet


@pytest.fixture(scope="session")
def bundled_rules() -> RuleSet:
    return load_rules_retrying()


@pytest.fixture(scope="session")
def checked(bundled_rules: RuleSet) -> Report:
    """A real check of one flagged and one clear event, as the CLI would produce it."""
    return check([TANKS, WINE], bundled_rules, timestamp="2024-07-01T00:00:00Z")
