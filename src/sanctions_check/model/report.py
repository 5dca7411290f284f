"""The report of contract v1, plus the fields this tool adds (never renamed or dropped)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sanctions_check.model.vocabulary import Status, Verdict

SCHEMA_VERSION = "1"


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Finding(_Out):
    rule_id: str
    resolution: int
    paragraph: str
    citation: str
    title: str
    explanation: str
    evidence: dict[str, Any] = Field(default_factory=dict)
    # Added beyond contract v1:
    quote: str = ""
    applies_from: dt.date | None = None
    verified: bool = True
    exempted: bool = False
    exemption: str | None = Field(None, description="which claimed basis the provision accepted, and why")
    status: Status = "reported"
    review: dict[str, Any] | None = Field(None, description="a reviewer's decision on a designation match")


class CapNote(_Out):
    """Where an event leaves a cap it counts towards: running totals after it, in its window."""

    id: str
    provision: str
    window: tuple[dt.date, dt.date]
    totals: dict[str, float]
    limits: dict[str, float]
    exceeded: bool


class Result(_Out):
    event_id: str
    verdict: Verdict
    findings: list[Finding] = Field(default_factory=list)
    # Added beyond contract v1:
    date: dt.date | None = None
    kind: str | None = None
    origin: str | None = Field(None, description="origin party as shown in explanations")
    destination: str | None = None
    via: list[str] = Field(default_factory=list)
    item: str | None = Field(None, description="item description, else category or HS code")
    caps: list[CapNote] = Field(default_factory=list, description="caps this event counts towards")
    status: Status = "reported"
    summary: str = ""
    missing: list[str] = Field(default_factory=list, description="for insufficient_data: what is missing")
    exemption_rejected: str | None = None
    warnings: list[str] = Field(default_factory=list)
    sources: list[dict[str, Any]] = Field(default_factory=list)
    file: str | None = None
    line: int | None = None


class Rejection(_Out):
    line: int | None = None
    event_id: str | None = None
    errors: list[str]
    file: str | None = None
    record: int | None = None
    # Added beyond contract v1: "file" when the problem is the file's (unreadable, a syntax
    # error outside any record); such an entry is not an event and is counted as an input error.
    scope: Literal["record", "file"] = "record"


class Summary(_Out):
    events: int = 0
    evaluated: int = 0
    rejected: int = 0
    flagged: int = 0
    findings: int = 0
    # Added beyond contract v1:
    exempt: int = 0
    clear: int = 0
    insufficient_data: int = 0
    input_errors: int = 0  # files, or parts of files, that could not be read (entries of scope "file")
    by_status: dict[str, int] = Field(default_factory=dict)
    by_resolution: dict[str, int] = Field(default_factory=dict)


class ToolInfo(_Out):
    name: str = "sanctions-check"
    version: str


class RulesetInfo(_Out):
    id: str
    version: str
    sha256: str


class InputInfo(_Out):
    path: str
    sha256: str
    # Added beyond contract v1: how many top-level records the parser saw in the file, an
    # independent count that every run reconciles with its results and rejections.
    records: int | None = None


class DesignationsInfo(_Out):
    """The designations list the parties were screened against: part of every judgement."""

    source: str
    generated_on: dt.date | None = None
    imported_on: dt.date | None = None
    sha256: str = Field(description="of the imported file, else of the list's entries as loaded")
    entries: int = 0
    age_days: int | None = Field(None, description="days from the list's generation to the report's")


class Report(_Out):
    schema_version: str = SCHEMA_VERSION
    tool: ToolInfo
    ruleset: RulesetInfo
    summary: Summary
    results: list[Result]
    rejected: list[Rejection] = Field(default_factory=list)
    # Added beyond contract v1:
    generated_at: str | None = None
    inputs: list[InputInfo] = Field(default_factory=list)
    verified_engines: list[str] | None = Field(None, description="set when --verify compared engines")
    designations: DesignationsInfo | None = Field(None, description="None when screening was off")
