"""Plain text -> sentences, each with its character offsets.

A small rule-based splitter: a sentence ends at . ! or ? followed by space and a capital
letter or a quote, unless the word before the stop is a known abbreviation ("Oct.",
"Mr.", "U.S.") or an initial; a blank line always ends one, so a headline or a list
item is a sentence of its own. Offsets index the text exactly: text[start:end] == quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence in news copy.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st no nos vol fig art para paras
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp jr sr vs etc approx est
    u.s u.k u.n e.g i.e""".split()
)
_STOP = re.compile(r"[.!?]+[\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # sentences of one paragraph share a number


def split(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    position = 0
    for number, paragraph in enumerate(_paragraphs(text)):
        start, end = paragraph
        position = start
        for stop in _STOP.finditer(text, start, end):
            if _is_abbreviation(text, position, stop.start()):
                continue
            _add(sentences, text, position, stop.end(), number)
            position = stop.end()
        _add(sentences, text, position, end, number)
    return sentences


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for gap in _PARAGRAPH.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return spans


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word = re.search(r"[\w.]+$", text[max(start, stop - 12):stop])  # abbreviations are short
    if word is None:
        return False
    token = word.group(0).lower().rstrip(".")
    # A single capital letter is an initial ("Kim J. Un"); a number before the stop is not.
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end], paragraph))
