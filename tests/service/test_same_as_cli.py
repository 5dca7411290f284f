"""POST /v1/check answers what `sanctions-check check` writes for the same events, options
and timestamp, byte for byte, in every format the registry has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import FIXTURES
from tests.service.conftest import PUTIN_VISIT, TIMESTAMP, cli, events_body


def test_json_report_of_the_putin_visit_events_is_the_cli_report_byte_for_byte(
        client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=PUTIN_VISIT,
                         headers={"content-type": "application/json"})
    expected = cli(tmp_path, monkeypatch, "request.json", PUTIN_VISIT, "-f", "json", "--timestamp", TIMESTAMP)
    assert expected.exit_code == 1  # the fixture has flagged events
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.content == expected.stdout_bytes
    assert answer.json()["summary"]["flagged"] > 0


def test_a_generated_feed_with_listed_names_and_caps_is_the_cli_report_byte_for_byte(
        client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = events_body(400)  # results come late (batched, cap-counted) and are spliced back
    answer = client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=body)
    expected = cli(tmp_path, monkeypatch, "request.json", body, "-f", "json", "--timestamp", TIMESTAMP)
    assert answer.content == expected.stdout_bytes
    assert answer.json()["summary"]["events"] == 400


def test_json_lines_with_broken_records_reject_them_with_the_cli_messages(
        client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = (FIXTURES / "bad-events.jsonl").read_bytes()
    answer = client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=body,
                         headers={"content-type": "application/x-ndjson"})
    expected = cli(tmp_path, monkeypatch, "request.jsonl", body, "-f", "json", "--timestamp", TIMESTAMP)
    assert answer.content == expected.stdout_bytes
    rejected = answer.json()["rejected"]
    assert rejected and all(r["file"] == "request.jsonl" for r in rejected)


@pytest.mark.parametrize("fmt", ["csv", "markdown", "html", "text"])
def test_other_formats_by_query_parameter_are_the_cli_formats(
        fmt: str, client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = client.post("/v1/check", params={"timestamp": TIMESTAMP, "format": fmt}, content=PUTIN_VISIT)
    expected = cli(tmp_path, monkeypatch, "request.json", PUTIN_VISIT, "-f", fmt, "--timestamp", TIMESTAMP)
    assert answer.status_code == 200
    assert answer.content == expected.stdout_bytes


@pytest.mark.parametrize(("accept", "fmt"), [("text/csv", "csv"), ("text/markdown", "markdown"),
                                             ("text/html;q=0.9, text/csv;q=0.5", "html"), ("*/*", "json")])
def test_accept_header_chooses_the_format(accept: str, fmt: str, client: TestClient) -> None:
    by_accept = client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=PUTIN_VISIT,
                            headers={"accept": accept})
    by_query = client.post("/v1/check", params={"timestamp": TIMESTAMP, "format": fmt}, content=PUTIN_VISIT)
    assert by_accept.status_code == 200 and by_accept.content == by_query.content


def test_options_as_query_parameters_are_the_cli_options(
        client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = client.post("/v1/check", content=PUTIN_VISIT, params={
        "timestamp": TIMESTAMP, "engine": "reference", "screening": "false", "fail_on": "never"})
    expected = cli(tmp_path, monkeypatch, "request.json", PUTIN_VISIT, "-f", "json", "--timestamp", TIMESTAMP,
                   "--engine", "reference", "--no-screening", "--fail-on", "never")
    assert answer.content == expected.stdout_bytes


def test_options_as_body_fields_are_the_cli_options(
        client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = json.loads(PUTIN_VISIT)
    document.update(engine="reference", screening=False, verify=True, timestamp=TIMESTAMP, fail_on=["exempt"])
    body = json.dumps(document).encode()
    answer = client.post("/v1/check", content=body)
    expected = cli(tmp_path, monkeypatch, "request.json", body, "-f", "json", "--timestamp", TIMESTAMP,
                   "--engine", "reference", "--no-screening", "--verify")
    assert answer.content == expected.stdout_bytes
    assert answer.json()["verified_engines"] == ["reference"]


def test_a_query_parameter_wins_over_the_same_body_field(client: TestClient) -> None:
    document = json.loads(PUTIN_VISIT)
    document["timestamp"] = "2000-01-01T00:00:00Z"
    answer = client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=json.dumps(document))
    assert answer.json()["generated_at"] == TIMESTAMP


def test_a_bare_list_of_events_is_read_like_the_object(client: TestClient) -> None:
    events = json.loads(PUTIN_VISIT)["events"]
    bare = client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=json.dumps(events))
    wrapped = client.post("/v1/check", params={"timestamp": TIMESTAMP}, content=PUTIN_VISIT)
    def verdicts(answer):  # type: ignore[no-untyped-def]  # lines differ: the texts are laid out differently
        return [(r["event_id"], r["verdict"], [f["rule_id"] for f in r["findings"]]) for r in answer.json()["results"]]

    assert bare.status_code == 200 and verdicts(bare) == verdicts(wrapped)
