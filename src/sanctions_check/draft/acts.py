"""One sentence -> the acts it reports, each a partly filled event with a confidence
per field, read with the stage modules (places, dates, quantities, items, parties).

What a sentence leaves out is taken from the act before it in the report, and marked
less sure: "During the visit he gave ..." has the giver and the day of the visit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sanctions_check.classify import Classifier
from sanctions_check.draft import parties
from sanctions_check.draft.clauses import Clause, clauses
from sanctions_check.draft.dates import DateGuess, find_dates
from sanctions_check.draft.items import Words, keyword_words, noun_phrase
from sanctions_check.draft.language import Language
from sanctions_check.draft.places import Place, find_places
from sanctions_check.draft.quantities import Quantity, find_quantities
from sanctions_check.draft.sentences import Sentence

@dataclass
class Act:
    sentences: list[Sentence]
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    remarks: list[str] = field(default_factory=list)
    subject: dict[str, Any] | None = None  # the party the clause's subject is, for the next act

    def set(self, key: str, value: Any, confidence: float) -> None:
        """Set a dotted field ("origin.country") with how sure the reading is."""
        target = self.fields
        parts = key.split(".")
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
        self.confidence[key] = round(confidence, 2)


@dataclass
class Context:
    """What earlier sentences of the report established."""

    published: dt.date
    previous: Act | None = None
    names: dict[str, dict[str, Any]] = field(default_factory=dict)  # full name -> party


@dataclass(frozen=True)
class _Seen:
    text: str
    sentence: Sentence
    places: list[Place]
    dates: list[DateGuess]
    quantities: list[Quantity]


def read_sentence(text: str, sentence: Sentence, context: Context, language: Language,
                  classifier: Classifier) -> list[Act]:
    seen = _Seen(text, sentence, find_places(text, sentence.start, sentence.end),
                 _act_dates(text, sentence, context.published, language),
                 find_quantities(text, language, sentence.start, sentence.end))
    acts: list[Act] = []
    for clause in clauses(text, sentence, language):
        act = _read_clause(seen, clause, context, acts[-1] if acts else None, language, classifier)
        if act is not None:
            acts.append(act)
            context.previous = act
    return acts


def _act_dates(text: str, sentence: Sentence, published: dt.date, language: Language) -> list[DateGuess]:
    """Date phrases that date an act: not the dateline, not the day something was said."""
    kept = []
    for guess in find_dates(text, published, sentence.start, sentence.end):
        before = text[max(sentence.start, guess.start - 25):guess.start].lower().split()
        after = text[guess.end:guess.end + 25].lower().replace(",", " ").split()
        if text[guess.end:guess.end + 3] in (" - ", " \u2014", " \u2013"):
            continue  # "SEOUL, Oct. 4 - ": the dateline
        if (before and before[-1] in language.reporting_verbs) or (after and after[0] in language.reporting_verbs):
            continue
        kept.append(guess)
    return kept


def _read_clause(seen: _Seen, clause: Clause, context: Context, before: Act | None,
                 language: Language, classifier: Classifier) -> Act | None:
    text, places = seen.text, seen.places
    trigger = clause.trigger
    act = Act([seen.sentence], trigger.kind)
    subject_is = trigger.subject
    if clause.passive:  # "workers were hired by a company": the subject is the other side
        subject_is = "origin" if subject_is == "destination" else "destination"
    other = "destination" if subject_is == "origin" else "origin"
    start, verb, end = clause.subject_start, clause.verb_start, clause.object_end

    kind = _kind(text, clause, language)
    act.kind = kind
    act.set("kind", kind, 0.9 if kind == trigger.kind else 0.7)
    if trigger.activity:
        act.set("vessel.activity", trigger.activity, 0.9)

    # The subject: a place before the verb, a name known from earlier, or the act before.
    subject = _subject(seen, clause, context, before, kind)
    if kind == "labor":
        subject, object_party = _labor_parties(seen, clause, subject_is)
    else:
        place = parties.object_place(text, places, clause.verb_end, end, source=other == "origin")
        object_party = {"country": place.code} if place else None
        if object_party and place and kind != "vessel":
            name = parties.name_after(text, place.end, end, places)
            if name:
                object_party["name"] = name
        # "gave Kim Jong Un a car": a name right after a verb of giving is the receiver.
        direct = parties.name_after(text, clause.verb_end, min(end, clause.verb_end + 40), places) \
            if kind in ("transfer", "financial") else None
        if direct and object_party is not None and text[clause.verb_end:end].lstrip().startswith(direct):
            object_party.setdefault("name", direct)
    if subject is None or object_party is None:
        subject, object_party = _fill_missing(seen, clause, subject, object_party, before, context)
    if subject is None or object_party is None:
        return None
    for role, party, sure in ((subject_is, subject[0], subject[1]), (other, object_party, 0.85)):
        act.set(f"{role}.country", party["country"], sure)
        if party.get("name"):
            act.set(f"{role}.name", party["name"], sure - 0.1)
            context.names.setdefault(party["name"], dict(party))
    act.subject = dict(subject[0])

    via = [code for code in parties.via_codes(text, places, start, end)
           if code not in (act.fields["origin"]["country"], act.fields["destination"]["country"])]
    if via:
        act.set("via", via, 0.8)
    if kind == "vessel":
        _vessel(seen, clause, act)
    _what(seen, clause, act, kind, language, classifier)
    _date(seen, clause, act, before or context.previous, context)
    return act


def _kind(text: str, clause: Clause, language: Language) -> str:
    """The verb's kind, unless its object makes it another ("providing technology")."""
    if clause.trigger.kind not in ("transfer",):
        return clause.trigger.kind
    following = re.findall(r"[\w-]+", text[clause.verb_end:clause.object_end].lower())[:4]
    for kind, words in language.objects.items():
        if any(word in words for word in following):
            return kind
    return clause.trigger.kind


def _subject(seen: _Seen, clause: Clause, context: Context, before: Act | None,
             kind: str) -> tuple[dict[str, Any], float] | None:
    text, places = seen.text, seen.places
    if clause.shared_subject and before is not None and before.subject:
        return dict(before.subject), 0.8
    place = parties.subject_place(text, places, clause.subject_start, clause.verb_start)
    if place is not None:
        party: dict[str, Any] = {"country": place.code}
        name = parties.name_after(text, place.end, clause.verb_start, places) if kind != "vessel" else None
        if name:
            party["name"] = name
        return party, 0.9
    bare = parties.bare_name(text, clause.subject_start, clause.verb_start)
    if bare:
        for full, known in context.names.items():
            if full == bare or full.endswith(" " + bare):
                return dict(known), 0.75
    if context.previous is not None and context.previous.subject:
        return dict(context.previous.subject), 0.6  # "he", "the company"
    return None


def _labor_parties(seen: _Seen, clause: Clause, subject_is: str) -> tuple[Any, Any]:
    """Workers' nationality is the origin; where they work, the destination."""
    text, places = seen.text, seen.places
    sentence = seen.sentence
    workers = re.search(r"\b(?:workers|labourers|laborers)\b", text[sentence.start:sentence.end])
    if workers is None:
        return None, None
    at = sentence.start + workers.start()
    nationality = [p for p in places if p.end <= at and at - p.end <= 5 and p.group == "demonyms"]
    if not nationality:
        return None, None
    origin = nationality[-1]
    hosts = [p for p in places if p.code != origin.code]
    near = [p for p in hosts if clause.subject_start <= p.start < clause.object_end]
    host = (near or hosts or [None])[0]
    if host is None:
        return None, None
    origin_party, host_party = ({"country": origin.code}, 0.85), {"country": host.code}
    # Returned as (subject, object) in the roles the clause gives them.
    if subject_is == "origin":
        return origin_party, host_party
    return (host_party, 0.8), {"country": origin.code}


def _fill_missing(seen: _Seen, clause: Clause, subject: Any, object_party: Any, before: Act | None,
                  context: Context) -> tuple[Any, Any]:
    """A side the clause does not name: another place of the sentence, else the act before."""
    used = {subject[0]["country"]} if subject else set()
    used |= {object_party["country"]} if object_party else set()
    spare = [p for p in seen.places if p.code not in used and not parties._VIA.search(
        seen.text[max(seen.sentence.start, p.start - 40):p.start])]
    previous = before or context.previous
    if object_party is None:
        if spare:
            object_party = {"country": spare[0].code}
        elif previous is not None:
            role = "destination" if clause.trigger.subject == "origin" else "origin"
            object_party = {"country": previous.fields[role]["country"]}
    if subject is None and spare:
        subject = ({"country": spare[-1].code}, 0.5)
    return subject, object_party


def _vessel(seen: _Seen, clause: Clause, act: Act) -> None:
    ship = parties.ship_in(seen.text, seen.places, clause.subject_start, clause.verb_start)
    if ship is None:
        return
    if ship.name:
        act.set("vessel.name", ship.name, 0.8)
    if ship.flag:
        act.set("vessel.flag", ship.flag, 0.8)


def _what(seen: _Seen, clause: Clause, act: Act, kind: str, language: Language, classifier: Classifier) -> None:
    text, start, end = seen.text, clause.verb_end, clause.object_end
    money = [q for q in seen.quantities if q.unit == "usd" and start <= q.start < end]
    if kind in ("transfer", "vessel"):
        words = keyword_words(text, start, end, classifier, language)
        if words is None and kind == "transfer":
            skip = {(p.start, p.end) for p in seen.places} | {(q.start, q.noun_end) for q in seen.quantities}
            words = noun_phrase(text, start, end, skip)
        if words is not None:
            act.set("item.description", words.text, 0.85 if words.from_table else 0.5)
            _amount(seen, act, words, start)
    elif kind == "labor":
        workers = re.search(r"(?:(?:[A-Z][\w-]* ){1,2}(?:IT )?)?(?:workers|labourers|laborers)\b",
                            text[seen.sentence.start:seen.sentence.end])
        if workers:
            begin = seen.sentence.start + workers.start()
            words = Words(begin, begin + len(workers.group(0)), workers.group(0), True)
            act.set("item.description", words.text, 0.8)
            _amount(seen, act, words, seen.sentence.start)
    elif kind in ("service", "financial"):
        if kind == "financial":
            target = re.search(r"\b(?:in|into|for)\s", text[start:end])
            start = start + target.end() if target else end
        words = keyword_words(text, start, end, classifier, language)
        if words is None and start < end:
            skip = {(p.start, p.end) for p in seen.places} | {(q.start, q.noun_end) for q in seen.quantities}
            words = noun_phrase(text, start, end, skip)
        if words is not None:
            act.set("activity", words.text, 0.8 if words.from_table else 0.6)
    if money and kind in ("financial", "transfer"):
        act.set("item.value_usd", money[0].amount, money[0].confidence)


def _amount(seen: _Seen, act: Act, words: Words, start: int) -> None:
    """The quantity measuring the item: the nearest one before its words."""
    measures = [q for q in seen.quantities if q.unit != "usd" and start <= q.start and q.noun_end <= words.end
                and words.start - q.noun_end < 12]
    if measures:
        quantity = measures[-1]
        act.set("item.quantity", quantity.amount, quantity.confidence)
        act.set("item.unit", quantity.unit, quantity.confidence)
        if quantity.hedged:
            act.remarks.append(f"quantity as written: '{seen.text[quantity.start:quantity.end]}'")


def _date(seen: _Seen, clause: Clause, act: Act, previous: Act | None, context: Context) -> None:
    own = [d for d in seen.dates if clause.subject_start <= d.start < clause.object_end]
    if own:
        guess = min(own, key=lambda d: abs(d.start - clause.verb_start))
    elif seen.dates:
        guess = min(seen.dates, key=lambda d: abs(d.start - clause.verb_start))
    else:
        guess = None
    if guess is not None:
        act.set("date", guess.date.isoformat(), guess.confidence if guess in own else guess.confidence - 0.1)
        if guess.end_date:
            act.set("end_date", guess.end_date.isoformat(), guess.confidence)
        if guess.precision not in ("day",):
            act.remarks.append(f"date is a {guess.precision}: '{guess.phrase}'")
        return
    if previous is not None and "date" in previous.fields:
        act.set("date", previous.fields["date"], 0.6)
        if "end_date" in previous.fields:
            act.set("end_date", previous.fields["end_date"], 0.6)
        act.remarks.append("date taken from the act before (the sentence gives none)")
        return
    act.set("date", context.published.isoformat(), 0.2)
    act.remarks.append("no date in the text: the publication date stands in, as a latest date")
