"""Every way a command can fail, turned into one line on stderr and a documented exit code.

Exit 1 means "potential violations found" and nothing else (README, exit codes), so no
crash may ever end with it: click maps Ctrl-C and a closed pipe to 1, and Python prints a
traceback and exits 1 on anything uncaught. `failure()` decides the line and the code;
the command group calls it around every command (cli/__init__.py).
"""

from __future__ import annotations

import errno
import os
import sys
import traceback
from dataclasses import dataclass

import click

from sanctions_check.errors import EXIT_INTERNAL, EXIT_USAGE, SanctionsCheckError

EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by SIGINT (128 + 2)
_DEBUG_HINT = "rerun with --debug (or SANCTIONS_CHECK_DEBUG=1) for the traceback, and report it"

# Errors that only a write gives; any OS error is the environment's doing (exit 2), not a bug.
_WRITE_ERRNOS = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded",
                 errno.EROFS: "the file system is read-only", errno.EFBIG: "the file is too large for the file system"}


@dataclass(frozen=True)
class Failure:
    message: str
    hint: str | None
    exit_code: int

    def lines(self) -> list[str]:
        return [f"error: {self.message}"] + ([f"hint: {self.hint}"] if self.hint else [])


def failure(error: BaseException) -> Failure:
    """What to tell the user about `error`, and the exit code."""
    if isinstance(error, SanctionsCheckError):
        return Failure(error.message, error.hint, error.exit_code)
    if isinstance(error, (KeyboardInterrupt, click.exceptions.Abort)):
        return Failure("interrupted; no report was written", None, EXIT_INTERRUPTED)
    if isinstance(error, OSError):
        return _os_failure(error)
    if isinstance(error, RecursionError):
        return Failure("internal error: a value is nested too deeply to process (RecursionError)",
                       "flatten the deeply nested record in the input; " + _DEBUG_HINT, EXIT_INTERNAL)
    if isinstance(error, MemoryError):
        return Failure("out of memory", "split the input into smaller files, or free memory", EXIT_INTERNAL)
    return Failure(f"internal error: {type(error).__name__}: {_short(error)}", _DEBUG_HINT,
                   EXIT_INTERNAL)


def _os_failure(error: OSError) -> Failure:
    where = f"{error.filename}: " if error.filename else ""
    if error.errno == errno.EPIPE:
        return Failure("cannot write the output: its reader closed it (broken pipe)",
                       "write to a file instead (-o FILE, or a shell redirection)", EXIT_USAGE)
    if error.errno in _WRITE_ERRNOS:
        return Failure(f"cannot write {where or 'the output: '}{_WRITE_ERRNOS[error.errno]}",
                       "free some space or write somewhere else", EXIT_USAGE)
    reason = error.strerror or str(error)
    return Failure(f"{where}{reason}", "check the path and its permissions", EXIT_USAGE)


def _short(error: BaseException, limit: int = 300) -> str:
    # A message built from input text could be long or hold escapes: one safe line.
    text = str(error).encode("ascii", "backslashreplace").decode("ascii")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def debugging() -> bool:
    return os.environ.get("SANCTIONS_CHECK_DEBUG", "") not in ("", "0")


def report(error: BaseException, debug: bool) -> int:
    """Print the one-line message (and, with --debug, the traceback); return the exit code."""
    found = failure(error)
    stderr = sys.stderr
    try:
        if debug and not isinstance(error, (SanctionsCheckError, KeyboardInterrupt, click.exceptions.Abort)):
            traceback.print_exception(error, file=stderr)
        for line in found.lines():
            stderr.write(line.encode(stderr.encoding or "utf-8", "backslashreplace")
                         .decode(stderr.encoding or "utf-8") + "\n")
        stderr.flush()
    except (OSError, ValueError):
        pass  # stderr itself is gone: the exit code is all that can still be said
    return found.exit_code


def silence_stdout() -> None:
    """After a failed write to standard output, point it at /dev/null, so that Python's
    flush at exit does not fail again and print "Exception ignored ..." (Python's
    documented advice for SIGPIPE)."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (click's test runner): nothing is flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
