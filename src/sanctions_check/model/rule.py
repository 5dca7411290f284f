"""Rule files: one provision of a resolution as a record, the way a Semgrep rule is.

A provision says when it applies (`in_force`), what an event must show to engage it
(`when`), which claimed exemptions it allows, and carries its own examples.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sanctions_check.model.vocabulary import EventKind, ExemptionBasis, VesselActivity

_PARAGRAPH = re.compile(r"^\d+(\([a-z]+\))*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")

Direction = Literal["to_dprk", "from_dprk", "to_or_from_dprk"]
DesignatedType = Literal["individual", "entity", "vessel", "any"]


class _RuleModel(BaseModel):
    # Rule files are ours: an unknown key is a typo that would silently widen a rule.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Threshold(_RuleModel):
    gt: float | None = None
    gte: float | None = None
    lt: float | None = None
    lte: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> "Threshold":
        if all(v is None for v in (self.gt, self.gte, self.lt, self.lte)):
            raise ValueError("a threshold needs one of gt, gte, lt, lte")
        return self


class When(_RuleModel):
    """What an event must show. Every key given must hold; a list means 'any of'."""

    kind: list[EventKind] | None = None
    direction: Direction | None = None
    categories: list[str] | None = Field(None, description="any of these (item, HS, description or related_to)")
    with_categories: list[str] | None = Field(
        None, description="and also any of these: a second fact the event must show (e.g. an arms item AND a repair purpose)")
    hs: list[str] | None = Field(None, description="any of these HS prefixes (2, 4 or 6 digits)")
    value_usd: Threshold | None = None
    barrels: Threshold | None = None
    tonnes: Threshold | None = None
    vessel_activity: list[VesselActivity] | None = None
    vessel_flag: list[str] | None = None
    origin_country: list[str] | None = None
    destination_country: list[str] | None = None
    via: list[str] | None = Field(None, description="any of these transit states")
    cap_exceeded: str | None = Field(None, description="id of a cap in caps.yaml")
    designated: list[DesignatedType] | None = Field(None, description="a party matches the designations list")

    @field_validator("hs")
    @classmethod
    def _hs_prefix(cls, value: list[str] | None) -> list[str] | None:
        for prefix in value or []:
            if not re.fullmatch(r"\d{2}|\d{4}|\d{6}", prefix):
                raise ValueError(f"HS prefix '{prefix}' must have 2, 4 or 6 digits")
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> "When":
        if not self.model_fields_set:
            raise ValueError("'when' must test at least one field")
        return self


class InForce(_RuleModel):
    start: dt.date = Field(alias="from", description="first day an act is covered")
    until: dt.date | None = Field(None, description="last day; none while in force")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class AllowedExemption(_RuleModel):
    basis: ExemptionBasis
    text: str = Field(description="what the provision says about it")
    until: dt.date | None = Field(None, description="last day of a wind-down window")


class Grace(_RuleModel):
    """A window inside which the provision applies but the act is still allowed, with no
    claim needed (e.g. the 24 months 2397 para 8 gives to repatriate workers)."""

    until: dt.date = Field(description="last day of the window")
    text: str = Field(description="what the provision says about the window")


class Link(_RuleModel):
    rule: str
    date: dt.date
    scope: str | None = None


class Examples(_RuleModel):
    violates: list[dict[str, Any]] = Field(min_length=1)
    near_miss: list[dict[str, Any]] = Field(min_length=1)


class Provision(_RuleModel):
    id: str
    resolution: int
    paragraph: str
    citation: str
    title: str
    adopted: dt.date
    in_force: InForce
    quote: str = Field(min_length=3, max_length=400)
    obligated: str
    direction: Literal["to_dprk", "from_dprk", "both", "other"]
    verified: bool
    verification: str
    when: When
    explanation: str = Field(description="template; see README 'Rule format' for placeholders")
    extends: list[str] = Field(default_factory=list)
    superseded_by: list[Link] = Field(default_factory=list)
    exemptions: list[AllowedExemption] = Field(default_factory=list)
    grace: Grace | None = None
    examples: Examples
    notes: str | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"id '{value}' must be lower case letters, digits, '.' and '-'")
        return value

    @field_validator("paragraph")
    @classmethod
    def _paragraph(cls, value: str) -> str:
        if not _PARAGRAPH.match(value):
            raise ValueError(f"paragraph '{value}' must look like 8(a)(iii): number, then (sub) parts, lower case, no spaces")
        return value

    @model_validator(mode="after")
    def _dates(self) -> "Provision":
        if self.in_force.start < self.adopted:
            raise ValueError(f"in_force.from {self.in_force.start} is before adoption {self.adopted}")
        if self.in_force.until and self.in_force.until < self.in_force.start:
            raise ValueError("in_force.until is before in_force.from")
        return self

    def applies_on(self, day: dt.date) -> bool:
        return self.in_force.start <= day and (self.in_force.until is None or day <= self.in_force.until)


class CapPeriod(_RuleModel):
    """A ceiling for a dated span; `every: year` repeats it in 12-month windows from `from`."""

    start: dt.date = Field(alias="from")
    until: dt.date | None = None
    every: Literal["once", "year"] = "once"
    limits: dict[Literal["barrels", "tonnes", "usd"], float]
    provision: str
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _span(self) -> "CapPeriod":
        if self.every == "once" and self.until is None:
            raise ValueError("a one-off cap period needs 'until'")
        return self

    def window(self, day: dt.date) -> tuple[dt.date, dt.date] | None:
        """The counting window that holds `day`, or None when this period does not cover it."""
        if day < self.start or (self.until and day > self.until):
            return None
        if self.every == "once":
            return self.start, self.until  # type: ignore[return-value]
        years = day.year - self.start.year
        begin = _add_years(self.start, years)
        if begin > day:
            begin = _add_years(self.start, years - 1)
        end = _add_years(begin, 1) - dt.timedelta(days=1)
        return begin, min(end, self.until) if self.until else end


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Cap(_RuleModel):
    """An aggregate ceiling summed across events over dated periods."""

    id: str
    title: str
    counts: When = Field(description="which events add to the total")
    not_counted: list[ExemptionBasis] = Field(
        default_factory=list, description="claimed bases that take an event out of the total (e.g. coal of non-DPRK origin)")
    periods: list[CapPeriod] = Field(min_length=1)
    source: str

    def period_on(self, day: dt.date) -> tuple[CapPeriod, dt.date, dt.date] | None:
        for period in self.periods:
            span = period.window(day)
            if span:
                return period, span[0], span[1]
        return None


class Conversions(_RuleModel):
    """Unit factors for summing quantities; each with a source (see caps.yaml)."""

    tonnes_to_barrels: dict[str, float]
    litres_per_barrel: float
    cubic_metres_to_barrels: float
    source: str
