"""Country names in country fields ("Russia", "North Korea", "UK") read as ISO codes.

Analysts write names; the contract wants ISO 3166-1 alpha-2 codes. A name found in the
alias table (`rules/tables/country-aliases.yaml`) or known to pycountry (official and
common names, alpha-3 codes) is replaced by its code, with a warning naming the field, so
the event is checked rather than rejected. Anything else is left for validation to reject,
with a suggestion where one is close.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any

import pycountry

from sanctions_check.lists.store import rules_dir
from sanctions_check.model.countries import ISO_ALPHA2
from sanctions_check.ruleset.safe_yaml import load_yaml_file

_PARTIES = ("origin", "destination")


def _key(name: str) -> str:
    return " ".join(re.sub(r"[.\u2019`]", lambda m: "'" if m.group() != "." else " ", name.lower()).split())


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    table = load_yaml_file(rules_dir() / "tables" / "country-aliases.yaml")
    return {_key(name): code for name, code in (table.get("aliases") or {}).items()}


def code_for(name: str) -> str | None:
    """The alpha-2 code a country name or code stands for, or None."""
    text = name.strip()
    if text.upper() in ISO_ALPHA2:
        return text.upper()
    found = _aliases().get(_key(text))
    if found:
        return found
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None


def suggestion(name: str) -> str | None:
    """A close country name for a value that is neither a code nor a known name."""
    names = list(_aliases()) + [_key(c.name) for c in pycountry.countries]
    close = difflib.get_close_matches(_key(name), names, n=1, cutoff=0.75)
    if not close:
        return None
    return code_for(close[0])


def _fix(value: Any, where: str, warnings: list[str]) -> Any:
    if not isinstance(value, str) or value.strip().upper() in ISO_ALPHA2 or not value.strip():
        return value
    code = code_for(value)
    if code is None:
        return value
    warnings.append(f"field `{where}`: {value!r} read as the country code {code}")
    return code


def normalise(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The record with country names in country fields replaced by codes, and a warning each."""
    warnings: list[str] = []
    out = dict(data)
    for field in _PARTIES:
        party = out.get(field)
        if isinstance(party, dict) and "country" in party:
            out[field] = dict(party, country=_fix(party["country"], f"{field}.country", warnings))
    if isinstance(out.get("intermediaries"), list):
        out["intermediaries"] = [dict(p, country=_fix(p["country"], f"intermediaries[{n}].country", warnings))
                                 if isinstance(p, dict) and "country" in p else p
                                 for n, p in enumerate(out["intermediaries"])]
    if isinstance(out.get("via"), list):
        out["via"] = [_fix(code, f"via[{n}]", warnings) for n, code in enumerate(out["via"])]
    for field in ("vessel", "counterpart"):
        ship = out.get(field)
        if isinstance(ship, dict) and ship.get("flag"):
            out[field] = dict(ship, flag=_fix(ship["flag"], f"{field}.flag", warnings))
    return (out, warnings) if warnings else (data, [])
