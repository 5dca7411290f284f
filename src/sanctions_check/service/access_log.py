"""Structured access log: one JSON line per request on stderr. Never the body or the query
string (a query may carry a name being screened); the path is the route's template."""

from __future__ import annotations

import json
import logging
import sys
import time

_logger = logging.getLogger("sanctions_check.access")


def configure() -> None:
    """A handler printing the JSON line as it is (uvicorn's own access log is turned off)."""
    if not _logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        _logger.addHandler(handler)
        _logger.setLevel(logging.INFO)
        _logger.propagate = False


def write(method: str, path: str, status: int, seconds: float, events: int | None, flagged: int | None,
          request_id: str) -> None:
    record: dict[str, object] = {
        "ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "method": method, "path": path,
        "status": status, "duration_ms": round(seconds * 1000, 3), "request_id": request_id,
    }
    if events is not None:
        record["events"] = events
        record["flagged"] = flagged
    _logger.info(json.dumps(record))
