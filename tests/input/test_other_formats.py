"""YAML, CSV and JSON Lines: syntax errors are named in the user's file, a bad row or line is
one rejection, and descriptive fields never cost an event."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from sanctions_check import check, load_events
from tests.conftest import event

HEADER = "id,date,kind,origin.country,destination.country,item.description"


def test_a_yaml_syntax_error_names_the_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("events:\n  - id: a\n    date: [2024\n")
    (rejection,) = load_events([path]).rejected
    assert rejection.scope == "file" and str(path) in rejection.errors[0]
    assert "line 4, column 1" in rejection.errors[0] and "<unicode string>" not in rejection.errors[0]


def test_a_yaml_record_with_a_key_twice_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("- {id: a, id: b, date: 2024-06-19, kind: travel, origin: {country: KP}, destination: {country: RU}}\n"
                    "- {id: c, date: 2024-06-19, kind: travel, origin: {country: KP}, destination: {country: RU}}\n")
    loaded = load_events([path])
    assert [v.event.id for v in loaded.events] == ["c"]
    assert "appears twice" in loaded.rejected[0].errors[0]


def test_a_csv_header_with_a_value_and_a_group_of_the_same_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(HEADER + ",item\na,2024-06-19,transfer,RU,KP,car,x\n")
    (rejection,) = load_events([path]).rejected
    assert rejection.scope == "file" and "'item' and 'item.description' conflict" in rejection.errors[0]


def test_a_csv_column_named_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(HEADER + ",id\na,2024-06-19,transfer,RU,KP,car,b\n")
    assert "appears twice" in load_events([path]).rejected[0].errors[0]


def test_long_csv_cells_and_bare_carriage_returns_are_read(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    long = "x" * 300_000
    path.write_bytes((HEADER + "\r" + f"a,2024-06-19,transfer,RU,KP,\"{long}\"\r"
                      + "b,2024-06-19,transfer,RU,KP,car\r").encode())
    loaded = load_events([path])
    assert [v.event.id for v in loaded.events] == ["a", "b"] and not loaded.rejected


def test_a_csv_row_with_the_wrong_number_of_cells_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(HEADER + "\na,2024-06-19,transfer,RU,KP\nb,2024-06-19,transfer,RU,KP,car\n")
    loaded = load_events([path])
    assert [v.event.id for v in loaded.events] == ["b"]
    assert loaded.rejected[0].line == 2 and "5 cells, the header 6" in loaded.rejected[0].errors[0]


def test_a_jsonl_line_that_is_not_utf8_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    good = json.dumps(event(id="g", item={"description": "rice"})).encode()
    path.write_bytes(b'{"id": "\xff"}\n' + good + b"\n")
    loaded = load_events([path])
    assert [v.event.id for v in loaded.events] == ["g"]
    assert loaded.rejected[0].line == 1 and "not UTF-8" in loaded.rejected[0].errors[0]


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".yaml", ".csv"])
def test_the_input_hash_is_of_the_bytes_as_they_are_bom_included(tmp_path: Path, suffix: str) -> None:
    body = {".json": "[]", ".jsonl": "\n", ".yaml": "[]\n", ".csv": HEADER + "\n"}[suffix]
    data = b"\xef\xbb\xbf" + body.encode()
    path = tmp_path / f"events{suffix}"
    path.write_bytes(data)
    loaded = load_events([path])
    assert loaded.inputs[0].sha256 == hashlib.sha256(data).hexdigest()
    assert not loaded.rejected


@pytest.mark.parametrize("published", ["2019", "2019-09", "2019-09-30", "2019-09-30T08:00:00Z"])
def test_a_source_dated_by_year_or_month_is_accepted(published: str) -> None:
    report = check([event(item={"description": "rice"}, sources=[{"title": "PoE", "published": published}])], timestamp="t")
    assert report.summary.evaluated == 1 and not report.results[0].warnings
    assert report.results[0].sources[0]["published"] == published[:10]


def test_bad_metadata_is_a_warning_and_the_arms_transfer_is_still_checked() -> None:
    record = event(id="arms", origin={"country": "KP"}, destination={"country": "RU"},
                   item={"description": "artillery shells"}, status="unverified", notes=["not", "text"],
                   sources=[{"title": "PoE", "published": "autumn 2019"}, "a bare string"])
    report = check([record], timestamp="t")
    (result,) = report.results
    assert result.verdict == "potential_violation"
    warnings = " ".join(result.warnings)
    assert "sources.0.published" in warnings and "status" in warnings and "notes" in warnings
    assert "still checked" in warnings


def test_a_lone_surrogate_is_replaced_and_the_report_serialises(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(event(id="s", item={"description": "rice \ud800"}, vessel={"imo": "\ud800"},
                                     kind="transfer"), ensure_ascii=True) + "\n")
    report = check(load_events([path]), timestamp="t")
    report.model_dump_json().encode("utf-8")
    assert report.summary.events == 1


def test_every_record_the_parser_saw_is_a_result_or_a_rejection(tmp_path: Path) -> None:
    lines = [json.dumps(event(id=f"e{n}", item={"description": "rice"})) for n in range(5)]
    lines[2] = '{"id": "broken", '
    lines.insert(4, json.dumps(event(id="e1", item={"description": "rice"})))  # a duplicate id
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = check(load_events([path]), timestamp="t")
    assert report.inputs[0].records == 6 == report.summary.evaluated + report.summary.rejected
    duplicate = [r for r in report.rejected if "already used" in r.errors[0]][0]
    assert duplicate.event_id == "e1"
