"""The HTML report holds what a reviewer signs: summary, charts, findings, provenance, sign-off."""

from __future__ import annotations

import re

from report_builders import cap_finding, finding, report, result
from sanctions_check.model.report import Rejection, Report, Summary
from sanctions_check.report import html, render


def _flagged_and_capped() -> Report:
    unverified = finding("r-unverified", verified=False, exempted=True, exemption="notified to the Committee")
    results = [
        result("e-tanks", findings=[finding(), unverified],
               sources=[{"title": "Reuters", "url": "https://example.org/tanks", "published": "2024-06-20"},
                        {"title": "Leaflet", "url": "ftp://example.org/x"}]),
        result("e-oil", date="2024-03-01", findings=[cap_finding(600_000)]),
        result("e-wine", verdict="clear", summary="FR → DE: no DPRK party, flag or transit"),
    ]
    made = report(results, [Rejection(event_id="bad-1", errors=["field `date`: not a date"], file="events.json", line=4)],
                  verified_engines=["durable", "reference"])
    made.summary = Summary(events=4, evaluated=3, rejected=1, flagged=2, findings=3, clear=1,
                           by_status={"reported": 2}, by_resolution={"1718": 1, "2397": 1})
    return made


def test_the_page_is_self_contained_and_forbids_scripts_and_remote_loads() -> None:
    page = html.render(_flagged_and_capped())
    assert "default-src 'none'" in page
    for remote in ("<script", "<link", "<img", "<iframe", "@import", "url(", "src="):
        assert remote not in page, remote


def test_summary_counts_and_breakdowns() -> None:
    page = html.render(_flagged_and_capped())
    summary = page[page.index('id="summary"'):page.index('id="charts"')]
    for count, label in (("4", "events"), ("2", "flagged"), ("0", "exempt"), ("1", "clear"),
                         ("0", "insufficient data"), ("1", "rejected")):
        assert f'<span class="n">{count}</span>{label}' in summary
    assert "<td>S/RES/2397</td>" in summary and "<td>reported</td>" in summary


def test_timeline_and_one_chart_per_cap() -> None:
    page = html.render(_flagged_and_capped())
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline"') == 1
    assert page.count('class="chart cap"') == 1
    assert "Cap petrol: running total in barrels" in page


def test_findings_table_has_one_row_per_finding() -> None:
    page = html.render(_flagged_and_capped())
    assert page.count('<tr class="finding-row"') == 3


def test_each_finding_shows_citation_quote_explanation_level_and_flags() -> None:
    page = html.render(_flagged_and_capped())
    section = page[page.index('id="event-1"'):page.index('id="event-2"')]
    assert "S/RES/1718 (2006), para. 8(a)(i): Arms to the DPRK" in section
    assert "<blockquote>“battle tanks”</blockquote>" in section
    assert "RU → DPRK: battle tanks" in section
    assert "Evidence level: reported" in section
    assert section.count("paragraph unverified") == 1
    assert 'class="badge exempt">exempted' in section
    assert "Exemption: notified to the Committee" in section


def test_only_http_sources_become_links() -> None:
    page = html.render(_flagged_and_capped())
    assert re.findall(r'<a class="source" href="([^"]*)"', page) == ["https://example.org/tanks"]
    assert "Leaflet (ftp://example.org/x)" in page


def test_rejected_records_provenance_and_blank_sign_off() -> None:
    page = html.render(_flagged_and_capped())
    assert "field `date`: not a date" in page
    provenance = page[page.index('id="provenance"'):page.index('id="sign-off"')]
    for expected in ("sanctions-check 0.1.0", "unsc-dprk 0.1.0", "ab" * 32, "events.json", "cd" * 32,
                     "2024-07-01T00:00:00Z", "durable, reference"):
        assert expected in provenance
    sign_off = page[page.index('id="sign-off"'):page.index('id="report-end"')]
    assert "<th>Prepared by</th><td></td><td></td><td></td>" in sign_off
    assert "<th>Reviewed by</th><td></td><td></td><td></td>" in sign_off
    assert '<div class="decision"></div>' in sign_off


def test_the_page_prints_with_page_breaks() -> None:
    page = html.render(_flagged_and_capped())
    assert "@media print" in page and "@page" in page and "break-inside: avoid" in page


def test_a_report_with_no_events_still_renders() -> None:
    page = html.render(report([]))
    assert "No dated events to chart." in page and "No provision applies to any event." in page


def test_html_is_a_format_of_check(checked: Report) -> None:
    page = render(checked, "html")
    assert page.count('<tr class="finding-row"') == len(checked.results[0].findings) >= 1
    assert "unsc-1718-8a-i" in page
