"""CSV report: one row per finding, for spreadsheets; every cell is formula-safe.

Events without findings get one row with the finding columns empty, and rejected records
one row with verdict "rejected", so every event of the input appears in the sheet.
"""

from __future__ import annotations

import csv
import io

from sanctions_check.model.report import Finding, Report, Result
from sanctions_check.report.escape import csv_cell

COLUMNS = ("event_id", "date", "origin", "destination", "item", "verdict", "resolution",
           "paragraph", "citation", "evidence_level", "exempted")
_ARROW = " → "
# Summary tails that say why nothing was classified, not what moved (evaluate.py).
_NOT_ITEMS = ("no DPRK party, flag or transit", "no category")


def split_summary(summary: str) -> tuple[str, str, str]:
    """(origin, destination, item) from a Result summary "A → [via →] B: categories".

    Only for results that lack the `origin`/`destination`/`item` fields (older reports):
    a party name containing " → " or ": " could be split wrongly, hence rpartition.
    """
    flow, sep, item = summary.rpartition(": ")
    if not sep:
        flow, item = summary, ""
    parties = flow.split(_ARROW)
    # Transit states sit between origin and destination, labelled "(transit)".
    origin = parties[0].removesuffix(" (origin)")
    destination = parties[-1].removesuffix(" (destination)") if len(parties) > 1 else ""
    return origin, destination, "" if item in _NOT_ITEMS else item


def _parties(result: Result) -> tuple[str, str, str]:
    if result.origin is not None:
        return result.origin, result.destination or "", result.item or ""
    return split_summary(result.summary)  # a report written before Result carried the parties


def _row(result: Result, finding: Finding | None) -> list[object]:
    origin, destination, item = _parties(result)
    facts: list[object] = [result.event_id, result.date, origin, destination, item, result.verdict]
    if finding is None:
        return facts + ["", "", "", result.status, ""]
    return facts + [finding.resolution, finding.paragraph, finding.citation, finding.status,
                    "true" if finding.exempted else "false"]


def render(report: Report) -> str:
    out = io.StringIO()
    # Fixed CRLF line ends (RFC 4180) and minimal quoting: the same report gives the same bytes.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for result in report.results:
        for finding in result.findings or [None]:
            writer.writerow([csv_cell(value) for value in _row(result, finding)])
    for rejection in report.rejected:
        writer.writerow([csv_cell(rejection.event_id), "", "", "", "", "rejected", "", "", "", "", ""])
    return out.getvalue()
