"""Write the JSON report of a long input without holding its results in memory.

Results are serialised as they become final, already indented, into a spool file; the
summary, which the report puts before the results, is known only at the end, when the
spool is copied out in large blocks. Results that come late (events held for cap totals)
are spliced back into input order at offsets noted when their gap went by.

The spool holds UTF-8 bytes and is copied to the output's byte buffer when it has one,
so the bulk of a large report is encoded once and never decoded again.
"""

from __future__ import annotations

import codecs
import tempfile
from bisect import bisect_right
from typing import BinaryIO, Callable, Iterable, Iterator, TextIO

from sanctions_check.aggregate import Tally
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.report import Report, Result, Summary
from sanctions_check.report.json_format import result_json, write_around

_SEPARATOR = ",\n    "  # before every result in the list; the first one's comma becomes "["
_MARGIN = "    "  # results sit two levels deep in the report
_BLOCK = 1 << 20  # bytes copied from the spool at a time
_BATCH = 256  # results joined per write to the spool


def _chunk(result: Result | ClearResult) -> str:
    if isinstance(result, ClearResult):
        return _SEPARATOR + result.to_json(_MARGIN)
    return _SEPARATOR + result_json(result).replace("\n", "\n" + _MARGIN)


class _Spool:
    """Chunks in arrival order, with the byte offset of each gap left by a held result."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.size = 0
        self.gap_next: list[int] = []  # the first index after each gap in the spooled indices ...
        self.gap_offset: list[int] = []  # ... and the spool offset where it starts
        self._batch: list[str] = []
        self._last = -1

    def takes(self, index: int) -> bool:
        """Whether `index` comes after everything spooled so far (else it is spliced in later)."""
        return index > self._last

    def add(self, index: int, chunk: str) -> None:
        if index != self._last + 1:
            self.flush()
            self.gap_next.append(index)
            self.gap_offset.append(self.size)
        self._batch.append(chunk)
        if len(self._batch) == _BATCH:
            self.flush()
        self._last = index

    def flush(self) -> None:
        data = "".join(self._batch).encode("utf-8")
        self.file.write(data)
        self.size += len(data)
        self._batch.clear()

    def merged(self, late: list[tuple[int, str]]) -> Iterator[bytes]:
        """Everything in input order: spooled blocks with the late chunks spliced in."""
        self.flush()
        self.file.seek(0)
        at = 0
        for index, chunk in sorted(late):
            position = bisect_right(self.gap_next, index)
            offset = self.gap_offset[position] if position < len(self.gap_offset) else self.size
            yield from self._copy(offset - at)
            at = offset
            yield chunk.encode("utf-8")
        yield from self._copy(self.size - at)

    def _copy(self, count: int) -> Iterator[bytes]:
        while count > 0:
            block = self.file.read(min(count, _BLOCK))
            if not block:
                raise RuntimeError("the results spool ended early")  # a bug, not bad input
            count -= len(block)
            yield block


def _write_list(out: TextIO, blocks: Iterator[bytes]) -> None:
    """The results list: "[" replaces the first separator's comma; bytes go straight to the
    output's buffer when it has one, else are decoded (a StringIO, say)."""
    buffer = getattr(out, "buffer", None)
    decoder = codecs.getincrementaldecoder("utf-8")()
    first = True
    for block in blocks:
        if first:
            block = b"[" + block[1:]
            first = False
        if buffer is not None:
            out.flush()
            buffer.write(block)
        else:
            out.write(decoder.decode(block))
    out.write("[]" if first else "\n  ]")


def write_streamed(out: TextIO, pairs: Iterable[tuple[int, Result | ClearResult]],
                   head: Callable[[Summary], Report]) -> Report:
    """Consume (index, result) pairs, then write the whole report; returns the report head."""
    tally = Tally()
    late: list[tuple[int, str]] = []
    with tempfile.TemporaryFile("w+b") as file:
        spool = _Spool(file)
        for index, result in pairs:
            tally.add(result)
            if spool.takes(index):
                spool.add(index, _chunk(result))
            else:
                late.append((index, _chunk(result)))
        report = head(tally.summary())
        for rejection in report.rejected:
            tally.reject(rejection)
        report.summary = tally.summary()
        write_around(out, report, lambda out: _write_list(out, spool.merged(late)))
    return report
