"""The library: `check()` returns a report for any list of dicts, and every format
writes that report; text and Markdown output stay inert whatever the input holds."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_check import check
from sanctions_check.model.ruleset import RuleSet
from sanctions_check.report import FORMATS, render
from tests.fuzz.conftest import examples
from tests.fuzz.harness import _ACTIVE
from tests.fuzz.records import HOSTILE_TEXT, corrupted_event, intact_event, json_values


_any_record = st.one_of(
    st.integers(0, 5).flatmap(intact_event),
    st.integers(0, 5).flatmap(lambda i: corrupted_event(i, huge=1 << 12)),
    st.dictionaries(st.text(max_size=6), json_values, max_size=6),
    json_values,
)


def _serialises(report: Any) -> None:
    json.loads(report.model_dump_json())
    for fmt in FORMATS:
        render(report, fmt).encode("utf-8")  # strict: a lone surrogate would fail here


@settings(max_examples=examples(60))
@given(st.lists(_any_record, max_size=5))
def test_check_returns_a_report_that_serialises_for_any_records(rules: RuleSet, records: list[Any]) -> None:
    report = check(records, rules, timestamp="T")
    assert report.summary.events == len(records) == len(report.results) + len(report.rejected)
    _serialises(report)


@settings(max_examples=examples(40))
@given(st.integers(0, 3).flatmap(intact_event), st.lists(st.sampled_from(HOSTILE_TEXT) | st.text(max_size=12),
                                                          min_size=1, max_size=3))
def test_text_and_markdown_show_no_control_character_from_the_input(rules: RuleSet, record: dict[str, Any],
                                                                     texts: list[str]) -> None:
    record["item"] = {"description": "artillery shells " + " ".join(texts)}  # flagged: shown in full
    record["origin"] = {"country": "KP", "name": texts[0], "type": "entity"}
    record["notes"] = texts[-1]
    record["id"] = record["id"] + texts[0]
    report = check([record], rules, timestamp="T")
    for fmt in ("text", "markdown"):
        shown = render(report, fmt)
        assert not _ACTIVE & set(shown.replace("\n", "")), (fmt, [c for c in shown if c in _ACTIVE])
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in shown)
