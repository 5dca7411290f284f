"""The drafts of the report texts in tests/draft/texts against the drafts an analyst
wrote first (tests/draft/expected), field by field; and every draft is an event that
`check` evaluates."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
import yaml

from sanctions_check.api import LoadedEvents, check
from sanctions_check.draft import NOTE, draft_file, read_report
from sanctions_check.draft.sentences import split
from sanctions_check.draft.score import Score, score_corpus, score_text
from sanctions_check.model.ruleset import RuleSet

HERE = Path(__file__).parent
TEXTS, EXPECTED = HERE / "texts", HERE / "expected"
CASES = sorted(EXPECTED.glob("*.yaml"))

# Floors for the whole corpus (measured: see the README, "Drafting events"); a change to
# the extractor or the tables that drafts worse than this fails here.
ACT_PRECISION, ACT_RECALL = 0.9, 0.9
FIELD_PRECISION, FIELD_RECALL = 0.85, 0.85


def _case(path: Path) -> tuple[Path, dt.date, list[dict]]:
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    return TEXTS / expected["text"], expected["published"], expected["drafts"]


def _sentence_of(plain: str, words: str) -> int:
    at = plain.index(words)
    return next(n for n, s in enumerate(split(plain)) if s.start <= at < s.end)


def test_the_corpus_covers_each_kind_status_vague_dates_quantities_and_shared_sentences() -> None:
    kinds, statuses, periods, quantities, shared = set(), set(), 0, 0, 0
    for path in CASES:
        text, _, drafts = _case(path)
        kinds |= {d["kind"] for d in drafts}
        statuses |= {d["status"] for d in drafts}
        periods += sum("end_date" in d for d in drafts)
        quantities += sum(bool({"quantity", "value_usd"} & set(d.get("item", {}))) for d in drafts)
        plain = read_report(text).text
        numbers = [_sentence_of(plain, d["sentence"]) for d in drafts]
        shared += len(numbers) != len(set(numbers))  # several acts in one sentence
    assert len(CASES) >= 10
    assert kinds == {"transfer", "service", "financial", "labor", "vessel", "travel"}
    assert statuses == {"denied", "alleged", "confirmed", "reported"}
    assert periods >= 10 and quantities >= 8 and shared >= 3


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_expected_act_is_drafted_from_its_sentence(path: Path, rules: RuleSet) -> None:
    text, published, expected = _case(path)
    drafts = draft_file(text, rules, published)
    score = score_text(path.stem, expected, drafts.records, Score())
    assert not score.missed, f"acts not drafted: {score.missed}"
    assert not drafts.rejected


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_drafts_quote_the_text_exactly_and_say_they_are_drafts(path: Path, rules: RuleSet) -> None:
    text, published, _ = _case(path)
    drafts = draft_file(text, rules, published)
    plain = drafts.text.text
    for record in drafts.records:
        provenance = record["provenance"]
        assert record["notes"] == NOTE and provenance["draft"] is True
        assert provenance["text_sha256"] == hashlib.sha256(plain.encode("utf-8")).hexdigest()
        for quote in provenance["quotes"]:
            assert plain[quote["start"]:quote["end"]] == quote["text"]
        guessed = set(provenance["confidence"])
        assert {"kind", "origin.country", "destination.country", "date", "status"} <= guessed
        assert all(0 < value <= 1 for value in provenance["confidence"].values())


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_check_evaluates_every_draft(path: Path, rules: RuleSet) -> None:
    text, published, _ = _case(path)
    drafts = draft_file(text, rules, published)
    report = check(LoadedEvents(events=drafts.events), rules, screening=False)
    assert report.summary.events == len(drafts.records) and report.summary.rejected == 0
    assert {r.event_id for r in report.results} == {d["id"] for d in drafts.records}


def test_precision_and_recall_stay_above_their_floors(capsys: pytest.CaptureFixture[str]) -> None:
    score = score_corpus(TEXTS, EXPECTED)
    with capsys.disabled():
        print(f"\ndraft corpus ({len(CASES)} texts): {score.summary()}")
    details = [f"{m.text} {m.field}: {m.expected!r} != {m.produced!r}" for m in score.mismatches]
    assert score.act_precision >= ACT_PRECISION and score.act_recall >= ACT_RECALL, score.summary()
    assert score.field_precision >= FIELD_PRECISION and score.field_recall >= FIELD_RECALL, details


def test_the_luxury_car_draft_is_flagged_as_a_luxury_good(rules: RuleSet) -> None:
    text, published, _ = _case(EXPECTED / "putin-visit.yaml")
    drafts = draft_file(text, rules, published)
    report = check(LoadedEvents(events=drafts.events), rules, screening=False)
    car = next(r for r in report.results if r.item and "limousine" in r.item.lower())
    assert car.verdict == "potential_violation"
    assert any(f.resolution == 2094 and "Luxury" in f.title for f in car.findings)
