"""The ASGI application: routes, error handlers, limits and observation, assembled.

`create_app` is the factory uvicorn imports in every worker process; the worker state
(rule set, list, engine) is built in the lifespan, before the process takes requests.
No CORS middleware: browsers on other origins get no access unless an operator's
gateway adds it on purpose.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi

from sanctions_check import __version__
from sanctions_check.model.event import Event
from sanctions_check.service import access_log, errors, routes
from sanctions_check.service.limits import BodyLimit
from sanctions_check.service.metrics import Metrics
from sanctions_check.service.observe import Observe
from sanctions_check.service.settings import Settings
from sanctions_check.service.workers import Worker

DESCRIPTION = (
    "Checks reported events against the UN Security Council DPRK resolutions 1718 (2006) to 2397 (2017), "
    "provision by provision, and screens names against the 1718 Committee's designations. "
    "Flags potential violations for a human to review; not legal advice."
)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    access_log.configure()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if getattr(app.state, "worker", None) is None:  # tests hand one worker to several apps
            app.state.worker = await run_in_threadpool(Worker, settings)
        yield

    app = FastAPI(title="sanctions-check", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  openapi_url="/openapi.json", docs_url="/docs", redoc_url="/redoc")
    app.state.settings = settings
    app.state.metrics = Metrics()
    app.include_router(routes.v1)
    app.include_router(routes.ops)
    errors.install(app)
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    app.add_middleware(Observe, metrics=app.state.metrics)  # outermost: a 413 is logged and counted too
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, plus the event schema the /v1/check body refers to (generated
    from the model, as `sanctions-check schema` prints it)."""
    if app.openapi_schema is None:
        document = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        event = Event.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        for name, schema in event.pop("$defs", {}).items():
            schemas.setdefault(name, schema)
        schemas["Event"] = event
        app.openapi_schema = document
    return app.openapi_schema
