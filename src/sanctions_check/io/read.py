"""Stream raw records (dicts) out of JSON, JSON Lines, YAML and CSV event files.

A record that cannot even be parsed becomes a RawRecord with `error` set, so that it
is reported as rejected and the rest of the file is still read.
"""

from __future__ import annotations

import csv
import io
import json
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

import yaml

from sanctions_check.errors import InputError

FORMATS = ("json", "jsonl", "yaml", "csv")
_BY_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".yaml": "yaml", ".yml": "yaml", ".csv": "csv"}
_LIST_FIELDS = {"via", "related_to"}
_NEXT_OBJECT = re.compile(r"\}\s*,\s*(?=\{)")


@dataclass
class RawRecord:
    file: str
    line: int | None
    record: int
    data: Any = None
    error: str | None = None
    text: str | None = None  # one JSON document, validated straight from text (JSON Lines)


def detect_format(path: Path, declared: str | None = None) -> str:
    if declared:
        return declared
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: cannot tell the format from the extension '{path.suffix}'",
                         "use .json, .jsonl, .yaml or .csv, or pass --input-format")
    return fmt


def _open_error(path: Path, error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError):
        return InputError(f"{path}: no such file", "check the path")
    if isinstance(error, IsADirectoryError):
        return InputError(f"{path}: is a directory, not an event file")
    return InputError(f"{path}: cannot read ({error.strerror})")


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})",
                         "save the file as UTF-8") from None


def read_text(path: Path) -> str:
    try:
        return _decode(path, path.read_bytes())
    except OSError as error:
        raise _open_error(path, error) from None


def iter_file(path: Path, fmt: str, digest: "hashlib._Hash") -> Iterator[RawRecord]:
    """Records of one file; the file's bytes are fed to `digest` as they are read.

    JSON Lines is read line by line, so memory stays flat however long the file is.
    """
    if fmt != "jsonl":
        text = read_text(path)
        digest.update(text.encode("utf-8"))
        yield from iter_records(path, fmt, text)
        return
    try:
        handle = path.open("rb")
    except OSError as error:
        raise _open_error(path, error) from None
    with handle:
        lines = (_decode(path, raw) for raw in _hashed(handle, digest))
        yield from _jsonl(str(path), lines)


def _hashed(handle: BinaryIO, digest: "hashlib._Hash") -> Iterator[bytes]:
    for raw in handle:
        digest.update(raw)
        yield raw


def iter_records(path: Path, fmt: str, text: str) -> Iterator[RawRecord]:
    name = str(path)
    if fmt == "jsonl":
        yield from _jsonl(name, io.StringIO(text))
    elif fmt == "json":
        yield from _json(name, text)
    elif fmt == "yaml":
        yield from _yaml(name, text)
    elif fmt == "csv":
        yield from _csv(name, text)
    else:
        raise InputError(f"{name}: unknown format '{fmt}'", f"use one of {', '.join(FORMATS)}")


def _jsonl(name: str, lines: Iterable[str]) -> Iterator[RawRecord]:
    record = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record += 1
        # Parsed by pydantic from the text (faster than json.loads and then validating a dict);
        # the validator falls back to json.loads to report malformed lines.
        yield RawRecord(name, number, record, text=line)


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _json(name: str, text: str) -> Iterator[RawRecord]:
    """Decode the events array element by element, so one broken record loses only itself."""
    decoder = json.JSONDecoder()
    stripped = text.lstrip()
    if stripped.startswith("["):
        pos = text.index("[") + 1
    else:
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            match = re.search(r'"events"\s*:\s*\[', text)
            if not match:
                raise InputError(f"{name}: malformed JSON and no \"events\" array found",
                                 "expected {\"schema_version\": \"1\", \"events\": [...]} or a list of events") from None
            pos = match.end()
        else:
            if not isinstance(whole, dict) or not isinstance(whole.get("events"), list):
                raise InputError(f"{name}: expected an object with an \"events\" list, or a list of events")
            version = whole.get("schema_version")
            if version is not None and str(version) != "1":
                raise InputError(f"{name}: schema_version {version!r} is not supported", "this tool reads contract v1")
            match = re.search(r'"events"\s*:\s*\[', text)
            pos = match.end() if match else 0
    record = 0
    length = len(text)
    while pos < length:
        while pos < length and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= length or text[pos] == "]":
            return
        record += 1
        line = _line_of(text, pos)
        try:
            data, end = decoder.raw_decode(text, pos)
            yield RawRecord(name, line, record, data)
            pos = end
        except json.JSONDecodeError as error:
            yield RawRecord(name, line, record, error=f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})")
            found = _NEXT_OBJECT.search(text, pos)
            if not found:
                return
            pos = found.end()


def _yaml(name: str, text: str) -> Iterator[RawRecord]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise InputError(f"{name}: malformed YAML: {error}".replace("\n", " ")) from None
    if isinstance(root, yaml.MappingNode):
        items = [v for k, v in root.value if getattr(k, "value", None) == "events"]
        root = items[0] if items else None
    if not isinstance(root, yaml.SequenceNode):
        raise InputError(f"{name}: expected a list of events or a mapping with an 'events' list")
    for record, node in enumerate(root.value, start=1):
        loader = yaml.SafeLoader("")
        try:
            data = loader.construct_document(node)
            yield RawRecord(name, node.start_mark.line + 1, record, data)
        except yaml.YAMLError as error:
            yield RawRecord(name, node.start_mark.line + 1, record, error=f"malformed YAML: {error}".replace("\n", " "))


def _set_path(target: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


def _csv(name: str, text: str) -> Iterator[RawRecord]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        return
    for record, row in enumerate(reader, start=1):
        data: dict[str, Any] = {}
        if None in row:
            yield RawRecord(name, reader.line_num, record, error=f"row has {len(row) + len(row[None]) - 1} cells, the header {len(reader.fieldnames)}")
            continue
        for key, value in row.items():
            if value is None or value.strip() == "":
                continue
            value = value.strip()
            if key in _LIST_FIELDS:
                _set_path(data, key, [v.strip() for v in re.split(r"[;|]", value) if v.strip()])
            else:
                _set_path(data, key, value)
        yield RawRecord(name, reader.line_num, record, data)
