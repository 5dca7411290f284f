"""Dates, caps summed across events, and exemptions, on the test rule set."""

from __future__ import annotations

from sanctions_check import check
from tests.conftest import event


def _ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.rule_id for f in result.findings]


def test_a_provision_applies_only_from_the_day_it_took_effect(test_rules) -> None:  # type: ignore[no-untyped-def]
    report = check([event(id="before", date="2006-10-13", item={"category": "battle_tanks"}),
                    event(id="on", date="2006-10-14", item={"category": "battle_tanks"})], test_rules, timestamp="t")
    before, on = report.results
    assert before.verdict == "clear" and on.verdict == "potential_violation"
    assert on.findings[0].applies_from.isoformat() == "2006-10-14"
    assert "since 2006-10-14" in on.findings[0].explanation


def test_a_provision_ends_on_its_until_date(test_rules) -> None:  # type: ignore[no-untyped-def]
    salw = {"category": "small_arms_light_weapons"}
    report = check([event(id="last", date="2016-03-01", item=salw), event(id="after", date="2016-03-02", item=salw)],
                   test_rules, timestamp="t")
    assert _ids(report.results[0]) == ["t-salw-window"] and _ids(report.results[1]) == []


def test_one_event_breaching_several_provisions_reports_each(test_rules) -> None:  # type: ignore[no-untyped-def]
    report = check([event(item={"description": "trucks carrying artillery shells", "hs_code": "8704"})], test_rules, timestamp="t")
    assert set(_ids(report.results[0])) == {"t-arms-to", "t-vehicles-hs"}


def test_petroleum_cap_flags_the_delivery_that_crosses_it_and_every_later_one(test_rules) -> None:  # type: ignore[no-untyped-def]
    def oil(i: str, date: str, barrels: float, unit: str = "barrels") -> dict:
        return event(id=i, date=date, item={"category": "refined_petroleum", "quantity": barrels, "unit": unit})

    # Input order is not date order: the ledger sorts by date.
    report = check([oil("d", "2024-09-01", 10), oil("a", "2024-01-10", 300000), oil("c", "2024-06-01", 20000, "tonnes"),
                    oil("b", "2024-03-01", 100000), oil("next-year", "2025-01-05", 10)], test_rules, timestamp="t")
    by_id = {r.event_id: r for r in report.results}
    assert "t-petrol-cap" not in _ids(by_id["a"]) and "t-petrol-cap" not in _ids(by_id["b"])
    crossing = next(f for f in by_id["c"].findings if f.rule_id == "t-petrol-cap")
    assert "549,200 of 500,000 barrels" in crossing.explanation  # 400,000 + 20,000 t x 7.46
    assert crossing.evidence["cap"]["window"] == ["2024-01-01", "2024-12-31"]
    assert "t-petrol-cap" in _ids(by_id["d"])
    assert "t-petrol-cap" not in _ids(by_id["next-year"])


def test_cap_with_two_limits_is_reached_by_whichever_comes_first(test_rules) -> None:  # type: ignore[no-untyped-def]
    coal = {"category": "coal", "quantity": 6000, "unit": "tonnes", "value_usd": 100000}
    report = check([event(id=f"c{n}", date=f"2017-0{n + 1}-01", origin={"country": "KP"}, destination={"country": "CN"}, item=coal)
                    for n in range(2)], test_rules, timestamp="t")
    assert _ids(report.results[0]) == [] and _ids(report.results[1]) == ["t-coal-cap"]


def test_cap_event_without_a_quantity_needs_data(test_rules) -> None:  # type: ignore[no-untyped-def]
    report = check([event(date="2016-01-01", item={"category": "refined_petroleum"})], test_rules, timestamp="t")
    # 2016: no cap period, no provision: clear. 2024: the cap cannot be summed.
    assert report.results[0].verdict == "clear"
    report = check([event(date="2017-10-05", item={"category": "refined_petroleum"})], test_rules, timestamp="t")
    assert report.results[0].verdict == "insufficient_data"
    assert "cap petrol" in report.results[0].missing[0]


def test_value_threshold_missing_value_needs_data_below_threshold_clear(test_rules) -> None:  # type: ignore[no-untyped-def]
    report = check([event(id="none", date="2017-01-01", item={"description": "rugs"}),
                    event(id="low", date="2017-01-01", item={"description": "rugs", "value_usd": 400}),
                    event(id="high", date="2017-01-01", item={"description": "rugs", "value_usd": 900})], test_rules, timestamp="t")
    verdicts = [r.verdict for r in report.results]
    assert verdicts == ["insufficient_data", "clear", "potential_violation"]
    assert "value_usd" in report.results[0].missing[0] and "S/RES/2321" in report.results[0].missing[0]


def test_allowed_exemption_gives_exempt_and_keeps_the_finding(test_rules) -> None:  # type: ignore[no-untyped-def]
    report = check([event(item={"category": "battle_tanks"}, exemption={"basis": "committee_approval", "reference": "X/1"})],
                   test_rules, timestamp="t")
    result = report.results[0]
    assert result.verdict == "exempt"
    assert result.findings[0].exempted and "committee_approval' (X/1) accepted" in result.findings[0].exemption
    assert report.summary.flagged == 0 and report.summary.exempt == 1


def test_exemption_the_provision_does_not_allow_is_refused_with_reason(test_rules) -> None:  # type: ignore[no-untyped-def]
    report = check([event(item={"category": "battle_tanks"}, exemption={"basis": "humanitarian"})], test_rules, timestamp="t")
    result = report.results[0]
    assert result.verdict == "potential_violation"
    assert "'humanitarian' is not an exemption that S/RES/1718 (2006), para. 8(a)(i) allows" in result.exemption_rejected


def test_wind_down_exemption_ends_on_its_date(test_rules) -> None:  # type: ignore[no-untyped-def]
    rug = {"description": "rugs", "value_usd": 900}
    report = check([event(id="in", date="2016-12-30", item=rug, exemption={"basis": "prior_contract"}),
                    event(id="out", date="2016-12-31", item=rug, exemption={"basis": "prior_contract"})], test_rules, timestamp="t")
    assert [r.verdict for r in report.results] == ["exempt", "potential_violation"]
    assert "ended on 2016-12-30" in report.results[1].findings[0].exemption


def test_notified_delivery_within_cap_is_exempt_but_not_once_over(test_rules) -> None:  # type: ignore[no-untyped-def]
    def oil(i: str, date: str, barrels: float) -> dict:
        return event(id=i, date=date, item={"category": "refined_petroleum", "quantity": barrels, "unit": "barrels"},
                     exemption={"basis": "committee_notification"})

    report = check([oil("within", "2019-01-01", 400000), oil("over", "2019-02-01", 200000)], test_rules, timestamp="t")
    assert [r.verdict for r in report.results] == ["exempt", "potential_violation"]


def test_status_is_kept_on_findings_and_counted(test_rules) -> None:  # type: ignore[no-untyped-def]
    report = check([event(id="a", status="denied", item={"category": "battle_tanks"}),
                    event(id="b", status="confirmed", item={"category": "battle_tanks"})], test_rules, timestamp="t")
    assert report.results[0].findings[0].status == "denied"
    assert report.results[0].verdict == "potential_violation"  # a denial is still a potential violation
    assert report.summary.by_status == {"confirmed": 1, "denied": 1}


def test_vessel_flag_and_activity(test_rules) -> None:  # type: ignore[no-untyped-def]
    sts = {"kind": "vessel", "origin": {"country": "CN"}, "destination": {"country": "CN"}}
    report = check([event(id="kp", vessel={"flag": "KP", "activity": "ship_to_ship_transfer"}, **sts),
                    event(id="pa", vessel={"flag": "PA", "activity": "ship_to_ship_transfer"}, **sts)], test_rules, timestamp="t")
    assert [r.verdict for r in report.results] == ["potential_violation", "clear"]


def test_an_act_over_a_period_is_covered_from_the_day_the_provision_took_effect(test_rules) -> None:  # type: ignore[no-untyped-def]
    tanks = {"category": "battle_tanks"}
    report = check([event(id="spans", date="2006-09-01", end_date="2006-11-30", item=tanks),
                    event(id="ends-before", date="2006-09-01", end_date="2006-10-13", item=tanks)], test_rules, timestamp="t")
    assert [r.verdict for r in report.results] == ["potential_violation", "clear"]
    assert "2006-09-01 to 2006-11-30" in report.results[0].findings[0].explanation or report.results[0].findings[0].evidence["matched"]


def test_grace_window_gives_exempt_without_a_claim_and_ends_on_its_date(test_rules) -> None:  # type: ignore[no-untyped-def]
    workers = {"kind": "labor", "origin": {"country": "KP"}, "destination": {"country": "RU"}}
    report = check([event(id="inside", date="2019-06-01", **workers),
                    event(id="last-day", date="2019-12-22", **workers),
                    event(id="after", date="2019-12-23", **workers),
                    event(id="spans", date="2019-06-01", end_date="2020-03-01", **workers)], test_rules, timestamp="t")
    assert [r.verdict for r in report.results] == ["exempt", "exempt", "potential_violation", "potential_violation"]
    assert "ends on 2019-12-22" in report.results[0].findings[0].exemption


def test_an_unclassifiable_item_needs_an_hs_code_for_hs_based_provisions(test_rules) -> None:  # type: ignore[no-untyped-def]
    report = check([event(id="unknown", date="2018-06-01", item={"description": "assorted goods"}),
                    event(id="classified", date="2018-06-01", item={"description": "rice"}),
                    event(id="with-hs", date="2018-06-01", item={"description": "assorted goods", "hs_code": "1006"})],
                   test_rules, timestamp="t")
    unknown, classified, with_hs = report.results
    assert unknown.verdict == "insufficient_data" and "item.hs_code (needed by S/RES/2397 (2017), para. 7)" in unknown.missing
    assert classified.verdict == "clear" and with_hs.verdict == "clear"


def test_with_categories_requires_both_facts() -> None:
    from sanctions_check.engine.conditions import matches, when_clauses
    from sanctions_check.model.rule import When

    when = When.model_validate({"kind": ["transfer"], "categories": ["missiles", "battle_tanks"],
                                "with_categories": ["purpose.repair"]})
    clauses = when_clauses(when)
    assert matches(clauses, {"kind": "transfer", "c_missiles": 1, "c_purpose__repair": 1})
    assert not matches(clauses, {"kind": "transfer", "c_missiles": 1})
    assert not matches(clauses, {"kind": "transfer", "c_purpose__repair": 1})


def test_a_claimed_basis_the_cap_excludes_takes_the_event_out_of_the_total(rules) -> None:  # type: ignore[no-untyped-def]
    def coal(i: str, date: str, tonnes: float, **extra) -> dict:  # type: ignore[no-untyped-def]
        return event(id=i, date=date, origin={"country": "KP"}, destination={"country": "CN"},
                     item={"category": "coal", "quantity": tonnes, "unit": "tonnes", "value_usd": 1000}, **extra)

    rajin = {"exemption": {"basis": "transit_non_dprk_origin", "reference": "Russian-origin coal via Rajin"}}
    report = check([coal("rajin", "2017-02-01", 7_000_000, **rajin), coal("dprk", "2017-03-01", 600_000)], rules, timestamp="t")
    assert not report.results[0].caps and report.results[1].caps[0].totals["tonnes"] == 600_000
    assert not report.results[1].caps[0].exceeded
