"""How much of each resolution is encoded, verified and exemplified, and what fired."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from sanctions_check.model.ruleset import RuleSet


@dataclass
class ResolutionCoverage:
    resolution: int
    provisions: int = 0
    paragraphs: set[str] = field(default_factory=set)
    verified: int = 0
    with_examples: int = 0
    examples: int = 0
    fired: set[str] = field(default_factory=set)
    unverified_ids: list[str] = field(default_factory=list)


def coverage(ruleset: RuleSet, fired_rule_ids: Iterable[str] = ()) -> list[ResolutionCoverage]:
    fired = set(fired_rule_ids)
    rows: dict[int, ResolutionCoverage] = defaultdict(lambda: ResolutionCoverage(0))
    for p in ruleset.provisions:
        row = rows[p.resolution]
        row.resolution = p.resolution
        row.provisions += 1
        row.paragraphs.add(p.paragraph.split("(")[0])
        row.verified += p.verified
        if not p.verified:
            row.unverified_ids.append(p.id)
        count = len(p.examples.violates) + len(p.examples.near_miss)
        row.examples += count
        row.with_examples += bool(p.examples.violates and p.examples.near_miss)
        if p.id in fired:
            row.fired.add(p.id)
    return [rows[k] for k in sorted(rows)]
