"""Download the current UN consolidated list, with a progress bar, a timeout and clear errors."""

from __future__ import annotations

import socket
import sys
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
_CHUNK = 64 * 1024
_HINT = ("check the network connection (or proxy settings), or download the list in a browser "
         "and run `sanctions-check lists import FILE`")


def download_list(url: str = UN_CONSOLIDATED_URL, dest: Path | None = None, timeout: float = DEFAULT_TIMEOUT,
                  progress: bool = True) -> Path:
    """Fetch `url` into `dest` (written whole or not at all) and return `dest`.

    `timeout` bounds the connection and each read, in seconds. A progress bar goes to
    stderr when it is a terminal. Every failure is a ListError that says what to do.
    """
    if dest is None:
        raise ListError("download_list: no destination file given")
    host = urlsplit(url).hostname or url
    request = urllib.request.Request(url, headers={"User-Agent": f"sanctions-check/{__version__}"})
    partial = dest.with_name(dest.name + ".part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) URL from the user
            length = int(response.headers.get("Content-Length") or 0)
            with partial.open("wb") as out:
                _copy(response, out, length, progress)
        partial.replace(dest)  # a complete file, or the old one untouched
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


def _copy(response, out, length: int, progress: bool) -> None:  # type: ignore[no-untyped-def]
    if not (progress and length):
        while chunk := response.read(_CHUNK):
            out.write(chunk)
        return
    with click.progressbar(length=length, label="Downloading the UN consolidated list",
                           file=sys.stderr) as bar:
        while chunk := response.read(_CHUNK):
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
