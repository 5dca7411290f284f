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
    dates: list[tuple[int, DateGuess]] = field(default_factory=list)  # (paragraph, phrase) read so far
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
    context.dates.extend((sentence.paragraph, guess) for guess in seen.dates)
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
        if any(word in language.reporting_nouns for word in before[-3:]):
            continue  # "in a speech on Friday"
        kept.append(guess)
    return kept


_COUNT = re.compile(r"(?:(?P<hedge>about|around|some|nearly|more than|at least|over) )?"
                    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+) $")
_AGENT = re.compile(r"\bby (?!sea\b|air\b|rail\b|road\b|truck\b|ship\b|train\b)")
_ONWARD = re.compile(r"\bthen\b[^.;]{0,40}?\bto\s+(?:the\s+)?(?:port of\s+)?$")


def _read_clause(seen: _Seen, clause: Clause, context: Context, before: Act | None,
                 language: Language, classifier: Classifier) -> Act | None:
    text = seen.text
    trigger = clause.trigger
    kind = _kind(text, clause, language)
    act = Act([seen.sentence], kind)
    act.set("kind", kind, 0.9 if kind == trigger.kind else 0.7)
    activity = clause.vessel_activity or trigger.activity
    if activity:
        act.kind = kind = "vessel"
        act.set("kind", kind, 0.85)
        act.set("vessel.activity", activity, 0.9)

    sides = _sides(seen, clause, context, before, kind)
    if sides is None:
        return None
    for role, party, sure in sides:
        act.set(f"{role}.country", party["country"], sure)
        if party.get("name"):
            act.set(f"{role}.name", party["name"], sure - 0.1)
            context.names.setdefault(party["name"], dict(party))
    act.subject = dict(sides[0][1])

    via = parties.via_codes(text, seen.places, clause.subject_start, clause.object_end)
    onward = _onward(seen, clause)
    if onward is not None and onward.code != act.fields["destination"]["country"]:
        via.append(act.fields["destination"]["country"])  # "to Dalian, China, and then to Nampo"
        act.set("destination.country", onward.code, 0.7)
        act.fields["destination"].pop("name", None)
    via = [code for code in dict.fromkeys(via)
           if code not in (act.fields["origin"]["country"], act.fields["destination"]["country"])]
    if via:
        act.set("via", via, 0.8)
    if kind == "vessel":
        _vessel(seen, clause, act)
    _what(seen, clause, act, kind, language, classifier)
    _date(seen, clause, act, before or context.previous, context)
    return act


Side = tuple[str, dict[str, Any], float]  # role, party, confidence


def _sides(seen: _Seen, clause: Clause, context: Context, before: Act | None,
           kind: str) -> tuple[Side, Side] | None:
    """(subject side, other side): the subject's first, as the act after may share it."""
    text, places = seen.text, seen.places
    trigger = clause.trigger
    if trigger.subject == "exchange":  # the payment goes the other way of the act it pays for
        if before is None:
            return None
        return (("origin", dict(before.fields["destination"]), 0.7),
                ("destination", dict(before.fields["origin"]), 0.7))
    subject_is = trigger.subject
    object_region = text[clause.verb_end:clause.object_end]
    agentless = clause.passive and kind != "labor" and not _AGENT.search(object_region)
    if clause.passive and not agentless:  # "workers were hired by a company": the other side
        subject_is = "origin" if subject_is == "destination" else "destination"
    other = "destination" if subject_is == "origin" else "origin"
    if kind == "labor":
        labor = _labor_parties(seen, clause)
        if labor is None:
            return None
        nationality, host = labor
        return ((subject_is, host if subject_is == "destination" else nationality, 0.85),
                (other, nationality if subject_is == "destination" else host, 0.8))
    if agentless:  # "the cars were shipped from the Netherlands to Dalian": no subject party
        source = parties.object_place(text, places, clause.verb_end, clause.object_end, source=True)
        subject = ({"country": source.code}, 0.8) if source and _from_before(text, clause, source) else None
        subject_is, other = "origin", "destination"
    else:
        subject = _subject(seen, clause, context, before, kind)
    place = parties.object_place(text, places, clause.verb_end, clause.object_end, source=other == "origin")
    object_party: dict[str, Any] | None = {"country": place.code} if place else None
    if object_party is not None and place is not None and kind != "vessel":
        name = parties.name_after(text, place.end, clause.object_end, places)
        if name:
            object_party["name"] = name
    # "gave Kim Jong Un a car": a name right after a verb of giving is the receiver.
    direct = parties.name_after(text, clause.verb_end, min(clause.object_end, clause.verb_end + 40), places) \
        if kind in ("transfer", "financial") else None
    if direct and object_party is not None and object_region.lstrip().startswith(direct):
        object_party.setdefault("name", direct)
    if subject is None or object_party is None:
        subject, object_party = _fill_missing(seen, clause, subject, object_party, before, context)
    if subject is None or object_party is None:
        return None
    return (subject_is, subject[0], subject[1]), (other, object_party, 0.85)


def _from_before(text: str, clause: Clause, place: Place) -> bool:
    return bool(re.search(r"\bfrom\s+(?:the\s+)?$", text[clause.verb_end:place.start]))


def _onward(seen: _Seen, clause: Clause) -> Place | None:
    """The last place the goods went on to: "... and then moved to Nampo"."""
    for place in reversed(seen.places):
        if clause.verb_end <= place.start < clause.object_end and \
                _ONWARD.search(seen.text[max(clause.verb_end, place.start - 60):place.start]):
            return place
    return None


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


def _labor_parties(seen: _Seen, clause: Clause) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(nationality, host): the demonym before the people hired is where they come from
    ("hired 200 North Korean seamstresses"); another place of the sentence, where they work."""
    text, places = seen.text, seen.places
    hired = _hired(seen, clause)
    if hired is None:
        return None
    origin = hired[0]
    hosts = [p for p in places if p.code != origin.code]
    near = [p for p in hosts if clause.subject_start <= p.start < clause.object_end]
    host = (near or hosts or [None])[0]
    if host is None:
        return None
    return {"country": origin.code}, {"country": host.code}


def _hired(seen: _Seen, clause: Clause) -> tuple[Place, Words] | None:
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


def _fill_missing(seen: _Seen, clause: Clause, subject: Any, object_party: Any, before: Act | None,
                  context: Context) -> tuple[Any, Any]:
    """A side the clause does not name: another place of the sentence, else the act before."""
    used = {subject[0]["country"]} if subject else set()
    used |= {object_party["country"]} if object_party else set()
    spare = [p for p in seen.places if p.code not in used and not parties.VIA.search(
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
        if words is None and clause.passive:  # "the cars were shipped": the goods are the subject
            words = keyword_words(text, clause.subject_start, clause.verb_start, classifier, language)
        if words is None and kind == "transfer":
            skip = {(p.start, p.end) for p in seen.places} | {(q.start, q.noun_end) for q in seen.quantities}
            words = noun_phrase(text, start, end, skip)
        if words is not None:
            act.set("item.description", words.text, 0.85 if words.from_table else 0.5)
            _amount(seen, act, words, start)
    elif kind == "labor":
        hired = _hired(seen, clause)
        if hired is not None:
            act.set("item.description", hired[1].text, 0.8)
            _amount(seen, act, hired[1], seen.sentence.start)
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


def _count(number: str) -> float:
    return float(number.replace(",", ""))


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
    paragraph = seen.sentence.paragraph
    same_paragraph = previous is not None and previous.sentences[0].paragraph == paragraph
    earlier = [guess for number, guess in context.dates if number == paragraph and guess.start < seen.sentence.start]
    if earlier and not same_paragraph:  # "... in 2022. According to a Member State, the cars were shipped"
        guess = earlier[-1]
        act.set("date", guess.date.isoformat(), guess.confidence - 0.3)
        if guess.end_date:
            act.set("end_date", guess.end_date.isoformat(), guess.confidence - 0.3)
        act.remarks.append(f"date from an earlier sentence of the paragraph: '{guess.phrase}'")
        return
    if previous is not None and "date" in previous.fields:
        act.set("date", previous.fields["date"], 0.6)
        if "end_date" in previous.fields:
            act.set("end_date", previous.fields["end_date"], 0.6)
        act.remarks.append("date taken from the act before (the sentence gives none)")
        return
    act.set("date", context.published.isoformat(), 0.2)
    act.remarks.append("no date in the text: the publication date stands in, as a latest date")
