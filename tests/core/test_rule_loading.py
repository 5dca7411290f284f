"""Rule files are validated; every error names the file and the provision."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sanctions_check import load_rules
from sanctions_check.errors import RuleError
from tests.conftest import TEST_RULES


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(TEST_RULES, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_unknown_key_names_file_and_provision(rules_copy: Path) -> None:
    _edit(rules_copy / "provisions.yaml", "    quote: \"battle tanks\"", "    quote: \"battle tanks\"\n    qoute: typo")
    with pytest.raises(RuleError, match=r"provisions.yaml, provision 't-arms-to': field `qoute`: Extra inputs"):
        load_rules(rules_copy)


def test_duplicate_yaml_key_is_rejected(rules_copy: Path) -> None:
    _edit(rules_copy / "provisions.yaml", "    verified: true\n", "    verified: true\n    verified: false\n")
    with pytest.raises(RuleError, match="duplicate key 'verified'"):
        load_rules(rules_copy)


def test_paragraph_must_follow_the_contract_format(rules_copy: Path) -> None:
    _edit(rules_copy / "provisions.yaml", 'paragraph: "8(a)(i)"', 'paragraph: "8 (a)(i)"')
    with pytest.raises(RuleError, match="must look like 8\\(a\\)\\(iii\\)"):
        load_rules(rules_copy)


def test_unknown_category_is_rejected(rules_copy: Path) -> None:
    _edit(rules_copy / "provisions.yaml", "categories: [battle_tanks, ammunition, missiles]", "categories: [battle_tank]")
    with pytest.raises(RuleError, match="unknown category 'battle_tank'"):
        load_rules(rules_copy)


def test_in_force_before_adoption_is_rejected(rules_copy: Path) -> None:
    _edit(rules_copy / "provisions.yaml", "in_force: {from: 2006-10-14}", "in_force: {from: 2006-10-13}")
    with pytest.raises(RuleError, match="before adoption"):
        load_rules(rules_copy)


def test_missing_rules_directory(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="rules directory not found"):
        load_rules(tmp_path / "nowhere")


def test_ruleset_hash_changes_with_any_rule_file(rules_copy: Path) -> None:
    before = load_rules(rules_copy).sha256
    _edit(rules_copy / "provisions.yaml", 'quote: "battle tanks"', 'quote: "battle tanks, armoured"')
    assert load_rules(rules_copy).sha256 != before


def test_what_applied_on_a_date(test_rules) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    on_2010 = {p.id for p in test_rules.in_force_on(dt.date(2010, 1, 1))}
    on_2017 = {p.id for p in test_rules.in_force_on(dt.date(2017, 1, 1))}
    assert "t-salw-window" in on_2010 and "t-salw-window" not in on_2017
    assert "t-rugs" in on_2017 and "t-rugs" not in on_2010
