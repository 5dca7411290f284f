"""The importer reads the official UN consolidated list XML and keeps the DPRK (1718) entries."""

from __future__ import annotations

import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from sanctions_check.errors import ListError
from sanctions_check.lists.unxml import import_consolidated_xml


def test_the_dprk_part_has_80_individuals_and_75_entities(dprk_xml: Path) -> None:
    designations = import_consolidated_xml(dprk_xml)
    assert designations.counts() == {"individual": 80, "entity": 75, "vessel": 0}
    assert designations.generated_on == date(2024, 9, 26)
    assert {e.un_list_type for e in designations.entries} == {"DPRK"}
    assert len(designations.sha256 or "") == 64


def test_the_full_list_gives_the_same_dprk_entries_as_its_dprk_part(dprk_xml: Path, full_xml: Path) -> None:
    part = import_consolidated_xml(dprk_xml)
    full = import_consolidated_xml(full_xml)
    assert full.counts() == {"individual": 80, "entity": 75, "vessel": 0}
    assert sorted(full.entries, key=lambda e: e.reference_number) == sorted(part.entries, key=lambda e: e.reference_number)


def test_an_individual_keeps_names_aliases_with_quality_listing_date_and_identifiers(dprk_xml: Path) -> None:
    designations = import_consolidated_xml(dprk_xml)
    cho = designations.by_reference("KPi.038")
    assert (cho.primary_name, cho.entry_type, cho.listed_on) == ("CHO CHUN RYONG", "individual", date(2016, 11, 30))
    assert [(a.name, a.quality) for a in cho.aliases] == [("Jo Chun Ryong", "good")]
    assert cho.nationality == ["Democratic People's Republic of Korea"]
    choe = designations.by_reference("KPi.064")  # the list grades this alias Low
    assert [(a.name, a.quality) for a in choe.aliases] == [("Choe Sok Min", "low")]


def test_passport_numbers_lose_their_expiry_notes_and_repeats(dprk_xml: Path) -> None:
    kim = import_consolidated_xml(dprk_xml).by_reference("KPi.021")
    assert kim.passports == ["199421147", "381110042", "563210184"]
    # KPi.008's passport is given three times (English, French and Spanish document types).
    assert import_consolidated_xml(dprk_xml).by_reference("KPi.008").passports == ["645120196"]


def test_dates_of_birth_exact_year_and_range(dprk_xml: Path) -> None:
    designations = import_consolidated_xml(dprk_xml)
    assert designations.by_reference("KPi.001").dates_of_birth == ["1944-10-13"]
    ranges = [e for e in designations.individuals if any("-" in d and len(d) == 9 for d in e.dates_of_birth)]
    assert [d for e in ranges for d in e.dates_of_birth if len(d) == 9] == ["1967-1969"]


def test_wrapped_quoted_and_padded_values_are_cleaned(dprk_xml: Path) -> None:
    designations = import_consolidated_xml(dprk_xml)
    assert "Kim Yong-Chol" in [a.name for a in designations.by_reference("KPi.024").aliases]  # wrapped over lines
    assert "KOMID" in [a.name for a in designations.by_reference("KPe.001").aliases]  # '"KOMID"' in the XML
    assert designations.by_reference("KPe.023").reference_number == "KPe.023"  # 'KPe.023 ' in the XML


def test_entity_aliases_a_k_a_are_good_and_f_k_a_are_former(dprk_xml: Path) -> None:
    ryonbong = import_consolidated_xml(dprk_xml).by_reference("KPe.002")
    assert [(a.name, a.quality, a.former) for a in ryonbong.aliases] == [
        ("KOREA YONBONG GENERAL CORPORATION", "good", False),
        ("LYONGAKSAN GENERAL TRADING CORPORATION", "good", True),
    ]


def test_imo_numbers_in_the_comments_are_kept(dprk_xml: Path) -> None:
    designations = import_consolidated_xml(dprk_xml)
    assert designations.by_reference("KPe.056").imo_numbers == ["5571322"]  # "IMO number: 5571322."
    assert designations.by_reference("KPe.020").imo_numbers == ["1790183"]  # "(IMO) Number: 1790183."
    assert designations.by_reference("KPe.066").imo_numbers == ["5434358"]  # "Company Number IMO 5434358."
    assert len([e for e in designations.entries if e.imo_numbers]) == 16


def test_the_full_list_is_stream_parsed_in_little_memory(full_xml: Path) -> None:
    tracemalloc.start()
    import_consolidated_xml(full_xml)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # The whole tree of the 2.2 MB file takes about 12 MB; records dropped as read keep it under 1 MB.
    assert peak < 4 * 1024 * 1024


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "list.xml"
    path.write_text(text, encoding="utf-8")
    return path


RECORD = """<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>KIM</FIRST_NAME><SECOND_NAME>TEST</SECOND_NAME>
<UN_LIST_TYPE>{kind}</UN_LIST_TYPE><REFERENCE_NUMBER>{ref}</REFERENCE_NUMBER><LISTED_ON>{listed}</LISTED_ON>
</INDIVIDUAL>"""


def _list(*records: str) -> str:
    return f'<CONSOLIDATED_LIST dateGenerated="2024-01-02T00:00:00Z"><INDIVIDUALS>{"".join(records)}</INDIVIDUALS></CONSOLIDATED_LIST>'


def test_a_missing_file_says_where_to_get_the_list(tmp_path: Path) -> None:
    with pytest.raises(ListError) as raised:
        import_consolidated_xml(tmp_path / "nowhere.xml")
    assert "nowhere.xml: file not found" in raised.value.message
    assert "lists update" in (raised.value.hint or "")


def test_a_damaged_file_names_the_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL></INDIVIDUALS>")
    with pytest.raises(ListError, match=r"list.xml line 3, column \d+: not well-formed XML") as raised:
        import_consolidated_xml(path)
    assert "download it again" in (raised.value.hint or "")


def test_another_xml_document_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ListError, match="root element is <sdnList>, not <CONSOLIDATED_LIST>"):
        import_consolidated_xml(_write(tmp_path, "<sdnList><sdnEntry/></sdnList>"))


def test_a_list_without_dprk_entries_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, _list(RECORD.format(kind="Al-Qaida", ref="QDi.001", listed="2001-01-25")))
    with pytest.raises(ListError, match="no DPRK entries"):
        import_consolidated_xml(path)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + _list())
    with pytest.raises(ListError, match="declares a DTD or entities"):
        import_consolidated_xml(path)


def test_a_bad_listing_date_names_the_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, _list(RECORD.format(kind="DPRK", ref="KPi.900", listed="30 March 2018")))
    with pytest.raises(ListError, match=r"KPi.900\): LISTED_ON '30 March 2018' is not a date"):
        import_consolidated_xml(path)


def test_a_zone_suffix_on_the_listing_date_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, _list(RECORD.format(kind="DPRK", ref="KPi.900", listed="2015-03-27-04:00")))
    assert import_consolidated_xml(path).by_reference("KPi.900").listed_on == date(2015, 3, 27)
