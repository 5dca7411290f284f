"""Screening names against the list: variants and aliases match, other persons do not, dates count."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sanctions_check.lists.unxml import import_consolidated_xml
from sanctions_check.screening.match import DEFAULT_THRESHOLD, LOW_ALIAS_WEIGHT, Screener, screen_name


def refs(screener: Screener, name: str, **options: object) -> list[str]:
    return [m.reference_number for m in screener.screen(name, **options)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "reference"), [
    ("Cho Chun Ryong", "KPi.038"),     # the primary name
    ("Jo Chun-Ryong", "KPi.038"),      # Jo/Cho, hyphen
    ("Ryong Chun Cho", "KPi.038"),     # word order
    ("Lee Byung Chul", "KPi.076"),     # Lee/Ri, Byung/Pyong, Chul
    ("Park Han-se", "KPi.049"),        # Park/Pak
    ("Choi Song-il", "KPi.014"),       # Choi/Choe
    ("Hyun Gwang Il", "KPi.015"),      # Gwang/Kwang
    ("Kim Jongsik", "KPi.066"),        # given name joined
    ("Yun Ho Jin", "KPi.001"),         # hyphen as a space
])
def test_romanisation_variants_find_the_listed_person(screener: Screener, name: str, reference: str) -> None:
    assert refs(screener, name)[:1] == [reference]


@pytest.mark.parametrize(("name", "reference"), [
    ("Kang Myong Chol", "KPi.049"),    # another name of PAK HAN SE
    ("Jiang Wen-ji", "KPi.019"),       # Chinese reading of KANG MUN KIL
    ("KOMID", "KPe.001"),              # an entity's acronym
    ("Korea Yonbong General Corp", "KPe.002"),
    ("Lyongaksan General Trading Corporation", "KPe.002"),  # a former name (f.k.a.)
])
def test_aliases_find_the_listed_party(screener: Screener, name: str, reference: str) -> None:
    match = screener.screen(name)[0]
    assert (match.reference_number, match.matched_on) == (reference, "alias")


def test_a_low_quality_alias_counts_less(screener: Screener) -> None:
    match = screener.screen("Choe Sok Min", entry_type="individual")[0]
    # The primary name CH'OE SO'K MIN gives the same words: the stronger name is the one reported.
    assert (match.reference_number, match.matched_on, match.score) == ("KPi.064", "primary_name", 100.0)
    low = screener.screen("Hai Xin You 606")[0]  # the false name painted on SAM MA 2 (low quality)
    assert (low.reference_number, low.alias_quality) == ("vessel:SAM MA 2", "low")
    assert low.score == 100 * LOW_ALIAS_WEIGHT
    assert low.features == {"exact_tokens": 100.0, "fuzzy_tokens": 0.0, "alias_quality": -10.0}


def test_features_add_up_to_the_score_and_the_explanation_names_the_words(screener: Screener) -> None:
    match = screener.screen("Namchongang Tradng")[0]
    assert match.reference_number == "KPe.004"
    assert round(sum(match.features.values()), 1) == match.score
    assert match.features["fuzzy_tokens"] > 0
    assert "trading" in match.explanation and "close spelling" in match.explanation
    spelled = screener.screen("Rhee Pyong-chol")[0]
    assert "rhee ≡ ri (spelling variant" in spelled.explanation


@pytest.mark.parametrize(("name", "not_reference"), [
    ("Kim Chol Sam", "KPi.044"),       # KPi.035, not KIM CHOL NAM
    ("Kim Song Chol", "KPi.036"),      # KPi.030, not KIM SOK CHOL
    ("Ri Chun Song", "KPi.074"),       # KPi.075, not RI CHUN HWAN
    ("Kim Yo Jong", "KPi.021"),        # KIM JUNG JONG: jung and jong are one spelling, paired once
    ("Kim Jong Un", "KPi.066"),        # not listed by the UN
    ("Korea Kumryong Trading Corporation", "KPe.044"),  # KPe.014, not KOREA KUMSAN TRADING
    ("Office 35", "KPe.030"),
    ("Sam Jong 1", "vessel:SAM JONG 2"),
])
def test_different_parties_sharing_words_are_not_matched(screener: Screener, name: str, not_reference: str) -> None:
    assert not_reference not in refs(screener, name)


def test_a_listed_party_is_designated_only_from_its_listing_date(screener: Screener) -> None:
    # KPi.038 CHO CHUN RYONG was listed on 30 November 2016.
    before, = screener.screen("Cho Chun Ryong", on_date=date(2016, 11, 29))
    on, = screener.screen("Cho Chun Ryong", on_date=date(2016, 11, 30))
    after, = screener.screen("Cho Chun Ryong", on_date=date(2024, 6, 19))
    assert (before.active_on_date, on.active_on_date, after.active_on_date) == (False, True, True)
    assert "not yet designated on that date, so no finding" in before.explanation
    assert "designated on 2024-06-19" in after.explanation
    assert screener.screen("Cho Chun Ryong")[0].active_on_date  # no date asked
    # Scores are remembered per name; the date is applied afresh on every look-up.
    again, = screener.screen("Cho Chun Ryong", on_date=date(2016, 11, 29))
    assert again.active_on_date is False and again.explanation == before.explanation


def test_the_type_narrows_the_candidates(screener: Screener) -> None:
    # The vessel and its owner, CHONGCHONGANG SHIPPING COMPANY, share the name.
    assert refs(screener, "Chong Chon Gang") == ["vessel:CHONG CHON GANG", "KPe.022"]
    assert refs(screener, "Chong Chon Gang", entry_type="vessel") == ["vessel:CHONG CHON GANG"]
    assert refs(screener, "Chong Chon Gang", entry_type="entity") == ["KPe.022"]
    assert refs(screener, "Cho Chun Ryong", entry_type="entity") == []


def test_the_threshold_is_a_documented_constant_and_can_be_lowered(screener: Screener) -> None:
    assert DEFAULT_THRESHOLD == 88.0
    assert refs(screener, "Kim Kyong") == []  # two of three syllables: 80
    assert "KPi.067" in refs(screener, "Kim Kyong", threshold=75)


def test_vessels_match_on_the_imo_number_first(screener: Screener) -> None:
    result = screener.check("Some Renamed Ship", entry_type="vessel", imo="IMO 9562233")
    match, = result.matches
    assert (match.reference_number, match.matched_on, match.score) == ("vessel:PETREL 8", "imo", 100.0)
    assert match.features == {"imo_number": 100.0}
    assert "does not match its listed names" in match.explanation
    assert not match.verified  # the IMO number comes from a secondary source


def test_an_invalid_imo_number_is_reported_not_matched(screener: Screener) -> None:
    result = screener.check("Petrel 8", imo="9562234")
    assert any("not a valid IMO ship number" in note and "check digit" in note for note in result.notes)
    match, = result.matches  # still found by its name
    assert match.matched_on == "primary_name"


def test_a_valid_imo_number_on_no_listed_vessel_is_said(screener: Screener) -> None:
    result = screener.check("Unknown", imo="9074729")
    assert result.matches == []
    assert result.notes == ["IMO 9074729 is valid but on no listed vessel; screened by name only"]


def test_screen_name_works_on_a_list_imported_from_the_un_xml(dprk_xml: Path) -> None:
    designations = import_consolidated_xml(dprk_xml)
    match, = screen_name("Jo Chun Ryong", designations, entry_type="individual")
    assert (match.reference_number, match.listed_on) == ("KPi.038", date(2016, 11, 30))
