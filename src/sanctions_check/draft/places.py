"""Country names, demonyms, capitals and ports in a text -> ISO 3166-1 alpha-2 codes.

Names are ISO's (pycountry) plus the table in rules/tables/places.yaml. Matching is
case-sensitive, so the pronoun "us" is not the United States, and each word is also
matched in capitals for datelines ("MINSK -").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sanctions_check.draft.language import places_table
from sanctions_check.model.countries import ISO_ALPHA2

# ISO names that are also common words or first names in news copy.
_ISO_SKIPPED = frozenset({"Jersey", "Chad", "Georgia", "Jordan", "Guinea", "Turkey", "Niger", "Korea"})


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    code: str
    group: str  # "names", "demonyms", "capitals", "cities" or "flags" ("Panama-flagged")
    word: str


@dataclass(frozen=True)
class Gazetteer:
    pattern: re.Pattern[str]
    codes: dict[str, tuple[str, str]]  # word as matched -> (code, group)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Place]:
        end = len(text) if end is None else end
        found = []
        for match in self.pattern.finditer(text, start, end):
            code, group = self.codes[match.group(0)]
            found.append(Place(match.start(), match.end(), code, group, match.group(0)))
        return found


def _iso_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        if country.alpha_2 not in ISO_ALPHA2:
            continue
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            # "Korea, Republic of" is an index form, never written so in prose.
            if name and "," not in name and name not in _ISO_SKIPPED:
                names[name] = country.alpha_2
    return names


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    codes: dict[str, tuple[str, str]] = {word: (code, "names") for word, code in _iso_names().items()}
    for code, groups in places_table().items():
        for group, words in groups.items():
            for word in words:
                codes[word] = (code, group)
    for word, (code, group) in list(codes.items()):
        if group in ("names", "demonyms") and not word.endswith("-flagged"):
            codes.setdefault(f"{word}-flagged", (code, "flags"))  # "DPRK-flagged vessel"
    for word in list(codes):
        codes.setdefault(word.upper(), codes[word])
    # Longest first, so "North Korean" wins over "North Korea" and "Korea Daesong" never matches.
    alternatives = sorted(codes, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in alternatives) + r")(?![\w-])")
    return Gazetteer(pattern, codes)


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Place]:
    return gazetteer().find(text, start, end)
