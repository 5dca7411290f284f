"""Bad input is rejected with file, line, record and field; the rest is still checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctions_check import check, load_events
from tests.conftest import FIXTURES, event


def test_bad_records_are_rejected_with_location_and_the_rest_checked(rules) -> None:
    loaded = load_events([FIXTURES / "bad-events.jsonl"])
    report = check(loaded, rules, timestamp="t")
    by_id = {r.event_id: r for r in report.rejected}
    assert report.summary.events == report.summary.evaluated + report.summary.rejected == 9
    assert {r.event_id for r in report.results} == {"b-01-ok", "b-09-ok-clear"}
    assert "line 2" in report.rejected[0].errors[0] and "malformed JSON" in report.rejected[0].errors[0]
    assert "field `date`" in by_id["b-03-bad-date"].errors[0]
    assert "field `origin.country`: 'XX' is not an ISO 3166-1" in by_id["b-04-unknown-country"].errors[0]
    assert "field `item.quantity`" in by_id["b-05-negative-quantity"].errors[0]
    assert "field `destination`: required field is missing" in by_id["b-06-missing-destination"].errors[0]
    assert "'87O3' is not an HS code" in by_id["b-07-bad-hs"].errors[0]
    duplicate = [r for r in report.rejected if r.line == 8][0]
    assert "already used by" in duplicate.errors[0] and "line 1" in duplicate.errors[0]
    assert all("bad-events.jsonl" in e for r in report.rejected for e in r.errors)


def test_malformed_json_array_loses_only_the_broken_record(tmp_path: Path) -> None:
    good = json.dumps(event(id="a", item={"description": "rice"}))
    text = '{"schema_version": "1", "events": [\n' + good + ',\n{"id": "b", "date": 2024-01-01},\n' + json.dumps(event(id="c", item={"description": "rice"})) + "\n]}"
    path = tmp_path / "events.json"
    path.write_text(text)
    loaded = load_events([path])
    assert [v.event.id for v in loaded.events] == ["a", "c"]
    assert loaded.rejected[0].line == 3 and "malformed JSON" in loaded.rejected[0].errors[0]


@pytest.mark.parametrize("value", ["2024-6-19", "19/06/2024", 1718, "2024-06-19T10:00:00"])
def test_dates_must_be_zero_padded_iso(value) -> None:  # type: ignore[no-untyped-def]
    report = check([event(date=value)], timestamp="t")
    assert report.summary.rejected == 1
    assert "field `date`" in report.rejected[0].errors[0]


def test_transfer_without_item_is_rejected_with_the_reason() -> None:
    record = event()
    report = check([record], timestamp="t")
    assert "field 'item' is required for kind 'transfer'" in report.rejected[0].errors[0]


def test_unknown_fields_are_kept_as_warnings_not_dropped_silently() -> None:
    report = check([event(item={"description": "rice", "hs_cod": "1006"})], timestamp="t")
    assert report.results[0].warnings == ["unknown field `item.hs_cod` ignored (not in contract v1)"]


def test_csv_yaml_and_jsonl_read_the_same_event(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text(
        "id,date,kind,origin.country,destination.country,item.description,item.quantity,item.unit,via\n"
        "c1,2024-06-19,transfer,RU,KP,diesel,100,barrels,CN;MN\n")
    (tmp_path / "e.yaml").write_text("events:\n  - id: y1\n    date: 2024-06-19\n    kind: transfer\n"
                                     "    origin: {country: RU}\n    destination: {country: KP}\n    item: {description: diesel}\n")
    (tmp_path / "e.jsonl").write_text(json.dumps(event(id="j1", item={"description": "diesel"})) + "\n\n")
    loaded = load_events([tmp_path / "e.csv", tmp_path / "e.yaml", tmp_path / "e.jsonl"])
    assert not loaded.rejected
    csv_event = loaded.events[0].event
    assert csv_event.via == ["CN", "MN"] and csv_event.item.quantity == 100
    assert [v.line for v in loaded.events] == [2, 2, 1]
    assert len(loaded.inputs) == 3 and all(len(i.sha256) == 64 for i in loaded.inputs)


def test_a_missing_file_is_rejected_as_a_file_and_the_others_are_read(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(event(id="g", item={"description": "rice"})) + "\n")
    loaded = load_events([tmp_path / "absent.json", good])
    assert [v.event.id for v in loaded.events] == ["g"]
    (missing,) = loaded.rejected
    assert missing.scope == "file" and missing.file == str(tmp_path / "absent.json")
    assert "no such file" in missing.errors[0] and "check the path" in missing.errors[0]
    report = check(loaded, timestamp="t")
    assert report.summary.input_errors == 1 and report.summary.rejected == 0


def test_unknown_extension_asks_for_a_format(tmp_path: Path) -> None:
    (tmp_path / "events.txt").write_text("[]")
    (rejection,) = load_events([tmp_path / "events.txt"]).rejected
    assert rejection.scope == "file" and "--input-format" in rejection.errors[0]


def test_every_event_appears_exactly_once(rules) -> None:  # type: ignore[no-untyped-def]
    loaded = load_events([FIXTURES / "bad-events.jsonl", FIXTURES / "putin-visit-2024.json"])
    report = check(loaded, rules, timestamp="t")
    lines = [(r.file, r.line) for r in report.results] + [(r.file, r.line) for r in report.rejected]
    assert len(lines) == len(set(lines)) == report.summary.events == 16


def test_light_clear_results_serialise_exactly_like_the_model(rules) -> None:  # type: ignore[no-untyped-def]
    from sanctions_check.api import stream_results
    from sanctions_check.io.validate import Validator
    from sanctions_check.io.read import RawRecord
    from sanctions_check.model.clear import ClearResult
    from benchmarks.generate import events

    records = list(events(300, "trade", seed=3)) + [
        event(id='odd "id" \\ ü \u2028', origin={"country": "CN", "name": "Ünïcode \"quoted\" \t tab"},
              destination={"country": "VN"}, item={"description": None, "hs_code": "1006"}),
        event(id="with-sources", destination={"country": "VN"}, item={"category": "other"},
              sources=[{"title": "t", "url": "https://example.org"}], via=["SG"]),
        event(id="two-transits", destination={"country": "VN"}, via=["SG", "MY"], item={"hs_code": "1006"}),
        event(id="with-warning", destination={"country": "VN"}, item={"hs_cod": "1006", "description": "rice"},
              sources=[{"title": "Ü \"t\"", "url": "https://example.org/a?b=1", "published": "2024-06-19"}]),
    ]
    validator = Validator()
    validated = [validator.validate(RawRecord("f.jsonl", n, n, r)) for n, r in enumerate(records, 1)]
    clear = [r for _, r in stream_results(validated, rules) if isinstance(r, ClearResult)]
    assert len(clear) > 250
    assert any(len(r.via) == 2 for r in clear) and any(r.warnings and r.sources for r in clear)
    # A rule set without DPRK anchors can leave a DPRK party clear: its label is not the code.
    kp = validator.validate(RawRecord("f.jsonl", 1, 1, event(id="kp", origin={"country": "KP"}, destination={"country": "CN"}, item={"description": "rice"})))
    clear.append(ClearResult(kp))  # type: ignore[arg-type]
    assert clear[-1].origin != "KP"
    for result in clear:
        model_json = result.to_result().model_dump_json(indent=2)
        assert result.to_json() == model_json
        assert result.json_bytes() == model_json.encode()


@pytest.mark.parametrize("number", ["1e400", "Infinity", '"inf"', "NaN"])
def test_infinite_or_undefined_amounts_are_rejected(tmp_path: Path, number: str) -> None:
    line = json.dumps(event(id="inf", item={"description": "diesel", "unit": "barrels", "quantity": 0,
                                            "value_usd": 0}))
    path = tmp_path / "events.jsonl"
    path.write_text(line.replace('"quantity": 0', f'"quantity": {number}') + "\n"
                    + line.replace('"value_usd": 0', f'"value_usd": {number}').replace('"inf"', '"inf2"', 1) + "\n")
    loaded = load_events([path])
    assert loaded.events == []
    fields = [r.errors[0].split("field `")[1].split("`")[0] for r in loaded.rejected]
    assert fields == ["item.quantity", "item.value_usd"]
    assert all("finite" in r.errors[0] for r in loaded.rejected)


def test_a_duplicate_id_in_a_second_file_names_the_first_file_and_line(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(event(id="x1", item={"description": "rice"})) + "\n"
                     + json.dumps(event(id="x2", item={"description": "rice"})) + "\n")
    second.write_text(json.dumps(event(id="y1", item={"description": "rice"})) + "\n"
                      + json.dumps(event(id="x2", item={"description": "rice"})) + "\n")
    loaded = load_events([first, second])
    assert [v.event.id for v in loaded.events] == ["x1", "x2", "y1"]
    (rejection,) = loaded.rejected
    assert f"'x2' is already used by {first} line 2" in rejection.errors[0]
    assert rejection.file == str(second) and rejection.line == 2
