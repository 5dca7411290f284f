"""Errors -> JSON answers `{"error": ..., "hint": ...}`, with the CLI's words; never a traceback.

An unexpected exception gets a 500 that names the request id under which the log has
the traceback, and nothing else: a stack trace tells an attacker more than it helps a client.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from sanctions_check.errors import EngineError, InputError, ListError, SanctionsCheckError
from sanctions_check.service.body import UnsupportedMedia
from sanctions_check.service.limits import TooLarge
from sanctions_check.service.observe import STATE_KEY

log = logging.getLogger("sanctions_check.service")


class Problem(BaseModel):
    """The body of every error answer."""

    error: str
    hint: str | None = None


def _answer(status: int, error: str, hint: str | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(Problem(error=error, hint=hint).model_dump(), status_code=status, headers=headers)


def status_of(error: SanctionsCheckError) -> int:
    if isinstance(error, UnsupportedMedia):
        return 415
    if isinstance(error, InputError):
        return 400
    if isinstance(error, ListError):
        return 503  # the server's list is unreadable; the previous one is still in use
    return 500  # EngineError, RuleError: the server's fault, said in the project's words


async def _project_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, SanctionsCheckError)
    if isinstance(error, EngineError):
        log.error("engine error on %s: %s", request.url.path, error.message)
    return _answer(status_of(error), error.message, error.hint)


async def _too_large(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, TooLarge)
    return _answer(413, error.message, error.hint, {"connection": "close"})


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    return _answer(error.status_code, str(error.detail), None, dict(error.headers or {}))


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    request_id = request.scope.get(STATE_KEY, {}).get("request_id", "?")
    log.exception("internal error, request %s", request_id)
    # Answered by Starlette's outermost middleware, outside ours: the id header is set here.
    return _answer(500, f"internal error; the service log has it under request id {request_id}",
                   "please report it with that id", {"x-request-id": request_id})


def install(app: FastAPI) -> None:
    app.add_exception_handler(SanctionsCheckError, _project_error)
    app.add_exception_handler(TooLarge, _too_large)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
