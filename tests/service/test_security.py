"""Token, bind address, CORS and what an error may show: what an operator putting the
service behind a gateway expects."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from sanctions_check.cli import main
from sanctions_check.errors import EngineError
from sanctions_check.service import supervise
from sanctions_check.service.auth import token_matches
from sanctions_check.service.workers import Worker
from tests.service.conftest import PUTIN_VISIT, client_for

TOKEN = "s3cret-token-for-tests"


@pytest.fixture
def guarded(worker: Worker) -> Any:
    with client_for(worker, token=TOKEN) as test_client:
        yield test_client


@pytest.mark.parametrize("path", ["/v1/rules", "/v1/lists", "/v1/rules/unsc-1718-8a-i"])
@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", "Bearer ", TOKEN])
def test_v1_without_the_right_bearer_token_is_401(guarded: TestClient, path: str, header: str | None) -> None:
    answer = guarded.get(path, headers={"authorization": header} if header else {})
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"].startswith("Bearer")
    assert "SANCTIONS_CHECK_API_TOKEN" in answer.json()["error"]


def test_posts_need_the_token_too_and_the_body_is_not_checked_without_it(guarded: TestClient) -> None:
    assert guarded.post("/v1/check", content=PUTIN_VISIT).status_code == 401
    assert guarded.post("/v1/screen", json={"name": "KOMID"}).status_code == 401
    assert guarded.post("/v1/lists/reload").status_code == 401


def test_the_right_token_passes(guarded: TestClient) -> None:
    headers = {"authorization": f"Bearer {TOKEN}"}
    assert guarded.get("/v1/rules", headers=headers).status_code == 200
    assert guarded.post("/v1/check", content=PUTIN_VISIT, headers=headers).status_code == 200


def test_health_readiness_and_metrics_stay_open_for_the_orchestrator(guarded: TestClient) -> None:
    assert [guarded.get(p).status_code for p in ("/healthz", "/readyz", "/metrics")] == [200, 200, 200]


def test_token_comparison_is_by_digest() -> None:
    assert token_matches(TOKEN, TOKEN)
    assert not token_matches(TOKEN[:-1], TOKEN) and not token_matches(TOKEN + "x", TOKEN)
    assert not token_matches("", TOKEN)


def test_no_cors_headers_for_another_origin(client: TestClient) -> None:
    preflight = client.options("/v1/check", headers={"origin": "https://evil.example",
                                                      "access-control-request-method": "POST"})
    simple = client.get("/v1/rules", headers={"origin": "https://evil.example"})
    for answer in (preflight, simple):
        assert not any(name.startswith("access-control-") for name in answer.headers)


def test_an_unexpected_error_is_500_with_a_request_id_and_no_stack_trace(
        worker: Worker, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> None:
        raise RuntimeError("secret internals at /srv/app/engine.py line 42")

    monkeypatch.setattr(worker, "check", broken)
    with TestClient(client_for(worker).app, raise_server_exceptions=False) as test_client:
        answer = test_client.post("/v1/check", content=PUTIN_VISIT)
    assert answer.status_code == 500
    body = answer.json()
    assert answer.headers["x-request-id"] in body["error"]
    assert "Traceback" not in answer.text and "secret" not in answer.text and "engine.py" not in answer.text


def test_an_engine_error_is_500_in_the_projects_words(worker: Worker, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: Any) -> None:
        raise EngineError("durable-rules returned error 303 on event e1", "report it")

    monkeypatch.setattr(worker, "check", failing)
    with client_for(worker) as test_client:
        answer = test_client.post("/v1/check", content=PUTIN_VISIT)
    assert answer.status_code == 500 and answer.json() == {
        "error": "durable-rules returned error 303 on event e1", "hint": "report it"}


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "api.example.org"])
def test_serve_refuses_a_non_loopback_address_without_a_token(
        host: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SANCTIONS_CHECK_API_TOKEN", raising=False)
    started: list[tuple[Any, ...]] = []
    monkeypatch.setattr(supervise, "run", lambda *args: started.append(args))
    result = CliRunner().invoke(main, ["serve", "--host", host])
    assert result.exit_code == 2 and not started
    assert "refusing to listen on" in result.output and "--insecure" in result.output


@pytest.mark.parametrize(("host", "args", "env"), [
    ("127.0.0.1", [], {}), ("::1", [], {}), ("localhost", [], {}),
    ("0.0.0.0", ["--insecure"], {}), ("0.0.0.0", [], {"SANCTIONS_CHECK_API_TOKEN": TOKEN}),
])
def test_serve_starts_on_loopback_with_a_token_or_when_told_insecure(
        host: str, args: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SANCTIONS_CHECK_API_TOKEN", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    started: list[tuple[Any, ...]] = []
    monkeypatch.setattr(supervise, "run", lambda *args: started.append(args))
    result = CliRunner().invoke(main, ["serve", "--host", host, "--port", "8123", "--max-body", "1000", *args])
    assert result.exit_code == 0, result.output
    (host_, port, workers, settings, _level), = started
    assert (host_, port, workers, settings.max_body, settings.token) == (host, 8123, 1, 1000, env.get(
        "SANCTIONS_CHECK_API_TOKEN"))
