"""Run every provision's own examples, the way Semgrep runs `ruleid:` / `ok:` lines.

An example is an event (or, for caps, a list of events whose last one is judged), with
an optional `note` and `expect`:
- under `violates`: the provision must be reported and not exempted (`expect: exempt`
  asks for it to be reported and exempted instead);
- under `near_miss`: the provision must not be reported as a potential violation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterator

from sanctions_check.model.report import Finding
from sanctions_check.model.rule import Provision
from sanctions_check.model.ruleset import RuleSet

_DEFAULT = {"origin": {"country": "RU"}, "destination": {"country": "KP"}}


@dataclass
class ExampleOutcome:
    rule_id: str
    label: str  # "violates[0]" or "near_miss[1]"
    note: str
    passed: bool
    detail: str


def _events(provision: Provision, label: str, example: dict[str, Any]) -> tuple[list[dict[str, Any]], str, str | None]:
    note = example.get("note", "")
    expect = example.get("expect")
    if "events" in example:
        raw = example["events"]
    elif "event" in example:
        raw = [example["event"]]
    else:
        raw = [{k: v for k, v in example.items() if k not in ("note", "expect")}]
    events = []
    for number, event in enumerate(raw):
        data = {**_DEFAULT, **event}
        data.setdefault("id", f"{provision.id}/{label}/{number}")
        if isinstance(data.get("date"), dt.date):
            data["date"] = data["date"].isoformat()
        events.append(data)
    return events, note, expect


def iter_examples(provision: Provision) -> Iterator[tuple[str, list[dict[str, Any]], str, str | None]]:
    for group in ("violates", "near_miss"):
        for index, example in enumerate(getattr(provision.examples, group)):
            events, note, expect = _events(provision, f"{group}[{index}]", example)
            yield f"{group}[{index}]", events, note, expect


def judge(provision: Provision, label: str, findings: list[Finding], expect: str | None) -> tuple[bool, str]:
    mine = [f for f in findings if f.rule_id == provision.id]
    if label.startswith("violates"):
        if not mine:
            return False, "expected the provision to be reported; it was not"
        if expect == "exempt":
            return (mine[0].exempted, "reported and exempted" if mine[0].exempted else "reported but not exempted")
        return (not mine[0].exempted, "reported" if not mine[0].exempted else "reported but exempted")
    if mine and not mine[0].exempted:
        return False, f"near miss reported as a potential violation: {mine[0].explanation}"
    return True, "not reported" if not mine else "reported only as exempted"


def run_examples(ruleset: RuleSet, only: str | None = None, engine: str = "durable") -> list[ExampleOutcome]:
    from sanctions_check.api import check  # the examples go through the public path

    outcomes = []
    for provision in ruleset.provisions:
        if only and provision.id != only:
            continue
        for label, events, note, expect in iter_examples(provision):
            report = check(events, ruleset, engine=engine, verify=True, timestamp="examples")  # type: ignore[arg-type]
            if report.rejected:
                outcomes.append(ExampleOutcome(provision.id, label, note, False, "invalid example: " + "; ".join(report.rejected[0].errors)))
                continue
            judged = report.results[-1]
            passed, detail = judge(provision, label, judged.findings, expect)
            outcomes.append(ExampleOutcome(provision.id, label, note, passed, detail))
    return outcomes
