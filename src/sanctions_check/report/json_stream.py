"""Write the JSON report of a long input without holding its results in memory.

Results are serialised to UTF-8 as they become final and spooled to a file; the summary,
which the report puts before the results, is known only at the end, when the spool is
copied out in large blocks. Results that come late (events held for cap totals) are
spliced back into input order at offsets noted when their gap went by.

Each result is spooled as it serialises at the top level (indent 2) after a ",\n"
separator; the two levels of report indentation are added to whole blocks on the way
out (a newline in JSON text is always formatting: inside strings it is escaped).
"""

from __future__ import annotations

import codecs
import tempfile
from bisect import bisect_right
from typing import BinaryIO, Callable, Iterable, Iterator, TextIO

from sanctions_check.aggregate import Tally
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.report import Report, Result, Summary
from sanctions_check.report.json_format import write_around

_SEPARATOR = b",\n"  # before every result in the list; the first one's comma becomes "["
_MARGIN = b"\n    "  # results sit two levels deep in the report
_BLOCK = 1 << 20  # bytes copied from the spool at a time
_BATCH = 128  # separators and results joined per write to the spool


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
        self._batch: list[bytes] = []
        self._last = -1

    def put(self, index: int, result: bytes) -> None:
        """One result's JSON; the spool puts the list separator before it."""
        last = self._last
        if index <= last:
            self.late.append((index, self.late_file.tell(), len(_SEPARATOR) + len(result)))
            self.late_file.write(_SEPARATOR)
            self.late_file.write(result)
            return
        if index != last + 1:
            self.flush()
            self.gap_next.append(index)
            self.gap_offset.append(self.size)
        batch = self._batch
        batch.append(_SEPARATOR)
        batch.append(result)
        if len(batch) >= _BATCH:
            self.flush()
        self._last = index

    def flush(self) -> None:
        data = b"".join(self._batch)
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
    """The results list, indented into place: "[" replaces the first separator's comma.
    Bytes go straight to the output's buffer when it has one, else are decoded (a StringIO)."""
    buffer = getattr(out, "buffer", None)
    decoder = codecs.getincrementaldecoder("utf-8")()
    first = True
    for block in blocks:
        if first:
            block = b"[" + block[1:]
            first = False
        block = block.replace(b"\n", _MARGIN)
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
            if result.__class__ is ClearResult:  # most of a feed: counted here, serialised by orjson
                clear += 1
                put(index, result.json_bytes())  # type: ignore[union-attr]
            else:
                count(result)
                put(index, result.__pydantic_serializer__.to_json(result, indent=2))  # type: ignore[union-attr]
        tally.add_clear(clear)
        report = head(tally.summary())
        for rejection in report.rejected:
            tally.reject(rejection)
        report.summary = tally.summary()
        write_around(out, report, lambda out: _write_list(out, spool.merged()))
    return report
