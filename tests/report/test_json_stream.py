"""The streamed JSON report (what `check -f json` writes) is byte for byte the report
built in memory, including events held back for cap totals and spliced into place."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from benchmarks.generate import events
from sanctions_check.api import EventStream, check, load_events, report_head, stream_results
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.ruleset import RuleSet
from sanctions_check.report import render
from sanctions_check.report.json_stream import write_streamed

STAMP = "2024-07-01T00:00:00Z"


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _streamed(path: Path, rules: RuleSet) -> tuple[str, list]:
    stream = EventStream([path])
    out = io.StringIO()
    seen: list = []

    def results(clear):  # type: ignore[no-untyped-def]
        def counted(index, validated):  # type: ignore[no-untyped-def]
            seen.append((index, ClearResult(validated)))
            clear(index, validated)

        for index, result in stream_results(stream, rules, clear=counted):
            seen.append((index, result))
            yield index, result

    write_streamed(out, results, lambda summary: report_head(rules, summary, stream.rejected, stream.inputs, STAMP, None))
    return out.getvalue(), seen


def _streamed_to_file(path: Path, rules: RuleSet, out_path: Path) -> str:
    """As `check -o FILE` writes it: bytes go to the file's binary buffer."""
    stream = EventStream([path])
    with out_path.open("w", encoding="utf-8") as out:
        write_streamed(out, lambda clear: stream_results(stream, rules, clear=clear),
                       lambda summary: report_head(rules, summary, stream.rejected, stream.inputs, STAMP, None))
    return out_path.read_text(encoding="utf-8")


def _in_memory(path: Path, rules: RuleSet) -> str:
    return render(check(load_events([path]), rules, timestamp=STAMP, screening=False), "json")


@pytest.mark.parametrize("mix", ["dprk", "trade"])
def test_streamed_report_equals_the_report_built_in_memory(tmp_path: Path, bundled_rules: RuleSet, mix: str) -> None:
    records = list(events(1500, mix, seed=7))
    records.insert(40, {"id": "broken", "date": "2020-13-01"})  # a rejection in the middle
    path = _write(tmp_path / "feed.jsonl", records)
    streamed, seen = _streamed(path, bundled_rules)
    assert streamed == _in_memory(path, bundled_rules)
    indices = [index for index, _ in seen]
    if mix == "dprk":
        # Held events came after later ones: the splice is exercised, not just the copy.
        assert indices != sorted(indices)
    else:
        assert any(isinstance(result, ClearResult) for _, result in seen)
    report = json.loads(streamed)
    assert [r["event_id"] for r in report["results"]] == [r["id"] for r in records if r["id"] != "broken"]
    assert report["summary"]["events"] == 1501 and report["summary"]["rejected"] == 1


def test_streamed_to_a_file_equals_the_report_built_in_memory(tmp_path: Path, bundled_rules: RuleSet) -> None:
    # A trade feed long enough for several batches of linked events, each spliced back
    # into place between clear records.
    records = list(events(12_000, "trade", seed=11))
    path = _write(tmp_path / "feed.jsonl", records)
    written = _streamed_to_file(path, bundled_rules, tmp_path / "report.json")
    assert written == _in_memory(path, bundled_rules)
    results = json.loads(written)["results"]
    assert [r["event_id"] for r in results] == [r["id"] for r in records]
    linked = [r for r in records if "KP" in (r["origin"]["country"], r["destination"]["country"], *r.get("via", []),
                                             r.get("vessel", {}).get("flag"))]
    assert len(linked) > 2 * 64  # more than one batch (evaluate._BURST)


def test_held_event_last_in_input_goes_last(tmp_path: Path, bundled_rules: RuleSet) -> None:
    fuel = {"id": "fuel", "date": "2018-03-01", "kind": "transfer", "origin": {"country": "RU"},
            "destination": {"country": "KP"}, "item": {"description": "diesel fuel", "hs_code": "2710",
                                                          "quantity": 1000, "unit": "barrels"}}
    records = [dict(r, id=f"trade-{n}") for n, r in enumerate(events(5, "trade", seed=2))] + [fuel]
    path = _write(tmp_path / "feed.jsonl", records)
    streamed, seen = _streamed(path, bundled_rules)
    assert seen[-1][1].event_id == "fuel"
    assert streamed == _in_memory(path, bundled_rules)
    assert json.loads(streamed)["results"][-1]["event_id"] == "fuel"


def test_no_valid_event_gives_an_empty_list(tmp_path: Path, bundled_rules: RuleSet) -> None:
    path = _write(tmp_path / "feed.jsonl", [{"id": "x"}])
    streamed, seen = _streamed(path, bundled_rules)
    assert seen == []
    assert '"results": [],' in streamed
    assert streamed == _in_memory(path, bundled_rules)
