"""News dates acts by month or year and names countries: both are read, and say so."""

from __future__ import annotations

import datetime as dt

import pytest

from sanctions_check import check
from tests.conftest import event


@pytest.mark.parametrize(("written", "start", "end"), [
    ("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29"), ("2023-12", "2023-12-01", "2023-12-31"),
])
def test_a_year_or_a_month_is_read_as_a_period(written: str, start: str, end: str) -> None:
    report = check([event(date=written, item={"description": "rice"})], timestamp="t")
    (result,) = report.results
    assert result.date == dt.date.fromisoformat(start)
    assert report.rejected == []
    assert result.warnings == [f"date '{written}' read as the period {start} to {end}"]


def test_a_period_straddling_an_adoption_date_is_judged_like_an_end_date() -> None:
    # 2270 (2 March 2016) banned DPRK coal exports; "2016" includes days after it.
    coal = event(date="2016", origin={"country": "KP"}, destination={"country": "CN"},
                 item={"description": "anthracite coal", "hs_code": "2701"})
    early = dict(coal, id="early", date="2015")
    report = check([coal, early], timestamp="t")
    verdicts = {r.event_id: r.verdict for r in report.results}
    assert verdicts["early"] == "clear" and verdicts[coal["id"]] != "clear"


def test_a_month_with_no_such_number_is_rejected() -> None:
    report = check([event(date="2024-13", item={"description": "rice"})], timestamp="t")
    assert "field `date`" in report.rejected[0].errors[0]


@pytest.mark.parametrize(("name", "code"), [("Russia", "RU"), ("North Korea", "KP"), ("UK", "GB"), ("D.P.R.K.", "KP"),
                                            ("Viet Nam", "VN"), ("rus", "RU")])
def test_a_country_name_is_read_as_its_code_with_a_warning(name: str, code: str) -> None:
    report = check([event(origin={"country": name}, destination={"country": "CN"}, via=[name],
                          item={"description": "rice"})], timestamp="t")
    (result,) = report.results
    assert result.via == [code]
    assert any(f"read as the country code {code}" in w for w in result.warnings)


def test_an_unknown_country_is_rejected_with_a_suggestion() -> None:
    report = check([event(origin={"country": "Rusia"}, item={"description": "rice"})], timestamp="t")
    assert "did you mean RU?" in report.rejected[0].errors[0]
