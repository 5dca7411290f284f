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
from sanctions_check.model.clear import REPORT_MARGIN, REPORT_SEPARATOR, ClearResult
from sanctions_check.model.report import Report, Result, Summary
from sanctions_check.report.json_format import result_json, write_around

# Before every result in the list a separator (the first one's comma becomes "["); results
# sit two levels deep in the report.
_SEPARATOR, _MARGIN = REPORT_SEPARATOR, REPORT_MARGIN
_BLOCK = 1 << 20  # bytes copied from the spool at a time
_BATCH = 64  # results joined per write to the spool


class _Spool:
    """Chunks in arrival order, with the byte offset of each gap left by a held result.
    Chunks that arrive after their place (held results, large: their findings carry cap
    totals) go to a second file, with only their index and position kept in memory."""

    def __init__(self, file: BinaryIO, late_file: BinaryIO) -> None:
        self.file = file
        self.size = 0
        self.gap_next: list[int] = []  # the first index after each gap in the spooled indices ...
        self.gap_offset: list[int] = []  # ... and the spool offset where it starts
        self.late_file = late_file
        self.late: list[tuple[int, int, int]] = []  # index, offset and length in late_file
        self._batch: list[str] = []
        self._last = -1

    def put(self, index: int, chunk: str) -> None:
        last = self._last
        if index <= last:
            data = chunk.encode("utf-8")
            self.late.append((index, self.late_file.tell(), len(data)))
            self.late_file.write(data)
            return
        if index != last + 1:
            self.flush()
            self.gap_next.append(index)
            self.gap_offset.append(self.size)
        batch = self._batch
        batch.append(chunk)
        if len(batch) == _BATCH:
            self.flush()
        self._last = index

    def flush(self) -> None:
        data = "".join(self._batch).encode("utf-8")
        self.file.write(data)
        self.size += len(data)
        self._batch.clear()

    def merged(self) -> Iterator[bytes]:
        """Everything in input order: spooled blocks with the late chunks spliced in."""
        self.flush()
        self.file.seek(0)
        at = 0
        for index, late_offset, length in sorted(self.late):
            position = bisect_right(self.gap_next, index)
            offset = self.gap_offset[position] if position < len(self.gap_offset) else self.size
            yield from self._copy(offset - at)
            at = offset
            self.late_file.seek(late_offset)
            yield self.late_file.read(length)
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
    with tempfile.TemporaryFile("w+b") as file, tempfile.TemporaryFile("w+b") as late_file:
        spool = _Spool(file, late_file)
        count, put = tally.add, spool.put
        clear = 0
        for index, result in pairs:
            if result.__class__ is ClearResult:  # most of a feed: counted here, rendered by template
                clear += 1
                put(index, result.to_json(_MARGIN, _SEPARATOR))  # type: ignore[union-attr]
            else:
                count(result)
                put(index, _SEPARATOR + result_json(result).replace("\n", "\n" + _MARGIN))  # type: ignore[arg-type]
        tally.add_clear(clear)
        report = head(tally.summary())
        for rejection in report.rejected:
            tally.reject(rejection)
        report.summary = tally.summary()
        write_around(out, report, lambda out: _write_list(out, spool.merged()))
    return report
