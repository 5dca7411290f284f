"""What moved, or what the help or money was for, in the words of the report.

The words are found with the classification tables themselves (the Classifier of
sanctions_check.classify, built from rules/unsc-dprk/tables/keywords/), so a draft's
description names what `check` will classify: the keyword phrases found near the verb,
joined when they touch ("Aurus Senat" + "limousine"), with the head nouns that follow
("missile" + "parts").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctions_check.classify import Classifier
from sanctions_check.draft.language import Language

_WORD = re.compile(r"[^\W_]+(?:[-'.&/][^\W_]+)*'?")
# Words that end a noun phrase when an activity is read without a keyword.
_STOPS = frozenset("""in to for from at of on with by near through via and or but while during after before
since between under over as which who that, the a an its their his her""".split())
_SKIP = frozenset("a an the some its their his her new more further".split())


@dataclass(frozen=True)
class Words:
    start: int
    end: int
    text: str
    from_table: bool  # found with the keyword tables, else the object noun phrase


def _spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text, start, end)]


def keyword_words(text: str, start: int, end: int, classifier: Classifier, language: Language) -> Words | None:
    """The first run of keyword phrases in text[start:end], extended by head nouns."""
    words = _spans(text, start, end)
    lowered = tuple(w for _, _, w in words)
    hits: list[tuple[int, int]] = []  # word index ranges
    for key in classifier.phrases_in(text[start:end]):
        size = len(key)
        for index in range(len(lowered) - size + 1):
            if lowered[index:index + size] == key:
                hits.append((index, index + size))
    if not hits:
        return None
    hits.sort()
    first, last = hits[0]
    for a, b in hits[1:]:
        if a <= last:  # touching or overlapping phrases name one thing
            last = max(last, b)
    while last < len(words) and words[last][2] in language.heads:
        last += 1
    while first > 0 and words[first - 1][2] in language.modifiers:
        first -= 1
    begin, finish = words[first][0], words[last - 1][1]
    return Words(begin, finish, text[begin:finish], True)


def noun_phrase(text: str, start: int, end: int, skip: set[tuple[int, int]] = frozenset()) -> Words | None:
    """The first plain noun phrase in text[start:end]: up to three words before a
    preposition or punctuation, skipping articles and the spans in `skip` (places, sums)."""
    words = [w for w in _spans(text, start, end) if not any(a <= w[0] < b for a, b in skip)]
    picked: list[tuple[int, int, str]] = []
    for begin, finish, word in words:
        if not picked and word in _SKIP:
            continue
        if word in _STOPS or (picked and text[picked[-1][1]:begin].strip()):
            break
        picked.append((begin, finish, word))
        if len(picked) == 3:
            break
    if not picked:
        return None
    return Words(picked[0][0], picked[-1][1], text[picked[0][0]:picked[-1][1]], False)
