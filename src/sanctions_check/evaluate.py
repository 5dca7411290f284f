"""Validated events -> results: classify, sum caps, evaluate, apply exemptions, decide verdicts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator, Literal, Protocol

from sanctions_check.caps import CapLedger
from sanctions_check.classify import Classification, classifier_for
from sanctions_check.engine.conditions import Clause, MissingFields, provision_clauses
from sanctions_check.engine.facts import build_fact
from sanctions_check.engine.prefilter import Prefilter
from sanctions_check.engine.reference import ReferenceEvaluator
from sanctions_check.errors import EngineError
from sanctions_check.explain import event_values, explain, flow, item_label, matched_tests, party_label
from sanctions_check.io.validate import Validated
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.event import Event
from sanctions_check.model.report import CapNote, Finding, Result
from sanctions_check.model.rule import Provision
from sanctions_check.model.ruleset import RuleSet
from sanctions_check.parties import PartyHit, PartyScreen, designated_types

EngineName = Literal["durable", "reference"]

# Events that may engage a provision are evaluated this many at a time. In a trade feed
# they come one in a hundred; run back to back, the engine's and the evaluator's code
# stay in the processor's caches, and each costs about a third less than alone between
# clear lines (benchmarks/bench_check.py, trade mix).
_BURST = 64


class Evaluator(Protocol):
    name: str

    def evaluate(self, fact: dict) -> set[str]: ...


def make_evaluator(ruleset: RuleSet, engine: EngineName) -> Evaluator:
    if engine == "reference":
        return ReferenceEvaluator(list(ruleset.provisions))
    from sanctions_check.engine.durable import DurableEvaluator

    return DurableEvaluator(list(ruleset.provisions))


@dataclass
class _Prepared:
    validated: Validated
    classification: Classification
    fact: dict
    hits: list[PartyHit]


class Checker:
    """Evaluates events against one rule set. Build once; `run` as often as needed."""

    def __init__(self, ruleset: RuleSet, engine: EngineName = "durable", verify: bool = False,
                 screen: PartyScreen | None = None) -> None:
        self.ruleset = ruleset
        self._screen = screen
        self._classifier = classifier_for(ruleset)
        self._evaluator = make_evaluator(ruleset, engine)
        self._oracle = ReferenceEvaluator(list(ruleset.provisions)) if verify and engine != "reference" else None
        self._prefilter = Prefilter(ruleset.provisions)
        self._order = {p.id: n for n, p in enumerate(ruleset.provisions)}
        self._provisions = {p.id: p for p in ruleset.provisions}
        self._clauses: dict[str, list[Clause]] = {p.id: provision_clauses(p) for p in ruleset.provisions}
        self._missing_fields = MissingFields(list(ruleset.provisions))
        self.engines = [self._evaluator.name] + ([self._oracle.name] if self._oracle else [])

    def run(self, items: Iterable[Validated]) -> list[Result]:
        """All results, in input order."""
        return [as_result(result) for _, result in sorted(self.stream(items), key=lambda pair: pair[0])]

    def stream(self, items: Iterable[Validated],
               clear: Callable[[int, Validated], None] | None = None) -> Iterator[tuple[int, Result | ClearResult]]:
        """(input index, result) pairs as each is final; not in input order.

        Events that may engage a provision are evaluated in small batches (see `_BURST`).
        An event that counts towards a cap is held until the whole input has been read:
        its finding depends on events dated before it that may come later in the file.
        Nothing else is kept, so memory stays flat on a long feed.

        `clear`, if given, is called with (index, validated event) for each event with no
        DPRK link, in place of yielding its ClearResult: a writer that serialises clear
        records itself (report.json_stream) saves building and passing one per event.
        """
        ledger = CapLedger(self.ruleset.caps)
        # Held events are kept as JSON text (a tenth of the model's size) and prepared again
        # at the end, so a long feed with many deliveries stays near flat in memory.
        held: list[tuple[int, str, Validated, list[PartyHit]]] = []  # Validated without its event
        pending: list[tuple[int, Validated, list[PartyHit] | None]] = []  # hits None: not screened yet
        linked, screen, by_designation = self._prefilter.linked, self._screen, self._prefilter.designations
        # Off the DPRK, names are screened only past a cheap word gate, so a trade feed stays
        # near validation speed while a listed front company is still caught.
        quiet = self._prefilter.quiet_gate(screen.may_match if screen is not None else None)
        for index, validated in enumerate(items):
            event = validated.event
            if quiet(event):
                engaged = False
            elif linked(event):
                pending.append((index, validated, None))  # screened with its batch
                engaged = True
            else:  # a name passed the word gate: only a designation can engage a provision here
                hits = screen.hits(event) if screen is not None else []
                engaged = by_designation and any(h.match.active_on_date for h in hits)
                if engaged:
                    pending.append((index, validated, hits))
            if not engaged:
                if clear is None:
                    yield index, ClearResult(validated)
                else:
                    clear(index, validated)
            elif len(pending) >= _BURST:
                yield from self._burst(pending, ledger, held)
        yield from self._burst(pending, ledger, held)
        cap_states = ledger.settle()
        for index, text, where, hits in held:
            states = cap_states.get(index, [])
            over = frozenset(s.id for s in states if s.exceeded)
            event = Event.model_validate_json(text)
            classification = self._classifier.classify(event)
            fact = build_fact(event, classification, self.ruleset.conversions, over, designated_types(hits))
            prepared = _Prepared(replace(where, event=event), classification, fact, hits)
            missing_caps = [
                f"item quantity in {' or '.join(p.limits)} (to sum the cap {cap_id} for {p.provision})"
                for cap_id, p in ledger.missing.get(index, [])
            ]
            yield index, self._evaluate(prepared, states, missing_caps)

    def _burst(self, pending: list[tuple[int, Validated, list[PartyHit] | None]], ledger: CapLedger,
               held: list[tuple[int, str, Validated, list[PartyHit]]]) -> Iterator[tuple[int, Result]]:
        """Screen, classify and evaluate the pending events, or hold those a cap counts."""
        screen = self._screen
        for index, validated, hits in pending:
            event = validated.event
            if hits is None:
                hits = screen.hits(event) if screen is not None else []
            classification = self._classifier.classify(event)
            fact = build_fact(event, classification, self.ruleset.conversions, designated=designated_types(hits))
            if ledger.add(index, event.date, fact, event.exemption.basis if event.exemption else None):
                where = replace(validated, event=None)  # type: ignore[arg-type]
                held.append((index, event.model_dump_json(), where, hits))
            else:
                yield index, self._evaluate(_Prepared(validated, classification, fact, hits), [], [])
        pending.clear()

    def _rule_ids(self, fact: dict, event: Event) -> set[str]:
        found = self._evaluator.evaluate(fact)
        if self._oracle is not None:
            expected = self._oracle.evaluate(fact)
            if found != expected:
                raise EngineError(
                    f"event '{event.id}': durable-rules found {sorted(found)} but the reference evaluator "
                    f"found {sorted(expected)}; no result is given rather than a wrong one",
                    "report this with the event; run with --engine reference meanwhile",
                )
        return found

    def _evaluate(self, item: _Prepared, states: list[CapNote], missing_caps: list[str]) -> Result:
        event, fact = item.validated.event, item.fact
        rule_ids = sorted(self._rule_ids(fact, event), key=self._order.__getitem__)
        base = event_values(event, fact) if rule_ids else {}
        findings = [self._finding(self._provisions[r], item, states, base) for r in rule_ids]
        missing = list(missing_caps) + self._missing(fact, set(rule_ids))
        rejected_exemption = None
        if event.exemption and findings and not any(f.exempted for f in findings):
            rejected_exemption = (
                f"claimed basis '{event.exemption.basis}' is not an exemption that "
                + ", ".join(sorted({f.citation for f in findings})) + " allows"
            )
        if any(not f.exempted and not _reviewed_false(f) for f in findings):
            verdict = "potential_violation"
        elif any(f.exempted for f in findings):
            verdict = "exempt"
        elif missing:
            verdict = "insufficient_data"
        else:
            verdict = "clear"
        categories = ", ".join(sorted(item.classification.categories)) or "no category"
        return Result(
            event_id=event.id, verdict=verdict, findings=findings, date=event.date, kind=event.kind,
            origin=party_label(event.origin), destination=party_label(event.destination), via=event.via,
            item=item_label(event),
            caps=states,
            status=event.status, summary=f"{flow(event)}: {categories}", missing=missing,
            exemption_rejected=rejected_exemption, warnings=item.validated.warnings,
            sources=[s.model_dump(mode="json", exclude_none=True) for s in event.sources],
            file=item.validated.file, line=item.validated.line,
        )

    def _missing(self, fact: dict, matched: set[str]) -> list[str]:
        return [f"{' or '.join(dict.fromkeys(fields))} (needed by {provision.citation})"
                for provision, fields in self._missing_fields.find(fact, matched)]

    def _finding(self, provision: Provision, item: _Prepared, states: list[CapNote], base: dict[str, str]) -> Finding:
        event, classification, fact = item.validated.event, item.classification, item.fact
        clauses = self._clauses[provision.id]
        tests = matched_tests(clauses, fact)
        cap = next((s for s in states if s.provision == provision.id), None)
        evidence: dict = {
            "matched": [f"{t.field} {t.op} {t.value}" for t in tests],
            "classification": [d.describe() for d in classification.derivations],
        }
        if cap is not None:
            evidence["cap"] = {"id": cap.id, "window": [cap.window[0].isoformat(), cap.window[1].isoformat()],
                               "totals": cap.totals, "limits": cap.limits}
        exempted, note = _exemption(provision, event)
        review = None
        hits: list[PartyHit] = []
        if provision.when.designated:
            tested = set(provision.when.designated)
            hits = [h for h in item.hits if h.match.active_on_date and ("any" in tested or h.match.entry_type in tested)]
            evidence["designations"] = [h.describe() for h in hits]
            reviews = [h.match.review for h in hits]
            if hits and all(r is not None and r.decision == "false_positive" for r in reviews):
                review = reviews[0].model_dump(mode="json")  # type: ignore[union-attr]
        return Finding(
            rule_id=provision.id, resolution=provision.resolution, paragraph=provision.paragraph,
            citation=provision.citation, title=provision.title,
            explanation=explain(provision, event, classification, fact, tests, cap,
                                designated="; ".join(h.describe() for h in hits), base=base),
            evidence=evidence, quote=provision.quote, applies_from=provision.in_force.start,
            verified=provision.verified, exempted=exempted, exemption=note, status=event.status, review=review,
        )


def as_result(result: Result | ClearResult) -> Result:
    return result.to_result() if isinstance(result, ClearResult) else result


def _reviewed_false(finding: Finding) -> bool:
    return finding.review is not None and finding.review.get("decision") == "false_positive"


def _exemption(provision: Provision, event: Event) -> tuple[bool, str | None]:
    grace = provision.grace
    if grace is not None and (event.end_date or event.date) <= grace.until:
        return True, f"inside the window that ends on {grace.until.isoformat()}: {grace.text}"
    claim = event.exemption
    if claim is None:
        return False, None
    for allowed in provision.exemptions:
        if allowed.basis != claim.basis:
            continue
        if allowed.until is not None and event.date > allowed.until:
            return False, f"claimed basis '{claim.basis}' ended on {allowed.until.isoformat()} for this provision"
        ref = f" ({claim.reference})" if claim.reference else ""
        return True, f"basis '{claim.basis}'{ref} accepted: {allowed.text}"
    return False, None
