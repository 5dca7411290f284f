"""A report file -> the plain text that drafts quote, with where each block came from.

Offsets in a draft's provenance count characters of this plain text, and its sha256 is
the sha256 of this text (UTF-8), so a reviewer can re-derive both. A .txt file is its own
plain text; Markdown (markdown-it-py) and HTML (Beautiful Soup) are reduced to one
paragraph per block, and each block remembers its first line in the source file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from sanctions_check.errors import InputError

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html"}
# HTML elements whose text is one paragraph of the report; the text of scripts,
# styles and page furniture is never reported prose.
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "td", "th", "figcaption", "pre")
_SKIPPED = ("script", "style", "noscript", "template", "nav", "footer", "head")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    start: int  # offset of the block in the plain text
    line: int  # first line of the block in the source file (1-based)


@dataclass(frozen=True, eq=False)  # not frozen in fact: sha256 is cached on first use
class ReportText:
    text: str
    source: str  # the file name as given
    form: str  # "text", "markdown" or "html"
    blocks: tuple[Block, ...]

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def line_of(self, offset: int) -> int:
        """The source line of the block holding `offset` (for .txt, the exact line)."""
        if self.form == "text":
            return self.text.count("\n", 0, offset) + 1
        line = 1
        for block in self.blocks:
            if block.start > offset:
                break
            line = block.line
        return line


def form_of(path: Path) -> str:
    form = SUFFIXES.get(path.suffix.lower())
    if form is None:
        raise InputError(f"{path}: cannot tell the report format from the extension '{path.suffix}'",
                         "give a .txt, .md or .html file")
    return form


def read_report(path: Path) -> ReportText:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", "check the path") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})",
                         "save the report as UTF-8") from None
    return from_string(source, form_of(path), str(path))


def from_string(source: str, form: str = "text", name: str = "<text>") -> ReportText:
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    if form == "text":
        return ReportText(source, name, form, ())
    pieces = _markdown_blocks(source) if form == "markdown" else _html_blocks(source)
    return _join(pieces, name, form)


def _join(pieces: list[tuple[str, int]], name: str, form: str) -> ReportText:
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for text, line in pieces:
        text = _SPACE.sub(" ", text).strip()
        if not text:
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        blocks.append(Block(offset, line))
        parts.append(text)
        offset += len(text)
    return ReportText("".join(parts), name, form, tuple(blocks))


def _markdown_blocks(source: str) -> list[tuple[str, int]]:
    from markdown_it import MarkdownIt

    pieces: list[tuple[str, int]] = []
    line = 1
    for token in MarkdownIt("commonmark").parse(source):
        if token.map:
            line = token.map[0] + 1
        if token.type == "inline":
            # Children carry the words without the markup (emphasis, links, code marks).
            words = "".join(child.content if child.type not in ("softbreak", "hardbreak") else " "
                            for child in token.children or ())
            pieces.append((words, line))
        elif token.type in ("fence", "code_block"):
            pieces.append((token.content, line))
    return pieces


def _html_blocks(source: str) -> list[tuple[str, int]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(source, "html.parser")
    for tag in soup.find_all(_SKIPPED):
        tag.decompose()
    pieces: list[tuple[str, int]] = []
    for tag in soup.find_all(_BLOCKS):
        if tag.find_parent(_BLOCKS):  # a <p> inside an <li> belongs to the item's text
            continue
        pieces.append((tag.get_text(" "), tag.sourceline or 1))
    if not pieces and soup.body:  # a page of bare text without block elements
        pieces.append((soup.body.get_text(" "), 1))
    return pieces
