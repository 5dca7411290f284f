"""Name normalisation for screening: case, diacritics, punctuation, word order, romanisation.

The knowledge is data: Korean romanisation variants in `rules/tables/romanisation.yaml`,
legal forms and generic words of organisation names in `rules/tables/name-terms.yaml`.
A name becomes one or more `NameForm`s: its words in canonical spelling with a weight each,
plus forms with adjacent words joined ("Jong-Un" = "Jong Un" = "Jongun").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sanctions_check.errors import ListError
from sanctions_check.lists.store import rules_dir
from sanctions_check.ruleset.safe_yaml import load_yaml_file

Kind = Literal["person", "organisation"]
# Apostrophes stand for MR breves and aspiration marks (CH'O'L, MY'ONG): dropped, not split on.
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʼʻ′"), None)
_WORD = re.compile(r"[^\W_]+|&")
_PARENTHESES = re.compile(r"\(([^()]*)\)")
# A word as written, apostrophes inside it kept (fold drops them without splitting): "Ch'o'l".
_WRITTEN = re.compile(r"[^\W_]+(?:['’‘`´ʼʻ′]+[^\W_]+)*|&")
_LIST_REFERENCE = re.compile(r"^kp[ei]\.\d+$", re.IGNORECASE)
# A spelling's skeleton: its consonants but h, one letter per romanisation pair (c/j, g/k, b/p,
# d/t), doubles merged.
# The romanisation rules only change vowels and pick one letter of such pairs, so a word and
# its canonical spelling share a skeleton (a test holds the table to that).
_SKELETON = str.maketrans({"c": "j", "g": "k", "b": "p", "d": "t", "h": None, "a": None, "e": None, "i": None,
                           "o": None, "u": None, "y": None})
_DOUBLES = re.compile(r"(.)\1+")
MAX_PAIR_JOINS = 6  # names longer than this get no pairwise-joined forms (their number grows with length)


@dataclass(frozen=True)
class NameForm:
    """A name as compared: canonical tokens, what each was written as, its weight, joined or not."""

    tokens: tuple[str, ...]
    words: tuple[str, ...]
    weights: tuple[float, ...]
    joined: tuple[bool, ...]
    total_weight: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Read for every candidate of every query: computed once.
        object.__setattr__(self, "total_weight", sum(self.weights))


class Normalizer:
    """Turns names into comparable forms; built once from the two tables."""

    def __init__(self, romanisation: dict[str, Any], terms: dict[str, Any], source: str = "tables") -> None:
        self._cache: dict[str, str] = {}
        try:
            self._rules = [(re.compile(r["from"]), r["to"], _literal(r["from"])) for r in romanisation.get("rules", [])]
            self._variants = self._variant_table(romanisation.get("tokens", []))
            self._variant_skeletons = {skeleton(key) for key in self._variants}
            self._replace = {str(k): str(v).split() for k, v in (terms.get("replace") or {}).items()}
            self._prefixes = sorted((str(p).split() for p in terms.get("vessel_prefixes", [])), key=len, reverse=True)
            self._prefix_heads = {prefix[0] for prefix in self._prefixes if prefix}
            self._dropped = set(terms.get("dropped", []))
            self._generic_written = {str(w) for w in terms.get("generic", [])}
            self._generic = {self.canonical(w) for w in self._generic_written}
            self._generic_weight = float(terms.get("generic_weight", 0.3))
        except (KeyError, TypeError, AttributeError, ValueError, re.error) as error:
            raise ListError(f"{source}: malformed name table ({error!r})",
                            "compare with the shipped rules/tables files") from None

    @classmethod
    def from_rules(cls, tables: Path | None = None) -> Normalizer:
        """The normaliser of `rules/tables/` (or of the given tables directory)."""
        tables = tables or rules_dir() / "tables"
        return cls(_read_table(tables / "romanisation.yaml"), _read_table(tables / "name-terms.yaml"), str(tables))

    def _variant_table(self, groups: list[list[str]]) -> dict[str, str]:
        table: dict[str, str] = {}
        for group in groups:
            canonical = self._apply_rules(str(group[0]))
            for variant in group:
                key = self._apply_rules(str(variant))
                if table.get(key, canonical) != canonical:
                    raise ValueError(f"'{variant}' is in two groups ({table[key]} and {canonical})")
                table[key] = canonical
        return table

    def _apply_rules(self, word: str) -> str:
        for pattern, replacement, literal in self._rules:
            if literal is None or literal in word:  # a rule whose letters are absent cannot apply
                word = pattern.sub(replacement, word)
        return word

    def canonical(self, word: str) -> str:
        """One word in canonical spelling: rules, then the variant table."""
        cached = self._cache.get(word)
        if cached is None:
            ruled = self._apply_rules(word)
            cached = self._variants.get(ruled, ruled)
            if len(self._cache) < 200_000:  # bounded: a long run of unique names must not grow it forever
                self._cache[word] = cached
        return cached

    def forms(self, name: str, kind: Kind) -> list[NameForm]:
        """The comparable forms of a name: as written, then with adjacent words joined."""
        words = self._words(name, kind)
        if not words:
            return []
        weights = [self._weight(w, kind) for w in words]
        forms = [self._form(words, weights, [(i, i + 1) for i in range(len(words))])]
        if len(words) >= 2:
            forms.append(self._form(words, weights, [(0, len(words))]))
            # Joined as one word, the syllables lose their boundaries ("CHONGCHONGANG"): that
            # spelling is canonicalised as a whole too, as a name written joined would be.
            whole = self.canonical("".join(words))
            if whole != forms[-1].tokens[0]:
                forms.append(NameForm((whole,), (" ".join(words),), (sum(weights),), (True,)))
        if 3 <= len(words) <= MAX_PAIR_JOINS:
            for k in range(len(words) - 1):
                spans = [(i, i + 1) for i in range(k)] + [(k, k + 2)] + [(i, i + 1) for i in range(k + 2, len(words))]
                forms.append(self._form(words, weights, spans))
        return forms

    def block_tokens(self, name: str, kind: Kind, folded: list[str] | None = None, joined_too: bool = True,
                     skeletons: set[str] | None = None) -> tuple[list[str], list[float], list[str]]:
        """The tokens of all of `forms(name, kind)` without building the forms: the words in
        canonical spelling (compared exactly or at close spellings) and their weights, and the
        joined tokens (compared exactly). Blocking reads only these; most names of a feed stop there.
        `folded`: `fold(name)`, when the caller has it; `skeletons`: those of every token the
        result is compared with, so that the whole name's spelling is worked out only when it
        may be one of them."""
        words = self._words(name, kind, folded)
        canon = [self.canonical(w) for w in words]
        weights = [self._generic_weight if kind == "organisation" and c in self._generic else 1.0 for c in canon]
        joined = self.joined_tokens(words, canon, skeletons) if joined_too else []
        return canon, weights, joined

    def joined_tokens(self, words: list[str], canon: list[str], skeletons: set[str] | None = None) -> list[str]:
        """The joined tokens of a name's forms (see `forms`), from its words and their canonical
        spellings; the whole name's spelling only when its skeleton is in `skeletons` (if given)."""
        joined: list[str] = []
        if len(words) >= 2:
            joined.append("".join(canon))
            written = "".join(words)
            shape = skeleton(written)
            if skeletons is None or shape in skeletons or shape in self._variant_skeletons:
                # Not through `canonical`: one spelling per distinct name would crowd out the words.
                whole = self._apply_rules(written)
                joined.append(self._variants.get(whole, whole))
        if 3 <= len(words) <= MAX_PAIR_JOINS:
            joined.extend(canon[k] + canon[k + 1] for k in range(len(words) - 1))
        return joined

    def shape_may_be_listed(self, shape: str, skeletons: set[str]) -> bool:
        """Whether a name written together, of this skeleton, may spell a token of `skeletons`
        (or a variant in the romanisation table): then its spelling must be worked out."""
        return shape in skeletons or shape in self._variant_skeletons

    def parts(self, name: str, kind: Kind) -> list[str]:
        """The readings of a name with brackets (`split_parentheses`), without a bracketed part
        of an entity's name made of generic words only: 'LEADER (HONG KONG) INTERNATIONAL' is
        not a company named 'Hong Kong', and '(Hong Kong) Ltd.' after another name is no match for it."""
        parts = split_parentheses(name)
        if len(parts) <= 1 or kind == "person":
            return parts
        inner = {m.strip() for m in _PARENTHESES.findall(name)}
        return [p for p in parts if p not in inner or not self._generic_only(p)]

    def _generic_only(self, text: str) -> bool:
        return all(w in self._dropped or self.canonical(w) in self._generic for w in fold(text))

    def words(self, name: str, kind: Kind, folded: list[str] | None = None) -> list[str]:
        """The words compared, as written (folded): legal forms dropped, abbreviations written out."""
        return self._words(name, kind, folded)

    def written_spans(self, name: str, kind: Kind) -> list[tuple[int, int]] | None:
        """Where each of `words(name, kind)` is written in `name` (character offsets), or None
        when the two cannot be lined up (a character that folds into several words)."""
        spans: list[tuple[int, int]] = []
        words: list[str] = []
        for match in _WRITTEN.finditer(name):
            for word in fold(match.group()) or []:
                for part in ([word] if kind == "person" else self._replace.get(word, [word])):
                    spans.append(match.span())
                    words.append(part)
        kept = [(w, span) for w, span in zip(words, spans) if w != "&" and (kind == "person" or w not in self._dropped)]
        expected = self._words(name, kind)
        # A leading vessel prefix ("M/V") is dropped from the compared words: drop it here too.
        kept = kept[len(kept) - len(expected):] if len(kept) > len(expected) else kept
        if [w for w, _ in kept] != expected:
            return None
        return [span for _, span in kept]

    def generic_words(self) -> set[str]:
        """Descriptive and legal-form words of organisation names, as written (folded)."""
        return set(self._dropped) | set(self._generic_written)

    def key(self, name: str, kind: Kind = "person") -> str:
        """Canonical words in sorted order: equal keys mean the same name up to order and spelling."""
        return " ".join(sorted(self.canonical(w) for w in self._words(name, kind)))

    def _form(self, words: list[str], weights: list[float], spans: list[tuple[int, int]]) -> NameForm:
        # A joined token is its words' canonical spellings run together: "Jong-Un" -> "jongun".
        return NameForm(
            tokens=tuple("".join(self.canonical(w) for w in words[a:b]) for a, b in spans),
            words=tuple(" ".join(words[a:b]) for a, b in spans),
            # A joined token weighs what its words weigh: joining must not shrink what is unmatched.
            weights=tuple(sum(weights[a:b]) for a, b in spans),
            joined=tuple(b - a > 1 for a, b in spans),
        )

    def weight(self, word: str, kind: Kind) -> float:
        """A compared word's weight: generic words of entity names weigh less."""
        return self._weight(word, kind)

    def _weight(self, word: str, kind: Kind) -> float:
        if kind == "organisation" and self.canonical(word) in self._generic:
            return self._generic_weight
        return 1.0

    def _words(self, name: str, kind: Kind, folded: list[str] | None = None) -> list[str]:
        words = fold(name) if folded is None else folded
        if kind == "person":
            return [w for w in words if w != "&"]
        if words and words[0] in self._prefix_heads:
            for prefix in self._prefixes:
                if words[:len(prefix)] == prefix and len(words) > len(prefix):
                    words = words[len(prefix):]
                    break
        expanded = [part for w in words for part in self._replace.get(w, [w])]
        kept = [w for w in expanded if w not in self._dropped and w != "&"]
        return kept or [w for w in expanded if w != "&"]


def skeleton(word: str) -> str:
    """'chongchongang' -> 'jnkjnknk': what no romanisation rule changes (see `_SKELETON`)."""
    return _DOUBLES.sub(r"\1", word.translate(_SKELETON))


def _literal(pattern: str) -> str | None:
    """The letters a rule's pattern must find, when it is letters (after any look-behind): 'eo', 'g'."""
    core = re.sub(r"^\(\?<[!=][^()]*\)", "", pattern)
    return core if core.isalpha() and core.isascii() else None


def fold(name: str) -> list[str]:
    """Lower-case words without diacritics or apostrophes; other punctuation separates words."""
    if name.isascii():  # most names in a feed: nothing to decompose
        return _WORD.findall(name.replace("'", "").replace("`", "").lower())
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _WORD.findall(plain.translate(_APOSTROPHES))


def split_parentheses(name: str) -> list[str]:
    """'OCEAN MARITIME ... (OMM)' -> the name without the brackets, what they held, the whole name.

    Brackets hold an acronym ('(OMM)'), another script ('(金铁三)') or part of the name
    ('Huaxin Shipping (Hong Kong) Ltd'), so each reading is tried. A bracketed list
    reference ('(KPE.018)') is a cross-reference, not a name: dropped.
    """
    if "(" not in name:  # most names
        return [name] if name.strip() else []
    inner = [m.strip() for m in _PARENTHESES.findall(name)]
    if not inner:
        return [name] if name.strip() else []
    outside = " ".join(_PARENTHESES.sub(" ", name).split())
    names = ([outside] if outside else []) + [part for part in inner if part and not _LIST_REFERENCE.match(part)]
    if all(not _LIST_REFERENCE.match(part) for part in inner):
        names.append(name)
    return list(dict.fromkeys(names))


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml_file(path)
    except FileNotFoundError:
        raise ListError(f"{path}: name table not found", "set SANCTIONS_CHECK_RULES to the repository's rules/") from None
    except Exception as error:  # yaml errors: any of several classes, all reported the same way
        raise ListError(f"{path}: not valid YAML: {error}".replace("\n", " ")) from None
    if not isinstance(data, dict):
        raise ListError(f"{path}: expected a mapping with the table's sections")
    return data
