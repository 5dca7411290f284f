"""HTML audit report: one self-contained file (inline CSS and SVG, no script, no network).

The page carries a Content-Security-Policy that forbids scripts and every remote load, so
even a mistake in escaping could not run code or call out when the report is opened.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from sanctions_check.model.report import Finding, Report, Result
from sanctions_check.report import charts
from sanctions_check.report.escape import plain, safe_url

TEMPLATE = "report.html.j2"


def _finalize(value: Any) -> Any:
    """Applied to every {{ }} before autoescaping: drop bidi overrides and controls from text."""
    if value is None:
        return ""
    if isinstance(value, Markup):  # charts, already escaped where they hold text
        return value
    return plain(str(value))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("sanctions_check.report", "templates"),
        autoescape=True,  # every template, whatever its extension
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["label"] = lambda value: str(value).replace("_", " ")
    return env


_ENV = _environment()


def _finding_rows(results: list[Result]) -> list[tuple[int, Result, Finding]]:
    """(event number, result, finding) for the findings table; numbers anchor the event sections."""
    return [(number, result, finding) for number, result in enumerate(results, start=1)
            for finding in result.findings]


def render(report: Report) -> str:
    series = charts.cap_series(report)
    context = {
        "report": report,
        "summary": report.summary,
        "timeline": charts.timeline_svg(report.results),
        "caps": [(s, charts.cap_svg(s)) for s in series],
        "numbered": list(enumerate(report.results, start=1)),
        "finding_rows": _finding_rows(report.results),
        "colours": charts.VERDICT_COLOURS,
    }
    return _ENV.get_template(TEMPLATE).render(context)
