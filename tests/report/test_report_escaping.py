"""Input text is inert in every format: no markup, no formula, no disguised direction."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest

from report_builders import FORMULA, LONG, RLO, SCRIPT, TANKS, finding, report, result
from sanctions_check.api import check
from sanctions_check.model.report import Rejection, Report
from sanctions_check.model.ruleset import RuleSet
from sanctions_check.report import csv_format, html, markdown
from sanctions_check.report.escape import csv_cell, markdown as md, safe_url

HOSTILE = [SCRIPT, FORMULA, LONG, f"{RLO}gpj.exe", f"tanks{RLO}evil"]
# Tags the template writes; anything else in the page came from the input.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "section",
    "div", "span", "table", "thead", "tbody", "tr", "th", "td", "a", "br", "figure", "figcaption", "article",
    "dl", "dt", "dd", "blockquote", "ul", "li", "code", "strong", "footer",
    "svg", "line", "text", "circle", "polyline",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src", "xlink:href")]


def _hostile_report(text: str) -> Report:
    """Every input-derived field of a report set to the hostile text."""
    found = finding(explanation=text, quote=text, title=text, exemption=text)
    flagged = result(text, findings=[found], summary=text, missing=[text], warnings=[text],
                     exemption_rejected=text, file=text,
                     sources=[{"title": text, "url": text}, {"title": text, "url": "javascript:alert(1)"},
                              {"title": "ok", "url": f"https://example.org/{text}"}])
    return report([flagged], [Rejection(event_id=text, errors=[text], file=text, line=3)])


def _assert_inert_html(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    assert parser.tags <= ALLOWED_TAGS, parser.tags - ALLOWED_TAGS
    assert parser.handlers == []
    assert all(h.startswith(("https://", "http://", "#")) for h in parser.hrefs), parser.hrefs
    assert "<script" not in page.lower()
    assert RLO not in page


@pytest.mark.parametrize("text", HOSTILE, ids=["script", "formula", "100k", "rlo-start", "rlo-inside"])
def test_every_input_field_is_escaped_in_html(text: str) -> None:
    _assert_inert_html(html.render(_hostile_report(text)))


def test_script_in_html_is_shown_as_text_and_a_javascript_url_is_not_a_link() -> None:
    page = html.render(_hostile_report(SCRIPT))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page
    assert "javascript:alert(1)" in page  # still shown, as text, so the reviewer sees it


def test_a_100000_character_description_is_kept_whole_and_wraps() -> None:
    page = html.render(_hostile_report(LONG))
    assert LONG in page
    assert "overflow-wrap: anywhere" in page


_LINK_TARGET = re.compile(r"\]\(<[^>]*>\)")
_RAW_HTML = re.compile(r"(?<!\\)<[A-Za-z/!?]")


def _assert_inert_markdown(out: str) -> None:
    # Link targets are checked by the source-URL test below; the rest must
    # hold no tag a renderer would pass through: every "<" escaped.
    text = _LINK_TARGET.sub("](<>)", out)
    assert not _RAW_HTML.search(text), _RAW_HTML.search(text)
    assert RLO not in text


@pytest.mark.parametrize("text", HOSTILE, ids=["script", "formula", "100k", "rlo-start", "rlo-inside"])
def test_every_input_field_is_escaped_in_markdown(text: str) -> None:
    out = markdown.render(_hostile_report(text))
    _assert_inert_markdown(out)
    if text is SCRIPT:
        assert r"\<script\>alert\(1\)\</script\>" in out
    assert "](<javascript" not in out


def test_markdown_escape_makes_html_and_link_syntax_literal() -> None:
    assert md("<b>x</b> [a](javascript:x) | # *y*\nz") == (
        r"\<b\>x\</b\> \[a\]\(javascript:x\) \| \# \*y\* z")


@pytest.mark.parametrize("url", ["https://x\n<details\topen\tontoggle=alert(1)", f"https://x/{RLO}gpj.exe"])
def test_a_source_url_cannot_open_raw_html_or_hide_its_direction_in_markdown(url: str) -> None:
    # markdown.py keeps a source URL only if escape.safe_url accepts it.
    out = markdown.render(report([result("e1", sources=[{"title": "t", "url": url}])]))
    assert not any(line.startswith("<") for line in out.splitlines())
    assert RLO not in out


@pytest.mark.parametrize("text", HOSTILE, ids=["script", "formula", "100k", "rlo-start", "rlo-inside"])
def test_no_csv_cell_can_start_a_formula(text: str) -> None:
    rows = list(csv.reader(io.StringIO(csv_format.render(_hostile_report(text)))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert not any(RLO in cell for cell in cells)
    assert rows[1][0] == csv_cell(text)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "  =1", "＝1"])
def test_a_formula_cell_gets_a_leading_quote(value: str) -> None:
    assert csv_cell(value).startswith("'")


def test_hyperlink_formula_becomes_text() -> None:
    assert csv_cell(FORMULA) == "'" + FORMULA
    assert csv_cell("T-90 tanks") == "T-90 tanks"


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/a", "https://example.org/a"), ("HTTP://example.org", "HTTP://example.org"),
    ("javascript:alert(1)", None), ("data:text/html,x", None), ("file:///etc/passwd", None),
    ("https://x\n<script>", None), (f"https://x{RLO}", None), (None, None), ("  https://x  ", "https://x"),
])
def test_only_http_and_https_urls_become_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_a_hostile_description_through_a_real_check_is_inert(bundled_rules: RuleSet) -> None:
    description = f"T-90 battle tanks {SCRIPT} {FORMULA} {RLO}"
    event = {**TANKS, "id": FORMULA, "item": {"description": description}}
    checked = check([event], bundled_rules, timestamp="2024-07-01T00:00:00Z")
    assert checked.results[0].findings, "unsc-1718-8a-i should still flag the tanks"
    _assert_inert_html(html.render(checked))
    _assert_inert_markdown(markdown.render(checked))
    first = next(csv.reader(io.StringIO(csv_format.render(checked).splitlines()[1])))
    assert first[0] == "'" + FORMULA
