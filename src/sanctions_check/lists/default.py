"""Regenerate the shipped default list, rules/designations/unsc-1718.yaml, from a UN XML file.

    python -m sanctions_check.lists.default PATH/TO/consolidated.xml [--out FILE]

Persons and entities come from the XML (reference, type, name, aliases, listing date and
the IMO company numbers quoted in the comments). The UN consolidated list has no vessels,
so the vessel entries are maintained by hand in the YAML and kept as they are.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import yaml

from sanctions_check.lists.model import DesignationList, ListEntry
from sanctions_check.lists.store import default_list_path, read_list_file
from sanctions_check.lists.unxml import import_consolidated_xml

_KEPT = {"reference_number", "entry_type", "primary_name", "aliases", "listed_on", "imo_numbers", "related",
         "comments", "verified"}

HEADER = """\
# UN Security Council 1718 Committee designations (DPRK): the default list shipped with sanctions-check.
#
# Date:    the UN Security Council Consolidated List generated on {generated} (dateGenerated),
#          file {file}, sha256 {sha256}.
# Source:  https://scsanctions.un.org/resources/xml/en/consolidated.xml (entries with UN_LIST_TYPE DPRK).
# Made by: python -m sanctions_check.lists.default FILE.xml   (do not edit the persons and entities by hand)
#
# Individuals and entities: reference number, primary name, aliases with their quality (good/low;
# the UN's a.k.a. and f.k.a. on entities are taken as good, f.k.a. marked `former`), listing date,
# and for entities the IMO *company* numbers quoted in the UN comments (not ship numbers).
#
# Vessels (entry_type vessel, reference 'vessel:NAME'): maintained by hand, kept on regeneration.
# The consolidated list carries no vessels; the 1718 Designated Vessels List is a separate page that
# was not available when this file was made. The vessels here are those the UN listings of their
# owners or managers name (an economic resource of a listed entity is frozen: 1718 8(d), 2270 para 12),
# dated from that listing; two carry an IMO number and designation date from a secondary source and
# are marked `verified: false`. Check them against the 1718 Designated Vessels List before relying on them.
#
# Age: this file is as old as the generation date above (`sanctions-check lists show` prints its age).
# Import the current list with `sanctions-check lists update` (or `lists import FILE.xml`); an imported
# list takes precedence over this file, and keeps these vessels, since the UN XML has none.
"""


def _compact(entry: ListEntry) -> dict:
    data = entry.model_dump(mode="json", exclude_defaults=True, include=_KEPT)
    if entry.entry_type != "vessel":
        data.pop("comments", None)  # the UN comments are long; the imported list keeps them
    return data


def build_default(xml_path: Path, existing: DesignationList | None) -> str:
    """The text of the default list: persons and entities from `xml_path`, vessels from `existing`."""
    imported = import_consolidated_xml(xml_path)
    vessels = existing.vessels if existing else []
    entries = [_compact(e) for e in imported.entries] + [_compact(v) for v in vessels]
    body = {
        "source": f"UN Security Council Consolidated List, DPRK (1718) entries ({xml_path.name})",
        "generated_on": imported.generated_on.isoformat() if imported.generated_on else None,
        "sha256": imported.sha256,
        "entries": entries,
    }
    DesignationList.model_validate(body)  # never ship a file the loader would refuse
    header = HEADER.format(generated=imported.generated_on, file=xml_path.name, sha256=imported.sha256)
    return header + "\n" + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=110)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("xml", type=Path, help="the UN consolidated list XML (full list or DPRK part)")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: the shipped file)")
    args = parser.parse_args(argv)
    out = args.out or default_list_path()
    existing = read_list_file(out) if out.is_file() else None
    out.write_text(build_default(args.xml, existing), encoding="utf-8")
    print(f"wrote {out} ({date.today().isoformat()})")


if __name__ == "__main__":
    main()
