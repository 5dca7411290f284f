"""Lone surrogates: code points a JSON `\\ud800` escape (or a file name that is not UTF-8)
can put in a Python string, but that are not text. No encoding writes them, and
pydantic's validators and serialisers fail on them, so they are found before either runs.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def first_surrogate(value: Any, path: str = "") -> tuple[str, str] | None:
    """(field path, escaped character) of the first lone surrogate in a JSON-like value."""
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:  # a loop, not recursion: records may be nested deeper than the stack
        where, item = stack.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found:
                return where or "(value)", f"\\u{ord(found.group()):04x}"
        elif isinstance(item, dict):
            for key, inner in reversed(list(item.items())):
                field = escape(key) if isinstance(key, str) else repr(key)
                field = f"{where}.{field}" if where else field
                stack.append((field, inner))
                stack.append((field, key))  # a key can hold one too
        elif isinstance(item, (list, tuple)):
            stack.extend((f"{where}[{index}]", inner) for index, inner in reversed(list(enumerate(item))))
    return None


def escape(text: str) -> str:
    """`text` with each lone surrogate shown as its escape, so it can be written anywhere."""
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
