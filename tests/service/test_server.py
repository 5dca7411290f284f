"""The real server on loopback, with worker processes: concurrent requests over HTTP, and a
worker killed in the middle of a request, replaced by the supervisor."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator

import httpx
import pytest

from benchmarks.service_process import ServiceProcess, cpu_ticks
from tests.service.conftest import PUTIN_VISIT, TIMESTAMP, events_body


@pytest.fixture(scope="module")
def service() -> Iterator[ServiceProcess]:
    with ServiceProcess(workers=2) as running:
        yield running


def _check(service: ServiceProcess, body: bytes, timeout: float = 30) -> httpx.Response:
    return httpx.post(f"{service.url}/v1/check", params={"timestamp": TIMESTAMP}, content=body, timeout=timeout)


def test_32_concurrent_requests_over_http_equal_serial_ones(service: ServiceProcess) -> None:
    bodies = [events_body(20, "named", seed) for seed in range(32)]
    serial = [_check(service, body).content for body in bodies]
    with ThreadPoolExecutor(32) as pool:
        concurrent = list(pool.map(lambda body: _check(service, body).content, bodies))
    assert concurrent == serial and len(set(serial)) == 32


def test_a_worker_killed_mid_request_is_replaced_and_the_service_recovers(service: ServiceProcess) -> None:
    expected = _check(service, PUTIN_VISIT).content
    before = service.worker_pids()
    outcome: list[BaseException | httpx.Response] = []

    def long_request() -> None:
        try:
            outcome.append(_check(service, events_body(5000, "dprk"), timeout=60))
        except httpx.TransportError as error:
            outcome.append(error)

    sender = threading.Thread(target=long_request)
    sender.start()
    # The busy worker is the one using the processor while the request is in flight.
    busy = None
    deadline = time.monotonic() + 20
    while busy is None and time.monotonic() < deadline:
        ticks = {pid: cpu_ticks(pid) for pid in before}
        time.sleep(0.3)
        deltas = {pid: cpu_ticks(pid) - ticks[pid] for pid in before}
        pid, most = max(deltas.items(), key=lambda item: item[1])
        if most >= 10 and sum(deltas.values()) - most <= most // 3:  # 0.1 s of processor, the other idle
            busy = pid
    assert busy is not None, "no worker took the request"
    os.kill(busy, signal.SIGKILL)
    sender.join(timeout=60)
    assert not sender.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], httpx.TransportError)  # cut off, not left hanging

    after = service.wait_ready(2, exclude={busy})
    assert busy not in after and len(after) == 2
    answers = [_check(service, PUTIN_VISIT) for _ in range(10)]
    assert all(a.status_code == 200 and a.content == expected for a in answers)
    assert httpx.get(f"{service.url}/readyz").json()["status"] == "ready"
