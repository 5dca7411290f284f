"""The endpoints: `/v1/*` (behind the token, if one is set) and the operator's own
(`/healthz`, `/readyz`, `/metrics`)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from sanctions_check.screening.match import DEFAULT_THRESHOLD
from sanctions_check.service.auth import require_token
from sanctions_check.service.body import MEDIA_TYPES, read_body
from sanctions_check.service.checking import Rendered, available_formats, resolve_options
from sanctions_check.service.errors import Problem
from sanctions_check.service.negotiate import MEDIA, choose_format, media_type
from sanctions_check.service.observe import STATE_KEY
from sanctions_check.service.workers import Worker

v1 = APIRouter(prefix="/v1", dependencies=[Depends(require_token)],
               responses={401: {"model": Problem, "description": "Missing or wrong bearer token"}})
ops = APIRouter()

ReportFormat = Enum("ReportFormat", {name: name for name in available_formats()}, type=str)  # type: ignore[misc]

_CHECK_BODY: dict[str, Any] = {"requestBody": {"required": True, "description": (
    "Events in the event format: an object with an `events` list (and, optionally, the option fields "
    "`engine`, `screening`, `verify`, `timestamp`; `fail_on` is ignored), or a bare list of events. "
    "JSON Lines (application/x-ndjson), YAML and CSV are read too, by Content-Type."),
    "content": {
        "application/json": {"schema": {"oneOf": [
            {"type": "object", "required": ["events"], "properties": {
                "schema_version": {"type": "string", "enum": ["1"]},
                "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
                "engine": {"type": "string", "enum": ["durable", "reference"]},
                "screening": {"type": "boolean"}, "verify": {"type": "boolean"},
                "timestamp": {"type": "string"}}},
            {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}]}},
        **{media: {"schema": {"type": "string"}} for media in MEDIA_TYPES if MEDIA_TYPES[media] != "json"},
    }}}
_CHECK_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The report, as `sanctions-check check -f FORMAT` writes it",
          "content": {MEDIA[f].split(";")[0]: {} for f in available_formats() if f in MEDIA}},
    400: {"model": Problem, "description": "The body cannot be read as events (the CLI's message)"},
    406: {"model": Problem, "description": "No acceptable report format"},
    413: {"model": Problem, "description": "Body over --max-body, or more events than --max-events"},
    415: {"model": Problem, "description": "Unsupported Content-Type"},
}


def _worker(request: Request) -> Worker:
    return request.app.state.worker  # type: ignore[no-any-return]


def _run_check(worker: Worker, data: bytes, content_type: str | None, max_events: int, query: dict[str, Any],
               fmt: str) -> Rendered:
    events = read_body(data, content_type, max_events)
    return worker.check(events, resolve_options(query, events.options), fmt)


@v1.post("/check", summary="Check events against the rules", openapi_extra=_CHECK_BODY,
         responses=_CHECK_RESPONSES, response_class=Response)
async def check(
    request: Request,
    engine: Annotated[Literal["durable", "reference"] | None, Query(description="Rule engine (default durable)")] = None,
    screening: Annotated[bool | None, Query(description="Screen party names (default true)")] = None,
    verify: Annotated[bool | None, Query(description="Evaluate with both engines, stop on a difference")] = None,
    timestamp: Annotated[str | None, Query(description="Report generation time to print, for identical reruns")] = None,
    format: Annotated[ReportFormat | None, Query(description="Report format (else from Accept; default json)")] = None,  # noqa: A002
    fail_on: Annotated[list[str] | None, Query(description="Accepted and ignored: the caller decides what fails")] = None,
) -> Response:
    """The report `sanctions-check check -f json` writes for the same events and timestamp."""
    fmt = choose_format(format.value if format else None, request.headers.get("accept"))
    data = await request.body()  # bounded by limits.BodyLimit while it is read
    query = {"engine": engine, "screening": screening, "verify": verify, "timestamp": timestamp}
    metrics = request.app.state.metrics
    metrics.in_progress += 1
    try:
        rendered = await run_in_threadpool(_run_check, _worker(request), data, request.headers.get("content-type"),
                                           request.app.state.settings.max_events, query, fmt)
    finally:
        metrics.in_progress -= 1
    request.scope[STATE_KEY].update(events=rendered.summary.events, flagged=rendered.summary.flagged)
    return Response(rendered.text, media_type=media_type(fmt))


class ScreenQuery(BaseModel):
    """One name to screen, as `sanctions-check screen NAME` takes it."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=1000, description="The name to look up")
    type: Literal["individual", "entity", "vessel"] | None = Field(None, description="Only candidates of this type")
    date: dt.date | None = Field(None, description="Date of the act: a candidate listed after it gives no finding")
    imo: str | None = Field(None, max_length=32, description="The vessel's IMO number, matched before the name")
    threshold: float | None = Field(None, ge=0, le=100, description=f"Lowest score shown (default {DEFAULT_THRESHOLD:g})")


@v1.post("/screen", summary="Screen a name against the designations list", response_class=Response,
         responses={200: {"description": "Candidates with scores and explanations, as `screen --json` prints",
                          "content": {"application/json": {}}}})
async def screen(query: ScreenQuery, request: Request) -> Response:
    text = await run_in_threadpool(_worker(request).screen_name, query.name, query.type, query.date, query.imo,
                                   query.threshold)
    return Response(text, media_type="application/json")


@v1.get("/rules", summary="The provisions of the rule set")
async def rules(request: Request,
                resolution: Annotated[int | None, Query(description="Only this resolution (e.g. 2397)")] = None,
                on: Annotated[dt.date | None, Query(description="Only provisions in force on this date")] = None,
                ) -> dict[str, Any]:
    ruleset = _worker(request).ruleset
    provisions = ruleset.in_force_on(on) if on else ruleset.provisions
    return {"id": ruleset.id, "version": ruleset.version, "sha256": ruleset.sha256, "provisions": [
        {"id": p.id, "citation": p.citation, "title": p.title, "resolution": p.resolution,
         "in_force": {"start": p.in_force.start.isoformat(), "until": p.in_force.until.isoformat() if p.in_force.until else None},
         "verified": p.verified}
        for p in provisions if resolution is None or p.resolution == resolution]}


@v1.get("/rules/{rule_id}", summary="One provision, with its quote, conditions and examples",
        responses={404: {"model": Problem, "description": "No such provision"}})
async def rule(rule_id: str, request: Request) -> JSONResponse:
    ruleset = _worker(request).ruleset
    try:
        provision = ruleset.provision(rule_id)
    except KeyError:
        close = [p.id for p in ruleset.provisions if rule_id.lower() in p.id]
        hint = f"did you mean {', '.join(close[:5])}?" if close else "GET /v1/rules lists them"
        raise HTTPException(404, f"no provision '{rule_id}'; {hint}") from None
    return JSONResponse(provision.model_dump(mode="json", exclude_none=True))


@v1.get("/lists", summary="The designations list in use: source, date, sha256, age")
async def lists(request: Request) -> dict[str, Any]:
    worker = _worker(request)
    described = worker.current_list().describe()
    return {**described, "reload_error": worker.list_error}


@v1.post("/lists/reload", summary="Pick up a newly imported designations list now",
         responses={503: {"model": Problem, "description": "The list file cannot be read; the previous one stays in use"}})
async def reload(request: Request) -> dict[str, Any]:
    in_use, reloaded = await run_in_threadpool(_worker(request).reload)
    return {"reloaded": reloaded, "list": in_use.describe()}


@ops.get("/healthz", summary="The process is up")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@ops.get("/readyz", summary="Rules and list loaded, engine built",
         responses={503: {"description": "Still starting"}})
async def readyz(request: Request) -> JSONResponse:
    worker: Worker | None = getattr(request.app.state, "worker", None)
    if worker is None:
        return JSONResponse({"status": "starting"}, status_code=503)
    # A list that failed to reload leaves the previous one in use: still ready (every worker
    # would see the same broken file, and taking them all out of rotation is an outage).
    # The message (which names server paths) is for GET /v1/lists, behind the token.
    return JSONResponse({"status": "ready", "ruleset": worker.ruleset.version,
                         "list_reload_failed": worker.list_error is not None})


@ops.get("/metrics", summary="Prometheus metrics of this worker process", response_class=PlainTextResponse)
async def metrics(request: Request) -> PlainTextResponse:
    return PlainTextResponse(request.app.state.metrics.render(), media_type="text/plain; version=0.0.4")
