"""Import the UN Security Council consolidated list XML, keeping the DPRK (1718) entries.

The format is the one published at scsanctions.un.org (root CONSOLIDATED_LIST with a
dateGenerated attribute, INDIVIDUALS/INDIVIDUAL and ENTITIES/ENTITY records). The file
is stream-parsed: each record is read, converted and dropped, so the full list (2 MB+,
every regime) costs no more memory than the DPRK part.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO

from sanctions_check.errors import ListError
from sanctions_check.lists.model import Alias, DesignationList, ListEntry

DPRK = "DPRK"
_RECORDS = {"INDIVIDUAL": "individual", "ENTITY": "entity"}
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
# Individuals carry Good/Low; entities carry a.k.a./f.k.a. and no quality grade, so
# their aliases are taken as good (the Committee listed them as names in use).
_QUALITY = {"good": "good", "low": "low", "a.k.a.": "good", "f.k.a.": "good"}
# Company IMO numbers are quoted in comments: "IMO number: 5571322", "(IMO) Number: 1790183",
# "Company Number IMO 5434358". They are IMO *company* numbers (no ship check digit).
_IMO_IN_TEXT = re.compile(r"\bIMO\b\)?[^0-9.]{0,20}?(\d{7})\b", re.IGNORECASE)
_PASSPORT = re.compile(r"passport|passeport|pasaporte", re.IGNORECASE)
_HINT_REDOWNLOAD = "the file is damaged or is not the UN list; download it again with `sanctions-check lists update`"


def import_consolidated_xml(path: str | Path, list_type: str = DPRK) -> DesignationList:
    """Read the UN consolidated list XML at `path` and return its `list_type` entries."""
    path = Path(path)
    try:
        with path.open("rb") as raw:
            _reject_doctype(path, raw)
            hashing = _HashingReader(raw)
            generated, entries = _parse(path, hashing, list_type)
            digest = hashing.hexdigest()
    except FileNotFoundError:
        raise ListError(f"{path}: file not found",
                        "give the path of the UN consolidated list XML, or run `sanctions-check lists update`") from None
    except IsADirectoryError:
        raise ListError(f"{path}: is a directory, not the list XML file") from None
    except ET.ParseError as error:
        line, column = error.position
        raise ListError(f"{path} line {line}, column {column}: not well-formed XML ({_reason(error)})",
                        _HINT_REDOWNLOAD) from None
    if not entries:
        raise ListError(f"{path}: no {list_type} entries (UN_LIST_TYPE {list_type}) in this list",
                        "check that this is the full consolidated list or its DPRK part")
    return DesignationList(source=f"UN Security Council Consolidated List ({path.name})",
                           generated_on=generated, entries=entries, sha256=digest)


class _HashingReader:
    """A binary reader that hashes what the parser reads, so the file is read once."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._hash = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self._raw.read(size)
        self._hash.update(chunk)
        return chunk

    def hexdigest(self) -> str:
        self._hash.update(self._raw.read())  # whatever follows the root element
        return self._hash.hexdigest()


def _reject_doctype(path: Path, raw: IO[bytes]) -> None:
    # The UN list never declares a DTD; one with entities could expand without bound.
    head = raw.read(65536)
    raw.seek(0)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise ListError(f"{path}: declares a DTD or entities, which the UN list never does", _HINT_REDOWNLOAD)


def _reason(error: ET.ParseError) -> str:
    return str(error).split(":")[0]


def _parse(path: Path, source: _HashingReader, list_type: str) -> tuple[date | None, list[ListEntry]]:
    stack: list[ET.Element] = []
    generated: date | None = None
    entries: list[ListEntry] = []
    for event, elem in ET.iterparse(source, events=("start", "end")):
        if event == "start":
            if not stack:
                if elem.tag != "CONSOLIDATED_LIST":
                    raise ListError(f"{path}: root element is <{elem.tag}>, not <CONSOLIDATED_LIST>",
                                    "this is not the UN Security Council consolidated list XML")
                generated = _generated_on(path, elem.get("dateGenerated"))
            stack.append(elem)
            continue
        stack.pop()
        if elem.tag in _RECORDS and stack:
            if _list_type(elem) == list_type:
                entries.append(_entry(path, elem, _RECORDS[elem.tag]))
            stack[-1].remove(elem)  # done with this record: keep memory flat
    return generated, entries


def _generated_on(path: Path, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ListError(f"{path}: dateGenerated '{value}' is not a date", _HINT_REDOWNLOAD) from None


def _text(elem: ET.Element | None) -> str:
    return " ".join((elem.text or "").split()) if elem is not None else ""


def _list_type(elem: ET.Element) -> str:
    declared = _text(elem.find("UN_LIST_TYPE"))
    if declared:
        return declared
    # Older files left UN_LIST_TYPE empty on some records; the reference prefix says the regime.
    return DPRK if _text(elem.find("REFERENCE_NUMBER")).startswith("KP") else ""


def _entry(path: Path, elem: ET.Element, entry_type: str) -> ListEntry:
    reference = _text(elem.find("REFERENCE_NUMBER"))
    where = f"{path}, record DATAID {_text(elem.find('DATAID')) or '?'}"
    if not reference:
        raise ListError(f"{where}: no REFERENCE_NUMBER", _HINT_REDOWNLOAD)
    name = " ".join(part for part in (_text(elem.find(tag)) for tag in _NAME_PARTS) if part)
    if not name:
        raise ListError(f"{where} ({reference}): no name (FIRST_NAME is empty)", _HINT_REDOWNLOAD)
    comments = _text(elem.find("COMMENTS1")) or None
    return ListEntry(
        reference_number=reference,
        entry_type=entry_type,  # type: ignore[arg-type]
        primary_name=name,
        aliases=list(_aliases(elem)),
        listed_on=_listed_on(where, reference, _text(elem.find("LISTED_ON"))),
        nationality=_unique(_text(v) for v in elem.iterfind("NATIONALITY/VALUE")),
        dates_of_birth=_dates_of_birth(elem),
        passports=_passports(elem),
        imo_numbers=_unique(_IMO_IN_TEXT.findall(comments or "")),
        comments=comments,
        un_list_type=_text(elem.find("UN_LIST_TYPE")) or DPRK,
    )


def _aliases(elem: ET.Element) -> Iterable[Alias]:
    seen: set[str] = set()
    for alias in elem:
        if not alias.tag.endswith("_ALIAS"):
            continue
        name = _text(alias.find("ALIAS_NAME")).strip("\"“”")
        quality = _text(alias.find("QUALITY")).lower()
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        # An alias without a grade is kept but treated as weak: nobody vouched for it.
        yield Alias(name=name, quality=_QUALITY.get(quality, "low"), former=quality == "f.k.a.")  # type: ignore[arg-type]


def _listed_on(where: str, reference: str, value: str) -> date | None:
    if not value:
        return None
    try:
        # Some records carry a zone suffix ("2015-03-27-04:00"); the date is the first ten characters.
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ListError(f"{where} ({reference}): LISTED_ON '{value}' is not a date", _HINT_REDOWNLOAD) from None


def _dates_of_birth(elem: ET.Element) -> list[str]:
    found = []
    for dob in elem.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        exact, year = _text(dob.find("DATE")), _text(dob.find("YEAR"))
        start, end = _text(dob.find("FROM_YEAR")), _text(dob.find("TO_YEAR"))
        found.append(exact[:10] or year or (f"{start}-{end}" if start and end else start or end))
    # Dates of birth are also given on aliases that carry no name of their own.
    found.extend(_text(a.find("DATE_OF_BIRTH")) for a in elem.iterfind("INDIVIDUAL_ALIAS"))
    return _unique(found)


def _passports(elem: ET.Element) -> list[str]:
    numbers = []
    for document in elem.iterfind("INDIVIDUAL_DOCUMENT"):
        if _PASSPORT.search(_text(document.find("TYPE_OF_DOCUMENT"))):
            # "381110042 (Expired 25 Jan. 2016)": the note is not part of the number.
            numbers.append(_text(document.find("NUMBER")).split("(")[0].strip())
    return _unique(numbers)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
