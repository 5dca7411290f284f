"""`sanctions-check serve`: the HTTP service (needs the `service` extra)."""

from __future__ import annotations

import click

from sanctions_check.api import load_rules
from sanctions_check.cli.options import rules_option
from sanctions_check.errors import InputError


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any other than loopback needs SANCTIONS_CHECK_API_TOKEN, or --insecure.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="TCP port.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes; each checks one request at a time with its own rule engine.")
@click.option("--max-body", type=click.IntRange(1), default=10 * 1024 * 1024, show_default=True,
              help="Largest request body in bytes; larger ones get 413 before they are read.")
@click.option("--max-events", type=click.IntRange(1), default=50_000, show_default=True,
              help="Most events in one check request; more get 413.")
@click.option("--insecure", is_flag=True,
              help="Listen on a non-loopback address without a token (only behind a gateway that authenticates).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True, help="uvicorn's log level (the access log is JSON lines on stderr).")
@rules_option
def serve(host: str, port: int, workers: int, max_body: int, max_events: int, insecure: bool, log_level: str,
          rules_dir: str | None) -> None:
    """Serve the checker over HTTP: POST /v1/check, POST /v1/screen, GET /v1/rules, GET /v1/lists,
    /healthz, /readyz, /metrics, and the OpenAPI document at /openapi.json (docs at /docs).

    Set SANCTIONS_CHECK_API_TOKEN to require `Authorization: Bearer <token>` on /v1/*.
    SIGHUP replaces the workers one by one; SIGTERM finishes the requests in flight and stops.
    """
    from sanctions_check.service.settings import TOKEN_ENV, Settings
    from sanctions_check.service.supervise import is_loopback, run

    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as error:
        raise InputError(f"the service needs packages that are not installed ({error.name})",
                         "pip install 'sanctions-check[service]'") from None
    settings = Settings.from_env()
    if not settings.token and not is_loopback(host) and not insecure:
        raise click.UsageError(
            f"refusing to listen on {host} without a token: set {TOKEN_ENV}, "
            "or pass --insecure if a gateway in front of the service authenticates")
    load_rules(rules_dir)  # a broken rule set is said here, in one line, not by every worker
    run(host, port, workers, Settings(token=settings.token, max_body=max_body, max_events=max_events,
                                      rules_dir=rules_dir), log_level)
