"""Score sanctions-check on the blind set of real incidents.

The events (``events.json``) and the expected answers (``expected.yaml``) were written
by someone who had not read the rules or the code; see ``SOURCES.md``. This module runs
the library on the events and compares each result with its expected answer.

An event is *fully right* when the verdict is the expected one, every required citation
is reported, and every reported citation is either required or allowed. An event the
tool rejects counts as wrong: a real analyst's record that cannot be read is a miss.

Run ``python tests/blind/score.py`` (or ``--json``) from the repository root.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
EVENTS = HERE / "events.json"
EXPECTED = HERE / "expected.yaml"
VERDICTS = ("potential_violation", "exempt", "insufficient_data", "clear")
REJECTED = "rejected"
LAWFUL = ("clear", "exempt")

Citation = tuple[int, str]


@dataclass(frozen=True)
class Expected:
    verdict: str
    required: tuple[Citation, ...]
    allowed: tuple[Citation, ...]


@dataclass
class Outcome:
    event_id: str
    expected: str
    got: str
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    reason: str = ""

    @property
    def right(self) -> bool:
        return self.expected == self.got and not self.missing and not self.extra


@dataclass
class Score:
    events: int
    fully_right: int
    evaluated: int
    evaluated_right: int
    confusion: dict[str, dict[str, int]]
    missed_violations: list[str]
    lawful_flagged: list[str]
    misses: list[Outcome]

    @property
    def share(self) -> float:
        return self.fully_right / self.events if self.events else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "fully_right": self.fully_right,
            "share": round(self.share, 4),
            "evaluated": self.evaluated,
            "evaluated_right": self.evaluated_right,
            "confusion": self.confusion,
            "missed_violations": self.missed_violations,
            "lawful_flagged": self.lawful_flagged,
            "misses": [asdict(m) for m in self.misses],
        }


def _citation(entry: dict[str, Any]) -> Citation:
    return int(entry["resolution"]), str(entry["paragraph"]).replace(" ", "").lower()


def load_expected(path: Path = EXPECTED) -> dict[str, Expected]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        event_id: Expected(
            verdict=entry["verdict"],
            required=tuple(_citation(c) for c in entry.get("required") or ()),
            allowed=tuple(_citation(c) for c in entry.get("allowed") or ()),
        )
        for event_id, entry in data.items()
    }


def load_events(path: Path = EVENTS) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["events"]


def same_provision(a: Citation, b: Citation) -> bool:
    """A coarser paragraph matches any finer one: "8" matches "8(a)(iii)", and back."""
    if a[0] != b[0]:
        return False
    pa, pb = a[1], b[1]
    return pa == pb or pa.startswith(pb + "(") or pb.startswith(pa + "(")


def show(c: Citation) -> str:
    return f"{c[0]} {c[1]}"


def run_tool(events: list[dict[str, Any]]) -> tuple[dict[str, tuple[str, list[Citation]]], dict[str, str]]:
    """Return {event id: (verdict, reported citations)} and {rejected id: first error}."""
    from sanctions_check import check, load_rules

    report = check(events, load_rules()).model_dump(mode="json")
    results = {
        r["event_id"]: (str(r["verdict"]), [_citation(f) for f in r.get("findings") or ()])
        for r in report["results"]
    }
    rejected: dict[str, str] = {}
    for entry in report.get("rejected") or ():
        # A record rejected before its id was read is matched by its 1-based record number.
        record = entry.get("record")
        event_id = entry.get("event_id") or (events[record - 1].get("id") if record else None) or f"record {record}"
        errors = entry.get("errors") or ["rejected"]
        rejected[str(event_id)] = str(errors[0])
    return results, rejected


def compare(event_id: str, want: Expected, got: tuple[str, list[Citation]] | None, rejection: str | None) -> Outcome:
    if got is None:
        return Outcome(event_id, want.verdict, REJECTED, [show(c) for c in want.required], [], rejection or "not in the report")
    verdict, reported = got
    missing = [show(c) for c in want.required if not any(same_provision(c, r) for r in reported)]
    known = want.required + want.allowed
    extra = sorted({show(r) for r in reported if not any(same_provision(r, k) for k in known)})
    return Outcome(event_id, want.verdict, verdict, missing, extra)


def score(events: list[dict[str, Any]] | None = None, expected: dict[str, Expected] | None = None) -> Score:
    events = load_events() if events is None else events
    expected = load_expected() if expected is None else expected
    ids = [str(e.get("id")) for e in events]
    if set(ids) != set(expected):
        raise SystemExit(
            "events.json and expected.yaml list different ids: "
            f"only in events {sorted(set(ids) - set(expected))}, only expected {sorted(set(expected) - set(ids))}"
        )
    results, rejected = run_tool(events)
    outcomes = [compare(i, expected[i], results.get(i), rejected.get(i)) for i in ids]
    confusion: dict[str, dict[str, int]] = {}
    for v in VERDICTS:
        counts = Counter(o.got for o in outcomes if o.expected == v)
        confusion[v] = {g: counts[g] for g in (*VERDICTS, REJECTED) if counts[g]}
    evaluated = [o for o in outcomes if o.got != REJECTED]
    return Score(
        events=len(outcomes),
        fully_right=sum(o.right for o in outcomes),
        evaluated=len(evaluated),
        evaluated_right=sum(o.right for o in evaluated),
        confusion=confusion,
        missed_violations=[o.event_id for o in outcomes if o.expected == "potential_violation" and o.got != "potential_violation"],
        lawful_flagged=[o.event_id for o in outcomes if o.expected in LAWFUL and o.got == "potential_violation"],
        misses=[o for o in outcomes if not o.right],
    )


def render(s: Score) -> str:
    lines = [
        f"events: {s.events}",
        f"fully right: {s.fully_right}/{s.events} ({s.share:.1%})",
        f"of the {s.evaluated} events not rejected: {s.evaluated_right} fully right",
        "confusion (expected -> got):",
    ]
    lines += [f"  {v:<20} {c}" for v, c in s.confusion.items()]
    lines.append(f"missed violations ({len(s.missed_violations)}): {', '.join(s.missed_violations) or '-'}")
    lines.append(f"lawful events flagged ({len(s.lawful_flagged)}): {', '.join(s.lawful_flagged) or '-'}")
    lines.append("misses:")
    for m in s.misses:
        detail = f"missing [{', '.join(m.missing)}] extra [{', '.join(m.extra)}]"
        if m.reason:
            detail += f" ({m.reason})"
        lines.append(f"  {m.event_id}: expected {m.expected}, got {m.got}; {detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the score as JSON")
    parser.add_argument("--events", type=Path, default=EVENTS, help="events file (contract v1 JSON)")
    parser.add_argument("--expected", type=Path, default=EXPECTED, help="expected answers (YAML)")
    args = parser.parse_args(argv)
    s = score(load_events(args.events), load_expected(args.expected))
    print(json.dumps(s.to_json(), indent=2) if args.json else render(s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
