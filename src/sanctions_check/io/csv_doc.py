"""The records of a CSV event file: one event per row, nested fields flattened with dots.

The header is checked first (a column named twice, or both `item` and `item.description`,
would lose a value silently); a row that cannot be read is one rejection.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from typing import Any, Iterator

from sanctions_check.errors import InputError

_LIST_FIELDS = {"via", "related_to"}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
# The csv module's default (128 KiB a cell) rejects long descriptions or notes pasted from
# reports; a cell of 64 MiB is still refused, with the row named.
_FIELD_LIMIT = 64 * 1024 * 1024


@dataclass
class CsvRecord:
    line: int
    data: Any = None
    error: str | None = None
    end: int = 0  # the last line of the row (a quoted cell may span lines)


def _check_header(name: str, header: list[str]) -> None:
    seen: set[str] = set()
    for number, column in enumerate(header, start=1):
        column = column.strip()
        if not column:
            raise InputError(f"{name} line 1: column {number} of the header has no name", "name every column, or remove it")
        if column in seen:
            raise InputError(f"{name} line 1: the column '{column}' appears twice in the header", "keep one of them")
        seen.add(column)
    for column in seen:
        parts = column.split(".")
        for cut in range(1, len(parts)):
            prefix = ".".join(parts[:cut])
            if prefix in seen:
                raise InputError(f"{name} line 1: the columns '{prefix}' and '{column}' conflict: a field cannot be "
                                 "both a value and a group of fields", f"rename or remove '{prefix}'")


def _set_path(target: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


def records(name: str, text: str, bad_lines: frozenset[int] = frozenset()) -> Iterator[CsvRecord]:
    """The rows of a CSV text; a row over a line in `bad_lines` (bytes that were not UTF-8,
    shown as U+FFFD in `text`) is rejected rather than read with the replacement characters."""
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    # Lines end at \r\n, \n or a bare \r only (str.splitlines would also cut at \u2028 and others).
    lines = _LINE.findall(text)
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise InputError(f"{name} line 1: the header cannot be read ({error})", "check the first line of the file") from None
    if header is None:
        return
    if 1 in bad_lines:
        raise InputError(f"{name} line 1: the header is not UTF-8 text", "save the file as UTF-8")
    _check_header(name, header)
    header = [column.strip() for column in header]
    for row in _rows(name, lines, header):
        if bad_lines and row.error is None and any(line in bad_lines for line in range(row.line, row.end + 1)):
            yield CsvRecord(row.line, error=f"not UTF-8 text on line {min(l for l in bad_lines if l >= row.line)}; "
                                            "save the file as UTF-8")
        else:
            yield row


def _rows(name: str, lines: list[str], header: list[str]) -> Iterator[CsvRecord]:
    """The rows after the header. A stray quote opens a cell that runs over the lines after it;
    when such a row does not fit the header, only its first line is rejected and reading
    starts again on the next line, so the rows it swallowed are read, not lost."""
    at = 1  # index in `lines` of the next physical line to read
    while at < len(lines):
        reader = csv.reader(iter(lines[at:]))
        base = at
        while True:
            start = base + reader.line_num + 1  # 1-based line where this row begins
            try:
                row = next(reader, None)
            except csv.Error as error:
                yield CsvRecord(start, error=f"the row cannot be read as CSV ({error})")
                at = start  # go on from the line after the one that broke
                break
            if row is None:
                return
            spanned = base + reader.line_num - start + 1  # physical lines this row took
            if not any(cell.strip() for cell in row):
                continue  # a blank line is not a record
            if len(row) != len(header):
                yield CsvRecord(start, error=f"the row has {len(row)} cells, the header {len(header)}"
                                             + (f" (a quote opened on this line runs over {spanned - 1} more)" if spanned > 1 else ""))
                if spanned > 1:
                    at = start  # re-read the lines the open quote took in
                    break
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
            yield CsvRecord(start, data, end=start + spanned - 1)
