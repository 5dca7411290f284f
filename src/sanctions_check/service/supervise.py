"""Run the app in worker processes under uvicorn's supervisor, which restarts a worker
that dies (or stops answering its health pings) and, on SIGHUP, replaces every worker
one by one. Used even for one worker, so that a crashed worker comes back by itself.
"""

from __future__ import annotations

import ipaddress
import os

from sanctions_check.service.settings import Settings

APP = "sanctions_check.service.app:create_app"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def run(host: str, port: int, workers: int, settings: Settings, log_level: str = "info") -> None:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    os.environ.update(settings.to_env())  # how the settings reach the spawned workers
    config = uvicorn.Config(
        APP, factory=True, host=host, port=port, workers=workers, log_level=log_level,
        access_log=False,  # ours is structured (access_log.py)
        server_header=False,  # no version for a scanner to match
        proxy_headers=False,  # X-Forwarded-For is trusted only if a gateway is configured to set it
        timeout_graceful_shutdown=30,  # finish the checks in flight on SIGTERM or SIGHUP
    )
    Multiprocess(config, sockets=[config.bind_socket()]).run()
