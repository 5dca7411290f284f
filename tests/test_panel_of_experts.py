"""Documented cases from the UN Panel of Experts (resolution 1874) reports, and lawful near-misses.

One parametrized test per case (verdict + key citations), so the number of cases the
checker gets fully right is visible in the pytest summary; `test_summary` prints that count.
Expectations live in tests/data/panel-of-experts-expected.yaml and are not to be weakened
to make the checker pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sanctions_check import check, load_events, load_rules

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "panel-of-experts-cases.json"
EXPECTED_FILE = ROOT / "tests" / "data" / "panel-of-experts-expected.yaml"

EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def loaded():
    return load_events([FIXTURE])


@pytest.fixture(scope="module")
def report(loaded):
    # All events in one run: caps are summed across the events of the input.
    return check(loaded, load_rules(), timestamp="t")


@pytest.fixture(scope="module")
def results(report) -> dict[str, Any]:
    return {r.event_id: r for r in report.results}


def _parse(citation: str) -> tuple[int, str]:
    resolution, paragraph = citation.split(maxsplit=1)
    return int(resolution), paragraph.replace(" ", "").lower()


def _matches(expected_paragraph: str, finding_paragraph: str) -> bool:
    """'5' matches '5'; a bare number also matches its own sub-paragraphs ('5(a)')."""
    found = finding_paragraph.replace(" ", "").lower()
    return found == expected_paragraph or found.startswith(expected_paragraph + "(")


def problems(case_id: str, result: Any) -> list[str]:
    """Everything wrong with one case; empty when the checker got it fully right."""
    expected = EXPECTED[case_id]
    if result is None:
        return ["event not in results (rejected?)"]
    out: list[str] = []
    if result.verdict != expected["verdict"]:
        out.append(f"verdict {result.verdict!r}, expected {expected['verdict']!r}")
    for citation in expected.get("citations") or []:
        resolution, paragraph = _parse(citation)
        hits = [f for f in result.findings
                if f.resolution == resolution and _matches(paragraph, f.paragraph)]
        if not hits:
            out.append(f"missing citation {citation}")
        elif expected["verdict"] == "exempt" and not any(f.exempted for f in hits):
            out.append(f"citation {citation} present but not exempted")
    if out:
        got = sorted({f"{f.resolution} {f.paragraph}{' (exempted)' if f.exempted else ''}"
                      for f in result.findings})
        out.append(f"findings: {got or 'none'}"
                   + (f"; missing: {result.missing}" if getattr(result, "missing", None) else "")
                   + (f"; exemption refused: {result.exemption_rejected}"
                      if getattr(result, "exemption_rejected", None) else ""))
    return out


def test_fixture_loads_without_rejections(loaded):
    assert not loaded.rejected, [r.errors for r in loaded.rejected]
    ids = [v.event.id for v in loaded.events]
    assert sorted(ids) == sorted(EXPECTED), set(ids) ^ set(EXPECTED)
    assert not any(v.warnings for v in loaded.events), {v.event.id: v.warnings for v in loaded.events if v.warnings}


def test_fixture_has_enough_cases():
    near_misses = [k for k, v in EXPECTED.items() if v["verdict"] in ("exempt", "clear")]
    assert len(EXPECTED) >= 25 + 8
    assert len(near_misses) >= 8


@pytest.mark.parametrize("case_id", list(EXPECTED))
def test_case(case_id: str, results: dict[str, Any]) -> None:
    issues = problems(case_id, results.get(case_id))
    assert not issues, f"{case_id}: " + "; ".join(issues)


def test_summary(results: dict[str, Any], capsys) -> None:
    right = [c for c in EXPECTED if not problems(c, results.get(c))]
    wrong = [c for c in EXPECTED if c not in right]
    with capsys.disabled():
        print(f"\nPanel of Experts cases fully right: {len(right)}/{len(EXPECTED)}")
        for c in wrong:
            print(f"  WRONG {c}: " + "; ".join(problems(c, results.get(c))))
    assert len(right) == len(EXPECTED), f"{len(right)}/{len(EXPECTED)} cases fully right"
