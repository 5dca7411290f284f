"""Blocking: which list forms a name could reach the threshold against, from its tokens alone.

Most names in a trade feed share no significant word with any listed name, and the only
words they share are generic ones ("Trading", "Co", "International"), which alone cannot
lift a score to the threshold. So, as screening systems do (nomenklatura's blocker
indexes name parts without stop words; yente and watchman search names by their
significant parts first), a list form is a candidate for a query only when the query has one of the few tokens the
form is blocked on, exactly or, for words of five letters or more, at a close spelling.

This loses no match. A query that leaves a set U of a form's n tokens unpaired scores at most

    100 * ((n - |U|) + (W - w_U)) / ((n - |U|) + W)

against it (W the form's total weight, w_U that of the unpaired tokens; each paired token
pairs one query word, which weighs at most 1). A form is blocked on its tokens taken in
order (distinctive words first, then the rarest in the list, then the longest) until a
query pairing none of them falls below the threshold: any query reaching it pairs one of
those (prefix filtering, as in set-similarity joins). Most forms are blocked on their one
distinctive word ("KOREA KUMSAN TRADING" on "kumsan"); a form of generic words alone
(KOREA MINING DEVELOPMENT TRADING) on two of them. A joined query token ("hong kong" ->
"hongkong") can weigh more than 1, so it opens every form holding it.
`tests/screening/test_screening_blocking.py` holds the blocked screener to the unblocked one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sanctions_check.screening.index import ListForm

Similar = Callable[[str, bool], list[tuple[str, float]]]


class Blocks:
    """The tokens each list form of one index is blocked on, and every token with its forms."""

    def __init__(self, forms: list[ListForm], role_weight: dict[str, float], threshold: float) -> None:
        self.threshold = threshold
        self._all: dict[str, set[int]] = {}  # every token of every form
        self._keys: dict[str, set[int]] = {}  # the few tokens each form is blocked on at `threshold`
        self._by_word: dict[str, frozenset[int]] = {}  # what each query word opens, exactly or at a close spelling
        # In how many list entries a token occurs (an entry's several forms count once).
        holders: dict[str, set[int]] = {}
        for item in forms:
            for token in item.form.tokens:
                holders.setdefault(token, set()).add(item.entry)
        for number, item in enumerate(forms):
            form = item.form
            for token in form.tokens:
                self._all.setdefault(token, set()).add(number)
            # Distinctive words first (a generic one is common in any feed), then the rarest in the list, the longest.
            ranked = sorted(range(len(form.tokens)), key=lambda j: (
                form.weights[j] < 1.0, len(holders[form.tokens[j]]), -len(form.tokens[j])))
            for j in blocked_on(form.weights, ranked, role_weight[item.role], threshold):
                self._keys.setdefault(form.tokens[j], set()).add(number)

    def candidates(self, words: Iterable[str], joined: Iterable[str], similar: Similar, threshold: float) -> set[int]:
        """The forms that the query's canonical words and joined tokens could reach `threshold` against."""
        found: set[int] = set()
        if threshold >= self.threshold:
            for word in words:
                opened = self._by_word.get(word)
                if opened is None:
                    opened = self._opened(word, similar)
                if opened:
                    found |= opened
        else:  # below the threshold the blocks were chosen for, any token opens its forms
            found = self.sharing(words, (), similar)
        for token in joined:
            opened = self._all.get(token)
            if opened:
                found |= opened
        return found

    def opened_by(self, word: str, similar: Similar) -> frozenset[int]:
        """The forms a query word (canonical) opens at the threshold blocks were chosen for."""
        opened = self._by_word.get(word)
        return opened if opened is not None else self._opened(word, similar)

    def listed(self, token: str) -> bool:
        """Whether a (joined) token is a token of some form: it opens that form."""
        return token in self._all

    def _opened(self, word: str, similar: Similar) -> frozenset[int]:
        # Per word, not per name: a feed's names are new, their words mostly are not.
        opened = frozenset(n for token, _ in similar(word, False) for n in self._keys.get(token, ()))
        if len(self._by_word) >= 200_000:  # bounded: a long run of new words must not grow it forever
            self._by_word.clear()
        self._by_word[word] = opened
        return opened

    def sharing(self, words: Iterable[str], joined: Iterable[str], similar: Similar) -> set[int]:
        """Every form sharing a token with the query: the unblocked lane, that tests hold blocking to."""
        found: set[int] = set()
        for token in [t for word in words for t, _ in similar(word, False)] + list(joined):
            found |= self._all.get(token, set())
        return found


def blocked_on(weights: tuple[float, ...], ranked: list[int], role_weight: float, threshold: float) -> list[int]:
    """The first tokens of `ranked` that a query must pair one of to reach the threshold.

    Leaving a set U of the n tokens unpaired, and pairing every other one with a query word
    of weight 1 (the most a word weighs), the aligned score is at most
    100 * ((n - |U|) + (W - w_U)) / ((n - |U|) + W), W the form's total weight; the bound
    only falls as U grows. Tokens are taken in order until leaving them all unpaired falls
    below the threshold: a query pairing none of them cannot reach it.
    """
    size, total = len(weights), sum(weights)
    chosen: list[int] = []
    missed = 0.0
    for j in ranked:
        chosen.append(j)
        missed += weights[j]
        paired = size - len(chosen)
        bound = 100.0 * (paired + total - missed) / (paired + total) * role_weight if paired else 0.0
        if bound + 1e-9 < threshold:  # float noise must not cost a match
            break
    return chosen
