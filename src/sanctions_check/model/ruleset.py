"""A loaded rule set: provisions, caps, conversions and classification tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sanctions_check.model.rule import Cap, Conversions, Provision


@dataclass(frozen=True)
class KeywordEntry:
    """Description words that put an item in a category, with the table's source."""

    category: str
    phrases: tuple[str, ...]
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class HsEntry:
    prefix: str
    categories: tuple[str, ...]
    label: str


# eq=False: identity hashing, so a loaded rule set can key caches.
@dataclass(frozen=True, eq=False)
class RuleSet:
    id: str
    version: str
    title: str
    sha256: str
    files: tuple[str, ...]
    provisions: tuple[Provision, ...]
    caps: tuple[Cap, ...]
    conversions: Conversions
    keywords: tuple[KeywordEntry, ...]
    hs_table: tuple[HsEntry, ...]
    subcategories: frozenset[str] = field(default_factory=frozenset)

    def provision(self, rule_id: str) -> Provision:
        for provision in self.provisions:
            if provision.id == rule_id:
                return provision
        raise KeyError(rule_id)

    def cap(self, cap_id: str) -> Cap:
        for cap in self.caps:
            if cap.id == cap_id:
                return cap
        raise KeyError(cap_id)

    def in_force_on(self, day: dt.date) -> list[Provision]:
        """What applied on `day`: the first-class question of a dated rule set."""
        return [p for p in self.provisions if p.applies_on(day)]
