"""Read a rules directory into a RuleSet; every error names the file and the provision."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sanctions_check.errors import RuleError
from sanctions_check.model.rule import Cap, Conversions, Provision
from sanctions_check.model.ruleset import HsEntry, KeywordEntry, RuleSet
from sanctions_check.ruleset.lint import lint
from sanctions_check.resources import bundled_rules_root, configured_rules
from sanctions_check.ruleset.safe_yaml import load_yaml_file

MANIFEST = "ruleset.yaml"


def default_rules_dir() -> Path:
    """The bundled rules/unsc-dprk, or $SANCTIONS_CHECK_RULES."""
    return configured_rules() or bundled_rules_root() / "unsc-dprk"


def _read(path: Path) -> Any:
    try:
        return load_yaml_file(path)
    except FileNotFoundError:
        raise RuleError(f"{path}: rule file not found", "check --rules or SANCTIONS_CHECK_RULES") from None
    except yaml.YAMLError as error:
        raise RuleError(f"{path}: not valid YAML: {error}".replace("\n", " ")) from None


def _pydantic_message(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        loc = ".".join(str(x) for x in item["loc"])
        parts.append(f"field `{loc}`: {item['msg']}")
    return "; ".join(parts)


def _provisions(path: Path, data: Any) -> list[Provision]:
    records = data.get("provisions") if isinstance(data, dict) else None
    if not isinstance(records, list):
        raise RuleError(f"{path}: expected a mapping with a 'provisions' list")
    provisions = []
    for index, record in enumerate(records, start=1):
        label = record.get("id", f"record {index}") if isinstance(record, dict) else f"record {index}"
        try:
            provisions.append(Provision.model_validate(record))
        except ValidationError as error:
            raise RuleError(f"{path}, provision '{label}': {_pydantic_message(error)}") from None
    return provisions


def _tables(rules_dir: Path) -> tuple[tuple[KeywordEntry, ...], tuple[HsEntry, ...]]:
    hs_path = rules_dir / "tables" / "hs.yaml"
    keywords = []
    # One keyword file per subject (tables/keywords/*.yaml), read in name order.
    for keywords_path in sorted((rules_dir / "tables" / "keywords").glob("*.yaml")):
        for entry in _read(keywords_path)["entries"]:
            try:
                keywords.append(KeywordEntry(
                    category=entry["category"],
                    phrases=tuple(p.lower() for p in entry["phrases"]),
                    also=tuple(entry.get("also", ())),
                ))
            except (KeyError, TypeError, AttributeError) as error:
                raise RuleError(f"{keywords_path}: entry {entry!r}: {error}") from None
    hs_rows = []
    for entry in _read(hs_path)["entries"]:
        try:
            prefix = str(entry["prefix"])
            hs_rows.append(HsEntry(prefix, tuple(entry["categories"]), entry.get("label", "")))
        except (KeyError, TypeError) as error:
            raise RuleError(f"{hs_path}: entry {entry!r}: missing {error}") from None
        if not (prefix.isdigit() and len(prefix) in (2, 4, 6)):
            raise RuleError(f"{hs_path}: prefix '{prefix}' must have 2, 4 or 6 digits")
    # Longest prefix first, so 8703 is tried before 87.
    hs_rows.sort(key=lambda row: -len(row.prefix))
    return tuple(keywords), tuple(hs_rows)


_MANIFEST_FIELDS = {"id": str, "version": (str, int, float), "title": str, "provision_files": list, "caps_files": list}


def _manifest(root: Path) -> dict[str, Any]:
    """ruleset.yaml, checked for the fields the loader reads, so a broken one is named."""
    manifest = _read(root / MANIFEST)
    path = root / MANIFEST
    if not isinstance(manifest, dict):
        raise RuleError(f"{path}: expected a mapping with {', '.join(_MANIFEST_FIELDS)}", "see docs/rule-format.md")
    for name, kind in _MANIFEST_FIELDS.items():
        if not isinstance(manifest.get(name), kind):
            raise RuleError(f"{path}: field `{name}` is missing or not a {getattr(kind, '__name__', 'scalar')}",
                            "see docs/rule-format.md")
    for name in ("provision_files", "caps_files"):
        if not all(isinstance(item, str) for item in manifest[name]):
            raise RuleError(f"{path}: field `{name}` must list file names", "see docs/rule-format.md")
    return manifest


def load_ruleset(rules_dir: Path | str | None = None) -> RuleSet:
    """Load, validate and lint the rule files of one rule set."""
    root = Path(rules_dir) if rules_dir else default_rules_dir()
    if not root.is_dir():
        raise RuleError(f"{root}: rules directory not found", "pass --rules DIR or set SANCTIONS_CHECK_RULES")
    manifest = _manifest(root)
    try:
        return _load(root, manifest)
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        # A rule file of the wrong shape (a list where a mapping belongs, a missing key):
        # the rules are input, so this is the user's to fix, not an internal error.
        raise RuleError(f"{root}: a rule file does not have the expected shape ({type(error).__name__}: {error})",
                        "see docs/rule-format.md for the shape of each rule file") from None


def _load(root: Path, manifest: dict[str, Any]) -> RuleSet:
    digest = hashlib.sha256()
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")

    provisions: list[Provision] = []
    for name in manifest["provision_files"]:
        provisions.extend(_provisions(root / name, _read(root / name)))
    caps: tuple[Cap, ...] = ()
    conversions: Conversions | None = None
    for name in manifest["caps_files"]:
        caps_data = _read(root / name) or {}
        try:
            caps += tuple(Cap.model_validate(c) for c in caps_data.get("caps", []))
            if "conversions" in caps_data:
                conversions = Conversions.model_validate(caps_data["conversions"])
        except ValidationError as error:
            raise RuleError(f"{root / name}: {_pydantic_message(error)}") from None
    if conversions is None:
        raise RuleError(f"{root}: no caps file defines 'conversions'", "see docs/rule-format.md")
    keywords, hs_table = _tables(root)
    subcategories = frozenset(
        tag for entry in keywords for tag in (entry.category, *entry.also) if not tag.startswith("hs:")
    ) | frozenset(
        c for row in hs_table for c in row.categories
    )
    ruleset = RuleSet(
        id=manifest["id"], version=str(manifest["version"]), title=manifest["title"],
        sha256=digest.hexdigest(), files=tuple(p.relative_to(root).as_posix() for p in files),
        provisions=tuple(provisions), caps=caps, conversions=conversions,
        keywords=keywords, hs_table=hs_table, subcategories=subcategories,
    )
    problems = lint(ruleset)
    if problems:
        raise RuleError(f"{root}: " + "; ".join(problems))
    return ruleset
