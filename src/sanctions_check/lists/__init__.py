"""Designations: the 1718 Committee's list of persons, entities and vessels.

Imported from the UN consolidated list XML (`unxml`), stored and loaded (`store`),
downloaded (`update`); the shipped default lives in `rules/designations/`.
"""

from sanctions_check.lists.model import Alias, DesignationList, ListEntry
from sanctions_check.lists.store import load_designations, save_designations

__all__ = ["Alias", "DesignationList", "ListEntry", "load_designations", "save_designations"]
