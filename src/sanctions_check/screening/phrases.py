"""Listed names inside longer party strings: "Tanchon Commercial Bank, Pyongyang head office",
"Jang Chang Ha, president of the Second Academy of Natural Sciences", "a front company of
Namchongang Trading" (issue 11, gap 2).

Reports write a party as a phrase: a name with a title, a role, a branch, "of the DPRK",
"(alias ...)", or two names joined by "and". Scored whole, the extra words pull such a
string below the threshold; so listed names are also looked for *inside* the string, as
runs of whole words (token boundaries) in canonical spelling, the way a phrase index finds
a term. Every form of a listed name and alias is indexed (its words as written, and with
adjacent words joined, so "Kim Jongsik" finds KIM JONG SIK), when it is specific enough to
stand inside other words:

- an entity's name of two words or more with a distinctive (full-weight) word, or of three
  generic words or more ("FOREIGN TRADE BANK"), legal forms and "of", "the" left out;
- a person's name of two words or more, also in Western order ("Ho Jin Yun" for YUN HO
  JIN), but not a hyphenated given name alone (the alias "Young-Chul" ends "Hwang
  Young-chul"); where the string goes on with more of a name ("Jo Chol-su", "Ri Su Yong
  Sik") it is another person's (`stands_alone`);
- a name of one word only when it is distinctive: a full-weight word of five letters or
  more that no other list entry uses ("KOMID", "Ryonha"); a short acronym ("TCB", "SANS")
  only where the string writes it in capitals, as a word of its own.

A name found inside a longer name that was found too (DCB inside "DCB Finance Limited") is
dropped: the longer name says what the words mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sanctions_check.screening.normalize import fold
from sanctions_check.screening.states import FOREIGN_STATES, MAX_STATE_WORDS

if TYPE_CHECKING:
    from sanctions_check.screening.index import ListForm
    from sanctions_check.screening.normalize import Kind, Normalizer

MIN_DISTINCT_WORD = 5  # letters of a one-word name found inside a string (below: acronyms, in capitals)
# After a name found inside a string: another capitalised word with only a space or hyphen
# between (the name goes on), or "of (the)" and what follows (whose body it is).
_CONTINUED = re.compile(r"([ \t]+|[ \t]*-[ \t]*)([^\W\d_])")
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?(.*)", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Contained:
    """A list form found inside a string: its number, and the string's tokens [start, end) it covers."""

    form: int
    start: int
    end: int


class PhraseIndex:
    """The list forms of one index that may be found inside a longer string, by first token."""

    def __init__(self, forms: list[ListForm], kind: Kind) -> None:
        holders: dict[str, set[int]] = {}
        for item in forms:
            for token in item.form.tokens:
                holders.setdefault(token, set()).add(item.entry)
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self._acronyms: dict[str, list[int]] = {}  # written in capitals in the list, found only so
        for number, item in enumerate(forms):
            form = item.form
            words = sum(len(w.split()) for w in form.words)
            tokens = form.tokens
            if len(tokens) == 1:
                token = tokens[0]
                unique = len(holders[token]) == 1 and form.weights[0] >= 1.0
                if kind == "person" or not unique:
                    continue
                if len(token) < MIN_DISTINCT_WORD and words == 1:
                    if item.name.isupper() or f"({form.words[0].upper()})" in item.name.upper():
                        self._acronyms.setdefault(token, []).append(number)
                    continue
            elif kind == "person" and (words < 2 or len(tokens) < 3 and len(item.name.split()) < 2):
                continue  # a given name alone ("Young-Chul") ends many other persons' names
            elif kind == "organisation" and max(form.weights) < 1.0 and words < 3:
                continue
            variants = [tokens]
            if kind == "person" and len(tokens) == 3:
                variants.append(tokens[1:] + tokens[:1])  # given names first, family name last
            for variant in variants:
                self._by_first.setdefault(variant[0], []).append((variant, number))

    def may_begin(self, token: str) -> bool:
        """Whether an indexed name begins with this token."""
        return token in self._by_first

    def is_acronym(self, token: str) -> bool:
        return token in self._acronyms

    def has_acronyms(self, tokens: list[str]) -> bool:
        return any(token in self._acronyms for token in tokens)

    def find(self, tokens: list[str], capitals: set[int]) -> list[Contained]:
        """The indexed forms found in `tokens` (canonical, in order); `capitals`: the positions
        of tokens written in capitals as words of their own (where an acronym may be)."""
        found = []
        size = len(tokens)
        for i, token in enumerate(tokens):
            for phrase, number in self._by_first.get(token, ()):
                end = i + len(phrase)
                if end <= size and tuple(tokens[i:end]) == phrase:
                    found.append(Contained(number, i, end))
            if i in capitals:
                found.extend(Contained(number, i, i + 1) for number in self._acronyms.get(token, ()))
        return [c for c in found
                if not any(o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start for o in found)]


def stands_alone(normalizer: Normalizer, name: str, kind: Kind, start: int, end: int, size: int) -> bool:
    """Whether a name found inside `name` (its compared words [start, end)) is that name, not
    the start of a longer one or another state's body.

    A person's name, or a one-word name not written in capitals, followed by a hyphen and
    more letters or by another capitalised word begins a longer name ("Jo Chol-su", "Ri Su
    Yong Sik", "Namchongang Hotel"); an acronym in capitals is often a modifier ("KOMID
    representative"). An entity's name right after a foreign state's name or adjective, or followed by "of
    (the)" and one, is that state's ("the Russian Ministry of Defence", "Strategic Rocket
    Forces of Russia").
    """
    spans = normalizer.written_spans(name, kind)
    if spans is None:
        return True  # cannot be lined up: nothing to say against it
    begin, finish = spans[start][0], spans[end - 1][1]
    after = name[finish:]
    continued = _CONTINUED.match(after)
    if (kind == "person" or size == 1 and not name[begin:finish].isupper()) and continued and (
            "-" in continued.group(1) or continued.group(2).isupper()):
        return False
    if kind == "organisation":
        before = fold(name[:begin])
        if any(" ".join(before[-n:]) in FOREIGN_STATES for n in range(1, MAX_STATE_WORDS + 1) if len(before) >= n):
            return False
        qualifier = _OF_STATE.match(after)
        if qualifier:
            words = fold(qualifier.group(1))
            if any(" ".join(words[:n]) in FOREIGN_STATES for n in range(1, MAX_STATE_WORDS + 1)):
                return False
    return True


def capitals_in(normalizer: Normalizer, name: str, kind: Kind) -> set[int]:
    """Positions of the compared words written in capitals (two letters or more): acronyms."""
    spans = normalizer.written_spans(name, kind) or []
    return {i for i, (a, b) in enumerate(spans) if b - a >= 2 and name[a:b].isupper()}
