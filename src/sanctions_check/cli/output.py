"""Where a report goes: a file replaced only by a complete report, or standard output.

A report is written to a temporary file beside the target and renamed over it once
complete (the rename is atomic on one file system), so a killed or failed run leaves the
previous report as it was, never an empty or cut one. Device files and pipes
(`-o /dev/stdout`, a FIFO) cannot be replaced that way and are written directly.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, TextIO

from sanctions_check.cli.guard import silence_stdout
from sanctions_check.errors import InputError, OutputError


def refuse_overwriting_inputs(output: Path | None, inputs: Iterable[Path | None]) -> None:
    """-o naming an input would destroy it: refused before anything is opened."""
    if output is None:
        return
    target = output.resolve()
    for path in inputs:
        if path is None:
            continue
        if path.resolve() == target or _same_file(path, output):
            raise InputError(f"--output {output} is also an input file; writing the report would destroy it",
                             "choose another --output path")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # hard links and bind mounts name one file twice
    except OSError:
        return False  # one of them does not exist (yet): not the same file


def _is_regular_or_absent(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}", "choose another --output path") from None


@contextmanager
def report_file(output: Path | None) -> Iterator[TextIO]:
    """A text handle for the report; on a normal exit the report is put in place.
    A failed write raises OutputError, which says where and what happened."""
    if output is None:
        # Text from the input that stdout's encoding cannot show is escaped, never a crash.
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="backslashreplace")
        yield _Guarded(sys.stdout, None)  # type: ignore[misc]
        return
    if not _is_regular_or_absent(output):
        handle = _open(output)
        with _closing(handle, output):
            yield _Guarded(handle, output)  # type: ignore[misc]
        return
    directory = output.parent if str(output.parent) else Path(".")
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=directory)
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror}", "choose another --output path") from None
    try:
        handle = os.fdopen(descriptor, "w", encoding="utf-8", errors="backslashreplace", newline="")
        with _closing(handle, output):
            yield _Guarded(handle, output)  # type: ignore[misc]
            try:
                handle.flush()
                os.fsync(handle.fileno())  # on disk before the rename makes it the report
            except OSError as error:
                raise write_error(error, output) from None
        os.chmod(temporary, _mode_for(output))
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _open(path: Path) -> TextIO:
    try:
        return path.open("w", encoding="utf-8", errors="backslashreplace", newline="")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}", "choose another --output path") from None


@contextmanager
def _closing(handle: TextIO, output: Path) -> Iterator[None]:
    """Close `handle`; after a failure, without letting the close (which flushes the same
    unwritable buffer again) replace the error that explains it."""
    try:
        yield
    except BaseException:
        try:
            handle.close()
        except OSError:
            pass
        raise
    try:
        handle.close()
    except OSError as error:
        raise write_error(error, output) from None


def write_error(error: OSError, output: Path | None) -> OutputError:
    if error.errno == errno.EPIPE:
        silence_stdout()
        return OutputError("cannot write the report: the reader of standard output closed it (broken pipe)",
                           "write the report to a file with -o FILE")
    if output is None:
        silence_stdout()
    reason = error.strerror or str(error)
    kept = "the previous file is unchanged" if output else "the report on standard output is incomplete"
    return OutputError(f"cannot write the report to {output or 'standard output'}: {reason}; {kept}",
                       "free some space or choose another --output path")


class _Guarded:
    """The report's handle, turning an OSError from a write into an OutputError, so that a
    failure to read an input (also an OSError) is never mistaken for a failed write."""

    def __init__(self, handle: TextIO | BinaryIO, output: Path | None) -> None:
        self._handle = handle
        self._output = output

    def write(self, data: Any) -> int:
        try:
            return self._handle.write(data)
        except OSError as error:
            raise write_error(error, self._output) from None

    def flush(self) -> None:
        try:
            self._handle.flush()
        except OSError as error:
            raise write_error(error, self._output) from None

    @property
    def buffer(self) -> "_Guarded | None":
        # json_stream writes pre-encoded results to the byte layer when there is one.
        inner = getattr(self._handle, "buffer", None)
        return None if inner is None else _Guarded(inner, self._output)


def _mode_for(output: Path) -> int:
    """The replaced file's permissions, or what a new file would get (mkstemp makes 0600)."""
    try:
        return stat.S_IMODE(os.stat(output).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
