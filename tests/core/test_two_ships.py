"""A ship-to-ship transfer has two ships: either may be the DPRK-flagged one."""

from __future__ import annotations

from sanctions_check import check
from tests.conftest import event


def _rule_ids(report) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule_id for r in report.results for f in r.findings}


def test_the_dprk_tanker_as_the_receiving_party_engages_2375_para_11() -> None:
    sts = event(date="2018-03-01", kind="vessel", origin={"country": "MH"},
                destination={"country": "KP", "name": "Sam Jong 2", "type": "vessel"},
                item={"description": "refined oil", "quantity": 600, "unit": "tonnes"},
                vessel={"name": "Lighthouse Winmore", "flag": "HK", "activity": "ship_to_ship_transfer"})
    report = check([sts], timestamp="t", screening=False)
    assert "unsc-2375-11" in _rule_ids(report)
    explanation = next(f.explanation for f in report.results[0].findings if f.rule_id == "unsc-2375-11")
    assert "Lighthouse Winmore, flag HK with Sam Jong 2, flag KP" in explanation


def test_a_dprk_flagged_counterpart_is_never_cleared_by_the_triage() -> None:
    # No DPRK party country at all: only the flag of the counterpart (carrying arms) links the act
    # to the DPRK (1874 para 17, bunkering of DPRK vessels).
    bunkering = event(date="2018-03-01", kind="vessel", origin={"country": "SG"}, destination={"country": "SG"},
                      vessel={"name": "Harbour bunker barge", "flag": "SG", "activity": "bunkering"},
                      counterpart={"name": "Kang Nam 1", "flag": "KP"}, item={"description": "artillery shells"})
    foreign = dict(bunkering, id="foreign", counterpart={"name": "Other ship", "flag": "PA"})
    report = check([bunkering, foreign], timestamp="t", screening=False)
    verdicts = {r.event_id: r.verdict for r in report.results}
    assert verdicts[bunkering["id"]] == "potential_violation"
    assert verdicts["foreign"] == "clear"
