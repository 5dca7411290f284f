"""Date phrases of a text -> a day, or a period (first day and end_date), resolved
against the publication date.

A small grammar finds the phrase and says how precise it is ("on Tuesday, June 18" a
day, "in September" a month, "in the spring" a season, "earlier this year" the year so
far); dateparser resolves the words against the publication date, preferring the past,
since a report tells what has happened. Until the event contract has periods of its own
(`date: "2024-03"`), a month is written as its first day with `end_date` its last.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# (name, pattern); tried in this order, and a later match may not overlap an earlier one.
_GRAMMAR: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern)) for name, pattern in (
    ("day", rf"\b(?:[Oo]n )?(?:(?:{_DAYS}),? )?(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?\b"),
    ("day", rf"\b(?:[Oo]n )?(?:(?:{_DAYS}),? )?\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?\b"),
    ("years", r"\b(?:[Bb]etween|[Ff]rom) (\d{4}) (?:and|to|until) (\d{4})\b"),
    ("months", rf"\b(?:[Bb]etween|[Ff]rom) ({_MONTHS}) (?:and|to|until) ({_MONTHS})(?: (\d{{4}}))?\b"),
    ("since", rf"\b[Ss]ince ((?:{_MONTHS})(?: \d{{4}})?|\d{{4}})\b"),
    ("season", r"\b[Ii]n (?:the )?(spring|summer|autumn|fall|winter)(?: of (\d{4}))?\b"),
    ("month", rf"\b[Ii]n (?:early |late |mid-)?({_MONTHS})(?: (\d{{4}}))?\b"),
    ("year", r"\b[Ii]n (?:early |late |mid-)?(\d{4})\b"),
    ("this_year", r"\b(?:[Ee]arlier this year|[Tt]his year)\b"),
    ("last_year", r"\b[Ll]ast year\b"),
    ("last_month", r"\b[Ll]ast month\b"),
    ("last_week", r"\b[Ll]ast week\b"),
    ("weekday", rf"\b[Oo]n ({_DAYS})\b"),
))
# How sure a period is, by how it was written.
CONFIDENCE = {"day": 0.9, "weekday": 0.8, "month": 0.85, "months": 0.8, "year": 0.85, "years": 0.8,
              "season": 0.7, "since": 0.7, "this_year": 0.6, "last_year": 0.8, "last_month": 0.8,
              "last_week": 0.8}


@dataclass(frozen=True)
class DateGuess:
    start: int
    end: int
    phrase: str
    date: dt.date
    end_date: dt.date | None
    precision: str  # "day", "week", "month", "season", "year", "period"
    confidence: float


@lru_cache(maxsize=4096)  # a report repeats its phrases; dateparser costs ~10 ms a call
def _parse(words: str, published: dt.date) -> dt.date | None:
    import dateparser

    base = dt.datetime.combine(published, dt.time(12))
    parsed = dateparser.parse(words, languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _month(name: str, year: str | None, published: dt.date) -> dt.date | None:
    return _parse(f"{name.rstrip('.')} {year}" if year else name.rstrip("."), published)


def _resolve(name: str, match: re.Match[str], published: dt.date) -> tuple[dt.date, dt.date | None, str] | None:
    text, groups = match.group(0), match.groups()
    if name == "day":
        day = _parse(re.sub(r"^[Oo]n ", "", text), published)
        return (day, None, "day") if day else None
    if name == "weekday":
        back = (published.weekday() - list(calendar.day_name).index(groups[0])) % 7 or 7
        return published - dt.timedelta(days=back), None, "day"
    if name == "month":
        first = _month(groups[0], groups[1], published)
        return (first, _month_end(first), "month") if first else None
    if name == "months":
        first, last = _month(groups[0], groups[2], published), _month(groups[1], groups[2], published)
        if first and last and first > last:  # "between November and February 2024"
            first = first.replace(year=last.year - 1)
        return (first, _month_end(last), "period") if first and last else None
    if name in ("year", "years"):
        first, last = int(groups[0]), int(groups[-1])
        return dt.date(first, 1, 1), dt.date(last, 12, 31), "year" if first == last else "period"
    if name == "since":
        first = (dt.date(int(groups[0]), 1, 1) if groups[0].isdigit()
                 else _month(*(groups[0].split(" ") + [None])[:2], published))
        return (first, published, "period") if first else None
    if name == "season":
        start_month, end_month = _SEASONS[groups[0]]
        year = int(groups[1]) if groups[1] else published.year
        first = dt.date(year, start_month, 1)
        if not groups[1] and first > published:
            first = first.replace(year=year - 1)
        last_year = first.year + (1 if end_month < start_month else 0)
        return first, _month_end(dt.date(last_year, end_month, 1)), "season"
    if name == "this_year":
        return dt.date(published.year, 1, 1), published, "period"
    if name == "last_year":
        return dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31), "year"
    if name == "last_month":
        last = published.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), last, "month"
    if name == "last_week":
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return monday, monday + dt.timedelta(days=6), "week"
    return None


def find_dates(text: str, published: dt.date, start: int = 0, end: int | None = None) -> list[DateGuess]:
    """Every date phrase in text[start:end], in reading order."""
    end = len(text) if end is None else end
    taken: list[tuple[int, int]] = []
    found: list[DateGuess] = []
    for name, pattern in _GRAMMAR:
        for match in pattern.finditer(text, start, end):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            resolved = _resolve(name, match, published)
            if resolved is None:
                continue
            first, last, precision = resolved
            taken.append((match.start(), match.end()))
            found.append(DateGuess(match.start(), match.end(), match.group(0), first, last, precision,
                                   CONFIDENCE[name]))
    return sorted(found, key=lambda guess: guess.start)
