"""Download the current UN consolidated list, with a progress bar, a timeout and clear errors."""

from __future__ import annotations

import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import click

from sanctions_check import __version__
from sanctions_check.errors import ListError

# The address the UN Security Council publishes the consolidated list at (XML, all regimes).
UN_CONSOLIDATED_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
DEFAULT_TIMEOUT = 60.0
# The whole download, however the server paces it: `timeout` alone bounds each read, so a
# server dripping one byte a minute would hold the command for ever.
DEFAULT_DEADLINE = 600.0
# The full consolidated list is a few MB; a body far past that is not the list.
MAX_BYTES = 64 * 1024 * 1024
_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024
_HINT = ("check the network connection (or proxy settings), or download the list in a browser "
         "and run `sanctions-check lists import FILE`")


def download_list(url: str = UN_CONSOLIDATED_URL, dest: Path | None = None, timeout: float = DEFAULT_TIMEOUT,
                  progress: bool = True, deadline: float = DEFAULT_DEADLINE, max_bytes: int = MAX_BYTES) -> Path:
    """Fetch `url` (http or https only) into `dest` (written whole or not at all) and return `dest`.

    `timeout` bounds the connection and each read, `deadline` the whole download, in
    seconds; a body over `max_bytes` is refused. A progress bar goes to stderr when it is
    a terminal. Every failure is a ListError that says what to do.
    """
    if dest is None:
        raise ListError("download_list: no destination file given")
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise ListError(f"{url!a}: not an http(s) address", "give an http:// or https:// URL; the UN's is "
                        + UN_CONSOLIDATED_URL)
    host = parts.hostname
    request = urllib.request.Request(url, headers={"User-Agent": f"sanctions-check/{__version__}"})
    partial = dest.with_name(dest.name + ".part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with _OPENER.open(request, timeout=timeout) as response:
            length = int(response.headers.get("Content-Length") or 0)
            if length > max_bytes:
                raise _TooLarge(length)
            with partial.open("wb") as out:
                _copy(response, out, length, progress, _Budget(time.monotonic() + deadline, max_bytes))
        partial.replace(dest)  # a complete file, or the old one untouched
    except _TooLarge as error:
        raise ListError(f"{url}: the answer is over {max_bytes // (1024 * 1024)} MiB ({error.size} bytes or more); "
                        "that is not the consolidated list", "check the --url address") from None
    except _Overdue:
        raise ListError(f"{url}: the download took longer than {deadline:g} s", _HINT + "; or raise --deadline") from None
    except urllib.error.HTTPError as error:
        raise ListError(f"{url}: the server answered HTTP {error.code} {error.reason}",
                        "check the --url address; the UN's is " + UN_CONSOLIDATED_URL) from None
    except urllib.error.URLError as error:
        raise ListError(f"{url}: cannot reach {host} ({_reason(error.reason, timeout)})", _HINT) from None
    except (TimeoutError, socket.timeout):
        raise ListError(f"{url}: no answer from {host} within {timeout:g} s", _HINT + "; or raise --timeout") from None
    except ValueError as error:  # urllib: unknown URL type and the like
        raise ListError(f"{url}: not a URL that can be downloaded ({error})", "give an http(s):// address") from None
    except OSError as error:
        raise ListError(f"{dest}: cannot write the download ({error.strerror or error})",
                        "set SANCTIONS_CHECK_HOME to a writable directory") from None
    finally:
        partial.unlink(missing_ok=True)
    return dest


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


class _Overdue(Exception):
    pass


class _Budget:
    """The bytes and the time a download may still take."""

    def __init__(self, until: float, max_bytes: int) -> None:
        self.until, self.max_bytes, self.seen = until, max_bytes, 0

    def spend(self, size: int) -> None:
        self.seen += size
        if self.seen > self.max_bytes:
            raise _TooLarge(self.seen)
        if time.monotonic() > self.until:
            raise _Overdue()


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only: urllib would also follow one to ftp://."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            raise urllib.error.HTTPError(newurl, code, f"redirect to a non-http(s) address {newurl!a}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# No FileHandler, FTPHandler or DataHandler: only http(s) can be fetched, even by a redirect.
_OPENER = urllib.request.OpenerDirector()
for _handler in (urllib.request.ProxyHandler(), urllib.request.UnknownHandler(), urllib.request.HTTPHandler(),
                 urllib.request.HTTPSHandler(), urllib.request.HTTPDefaultErrorHandler(), _HttpOnlyRedirects(),
                 urllib.request.HTTPErrorProcessor()):
    _OPENER.add_handler(_handler)


def _copy(response, out, length: int, progress: bool, budget: _Budget) -> None:  # type: ignore[no-untyped-def]
    # read1, not read: read(n) waits for all n bytes, so a dripping server would keep it
    # from ever returning to look at the clock.
    if not (progress and length):
        while chunk := response.read1(_CHUNK):
            budget.spend(len(chunk))
            out.write(chunk)
        return
    with click.progressbar(length=length, label="Downloading the UN consolidated list",
                           file=sys.stderr) as bar:
        while chunk := response.read1(_CHUNK):
            budget.spend(len(chunk))
            out.write(chunk)
            bar.update(len(chunk))


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "the host name cannot be resolved: no network or no DNS"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    return str(getattr(reason, "strerror", None) or reason)
