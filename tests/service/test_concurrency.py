"""32 requests at once give what they give one at a time, and never two drive one engine."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest

from sanctions_check.service import workers
from sanctions_check.service.app import create_app
from sanctions_check.service.settings import Settings
from sanctions_check.service.workers import Worker
from tests.service.conftest import TIMESTAMP, events_body


def test_32_concurrent_checks_equal_serial_ones_and_take_turns_on_the_engine(
        worker: Worker, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(Settings())
    app.state.worker = worker
    bodies = [events_body(60, "named", seed) for seed in range(32)]  # each its own events and names
    inside, most_inside, most_waiting = 0, 0, 0
    counting = threading.Lock()
    write_report = workers.write_report

    def watched(*args: Any) -> Any:
        nonlocal inside, most_inside, most_waiting
        with counting:
            inside += 1
            most_inside = max(most_inside, inside)
            most_waiting = max(most_waiting, app.state.metrics.in_progress)
        try:
            return write_report(*args)
        finally:
            with counting:
                inside -= 1

    monkeypatch.setattr(workers, "write_report", watched)

    async def post_all(concurrently: bool) -> list[bytes]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
            async def post(body: bytes) -> bytes:
                answer = await client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=body)
                assert answer.status_code == 200
                return answer.content
            if concurrently:
                return list(await asyncio.gather(*(post(body) for body in bodies)))
            return [await post(body) for body in bodies]

    serial = asyncio.run(post_all(False))
    concurrent = asyncio.run(post_all(True))
    assert concurrent == serial
    assert len(set(serial)) == 32
    assert most_inside == 1  # the lock: one request at a time in the engine
    assert most_waiting > 1  # while others were in flight, waiting for it


def test_requests_build_no_engine_rulesets_and_no_checkers(client: Any) -> None:
    from sanctions_check import api
    from sanctions_check.engine import durable

    options = [{}, {"engine": "reference"}, {"screening": "false"}, {"verify": "true"}]
    for params in options:  # each kind of checker once, as a worker's first requests would
        client.post("/v1/check", params=params, content=events_body(5))
    handles, checkers = dict(durable._handles), dict(api._checkers)
    for seed in range(12):
        for params in options:
            assert client.post("/v1/check", params=params, content=events_body(5, seed=seed)).status_code == 200
    assert durable._handles == handles  # durable-rules rulesets are never freed: none is added
    assert api._checkers == checkers
