"""`lists update` is bounded: an overall deadline, a size cap, http(s) only (issue 10, point 9).
Against servers on 127.0.0.1 that misbehave on purpose; never the outside network."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sanctions_check.errors import ListError
from sanctions_check.lists.update import download_list

Behaviour = Callable[[http.server.BaseHTTPRequestHandler], None]


def _serve(behaviour: Behaviour) -> Iterator[str]:
    handler = type("Handler", (http.server.BaseHTTPRequestHandler,), {
        "do_GET": lambda self: _quietly(behaviour, self), "log_message": lambda self, *args: None})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/consolidated.xml"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _quietly(behaviour: Behaviour, handler: http.server.BaseHTTPRequestHandler) -> None:
    try:
        behaviour(handler)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up, as it should


def _drip(handler: http.server.BaseHTTPRequestHandler) -> None:
    # One byte every 0.1 s: each read is quick, so only an overall deadline stops it.
    handler.send_response(200)
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    for _ in range(1000):
        handler.wfile.write(b"<")
        handler.wfile.flush()
        time.sleep(0.1)


def _endless(handler: http.server.BaseHTTPRequestHandler) -> None:
    # No Content-Length: the body is read until the cap.
    handler.send_response(200)
    handler.end_headers()
    block = b"<x/>" * 16384
    for _ in range(64):
        handler.wfile.write(block)


def _announced_huge(handler: http.server.BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", str(2 << 30))
    handler.end_headers()


def _redirect_to_file(handler: http.server.BaseHTTPRequestHandler) -> None:
    handler.send_response(302)
    handler.send_header("Location", "file:///etc/passwd" if "file" in handler.path else "ftp://127.0.0.1/x.xml")
    handler.end_headers()


@pytest.fixture()
def drip() -> Iterator[str]:
    yield from _serve(_drip)


@pytest.fixture()
def endless() -> Iterator[str]:
    yield from _serve(_endless)


@pytest.fixture()
def huge() -> Iterator[str]:
    yield from _serve(_announced_huge)


@pytest.fixture()
def redirect() -> Iterator[str]:
    yield from _serve(_redirect_to_file)


def test_a_slow_drip_server_trips_the_overall_deadline(drip: str, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ListError, match="took longer than 0.5 s"):
        download_list(drip, tmp_path / "x.xml", timeout=5, progress=False, deadline=0.5)
    assert time.monotonic() - started < 3
    assert not list(tmp_path.iterdir())  # nothing kept, not even the part file


def test_a_body_past_the_cap_is_refused_and_not_kept(endless: str, tmp_path: Path) -> None:
    with pytest.raises(ListError, match="over 1 MiB"):
        download_list(endless, tmp_path / "x.xml", timeout=5, progress=False, max_bytes=1 << 20)
    assert not list(tmp_path.iterdir())


def test_an_announced_2_gib_body_is_refused_before_reading(huge: str, tmp_path: Path) -> None:
    with pytest.raises(ListError, match="not the consolidated list"):
        download_list(huge, tmp_path / "x.xml", timeout=5, progress=False)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("to", ["file", "ftp"])
def test_a_redirect_to_a_file_or_ftp_url_is_not_followed(redirect: str, tmp_path: Path, to: str) -> None:
    # urllib itself refuses file:, the opener's own handler refuses ftp: (urllib follows it).
    with pytest.raises(ListError, match="is not allowed" if to == "file" else "non-http"):
        download_list(redirect + f"?{to}", tmp_path / "x.xml", timeout=5, progress=False)
    assert not (tmp_path / "x.xml").exists()


@pytest.mark.parametrize("url", ["file:///etc/passwd", "data:text/xml,<x/>", "not a url", "ftp://example.org/x"])
def test_only_http_and_https_addresses_are_fetched(url: str, tmp_path: Path) -> None:
    with pytest.raises(ListError, match="not an http"):
        download_list(url, tmp_path / "x.xml", timeout=5, progress=False)
