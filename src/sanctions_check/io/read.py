"""Stream raw records out of JSON, JSON Lines, YAML and CSV event files.

Each format has its own module (json_doc, yaml_doc, csv_doc); this one opens the file,
hashes its bytes as they are (a byte-order mark included), decodes it and hands each record
on as a RawRecord. A record that cannot be parsed becomes a RawRecord with `error` set, so
that it is reported as rejected; a syntax problem outside any record is a RawRecord with
`whole_file` set. A file whose records cannot be found exactly raises InputError, which the
caller reports as the file's rejection.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from sanctions_check.errors import InputError
from sanctions_check.io import csv_doc, json_doc, yaml_doc

FORMATS = ("json", "jsonl", "yaml", "csv")
_BY_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".yaml": "yaml", ".yml": "yaml", ".csv": "csv"}


@dataclass
class RawRecord:
    file: str
    line: int | None
    record: int
    data: Any = None
    error: str | None = None
    text: str | None = None  # one JSON document, validated straight from text (JSON, JSON Lines)
    whole_file: bool = False  # a problem of the file, not of one record


def detect_format(path: Path, declared: str | None = None) -> str:
    if declared:
        if declared not in FORMATS:
            raise InputError(f"unknown input format '{declared}'", f"use one of {', '.join(FORMATS)}")
        return declared
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: cannot tell the format from the extension '{path.suffix}'",
                         "use .json, .jsonl, .yaml or .csv, or pass --input-format")
    return fmt


def open_error(path: Path, error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError):
        return InputError(f"{path}: no such file", "check the path")
    if isinstance(error, IsADirectoryError):
        return InputError(f"{path}: is a directory, not an event file", "name the event files inside it")
    return InputError(f"{path}: cannot read ({error.strerror})", "check the file's permissions")


def decode(name: str, data: bytes) -> str:
    """UTF-8 text (a byte-order mark allowed), or InputError naming the line and column."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        raise InputError(f"{name}: not UTF-8 text ({error.reason} at line {line}, column {column}, byte {error.start}); "
                         "no record of this file was checked", "save the file as UTF-8") from None


def _byte_position(data: bytes, at: int) -> tuple[int, int]:
    return data.count(b"\n", 0, at) + 1, at - (data.rfind(b"\n", 0, at) + 1) + 1


def _bad_lines(data: bytes) -> frozenset[int]:
    """Lines (1-based) holding bytes that are not UTF-8: in a CSV file, only their rows are lost."""
    bad = set()
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.add(number)
    return frozenset(bad)


def iter_file(path: Path, fmt: str, digest: "hashlib._Hash") -> Iterator[RawRecord]:
    """Records of one file; the file's bytes are fed to `digest` exactly as read.

    JSON Lines is read line by line, so memory stays flat however long the file is.
    """
    try:
        handle = path.open("rb")
    except OSError as error:
        raise open_error(path, error) from None
    with handle:
        if fmt == "jsonl":
            yield from _jsonl(str(path), _hashed(handle, digest))
            return
        try:
            data = handle.read()
        except OSError as error:
            raise open_error(path, error) from None
    digest.update(data)
    if fmt == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:  # a row per line: reject the rows with bad bytes, read the rest
            text = data.decode("utf-8-sig", errors="replace")
            for number, row in enumerate(csv_doc.records(str(path), text, _bad_lines(data)), start=1):
                yield RawRecord(str(path), row.line, number, row.data, row.error)
            return
        yield from iter_records(str(path), fmt, text)
        return
    yield from iter_records(str(path), fmt, decode(str(path), data))


def _hashed(handle: BinaryIO, digest: "hashlib._Hash") -> Iterator[bytes]:
    for raw in handle:
        digest.update(raw)
        yield raw


def iter_records(source: Path | str, fmt: str, text: str) -> Iterator[RawRecord]:
    """Records of a document already decoded (a file, standard input, or a string)."""
    name = str(source)
    if fmt == "jsonl":
        yield from _jsonl_text(name, enumerate(text.splitlines(), start=1))
    elif fmt == "json":
        yield from _json(name, text)
    elif fmt == "yaml":
        for number, found in enumerate(yaml_doc.records(name, text), start=1):
            yield RawRecord(name, found.line, number, found.data, found.error)
    elif fmt == "csv":
        for number, row in enumerate(csv_doc.records(name, text), start=1):
            yield RawRecord(name, row.line, number, row.data, row.error)
    else:
        raise InputError(f"{name}: unknown format '{fmt}'", f"use one of {', '.join(FORMATS)}")


def _jsonl(name: str, lines: Iterator[bytes]) -> Iterator[RawRecord]:
    """JSON Lines from bytes: a line that is not UTF-8 is one rejection, not the file's end."""
    def decoded() -> Iterator[tuple[int, str | UnicodeDecodeError]]:
        for number, raw in enumerate(lines, start=1):
            try:
                yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield number, error
    yield from _jsonl_text(name, decoded())


def _jsonl_text(name: str, lines: Iterable[tuple[int, str | UnicodeDecodeError]]) -> Iterator[RawRecord]:
    record = 0
    for number, line in lines:
        if isinstance(line, UnicodeDecodeError):
            record += 1
            yield RawRecord(name, number, record, error=f"not UTF-8 text ({line.reason} at byte {line.start} of the line)")
            continue
        line = line.rstrip("\r\n")  # so an error's column is the same from a file or a string
        if not line.strip():
            continue
        record += 1
        # Parsed by pydantic from the text (faster than json.loads and then validating a dict);
        # the validator falls back to json.loads to report malformed lines.
        yield RawRecord(name, number, record, text=line)


def _json(name: str, text: str) -> Iterator[RawRecord]:
    found = json_doc.scan(name, text)  # raises before any record is handed on
    for problem in found.problems:
        line, _ = json_doc.line_col(text, problem.pos)
        yield RawRecord(name, line, 0, error=problem.message, whole_file=True)
    line, at = 1, 0
    for number, span in enumerate(found.spans, start=1):
        line += text.count("\n", at, span.start)  # a running count: linear in the file's size
        at = span.start
        if span.error is not None:
            yield RawRecord(name, line, number, error=span.error)
        else:
            yield RawRecord(name, line, number, text=text[span.start:span.end])
