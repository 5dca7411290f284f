"""Results -> summary counts, accumulated one result at a time so long runs stay flat."""

from __future__ import annotations

from collections import Counter

from sanctions_check.model.clear import ClearResult
from sanctions_check.model.report import Rejection, Result, Summary


class Tally:
    def __init__(self) -> None:
        self.verdicts: Counter[str] = Counter()
        self.by_status: Counter[str] = Counter()
        self.by_resolution: Counter[str] = Counter()
        self.findings = 0
        self.evaluated = 0
        self.rejected = 0
        self.input_errors = 0
        self.clear = 0  # light clear records; clear Results are in verdicts

    def add(self, result: Result | ClearResult) -> None:
        self.evaluated += 1
        if result.__class__ is ClearResult:  # most of a trade feed: nothing else to count
            self.clear += 1
            return
        self.verdicts[result.verdict] += 1
        if result.findings:
            self.findings += len(result.findings)
            self.by_status[result.status] += 1
            for finding in result.findings:
                if not finding.exempted:
                    self.by_resolution[str(finding.resolution)] += 1

    def add_clear(self, count: int) -> None:
        """Count `count` light clear records at once (see model.clear)."""
        self.evaluated += count
        self.clear += count

    def reject(self, rejection: Rejection) -> None:
        if rejection.scope == "file":
            self.input_errors += 1
        else:
            self.rejected += 1

    def summary(self) -> Summary:
        return Summary(
            events=self.evaluated + self.rejected, evaluated=self.evaluated, rejected=self.rejected,
            flagged=self.verdicts["potential_violation"], findings=self.findings,
            exempt=self.verdicts["exempt"], clear=self.verdicts["clear"] + self.clear,
            insufficient_data=self.verdicts["insufficient_data"], input_errors=self.input_errors,
            by_status=dict(sorted(self.by_status.items())), by_resolution=dict(sorted(self.by_resolution.items())),
        )


def summarise(results: list[Result], rejected: list[Rejection]) -> Summary:
    tally = Tally()
    for result in results:
        tally.add(result)
    for rejection in rejected:
        tally.reject(rejection)
    return tally.summary()
