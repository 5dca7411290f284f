"""Charts: a timeline of events by verdict and one chart per cap, in plain SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from report_builders import cap_finding, report, result
from sanctions_check.report import charts

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, or this raises


def test_timeline_has_one_dot_per_dated_event_coloured_by_verdict() -> None:
    results = [result("a", date="2024-01-05"), result("b", verdict="clear", date="2024-03-01"),
               result("c", verdict="exempt", date="2024-03-01"), result("d", verdict="clear", date=None)]
    svg = _parse(charts.timeline_svg(results))
    dots = svg.findall(f"{SVG}circle")
    assert sorted(d.get("class") for d in dots) == ["event clear", "event exempt", "event potential_violation"]
    assert {d.get("fill") for d in dots} == {charts.VERDICT_COLOURS[v] for v in ("clear", "exempt", "potential_violation")}


def test_timeline_of_no_dated_events_is_absent() -> None:
    assert charts.timeline_svg([]) is None


def test_a_busy_day_is_counted_not_drawn_past_its_lane() -> None:
    svg = _parse(charts.timeline_svg([result(f"e{n}", date="2024-01-05") for n in range(7)]))
    assert len(svg.findall(f"{SVG}circle")) == charts._MAX_STACK
    assert any(t.text == "×7" for t in svg.findall(f"{SVG}text"))


def test_event_ids_in_chart_tooltips_are_escaped() -> None:
    svg = charts.timeline_svg([result("<script>x</script>&")])
    assert "<script>" not in svg
    assert _parse(svg).find(f"{SVG}circle/{SVG}title").text.startswith("<script>x</script>&")


def test_cap_series_follows_the_running_total_per_window() -> None:
    results = [
        result("p2", date="2024-05-01", findings=[cap_finding(600_000)]),
        result("p1", date="2024-03-01", findings=[cap_finding(510_000)]),
        result("p3", date="2025-02-01", findings=[cap_finding(700_000, window=("2025-01-01", "2025-12-31"))]),
        result("tanks", date="2024-06-01"),
    ]
    (series,) = charts.cap_series(report(results))
    assert (series.cap_id, series.measure) == ("petrol", "barrels")
    assert [(str(w.start), [(p.event_id, p.total) for p in w.points]) for w in series.windows] == [
        ("2024-01-01", [("p1", 510_000.0), ("p2", 600_000.0)]), ("2025-01-01", [("p3", 700_000.0)])]
    svg = _parse(charts.cap_svg(series))
    assert len(svg.findall(f"{SVG}line[@class='cap-line']")) == 2
    assert len(svg.findall(f"{SVG}circle[@class='cap-point']")) == 3


def test_two_caps_and_two_measures_make_separate_charts() -> None:
    coal = cap_finding(11_000, cap_id="coal", rule_id="r-coal")
    coal.evidence["cap"]["totals"] = {"tonnes": 11_000, "usd": 400_000}
    coal.evidence["cap"]["limits"] = {"tonnes": 10_000, "usd": 1_000_000}
    found = charts.cap_series(report([result("c", findings=[coal]), result("p", findings=[cap_finding(9e5)])]))
    assert [(s.cap_id, s.measure) for s in found] == [("coal", "tonnes"), ("coal", "usd"), ("petrol", "barrels")]


def test_an_event_counted_by_two_provisions_on_one_cap_is_plotted_once() -> None:
    twice = result("p", findings=[cap_finding(9e5), cap_finding(9e5, rule_id="r-petrol-notify")])
    (series,) = charts.cap_series(report([twice]))
    assert len(series.windows[0].points) == 1


def test_findings_without_cap_evidence_make_no_cap_chart() -> None:
    assert charts.cap_series(report([result("a")])) == []
