"""Run the command line on a generated file and hold the result to the promise of the
tool: every input record accounted for, under its own id, and no crash that reads as a
finding (exit 1) or as a bug (3, a traceback)."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner, Result

from sanctions_check.cli import main
from tests.fuzz.records import EventFile

_LINE_AND_COLUMN = re.compile(r"line \d+.*column \d+", re.IGNORECASE | re.DOTALL)


def _no_constants(name: str) -> Any:
    raise ValueError(f"the report holds {name}, which is not JSON")


@dataclass
class Run:
    file: EventFile
    path: Path
    result: Result
    report: dict[str, Any] | None

    def describe(self) -> str:
        """Everything needed to reproduce a failure, in the assertion message."""
        head = self.file.data[:600]
        return (f"format {self.file.fmt}, {self.file.records} records, intact {self.file.intact}, "
                f"edits {self.file.edits}\nexit {self.result.exit_code}\nstderr: {self.result.stderr[-1500:]}\n"
                f"file (first 600 bytes): {head!r}")


def run_check(file: EventFile, directory: Path, fmt: str = "json") -> Run:
    path = directory / f"events{file.suffix}"
    out = directory / f"report.{fmt}"
    path.write_bytes(file.data)
    out.unlink(missing_ok=True)
    result = CliRunner().invoke(main, ["check", "-f", fmt, "-o", str(out), "--timestamp", "2026-01-01", str(path)])
    report = None
    if out.exists() and fmt == "json":
        report = json.loads(out.read_text(encoding="utf-8"), parse_constant=_no_constants)
    return Run(file, path, result, report)


def assert_other_formats_agree(run: Run, directory: Path) -> None:
    """The same file as CSV (parsed back) and as text: same exit code, same events."""
    why = run.describe()
    if run.report is None:
        return
    results, rejected = run.report["results"], run.report["rejected"]
    sheet = run_check(run.file, directory, "csv")
    assert sheet.result.exit_code == run.result.exit_code, why
    limit = csv.field_size_limit(1 << 30)  # cells of 1 MB; restored, as the tool's reader uses the module too
    try:
        rows = list(csv.reader(io.StringIO((directory / "report.csv").read_text(encoding="utf-8"), newline="")))
    finally:
        csv.field_size_limit(limit)
    shown = [row[0] for row in rows[1:] if row[5] != "rejected"]
    # Every result has a row per finding (one row without findings); ids can be cell-escaped.
    assert sorted(set(shown)) == sorted({_cell(r["event_id"]) for r in results}), why
    assert sum(1 for row in rows[1:] if row[5] == "rejected") == len(rejected), why
    text = run_check(run.file, directory, "text")
    assert text.result.exit_code == run.result.exit_code, why
    shown_text = (directory / "report.text").read_text(encoding="utf-8")
    assert f"{run.report['summary']['events']} events: " in shown_text, why
    assert not set(shown_text) & _ACTIVE, why


def _cell(value: str) -> str:
    from sanctions_check.report.escape import csv_cell

    return csv_cell(value)


# What a terminal acts on: C0 controls but newline, DEL, C1 controls, bidi controls.
_ACTIVE = {chr(c) for c in [*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0)]} | set(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def independent_count(file: EventFile) -> int | None:
    """How many top-level records the file holds, by a parser other than the tool's reader;
    None when the document is not well-formed (then only intact records are held to account)."""
    try:
        text = file.data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if file.fmt == "jsonl":
        # Lines end at "\n" only (jsonlines.org); a bare "\r" is JSON whitespace inside a line.
        return sum(1 for line in text.split("\n") if line.strip())
    try:
        if file.fmt == "json":
            document = json.loads(text, object_pairs_hook=_unique_keys)
        elif file.fmt == "yaml":
            document = yaml.safe_load(text)
        else:
            return None  # CSV: a row count by the csv module would be the reader's own count
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    if isinstance(document, dict):
        document = document.get("events")
    return len(document) if isinstance(document, list) else None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Duplicate keys make a document ambiguous (RFC 8259 4): rejecting it whole is fair.
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)


def assert_accounted_for(run: Run) -> None:
    """The properties of issue 10, for one run."""
    result, file = run.result, run.file
    why = run.describe()
    assert result.exception is None or isinstance(result.exception, SystemExit), why
    assert result.exit_code in (0, 1, 2), why
    assert "Traceback" not in result.output, why
    if run.report is None:
        # No report: only a whole-file rejection may end so, naming the file, line and column.
        assert result.exit_code == 2, why
        assert str(run.path) in result.stderr and _LINE_AND_COLUMN.search(result.stderr), why
        return
    report = run.report
    summary, results = report["summary"], report["results"]
    # Entries of scope "file" are problems of the file (counted as input errors), not events.
    rejected = [r for r in report["rejected"] if r.get("scope", "record") == "record"]
    problems = [r for r in report["rejected"] if r.get("scope") == "file"]
    assert summary["events"] == summary["evaluated"] + summary["rejected"], why
    assert summary["evaluated"] == len(results) and summary["rejected"] == len(rejected), why
    assert summary.get("input_errors", 0) == len(problems), why
    # A problem of the file says where (a line), or what cannot be located (nesting too deep).
    assert all(re.search(r"\bline \d+|nested too deeply", " ".join(p["errors"])) for p in problems), why
    if problems:
        assert result.exit_code == 2, f"a problem of the file must not pass\n{why}"
    whole_file = not results and not rejected and any(
        "no record of this file was checked" in " ".join(p["errors"]) for p in problems)
    if whole_file and file.fmt != "jsonl":  # JSON Lines recovers line by line, never as a whole
        assert result.exit_code == 2, why
        assert not file.intact or independent_count(file) is None, f"a well-formed file rejected whole\n{why}"
        return
    ids = [r["event_id"] for r in results]
    assert len(ids) == len(set(ids)), f"an event reported twice\n{why}"
    for intact in file.intact:
        assert ids.count(intact) == 1, f"intact record {intact} is not among the results\n{why}"
    expected = independent_count(file)
    if expected is not None:
        assert len(results) + len(rejected) == expected, f"{expected} records in the file\n{why}"
    if results and not rejected and not problems:
        assert result.exit_code in (0, 1), why
    if rejected and not results:
        assert result.exit_code == 2, f"every record rejected must not pass\n{why}"
