"""A newly imported designations list is picked up without a restart: at once by POST
/v1/lists/reload, and by every worker at its next request; a broken one changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sanctions_check.lists import load_designations, save_designations
from sanctions_check.lists.store import default_list_path, stored_list_path
from sanctions_check.service.settings import Settings
from sanctions_check.service.workers import Worker
from tests.service.conftest import client_for

NEW_NAME = "ZZYZX OCEAN FREIGHT HOLDINGS"


def _import_list_with(name: str, reference: str) -> Path:
    shipped = load_designations(default_list_path())
    entity = next(e for e in shipped.entries if e.entry_type == "entity")
    added = entity.model_copy(update={"reference_number": reference, "primary_name": name, "aliases": []})
    return save_designations(shipped.model_copy(update={"entries": [*shipped.entries, added]}))


def _candidates(client, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m["reference_number"] for m in client.post("/v1/screen", json={"name": name}).json()["matches"]]


def test_reload_moves_to_an_imported_list_and_every_request_follows_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONS_CHECK_HOME", str(tmp_path))
    with client_for(Worker(Settings())) as client:
        assert client.post("/v1/lists/reload").json()["reloaded"] is False
        assert _candidates(client, NEW_NAME) == []

        target = _import_list_with(NEW_NAME, "KPe.990")
        answer = client.post("/v1/lists/reload").json()
        assert answer["reloaded"] is True and answer["list"]["origin"] == "imported list"
        assert answer["list"]["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
        assert _candidates(client, NEW_NAME) == ["KPe.990"]

        # A second import, no reload call: the next request finds it (one stat a request).
        _import_list_with("QUOKKA MARITIME AGENCY", "KPe.991")
        assert _candidates(client, "Quokka Maritime Agency") == ["KPe.991"]
        assert client.get("/v1/lists").json()["sha256"] == hashlib.sha256(stored_list_path().read_bytes()).hexdigest()


def test_a_broken_list_file_is_503_and_the_previous_list_stays_in_use(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCTIONS_CHECK_HOME", str(tmp_path))
    with client_for(Worker(Settings())) as client:
        _import_list_with(NEW_NAME, "KPe.990")
        assert _candidates(client, NEW_NAME) == ["KPe.990"]
        stored_list_path().write_text("{ not json")
        failed = client.post("/v1/lists/reload")
        assert failed.status_code == 503
        assert "could not be reloaded" in failed.json()["error"] and "previous list" in failed.json()["hint"]
        assert _candidates(client, NEW_NAME) == ["KPe.990"]  # still screened against the last good list
        assert client.get("/readyz").json()["list_reload_failed"] is True
        assert "not a readable list file" in client.get("/v1/lists").json()["reload_error"]
