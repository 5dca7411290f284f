"""Who did it and to whom: the places and names of a clause, read into origin,
destination, transit states and, for ship events, the vessel.

The subject's place is the one nearest before the verb ("Prosecutors in New York charged
a Chinese company": Chinese); the object's is the first after it that is not a transit
state ("via Russia") nor a source ("from Pyongyang"). A name is the run of capitalised
words that follows a place, past a title ("Russian President Vladimir Putin") or a
common noun ("the North Korean lender Korea Daesong Bank"), or stands right after a
verb of giving ("gave Kim Jong Un").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctions_check.draft.places import Place

VIA = re.compile(r"\b(?:via|through|transiting|by way of|across)\s+(?:[\w,-]+\s+){0,3}$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|into|towards)\s+(?:the\s+)?$", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(?:to|into|from|with|for|by|at|in|of)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_TITLES = frozenset("""President Premier Prime Minister Foreign Defence Defense Leader Chairman General
Marshal Secretary Ambassador Director Mr Mrs Ms Dr Comrade Supreme Deputy Vice King Queen""".split())
# Capitalised words that never start a party's name in news copy.
_NOT_NAMES = frozenset("""The A An During In On At For From To With By After Before Since Separately Meanwhile
It He She They We This That These Those His Her Its Their January February March April May June July
August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
_NAME_WORD = r"(?:[A-Z][\w'.&-]*|\d+)"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD})*")
_LOWER = re.compile(r"[a-z][\w-]*")
_STOP_WORDS = frozenset("in to for from at of on with by near through via and or but had has have was were is are that".split())
VESSEL_WORDS = re.compile(r"\b(?:tanker|vessel|ship|freighter|cargo ship|bulk carrier|oil tanker|trawler)\b", re.IGNORECASE)
_FLAGGED = re.compile(r"\bflagged (?:in|by) $")


@dataclass(frozen=True)
class Named:
    code: str | None
    name: str | None
    place: Place | None


def in_name(text: str, place: Place) -> bool:
    """A city or country word that starts a longer name ("Shenyang Golden Bridge Trading")."""
    return place.group != "demonyms" and bool(re.match(r" [A-Z]", text[place.end:place.end + 2]))


def subject_place(text: str, places: list[Place], start: int, end: int) -> Place | None:
    inside = [p for p in places if start <= p.start and p.end <= end and not in_name(text, p)]
    return inside[-1] if inside else None


def object_place(text: str, places: list[Place], start: int, end: int, source: bool = False) -> Place | None:
    """The first place of the object region; with `source`, one after "from" first."""
    inside = [p for p in places if start <= p.start and p.end <= end and not VIA.search(text[start:p.start])
              and not in_name(text, p)]
    froms = [p for p in inside if _FROM.search(text[start:p.start])]
    if source and froms:
        return froms[0]
    others = [p for p in inside if p not in froms]
    towards = [p for p in others if _TO.search(text[start:p.start])]  # "coal to Vietnam" wins
    return (towards or others or [None])[0]


def goods_origin(text: str, places: list[Place], start: int, end: int) -> Place | None:
    """A demonym that qualifies the goods: "shipped North Korean coal to Vietnam"."""
    for place in places:
        if start <= place.start and place.end <= end and place.group == "demonyms" \
                and re.match(r" [a-z]", text[place.end:place.end + 2]) and not _PREPOSITION.search(text[start:place.start]):
            return place
    return None


def via_codes(text: str, places: list[Place], start: int, end: int) -> list[str]:
    codes: list[str] = []
    for place in places:
        if start <= place.start and place.end <= end and VIA.search(text[max(start, place.start - 40):place.start]):
            if place.code not in codes:
                codes.append(place.code)
    return codes


def name_after(text: str, position: int, end: int, places: list[Place]) -> str | None:
    """The name that follows `position`: past up to two common nouns or titles and a comma."""
    cursor, skipped = position, 0
    while cursor < end:
        while cursor < end and text[cursor] in " ,":
            cursor += 1
        word = _LOWER.match(text, cursor)
        if word and word.end() <= end:
            if word.group(0) in _STOP_WORDS or skipped == 2:
                return None
            cursor, skipped = word.end(), skipped + 1
            continue
        run = _NAME_RUN.match(text, cursor)
        if not run or run.end() > end:
            return None
        words = run.group(0).split(" ")
        while words and words[0].rstrip(".") in _TITLES:
            words.pop(0)
        if not words:
            cursor = run.end()
            continue
        name = " ".join(words).rstrip(".")
        begin = cursor + run.group(0).index(words[0])
        if words[0] in _NOT_NAMES or name.isdigit() or any(p.start == begin and p.word == name for p in places):
            return None
        return name
    return None


def bare_name(text: str, start: int, end: int) -> str | None:
    """A capitalised run standing alone in text[start:end] ("Putin last"), if any."""
    for run in _NAME_RUN.finditer(text, start, end):
        words = [w for w in run.group(0).split(" ") if w not in _NOT_NAMES and w.rstrip(".") not in _TITLES]
        if words:
            return " ".join(words)
    return None


@dataclass(frozen=True)
class ShipSeen:
    name: str | None
    flag: str | None


def ship_in(text: str, places: list[Place], start: int, end: int) -> ShipSeen | None:
    """The vessel a subject region names: "the tanker Sea Pearl, flagged in Panama",
    "the North Korean tanker Yu Jong 2"."""
    word = None
    for word in VESSEL_WORDS.finditer(text, start, end):
        pass
    if word is None:
        return None
    run = _NAME_RUN.match(text, word.end() + 1) if word.end() < end else None
    name = run.group(0) if run and run.end() <= end else None
    flag = None
    for place in places:
        if start <= place.start < end:
            close_before = place.end <= word.start() and not text[place.end:word.start()].strip(" -")
            flagged = _FLAGGED.search(text[max(start, place.start - 15):place.start])
            if close_before or place.word.lower().endswith("-flagged") or flagged:
                flag = place.code
    return ShipSeen(name, flag)
