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
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise InputError(f"{name}: malformed YAML: {_mark(error)}; no record of this file was checked",
                         "fix the syntax error and run again") from None
    except RecursionError:
        raise InputError(f"{name}: YAML nested too deeply to read", "flatten the file") from None
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
        line = node.start_mark.line + 1
        try:
            duplicate = _duplicate_key(node)
            if duplicate is not None:
                yield YamlRecord(line, error=f"the key '{duplicate.value}' appears twice in this record "
                                             f"(line {duplicate.start_mark.line + 1}); keep one")
                continue
            yield YamlRecord(line, yaml.SafeLoader("").construct_document(node))
        except RecursionError:
            yield YamlRecord(line, error="the record is nested too deeply to read")
        except yaml.YAMLError as error:
            yield YamlRecord(line, error=f"malformed YAML: {_mark(error)}")
