"""A sentence -> the acts it reports: each trigger word of the language table, and the
clause around it (who did it, before the verb; to whom and what, after it).

Several acts in one sentence are told apart by their verbs: "North Korea sent coal to
China in November, and China supplied rice to North Korea in December" has two
clauses, split at ", and". A verb joined by a bare "and" ("trained ... and helped
build") shares the subject of the verb before it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from sanctions_check.draft.language import Language, Trigger
from sanctions_check.draft.sentences import Sentence

_SEPARATOR = re.compile(r",\s*(?:and|while|but|whereas|and also)\s+|;\s+|\s(?:and|while|but|whereas)\s+")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# What may stand before a noun-or-verb word for it to be read as a verb ("Russia ships").
_VERB_BEFORE = re.compile(
    r"(?:\b(?:he|she|it|they|we|also|still|now|reportedly|allegedly|regularly|will|would|did|does|can|could|"
    r"continues to|continued to|began|begun)|[A-Z][\w'-]*)\s+$")
# A verb under a negation reports no act ("without giving details", "did not pay").
_NEGATED = re.compile(r"\b(?:without|not|never|no longer|n't)\s+(?:\w+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    trigger: Trigger
    verb_start: int
    verb_end: int
    subject_start: int  # the subject region is text[subject_start:verb_start]; empty when shared
    object_end: int  # the object region is text[verb_end:object_end]
    passive: bool
    # "received diesel in a ship-to-ship transfer": the verb's act happened at sea.
    vessel_activity: str | None = None

    @property
    def shared_subject(self) -> bool:
        return self.subject_start >= self.verb_start


@lru_cache(maxsize=4)
def _trigger_pattern(language: Language) -> tuple[re.Pattern[str], dict[str, Trigger]]:
    by_word: dict[str, Trigger] = {}
    for trigger in language.triggers:
        for word in trigger.words:
            by_word.setdefault(word, trigger)
    words = sorted(by_word, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
    return pattern, by_word


def _is_verb(text: str, start: int, sentence_start: int, trigger: Trigger) -> bool:
    if not trigger.ambiguous:
        return True
    return bool(_VERB_BEFORE.search(text[max(sentence_start, start - 40):start]))


def clauses(text: str, sentence: Sentence, language: Language) -> list[Clause]:
    pattern, by_word = _trigger_pattern(language)
    verbs: list[tuple[int, int, Trigger, str | None]] = []
    for match in pattern.finditer(text, sentence.start, sentence.end):
        trigger = by_word[match.group(0).lower()]
        if _is_verb(text, match.start(), sentence.start, trigger) and not _NEGATED.search(
                text[max(sentence.start, match.start() - 30):match.start()]):
            if verbs and trigger.kind == "vessel" and verbs[-1][2].kind != "vessel" \
                    and not _SEPARATOR.search(text, verbs[-1][1], match.start()):
                start, end, first, _ = verbs[-1]
                verbs[-1] = (start, end, first, trigger.activity)
                continue
            verbs.append((match.start(), match.end(), trigger, None))
    found: list[Clause] = []
    subject_starts: list[int] = []
    for index, (start, end, trigger, at_sea) in enumerate(verbs):
        if index == 0:
            subject_start = sentence.start
        else:
            gap = list(_SEPARATOR.finditer(text, verbs[index - 1][1], start))
            subject_start = gap[-1].end() if gap else start
            # A bare "and" straight before the verb joins two verbs of one subject.
            if gap and not text[gap[-1].end():start].strip():
                subject_start = start
        subject_starts.append(subject_start)
        passive = bool(_PASSIVE.search(text[max(sentence.start, start - 30):start]))
        found.append(Clause(trigger, start, end, subject_start, sentence.end, passive, at_sea))
    # Each clause's object ends where the next clause begins (at its separator).
    for index in range(len(found) - 1):
        following = found[index + 1]
        gap = list(_SEPARATOR.finditer(text, found[index].verb_end, following.verb_start))
        end = gap[-1].start() if gap else following.verb_start
        found[index] = dataclasses.replace(found[index], object_end=end)
    return found
