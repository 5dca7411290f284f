"""Report formats: each is one module with one function from the Report model to text."""

from __future__ import annotations

from typing import Callable

from sanctions_check.model.report import Report
from sanctions_check.report import csv_format, html, json_format, markdown, text

Formatter = Callable[[Report], str]

FORMATS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "markdown": markdown.render,
    "csv": csv_format.render,
    "html": html.render,
}


def register(name: str, formatter: Formatter) -> None:
    FORMATS[name] = formatter


def render(report: Report, fmt: str = "text") -> str:
    """The report as text in one of FORMATS: text, json, markdown, csv or html."""
    try:
        formatter = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(sorted(FORMATS))}") from None
    return formatter(report)
