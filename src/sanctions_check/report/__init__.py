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


def render(report: Report, fmt: str) -> str:
    return FORMATS[fmt](report)
