"""The library takes what people pass first, and says what to pass otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sanctions_check
from sanctions_check import check, load_events, render
from tests.conftest import FIXTURES, event

LIMO = event(id="limo", origin={"country": "RU"}, destination={"country": "KP"}, item={"description": "Aurus Senat limousine"})


def test_check_of_one_dict_checks_that_one_event() -> None:
    report = check(LIMO, timestamp="t")
    assert [r.event_id for r in report.results] == ["limo"] and not report.rejected
    assert report.results[0].verdict == "potential_violation"


def test_check_and_load_events_take_one_path_as_a_string() -> None:
    path = str(FIXTURES / "putin-visit-2024.json")
    assert len(load_events(path).events) == 7
    assert check(path, timestamp="t").summary.events == 7


@pytest.mark.parametrize("bad", [42, b"bytes", None])
def test_check_says_what_to_pass(bad: object) -> None:
    with pytest.raises(TypeError, match="check takes an event"):
        check(bad, timestamp="t")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", sorted(sanctions_check.FORMATS))
def test_render_is_public_for_every_format(fmt: str) -> None:
    text = render(check([LIMO], timestamp="2026-01-01T00:00:00Z"), fmt)
    assert "limo" in text


def test_render_names_the_formats_on_a_typo() -> None:
    with pytest.raises(ValueError, match="markdown"):
        render(check([LIMO], timestamp="t"), "md")


def test_provenance_names_the_designations_list_with_its_date_hash_and_age(tmp_path: Path) -> None:
    report = check([LIMO], timestamp="2026-01-01T00:00:00Z")
    listed = report.designations
    assert listed is not None and listed.generated_on.isoformat() == "2024-09-26"
    assert len(listed.sha256) == 64 and listed.entries > 150 and listed.age_days == 462
    for fmt, needle in (("text", "generated 2024-09-26"), ("markdown", "Designations list"), ("html", "Designations list")):
        assert needle in render(report, fmt)
    assert json.loads(report.model_dump_json())["designations"]["age_days"] == 462
    assert check([LIMO], timestamp="t", screening=False).designations is None
