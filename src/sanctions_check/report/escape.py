"""Make input-derived text inert in Markdown (and, later, other formats)."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """Remove control and bidirectional-override characters that can disguise text."""
    return _CONTROL.sub("", text)


def markdown(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", plain(text)).replace("\n", " ")
