"""Write the JSON report of a long input without holding its results in memory.

Results are serialised as they become final and spooled to a temporary file; results
that come late (events held for cap totals) are merged back into input order. The
summary, which the report puts before the results, is known only at the end.
"""

from __future__ import annotations

import heapq
import tempfile
from typing import Callable, Iterable, Iterator, TextIO

from sanctions_check.aggregate import Tally
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.report import Report, Result, Summary
from sanctions_check.report.json_format import result_json, write


def _read_spool(spool: TextIO) -> Iterator[tuple[int, str]]:
    spool.seek(0)
    while header := spool.readline():
        index, length = header.split()
        text = spool.read(int(length))
        spool.readline()
        yield int(index), text


def write_streamed(out: TextIO, pairs: Iterable[tuple[int, Result | ClearResult]],
                   head: Callable[[Summary], Report]) -> Report:
    """Consume (index, result) pairs, then write the whole report; returns the report head."""
    tally = Tally()
    late: list[tuple[int, str]] = []
    last = -1
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as spool:
        for index, result in pairs:
            tally.add(result)
            text = result.to_json() if isinstance(result, ClearResult) else result_json(result)
            if index > last:
                spool.write(f"{index} {len(text)}\n{text}\n")
                last = index
            else:
                late.append((index, text))
        report = head(tally.summary())
        for rejection in report.rejected:
            tally.reject(rejection)
        report.summary = tally.summary()
        late.sort()
        merged = heapq.merge(_read_spool(spool), late)
        write(out, report, (text for _, text in merged))
    return report
