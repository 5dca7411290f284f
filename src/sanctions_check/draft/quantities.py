"""Quantities and sums of money in a text: "9 million rounds", "1 million barrels",
"about 2,000 tonnes", "$2.5 million", "1,500 workers".

A small grammar: an optional hedge ("about", "more than"), a number in figures or
words, an optional scale (thousand, million, billion), then a unit word of
rules/tables/draft-language.yaml (a count of things is `units`), or a dollar sign.
A hedged figure is kept as written and marked less sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sanctions_check.draft.language import Language

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "a dozen": 12, "twenty": 20,
          "fifty": 50, "hundred": 100, "a hundred": 100}
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
_HEDGES = r"(?:about|around|some|roughly|approximately|nearly|almost|over|more than|at least|up to|an estimated|as many as|as much as)"
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
_MONEY = re.compile(rf"(?:(?P<hedge>(?i:{_HEDGES})) )?(?:US)?\$ ?(?P<number>{_NUMBER})(?: ?(?P<scale>thousand|million|billion|m|mn|bn)\b)?")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    amount: float
    unit: str  # a contract unit; "usd" for money
    hedged: bool
    noun_end: int  # where the measured noun or unit word ends

    @property
    def confidence(self) -> float:
        return 0.7 if self.hedged else 0.9


def _amount(number: str, scale: str | None) -> float:
    value = float(_WORDS[number.lower()]) if number.lower() in _WORDS else float(number.replace(",", ""))
    return value * _SCALES.get((scale or "").lower(), 1.0)


@lru_cache(maxsize=4)
def _unit_pattern(language: Language) -> re.Pattern[str]:
    units = "|".join(sorted((re.escape(w) for w in language.units), key=len, reverse=True))
    # The unit word may follow a few words of description: "1,500 North Korean workers".
    return re.compile(
        rf"(?:(?P<hedge>(?i:{_HEDGES})) )?\b(?P<number>(?i:{_NUMBER}))(?: (?P<scale>thousand|million|billion)\b)?"
        rf" (?P<between>(?:[A-Z][\w-]* |IT ){{0,3}})(?P<unit>(?i:{units}))\b")


def find_quantities(text: str, language: Language, start: int = 0, end: int | None = None) -> list[Quantity]:
    end = len(text) if end is None else end
    found: list[Quantity] = []
    for match in _MONEY.finditer(text, start, end):
        found.append(Quantity(match.start(), match.end(), _amount(match["number"], match["scale"]), "usd",
                              bool(match["hedge"]), match.end()))
    for match in _unit_pattern(language).finditer(text, start, end):
        if any(q.start <= match.start("number") < q.end for q in found):
            continue
        if match["between"] and language.units[match["unit"].lower()] != "units":
            continue  # "2,000 Chinese tonnes" is not how a measure is written
        found.append(Quantity(match.start(), match.end("number") if not match["scale"] else match.end("scale"),
                              _amount(match["number"], match["scale"]), language.units[match["unit"].lower()],
                              bool(match["hedge"]), match.end()))
    return sorted(found, key=lambda q: q.start)
