"""Every endpoint answers what the library (and the matching CLI command) says."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import date

from click.testing import CliRunner
from fastapi.testclient import TestClient

from sanctions_check.api import load_rules
from sanctions_check.cli import main
from sanctions_check.lists.store import default_list_path
from tests.service.conftest import PUTIN_VISIT, TIMESTAMP


def test_rules_lists_every_provision_with_its_citation(client: TestClient) -> None:
    ruleset = load_rules()
    answer = client.get("/v1/rules").json()
    assert answer["sha256"] == ruleset.sha256
    assert [p["id"] for p in answer["provisions"]] == [p.id for p in ruleset.provisions]
    assert all(p["citation"].startswith("S/RES/") for p in answer["provisions"])


def test_rules_of_resolution_2397_are_only_those_of_2397(client: TestClient) -> None:
    provisions = client.get("/v1/rules", params={"resolution": 2397}).json()["provisions"]
    assert provisions and {p["resolution"] for p in provisions} == {2397}


def test_rules_in_force_in_2010_leave_out_the_2016_and_2017_resolutions(client: TestClient) -> None:
    provisions = client.get("/v1/rules", params={"on": "2010-01-01"}).json()["provisions"]
    assert provisions and all(p["in_force"]["start"] <= "2010-01-01" for p in provisions)
    assert not {2270, 2321, 2371, 2375, 2397} & {p["resolution"] for p in provisions}


def test_one_rule_carries_its_quoted_provision(client: TestClient) -> None:
    provision = load_rules().provisions[0]
    answer = client.get(f"/v1/rules/{provision.id}")
    assert answer.status_code == 200
    assert answer.json()["quote"] == provision.quote and answer.json()["citation"] == provision.citation


def test_an_unknown_rule_is_404_with_a_suggestion(client: TestClient) -> None:
    answer = client.get("/v1/rules/unsc-2397")
    assert answer.status_code == 404
    assert "no provision 'unsc-2397'" in answer.json()["error"] and "did you mean unsc-2397-" in answer.json()["error"]


def test_lists_names_the_shipped_list_its_sha256_and_age(client: TestClient) -> None:
    answer = client.get("/v1/lists").json()
    assert answer["origin"] == "shipped default" and answer["file"] == default_list_path().name
    assert answer["sha256"] == hashlib.sha256(default_list_path().read_bytes()).hexdigest()
    generated = date.fromisoformat(answer["generated_on"])
    assert answer["age_days"] == (date.today() - generated).days
    assert answer["entries"]["entity"] > 0 and answer["reload_error"] is None
    assert "/" not in answer["file"]  # no server path reaches a client


def test_screen_answers_what_screen_json_prints(client: TestClient) -> None:
    for query, args in [({"name": "Korea Mining Development Trading Corp"}, []),
                        ({"name": "KOMID", "type": "entity", "date": "2008-01-01"},
                         ["--type", "entity", "--date", "2008-01-01"])]:
        answer = client.post("/v1/screen", json=query)
        printed = CliRunner().invoke(main, ["screen", query["name"], "--json", *args])
        assert answer.status_code == 200 and printed.exit_code == 0
        assert answer.text == printed.stdout
    assert json.loads(answer.text)["matches"][0]["reference_number"] == "KPe.001"


def test_screen_without_a_name_is_422(client: TestClient) -> None:
    assert client.post("/v1/screen", json={"type": "entity"}).status_code == 422
    assert client.post("/v1/screen", content=b"{nope", headers={"content-type": "application/json"}).status_code == 422


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"


def test_metrics_count_requests_latency_and_events_checked(client: TestClient) -> None:
    def value(text: str, name: str) -> float:
        return float(next(line.rsplit(" ", 1)[1] for line in text.splitlines() if line.startswith(name + "{")))

    before = client.get("/metrics").text
    client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=PUTIN_VISIT)
    after = client.get("/metrics")
    assert after.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert value(after.text, "sanctions_check_events_checked_total") - value(before, "sanctions_check_events_checked_total") == 7
    assert value(after.text, "sanctions_check_events_flagged_total") - value(before, "sanctions_check_events_flagged_total") == 5
    assert 'route="/v1/check",status="200"' in after.text
    assert 'sanctions_check_request_duration_seconds_bucket{' in after.text and 'le="+Inf"' in after.text


def test_openapi_document_describes_every_endpoint_and_the_event_schema(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert {"/v1/check", "/v1/screen", "/v1/rules", "/v1/rules/{rule_id}", "/v1/lists", "/v1/lists/reload",
            "/healthz", "/readyz", "/metrics"} <= set(document["paths"])
    assert "Event" in document["components"]["schemas"]
    body = document["paths"]["/v1/check"]["post"]["requestBody"]["content"]
    assert {"application/json", "application/x-ndjson", "text/csv"} <= set(body)
    assert client.get("/docs").status_code == 200


def test_access_log_is_one_json_line_without_body_or_query(client: TestClient) -> None:
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("sanctions_check.access")
    logger.addHandler(handler)
    try:
        client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=PUTIN_VISIT)
        client.post("/v1/screen", json={"name": "Secret Person Being Screened"})
    finally:
        logger.removeHandler(handler)
    check, screen = (json.loads(line) for line in lines)
    assert {k: check[k] for k in ("method", "path", "status", "events", "flagged")} == {
        "method": "POST", "path": "/v1/check", "status": 200, "events": 7, "flagged": 5}
    assert check["duration_ms"] > 0 and len(check["request_id"]) == 16
    assert "pv-01" not in lines[0] and TIMESTAMP not in lines[0]  # neither the body nor the query string
    assert "Secret" not in lines[1] and screen["path"] == "/v1/screen"
