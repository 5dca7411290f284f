"""Blocking loses no match: the blocked screener finds what scoring every form sharing a
word finds, on generated feed names, the labelled pairs and respelled listed names.

The fast lane (blocks, then a bound on the words) is derived from the scores it skips;
this holds it to the full lane on generated input, at the default threshold (the blocks)
and below it (every word opens its forms).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from benchmarks.bench_screening import generate
from benchmarks.party_names import name_pool
from sanctions_check.lists.model import DesignationList
from sanctions_check.screening.index import BLOCK_THRESHOLD
from sanctions_check.screening.match import DEFAULT_THRESHOLD, Screener
from sanctions_check.screening.normalize import Normalizer, skeleton

PAIRS = Path(__file__).resolve().parent / "data" / "name_pairs.csv"


def _names(designations: DesignationList) -> list[tuple[str, str | None]]:
    feed = name_pool(random.Random(14), 1500)
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        pairs = [(row["query"], None) for row in csv.DictReader(handle)]
    listed = [(name, None) for name in generate(600, [e.primary_name for e in designations.entries], seed=11)]
    aliases = [(a.name, e.entry_type) for e in designations.entries for a in e.aliases]
    return [(name, kind) for name, kind in feed] + pairs + listed + aliases  # type: ignore[misc]


def _found(screener: Screener, names: list[tuple[str, str | None]], threshold: float) -> list[tuple[str, dict]]:
    return [(name, {entry: round(best[0], 6) for entry, best in screener.scores(name, kind, threshold).items()})  # type: ignore[arg-type]
            for name, kind in names]


@pytest.fixture(scope="module")
def unblocked(designations: DesignationList) -> Screener:
    screener = Screener(designations)
    for index in screener._indexes.values():
        index.blocking = False
    return screener


def test_no_romanisation_rule_changes_a_spelling_s_skeleton() -> None:
    # Blocking works out a whole name's joined spelling only when its skeleton is a listed
    # token's: sound only while the rules keep skeletons (vowels, ch/j, g/k, b/p, d/t, doubles).
    normalizer = Normalizer.from_rules()
    rng = random.Random(2397)
    letters = "aeiouychsgnkbpdtjrlmw"
    for _ in range(20_000):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 14)))
        assert skeleton(normalizer._apply_rules(word)) == skeleton(word), word


def test_blocks_are_chosen_for_the_default_threshold() -> None:
    assert BLOCK_THRESHOLD == DEFAULT_THRESHOLD


@pytest.mark.parametrize("threshold", [DEFAULT_THRESHOLD, 95.0, 80.0])
def test_blocking_finds_every_match_that_scoring_every_sharing_form_finds(
        designations: DesignationList, unblocked: Screener, threshold: float) -> None:
    names = _names(designations)
    blocked = Screener(designations)
    fast, full = _found(blocked, names, threshold), _found(unblocked, names, threshold)
    differ = [(name, f, g) for (name, f), (_, g) in zip(fast, full, strict=True) if f != g]
    assert not differ, differ[:5]
    # The comparison means something only if matches are found and most names have none.
    matched = sum(bool(found) for _, found in full)
    assert 300 < matched < len(names) / 2, matched


def test_most_feed_names_stop_at_the_blocks(designations: DesignationList) -> None:
    screener = Screener(designations)
    normalizer = screener.normalizer
    feed = name_pool(random.Random(14), 2000)
    opened = 0
    for name, kind in feed:
        index_kind = "person" if kind == "individual" else "organisation"
        words, weights, joined = normalizer.block_tokens(name, index_kind)
        opened += bool(screener._indexes[index_kind].candidates(words, weights, joined, DEFAULT_THRESHOLD))
    assert opened < len(feed) * 0.02, opened
