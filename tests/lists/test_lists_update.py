"""Downloading the list: against a local HTTP server on 127.0.0.1, never the outside network."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctions_check.cli.lists import lists
from sanctions_check.errors import ListError
from sanctions_check.lists.store import load_designations
from sanctions_check.lists.update import UN_CONSOLIDATED_URL, download_list


class _Handler(http.server.BaseHTTPRequestHandler):
    body = b""
    delay = 0.0

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path != "/consolidated.xml":
            self.send_error(404, "Not Found")
            return
        time.sleep(self.delay)
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        try:
            self.wfile.write(self.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test): expected

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture()
def server(dprk_xml: Path) -> Iterator[tuple[str, type[_Handler]]]:
    handler = type("Handler", (_Handler,), {"body": dprk_xml.read_bytes(), "delay": 0.0})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: nothing listens there


def test_the_default_address_is_the_uns_published_list() -> None:
    assert UN_CONSOLIDATED_URL == "https://scsanctions.un.org/resources/xml/en/consolidated.xml"


def test_the_list_is_downloaded_whole(server: tuple[str, type[_Handler]], tmp_path: Path, dprk_xml: Path) -> None:
    url, _ = server
    target = download_list(f"{url}/consolidated.xml", tmp_path / "dl" / "consolidated.xml", timeout=5)
    assert target.read_bytes() == dprk_xml.read_bytes()
    assert not list((tmp_path / "dl").glob("*.part"))


def test_an_http_error_is_named_with_the_address_to_use(server: tuple[str, type[_Handler]], tmp_path: Path) -> None:
    url, _ = server
    with pytest.raises(ListError, match="the server answered HTTP 404") as raised:
        download_list(f"{url}/missing.xml", tmp_path / "x.xml", timeout=5)
    assert UN_CONSOLIDATED_URL in (raised.value.hint or "")
    assert not (tmp_path / "x.xml").exists()


def test_no_server_says_there_is_no_connection_and_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ListError, match=r"cannot reach 127.0.0.1 \(connection refused\)") as raised:
        download_list(f"http://127.0.0.1:{_closed_port()}/consolidated.xml", tmp_path / "x.xml", timeout=5)
    assert "lists import FILE" in (raised.value.hint or "")


def test_a_silent_server_times_out(server: tuple[str, type[_Handler]], tmp_path: Path) -> None:
    url, handler = server
    handler.delay = 2.0
    started = time.monotonic()
    with pytest.raises(ListError, match="within 0.3 s"):
        download_list(f"{url}/consolidated.xml", tmp_path / "x.xml", timeout=0.3)
    assert time.monotonic() - started < 1.5
    assert not (tmp_path / "x.xml").exists()


def test_lists_update_downloads_imports_and_stores(server: tuple[str, type[_Handler]], isolated_store: Path) -> None:
    url, _ = server
    result = CliRunner().invoke(lists, ["update", "--url", f"{url}/consolidated.xml", "--timeout", "5"])
    assert result.exit_code == 0, result.output
    assert "80 individuals, 75 entities" in result.output
    assert (isolated_store / "lists" / "downloads" / "consolidated.xml").is_file()
    assert load_designations().counts() == {"individual": 80, "entity": 75, "vessel": 25}


def test_lists_update_without_network_raises_a_list_error(isolated_store: Path) -> None:
    result = CliRunner().invoke(lists, ["update", "--url", f"http://127.0.0.1:{_closed_port()}/c.xml", "--timeout", "2"])
    assert isinstance(result.exception, ListError)
    assert "cannot reach 127.0.0.1" in result.exception.message
