"""Every intact record of a damaged event file is reported under its own id, in all four
formats, through the real command line (issue 10: "nothing lost on any input")."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings

from tests.fuzz.conftest import PROFILE, examples
from tests.fuzz.harness import assert_accounted_for, assert_other_formats_agree, run_check
from tests.fuzz.known import CSV, JSON, JSONL, YAML
from tests.fuzz.records import EventFile, event_file


def _check(file: EventFile) -> None:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as directory:
        run = run_check(file, Path(directory))
        assert_accounted_for(run)
        if len(file.data) % 3 == 0:  # a third of the files, to keep the run short
            assert_other_formats_agree(run, Path(directory))


@settings(max_examples=examples(60))
@given(event_file("json"))
def test_json_documents_lose_no_intact_record(file: EventFile) -> None:
    _check(file)


@settings(max_examples=examples(60))
@given(event_file("jsonl"))
def test_json_lines_lose_no_intact_record(file: EventFile) -> None:
    _check(file)


# PyYAML's pure-Python parser takes about 1.5 s over a 1 MB scalar or a nesting too deep
# for it: the CI run keeps YAML's oversized inputs smaller; the long run uses full sizes.
_YAML = {"huge": 1 << 20} if PROFILE == "long" else {"huge": 1 << 17, "depths": (40, 200)}


@settings(max_examples=examples(40))
@given(event_file("yaml", **_YAML))
def test_yaml_documents_lose_no_intact_record(file: EventFile) -> None:
    _check(file)


@settings(max_examples=examples(50))
@given(event_file("csv"))
def test_csv_files_lose_no_intact_record(file: EventFile) -> None:
    _check(file)


@pytest.mark.parametrize("file", [*JSON, *JSONL, *YAML, *CSV], ids=lambda file: f"{file.fmt}: {file.edits[0]}")
def test_the_damaged_files_of_issue_10_lose_no_intact_record(file: EventFile) -> None:
    _check(file)
