"""Item -> legal categories, recording how each category was derived.

Sources, in order of trust: the category the reporter gave, the HS code (via the HS
table), then words of the description or activity (via the keyword table). Both tables
are data in rules/unsc-dprk/tables/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sanctions_check.model.event import Event
from sanctions_check.model.ruleset import HsEntry, KeywordEntry, RuleSet


@dataclass(frozen=True)
class Derivation:
    category: str
    source: str  # "given", "hs_code", "description", "activity", "related_to"
    detail: str  # the HS code or the words that matched

    def describe(self) -> str:
        label = self.category.replace("_", " ")
        if self.source == "given":
            return f"category {label} given in the event"
        if self.source == "hs_code":
            return f"HS {self.detail} → {label}"
        if self.source == "related_to":
            return f"related to {label} (as reported)"
        return f"classified as {label} from the {self.source} ('{self.detail}')"


@dataclass(frozen=True)
class Classification:
    """Frozen: one classification is shared by every event with the same item words."""

    categories: frozenset[str] = frozenset()
    hs: str | None = None  # digits only; may be implied by a description keyword
    hs_source: str | None = None
    derivations: tuple[Derivation, ...] = ()

    def how(self, category: str) -> Derivation | None:
        return next((d for d in self.derivations if d.category == category), None)


@dataclass
class _Found:
    """A classification while it is being worked out."""

    categories: set[str] = field(default_factory=set)
    hs: str | None = None
    hs_source: str | None = None
    derivations: list[Derivation] = field(default_factory=list)

    def add(self, category: str, source: str, detail: str) -> None:
        if category not in self.categories:
            self.categories.add(category)
            self.derivations.append(Derivation(category, source, detail))

    def done(self) -> Classification:
        return Classification(frozenset(self.categories), self.hs, self.hs_source, tuple(self.derivations))


# Words of a description: letters and digits, joined by -'.&/ inside a word ("t-90",
# "kn-23", "rolls-royce"), with a possessive apostrophe kept ("workers' party").
_TOKEN = re.compile(r"[^\W_]+(?:[-'.&/][^\W_]+)*'?")


def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.lower()))


def singular(word: str) -> str:
    """An English plural made singular by its spelling ("rounds", "batteries", "boxes"); other
    words as they are. Short words and -ss/-us/-is endings ("gas", "glass", "analysis") are kept."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


_CACHE_MAX = 8192  # distinct item descriptions remembered; cleared when full


class Classifier:
    """Built once per rule set: every keyword phrase indexed by its words.

    Each run of words of a description is looked up, so overlapping phrases all count
    ("aurus senat limousine" is both "aurus senat" and "limousine"), and the longest
    phrase found for a category is the one the finding names.
    """

    def __init__(self, keywords: tuple[KeywordEntry, ...], hs_table: tuple[HsEntry, ...]) -> None:
        self._hs_by_prefix: dict[str, list[HsEntry]] = {}
        for row in hs_table:
            self._hs_by_prefix.setdefault(row.prefix, []).append(row)
        self._by_phrase: dict[tuple[str, ...], list[KeywordEntry]] = {}
        for entry in keywords:
            for phrase in entry.phrases:
                self._by_phrase.setdefault(tokens(phrase), []).append(entry)
        self._longest = max((len(k) for k in self._by_phrase), default=0)
        self._first_words = {key[0] for key in self._by_phrase}
        self._cache: dict[tuple, Classification] = {}

    def classify(self, event: Event) -> Classification:
        """The categories of the event's item, related_to and activity.

        The result is shared between events with the same item words (a feed repeats a few
        descriptions thousands of times), which is why it is frozen.
        """
        item = event.item
        key = (
            None if item is None else (item.category, item.hs_digits, item.description),
            tuple(event.related_to), event.activity if event.kind != "transfer" else None,
        )
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _CACHE_MAX:
                self._cache.clear()
            found = self._cache[key] = self._classify(event)
        return found

    def _classify(self, event: Event) -> Classification:
        result = _Found()
        item = event.item
        if item is not None:
            if item.category:
                result.add(item.category, "given", item.category)
            digits = item.hs_digits
            if digits:
                result.hs, result.hs_source = digits, "event"
                for row in self._hs_rows(digits):
                    for category in row.categories:
                        result.add(category, "hs_code", f"{row.prefix}" + (f" ({row.label})" if row.label else ""))
            if item.description:
                self._from_text(item.description, "description", result)
        for category in event.related_to:
            result.add(category, "related_to", category)
        if event.activity and event.kind != "transfer":
            self._from_text(event.activity, "activity", result)
        return result.done()

    def _hs_rows(self, digits: str) -> list[HsEntry]:
        # Every row whose prefix starts the code, longest first (table prefixes: 2, 4 or 6 digits).
        return [row for width in (6, 4, 2) for row in self._hs_by_prefix.get(digits[:width], ()) if len(digits) >= width]

    def phrases_in(self, text: str) -> list[tuple[str, ...]]:
        """Every keyword phrase in `text`, longest first (ties in reading order), as written there."""
        return [written for _, written in self._matches(text)]

    def _matches(self, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        """(table key, words as written) of every phrase found. A phrase whose last word the text
        gives in the plural matches too ("munitions", "artillery rounds"): tables list the
        singular and press writes both. Only the text is made singular, never a table word,
        so "arm" in a text does not become the table's "arms"."""
        words = tokens(text)
        found = []
        for start in range(len(words)):
            if words[start] not in self._first_words and singular(words[start]) not in self._first_words:
                continue
            for length in range(min(self._longest, len(words) - start), 0, -1):
                written = words[start:start + length]
                for key in (written, written[:-1] + (singular(written[-1]),)):
                    if key in self._by_phrase:
                        found.append((start, key, written))
                        break
        found.sort(key=lambda hit: (-len(hit[1]), hit[0]))
        return [(key, written) for _, key, written in found]

    def _from_text(self, text: str, source: str, result: _Found) -> None:
        for key, written in self._matches(text):
            phrase = " ".join(written)
            for entry in self._by_phrase[key]:
                result.add(entry.category, source, phrase)
                for tag in entry.also:
                    if tag.startswith("hs:"):
                        if result.hs is None:
                            result.hs, result.hs_source = tag[3:], f"{source} ('{phrase}')"
                            for row in self._hs_rows(result.hs):
                                for category in row.categories:
                                    result.add(category, "hs_code", f"{row.prefix} implied by '{phrase}'")
                    else:
                        result.add(tag, source, phrase)


@lru_cache(maxsize=8)
def classifier_for(ruleset: RuleSet) -> Classifier:
    return Classifier(ruleset.keywords, ruleset.hs_table)
