"""Request size limits, enforced before a body is read whole.

A declared Content-Length over the limit is refused before a byte of the body is read;
a chunked body is counted as it arrives and refused at the chunk that crosses the limit.
"""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class TooLarge(Exception):
    """A request over a limit: answered with 413 and this message."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def body_too_large(limit: int) -> TooLarge:
    return TooLarge(f"request body is over the limit of {limit} bytes",
                    "split the events over several requests, or ask the operator to raise --max-body")


def too_many_events(count: int, limit: int) -> TooLarge:
    return TooLarge(f"request has {count} events, more than the limit of {limit}",
                    "split the events over several requests, or ask the operator to raise --max-events")


class BodyLimit:
    """ASGI middleware: 413 for a body over `max_body` bytes."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await refuse(send, body_too_large(self.max_body))
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise body_too_large(self.max_body)  # answered by the app's TooLarge handler
            return message

        await self.app(scope, counted, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


async def refuse(send: Send, error: TooLarge) -> None:
    body = json.dumps({"error": error.message, "hint": error.hint}).encode()
    # The body was not read: close the connection rather than leave its bytes in the way.
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
