"""Start `sanctions-check serve` on loopback in a child process, for the load test and the
tests that need the real server (worker processes, a killed worker)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

import httpx

_ENTRY = "from sanctions_check.cli import main; main()"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def cpu_ticks(pid: int) -> int:
    """User plus system time of a process, in clock ticks (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


class ServiceProcess:
    """`with ServiceProcess(workers=2) as service:` then `service.url`; stopped with SIGTERM."""

    def __init__(self, workers: int = 1, env: dict[str, str] | None = None, startup: float = 90.0) -> None:
        self.workers, self.startup = workers, startup
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.env.setdefault("SANCTIONS_CHECK_HOME", tempfile.mkdtemp(prefix="sanctions-check-service-"))
        self.log = tempfile.TemporaryFile()  # the access log; a pipe nobody reads would fill up
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "ServiceProcess":
        self.process = subprocess.Popen(
            [sys.executable, "-c", _ENTRY, "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--workers", str(self.workers), "--log-level", "warning"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=self.log)
        self.wait_ready(self.workers)
        return self

    def wait_ready(self, workers: int, exclude: set[int] = frozenset()) -> list[int]:  # type: ignore[assignment]
        """Wait until `workers` worker processes (none of `exclude`) are up and one answers /readyz."""
        deadline = time.monotonic() + self.startup
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"the service exited with {self.process.returncode}: {self.log_text()[-2000:]}")
            pids = self.worker_pids()
            if len(pids) == workers and not set(pids) & exclude:
                try:
                    if httpx.get(f"{self.url}/readyz", timeout=5).status_code == 200:
                        return pids
                except httpx.TransportError:
                    pass
            time.sleep(0.2)
        raise TimeoutError(f"the service was not ready within {self.startup:.0f} s")

    def worker_pids(self) -> list[int]:
        """The supervisor's worker processes (not multiprocessing's resource tracker)."""
        assert self.process is not None
        pids = []
        for pid in _children(self.process.pid):
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in command and b"resource_tracker" not in command:
                pids.append(pid)
        return pids

    def log_text(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # the supervisor stops its workers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
