"""Write the JSON report of a long input without holding its results in memory.

Results are serialised to UTF-8 as they become final and spooled to a file; the summary,
which the report puts before the results, is known only at the end, when the spool is
copied out in large blocks. Results that come late (DPRK-linked events, evaluated in
batches, and events held for cap totals) are spliced back into input order at offsets
noted when their gap went by.

Each result is spooled already indented to its place in the report (two levels deep),
after a ",\n" separator: clear records are written at that depth, full results have
the margin added after each newline (a newline in JSON text is always formatting:
inside strings it is escaped). The spool is then copied out as it is.
"""

from __future__ import annotations

import codecs
import tempfile
from bisect import bisect_right
from typing import BinaryIO, Callable, Iterable, Iterator, TextIO

from pydantic_core import PydanticSerializationError

from sanctions_check.aggregate import Tally
from sanctions_check.io.validate import Validated
from sanctions_check.model.clear import ClearJSON, ClearResult
from sanctions_check.model.report import Report, Result, Summary
from sanctions_check.report.json_format import result_json, write_around

_MARGIN = b"    "  # results sit two levels deep in the report
_SEPARATOR = b",\n" + _MARGIN  # before every result in the list; the first one's comma becomes "["
_BLOCK = 1 << 20  # bytes copied from the spool at a time
_BATCH = 256  # results joined per write to the spool


class _Spool:
    """Chunks in arrival order, with the byte offset of each gap left by a held result.
    Chunks that arrive after their place (held results, large: their findings carry cap
    totals) go to a second file, with only their index and position kept in memory.
    Clear records are written into it from their validated events (`put_clear`)."""

    def __init__(self, file: BinaryIO, late_file: BinaryIO, render_clear: Callable[[Validated], bytes]) -> None:
        self.file = file
        self.size = 0
        self.gap_next: list[int] = []  # the first index after each gap in the spooled indices ...
        self.gap_offset: list[int] = []  # ... and the spool offset where it starts
        self.late_file = late_file
        self.late: list[tuple[int, int, int]] = []  # index, offset and length in late_file
        self._late_size = 0
        self.count = 0  # results written (counted when a batch is flushed)
        self._render_clear = render_clear
        self._batch: list[bytes] = []
        self._last = -1

    def put(self, index: int, result: bytes) -> None:
        """One result's JSON; the spool puts the list separator before it."""
        if index != self._last + 1 and not self._gap(index, result):
            return
        batch = self._batch
        batch.append(result)
        if len(batch) >= _BATCH:
            self.flush()
        self._last = index

    def put_clear(self, index: int, validated: Validated) -> None:
        """`put` of a clear record, written from the event (most of a feed: one call, not two)."""
        if index != self._last + 1 and not self._gap(index, None):
            return
        batch = self._batch
        batch.append(self._render_clear(validated))
        if len(batch) >= _BATCH:
            self.flush()
        self._last = index

    def _gap(self, index: int, result: bytes | None) -> bool:
        """A result out of sequence: a late one is stored aside (False); one after a gap
        has the gap noted and goes on into the batch (True)."""
        if index <= self._last:
            if result is None:
                raise RuntimeError("a clear record arrived after its place")  # a bug, not bad input
            length = len(_SEPARATOR) + len(result)
            self.late.append((index, self._late_size, length))
            self.late_file.write(_SEPARATOR)
            self.late_file.write(result)
            self._late_size += length
            self.count += 1
            return False
        # Where the next result will start, without writing the batch out early.
        self.gap_next.append(index)
        self.gap_offset.append(self.size + sum(len(_SEPARATOR) + len(chunk) for chunk in self._batch))
        return True

    def flush(self) -> None:
        if not self._batch:
            return
        self.count += len(self._batch)
        data = _SEPARATOR + _SEPARATOR.join(self._batch)
        self.file.write(data)
        self.size += len(data)
        self._batch.clear()

    def merged(self) -> Iterator[bytes]:
        """Everything in input order: spooled blocks with the late chunks spliced in."""
        self.flush()
        self.file.seek(0)
        self.late_file.seek(0)
        at = late_at = 0
        for index, late_offset, length in sorted(self.late):
            position = bisect_right(self.gap_next, index)
            offset = self.gap_offset[position] if position < len(self.gap_offset) else self.size
            yield from self._copy(offset - at)
            at = offset
            if late_offset != late_at:  # late chunks are mostly read in the order they were written
                self.late_file.seek(late_offset)
            yield self.late_file.read(length)
            late_at = late_offset + length
        yield from self._copy(self.size - at)

    def _copy(self, count: int) -> Iterator[bytes]:
        while count > 0:
            block = self.file.read(min(count, _BLOCK))
            if not block:
                raise RuntimeError("the results spool ended early")  # a bug, not bad input
            count -= len(block)
            yield block


def _write_list(out: TextIO, blocks: Iterator[bytes]) -> None:
    """The results list: "[" replaces the first separator's comma.
    Bytes go straight to the output's buffer when it has one, else are decoded (a StringIO)."""
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()  # the text written so far goes first; the list is bytes from here on
    decoder = codecs.getincrementaldecoder("utf-8")()
    first = True
    for block in blocks:
        if first:
            block = b"[" + block[1:]
            first = False
        if buffer is not None:
            buffer.write(block)
        else:
            out.write(decoder.decode(block))
    if buffer is not None:
        buffer.flush()  # before the text layer writes the closing bracket
    out.write("[]" if first else "\n  ]")


ClearSink = Callable[[int, Validated], None]


def _result_bytes(result: Result) -> bytes:
    """The result as UTF-8 JSON at its depth in the report."""
    try:
        text = result.__pydantic_serializer__.to_json(result, indent=2)
    except PydanticSerializationError:  # a lone surrogate from the input (see escaped_json)
        text = result_json(result).encode()
    return text.replace(b"\n", b"\n" + _MARGIN)


def _safe_clear(render: Callable[[Validated], bytes]) -> Callable[[Validated], bytes]:
    """The fast clear record, or for an event whose text UTF-8 cannot hold (orjson refuses a
    lone surrogate with a TypeError), the same record through the full result."""
    def safe(validated: Validated) -> bytes:
        try:
            return render(validated)
        except TypeError:
            return _result_bytes(ClearResult(validated).to_result())
    return safe


def write_streamed(out: TextIO, results: Callable[[ClearSink], Iterable[tuple[int, Result | ClearResult]]],
                   head: Callable[[Summary], Report]) -> Report:
    """Write the whole report; returns its head.

    `results(clear)` gives the (index, result) pairs, passing events with no DPRK link to
    `clear` instead (`stream_results(..., clear=clear)`): those are written here straight
    from the validated event, most of a trade feed.
    """
    tally = Tally()
    # Large buffers: results are read back between splices in pieces of a few dozen records.
    with tempfile.TemporaryFile("w+b", buffering=_BLOCK) as file, \
            tempfile.TemporaryFile("w+b", buffering=_BLOCK) as late_file:
        spool = _Spool(file, late_file, _safe_clear(ClearJSON(_MARGIN).render))
        count, put, put_clear = tally.add, spool.put, spool.put_clear
        for index, result in results(put_clear):
            if result.__class__ is ClearResult:
                put_clear(index, result.validated)  # type: ignore[union-attr]
            else:
                count(result)
                put(index, _result_bytes(result))  # type: ignore[arg-type]
        spool.flush()  # counts what it writes
        clear = spool.count - tally.evaluated
        tally.add_clear(clear)
        report = head(tally.summary())
        for rejection in report.rejected:
            tally.reject(rejection)
        report.summary = tally.summary()
        write_around(out, report, lambda out: _write_list(out, spool.merged()))
    return report
