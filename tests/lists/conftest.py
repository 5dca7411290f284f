"""Fixtures for the designations tests: the UN list files kept under tests/data, an isolated list store."""

from __future__ import annotations

from pathlib import Path

import pytest

# Copies of the UN Security Council Consolidated List of 2024-09-26 (public; published at
# https://scsanctions.un.org/resources/xml/en/consolidated.xml) and its 1718 (DPRK) part.
UN_LIST = Path(__file__).resolve().parents[1] / "data" / "un-list"
DPRK_XML = UN_LIST / "un-consolidated-list-dprk-2024-09-26.xml"
FULL_XML = UN_LIST / "un-consolidated-list-2024-09-26.xml"


@pytest.fixture(scope="session")
def dprk_xml() -> Path:
    return DPRK_XML


@pytest.fixture(scope="session")
def full_xml() -> Path:
    return FULL_XML


@pytest.fixture(autouse=True)
def _own_store(isolated_store: Path) -> Path:
    """Every test here gets its own empty list store (tests/conftest.py)."""
    return isolated_store
