"""Hypothesis profiles for the fuzz suite.

CI (the default): a fixed number of examples per test (about 300 in all), derandomised
(the same examples on every run, from a fixed seed), no example database and no
shrinking, so a failure reproduces and the run stays near a minute even when it fails.
A longer, random run for local use, which also shrinks a failure to a minimal example:

    SANCTIONS_CHECK_FUZZ=long .venv/bin/python -m pytest -p no:cacheprovider tests/fuzz

(`long` multiplies the example counts by 50 and draws new examples each run; hypothesis
prints the seed and the falsifying example of any failure.)
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, settings

from sanctions_check import load_rules
from sanctions_check.cli import check as check_cli

_SLOW_INPUT = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
               HealthCheck.function_scoped_fixture]
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=_SLOW_INPUT,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.register_profile("long", derandomize=False, database=None, deadline=None, print_blob=True,
                          suppress_health_check=_SLOW_INPUT)
PROFILE = os.environ.get("SANCTIONS_CHECK_FUZZ", "ci")
if PROFILE not in ("ci", "long"):
    raise pytest.UsageError(f"SANCTIONS_CHECK_FUZZ={PROFILE!r}: use 'ci' (the default) or 'long'")
settings.load_profile(PROFILE)


def examples(count: int) -> int:
    """Examples for one test: `count` in CI, fifty times as many in the long run."""
    return count * 50 if PROFILE == "long" else count


@pytest.fixture(autouse=True, scope="session")
def _rules_loaded_once() -> Iterator[None]:
    # Loading and linting the bundled rules costs ~1 s per command; the fuzz suite is
    # about input handling, so every run of the command shares one loaded rule set.
    ruleset = load_rules()
    original = check_cli.load_rules
    check_cli.load_rules = lambda rules_dir=None: ruleset if rules_dir is None else original(rules_dir)  # type: ignore[assignment]
    yield
    check_cli.load_rules = original  # type: ignore[assignment]
