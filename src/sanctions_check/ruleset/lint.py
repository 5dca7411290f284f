"""Cross-record checks a single record's schema cannot make."""

from __future__ import annotations

from sanctions_check.model.ruleset import RuleSet
from sanctions_check.model.vocabulary import CATEGORIES


def lint(ruleset: RuleSet) -> list[str]:
    problems: list[str] = []
    ids = [p.id for p in ruleset.provisions]
    known_ids = set(ids)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"duplicate provision ids: {', '.join(duplicates)}")
    known_categories = set(CATEGORIES) | ruleset.subcategories
    cap_ids = {c.id for c in ruleset.caps}
    for p in ruleset.provisions:
        for category in [*(p.when.categories or []), *(p.when.with_categories or [])]:
            if category not in known_categories:
                problems.append(f"provision '{p.id}': unknown category '{category}'")
        if p.when.cap_exceeded and p.when.cap_exceeded not in cap_ids:
            problems.append(f"provision '{p.id}': unknown cap '{p.when.cap_exceeded}'")
        for link in p.superseded_by:
            if link.rule not in known_ids:
                problems.append(f"provision '{p.id}': superseded_by names unknown rule '{link.rule}'")
        for ref in p.extends:
            if ref not in known_ids:
                problems.append(f"provision '{p.id}': extends names unknown rule '{ref}'")
        if p.when.kind is None and p.when.direction is None and not p.when.designated:
            # Without a kind, direction or party test a rule matches nearly everything.
            problems.append(f"provision '{p.id}': 'when' needs kind, direction or designated")
    for cap in ruleset.caps:
        for period in cap.periods:
            if period.provision not in known_ids:
                problems.append(f"cap '{cap.id}': period names unknown provision '{period.provision}'")
        for category in cap.counts.categories or []:
            if category not in known_categories:
                problems.append(f"cap '{cap.id}': unknown category '{category}'")
    return problems
