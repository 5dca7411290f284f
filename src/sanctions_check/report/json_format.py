"""JSON report, contract v1 (plus added fields). Stable key order, so runs diff cleanly."""

from __future__ import annotations

import json

from sanctions_check.model.report import Report


def render(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
