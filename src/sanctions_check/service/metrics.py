"""Prometheus text format (0.0.4), by hand: three families do not need a client library.

Counted per worker process (each holds its own numbers, labelled with its pid); with
`--workers N` a scrape reaches one worker, so sum over `pid`, or scrape one worker.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import Counter

# Seconds; a single-event check takes about a millisecond, a 1,000-event body tens of them.
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """Updated from the event loop thread only (the middleware), so no lock is needed."""

    def __init__(self) -> None:
        self.requests: Counter[tuple[str, str, int]] = Counter()  # method, route, status
        self.latency_counts: dict[str, list[int]] = {}  # route -> per-bucket counts (+Inf last)
        self.latency_sum: Counter[str] = Counter()
        self.events = 0
        self.flagged = 0
        self.in_progress = 0

    def observe(self, method: str, route: str, status: int, seconds: float, events: int, flagged: int) -> None:
        self.requests[(method, route, status)] += 1
        counts = self.latency_counts.setdefault(route, [0] * (len(BUCKETS) + 1))
        counts[bisect_left(BUCKETS, seconds)] += 1
        self.latency_sum[route] += seconds
        self.events += events
        self.flagged += flagged

    def render(self) -> str:
        pid = f'pid="{os.getpid()}"'
        lines = ["# HELP sanctions_check_requests_total HTTP requests answered.",
                 "# TYPE sanctions_check_requests_total counter"]
        for (method, route, status), count in sorted(self.requests.items()):
            lines.append(f'sanctions_check_requests_total{{{pid},method="{method}",route="{route}",'
                         f'status="{status}"}} {count}')
        lines += ["# HELP sanctions_check_request_duration_seconds Time to answer a request.",
                  "# TYPE sanctions_check_request_duration_seconds histogram"]
        for route, counts in sorted(self.latency_counts.items()):
            running = 0
            for bound, count in zip([*map(str, BUCKETS), "+Inf"], counts):
                running += count
                lines.append(f'sanctions_check_request_duration_seconds_bucket{{{pid},route="{route}",le="{bound}"}} {running}')
            lines.append(f'sanctions_check_request_duration_seconds_sum{{{pid},route="{route}"}} {self.latency_sum[route]:.6f}')
            lines.append(f'sanctions_check_request_duration_seconds_count{{{pid},route="{route}"}} {running}')
        lines += ["# HELP sanctions_check_events_checked_total Events in check requests answered.",
                  "# TYPE sanctions_check_events_checked_total counter",
                  f"sanctions_check_events_checked_total{{{pid}}} {self.events}",
                  "# HELP sanctions_check_events_flagged_total Events reported as potential violations.",
                  "# TYPE sanctions_check_events_flagged_total counter",
                  f"sanctions_check_events_flagged_total{{{pid}}} {self.flagged}",
                  "# HELP sanctions_check_checks_in_progress Check requests being answered now.",
                  "# TYPE sanctions_check_checks_in_progress gauge",
                  f"sanctions_check_checks_in_progress{{{pid}}} {self.in_progress}"]
        return "\n".join(lines) + "\n"
