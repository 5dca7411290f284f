"""Markdown audit report: summary, findings per event, provenance, sign-off."""

from __future__ import annotations

import re

from sanctions_check.model.report import Report, Result
from sanctions_check.report.escape import inert
from sanctions_check.report.escape import markdown as md
from sanctions_check.report.escape import safe_url
from sanctions_check.report.provenance import designations_line

_TIME_LIKE = re.compile(r"[0-9A-Za-z:+. -]*")


def _timestamp(value: str | None) -> str:
    # A --timestamp is free text: kept as it is when it looks like a time, else escaped.
    text = str(value)
    return text if _TIME_LIKE.fullmatch(text) else md(text)


def _source_line(source: dict) -> str:
    title = md(source.get("title") or source.get("url") or "source")
    url = safe_url(source.get("url"))  # only http(s), no controls, no direction overrides
    published = f" ({md(str(source['published']))})" if source.get("published") else ""
    if url:
        return f"[{title}](<{url.replace('<', '%3C').replace('>', '%3E').replace(' ', '%20')}>){published}"
    return f"{title}{published}"


def _event(result: Result) -> list[str]:
    out = [f"### {md(result.event_id)}: {result.verdict.replace('_', ' ')}", ""]
    out.append(f"- Date: {result.date}; kind: {md(str(result.kind))}; evidence level: **{md(result.status)}**")
    out.append(f"- Facts: {md(result.summary)}")
    for source in result.sources:
        out.append(f"- Source: {_source_line(source)}")
    for missing in result.missing:
        out.append(f"- Missing: {md(missing)}")
    if result.exemption_rejected:
        out.append(f"- Exemption not accepted: {md(result.exemption_rejected)}")
    out.append("")
    for finding in result.findings:
        flag = " (exempted)" if finding.exempted else ""
        check = "" if finding.verified else " (paragraph number not verified against the official text)"
        out.append(f"#### {inert(finding.citation)}{flag}: {md(finding.title)}{check}")
        out.append("")
        out.append(f"> {md(finding.quote)}")
        out.append("")
        out.append(md(finding.explanation))
        if finding.exemption:
            out.append("")
            out.append(f"Exemption: {md(finding.exemption)}")
        out.append("")
    return out


def render(report: Report) -> str:
    s = report.summary
    out = [
        "# Sanctions check: audit report",
        "",
        "Potential violations of UN Security Council resolutions on the DPRK, for a human reviewer. Not legal advice.",
        "",
        "## Summary",
        "",
        "| events | evaluated | rejected | flagged | exempt | need data | clear | findings |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {s.events} | {s.evaluated} | {s.rejected} | {s.flagged} | {s.exempt} | {s.insufficient_data} | {s.clear} | {s.findings} |",
        "",
    ]
    if s.by_status:
        out.append("Flagged or exempt events by evidence level: " + ", ".join(f"{k} {v}" for k, v in s.by_status.items()) + ".")
    if s.by_resolution:
        out.append("Findings by resolution: " + ", ".join(f"{k}: {v}" for k, v in s.by_resolution.items()) + ".")
    out += ["", "## Findings", ""]
    for result in report.results:
        if result.verdict != "clear":
            out.extend(_event(result))
    clear = [r.event_id for r in report.results if r.verdict == "clear"]
    if clear:
        out += ["## Clear", "", ", ".join(md(c) for c in clear), ""]
    if report.rejected:
        out += ["## Rejected records", ""]
        for rejection in report.rejected:
            out.append(f"- {md(rejection.event_id or '(no id)')} ({md(str(rejection.file))}, line {rejection.line or '?'}): "
                       + "; ".join(md(e) for e in rejection.errors))
        out.append("")
    out += [
        "## Provenance",
        "",
        f"- Tool: {report.tool.name} {report.tool.version}",
        f"- Rule set: {report.ruleset.id} {report.ruleset.version}, sha256 `{report.ruleset.sha256}`",
    ]
    for source in report.inputs:
        out.append(f"- Input: {md(source.path)}, sha256 `{source.sha256}`")
    out.append(f"- Designations list: {md(designations_line(report.designations))}" if report.designations
               else "- Designations list: parties not screened")
    out.append(f"- Generated: {_timestamp(report.generated_at)}")
    if report.verified_engines:
        out.append(f"- Engines compared: {', '.join(report.verified_engines)} (identical findings)")
    out += ["", "## Sign-off", "", "| | name | date | decision |", "| --- | --- | --- | --- |",
            "| Prepared by | | | |", "| Reviewed by | | | |", ""]
    return "\n".join(out)
