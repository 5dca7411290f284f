"""Name normalisation: case, punctuation, diacritics, word order, Korean romanisation, joined names."""

from __future__ import annotations

import unicodedata

from pathlib import Path

import pytest

from sanctions_check.errors import ListError
from sanctions_check.screening.normalize import Normalizer, fold, split_parentheses

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer.from_rules()


def test_case_diacritics_and_punctuation_are_folded() -> None:
    assert fold("Ch'oe Sŏk-Min") == ["choe", "sok", "min"]
    assert fold("KIM, Yong-Chol.") == ["kim", "yong", "chol"]
    # McCune-Reischauer apostrophes mark aspiration or a breve: dropped, not split on.
    assert fold("MUN CHO'NG-CH'O'L") == ["mun", "chong", "chol"]


@pytest.mark.parametrize("variants", [
    ["Jo", "Cho"],
    ["Ri", "Rhee", "Lee", "Yi", "Li"],
    ["Pak", "Park", "Bak"],
    ["Kim", "Gim"],
    ["Choe", "Choi"],
    ["Jong", "Chong", "Jeong", "Cheong"],
    ["Kwang", "Gwang"],
    ["Chol", "Chul", "Cheol"],
    ["Yong", "Young", "Yeong"],
    ["Pyong", "Byung", "Byeong"],
    ["Un", "Eun"],
])
def test_romanisation_variants_have_one_canonical_spelling(normalizer: Normalizer, variants: list[str]) -> None:
    assert len({normalizer.canonical(v.lower()) for v in variants}) == 1, variants


@pytest.mark.parametrize("different", [["Pak", "Paek"], ["Ryu", "Yu"], ["Nam", "Sam"], ["Son", "Song"]])
def test_different_surnames_and_syllables_stay_apart(normalizer: Normalizer, different: list[str]) -> None:
    assert len({normalizer.canonical(v.lower()) for v in different}) == 2


def test_word_order_and_spelling_give_the_same_key(normalizer: Normalizer) -> None:
    assert normalizer.key("Kim Jong-Un") == normalizer.key("Jong Un Kim") == normalizer.key("Gim Jeong-eun")
    assert normalizer.key("Ri Pyong Chul") == normalizer.key("Rhee Byung-cheol")


def test_hyphens_spaces_and_joined_given_names_meet_in_a_joined_form(normalizer: Normalizer) -> None:
    def tokens(name: str) -> set[tuple[str, ...]]:
        return {form.tokens for form in normalizer.forms(name, "person")}

    assert tokens("Kim Jong-Un") & tokens("Kim Jongun")
    assert tokens("Kim Jong Un") & tokens("Kimjongun")
    assert ("kim", "jong", "un") in tokens("Kim Jong-Un") and ("kim", "jong", "un") in tokens("Kim Jong Un")


def test_legal_forms_are_dropped_and_generic_words_weigh_less(normalizer: Normalizer) -> None:
    form = normalizer.forms("Korea Kumsan Trading Co., Ltd.", "organisation")[0]
    assert form.words == ("korea", "kumsan", "trading")
    assert form.weights == (0.3, 1.0, 0.3)
    # A person's name is never reduced: "Co" or "No" may be a syllable.
    assert normalizer.forms("Ko Chol No", "person")[0].words == ("ko", "chol", "no")


def test_vessel_prefixes_are_dropped(normalizer: Normalizer) -> None:
    assert normalizer.forms("M/V Yu Jong 2", "organisation")[0].words == ("yu", "jong", "2")


def test_brackets_give_the_name_its_acronym_and_the_whole() -> None:
    assert split_parentheses("OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)") == [
        "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED", "OMM", "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)"]
    # A bracketed list reference is a cross-reference, not a name.
    assert split_parentheses("SECOND ACADEMY OF NATURAL SCIENCES (KPE.018)") == ["SECOND ACADEMY OF NATURAL SCIENCES"]


def test_the_romanisation_table_is_data_with_its_source() -> None:
    text = (REPO / "rules" / "tables" / "romanisation.yaml").read_text(encoding="utf-8")
    assert "source:" in text and "McCune-Reischauer" in text and "Revised Romanization" in text


def test_a_spelling_in_two_groups_is_refused() -> None:
    with pytest.raises(ListError, match="'cho' is in two groups"):
        Normalizer({"tokens": [["jo", "cho"], ["cho", "jho"]]}, {}, "test table")


def test_the_ascii_shortcut_folds_like_the_general_path() -> None:
    import random
    import string

    from sanctions_check.screening import normalize

    def general(name: str) -> list[str]:  # fold without its ASCII shortcut
        plain = "".join(c for c in unicodedata.normalize("NFKD", name.translate(normalize._APOSTROPHES))
                        if not unicodedata.combining(c)).casefold()
        return normalize._WORD.findall(plain.translate(normalize._APOSTROPHES))

    rng = random.Random(1718)
    names = ["".join(rng.choice(string.printable) for _ in range(rng.randint(0, 24))) for _ in range(20_000)]
    names += ["O'Neil & Sons", "KIM`S", "A_B-C", "x\u00e9"]  # the last one takes the general path
    assert [fold(n) for n in names] == [general(n) for n in names]
