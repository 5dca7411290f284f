"""Shared by the service tests: one worker state (rule set, list, engine) for the session,
handed to each app, as a worker process holds one for its life."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from benchmarks.generate import events as generated
from sanctions_check.cli import main
from sanctions_check.service.app import create_app
from sanctions_check.service.settings import Settings
from sanctions_check.service.workers import Worker
from tests.conftest import FIXTURES

TIMESTAMP = "2024-06-19T12:00:00Z"
PUTIN_VISIT = (FIXTURES / "putin-visit-2024.json").read_bytes()


@pytest.fixture(scope="session")
def worker() -> Worker:
    return Worker(Settings())


def client_for(worker: Worker, **settings: Any) -> TestClient:
    app = create_app(Settings(**settings))
    app.state.worker = worker
    return TestClient(app)


@pytest.fixture
def client(worker: Worker) -> Iterator[TestClient]:
    with client_for(worker) as test_client:
        yield test_client


def events_body(count: int, mix: str = "named", seed: int = 1718) -> bytes:
    """A bare list of generated events (named mix: screened parties, caps, clear trade)."""
    return json.dumps(list(generated(count, mix, seed))).encode()


def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, body: bytes, *args: str) -> Any:
    """Run `sanctions-check check NAME ...` on `body` saved as NAME in a fresh directory, as the
    service names a request body (request.json), so that the reports can be compared whole."""
    directory = tmp_path / "cli"
    directory.mkdir(exist_ok=True)
    monkeypatch.chdir(directory)
    Path(name).write_bytes(body)
    return CliRunner().invoke(main, ["check", name, *args])
