"""Make input-derived text inert in Markdown, CSV and HTML links."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """Remove control and bidirectional-override characters that can disguise text."""
    return _CONTROL.sub("", text)


def markdown(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", plain(text)).replace("\n", " ")


# Spreadsheets (Excel, LibreOffice, Google Sheets) treat a cell starting with one of these
# as a formula (OWASP "CSV injection"); the full-width forms are converted by some locales.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_URL_SCHEMES = ("http://", "https://")
_URL_UNSAFE = re.compile(r"[\s\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: formulas get a leading quote, as OWASP advises."""
    text = "" if value is None else plain(str(value))
    # Leading spaces are skipped by some spreadsheets before they look for a formula.
    if text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text


def safe_url(url: object) -> str | None:
    """The URL if it may become a link (http or https, no spaces or controls), else None.

    javascript:, data: and file: URLs stay text: a report must not run or open anything.
    """
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    if not candidate.lower().startswith(_URL_SCHEMES) or _URL_UNSAFE.search(candidate):
        return None
    return candidate
