"""Fixtures for the screening tests: the shipped list, a screener built once, an isolated store."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions_check.lists.model import DesignationList
from sanctions_check.lists.store import default_list_path, read_list_file
from sanctions_check.screening.match import Screener

DATA = Path(__file__).resolve().parent / "data"
DPRK_XML = Path(__file__).resolve().parents[1] / "data" / "un-list" / "un-consolidated-list-dprk-2024-09-26.xml"


@pytest.fixture(scope="session")
def designations() -> DesignationList:
    """The shipped default list (80 individuals, 75 entities, 25 vessels), whatever is imported."""
    return read_list_file(default_list_path())


@pytest.fixture(scope="session")
def screener(designations: DesignationList) -> Screener:
    return Screener(designations)


@pytest.fixture()
def dprk_xml() -> Path:
    return DPRK_XML


@pytest.fixture(autouse=True)
def _own_store(isolated_store: Path) -> Path:
    """Every test here gets its own empty list store (tests/conftest.py)."""
    return isolated_store
