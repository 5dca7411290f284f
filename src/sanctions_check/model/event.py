"""The event of contract v1: one reported act, validated once at the edge."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sanctions_check.model.countries import DPRK, ISO_ALPHA2, NAMES
from sanctions_check.model.vocabulary import (
    Category, EventKind, ExemptionBasis, PartyType, Status, Unit, VesselActivity,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def period(value: Any) -> tuple[dt.date, dt.date] | None:
    """First and last day of a year ("2024") or a month ("2024-03"), as news dates acts."""
    match = _PERIOD.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2)) if match.group(2) else None
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not 1 <= month <= 12:
        return None
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), following - dt.timedelta(days=1)
_HS = re.compile(r"^\d{2}[\d.]*$")


def _country(value: str) -> str:
    code = value.strip().upper()
    if code not in ISO_ALPHA2:
        raise ValueError(
            f"'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. KP for the DPRK, RU, CN)"
        )
    return code


def _iso_date(value: Any) -> Any:
    # Lax pydantic would take 1718 as a Unix timestamp or '2017-9-1'; dates compare
    # as written downstream, so only zero-padded ISO dates get in.
    if isinstance(value, dt.datetime):
        raise ValueError("give a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD, or YYYY or YYYY-MM for a period)")
    return value.strip()


class _Contract(BaseModel):
    # Unknown fields are kept and reported as warnings, never silently dropped:
    # a typo such as `hs_cod` must be visible in the report.
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, frozen=True)


class Party(_Contract):
    country: str = Field(description="ISO 3166-1 alpha-2 code; KP is the DPRK")
    name: str | None = None
    type: PartyType | None = None

    _check_country = field_validator("country")(classmethod(lambda cls, v: _country(v)))

    @property
    def label(self) -> str:
        """As reports show it: 'Name (CC)', or the code; the DPRK is named."""
        country = NAMES.get(self.country, self.country) if self.country == DPRK else self.country
        return f"{self.name} ({country})" if self.name else country


class Item(_Contract):
    description: str | None = None
    category: Category | None = None
    hs_code: str | None = Field(None, description="2 to 10 HS digits, dots allowed: 8703.24")
    # Finite only: JSON parsers read 1e400 or Infinity as infinity, which no cap can sum.
    quantity: float | None = Field(None, ge=0, allow_inf_nan=False)
    unit: Unit | None = None
    value_usd: float | None = Field(None, ge=0, allow_inf_nan=False)

    @field_validator("hs_code", mode="before")
    @classmethod
    def _hs(cls, value: Any) -> Any:
        if value is None or value == "":
            return None
        text = str(value).strip()
        digits = text.replace(".", "")
        if not (digits.isascii() and digits.isdigit()) or not 2 <= len(digits) <= 10 or not _HS.match(text):
            raise ValueError(f"'{text}' is not an HS code (2 to 10 digits, dots allowed)")
        return text

    @property
    def hs_digits(self) -> str | None:
        return self.hs_code.replace(".", "") if self.hs_code else None

    @property
    def label(self) -> str | None:
        """As reports show it: the description, else the category, else the HS code."""
        return self.description or self.category or (f"HS {self.hs_code}" if self.hs_code else None)


class Vessel(_Contract):
    name: str | None = None
    imo: str | None = Field(None, description="7-digit IMO number")
    flag: str | None = None
    activity: VesselActivity | None = None

    @field_validator("flag")
    @classmethod
    def _flag(cls, value: str | None) -> str | None:
        return _country(value) if value else None

    @field_validator("imo", mode="before")
    @classmethod
    def _imo(cls, value: Any) -> Any:
        if value is None or value == "":
            return None
        text = str(value).strip().upper().removeprefix("IMO").strip()
        if not re.fullmatch(r"\d{7}", text):
            raise ValueError(f"'{value}' is not an IMO number (7 digits)")
        return text


_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _published(value: Any) -> Any:
    """Reports are often dated by month or year: YYYY, YYYY-MM or YYYY-MM-DD (a time is cut off)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if text and re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text):
        text = text[:10]
    match = _PUBLISHED.match(text or "")
    if match:
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            dt.date(year, month or 1, day or 1)  # type: ignore[arg-type]
            return text
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a publication date (YYYY, YYYY-MM or YYYY-MM-DD)")


class Source(_Contract):
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")

    _check_published = field_validator("published", mode="before")(classmethod(lambda cls, v: _published(v)))


class Exemption(_Contract):
    basis: ExemptionBasis
    reference: str | None = None
    details: str | None = None


class Event(_Contract):
    """One act: a transfer, service, payment, employment, vessel operation or trip."""

    id: str = Field(min_length=1, description="unique within the file")
    date: dt.date = Field(description="when the act happened or began (YYYY-MM-DD; YYYY or YYYY-MM for a period)")
    end_date: dt.date | None = None
    date_period: str | None = Field(
        None, description="added to contract v1: the date as written when it was a year or a month "
                          "(date and end_date then hold the period's first and last days)")
    kind: EventKind
    origin: Party
    destination: Party
    via: list[str] = Field(default_factory=list, description="transit states, in order")
    intermediaries: list[Party] = Field(
        default_factory=list, description="added to contract v1: brokers, agents, banks or front companies named in the report"
    )
    item: Item | None = None
    activity: str | None = None
    related_to: list[Category] = Field(default_factory=list)
    vessel: Vessel | None = None
    counterpart: Vessel | None = Field(
        None, description="added to contract v1: the other ship of a ship-to-ship transfer, bunkering or "
                          "towing (the DPRK tanker where `vessel` is the foreign one)")
    status: Status = "reported"
    sources: list[Source] = Field(default_factory=list)
    notes: str | None = None
    exemption: Exemption | None = None
    provenance: dict[str, Any] | None = Field(
        None, description="added to contract v1: where a drafted event came from (quoted sentences, "
                          "offsets, the text's sha256, confidence per field); not used in evaluation")
    schema_version: str | None = Field(None, description="ignored on events; accepted for copy-paste")

    @model_validator(mode="before")
    @classmethod
    def _periods(cls, data: Any) -> Any:
        # "2024" or "2024-03" is a period: its first day is the date and, unless an end_date is
        # given, its last day the end_date, so provisions judge it as any act spanning days.
        if not isinstance(data, dict):
            return data
        date, end_date = data.get("date"), data.get("end_date")
        if not (isinstance(date, str) and len(date) <= 7 or isinstance(end_date, str) and len(end_date) <= 7):
            return data  # a full date (the usual case): nothing to do, checked first as it runs per event
        start = period(data.get("date"))
        end = period(data.get("end_date"))
        if start is None and end is None:
            return data
        data = dict(data)
        if start is not None:
            data["date_period"] = data["date"].strip()
            data["date"] = start[0].isoformat()
            if data.get("end_date") in (None, ""):
                data["end_date"] = start[1].isoformat()
        if end is not None:
            data["end_date"] = end[1].isoformat()
        return data

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, value: Any) -> Any:
        # CSV and YAML readers hand numbers over as numbers; an id is a label.
        return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value

    _check_dates = field_validator("date", "end_date", mode="before")(
        classmethod(lambda cls, v: v if v is None else _iso_date(v))
    )

    @field_validator("via")
    @classmethod
    def _via(cls, value: list[str]) -> list[str]:
        return [_country(code) for code in value]

    @property
    def ship_flags(self) -> frozenset[str]:
        """Flags of every ship in the act: the vessel, the counterpart ship, and parties of
        type vessel (whose country is their flag). "DPRK-flagged vessels" in a provision means
        any of them: the Panel names the foreign tanker as the vessel, the DPRK one as the party."""
        flags = {ship.flag for ship in (self.vessel, self.counterpart) if ship is not None and ship.flag}
        flags.update(p.country for p in (self.origin, self.destination, *self.intermediaries) if p.type == "vessel")
        return frozenset(flags)

    @model_validator(mode="after")
    def _required_by_kind(self) -> "Event":
        if self.kind == "transfer" and self.item is None:
            raise ValueError("field 'item' is required for kind 'transfer' (what moved)")
        if self.kind == "vessel" and self.vessel is None:
            raise ValueError("field 'vessel' is required for kind 'vessel' (the ship involved)")
        if self.end_date is not None and self.end_date < self.date:
            raise ValueError(f"end_date {self.end_date} is before date {self.date}")
        return self
