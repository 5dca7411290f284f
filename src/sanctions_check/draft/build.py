"""A report's text -> draft events: the loop over sentences, the status each act is
reported with, the provenance of each draft, and validation as events.

Every draft says it is one (`notes` starts with DRAFT, `provenance.draft` is true),
quotes the sentences it came from with their offsets in the text and the text's
sha256, and gives a confidence for each field it filled. A draft that does not
validate as an event is left out and said so, never written half-valid.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sanctions_check import __version__
from sanctions_check.classify import classifier_for
from sanctions_check.draft.acts import Act, Context, read_sentence
from sanctions_check.draft.dates import find_dates
from sanctions_check.draft.language import Language, language
from sanctions_check.draft.sentences import Sentence, split
from sanctions_check.draft.text import ReportText
from sanctions_check.io.read import RawRecord
from sanctions_check.io.validate import Validated, Validator
from sanctions_check.model.event import period
from sanctions_check.model.report import Rejection
from sanctions_check.model.ruleset import RuleSet

NOTE = ("DRAFT for review: read from the report by `sanctions-check draft`; check each field against "
        "the quoted sentences (provenance.quotes) and the confidence given for it (provenance.confidence).")
_ORDER = ("id", "date", "end_date", "kind", "origin", "destination", "via", "intermediaries", "item",
          "activity", "vessel", "status", "sources", "notes", "provenance")
_PUBLISHED = re.compile(r"^(?:Published|Updated|Date)[:\s]", re.IGNORECASE)


@dataclass
class Drafts:
    text: ReportText
    published: dt.date
    published_from: str  # "given", "text" or "today"
    events: list[Validated] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def records(self) -> list[dict[str, Any]]:
        """The drafts as event records, fields in the contract's order."""
        return [_ordered(v.event.model_dump(mode="json", exclude_none=True, exclude_defaults=True) |
                         {"status": v.event.status}) for v in self.events]


def publication_date(text: ReportText) -> dt.date | None:
    """A "Published 12 March 2024" line of the report, if it has one."""
    for sentence in split(text.text)[:6]:
        if _PUBLISHED.match(sentence.text):
            days = [d for d in find_dates(text.text, dt.date.today(), sentence.start, sentence.end) if d.precision == "day"]
            if days:
                return days[0].date
    return None


def draft(text: ReportText, rules: RuleSet, published: dt.date | None = None,
          tables: Path | None = None) -> Drafts:
    found = publication_date(text) if published is None else None
    day = published or found or dt.date.today()
    result = Drafts(text, day, "given" if published else "text" if found else "today")
    words = language(tables)
    classifier = classifier_for(rules)
    context = Context(day)
    acts: list[Act] = []
    last: tuple[Sentence, list[Act]] | None = None
    for sentence in split(text.text):
        found_acts = read_sentence(text.text, sentence, context, words, classifier)
        if found_acts:
            status = _status(sentence.text, words)
            for act in found_acts:
                act.set("status", status or "reported", 0.8 if status else 0.6)
            acts.extend(found_acts)
            last = (sentence, found_acts)
        elif last is not None:
            _follow_up(sentence, last, words)
            last = None
    validator = Validator()
    stem = Path(text.source).stem or "draft"
    title = _title(text)
    for number, act in enumerate(acts, start=1):
        record = _record(act, f"{stem}-{number}", text, result, title)
        outcome = validator.validate(RawRecord(text.source, text.line_of(act.sentences[0].start), number, record))
        (result.rejected if isinstance(outcome, Rejection) else result.events).append(outcome)
    return result


@lru_cache(maxsize=16)
def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def _words_in(sentence: str, words: tuple[str, ...]) -> bool:
    return bool(_phrases(words).search(sentence.lower()))


def _status(sentence: str, words: Language) -> str | None:
    for status, phrases in words.status:  # strongest first
        if _words_in(sentence, phrases):
            return status
    return None


def _follow_up(sentence: Sentence, last: tuple[Sentence, list[Act]], words: Language) -> None:
    """ "The flag State has confirmed the transfer": a sentence of its own that settles the
    status of the acts of the sentence just before, and is quoted with them."""
    status = _status(sentence.text, words)
    if status is None or status not in words.follow_up:
        return
    for act in last[1]:
        act.set("status", status, 0.7)
        act.sentences.append(sentence)
        act.remarks.append(f"status from the next sentence: '{sentence.text}'")


def _record(act: Act, event_id: str, text: ReportText, drafts: Drafts, title: str) -> dict[str, Any]:
    record: dict[str, Any] = {"id": event_id, **act.fields}
    source: dict[str, Any] = {"title": title, "published": drafts.published.isoformat()}
    _as_period(record, act.precision)
    record["sources"] = [source]
    record["notes"] = NOTE
    remarks = list(act.remarks)
    if drafts.published_from == "today":
        remarks.append("no publication date given (--published) nor found: dates resolved against today")
    record["provenance"] = {
        "draft": True,
        "tool": f"sanctions-check {__version__} draft",
        "source": text.source,
        "text_sha256": text.sha256,
        "quotes": [{"text": s.text, "start": s.start, "end": s.end, "line": text.line_of(s.start)}
                   for s in act.sentences],
        "date_precision": act.precision,
        "confidence": dict(sorted(act.confidence.items())),
        **({"remarks": remarks} if remarks else {}),
    }
    return record


def _as_period(record: dict[str, Any], precision: str) -> None:
    """A month or a year in the contract's period form ("2024-09", "2024"): validation
    reads it as its first and last days and keeps the form in `date_period`."""
    width = {"month": 7, "year": 4}.get(precision)
    if width is None or "date" not in record:
        return
    written = str(record["date"])[:width]
    first, last = period(written) or (None, None)
    if first is not None and str(record.get("end_date")) == last.isoformat() and str(record["date"]) == first.isoformat():
        record["date"] = written
        record.pop("end_date")


def _title(text: ReportText) -> str:
    first = split(text.text[:400])[:1]
    if first and not first[0].text.rstrip().endswith((".", "!", "?")) and len(first[0].text) < 120:
        return first[0].text
    return Path(text.source).name


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    if record.get("date_period"):  # written as the analyst would: date "2023-11"
        record["date"] = record.pop("date_period")
        record.pop("end_date", None)
    item = record.get("item")
    if item:  # the model holds amounts as floats; "9000000" reads better than "9000000.0"
        record["item"] = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in item.items()}
    return {key: record[key] for key in sorted(record, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER))}
