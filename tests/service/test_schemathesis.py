"""schemathesis against /openapi.json: generated requests to every operation, no 5xx.
Bounded (a fixed seed, a few examples per operation) so that it runs in CI in seconds."""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, seed, settings
from schemathesis.checks import not_a_server_error

from sanctions_check.service.app import create_app
from sanctions_check.service.settings import Settings
from sanctions_check.service.workers import Worker


@schemathesis.serializer("application/x-ndjson", "application/jsonl", "application/jsonlines")
def _json_lines(ctx: Any, value: Any) -> bytes:
    """The schema gives JSON Lines bodies as text; sent as they are."""
    return value.encode("utf-8", "surrogatepass") if isinstance(value, str) else json.dumps(value).encode()


# A small event limit keeps generated bodies cheap; 413 is an answer, not a failure.
app = create_app(Settings(max_events=50))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(autouse=True)
def _worker_in_place(worker: Worker) -> None:
    app.state.worker = worker  # the session's worker, as the lifespan would build one


@schema.parametrize()
@seed(1718)
@settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_request_the_schema_allows_gets_a_server_error(case: Any) -> None:
    case.call_and_validate(checks=[not_a_server_error])
