"""Load test of `sanctions-check serve` on loopback: throughput and p50/p99 latency.

    python benchmarks/bench_service.py            # 5,000 single-event checks from 8 clients,
                                                  # then 40 bodies of 1,000 events from 2 clients
    python benchmarks/bench_service.py --quick    # 500 and 8: a smoke run

The events are the `named` mix of benchmarks/generate.py (parties drawn from a pool with a
few listed names, so screening runs on every event). The clients run on the same machine
as the server and share its processors: on a small machine they take part of the time.
Every request has a timeout and the counts are fixed, so a run is bounded.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import events as generated  # noqa: E402
from benchmarks.service_process import ServiceProcess  # noqa: E402

TIMEOUT = 120.0  # seconds, per request


def run_clients(url: str, bodies: list[bytes], clients: int) -> tuple[float, list[float], int]:
    """Send `bodies` from `clients` threads (one keep-alive connection each); returns the
    wall time, every request's latency and the number of answers that were not 200."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()

    def client(share: list[bytes]) -> None:
        nonlocal failures
        mine: list[float] = []
        bad = 0
        with httpx.Client(base_url=url, timeout=TIMEOUT, headers={"content-type": "application/json"}) as http:
            for body in share:
                start = time.perf_counter()
                answer = http.post("/v1/check", content=body)
                mine.append(time.perf_counter() - start)
                bad += answer.status_code != 200
        with lock:
            latencies.extend(mine)
            failures += bad

    threads = [threading.Thread(target=client, args=(bodies[n::clients],)) for n in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, latencies, failures


def report(label: str, events_per_body: int, wall: float, latencies: list[float], failures: int) -> None:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    count = len(ordered)
    print(f"{label}: {count} requests in {wall:.1f} s = {count / wall:,.0f} requests/s, "
          f"{count * events_per_body / wall:,.0f} events/s; latency p50 {p50 * 1000:.1f} ms, "
          f"p99 {p99 * 1000:.1f} ms; {failures} not 200")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 single-event checks and 8 large bodies")
    parser.add_argument("--workers", type=int, default=2, help="service worker processes (default 2)")
    parser.add_argument("--clients", type=int, default=8, help="client threads for single events (default 8)")
    args = parser.parse_args()
    singles, large = (500, 8) if args.quick else (5000, 40)
    single_bodies = [json.dumps([event]).encode() for event in generated(singles, "named", 1718)]
    large_bodies = [json.dumps(list(generated(1000, "named", seed))).encode() for seed in range(large)]
    with ServiceProcess(workers=args.workers) as service:
        run_clients(service.url, single_bodies[:50], args.clients)  # warm the connections and caches
        print(f"service: {args.workers} workers on {service.url}")
        report(f"single-event checks, {args.clients} clients", 1, *run_clients(service.url, single_bodies, args.clients))
        report("1,000-event bodies, 2 clients", 1000, *run_clients(service.url, large_bodies, 2))


if __name__ == "__main__":
    main()
