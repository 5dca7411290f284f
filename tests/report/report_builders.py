"""Builders for the report tests: small Report objects, hostile text, rules that may be mid-edit."""

from __future__ import annotations

import time
from typing import Any

from sanctions_check.api import load_rules
from sanctions_check.errors import RuleError
from sanctions_check.model.report import (
    Finding, InputInfo, Rejection, Report, Result, RulesetInfo, Summary, ToolInfo,
)
from sanctions_check.model.ruleset import RuleSet

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","y")'
LONG = "A" * 100_000
RLO = "\u202e"

# An event the bundled provision unsc-1718-8a-i flags: tanks from Russia to the DPRK, June 2024.
TANKS = {"id": "e1", "date": "2024-06-19", "kind": "transfer", "origin": {"country": "RU"},
         "destination": {"country": "KP"}, "item": {"description": "T-90 battle tanks"},
         "sources": [{"title": "Reuters", "url": "https://example.org/tanks"}]}
WINE = {"id": "e2", "date": "2024-07-01", "kind": "transfer", "origin": {"country": "FR"},
        "destination": {"country": "DE"}, "item": {"description": "wine"}}


def finding(rule_id: str = "r-arms", **extra: Any) -> Finding:
    data: dict[str, Any] = {
        "rule_id": rule_id, "resolution": 1718, "paragraph": "8(a)(i)",
        "citation": "S/RES/1718 (2006), para. 8(a)(i)", "title": "Arms to the DPRK",
        "explanation": "RU → DPRK: battle tanks", "quote": "battle tanks",
    }
    data.update(extra)
    return Finding(**data)


def result(event_id: str, verdict: str = "potential_violation", date: str = "2024-06-19",
           findings: list[Finding] | None = None, **extra: Any) -> Result:
    if findings is None:
        findings = [finding()] if verdict in ("potential_violation", "exempt") else []
    data: dict[str, Any] = {"event_id": event_id, "verdict": verdict, "date": date, "kind": "transfer",
                            "summary": "RU → DPRK (destination): battle_tanks", "findings": findings}
    data.update(extra)
    return Result(**data)


def cap_finding(total: float, limit: float = 500_000, window: tuple[str, str] = ("2024-01-01", "2024-12-31"),
                cap_id: str = "petrol", rule_id: str = "r-petrol-cap") -> Finding:
    cap = {"id": cap_id, "window": list(window), "totals": {"barrels": total}, "limits": {"barrels": limit}}
    return finding(rule_id, resolution=2397, paragraph="5", citation="S/RES/2397 (2017), para. 5",
                   title="Refined petroleum over the cap", evidence={"cap": cap})


def report(results: list[Result], rejected: list[Rejection] | None = None, **extra: Any) -> Report:
    data: dict[str, Any] = {
        "tool": ToolInfo(version="0.1.0"),
        "ruleset": RulesetInfo(id="unsc-dprk", version="0.1.0", sha256="ab" * 32),
        "summary": Summary(events=len(results) + len(rejected or []), evaluated=len(results),
                           rejected=len(rejected or []),
                           flagged=sum(r.verdict == "potential_violation" for r in results),
                           findings=sum(len(r.findings) for r in results)),
        "results": results, "rejected": rejected or [],
        "generated_at": "2024-07-01T00:00:00Z",
        "inputs": [InputInfo(path="events.json", sha256="cd" * 32)],
    }
    data.update(extra)
    return Report(**data)


def load_rules_retrying(attempts: int = 4, pause: float = 30.0) -> RuleSet:
    """The bundled rules are being edited by others; a half-written file is retried, not failed on."""
    for attempt in range(attempts):
        try:
            return load_rules()
        except RuleError:
            if attempt == attempts - 1:
                raise
            time.sleep(pause)
    raise AssertionError("unreachable")
