"""Drafts and their findings side by side: each draft's quoted sentences, then what
`check` found in it, so a reviewer reads the claim and its legal reading together."""

from __future__ import annotations

import json
from typing import Any, Iterator

import yaml

from sanctions_check.draft.build import Drafts
from sanctions_check.model.report import Report

# Warnings about what drafting itself wrote: the periods it wrote (the header line shows them).
_OWN_WARNINGS = ("date '",)


def document(drafts: Drafts) -> dict[str, Any]:
    """The drafts as an event file of contract v1, readable by `check`."""
    return {"schema_version": "1", "events": drafts.records}


def dumps(drafts: Drafts, form: str) -> str:
    data = document(drafts)
    if form == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    head = (f"# Draft events from {drafts.text.source} (text sha256 {drafts.text.sha256}),\n"
            f"# dates resolved against {drafts.published.isoformat()} ({drafts.published_from}).\n"
            "# Review every field against the quoted sentences before use.\n")
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def review_lines(drafts: Drafts, report: Report) -> Iterator[str]:
    by_id = {result.event_id: result for result in report.results}
    for validated in drafts.events:
        event = validated.event
        provenance = event.provenance or {}
        period = f"{event.date}..{event.end_date}" if event.end_date else f"{event.date}"
        item = event.item.label if event.item and event.item.label else event.activity or ""
        yield (f"{event.id}: {event.kind} {event.origin.label} -> {event.destination.label}, {period}, "
               f"{event.status}" + (f", {item}" if item else ""))
        for quote in provenance.get("quotes", []):
            yield f"  > \"{quote['text']}\" (line {quote['line']}, characters {quote['start']}-{quote['end']})"
        result = by_id.get(event.id)
        if result is None:
            continue
        if not result.findings:
            missing = f" (missing: {', '.join(result.missing)})" if result.missing else ""
            yield f"  = {result.verdict.replace('_', ' ')}{missing}"
        for finding in result.findings:
            yield f"  ! {finding.citation}: {finding.title}"
        for warning in result.warnings:
            if not warning.startswith(_OWN_WARNINGS):
                yield f"  ? {warning}"
    for rejection in drafts.rejected:
        yield f"left out (not a valid event): {'; '.join(rejection.errors)}"
