"""The records of a CSV event file: one event per row, nested fields flattened with dots.

The header is checked first (a column named twice, or both `item` and `item.description`,
would lose a value silently); a row that cannot be read is one rejection.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import Any, Iterator

from sanctions_check.errors import InputError

_LIST_FIELDS = {"via", "related_to"}
# The csv module's default (128 KiB a cell) rejects long descriptions or notes pasted from
# reports; a cell of 64 MiB is still refused, with the row named.
_FIELD_LIMIT = 64 * 1024 * 1024


@dataclass
class CsvRecord:
    line: int
    data: Any = None
    error: str | None = None


def _check_header(name: str, header: list[str]) -> None:
    seen: set[str] = set()
    for number, column in enumerate(header, start=1):
        column = column.strip()
        if not column:
            raise InputError(f"{name}: column {number} of the header has no name", "name every column, or remove it")
        if column in seen:
            raise InputError(f"{name}: the column '{column}' appears twice in the header", "keep one of them")
        seen.add(column)
    for column in seen:
        parts = column.split(".")
        for cut in range(1, len(parts)):
            prefix = ".".join(parts[:cut])
            if prefix in seen:
                raise InputError(f"{name}: the columns '{prefix}' and '{column}' conflict: a field cannot be "
                                 "both a value and a group of fields", f"rename or remove '{prefix}'")


def _set_path(target: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


def records(name: str, text: str) -> Iterator[CsvRecord]:
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise InputError(f"{name}: the header cannot be read ({error})", "check the first line of the file") from None
    if header is None:
        return
    _check_header(name, header)
    header = [column.strip() for column in header]
    while True:
        start = reader.line_num + 1  # where this row begins (a quoted cell may span lines)
        try:
            row = next(reader, None)
        except csv.Error as error:
            if reader.line_num < start:  # no progress: the rest of the file cannot be read
                raise InputError(f"{name} line {start}: the file cannot be read as CSV past this line ({error})",
                                 "check the quoting on that line") from None
            yield CsvRecord(start, error=f"the row cannot be read as CSV ({error})")
            continue
        if row is None:
            return
        if not any(cell.strip() for cell in row):
            continue  # a blank line is not a record
        if len(row) != len(header):
            yield CsvRecord(start, error=f"the row has {len(row)} cells, the header {len(header)}")
            continue
        data: dict[str, Any] = {}
        for key, value in zip(header, row):
            value = value.strip()
            if not value:
                continue
            if key in _LIST_FIELDS:
                _set_path(data, key, [v.strip() for v in re.split(r"[;|]", value) if v.strip()])
            else:
                _set_path(data, key, value)
        yield CsvRecord(start, data)
