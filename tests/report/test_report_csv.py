"""CSV: one row per finding, every event present, columns as the spreadsheet expects."""

from __future__ import annotations

import csv
import io

from report_builders import finding, report, result
from sanctions_check.model.report import Rejection, Report
from sanctions_check.report import csv_format, render
from sanctions_check.report.csv_format import COLUMNS, split_summary


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_header_names_the_columns_in_order() -> None:
    assert csv_format.render(report([])).splitlines()[0].split(",") == list(COLUMNS)


def test_one_row_per_finding_with_its_provision() -> None:
    two = result("e1", findings=[finding("r-arms"), finding("r-other", resolution=2270, paragraph="6",
                                                         citation="S/RES/2270 (2016), para. 6", exempted=True,
                                                         status="confirmed")])
    rows = _rows(csv_format.render(report([two])))
    assert [(r["event_id"], r["resolution"], r["paragraph"], r["exempted"]) for r in rows] == [
        ("e1", "1718", "8(a)(i)", "false"), ("e1", "2270", "6", "true")]
    assert rows[1]["citation"] == "S/RES/2270 (2016), para. 6"
    assert rows[1]["evidence_level"] == "confirmed"
    assert rows[0] | {"citation": ""} == {
        "event_id": "e1", "date": "2024-06-19", "origin": "RU", "destination": "DPRK", "item": "battle_tanks",
        "verdict": "potential_violation", "resolution": "1718", "paragraph": "8(a)(i)", "citation": "",
        "evidence_level": "reported", "exempted": "false"}


def test_an_event_without_findings_still_gets_one_row() -> None:
    clear = result("e2", verdict="clear", summary="FR → DE: no DPRK party, flag or transit")
    rows = _rows(csv_format.render(report([clear])))
    assert len(rows) == 1
    assert rows[0]["event_id"] == "e2" and rows[0]["verdict"] == "clear"
    assert (rows[0]["origin"], rows[0]["destination"], rows[0]["item"]) == ("FR", "DE", "")
    assert rows[0]["citation"] == rows[0]["paragraph"] == rows[0]["exempted"] == ""


def test_a_rejected_record_appears_as_rejected() -> None:
    rows = _rows(csv_format.render(report([], [Rejection(event_id="bad-1", errors=["field `date`: bad"], line=2)])))
    assert [(r["event_id"], r["verdict"]) for r in rows] == [("bad-1", "rejected")]


def test_origin_and_destination_come_from_the_flow_with_transit_states_skipped() -> None:
    assert split_summary("CN → RU (transit) → DPRK (destination): coal") == ("CN", "DPRK", "coal")
    assert split_summary("Ship Co: Ltd (DPRK) (origin) → CN: coal, iron") == ("Ship Co: Ltd (DPRK)", "CN", "coal, iron")
    assert split_summary("") == ("", "", "")


def test_every_event_of_a_real_check_appears(checked: Report) -> None:
    rows = _rows(render(checked, "csv"))
    assert {r["event_id"] for r in rows} == {"e1", "e2"}
    tanks = [r for r in rows if r["event_id"] == "e1"]
    assert tanks[0]["citation"].startswith("S/RES/1718 (2006), para. 8(a)")
    assert tanks[0]["origin"] == "RU" and tanks[0]["destination"] == "DPRK"
