"""ASGI middleware that times every request, writes its access-log line and counts it."""

from __future__ import annotations

import time
import uuid
from typing import Any

from sanctions_check.service import access_log
from sanctions_check.service.limits import ASGIApp, Message, Receive, Scope, Send
from sanctions_check.service.metrics import Metrics

STATE_KEY = "sanctions_check"  # scope[STATE_KEY]: what a route reports back (events, flagged)


def route_of(scope: Scope, status: int) -> str:
    """The matched route's template ("/v1/rules/{rule_id}"), so that labels stay few;
    FastAPI's own pages (/openapi.json, /docs) by their path; anything else "unmatched"."""
    route: Any = scope.get("route")
    template = getattr(route, "path", None)
    if template:
        return str(template)
    return "unmatched" if status == 404 else str(scope.get("path", "unmatched"))


class Observe:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        request_id = uuid.uuid4().hex[:16]
        noted: dict[str, Any] = {}
        noted["request_id"] = request_id
        scope[STATE_KEY] = noted
        status = 500  # if the app fails before it answers, the server answers 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            seconds = time.perf_counter() - start
            route = route_of(scope, status)
            self.metrics.observe(scope["method"], route, status, seconds, noted.get("events", 0),
                                 noted.get("flagged", 0))
            access_log.write(scope["method"], route, status, seconds, noted.get("events"), noted.get("flagged"),
                             request_id)
