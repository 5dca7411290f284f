"""Throughput and peak memory of `check` (JSON Lines in, JSON out) against validation alone.

    python benchmarks/bench_check.py            # 10k and 100k events, all four mixes
    python benchmarks/bench_check.py --sizes 10000

Each measurement runs in a fresh process (so peak RSS is that run's own), on one core,
`--repeat` times (default 3), `check` and validation in turns; the fastest run of each is
reported, as timeit does, since slower runs measure other load on the machine rather than
the code. Times are the process's CPU time (`time.process_time`), not wall time: on a
shared machine, waiting for a core is the neighbours' load, not the check's cost.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, path = sys.argv[1], Path(sys.argv[2])
if mode == "validate":
    from sanctions_check.api import EventStream
    start = time.process_time()
    stream = EventStream([path])
    count = sum(1 for _ in stream) + len(stream.rejected)
else:
    # The path of `sanctions-check check -f json`: streamed in, streamed out.
    # Screening on, as `check` does by default.
    from sanctions_check.api import EventStream, load_rules, party_screen, report_head, stream_results
    from sanctions_check.report.json_stream import write_streamed
    rules = load_rules()
    screen = party_screen()
    stream_results([], rules, screen=screen)  # build the engine before timing
    start = time.process_time()
    stream = EventStream([path])
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        results = lambda clear: stream_results(stream, rules, screen=screen, clear=clear)
        report = write_streamed(out, results, lambda summary: report_head(
            rules, summary, stream.rejected, stream.inputs, "bench", None))
    count = report.summary.events
elapsed = time.process_time() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"events": count, "seconds": elapsed, "peak_mb": peak_mb}))
"""


def _run(mode: str, path: Path, out: Path) -> dict:
    out.unlink(missing_ok=True)  # a fresh file each run: truncating the last report is not the check's work
    done = subprocess.run([sys.executable, "-c", _CHILD, mode, str(path), str(out)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def _measure(path: Path, out: Path, repeat: int) -> tuple[dict, dict]:
    """The fastest `check` and the fastest validation of `repeat` runs each, taken in turns:
    on a shared machine the load changes by the minute, and both sides of a ratio must see it."""
    checked, validated = [], []
    for _ in range(repeat):
        checked.append(_run("check", path, out))
        validated.append(_run("validate", path, out))
    pick = [dict(min(runs, key=lambda run: run["seconds"]), peak_mb=max(run["peak_mb"] for run in runs))
            for runs in (checked, validated)]
    return pick[0], pick[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--mixes", nargs="+", default=["dprk", "trade", "named", "feed"],
                        choices=["dprk", "trade", "named", "feed"])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest counts")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import events

    print(f"{'mix':6} {'events':>8} {'check ev/s':>11} {'check MB':>9} {'validate ev/s':>14} {'validate MB':>12} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for mix in args.mixes:
            for size in args.sizes:
                path = Path(tmp) / f"{mix}-{size}.jsonl"
                with path.open("w") as handle:
                    for record in events(size, mix):
                        handle.write(json.dumps(record) + "\n")
                checked, validated = _measure(path, Path(tmp) / "report.json", args.repeat)
                rate_c = checked["events"] / checked["seconds"]
                rate_v = validated["events"] / validated["seconds"]
                print(f"{mix:6} {size:>8} {rate_c:>11,.0f} {checked['peak_mb']:>9.0f} {rate_v:>14,.0f} "
                      f"{validated['peak_mb']:>12.0f} {rate_v / rate_c:>6.2f}")


if __name__ == "__main__":
    main()
