"""Text and Markdown output are inert in a terminal, and no writer fails on text that
UTF-8 cannot hold (issue 10: escapes reached the terminal raw; a lone surrogate crashed
the JSON writer with half a report written)."""

from __future__ import annotations

import io
import json

import pytest

from report_builders import finding, report, result
from sanctions_check.model.clear import ClearResult
from sanctions_check.model.report import Rejection, Report
from sanctions_check.report import FORMATS, markdown, render, text
from sanctions_check.report.escape import inert
from sanctions_check.report.json_stream import write_streamed

CLEAR_SCREEN = "\x1b[2J"
OSC8_LINK = "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07"
RLO = "\u202e"


@pytest.mark.parametrize(("raw", "shown"), [
    (CLEAR_SCREEN, "\\x1b[2J"), (OSC8_LINK, "\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07"),
    (f"tanks{RLO}slennahc", "tanks\\u202eslennahc"), ("FLAGGED\rclear  ", "FLAGGED\\x0dclear  "),
    ("\x9b31m", "\\x9b31m"), ("a\ud800b", "a\\ud800b"), ("two\nlines\tand tab", "two lines and tab"),
    ("Пхеньян ₩ 평양", "Пхеньян ₩ 평양"),
])
def test_controls_are_shown_as_escapes_and_ordinary_text_is_kept(raw: str, shown: str) -> None:
    assert inert(raw) == shown


def _hostile(value: str) -> Report:
    found = finding(explanation=value, quote=value, title=value, exemption=value)
    flagged = result(value, findings=[found], summary=value, missing=[value], warnings=[value], exemption_rejected=value,
                     sources=[{"title": value, "url": "https://example.org/", "published": value}])
    return report([flagged], [Rejection(event_id=value, errors=[value], file=value, line=2)], generated_at=value)


@pytest.mark.parametrize("value", [CLEAR_SCREEN, OSC8_LINK, f"x{RLO}y", "a\rb", "\x9b2J", "lone \udc80 half"])
@pytest.mark.parametrize("render_to", [text.render, markdown.render])
def test_no_control_from_the_input_reaches_text_or_markdown(value: str, render_to) -> None:  # type: ignore[no-untyped-def]
    shown = render_to(_hostile(value))
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) < 0xA0 or c == RLO for c in shown)
    shown.encode("utf-8")  # strict: a lone surrogate would fail here


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_writes_a_report_holding_lone_surrogates(fmt: str) -> None:
    written = render(_hostile("id \ud800 and \udfff"), fmt)
    written.encode("utf-8")
    if fmt == "json":
        # Written as JSON escapes: the report reads back to the very same strings.
        assert json.loads(written)["results"][0]["event_id"] == "id \ud800 and \udfff"


def test_the_streamed_json_writer_escapes_lone_surrogates_too() -> None:
    held = _hostile("e\ud800")
    out = io.StringIO()

    def results(clear):  # type: ignore[no-untyped-def]
        return [(0, held.results[0])]

    def head(summary):  # type: ignore[no-untyped-def]
        return held.model_copy(update={"summary": summary, "results": []})

    write_streamed(out, results, head)
    parsed = json.loads(out.getvalue())
    assert parsed["results"][0]["event_id"] == "e\ud800" and parsed["rejected"][0]["event_id"] == "e\ud800"
    assert ClearResult  # the clear fast path is covered through check() in tests/fuzz
