"""Make input-derived text inert: in the terminal, Markdown, CSV and HTML links."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


# What a terminal or a Markdown viewer would act on rather than show: C0 and C1 controls
# (ESC starts ANSI and OSC 8 sequences, CSI is \x9b alone, CR overwrites a line), the
# bidirectional controls that reorder a line (the "Trojan Source" trick, CVE-2021-42574),
# zero-width and line-separator characters, and lone surrogates (not text at all: no
# encoding can write them, so a writer would crash on one).
_SHOWN_ESCAPED = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
_SPACED = str.maketrans({"\t": " ", "\n": " "})


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """Text a terminal shows as it is: tabs and newlines become spaces (a record cannot
    draw lines of its own), every other control is shown as its escape (`\\x1b`, `\\u202e`),
    so a reviewer sees that it was there instead of having it acted on."""
    return _SHOWN_ESCAPED.sub(_escaped, text.translate(_SPACED))


def plain(text: str) -> str:
    """Remove control and bidirectional-override characters that can disguise text
    (HTML and CSV); lone surrogates, which no encoding can write, are shown escaped."""
    return _SURROGATE.sub(_escaped, _CONTROL.sub("", text))


def markdown(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", inert(text))


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
