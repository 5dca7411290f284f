"""Draft events from a news or monitoring report, each with the sentences it came from.

Stages, one module each: text (file -> plain text), sentences, places, dates,
quantities, items, clauses and parties (who did what to whom), acts (a sentence ->
acts; with act, what and act_dates), build (the loop, status, provenance, validation);
language loads the word tables of rules/tables/; review writes drafts and puts
findings beside their sentences; score compares drafts with an analyst's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sanctions_check.draft.build import NOTE, Drafts, draft
from sanctions_check.draft.text import ReportText, from_string, read_report
from sanctions_check.model.ruleset import RuleSet

__all__ = ["NOTE", "Drafts", "ReportText", "draft", "draft_file", "from_string", "read_report"]


def draft_file(path: Path | str, rules: RuleSet, published: dt.date | None = None) -> Drafts:
    """Draft events from a .txt, .md or .html report."""
    return draft(read_report(Path(path)), rules, published)
