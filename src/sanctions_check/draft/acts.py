"""One sentence -> the acts it reports, each a partly filled event with a confidence
per field: the kind and the parties here, what moved (what.py) and when (act_dates.py).

What a sentence leaves out is taken from the act before it in the report, and marked
less sure: "During the visit he gave ..." has the giver and the day of the visit.
"""

from __future__ import annotations

import re
from typing import Any

from sanctions_check.classify import Classifier
from sanctions_check.draft import parties
from sanctions_check.draft.act import Act, Context, Seen
from sanctions_check.draft.act_dates import act_dates, date_of
from sanctions_check.draft.clauses import Clause, clauses
from sanctions_check.draft.language import Language
from sanctions_check.draft.places import Place, find_places
from sanctions_check.draft.quantities import find_quantities
from sanctions_check.draft.sentences import Sentence
from sanctions_check.draft.what import hired, what

__all__ = ["Act", "Context", "read_sentence"]


def read_sentence(text: str, sentence: Sentence, context: Context, language: Language,
                  classifier: Classifier) -> list[Act]:
    seen = Seen(text, sentence, find_places(text, sentence.start, sentence.end),
                act_dates(text, sentence, context.published, language),
                find_quantities(text, language, sentence.start, sentence.end))
    acts: list[Act] = []
    context.dates.extend((sentence.paragraph, guess) for guess in seen.dates)
    for clause in clauses(text, sentence, language):
        act = _read_clause(seen, clause, context, acts[-1] if acts else None, language, classifier)
        if act is not None:
            acts.append(act)
            context.previous = act
    return acts

_AGENT = re.compile(r"\bby (?!sea\b|air\b|rail\b|road\b|truck\b|ship\b|train\b)")
_ONWARD = re.compile(r"\bthen\b[^.;]{0,40}?\bto\s+(?:the\s+)?(?:port of\s+)?$")


def _read_clause(seen: Seen, clause: Clause, context: Context, before: Act | None,
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
    if kind == "transfer" and not clause.passive:
        _goods_origin(seen, clause, act)

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
    if kind in ("vessel", "transfer"):
        _vessel(seen, clause, act)
    what(seen, clause, act, kind, language, classifier)
    date_of(seen, clause, act, before or context.previous, context)
    return act


Side = tuple[str, dict[str, Any], float]  # role, party, confidence


def _sides(seen: Seen, clause: Clause, context: Context, before: Act | None,
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
        source = parties.object_place(text, places, clause.verb_end, clause.object_end, source=True)
        if subject_is == "origin" and kind == "transfer" and source is not None and _from_before(text, clause, source):
            # "prosecutors charged a man with smuggling gold from Pyongyang": the goods' origin
            subject = ({"country": source.code}, 0.8)
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


def _goods_origin(seen: Seen, clause: Clause, act: Act) -> None:
    """Goods of a nationality come from there; who moved them is an intermediary
    ("Chinese companies shipped North Korean coal to Vietnam": KP to VN, via a Chinese party)."""
    place = parties.goods_origin(seen.text, seen.places, clause.verb_end, clause.object_end)
    origin = act.fields["origin"]
    if place is None or place.code in (origin["country"], act.fields["destination"]["country"]):
        return
    act.fields["intermediaries"] = [dict(origin)]
    act.confidence["intermediaries"] = 0.6
    act.fields["origin"] = {}
    act.set("origin.country", place.code, 0.7)
    act.confidence.pop("origin.name", None)
    act.remarks.append(f"origin from the goods ('{place.word}'); the party that moved them is an intermediary")


def _from_before(text: str, clause: Clause, place: Place) -> bool:
    return bool(re.search(r"\bfrom\s+(?:the\s+)?$", text[clause.verb_end:place.start]))


def _onward(seen: Seen, clause: Clause) -> Place | None:
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


def _subject(seen: Seen, clause: Clause, context: Context, before: Act | None,
             kind: str) -> tuple[dict[str, Any], float] | None:
    text, places = seen.text, seen.places
    context.continued = True  # the same actor goes on, unless a place names another
    if clause.shared_subject and before is not None and before.subject:
        return dict(before.subject), 0.8
    place = parties.subject_place(text, places, clause.subject_start, clause.verb_start)
    if place is not None:
        context.continued = False
        party: dict[str, Any] = {"country": place.code}
        name = parties.name_after(text, place.end, clause.verb_start, places) if kind != "vessel" else None
        # "the Russian-flagged cargo ship Angara" names the ship, not its owner.
        if name and not parties.VESSEL_WORDS.search(text[place.end:clause.verb_start].split(name)[0]):
            party["name"] = name
        return party, 0.9
    bare = parties.bare_name(text, clause.subject_start, clause.verb_start)
    if bare:
        for full, known in context.names.items():
            if full == bare or full.endswith(" " + bare):
                return dict(known), 0.75
    if context.previous is not None and context.previous.subject:
        return dict(context.previous.subject), 0.6  # "he", "the company"
    context.continued = False
    return None


def _labor_parties(seen: Seen, clause: Clause) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(nationality, host): the demonym before the people hired is where they come from
    ("hired 200 North Korean seamstresses"); another place of the sentence, where they work."""
    places = seen.places
    found = hired(seen, clause)
    if found is None:
        return None
    origin = found[0]
    hosts = [p for p in places if p.code != origin.code]
    near = [p for p in hosts if clause.subject_start <= p.start < clause.object_end]
    host = (near or hosts or [None])[0]
    if host is None:
        return None
    return {"country": origin.code}, {"country": host.code}

def _fill_missing(seen: Seen, clause: Clause, subject: Any, object_party: Any, before: Act | None,
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
            # The act before's party on the same side, else the other one: never the subject's
            # own country ("the buyers paid for the coal" pays the seller).
            role = "destination" if clause.trigger.subject == "origin" else "origin"
            other = "origin" if role == "destination" else "destination"
            codes = [previous.fields[r]["country"] for r in (role, other)]
            fresh = [code for code in codes if code not in used]
            object_party = {"country": (fresh or codes)[0]}
    if subject is None and spare:
        subject = ({"country": spare[-1].code}, 0.5)
    return subject, object_party


def _vessel(seen: Seen, clause: Clause, act: Act) -> None:
    """The ship the subject names. For a transfer, only a ship named by its name carries
    the goods ("the cargo ship Angara delivered munitions": a cargo delivery)."""
    ship = parties.ship_in(seen.text, seen.places, clause.subject_start, clause.verb_start)
    if ship is None or (act.kind == "transfer" and ship.name is None):
        return
    if act.kind == "transfer":
        act.set("vessel.activity", "cargo_delivery", 0.6)
    if ship.name:
        act.set("vessel.name", ship.name, 0.8)
    if ship.flag:
        act.set("vessel.flag", ship.flag, 0.8)
