"""The shipped default list, the list store, and which list is loaded."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sanctions_check.errors import ListError
from sanctions_check.lists.default import build_default
from sanctions_check.lists.model import DesignationList, ListEntry
from sanctions_check.lists.store import (
    active_list_path, default_list_path, load_designations, read_list_file, rules_dir, save_designations,
    stored_list_path,
)
from sanctions_check.lists.unxml import import_consolidated_xml
from sanctions_check.screening.imo import is_valid_imo

REPO = Path(__file__).resolve().parents[2]


def test_the_default_list_ships_in_rules_with_its_date_and_source() -> None:
    assert default_list_path() == REPO / "rules" / "designations" / "unsc-1718.yaml"
    header = default_list_path().read_text(encoding="utf-8").split("\nsource:")[0]
    assert "generated on 2024-09-26" in header
    assert "https://scsanctions.un.org/resources/xml/en/consolidated.xml" in header
    designations = load_designations()
    assert designations.counts() == {"individual": 80, "entity": 75, "vessel": 25}
    assert designations.generated_on == date(2024, 9, 26)


def test_the_default_list_is_what_the_script_makes_from_the_shared_xml(dprk_xml: Path) -> None:
    shipped = default_list_path().read_text(encoding="utf-8")
    assert build_default(dprk_xml, read_list_file(default_list_path())) == shipped


def test_every_dprk_entry_of_the_xml_is_in_the_default_with_its_names_and_date(dprk_xml: Path) -> None:
    default = load_designations()
    for entry in import_consolidated_xml(dprk_xml).entries:
        shipped = default.by_reference(entry.reference_number)
        assert (shipped.primary_name, shipped.listed_on, shipped.aliases) == (entry.primary_name, entry.listed_on, entry.aliases)


def test_default_vessels_are_tied_to_listed_owners_and_dated_from_them() -> None:
    default = load_designations()
    for vessel in default.vessels:
        assert vessel.reference_number == f"vessel:{vessel.primary_name}"
        assert vessel.comments, vessel.reference_number
        assert all(is_valid_imo(imo) for imo in vessel.imo_numbers), vessel.reference_number
        owners = [default.by_reference(ref) for ref in vessel.related]
        assert all(owner.entry_type == "entity" for owner in owners)
        if vessel.verified:
            # Dated from the earliest listing of a listed owner or manager (1718 8(d), 2270 para 12).
            assert owners and vessel.listed_on == min(o.listed_on for o in owners if o.listed_on)
        else:
            assert "UNVERIFIED" in (vessel.comments or "")


def test_an_imported_list_is_stored_and_then_preferred(dprk_xml: Path, isolated_store: Path) -> None:
    imported = import_consolidated_xml(dprk_xml).model_copy(update={"imported_on": date(2024, 10, 1)})
    path = save_designations(imported)
    assert path == isolated_store / "lists" / "unsc-1718.json"
    assert active_list_path() == path
    loaded = load_designations()
    assert loaded.imported_on == date(2024, 10, 1)
    assert loaded.by_reference("KPi.038").aliases == imported.by_reference("KPi.038").aliases


def test_an_imported_list_keeps_the_shipped_vessels_since_the_un_xml_has_none(dprk_xml: Path) -> None:
    save_designations(import_consolidated_xml(dprk_xml))
    loaded = load_designations()
    assert loaded.counts() == {"individual": 80, "entity": 75, "vessel": 25}
    assert "25 vessels from the shipped unsc-1718.yaml" in loaded.source


def test_an_explicit_list_file_wins_and_may_be_xml_json_or_yaml(dprk_xml: Path, tmp_path: Path) -> None:
    small = DesignationList(source="test", entries=[ListEntry(
        reference_number="KPi.900", entry_type="individual", primary_name="KIM TEST")])
    for name in ("small.json", "small.yaml"):
        path = save_designations(small, tmp_path / name)
        assert [e.reference_number for e in load_designations(path).individuals] == ["KPi.900"]
    assert load_designations(dprk_xml).counts()["individual"] == 80


def test_a_damaged_stored_list_names_the_file_and_what_to_do(isolated_store: Path) -> None:
    stored_list_path().parent.mkdir(parents=True)
    stored_list_path().write_text("{not json", encoding="utf-8")
    with pytest.raises(ListError, match="unsc-1718.json: not a readable list file") as raised:
        load_designations()
    assert "lists import" in (raised.value.hint or "")


def test_an_invalid_entry_is_named_by_its_reference_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"source": "x", "entries": [
        {"reference_number": "KPi.901", "entry_type": "person", "primary_name": "KIM"}]}), encoding="utf-8")
    with pytest.raises(ListError, match=r"bad.json: entry KPi.901, field `entry_type`"):
        load_designations(path)


def test_a_reference_listed_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    entry = {"reference_number": "KPi.901", "entry_type": "individual", "primary_name": "KIM"}
    path.write_text(json.dumps({"source": "x", "entries": [entry, entry]}), encoding="utf-8")
    with pytest.raises(ListError, match="reference numbers listed twice: KPi.901"):
        load_designations(path)


def test_sanctions_check_rules_may_name_rules_or_the_rule_set_inside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONS_CHECK_RULES", str(REPO / "rules"))
    assert rules_dir() == REPO / "rules"
    # The rule-set loader reads the same variable as rules/unsc-dprk: the tables are then beside it.
    monkeypatch.setenv("SANCTIONS_CHECK_RULES", str(REPO / "rules" / "unsc-dprk"))
    assert rules_dir() == REPO / "rules"


def test_the_store_defaults_to_the_user_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SANCTIONS_CHECK_HOME")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert stored_list_path() == tmp_path / ".local" / "share" / "sanctions-check" / "lists" / "unsc-1718.json"
