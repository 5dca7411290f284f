"""Terminal output: one block per event that needs attention, then the summary."""

from __future__ import annotations

import textwrap

from sanctions_check.model.report import Report, Result
from sanctions_check.report.provenance import designations_line
from sanctions_check.report.escape import inert

_MARK = {"potential_violation": "FLAGGED", "exempt": "EXEMPT", "insufficient_data": "NEEDS DATA", "clear": "clear"}


def _wrap(text: str, indent: str) -> str:
    # Escaped before wrapping: input text may hold terminal escapes, bidi overrides or a CR.
    return textwrap.fill(inert(text), width=100, initial_indent=indent, subsequent_indent=indent)


def _block(result: Result) -> list[str]:
    head = inert(f"{_MARK[result.verdict]}  {result.event_id}  {result.date}  [{result.status}]")
    lines = [head, _wrap(result.summary, "    ")]
    for finding in result.findings:
        tag = " (exempted)" if finding.exempted else ""
        unverified = " [paragraph number unverified]" if not finding.verified else ""
        lines.append(inert(f"  - {finding.citation}{tag}{unverified}: {finding.title}"))
        lines.append(_wrap(f'"{finding.quote}"', "      "))
        lines.append(_wrap(finding.explanation, "      "))
        if finding.exemption:
            lines.append(_wrap(f"exemption: {finding.exemption}", "      "))
    if result.exemption_rejected:
        lines.append(_wrap(f"exemption not accepted: {result.exemption_rejected}", "    "))
    for missing in result.missing:
        lines.append(_wrap(f"missing: {missing}", "    "))
    for warning in result.warnings:
        lines.append(_wrap(f"warning: {warning}", "    "))
    return lines


def render(report: Report) -> str:
    lines: list[str] = []
    for result in report.results:
        if result.verdict != "clear" or result.warnings:
            lines.extend(_block(result))
            lines.append("")
    for rejection in report.rejected:
        lines.append(inert(f"REJECTED  {rejection.event_id or '(no id)'}  {rejection.file}:{rejection.line or '?'}"))
        lines.extend(_wrap(error, "    ") for error in rejection.errors)
        lines.append("")
    s = report.summary
    lines.append(
        f"{s.events} events: {s.flagged} flagged, {s.exempt} exempt, {s.insufficient_data} need data, "
        f"{s.clear} clear, {s.rejected} rejected; {s.findings} findings"
    )
    lines.append(inert(f"rules {report.ruleset.id} {report.ruleset.version} (sha256 {report.ruleset.sha256[:12]}), "
                       f"{report.tool.name} {report.tool.version}"))
    if report.designations is not None:
        lines.append(inert(f"screened against {designations_line(report.designations)}"))
    else:
        lines.append("parties not screened (--no-screening)")
    lines.append("Potential violations for a human to review; not legal advice.")
    return "\n".join(lines) + "\n"
