"""The designations model: one list, its entries, their names. Validated once, at load."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

EntryType = Literal["individual", "entity", "vessel"]
AliasQuality = Literal["good", "low"]


def _clean(text: str) -> str:
    # The UN XML wraps long names over lines ("Kim\n    Yong-Chol"): one space between words.
    return " ".join(text.split())


class Alias(BaseModel):
    """Another name of a listed party, as the list gives it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    quality: AliasQuality = Field(description="'low' aliases are weak identifiers and weigh less in screening")
    former: bool = Field(False, description="a former name (f.k.a. in the UN list)")

    _clean_name = field_validator("name")(classmethod(lambda cls, v: _clean(v)))


class ListEntry(BaseModel):
    """One designated individual, entity or vessel."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reference_number: str = Field(description="UN reference (KPi.038, KPe.020); 'vessel:NAME' for vessels")
    entry_type: EntryType
    primary_name: str
    aliases: list[Alias] = Field(default_factory=list)
    listed_on: date | None = Field(None, description="date of designation; no finding before it")
    nationality: list[str] = Field(default_factory=list)
    dates_of_birth: list[str] = Field(default_factory=list, description="YYYY-MM-DD, YYYY or YYYY-YYYY")
    passports: list[str] = Field(default_factory=list)
    imo_numbers: list[str] = Field(
        default_factory=list,
        description="vessels: IMO ship numbers; entities: IMO company numbers quoted in the UN comments",
    )
    comments: str | None = None
    un_list_type: str = "DPRK"
    related: list[str] = Field(default_factory=list, description="references of listed owners or managers")
    verified: bool = Field(True, description="False when a field rests on a secondary source (see comments)")

    _strip_ref = field_validator("reference_number")(classmethod(lambda cls, v: v.strip()))
    _clean_name = field_validator("primary_name")(classmethod(lambda cls, v: _clean(v)))

    def names(self) -> list[tuple[str, AliasQuality | None]]:
        """The primary name (quality None) then every alias, in list order."""
        return [(self.primary_name, None)] + [(a.name, a.quality) for a in self.aliases]

    def active_on(self, on_date: date | None) -> bool:
        """True when the designation applies on that date (or no date is asked)."""
        return on_date is None or self.listed_on is None or on_date >= self.listed_on


class DesignationList(BaseModel):
    """A designations list: where it came from, when it was generated and imported."""

    model_config = ConfigDict(extra="forbid")

    source: str
    generated_on: date | None = Field(None, description="the list's own generation date (dateGenerated)")
    imported_on: date | None = None
    sha256: str | None = Field(None, description="hash of the imported file, for the audit trail")
    entries: list[ListEntry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_references(self) -> DesignationList:
        repeated = [ref for ref, n in Counter(e.reference_number for e in self.entries).items() if n > 1]
        if repeated:
            raise ValueError(f"reference numbers listed twice: {', '.join(sorted(repeated))}")
        return self

    def by_reference(self, reference: str) -> ListEntry:
        """The entry with that reference number; KeyError if none (case and spaces ignored)."""
        wanted = reference.strip().lower()
        for entry in self.entries:
            if entry.reference_number.lower() == wanted:
                return entry
        raise KeyError(reference)

    def of_type(self, entry_type: EntryType) -> list[ListEntry]:
        return [e for e in self.entries if e.entry_type == entry_type]

    @property
    def individuals(self) -> list[ListEntry]:
        return self.of_type("individual")

    @property
    def entities(self) -> list[ListEntry]:
        return self.of_type("entity")

    @property
    def vessels(self) -> list[ListEntry]:
        return self.of_type("vessel")

    def counts(self) -> dict[str, int]:
        return {t: len(self.of_type(t)) for t in ("individual", "entity", "vessel")}
