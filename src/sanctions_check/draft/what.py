"""What an act moved, or what the help, money or people were: the item or activity of a
draft, with its quantity, read from the clause after the verb."""

from __future__ import annotations

import re

from sanctions_check.classify import Classifier
from sanctions_check.draft.act import Act, Seen
from sanctions_check.draft.clauses import Clause
from sanctions_check.draft.items import Words, keyword_words, noun_phrase
from sanctions_check.draft.language import Language
from sanctions_check.draft.places import Place
from sanctions_check.draft.quantities import Quantity

_COUNT = re.compile(r"(?:(?P<hedge>about|around|some|nearly|more than|at least|over) )?"
                    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+) $")


def hired(seen: Seen, clause: Clause) -> tuple[Place, Words] | None:
    """The people employed: a demonym and the one or two words after it, looked for after
    the verb, else (for "workers were hired") before it."""
    text = seen.text
    demonyms = [p for p in seen.places if p.group == "demonyms"]
    after = [p for p in demonyms if clause.verb_end <= p.start < clause.object_end]
    before = [p for p in demonyms if clause.subject_start <= p.start < clause.verb_start]
    for place in after[:1] + before[-1:]:
        words = re.match(r"(?: (?:IT|[a-z][\w-]*)){1,2}", text[place.end:clause.object_end if place in after
                                                                else clause.verb_start])
        if words is None:
            continue
        phrase = words.group(0).split()
        # The people are a plural noun: "IT workers", "seamstresses" (not "workers earlier").
        while phrase and not phrase[-1].endswith("s"):
            phrase.pop()
        if phrase:
            end = place.end + len(" " + " ".join(phrase))
            return place, Words(place.start, end, text[place.start:end], True)
    return None

def what(seen: Seen, clause: Clause, act: Act, kind: str, language: Language, classifier: Classifier) -> None:
    text, start, end = seen.text, clause.verb_end, clause.object_end
    money = [q for q in seen.quantities if q.unit == "usd" and start <= q.start < end]
    if kind in ("transfer", "vessel"):
        words = keyword_words(text, start, end, classifier, language)
        if words is None and clause.passive:  # "the cars were shipped": the goods are the subject
            words = keyword_words(text, clause.subject_start, clause.verb_start, classifier, language)
        if words is None and kind == "transfer":
            skip = _spans_of(seen)
            words = noun_phrase(text, start, end, skip)
        if words is not None:
            act.set("item.description", words.text, 0.85 if words.from_table else 0.5)
            _amount(seen, act, words, start)
    elif kind == "labor":
        people = hired(seen, clause)
        if people is not None:
            act.set("item.description", people[1].text, 0.8)
            _amount(seen, act, people[1], seen.sentence.start)
    elif kind in ("service", "financial"):
        if kind == "financial":
            target = re.search(r"\b(?:in|into|for)\s", text[start:end])
            start = start + target.end() if target else end
        words = keyword_words(text, start, end, classifier, language)
        if words is None and start < end:
            skip = _spans_of(seen)
            words = noun_phrase(text, start, end, skip)
        if words is not None:
            act.set("activity", words.text, 0.8 if words.from_table else 0.6)
    if money and kind in ("financial", "transfer"):
        act.set("item.value_usd", money[0].amount, money[0].confidence)


def _amount(seen: Seen, act: Act, words: Words, start: int) -> None:
    """The quantity measuring the item: the nearest one before its words."""
    measures = [q for q in seen.quantities if q.unit != "usd" and start <= q.start and q.noun_end <= words.end
                and words.start - q.noun_end < 12]
    if not measures:  # a count before the words: "200 North Korean seamstresses"
        count = _COUNT.search(seen.text, max(start, words.start - 30), words.start)
        if count:
            measures = [Quantity(count.start("number"), count.end("number"), _count(count["number"]), "units",
                                 bool(count["hedge"]), words.end)]
    if measures:
        quantity = measures[-1]
        act.set("item.quantity", quantity.amount, quantity.confidence)
        act.set("item.unit", quantity.unit, quantity.confidence)
        if quantity.hedged:
            act.remarks.append(f"quantity as written: '{seen.text[quantity.start:quantity.end]}'")


def _spans_of(seen: Seen) -> set[tuple[int, int]]:
    """Places, amounts and dates: never the words of an item ("engineers last month")."""
    return ({(p.start, p.end) for p in seen.places} | {(q.start, q.noun_end) for q in seen.quantities}
            | {(d.start, d.end) for d in seen.dates})


def _count(number: str) -> float:
    return float(number.replace(",", ""))
