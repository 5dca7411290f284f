"""Reviewed matches: a decision is attached to the match it covers, and the match is kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sanctions_check.errors import ListError
from sanctions_check.screening.decisions import load_decisions
from sanctions_check.screening.match import Screener

CSV = """entity reference,name,decision,reason,reviewer,date
KPi.038,Jo Chun-Ryong,true_match,"Same person: date of birth and passport agree",A. Reviewer,2024-07-01
KPe.022,Chong Chon Gang,false_positive,"The vessel, not its owner company, is the party",B. Reviewer,2024-07-02
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_false_positive_is_marked_reviewed_not_dropped(screener: Screener, tmp_path: Path) -> None:
    decisions = load_decisions(_write(tmp_path, "reviewed.csv", CSV))
    matches = decisions.apply(screener.screen("Chong Chon Gang"), "Chong Chon Gang")
    assert [m.reference_number for m in matches] == ["vessel:CHONG CHON GANG", "KPe.022"]
    vessel, company = matches
    assert vessel.review is None
    assert company.review is not None
    assert (company.review.decision, company.review.reviewer, company.review.date) == (
        "false_positive", "B. Reviewer", date(2024, 7, 2))
    assert company.review.source and company.review.source.endswith("reviewed.csv line 3")


def test_a_decision_covers_the_name_up_to_case_punctuation_and_word_order(tmp_path: Path) -> None:
    decisions = load_decisions(_write(tmp_path, "reviewed.csv", CSV))
    assert decisions.lookup("kpi.038", "JO CHUN RYONG").decision == "true_match"  # type: ignore[union-attr]
    assert decisions.lookup("KPi.038", "Ryong, Jo Chun") is not None
    assert decisions.lookup("KPi.038", "Cho Chun Ryong") is None  # another spelling was not reviewed
    assert decisions.lookup("KPi.034", "Jo Chun Ryong") is None   # nor another entry


def test_decisions_may_be_yaml(tmp_path: Path) -> None:
    path = _write(tmp_path, "reviewed.yaml", """decisions:
  - {entity_reference: KPi.044, name: Kim Chol Nam, decision: false_positive,
     reason: "Born 1985 in Seoul", reviewer: C. Reviewer, date: 2024-08-01}
""")
    assert load_decisions(path).lookup("KPi.044", "Kim Chol Nam").reason == "Born 1985 in Seoul"  # type: ignore[union-attr]


def test_an_unknown_decision_names_the_line_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "reviewed.csv", CSV + "KPi.044,Kim Chol Nam,fp,looked,D. Reviewer,2024-07-03\n")
    with pytest.raises(ListError, match=r"reviewed.csv line 4, field `decision`: 'fp' Input should be") as raised:
        load_decisions(path)
    assert "false_positive or true_match" in (raised.value.hint or "")


def test_a_decision_without_a_reason_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "reviewed.csv", CSV + "KPi.044,Kim Chol Nam,false_positive,,D. Reviewer,2024-07-03\n")
    with pytest.raises(ListError, match=r"line 4, field `reason`: Field required"):
        load_decisions(path)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "reviewed.csv", "entity_reference,name,decision\nKPi.044,Kim,true_match\n")
    with pytest.raises(ListError, match="line 1: missing column.s. reason, reviewer, date"):
        load_decisions(path)


def test_two_different_decisions_on_one_pair_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "reviewed.csv", CSV + "KPi.038,jo chun ryong,false_positive,x,E. Reviewer,2024-07-04\n")
    with pytest.raises(ListError, match="KPi.038 'jo chun ryong' is false_positive, but .*line 2 says true_match"):
        load_decisions(path)


def test_a_missing_decisions_file_is_a_list_error(tmp_path: Path) -> None:
    with pytest.raises(ListError, match="decisions file not found"):
        load_decisions(tmp_path / "none.csv")
