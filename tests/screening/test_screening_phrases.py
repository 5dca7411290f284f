"""Listed names inside party strings as reports write them (issue 11, gap 2)."""

from __future__ import annotations

import pytest

from sanctions_check.screening.match import Screener


@pytest.mark.parametrize(("text", "kind", "reference", "part"), [
    ("Tanchon Commercial Bank, Pyongyang head office", "entity", "KPe.003", "Tanchon Commercial Bank"),
    ("a front company of Namchongang Trading", "entity", "KPe.004", "Namchongang Trading"),
    ("Jang Chang Ha, president of the Second Academy of Natural Sciences", "individual", "KPi.037", "Jang Chang Ha"),
    # A person's description names the organisation they serve: that is found too.
    ("Jang Chang Ha, president of the Second Academy of Natural Sciences", "individual", "KPe.018",
     "Second Academy of Natural Sciences"),
    ("Kim Jong-sik and Ri Pyong-chol", "individual", "KPi.066", "Kim Jong-sik"),
])
def test_a_listed_name_inside_a_longer_string_is_found_and_the_words_are_named(
        screener: Screener, text: str, kind: str, reference: str, part: str) -> None:
    matches = {m.reference_number: m for m in screener.screen(text, kind)}  # type: ignore[arg-type]
    assert reference in matches, sorted(matches)
    match = matches[reference]
    assert match.matched_part == part
    assert f"contains, in the words '{part}'" in match.explanation
    assert sum(match.features.values()) == pytest.approx(match.score, abs=0.15)


@pytest.mark.parametrize(("text", "kind", "not_reference"), [
    ("Ri Su Yong Sik", "individual", "KPi.052"),  # the name goes on: another person
    ("Jo Chol-su", "individual", "KPi.040"),  # Jo Chol is an alias of KPi.040; Chol-su goes on
    ("Hwang Young-chul", "individual", "KPi.024"),  # KPi.024's alias Young-Chul is a given name alone
    ("Namchongang Hotel", "entity", "KPe.004"),  # a one-word alias that begins another name
    ("Ministry of Defence of the Russian Federation", "entity", "KPe.054"),  # another state's ministry
    ("the Russian Ministry of Defence", "entity", "KPe.054"),
    ("Green Industries (Hong Kong) Ltd.", "entity", "KPe.017"),  # a place in brackets is no name
])
def test_a_name_that_goes_on_or_belongs_to_another_state_is_not_taken(
        screener: Screener, text: str, kind: str, not_reference: str) -> None:
    assert not_reference not in {m.reference_number for m in screener.screen(text, kind)}  # type: ignore[arg-type]


def test_the_whole_string_matched_as_a_name_says_no_part(screener: Screener) -> None:
    (match,) = [m for m in screener.screen("Tanchon Commercial Bank", "entity") if m.reference_number == "KPe.003"]
    assert match.matched_part is None and "contains" not in match.explanation
