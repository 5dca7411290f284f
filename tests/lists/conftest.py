"""Fixtures for the designations tests: the shared UN list files and an isolated list store."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
DPRK_XML = SHARED_DATA / "un-consolidated-list-dprk-2024-09-26.xml"
FULL_XML = SHARED_DATA / "un-consolidated-list-2024-09-26.xml"


def shared_file(path: Path) -> Path:
    """A shared UN list file; a clear failure (not a skip) when the shared directory is missing."""
    if not path.is_file():
        pytest.fail(
            f"{path} not found: the importer tests read the UN Security Council consolidated list files "
            f"from the shared directory beside the repository ({SHARED_DATA}); they are not copied into "
            "the project. Check out the shared directory next to this repository and run the tests again."
        )
    return path


@pytest.fixture(scope="session")
def dprk_xml() -> Path:
    return shared_file(DPRK_XML)


@pytest.fixture(scope="session")
def full_xml() -> Path:
    return shared_file(FULL_XML)


@pytest.fixture(autouse=True)
def _own_store(isolated_store: Path) -> Path:
    """Every test here gets its own empty list store (tests/conftest.py)."""
    return isolated_store
