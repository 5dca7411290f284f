"""The tables a draft is read with: places (rules/tables/places.yaml) and reporting
language (rules/tables/draft-language.yaml), loaded once and checked on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sanctions_check.errors import RuleError
from sanctions_check.lists.store import rules_dir
from sanctions_check.model.countries import ISO_ALPHA2
from sanctions_check.model.vocabulary import EVENT_KINDS, VESSEL_ACTIVITIES
from sanctions_check.ruleset.safe_yaml import load_yaml_file

PLACES = "places.yaml"
LANGUAGE = "draft-language.yaml"


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]  # the words as written, lower case
    kind: str
    subject: str  # "origin", "destination", or "exchange" (the goods paying for the act before)
    activity: str | None = None  # vessel activity
    ambiguous: bool = False


# eq=False: identity hashing, so the loaded tables can key caches.
@dataclass(frozen=True, eq=False)
class Language:
    triggers: tuple[Trigger, ...]
    objects: dict[str, tuple[str, ...]]  # kind -> object words that impose it
    status: tuple[tuple[str, tuple[str, ...]], ...]  # strongest first
    follow_up: frozenset[str]
    reporting_verbs: frozenset[str]
    units: dict[str, str]  # word -> contract unit
    heads: frozenset[str]
    modifiers: frozenset[str]
    reporting_nouns: frozenset[str]


def tables_dir() -> Path:
    return rules_dir() / "tables"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml_file(path)
    except FileNotFoundError:
        raise RuleError(f"{path}: table not found", "restore it from the shipped rules/tables") from None
    except yaml.YAMLError as error:
        raise RuleError(f"{path}: not valid YAML: {error}".replace("\n", " ")) from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping", "compare with the shipped rules/tables file")
    return data


@lru_cache(maxsize=4)
def places_table(tables: Path | None = None) -> dict[str, dict[str, tuple[str, ...]]]:
    """code -> {"names"|"demonyms"|"capitals"|"cities": words}."""
    path = (tables or tables_dir()) / PLACES
    places = _read(path).get("places")
    if not isinstance(places, dict):
        raise RuleError(f"{path}: no `places` mapping", "compare with the shipped rules/tables/places.yaml")
    table: dict[str, dict[str, tuple[str, ...]]] = {}
    for code, groups in places.items():
        if code not in ISO_ALPHA2 or not isinstance(groups, dict):
            raise RuleError(f"{path}: `{code}` is not an ISO 3166-1 alpha-2 code with word lists")
        table[code] = {group: tuple(str(w) for w in words) for group, words in groups.items()}
    return table


@lru_cache(maxsize=4)
def language(tables: Path | None = None) -> Language:
    path = (tables or tables_dir()) / LANGUAGE
    data = _read(path)
    try:
        triggers = [_trigger(entry, path) for entry in data["acts"]]
        for kind, words in data.get("ambiguous", {}).items():
            subject = "origin"
            triggers.extend(Trigger((str(w).lower(),), kind, subject, None, True) for w in words)
        status = tuple((name, tuple(str(w).lower() for w in data["status"][name]))
                       for name in ("denied", "confirmed", "alleged"))
        units = {str(word).lower(): unit for unit, words in data["units"].items() for word in words}
        return Language(
            triggers=tuple(triggers),
            objects={kind: tuple(str(w).lower() for w in words) for kind, words in data["objects"].items()},
            status=status,
            follow_up=frozenset(str(w).lower() for w in data.get("follow_up", ())),
            reporting_verbs=frozenset(str(w).lower() for w in data.get("reporting_verbs", ())),
            units=units,
            heads=frozenset(str(w).lower() for w in data.get("heads", ())),
            modifiers=frozenset(str(w).lower() for w in data.get("modifiers", ())),
            reporting_nouns=frozenset(str(w).lower() for w in data.get("reporting_nouns", ())),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise RuleError(f"{path}: malformed table ({error!r})",
                        "compare with the shipped rules/tables/draft-language.yaml") from None


def _trigger(entry: dict[str, Any], path: Path) -> Trigger:
    kind, subject, activity = entry["kind"], entry["subject"], entry.get("activity")
    if kind not in EVENT_KINDS or subject not in ("origin", "destination", "exchange") or (
            activity is not None and activity not in VESSEL_ACTIVITIES):
        raise RuleError(f"{path}: act entry {entry!r} has an unknown kind, subject or activity",
                        f"kinds are {', '.join(EVENT_KINDS)}; subject is origin, destination or exchange")
    return Trigger(tuple(str(w).lower() for w in entry["words"]), kind, subject, activity)
