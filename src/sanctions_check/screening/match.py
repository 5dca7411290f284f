"""Screen a name (and a vessel's IMO number) against the designations list, explaining each score.

    screener = Screener(load_designations())          # precomputes every list name once
    for match in screener.screen("Jo Chun Ryong", on_date=date(2024, 6, 19)):
        print(match.reference_number, match.score, match.explanation)

Each match's `features` are named contributions that add up to its score, in the manner of
nomenklatura/yente: exact tokens + fuzzy tokens + alias quality (negative for low-quality
aliases), or the IMO number for a vessel matched on it.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from sanctions_check.lists.model import DesignationList, EntryType, ListEntry
from sanctions_check.screening.decisions import Decision
from sanctions_check.screening.explain import describe_tokens, features_of, label, listing_sentence
from sanctions_check.screening.imo import parse_imo
from sanctions_check.screening.index import BLOCK_THRESHOLD, LOW_ALIAS_WEIGHT, ROLE_WEIGHT, NameIndex, align, aligned_score, build_indexes
from sanctions_check.screening.normalize import MAX_PAIR_JOINS, Kind, NameForm, Normalizer, fold, skeleton
from sanctions_check.screening.phrases import capitals_in, stands_alone

# Measured on tests/screening/data/name_pairs.csv (349 labelled pairs; test_screening_precision_recall.py).
# Two structural points bound the choice. At 85.7 negatives come in: one distinctive word more or less on a
# three-word name scores 6/7 ("Ri Su Yong Sik", "Xin Guang Hai 8"). At 89.7 and below sit positives: a name
# without one of its three generic words ("Kumsan Trading Corporation" for KOREA KUMSAN TRADING CORPORATION).
# 88 is between the two and keeps an exact match on a low-quality alias (90) above it: precision 1.000,
# recall 0.996 (the miss: "Ryonha" for KOREA RYONHA MACHINERY..., 87.0). The pairs were written alongside
# the matcher, so these are in-sample figures.
DEFAULT_THRESHOLD = 88.0
# Names whose scores a Screener remembers, cleared when full: a feed's tens of thousands of
# distinct counterparties fit, and most of them hold nothing (one shared empty result).
_SCORED_MAX = 65_536
# Per list entry: (score, name score before the alias weight, the query form, the list form, its
# index, and for a name found inside the string the words [start, end) of it that it covers).
Best = dict[int, tuple[float, float, NameForm, int, Kind, tuple[int, int] | None]]
_NOTHING: Best = {}  # never written to: the result of most names in a feed
# What a word is to one index (see Screener._word_seen).
WordSeen = tuple[str, float, frozenset[int], bool, bool, bool, str]


class Match(BaseModel):
    """A candidate list entry for a screened name, with the score and how it was reached."""

    reference_number: str
    entry_type: EntryType
    primary_name: str
    matched_name: str = Field(description="the list name or alias that matched (or the IMO number)")
    matched_on: Literal["primary_name", "alias", "imo"]
    alias_quality: Literal["good", "low"] | None = Field(None, description="None for the primary name or an IMO")
    score: float = Field(ge=0, le=100)
    features: dict[str, float] = Field(description="named contributions that add up to the score")
    listed_on: date | None
    active_on_date: bool = Field(description="True when no date was asked or the date is on or after listed_on")
    explanation: str
    matched_part: str | None = Field(None, description="the words of a longer string that the name was found in, as written")
    verified: bool = True
    related: list[str] = Field(default_factory=list, description="listed owners or managers (vessels)")
    review: Decision | None = Field(None, description="a reviewer's decision on this entry for this name")


class ScreeningResult(BaseModel):
    """Everything one look-up found: the matches, and notes (an invalid IMO is a note, not a match)."""

    query: str
    entry_type: EntryType | None = None
    on_date: date | None = None
    imo: str | None = None
    threshold: float
    matches: list[Match] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class Screener:
    """A designations list prepared for screening: normalised once, then many fast look-ups."""

    def __init__(self, designations: DesignationList, normalizer: Normalizer | None = None) -> None:
        self.designations = designations
        self.normalizer = normalizer or Normalizer.from_rules()
        self._entries = designations.entries
        self._indexes = build_indexes(self._entries, self.normalizer)
        of_type: dict[str, set[int]] = {}
        for number, entry in enumerate(self._entries):
            of_type.setdefault(entry.entry_type, set()).add(number)
        self._of_type = {kind: frozenset(numbers) for kind, numbers in of_type.items()}
        self._by_imo = {imo: n for n, e in enumerate(self._entries) if e.entry_type == "vessel" for imo in e.imo_numbers}
        self._scored: dict[tuple[str, EntryType | None, float], Best] = {}  # by the name as written
        self._normal: dict[tuple[str, EntryType | None, float], Best] = {}  # by its folded words
        # Per index, each word seen: (canonical spelling, whether it opens a block or may begin a name).
        self._word_memo: dict[Kind, dict[str, WordSeen]] = {"person": {}, "organisation": {}}
        self._looked_at = {kind: _looked_at(kind) for kind in (None, "individual", "entity", "vessel")}

    def screen(self, name: str, entry_type: EntryType | None = None, on_date: date | None = None,
               imo: str | None = None, threshold: float | None = None) -> list[Match]:
        """Candidates at or above the threshold, best first (see `check` for the notes)."""
        return self.check(name, entry_type, on_date, imo, threshold).matches

    def check(self, name: str, entry_type: EntryType | None = None, on_date: date | None = None,
              imo: str | None = None, threshold: float | None = None) -> ScreeningResult:
        limit = DEFAULT_THRESHOLD if threshold is None else threshold
        result = ScreeningResult(query=name, entry_type=entry_type, on_date=on_date, imo=imo, threshold=limit)
        found: dict[int, Match] = {}
        if imo not in (None, ""):
            found.update(self._imo_matches(str(imo), entry_type, on_date, result.notes))
        by_imo = set(found)
        for number, match in self._name_matches(name, entry_type, on_date, limit).items():
            if number in found:  # matched on the IMO number: it decides, the name is said
                by_imo.discard(number)
                found[number] = found[number].model_copy(update={"explanation": (
                    f"{found[number].explanation} The name '{name}' also matches '{match.matched_name}' "
                    f"(score {match.score:.1f}).")})
            else:
                found[number] = match
        for number in by_imo:
            if name.strip():
                # Vessels are renamed; the IMO number stays with the hull, so it decides.
                found[number] = found[number].model_copy(update={"explanation": (
                    f"{found[number].explanation} The name '{name}' does not match its listed names "
                    "(vessels are renamed; the IMO number stays with the ship).")})
        result.matches = sorted(found.values(), key=lambda m: (-m.score, m.reference_number))
        return result

    def _imo_matches(self, imo: str, entry_type: EntryType | None, on_date: date | None,
                     notes: list[str]) -> dict[int, Match]:
        if entry_type not in (None, "vessel"):
            notes.append(f"IMO {imo} ignored: an IMO number identifies a vessel, not an {entry_type}")
            return {}
        digits, problem = parse_imo(imo)
        if digits is None:
            notes.append(f"IMO {imo} is not a valid IMO ship number ({problem}); not matched, screened by name only")
            return {}
        number = self._by_imo.get(digits)
        if number is None:
            notes.append(f"IMO {digits} is valid but on no listed vessel; screened by name only")
            return {}
        entry = self._entries[number]
        text = f"IMO {digits} (check digit valid) is the IMO number of {label(entry)}. {listing_sentence(entry, on_date)}"
        return {number: self._match(entry, f"IMO {digits}", "imo", None, 100.0, {"imo_number": 100.0}, text, on_date)}

    def _name_matches(self, name: str, entry_type: EntryType | None, on_date: date | None,
                      threshold: float) -> dict[int, Match]:
        best = self.scores(name, entry_type, threshold)
        return {entry: self._name_match(name, self._indexes[kind], query, number, raw, final, on_date, threshold, span)
                for entry, (final, raw, query, number, kind, span) in best.items()}

    def scores(self, name: str, entry_type: EntryType | None = None, threshold: float = DEFAULT_THRESHOLD) -> Best:
        """Per list entry, its best form at or above the threshold (empty: no match), whatever the date.

        Scoring is most of a look-up and does not depend on the date; a feed names the same
        counterparties again and again, so scores are kept per normalised name (bounded):
        'DALIAN HUAXIN TRADING CO., LTD.' and 'Dalian Huaxin Trading Co Ltd' are one look-up.
        Brackets are kept in the key, since they change what is compared (`Normalizer.parts`).
        """
        key = (name, entry_type, threshold)
        best = self._scored.get(key)
        if best is None:  # not seen as written: perhaps in another case or punctuation
            folded = None if "(" in name else fold(name)
            normal = (name if folded is None else " ".join(folded), entry_type, threshold)
            best = self._normal.get(normal)
            if best is None:
                nothing = folded is not None and self._nothing_near(name, entry_type, threshold, folded)
                best = _remember(self._normal, normal,
                                 _NOTHING if nothing else self._best(name, entry_type, threshold, folded) or _NOTHING)
            _remember(self._scored, key, best)
        return best

    def _nothing_near(self, name: str, entry_type: EntryType | None, threshold: float, folded: list[str]) -> bool:
        """True when `_best` is sure to find nothing, decided from the name's words: what
        each opens in the blocks (remembered per word, so the usual name of a feed, made of
        words seen before, costs a few look-ups), the bound on the words for the forms they
        open, the joined spellings, and the names that could be inside the string. Only for
        a name without brackets, at the threshold the blocks were chosen for.
        """
        if threshold < BLOCK_THRESHOLD:
            return False
        scored = self._kinds(entry_type)
        for kind in self._looked_at.get(entry_type) or _looked_at(entry_type):
            index = self._indexes[kind]
            if not index.blocking:
                return False
            memo = self._word_memo[kind]
            words = self.normalizer.words(name, kind, folded)
            canon: list[str] = []
            weights: list[float] = []
            opened: set[int] = set()
            begins = False
            near = 0.0  # the weight of the words close to some list token
            shape = ""  # skeleton of the words written together (see Normalizer.joined_tokens)
            for word in words:
                seen = memo.get(word)
                if seen is None:
                    seen = self._word_seen(memo, index, kind, word)
                token, weight, forms, begin, acronym, close, bones = seen
                if acronym:
                    return False
                canon.append(token)
                weights.append(weight)
                opened |= forms
                begins = begins or begin
                near += weight if close else 0.0
                if bones:
                    shape += bones[1:] if shape and shape[-1] == bones[0] else bones
            if len(canon) >= 2:
                if index.token_listed("".join(canon)) or self.normalizer.shape_may_be_listed(shape, index.skeletons):
                    return False
                if 3 <= len(canon) <= MAX_PAIR_JOINS and any(
                        index.token_listed(canon[k] + canon[k + 1]) for k in range(len(canon) - 1)):
                    return False
            if begins and index.phrases.find(canon, set()):
                return False
            if kind in scored and opened and self._may_reach(index, opened, canon, weights, near, threshold,
                                                             self._allowed(entry_type, kind)):
                return False
        return True

    def _word_seen(self, memo: dict[str, WordSeen], index: NameIndex, kind: Kind, word: str) -> WordSeen:
        """What a word is to the index: its canonical spelling and weight, the forms it opens,
        whether a name found inside strings begins with it or it is an acronym, whether it is
        close to any list token, and its skeleton."""
        if len(memo) >= 200_000:  # bounded: a long run of new words must not grow it forever
            memo.clear()
        token = self.normalizer.canonical(word)
        seen = memo[word] = (token, self.normalizer.weight(word, kind), index.opened_by(token),
                             index.phrases.may_begin(token), index.phrases.is_acronym(token),
                             index.is_near(token), skeleton(word))
        return seen

    @staticmethod
    def _may_reach(index: NameIndex, opened: set[int], canon: list[str], weights: list[float], near: float,
                   threshold: float, allowed: frozenset[int] | None) -> bool:
        """Whether a form opened may reach the threshold: first with every word close to a list
        token counted as paired (a bound of `_bound`), then with the bound itself."""
        total = sum(weights)
        forms = index.forms
        if not any(100.0 * (forms[n].form.total_weight + near) / (total + forms[n].form.total_weight)
                   * ROLE_WEIGHT[forms[n].role] + 1e-9 >= threshold for n in opened):
            return False
        return bool(index.reachable(opened, canon, weights, [], threshold, allowed))

    def _best(self, name: str, entry_type: EntryType | None, threshold: float, folded: list[str] | None = None) -> Best:
        """Per list entry, its best-scoring form at or above the threshold."""
        best: Best = {}
        whole: dict[Kind, tuple[list[str], list[float], list[str]]] = {}  # the whole name's tokens, per kind
        for kind in self._kinds(entry_type):
            index = self._indexes[kind]
            allowed = self._allowed(entry_type, kind)
            for part in self.normalizer.parts(name, kind) or [name]:
                tokens = self.normalizer.block_tokens(part, kind, folded if part == name else None,
                                                      skeletons=index.skeletons)
                if part == name:
                    whole[kind] = tokens
                candidates = index.candidates(*tokens, threshold, allowed)
                if not candidates:
                    continue  # no listed name within reach: the usual name of a feed stops here
                for query in self.normalizer.forms(part, kind):
                    for number, bound in index.score(query, candidates).items():
                        listed = index.forms[number]
                        weight = ROLE_WEIGHT[listed.role]
                        if bound * weight < threshold:
                            continue  # cannot reach the threshold: skip the exact alignment
                        raw = aligned_score(query, listed.form, align(query, listed.form))
                        final = raw * weight
                        # Ties go to the first form (as written, before joined forms): 1e-9 absorbs float noise.
                        if final >= threshold and final > best.get(listed.entry, (-1.0,))[0] + 1e-9:
                            best[listed.entry] = (final, raw, query, number, kind, None)
        self._contained(name, entry_type, threshold, best, whole, folded)
        return best

    def _contained(self, name: str, entry_type: EntryType | None, threshold: float, best: Best,
                   whole: dict[Kind, tuple[list[str], list[float], list[str]]], folded: list[str] | None) -> None:
        """Add the listed names found inside the string (`phrases`) that score higher than its whole.

        A person is often written with the organisation they serve ("Kim Tong-ho, Vietnam
        representative for Tanchon Commercial Bank"), so a person's string is searched for
        entities' names too; an entity's or a vessel's only for names of its own kind.
        """
        for kind in self._containment_kinds(entry_type):
            index = self._indexes[kind]
            tokens, weights, _ = whole.get(kind) or self.normalizer.block_tokens(name, kind, folded, joined_too=False)
            capitals = capitals_in(self.normalizer, name, kind) if index.phrases.has_acronyms(tokens) else set()
            allowed = self._of_type.get("vessel") if entry_type == "vessel" else None
            for found in index.phrases.find(tokens, capitals):
                if found.end - found.start == len(tokens):
                    continue  # the whole string: scored as a name above, for its own kind only
                listed = index.forms[found.form]
                entry = listed.entry
                if (allowed is not None and entry not in allowed) or (
                        allowed is None and self._entries[entry].entry_type == "vessel"):
                    continue
                if not stands_alone(self.normalizer, name, kind, found.start, found.end, len(listed.form.tokens)):
                    continue
                final = 100.0 * ROLE_WEIGHT[listed.role]
                if final < threshold or final <= best.get(entry, (-1.0,))[0] + 1e-9:
                    continue
                span = slice(found.start, found.end)
                words = self.normalizer.words(name, kind)
                query = NameForm(tuple(tokens[span]), tuple(words[span]), tuple(weights[span]),
                                 (False,) * (found.end - found.start))
                best[entry] = (final, 100.0, query, found.form, kind, (found.start, found.end))

    def _name_match(self, name: str, index: NameIndex, query: NameForm, number: int, raw: float, final: float,
                    on_date: date | None, threshold: float, span: tuple[int, int] | None = None) -> Match:
        listed = index.forms[number]
        entry = self._entries[listed.entry]
        pairs = align(query, listed.form)
        features = features_of(query, listed.form, pairs, final)
        quality = None if listed.role == "primary" else listed.role
        said = "primary name" if quality is None else f"{quality}-quality alias"
        part = None if span is None else self._written_part(name, index, number, span)
        how = "matches" if part is None else f"contains, in the words '{part}',"
        text = (f"'{name}' {how} the {said} '{listed.name}' of {label(entry)}: "
                f"{describe_tokens(query, listed.form, pairs)}. Score {final:.1f}"
                + (f" (name {raw:.1f} x {ROLE_WEIGHT[listed.role]} for a low-quality alias)" if quality == "low" else "")
                + f", threshold {threshold:g}. {listing_sentence(entry, on_date)}")
        match = self._match(entry, listed.name, "primary_name" if quality is None else "alias", quality,
                            round(final, 1), features, text, on_date)
        return match if part is None else match.model_copy(update={"matched_part": part})

    def _written_part(self, name: str, index: NameIndex, number: int, span: tuple[int, int]) -> str:
        """The words of `name`, as written, that a name found inside it covers ("Tanchon Commercial Bank")."""
        kind: Kind = "person" if index is self._indexes["person"] else "organisation"
        spans = self.normalizer.written_spans(name, kind)
        if spans is None:  # cannot be lined up with the string: say the words as compared
            return " ".join(self.normalizer.words(name, kind)[span[0]:span[1]])
        return name[spans[span[0]][0]:spans[span[1] - 1][1]]

    @staticmethod
    def _match(entry: ListEntry, matched: str, on: str, quality: str | None, score: float,
               features: dict[str, float], text: str, on_date: date | None) -> Match:
        return Match(reference_number=entry.reference_number, entry_type=entry.entry_type,
                     primary_name=entry.primary_name, matched_name=matched, matched_on=on,  # type: ignore[arg-type]
                     alias_quality=quality, score=score, features=features,  # type: ignore[arg-type]
                     listed_on=entry.listed_on, active_on_date=entry.active_on(on_date), explanation=text,
                     verified=entry.verified, related=list(entry.related))

    @staticmethod
    def _containment_kinds(entry_type: EntryType | None) -> list[Kind]:
        return ["person", "organisation"] if entry_type in (None, "individual") else ["organisation"]

    @staticmethod
    def _kinds(entry_type: EntryType | None) -> list[Kind]:
        if entry_type is None:
            return ["person", "organisation"]
        return ["person"] if entry_type == "individual" else ["organisation"]

    def _allowed(self, entry_type: EntryType | None, kind: Kind) -> frozenset[int] | None:
        # The organisation index holds entities and vessels: narrow it when one was asked for.
        if entry_type is None or kind == "person":
            return None
        return self._of_type.get(entry_type, frozenset())


def _looked_at(entry_type: EntryType | None) -> tuple[Kind, ...]:
    """The indexes a name of this type is looked up in: scored whole, or for names inside it."""
    kinds = Screener._kinds(entry_type)
    return tuple(kinds + [k for k in Screener._containment_kinds(entry_type) if k not in kinds])


def _remember(cache: dict[tuple[str, EntryType | None, float], Best], key: tuple[str, EntryType | None, float],
              best: Best) -> Best:
    if len(cache) >= _SCORED_MAX:  # bounded: a long run of unique names must not grow it forever
        cache.clear()
    cache[key] = best
    return best


def screen_name(name: str, designations: DesignationList, entry_type: EntryType | None = None,
                on_date: date | None = None, imo: str | None = None, threshold: float | None = None) -> list[Match]:
    """One look-up. For many names, build a `Screener` once and call `screen` on it."""
    return Screener(designations).screen(name, entry_type, on_date, imo, threshold)
