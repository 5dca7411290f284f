"""`screen NAME`, through click's CliRunner on the command itself."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sanctions_check.cli.screen import screen
from sanctions_check.errors import ListError


def test_candidates_are_printed_with_score_and_why() -> None:
    result = CliRunner().invoke(screen, ["Jo Chun-Ryong", "--date", "2024-06-19"])
    assert result.exit_code == 0, result.output
    assert "1 candidate at or above 88:" in result.output
    assert "100.0  KPi.038  CHO CHUN RYONG  (individual, listed 2016-11-30)  DESIGNATED on 2024-06-19" in result.output
    assert "matched:  primary name 'CHO CHUN RYONG'" in result.output
    assert "features: exact_tokens +100.0" in result.output
    assert "why:      'Jo Chun-Ryong' matches the primary name 'CHO CHUN RYONG' of KPi.038" in result.output
    assert "jo ≡ cho (spelling variant" in result.output


def test_an_alias_match_says_which_alias_and_its_quality() -> None:
    result = CliRunner().invoke(screen, ["Kang Myong Chol"])
    assert "KPi.049  PAK HAN SE" in result.output
    assert "matched:  good-quality alias 'Kang Myong Chol'" in result.output


def test_a_date_before_the_listing_gives_no_finding() -> None:
    result = CliRunner().invoke(screen, ["Cho Chun Ryong", "--date", "2016-01-01"])
    assert "not yet listed on 2016-01-01: no finding" in result.output


def test_a_vessel_by_imo_number_and_an_invalid_one() -> None:
    result = CliRunner().invoke(screen, ["Unknown", "--type", "vessel", "--imo", "IMO 9562233"])
    assert "vessel:PETREL 8" in result.output and "matched:  IMO number 'IMO 9562233'" in result.output
    result = CliRunner().invoke(screen, ["Unknown", "--type", "vessel", "--imo", "9562234"])
    assert "note: IMO 9562234 is not a valid IMO ship number" in result.output
    assert "No candidate at or above 88." in result.output


def test_json_output_has_the_scores_and_features() -> None:
    result = CliRunner().invoke(screen, ["Lee Byung Chul", "--json"])
    data = json.loads(result.output)
    assert data["threshold"] == 88.0
    assert data["matches"][0]["reference_number"] == "KPi.076"
    assert sum(data["matches"][0]["features"].values()) == data["matches"][0]["score"]


def test_the_threshold_option_lowers_the_cut() -> None:
    assert "No candidate" in CliRunner().invoke(screen, ["Kim Kyong"]).output
    assert "KPi.067" in CliRunner().invoke(screen, ["Kim Kyong", "--threshold", "75"]).output


def test_a_decisions_file_marks_the_candidate_reviewed(tmp_path: Path) -> None:
    reviewed = tmp_path / "reviewed.csv"
    reviewed.write_text("entity_reference,name,decision,reason,reviewer,date\n"
                        "KPi.044,Kim Chol Nam,false_positive,Born 1985 in Seoul,C. Reviewer,2024-08-01\n", encoding="utf-8")
    result = CliRunner().invoke(screen, ["Kim Chol Nam", "--decisions", str(reviewed)])
    assert "KPi.044" in result.output
    assert "reviewed: false_positive by C. Reviewer on 2024-08-01: Born 1985 in Seoul" in result.output


def test_an_explicit_list_file_is_used(dprk_xml: Path) -> None:
    result = CliRunner().invoke(screen, ["Jo Chun Ryong", "--list", str(dprk_xml)])
    assert "against UN Security Council Consolidated List (un-consolidated-list-dprk-2024-09-26.xml)" in result.output


def test_a_missing_list_file_raises_a_list_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(screen, ["Kim", "--list", str(tmp_path / "none.json")])
    assert isinstance(result.exception, ListError)


def test_a_malformed_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(screen, ["Kim", "--date", "19/06/2024"])
    assert result.exit_code == 2


def test_every_option_has_help_text() -> None:
    for param in screen.params:
        if param.param_type_name == "option":
            assert param.help, param.name
