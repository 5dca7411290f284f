"""Explanations of a match, built from the tokens that were paired and the listing date."""

from __future__ import annotations

from datetime import date

from sanctions_check.lists.model import ListEntry
from sanctions_check.screening.normalize import NameForm

Pairs = list[tuple[int, int, float]]


def label(entry: ListEntry) -> str:
    """'KPi.038 CHO CHUN RYONG', or 'vessel PETREL 8 (vessel:PETREL 8)' for a vessel."""
    if entry.entry_type == "vessel":
        text = f"vessel {entry.primary_name} ({entry.reference_number})"
    else:
        text = f"{entry.reference_number} {entry.primary_name}"
    return text if entry.verified else f"{text} [UNVERIFIED entry: see its comments]"


def describe_tokens(query: NameForm, listed: NameForm, pairs: Pairs) -> str:
    """'jo ≡ cho (spelling variant ...), chun = chun; not in the list name: ...' for one alignment."""
    parts = []
    for i, j, similarity in sorted(pairs):
        word, other = query.words[i], listed.words[j]
        if similarity < 1:
            link = f"≈ {other} ({similarity * 100:.0f}%, close spelling)"
        elif word.replace(" ", "") == other.replace(" ", ""):
            link = f"= {other}"
        else:
            link = f"≡ {other} (spelling variant, same canonical form '{query.tokens[i]}')"
        if (query.joined[i] or listed.joined[j]) and word != other:
            link += " (words joined)"
        parts.append(f"{word} {link}")
    paired_query = {i for i, _, _ in pairs}
    paired_listed = {j for _, j, _ in pairs}
    missing = [f"'{w}'" for i, w in enumerate(query.words) if i not in paired_query]
    extra = [f"'{w}'" for j, w in enumerate(listed.words) if j not in paired_listed]
    text = ", ".join(parts) or "no word in common"
    if missing:
        text += f"; not in the list name: {', '.join(missing)}"
    if extra:
        text += f"; not in the screened name: {', '.join(extra)}"
    return text


def features_of(query: NameForm, listed: NameForm, pairs: Pairs, final: float) -> dict[str, float]:
    """Named contributions that add up to the final score (each rounded to one decimal).

    exact_tokens: words with the same canonical spelling; fuzzy_tokens: close spellings;
    alias_quality: what a low-quality alias takes off. Words on one side only add nothing.
    """
    total = query.total_weight + listed.total_weight
    exact = sum(query.weights[i] + listed.weights[j] for i, j, s in pairs if s == 1.0)
    fuzzy = sum(s * (query.weights[i] + listed.weights[j]) for i, j, s in pairs if s < 1.0)
    exact_part = round(100.0 * exact / total, 1) if total else 0.0
    raw = 100.0 * (exact + fuzzy) / total if total else 0.0
    quality_part = round(final - raw, 1)
    return {
        "exact_tokens": exact_part,
        # By difference, so that the three always add up to the rounded score.
        "fuzzy_tokens": round(round(final, 1) - exact_part - quality_part, 1),
        "alias_quality": quality_part,
    }


def listing_sentence(entry: ListEntry, on_date: date | None) -> str:
    """What the listing date means for the date asked: a finding exists only from listing on."""
    if entry.listed_on is None:
        return "The list gives no listing date."
    if on_date is None:
        return f"Listed on {entry.listed_on}."
    if entry.active_on(on_date):
        return f"Listed on {entry.listed_on}: designated on {on_date}."
    return f"Listed on {entry.listed_on}, after {on_date}: not yet designated on that date, so no finding."
