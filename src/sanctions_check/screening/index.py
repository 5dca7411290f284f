"""The precomputed side of screening: every list name in every form, indexed by token.

Built once per list. A query is scored only against the names that share a token with it
(exactly, or fuzzily for words of five letters or more), so screening costs what the
query's tokens touch, not the size of the list.

The score of a query form Q against a list form L is a weighted, symmetric token match
(a soft Dice coefficient):

    100 * (sum_i w_i * s_i + sum_j w_j * s_j) / (sum_i w_i + sum_j w_j)

where s_i is the best similarity of query token i to any token of L (1 for the same
canonical spelling, the rapidfuzz ratio / 100 for a close spelling, else 0), and s_j the
same for list token j. Word order does not matter; a word on one side only counts 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from sanctions_check.lists.model import ListEntry
from sanctions_check.screening.block import Blocks
from sanctions_check.screening.phrases import PhraseIndex
from sanctions_check.screening.normalize import Kind, NameForm, Normalizer, skeleton

NameRole = Literal["primary", "good", "low"]
# A low-quality alias is a weak identifier (the UN's own grading): its score counts 90%, so an
# exact match on one still passes the threshold but a fuzzy one must be close.
LOW_ALIAS_WEIGHT = 0.9
ROLE_WEIGHT = {"primary": 1.0, "good": 1.0, "low": LOW_ALIAS_WEIGHT}
# The threshold blocks are chosen for (match.DEFAULT_THRESHOLD, which a test holds equal);
# a look-up at a lower threshold opens a form on any of its keys.
BLOCK_THRESHOLD = 88.0
# Romanised Korean syllables are short: one letter apart is another syllable (NAM/SAM,
# SON/SONG are different listed persons' names). Only words of 5+ letters match fuzzily.
MIN_FUZZY_LENGTH = 5
# Below this ratio two long words are different words ("KUMSAN"/"KUMRYONG" 57, typos 83-92).
FUZZY_TOKEN_CUTOFF = 80.0


@dataclass(frozen=True)
class ListForm:
    """One form of one name of one list entry."""

    entry: int
    name: str
    role: NameRole
    form: NameForm


def kind_of(entry_type: str) -> Kind:
    return "person" if entry_type == "individual" else "organisation"


def token_similarity(a: str, a_joined: bool, b: str, b_joined: bool) -> float:
    """1.0 for the same canonical token, the ratio for close long words, else 0."""
    if a == b:
        return 1.0
    # Joined forms only match exactly: a run-together "KOREAKUMSANTRADING" is close to
    # "KOREAKUMRYONGTRADING" by letters but names another entity.
    if a_joined or b_joined or len(a) < MIN_FUZZY_LENGTH or len(b) < MIN_FUZZY_LENGTH:
        return 0.0
    ratio = fuzz.ratio(a, b)
    return ratio / 100 if ratio >= FUZZY_TOKEN_CUTOFF else 0.0


def align(query: NameForm, listed: NameForm) -> list[tuple[int, int, float]]:
    """One-to-one pairs (query token, list token, similarity), most similar first.

    Greedy on a handful of tokens. It keeps one list word from answering for two query
    words: "KIM YO JONG" against KIM JUNG JONG (jung and jong are one spelling) pairs
    jong once, leaving yo and the second jong unmatched.
    """
    candidates = sorted(
        ((token_similarity(a, a_joined, b, b_joined), i, j)
         for i, (a, a_joined) in enumerate(zip(query.tokens, query.joined, strict=True))
         for j, (b, b_joined) in enumerate(zip(listed.tokens, listed.joined, strict=True))),
        reverse=True,
    )
    used_query: set[int] = set()
    used_listed: set[int] = set()
    pairs = []
    for similarity, i, j in candidates:
        if similarity <= 0:
            break
        if i not in used_query and j not in used_listed:
            used_query.add(i)
            used_listed.add(j)
            pairs.append((i, j, similarity))
    return pairs


def aligned_score(query: NameForm, listed: NameForm, pairs: list[tuple[int, int, float]]) -> float:
    """The soft Dice score (0-100) of an alignment."""
    total = query.total_weight + listed.total_weight
    matched = sum(s * (query.weights[i] + listed.weights[j]) for i, j, s in pairs)
    return 100.0 * matched / total if total else 0.0


class NameIndex:
    """List forms of one kind (persons, or organisations and vessels) with a token index."""

    def __init__(self, forms: list[ListForm], kind: Kind = "organisation") -> None:
        self.forms = forms
        self.phrases = PhraseIndex(forms, kind)
        self._postings: dict[str, list[tuple[int, int]]] = {}
        fuzzy: set[str] = set()
        for number, item in enumerate(forms):
            for position, (token, joined) in enumerate(zip(item.form.tokens, item.form.joined, strict=True)):
                self._postings.setdefault(token, []).append((number, position))
                if not joined and len(token) >= MIN_FUZZY_LENGTH:
                    fuzzy.add(token)
        self._fuzzy_vocabulary = sorted(fuzzy)
        self.skeletons = {skeleton(token) for token in self._postings}  # see Normalizer.block_tokens
        self._similar_cache: dict[str, list[tuple[str, float]]] = {}
        self._near: dict[str, dict[str, float]] = {}  # a word's close list tokens, as a mapping (bounded)
        self._blocks = Blocks(forms, ROLE_WEIGHT, BLOCK_THRESHOLD)
        self.blocking = True  # False: every form sharing a token is scored (the lane blocking is tested against)

    def candidates(self, words: list[str], weights: list[float], joined: list[str], threshold: float,
                   allowed: frozenset[int] | None = None) -> set[int]:
        """The forms a name with these canonical words (and weights) and joined tokens
        (`Normalizer.block_tokens`) could reach `threshold` against; empty for most names of a feed.

        First the blocks; then, on the words alone, the bound of `score` taken over every
        form of the query at once (joining keeps a name's total weight, and a joined query
        token matches only exactly, so a form holding none of them is bounded by its words).
        """
        found = (self._blocks.candidates(words, joined, self._similar, threshold) if self.blocking
                 else self._blocks.sharing(words, joined, self._similar))
        if not found:
            return found
        if not self.blocking:
            return {n for n in found if allowed is None or self.forms[n].entry in allowed}
        return self.reachable(found, words, weights, joined, threshold, allowed)

    def reachable(self, found: Iterable[int], words: list[str], weights: list[float], joined: list[str],
                  threshold: float, allowed: frozenset[int] | None = None) -> set[int]:
        """Of the forms `found` by the blocks, those the bound on the words does not rule out."""
        allowed_set = allowed
        close = _closeness([self._near_word(word) for word in words])
        joined_set = set(joined)
        total = sum(weights)
        kept = set()
        for number in found:
            item = self.forms[number]
            if allowed_set is not None and item.entry not in allowed_set:
                continue
            listed = item.form
            if not joined_set.isdisjoint(listed.tokens):
                kept.add(number)
                continue
            if _bound(close, weights, total, listed) * ROLE_WEIGHT[item.role] + 1e-9 >= threshold:
                kept.add(number)
        return kept

    def opened_by(self, word: str) -> frozenset[int]:
        """The forms a query word (canonical) opens at the threshold blocks were chosen for."""
        return self._blocks.opened_by(word, self._similar)

    def is_near(self, word: str) -> bool:
        """Whether a query word (canonical) is a list token or close to one."""
        return bool(self._near_word(word))

    def token_listed(self, token: str) -> bool:
        return self._blocks.listed(token)

    def _near_word(self, word: str) -> dict[str, float]:
        near = self._near.get(word)
        if near is None:
            if len(self._near) >= 100_000:  # bounded: a long run of new words must not grow it forever
                self._near.clear()
            near = self._near[word] = dict(self._similar(word, False))
        return near

    def _similar(self, token: str, joined: bool) -> list[tuple[str, float]]:
        exact = [(token, 1.0)] if token in self._postings else []
        if joined or len(token) < MIN_FUZZY_LENGTH:
            return exact
        cached = self._similar_cache.get(token)
        if cached is None:
            found = process.extract(token, self._fuzzy_vocabulary, scorer=fuzz.ratio,
                                    score_cutoff=FUZZY_TOKEN_CUTOFF, limit=None)
            cached = [(other, score / 100) for other, score, _ in found if other != token]
            if len(self._similar_cache) < 100_000:  # bounded: a long run of unique names must not grow it forever
                self._similar_cache[token] = cached
        return exact + cached

    def score(self, query: NameForm, candidates: Iterable[int]) -> dict[int, float]:
        """Upper bounds (0-100) of the score of each candidate form (see `candidates`).

        Each token takes its best counterpart, without the one-to-one constraint of `align`:
        cheap, and never below the aligned score, so it safely discards the forms that
        cannot reach the threshold before the exact alignment is computed for the rest.
        """
        close = _closeness([dict(self._similar(token, joined))
                            for token, joined in zip(query.tokens, query.joined, strict=True)])
        weights, total = query.weights, query.total_weight
        forms = self.forms
        scores = {}
        for number in candidates:
            bound = _bound(close, weights, total, forms[number].form)
            if bound:
                scores[number] = bound
        return scores


Closeness = dict[str, list[tuple[int, float]]]  # list token -> (query token, similarity) pairs


def _closeness(similar: list[dict[str, float]]) -> Closeness:
    """`similar[i]` (the list tokens close to query token i) turned round: by list token."""
    merged: Closeness = {}
    for i, found in enumerate(similar):
        for token, value in found.items():
            merged.setdefault(token, []).append((i, value))
    return merged


def _bound(close: Closeness, weights: Sequence[float], total: float, listed: NameForm) -> float:
    """The soft Dice score with each token taking its best counterpart, one-to-one or not."""
    query_best: dict[int, float] = {}
    matched = 0.0
    for token, weight in zip(listed.tokens, listed.weights, strict=True):
        pairs = close.get(token)
        if pairs:
            best = 0.0
            for i, value in pairs:
                if value > best:
                    best = value
                if value > query_best.get(i, 0.0):
                    query_best[i] = value
            matched += weight * best
    if not matched:
        return 0.0
    matched += sum([weights[i] * s for i, s in query_best.items()])
    return 100.0 * matched / (total + listed.total_weight)


def build_indexes(entries: list[ListEntry], normalizer: Normalizer) -> dict[Kind, NameIndex]:
    """One index for individuals' names, one for entities' and vessels' names."""
    forms: dict[Kind, list[ListForm]] = {"person": [], "organisation": []}
    for number, entry in enumerate(entries):
        kind = kind_of(entry.entry_type)
        seen: set[tuple[tuple[str, ...], tuple[bool, ...]]] = set()
        # names() gives the primary name first and low-quality aliases after good ones win ties:
        # a form already indexed under a stronger name is not indexed again under a weaker one.
        for name, quality in sorted(entry.names(), key=lambda item: _ROLE_ORDER[item[1] or "primary"]):
            role: NameRole = quality or "primary"
            # 'OCEAN MARITIME MANAGEMENT ... (OMM)': the name and the bracketed acronym both count.
            for part in normalizer.parts(name, kind):
                for form in normalizer.forms(part, kind):
                    if (form.tokens, form.joined) not in seen:
                        seen.add((form.tokens, form.joined))
                        forms[kind].append(ListForm(number, name, role, form))
    return {kind: NameIndex(items, kind) for kind, items in forms.items()}


_ROLE_ORDER = {"primary": 0, "good": 1, "low": 2}
