"""Reviewed matches: a reviewer's decision on (list entry, name) pairs, applied to new matches.

A decision never removes a match: it is attached to it (`Match.review`), so a report can
show the finding as reviewed (a false positive, or a confirmed match) with who decided,
when and why.

File format, CSV (header row required) or YAML (a list of records, or `decisions: [...]`):

    entity_reference,name,decision,reason,reviewer,date
    KPi.044,Kim Chol Nam,false_positive,"Different person: born 1980, a ROK national",A. Reviewer,2024-07-01
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from sanctions_check.errors import ListError
from sanctions_check.ruleset.safe_yaml import load_yaml_file
from sanctions_check.screening.normalize import fold

if TYPE_CHECKING:
    from sanctions_check.screening.match import Match

DecisionKind = Literal["false_positive", "true_match"]
COLUMNS = ("entity_reference", "name", "decision", "reason", "reviewer", "date")
_HINT = "columns: " + ", ".join(COLUMNS) + "; decision is false_positive or true_match; date is YYYY-MM-DD"


class Decision(BaseModel):
    """One reviewed (list entry, name) pair."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entity_reference: str
    name: str
    decision: DecisionKind
    reason: str
    reviewer: str
    date: date
    source: str | None = None  # "file line N", for the audit trail


def name_key(name: str) -> str:
    """Names are the same for a decision up to case, diacritics, punctuation and word order."""
    return " ".join(sorted(fold(name)))


class Decisions:
    """Decisions indexed by (reference, name); `apply` marks matches as reviewed."""

    def __init__(self, decisions: list[Decision] | None = None) -> None:
        self._by_key: dict[tuple[str, str], Decision] = {}
        for decision in decisions or []:
            key = (decision.entity_reference.strip().lower(), name_key(decision.name))
            earlier = self._by_key.get(key)
            if earlier and earlier.decision != decision.decision:
                raise ListError(
                    f"{decision.source or 'decisions'}: {decision.entity_reference} '{decision.name}' is "
                    f"{decision.decision}, but {earlier.source or 'an earlier record'} says {earlier.decision}",
                    "keep one decision per entry and name",
                )
            if earlier is None or decision.date >= earlier.date:
                self._by_key[key] = decision

    def __len__(self) -> int:
        return len(self._by_key)

    def lookup(self, reference: str, name: str) -> Decision | None:
        """The decision on this list entry for this (screened) name, if any."""
        return self._by_key.get((reference.strip().lower(), name_key(name)))

    def apply(self, matches: list[Match], name: str) -> list[Match]:
        """The matches for the screened `name`, each with its decision attached (none dropped)."""
        return [m.model_copy(update={"review": self.lookup(m.reference_number, name)}) for m in matches]


def load_decisions(path: str | Path) -> Decisions:
    """Read a decisions file (CSV, or YAML for .yaml/.yml); errors name the line and field."""
    path = Path(path)
    try:
        records = _yaml_records(path) if path.suffix.lower() in (".yaml", ".yml") else _csv_records(path)
    except FileNotFoundError:
        raise ListError(f"{path}: decisions file not found", "check the path given to --decisions") from None
    except UnicodeDecodeError:
        raise ListError(f"{path}: not UTF-8 text", "save the decisions file as UTF-8 CSV") from None
    decisions = []
    for where, record in records:
        try:
            decisions.append(Decision.model_validate({**record, "source": where}))
        except ValidationError as error:
            item = error.errors()[0]
            field = ".".join(str(x) for x in item["loc"])
            value = record.get(field) if isinstance(record, dict) else None
            shown = f" '{value}'" if value not in (None, "") else ""
            raise ListError(f"{where}, field `{field}`:{shown} {item['msg']}", _HINT) from None
    return Decisions(decisions)


def _column(header: str) -> str:
    key = "_".join(header.strip().lower().split())
    return "entity_reference" if key in ("reference", "reference_number", "entity") else key


def _csv_records(path: Path) -> list[tuple[str, dict[str, Any]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [_column(h) for h in next(reader, [])]
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise ListError(f"{path} line 1: missing column(s) {', '.join(missing)}", _HINT)
        records = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            values = {h: cell.strip() for h, cell in zip(header, row, strict=False) if h in COLUMNS}
            # Required text must be there: an unexplained decision is no audit trail.
            records.append((f"{path} line {reader.line_num}", {k: v for k, v in values.items() if v != ""}))
        return records


def _yaml_records(path: Path) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = load_yaml_file(path)
    except FileNotFoundError:
        raise
    except Exception as error:  # yaml errors: reported the same way whatever their class
        raise ListError(f"{path}: not valid YAML: {error}".replace("\n", " ")) from None
    items = data.get("decisions") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ListError(f"{path}: expected a list of decisions (or `decisions: [...]`)", _HINT)
    records = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ListError(f"{path}, decision {number}: expected a mapping", _HINT)
        records.append((f"{path} decision {number}", {_column(str(k)): v for k, v in item.items()}))
    return records
