"""Where designations live: the shipped default in rules/, an imported list in the store.

* Shipped default: `rules/designations/unsc-1718.yaml`, maintained by the project
  (`python -m sanctions_check.lists.default` regenerates it from a UN XML file).
* Store: `$SANCTIONS_CHECK_HOME/lists/` (default `~/.local/share/sanctions-check/lists/`),
  written by `lists import` and `lists update`. When it holds a list, that list wins.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sanctions_check.errors import ListError
from sanctions_check.resources import bundled_rules_root, configured_rules
from sanctions_check.lists.model import DesignationList
from sanctions_check.ruleset.safe_yaml import load_yaml_file

DEFAULT_LIST_NAME = "unsc-1718.yaml"
STORED_LIST_NAME = "unsc-1718.json"


def rules_dir() -> Path:
    """The bundled `rules/`, or $SANCTIONS_CHECK_RULES."""
    path = configured_rules()
    if path is not None:
        # The rule-set loader reads the same variable as `rules/unsc-dprk` itself; accept that
        # meaning too, so one setting serves both: the tables then sit beside it, in its parent.
        if not (path / "designations").is_dir() and (path.parent / "designations").is_dir():
            return path.parent
        return path
    return bundled_rules_root()


def default_list_path() -> Path:
    return rules_dir() / "designations" / DEFAULT_LIST_NAME


def home_dir() -> Path:
    """$SANCTIONS_CHECK_HOME, else $XDG_DATA_HOME/sanctions-check, else ~/.local/share/sanctions-check."""
    configured = os.environ.get("SANCTIONS_CHECK_HOME")
    if configured:
        return Path(configured).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME")
    base = Path(data_home).expanduser() if data_home else Path.home() / ".local" / "share"
    return base / "sanctions-check"


def store_dir() -> Path:
    return home_dir() / "lists"


def stored_list_path() -> Path:
    return store_dir() / STORED_LIST_NAME


def save_designations(designations: DesignationList, path: Path | None = None) -> Path:
    """Write the list (JSON, or YAML for a .yaml/.yml path) atomically; return where it went."""
    target = path or stored_list_path()
    data = designations.model_dump(mode="json", exclude_defaults=True)
    if target.suffix in (".yaml", ".yml"):
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename, so a crash never leaves half a list behind.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False,
                                         prefix=".tmp-", suffix=target.suffix) as handle:
            handle.write(text)
        Path(handle.name).replace(target)
    except OSError as error:
        raise ListError(f"{target}: cannot write the list ({error.strerror or error})",
                        "set SANCTIONS_CHECK_HOME to a writable directory") from None
    return target


def read_list_file(path: Path) -> DesignationList:
    """A list file: the UN XML, or a saved list in JSON or YAML."""
    if path.suffix.lower() == ".xml":
        from sanctions_check.lists.unxml import import_consolidated_xml

        return import_consolidated_xml(path)
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            data: Any = load_yaml_file(path)
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ListError(f"{path}: list file not found", "check the path, or run `sanctions-check lists show`") from None
    except (yaml.YAMLError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ListError(f"{path}: not a readable list file: {error}".replace("\n", " "),
                        "re-import it with `sanctions-check lists import FILE`") from None
    try:
        return DesignationList.model_validate(data)
    except ValidationError as error:
        raise ListError(f"{path}: {_describe(error, data)}",
                        "re-import it with `sanctions-check lists import FILE`") from None


def _describe(error: ValidationError, data: Any) -> str:
    parts = []
    for item in error.errors()[:3]:
        loc = list(item["loc"])
        where = ".".join(str(x) for x in loc)
        # Name the entry by its reference, not only by its position in the file.
        if len(loc) > 1 and loc[0] == "entries" and isinstance(loc[1], int) and isinstance(data, dict):
            try:
                reference = data["entries"][loc[1]].get("reference_number", loc[1])
                where = f"entry {reference}, field `{'.'.join(map(str, loc[2:]))}`"
            except (IndexError, KeyError, AttributeError, TypeError):
                pass
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def active_list_path(path: Path | None = None) -> Path:
    """The file `load_designations(path)` reads: `path`, else the imported list, else the default."""
    if path is not None:
        return Path(path)
    return stored_list_path() if stored_list_path().is_file() else default_list_path()


def load_designations(path: Path | None = None) -> DesignationList:
    """The list to screen against: `path` if given, else the imported list, else the shipped default.

    The UN consolidated list carries no vessels, so a list without any gets the shipped
    default's vessels added (their source is said in each entry's comments).
    """
    source = active_list_path(path)
    chosen = read_list_file(source)
    if source == default_list_path() or chosen.vessels:
        return chosen
    return with_vessels_from(chosen, read_list_file(default_list_path()))


def with_vessels_from(designations: DesignationList, other: DesignationList) -> DesignationList:
    """`designations` plus the vessels of `other` that it does not already have."""
    have = {e.reference_number for e in designations.entries}
    added = [v for v in other.vessels if v.reference_number not in have]
    if not added:
        return designations
    return designations.model_copy(update={
        "entries": designations.entries + added,
        "source": f"{designations.source} + {len(added)} vessels from the shipped {DEFAULT_LIST_NAME}",
    })
