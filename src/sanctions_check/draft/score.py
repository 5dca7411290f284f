"""Drafts against the drafts an analyst wrote: precision and recall of acts and of fields.

An expected act is a YAML record with the words of its sentence (`sentence`) and the
fields an analyst keeps; a draft is its match when one of its quotes holds those words
(the draft agreeing on most fields, if several do). Fields are compared one by one, text
without regard to case. Field precision counts every field of every draft, so a draft
that matches nothing costs precision twice: as an act and as its fields.

    python -m sanctions_check.draft.score TEXTS_DIR EXPECTED_DIR
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanctions_check.model.event import period
from sanctions_check.ruleset.safe_yaml import load_yaml_file

SCORED = ("kind", "origin.country", "origin.name", "destination.country", "destination.name", "via",
          "item.description", "item.quantity", "item.unit", "item.value_usd", "activity",
          "vessel.name", "vessel.flag", "vessel.activity", "date", "end_date", "status")


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """The scored fields of a record; a period date ("2023-11") as its first and last days."""
    spans = period(str(record.get("date", "")))
    if spans is not None:
        record = dict(record, date=spans[0].isoformat(), end_date=record.get("end_date") or spans[1].isoformat())
    flat: dict[str, Any] = {}
    for key in SCORED:
        value: Any = record
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value not in (None, [], ""):
            flat[key] = value
    return flat


def same(expected: Any, produced: Any) -> bool:
    if isinstance(expected, (dt.date, str)) and isinstance(produced, (dt.date, str)):
        return str(expected).strip().lower() == str(produced).strip().lower()
    if isinstance(expected, (int, float)) and isinstance(produced, (int, float)):
        return abs(float(expected) - float(produced)) < 1e-6
    return expected == produced


@dataclass
class Mismatch:
    text: str
    sentence: str
    field: str
    expected: Any
    produced: Any


@dataclass
class Score:
    acts_expected: int = 0
    acts_produced: int = 0
    acts_matched: int = 0
    fields_expected: int = 0
    fields_produced: int = 0
    fields_correct: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)  # (text, sentence) of acts not drafted
    spurious: list[tuple[str, str]] = field(default_factory=list)  # (text, quote) of drafts matching none

    @staticmethod
    def _ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def act_precision(self) -> float:
        return self._ratio(self.acts_matched, self.acts_produced)

    @property
    def act_recall(self) -> float:
        return self._ratio(self.acts_matched, self.acts_expected)

    @property
    def field_precision(self) -> float:
        return self._ratio(self.fields_correct, self.fields_produced)

    @property
    def field_recall(self) -> float:
        return self._ratio(self.fields_correct, self.fields_expected)

    def summary(self) -> str:
        return (f"acts: precision {self.act_precision:.2f} ({self.acts_matched}/{self.acts_produced}), "
                f"recall {self.act_recall:.2f} ({self.acts_matched}/{self.acts_expected}); "
                f"fields: precision {self.field_precision:.2f} ({self.fields_correct}/{self.fields_produced}), "
                f"recall {self.field_recall:.2f} ({self.fields_correct}/{self.fields_expected})")


def score_text(name: str, expected: list[dict[str, Any]], produced: list[dict[str, Any]], into: Score) -> Score:
    into.acts_expected += len(expected)
    into.acts_produced += len(produced)
    flat_produced = [flatten(record) for record in produced]
    into.fields_produced += sum(len(flat) for flat in flat_produced)
    taken: set[int] = set()
    for wanted in expected:
        flat_wanted = flatten(wanted)
        into.fields_expected += len(flat_wanted)
        candidates = [n for n, record in enumerate(produced) if n not in taken and any(
            wanted["sentence"] in quote["text"] for quote in record.get("provenance", {}).get("quotes", []))]
        if not candidates:
            into.missed.append((name, wanted["sentence"]))
            continue
        best = max(candidates, key=lambda n: sum(same(v, flat_produced[n].get(k)) for k, v in flat_wanted.items()))
        taken.add(best)
        into.acts_matched += 1
        for key in sorted(set(flat_wanted) | set(flat_produced[best])):
            if key in flat_wanted and same(flat_wanted[key], flat_produced[best].get(key)):
                into.fields_correct += 1
            else:
                into.mismatches.append(Mismatch(name, wanted["sentence"], key, flat_wanted.get(key),
                                                flat_produced[best].get(key)))
    for n, record in enumerate(produced):
        if n not in taken:
            quotes = record.get("provenance", {}).get("quotes", [{}])
            into.spurious.append((name, quotes[0].get("text", "")))
    return into


def score_corpus(texts: Path, expected_dir: Path) -> Score:
    """Draft every text that has an expected file and score the drafts."""
    from sanctions_check.api import load_rules
    from sanctions_check.draft import draft_file

    rules = load_rules()
    total = Score()
    for path in sorted(expected_dir.glob("*.yaml")):
        wanted = load_yaml_file(path)
        published = wanted["published"]
        published = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published))
        drafts = draft_file(texts / wanted["text"], rules, published)
        score_text(wanted["text"], wanted["drafts"], drafts.records, total)
    return total


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m sanctions_check.draft.score TEXTS_DIR EXPECTED_DIR", file=sys.stderr)
        return 2
    total = score_corpus(Path(argv[0]), Path(argv[1]))
    for miss in total.mismatches:
        print(f"{miss.text}: '{miss.sentence[:50]}' {miss.field}: expected {miss.expected!r}, drafted {miss.produced!r}")
    for name, sentence in total.missed:
        print(f"{name}: not drafted: '{sentence}'")
    for name, quote in total.spurious:
        print(f"{name}: drafted, not expected: '{quote[:80]}'")
    print(total.summary())
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
