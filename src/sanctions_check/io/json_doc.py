"""Find the records of a JSON event document, with the line of each, in one linear pass.

The document is parsed by the standard library's JSON scanner: the top level is walked key
by key (so an `"events"` key nested inside metadata is never taken for the real one) and
each element of the events list is decoded with `raw_decode`, which gives where it ends.

A document that is not valid JSON is recovered only where the recovery is provably exact:
when one record is broken, the records after it are read only if, from some later record
boundary, the rest of the document parses cleanly to its end. A position inside the broken
record (a nested object such as one of its `intermediaries`) cannot pass that test for a
single corruption, because the broken record's own closing brackets follow it. Anything
else (two broken records, a broken top level) rejects the file as a whole, naming the line
and column of the first syntax error: a missing record must never look like a clear one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sanctions_check.errors import InputError

_WS = " \t\n\r"
_DECODER = json.JSONDecoder()
# How many possible record starts to try after a broken record before giving up on it.
_MAX_CANDIDATES = 10_000
_SHAPE_HINT = 'expected {"schema_version": "1", "events": [...]} or a list of events'


@dataclass
class Span:
    """One top-level record: its text is document[start:end]; `error` if it is broken."""

    start: int
    end: int
    error: str | None = None


@dataclass
class Problem:
    """A syntax error outside any record: every record was still read exactly."""

    pos: int
    message: str


@dataclass
class Scan:
    spans: list[Span] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _Fail(Exception):
    """A strict parse (trying a recovery point) met an error: that point is not a record start."""

    def __init__(self, pos: int, element: bool) -> None:
        super().__init__(pos)
        self.pos = pos
        self.element = element  # inside a record (True) or in the list's punctuation (False)


def line_col(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of a position (used for errors, which are few)."""
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _at(text: str, pos: int) -> str:
    line, col = line_col(text, pos)
    return f"line {line}, column {col}"


def _ws(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in _WS:
        pos += 1
    return pos


def _fatal(name: str, text: str, pos: int, message: str, hint: str | None = None) -> InputError:
    return InputError(f"{name}: {message} at {_at(text, pos)}; no record of this file was checked",
                      hint or "fix the syntax error and run again (JSON Lines, one event per line, "
                              "loses only the broken line)")


def scan(name: str, text: str) -> Scan:
    """The records of a JSON document; raises InputError when they cannot be found exactly."""
    result = Scan()
    pos = _ws(text, 0)
    if pos == len(text):
        raise InputError(f"{name}: the file is empty", _SHAPE_HINT)
    if text[pos] == "[":
        end = _array(name, text, pos, result, tail=lambda p: _end(text, p))
    elif text[pos] == "{":
        end = _object(name, text, pos, result)
    else:
        raise _fatal(name, text, pos, "not a JSON object or list", _SHAPE_HINT)
    end = _ws(text, end)
    if end < len(text):
        result.problems.append(Problem(end, "unexpected text after the end of the JSON document "
                                            f"at {_at(text, end)}; the records before it were read"))
    return result


def _end(text: str, pos: int) -> None:
    if _ws(text, pos) != len(text):
        raise _Fail(pos, element=False)


def _object(name: str, text: str, pos: int, result: Scan) -> int:
    """Walk the top-level object; its `events` list is scanned, other values only decoded."""
    found = False
    pos = _ws(text, pos + 1)
    if pos < len(text) and text[pos] == "}":
        raise _fatal(name, text, pos, 'no "events" list', _SHAPE_HINT)
    while True:
        if pos >= len(text) or text[pos] != '"':
            raise _fatal(name, text, pos, "malformed JSON: expected a key in double quotes")
        key, pos = _decode(name, text, pos)
        pos = _ws(text, pos)
        if pos >= len(text) or text[pos] != ":":
            raise _fatal(name, text, pos, "malformed JSON: expected ':' after a key")
        pos = _ws(text, pos + 1)
        if key == "events":
            if found:
                raise _fatal(name, text, pos, 'the key "events" appears twice at the top level, so which '
                             "list is meant is ambiguous", "keep one events list")
            found = True
            if pos >= len(text) or text[pos] != "[":
                raise _fatal(name, text, pos, '"events" is not a list', _SHAPE_HINT)
            pos = _array(name, text, pos, result, tail=lambda p: _object_rest(text, p))
        else:
            value, pos = _decode(name, text, pos)
            if key == "schema_version" and value is not None and str(value) != "1":
                raise InputError(f"{name}: schema_version {value!r} is not supported", "this tool reads contract v1")
        pos = _ws(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos = _ws(text, pos + 1)
            continue
        if pos < len(text) and text[pos] == "}":
            if not found:
                raise _fatal(name, text, pos, 'no "events" list', _SHAPE_HINT)
            return pos + 1
        raise _fatal(name, text, pos, "malformed JSON: expected ',' or '}' in the top-level object")


def _object_rest(text: str, pos: int) -> None:
    """Strictly parse what follows the events list in the top-level object, to the end."""
    pos = _ws(text, pos)
    while pos < len(text) and text[pos] == ",":
        pos = _ws(text, pos + 1)
        try:
            key, pos = _DECODER.raw_decode(text, pos)
            pos = _ws(text, pos)
            if not isinstance(key, str) or text[pos:pos + 1] != ":":
                raise _Fail(pos, element=False)
            _, pos = _DECODER.raw_decode(text, _ws(text, pos + 1))
        except (ValueError, RecursionError):
            raise _Fail(pos, element=False) from None
        pos = _ws(text, pos)
    if text[pos:pos + 1] != "}":
        raise _Fail(pos, element=False)
    _end(text, pos + 1)


def _decode(name: str, text: str, pos: int) -> tuple[object, int]:
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as error:
        raise _fatal(name, text, error.pos, f"malformed JSON: {error.msg}") from None
    except RecursionError:
        raise _fatal(name, text, pos, "JSON nested too deeply to read") from None


def _array(name: str, text: str, pos: int, result: Scan, tail) -> int:  # type: ignore[no-untyped-def]
    """Scan the events list starting at its '['; returns the position after its ']'."""
    n = len(text)
    pos = _ws(text, pos + 1)
    if pos < n and text[pos] == "]":
        return pos + 1
    while True:
        start = pos
        try:
            _, end = _DECODER.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError) as error:
            where = error.pos if isinstance(error, json.JSONDecodeError) else start
            message = f"malformed JSON: {error.msg}" if isinstance(error, json.JSONDecodeError) else "nested too deeply to read"
            return _recover(name, text, start, where, message, result, tail)
        result.spans.append(Span(start, end))
        pos = _ws(text, end)
        if pos < n and text[pos] == ",":
            pos = _ws(text, pos + 1)
            while pos < n and text[pos] == ",":  # an empty element is not a record
                result.problems.append(Problem(pos, f"an extra comma at {_at(text, pos)} (not valid JSON); "
                                                    "every record was read"))
                pos = _ws(text, pos + 1)
            if pos < n and text[pos] == "]":
                result.problems.append(Problem(pos, f"a trailing comma before ']' at {_at(text, pos)} "
                                                    "(not valid JSON); every record was read"))
                return pos + 1
            continue
        if pos < n and text[pos] == "]":
            return pos + 1
        if pos < n and text[pos] in '{["':
            # Two records with no comma between them: both are whole, so both are read.
            result.problems.append(Problem(pos, f"a comma is missing between two records at {_at(text, pos)} "
                                                "(not valid JSON); both records were read"))
            continue
        raise _fatal(name, text, pos, "malformed JSON: expected ',' or ']' after a record")


def _strict(text: str, pos: int, spans: list[Span]) -> int:
    """Parse records from `pos` as if inside the events list, allowing no error at all."""
    n = len(text)
    while True:
        start = pos
        try:
            _, end = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as error:
            raise _Fail(error.pos, element=True) from None
        except RecursionError:
            raise _Fail(start, element=True) from None
        spans.append(Span(start, end))
        pos = _ws(text, end)
        if pos < n and text[pos] == ",":
            pos = _ws(text, pos + 1)
            continue
        if pos < n and text[pos] == "]":
            return pos + 1
        raise _Fail(pos, element=False)


def _candidates(text: str, after: int):  # type: ignore[no-untyped-def]
    """Positions after `after` where a record could start: a '{' whose previous non-blank is ','."""
    pos = text.find("{", after + 1)
    while pos != -1:
        back = pos - 1
        while back > after and text[back] in _WS:
            back -= 1
        if text[back] == ",":
            yield pos
        pos = text.find("{", pos + 1)


class _Depth:
    """Bracket depth from the broken record's start, outside strings, read forward once."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.pos, self.depth, self.in_string = text, start, 0, False

    def closed_at(self, stop: int) -> bool:
        """Whether the broken record's brackets are all closed just before `stop`."""
        text, depth, in_string, pos = self.text, self.depth, self.in_string, self.pos
        while pos < stop:
            char = text[pos]
            if in_string:
                if char == "\\":
                    pos += 1
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char in "{[":
                depth += 1
            elif char in "}]":
                depth -= 1
            pos += 1
        self.depth, self.in_string, self.pos = depth, in_string, pos
        return depth == 0 and not in_string


def _recover(name: str, text: str, start: int, where: int, message: str, result: Scan, tail) -> int:  # type: ignore[no-untyped-def]
    """One record (from `start`) is broken: find the exact start of the next one, or give up.

    A record start must lie where the broken record's brackets are closed: `{"id": "a", "x": 1,
    {"id": "b"}` reads as record a with its '}' lost before record b, or as record a with a
    '{' typed into it; one edit explains either, so such a file is rejected, not guessed at.
    """
    depth = _Depth(text, start)
    for tried, candidate in enumerate(_candidates(text, start)):
        if tried >= _MAX_CANDIDATES:
            break
        if not depth.closed_at(candidate):
            continue
        spans: list[Span] = []
        try:
            end = _strict(text, candidate, spans)
            tail(end)
        except _Fail as failure:
            if failure.element and spans and failure.pos > where:
                # Whole records parsed past this record's error, then another record broke:
                # two broken records, and only one can be recovered exactly.
                raise _fatal(name, text, where, f"{message} (and another syntax error at {_at(text, failure.pos)})",
                             "fix both syntax errors and run again, or use JSON Lines, which loses only the broken lines") from None
            continue
        line, col = line_col(text, where)
        result.spans.append(Span(start, candidate, f"{message} at line {line}, column {col}; "
                                                   "this record was skipped, the records after it were read"))
        result.spans.extend(spans)
        return end
    raise _fatal(name, text, where, message)
