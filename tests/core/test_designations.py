"""Parties screened against the designations list give asset-freeze, travel-ban and
designated-vessel findings, from the listing date on, with reviewed matches kept visible."""

from __future__ import annotations

from pathlib import Path

from sanctions_check import check
from tests.conftest import event

KOMID = "Korea Mining Development Trading Corporation"  # KPe.001, listed 2009-04-24


def _payment(date: str, name: str = KOMID, **fields) -> dict:  # type: ignore[no-untyped-def]
    return event(id=f"pay-{date}", date=date, kind="financial", origin={"country": "AE", "name": "Gulf trading house", "type": "entity"},
                 destination={"country": "KP", "name": name, "type": "entity"}, activity="payment for machine parts", **fields)


def _rule_ids(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.rule_id for f in report.results[0].findings]


def test_payment_to_a_listed_entity_is_an_asset_freeze_finding_that_names_the_entry(rules) -> None:  # type: ignore[no-untyped-def]
    report = check([_payment("2016-05-01")], rules, timestamp="t")
    finding = next(f for f in report.results[0].findings if f.rule_id == "unsc-1718-8d")
    assert "KPe.001" in finding.explanation and "listed 2009-04-24" in finding.explanation
    assert finding.evidence["designations"][0].startswith(f"destination '{KOMID}' matches")


def test_no_asset_freeze_finding_before_the_listing_date(rules) -> None:  # type: ignore[no-untyped-def]
    report = check([_payment("2009-04-23")], rules, timestamp="t")
    assert "unsc-1718-8d" not in _rule_ids(report)
    assert "unsc-1718-8d" in _rule_ids(check([_payment("2009-04-24")], rules, timestamp="t"))


def test_a_listed_front_company_is_caught_outside_any_dprk_flow(rules) -> None:  # type: ignore[no-untyped-def]
    record = event(kind="financial", origin={"country": "SG", "name": "Acme Shipping Pte", "type": "entity"},
                   destination={"country": "CN", "name": KOMID, "type": "entity"}, activity="wire transfer")
    assert "unsc-1718-8d" in _rule_ids(check([record], rules, timestamp="t"))


def test_a_named_intermediary_is_screened(rules) -> None:  # type: ignore[no-untyped-def]
    record = _payment("2016-05-01", name="Pyongyang Trading Co.", intermediaries=[{"country": "CN", "name": KOMID, "type": "entity"}])
    report = check([record], rules, timestamp="t")
    assert any("intermediary" in d for f in report.results[0].findings for d in f.evidence.get("designations", []))


def test_reviewed_false_positive_stays_visible_but_is_not_a_violation(rules, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("entity_reference,name,decision,reason,reviewer,date\n"
                         f"KPe.001,{KOMID},false_positive,different company with the same name in Ghana,A. Reviewer,2024-07-01\n")
    record = event(kind="financial", origin={"country": "SG", "name": "Acme Shipping Pte", "type": "entity"},
                   destination={"country": "GH", "name": KOMID, "type": "entity"}, activity="wire transfer")
    report = check([record], rules, timestamp="t", decisions=decisions)
    result = report.results[0]
    finding = next(f for f in result.findings if f.rule_id == "unsc-1718-8d")
    assert finding.review["decision"] == "false_positive" and finding.review["reviewer"] == "A. Reviewer"
    assert result.verdict == "clear"
    assert "reviewed 2024-07-01 by A. Reviewer" in finding.explanation


def test_listed_traveller_gives_travel_ban_finding_unless_committee_exempts(rules) -> None:  # type: ignore[no-untyped-def]
    trip = event(kind="travel", date="2023-09-13", origin={"country": "KP", "name": "Ri Pyong Chol", "type": "individual"},
                 destination={"country": "RU", "type": "state"})
    assert "unsc-1718-8e" in _rule_ids(check([trip], rules, timestamp="t"))
    exempted = check([dict(trip, exemption={"basis": "committee_approval", "reference": "1718 Committee"})], rules, timestamp="t")
    assert exempted.results[0].verdict == "exempt"


def test_screening_can_be_switched_off(rules) -> None:  # type: ignore[no-untyped-def]
    assert "unsc-1718-8d" not in _rule_ids(check([_payment("2016-05-01")], rules, timestamp="t", screening=False))
