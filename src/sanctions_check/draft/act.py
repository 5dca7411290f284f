"""The pieces a sentence is read into: an act being drafted, what the report has
established so far, and what one sentence holds (places, dates, quantities)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sanctions_check.draft.dates import DateGuess
from sanctions_check.draft.places import Place
from sanctions_check.draft.quantities import Quantity
from sanctions_check.draft.sentences import Sentence


@dataclass
class Act:
    sentences: list[Sentence]
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    remarks: list[str] = field(default_factory=list)
    # How precise the date is: day, week, month, season, year, period, or "latest" (the
    # publication date stands in); a month or year is also written as the contract's
    # coming period form ("2024-09", "2024") in provenance.period.
    precision: str = "day"
    subject: dict[str, Any] | None = None  # the party the clause's subject is, for the next act

    def set(self, key: str, value: Any, confidence: float) -> None:
        """Set a dotted field ("origin.country") with how sure the reading is."""
        target = self.fields
        parts = key.split(".")
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
        self.confidence[key] = round(confidence, 2)


@dataclass
class Context:
    """What earlier sentences of the report established."""

    published: dt.date
    previous: Act | None = None
    dates: list[tuple[int, DateGuess]] = field(default_factory=list)  # (paragraph, phrase) read so far
    continued: bool = False  # the act being read has the subject of the act before ("he", "the company")
    names: dict[str, dict[str, Any]] = field(default_factory=dict)  # full name -> party


@dataclass(frozen=True)
class Seen:
    text: str
    sentence: Sentence
    places: list[Place]
    dates: list[DateGuess]
    quantities: list[Quantity]
