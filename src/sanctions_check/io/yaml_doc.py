"""The records of a YAML event document, each with its line.

The document is composed once (libyaml's C parser where installed); each record is then
constructed on its own, so a record with a duplicate key or nesting too deep is rejected
alone. A syntax error rejects the file as a whole: YAML has no record boundary to resume at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import yaml

from sanctions_check.errors import InputError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SHAPE_HINT = "expected a list of events, or a mapping with an 'events' list"


@dataclass
class YamlRecord:
    line: int
    data: Any = None
    error: str | None = None


def _mark(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"{problem} at line {mark.line + 1}, column {mark.column + 1}" if mark else problem


def _duplicate_key(node: yaml.Node, depth: int = 0) -> yaml.Node | None:
    """The first key that appears twice in one mapping (YAML would keep the last silently)."""
    if depth > 200:
        raise RecursionError
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    return key
                seen.add(key.value)
            found = _duplicate_key(value, depth + 1)
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for value in node.value:
            found = _duplicate_key(value, depth + 1)
            if found is not None:
                return found
    return None


def records(name: str, text: str) -> Iterator[YamlRecord]:
    try:
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            if _Loader is yaml.SafeLoader:
                raise
            # libyaml refuses some text the YAML spec allows (a "\ud800" escape, which the
            # validator shows as U+FFFD): the pure-Python parser decides, and names the error.
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise InputError(f"{name}: malformed YAML: {_mark(error)}; no record of this file was checked",
                         "fix the syntax error and run again") from None
    except RecursionError:
        # One record nested deeper than the composer's stack: compose record by record from
        # the parser's events (which it yields without recursion), so only that record is lost.
        yield from _record_by_record(name, text)
        return
    yield from _from_root(name, root)


def _from_root(name: str, root: yaml.Node | None) -> Iterator[YamlRecord]:
    if isinstance(root, yaml.MappingNode):
        lists = [(k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "events"]
        if len(lists) > 1:
            raise InputError(f"{name}: the key 'events' appears twice at the top level (line "
                             f"{lists[1][0].start_mark.line + 1}), so which list is meant is ambiguous",
                             "keep one events list")
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "schema_version":
                version = value.value if isinstance(value, yaml.ScalarNode) else None
                if version not in (None, "1", "", "null", "~"):
                    raise InputError(f"{name}: schema_version {version!r} is not supported", "this tool reads contract v1")
        root = lists[0][1] if lists else None
    if not isinstance(root, yaml.SequenceNode):
        raise InputError(f"{name}: no list of events found", _SHAPE_HINT)
    for node in root.value:
        yield _record(node)


def _record(node: yaml.Node) -> YamlRecord:
    line = node.start_mark.line + 1
    try:
        duplicate = _duplicate_key(node)
        if duplicate is not None:
            return YamlRecord(line, error=f"the key '{duplicate.value}' appears twice in this record "
                                          f"(line {duplicate.start_mark.line + 1}); keep one")
        return YamlRecord(line, yaml.SafeLoader("").construct_document(node))
    except RecursionError:
        return YamlRecord(line, error="the record is nested too deeply to read")
    except yaml.YAMLError as error:
        return YamlRecord(line, error=f"malformed YAML: {_mark(error)}")


class _Replay(yaml.composer.Composer, yaml.resolver.Resolver):
    """Composes one record from a list of parser events."""

    def __init__(self, events: list[yaml.Event]) -> None:
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._events = events
        self._at = 0

    def check_event(self, *choices: type) -> bool:
        return self._at < len(self._events) and (not choices or isinstance(self._events[self._at], choices))

    def peek_event(self) -> yaml.Event:
        return self._events[self._at]

    def get_event(self) -> yaml.Event:
        self._at += 1
        return self._events[self._at - 1]


def _record_by_record(name: str, text: str) -> Iterator[YamlRecord]:
    """The records of the events list, each composed from its own events."""
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.YAMLError as error:
        raise InputError(f"{name}: malformed YAML: {_mark(error)}; no record of this file was checked",
                         "fix the syntax error and run again") from None
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    at = 2  # after StreamStart, DocumentStart
    if isinstance(events[at], yaml.MappingStartEvent):  # find the top-level `events` key
        at += 1
        while at < len(events) and not (isinstance(events[at], yaml.ScalarEvent) and events[at].value == "events"):
            depth = 0
            at += 1  # past the key: skip its value
            while True:
                depth += isinstance(events[at], starts) - isinstance(events[at], ends)
                at += 1
                if depth == 0:
                    break
        at += 1
    if at >= len(events) or not isinstance(events[at], yaml.SequenceStartEvent):
        raise InputError(f"{name}: no list of events found", _SHAPE_HINT)
    at += 1
    while not isinstance(events[at], yaml.SequenceEndEvent):
        first, depth = at, 0
        while True:
            depth += isinstance(events[at], starts) - isinstance(events[at], ends)
            at += 1
            if depth == 0:
                break
        replay = _Replay([*events[first:at], yaml.DocumentEndEvent()])
        try:
            node = replay.compose_node(None, None)
        except RecursionError:
            yield YamlRecord(events[first].start_mark.line + 1, error="the record is nested too deeply to read")
            continue
        yield _record(node)
