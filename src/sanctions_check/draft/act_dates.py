"""When an act happened: the date phrase of its clause, else of its sentence, else of
the paragraph or of the act it continues, else the publication date as the latest."""

from __future__ import annotations

import datetime as dt

from sanctions_check.draft.act import Act, Context, Seen
from sanctions_check.draft.clauses import Clause
from sanctions_check.draft.dates import DateGuess, find_dates
from sanctions_check.draft.language import Language
from sanctions_check.draft.sentences import Sentence


def act_dates(text: str, sentence: Sentence, published: dt.date, language: Language) -> list[DateGuess]:
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


def date_of(seen: Seen, clause: Clause, act: Act, previous: Act | None, context: Context) -> None:
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
        act.precision = guess.precision
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
        act.precision = guess.precision
        return
    if previous is not None and "date" in previous.fields and (same_paragraph or context.continued):
        act.set("date", previous.fields["date"], 0.6)
        if "end_date" in previous.fields:
            act.set("end_date", previous.fields["end_date"], 0.6)
        act.remarks.append("date taken from the act before (the sentence gives none)")
        act.precision = previous.precision
        return
    act.set("date", context.published.isoformat(), 0.2)
    act.precision = "latest"
    act.remarks.append("no date in the text: the publication date stands in, as a latest date")
