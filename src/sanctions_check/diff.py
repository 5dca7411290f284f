"""Compare two JSON reports: which findings are new, resolved or unchanged between runs.

Reports are read as plain JSON, not as the Report model: an old report may come from an
older tool version, and contract v1 only promises that the fields used here exist.
A finding is identified by (event id, rule id): the same provision on the same event.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sanctions_check.errors import InputError
from sanctions_check.report.escape import plain


@dataclass(frozen=True, order=True)
class FindingRef:
    event_id: str
    rule_id: str
    citation: str = ""
    exempted: bool = False


@dataclass
class ReportDiff:
    new: list[FindingRef] = field(default_factory=list)
    resolved: list[FindingRef] = field(default_factory=list)
    unchanged: list[FindingRef] = field(default_factory=list)
    events_added: list[str] = field(default_factory=list)
    events_removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = {k: len(data[k]) for k in ("new", "resolved", "unchanged", "events_added", "events_removed")}
        return data


def read_report(path: Path) -> dict[str, Any]:
    """A JSON report from `check --format json`, or an InputError that says what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", "give two reports written by `check --format json`") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read: {error}") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path} line {error.lineno}: not JSON ({error.msg})",
                         "diff compares reports written by `check --format json`") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise InputError(f"{path}: not a sanctions-check JSON report (no `results` list)",
                         "diff compares reports written by `check --format json`")
    return data


def _findings(report: dict[str, Any]) -> dict[tuple[str, str], FindingRef]:
    found: dict[tuple[str, str], FindingRef] = {}
    for result in report["results"]:
        for finding in result.get("findings") or []:
            ref = FindingRef(str(result.get("event_id")), str(finding.get("rule_id")),
                             str(finding.get("citation", "")), bool(finding.get("exempted", False)))
            found[(ref.event_id, ref.rule_id)] = ref
    return found


def _event_ids(report: dict[str, Any]) -> set[str]:
    ids = {str(r.get("event_id")) for r in report["results"]}
    return ids | {str(r["event_id"]) for r in report.get("rejected") or [] if r.get("event_id")}


def _notes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    notes = []
    old_rules, new_rules = old.get("ruleset") or {}, new.get("ruleset") or {}
    if old_rules.get("sha256") != new_rules.get("sha256"):
        # A changed rule set explains findings that appear or vanish on unchanged events.
        notes.append(f"rule set changed: {old_rules.get('id')} {old_rules.get('version')} "
                     f"(sha256 {str(old_rules.get('sha256'))[:12]}) -> {new_rules.get('id')} "
                     f"{new_rules.get('version')} (sha256 {str(new_rules.get('sha256'))[:12]})")
    old_tool, new_tool = (old.get("tool") or {}).get("version"), (new.get("tool") or {}).get("version")
    if old_tool != new_tool:
        notes.append(f"tool version changed: {old_tool} -> {new_tool}")
    return notes


def compare(old: dict[str, Any], new: dict[str, Any]) -> ReportDiff:
    before, after = _findings(old), _findings(new)
    old_ids, new_ids = _event_ids(old), _event_ids(new)
    return ReportDiff(
        new=sorted(after[k] for k in after.keys() - before.keys()),
        resolved=sorted(before[k] for k in before.keys() - after.keys()),
        unchanged=sorted(after[k] for k in after.keys() & before.keys()),
        events_added=sorted(new_ids - old_ids),
        events_removed=sorted(old_ids - new_ids),
        notes=_notes(old, new),
    )


def render_text(diff: ReportDiff) -> str:
    lines = [*(f"note: {n}" for n in diff.notes)]
    for title, refs in (("new", diff.new), ("resolved", diff.resolved)):
        for ref in refs:
            tag = " (exempted)" if ref.exempted else ""
            lines.append(f"{title.upper():9} {plain(ref.event_id)}  {ref.citation or ref.rule_id}{tag}  [{ref.rule_id}]")
    # Ids come from the input: plain() drops terminal controls and bidi overrides.
    for event_id in diff.events_added:
        lines.append(f"ADDED     event {plain(event_id)}")
    for event_id in diff.events_removed:
        lines.append(f"REMOVED   event {plain(event_id)}")
    lines.append(f"{len(diff.new)} new, {len(diff.resolved)} resolved, {len(diff.unchanged)} unchanged findings; "
                 f"{len(diff.events_added)} events added, {len(diff.events_removed)} removed")
    return "\n".join(lines) + "\n"


def render_json(diff: ReportDiff) -> str:
    return json.dumps(diff.to_json(), indent=2, ensure_ascii=False) + "\n"
