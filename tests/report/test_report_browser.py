"""The HTML report in a real browser: headless Chromium loads it, draws the charts, lists the findings.

Needs the Debian package `chromium` (.ci/run installs it). Without it this test fails, on
purpose: a report nobody has seen rendered is not tested. UPDATE_SCREENSHOT=1 refreshes
docs/report-screenshot.png from this run.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sanctions_check.api import check, load_events
from sanctions_check.model.ruleset import RuleSet
from sanctions_check.report import charts, html

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
EVENTS = Path(__file__).parent / "data" / "browser-events.json"
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"
# Flags that keep a headless run offline and quiet: no sandbox (containers), no updates or sync.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install it with `apt-get update && apt-get install -y chromium` "
                    "(Debian package); the HTML report must be checked in a real browser")
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def page(bundled_rules: RuleSet, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """The report of the browser fixtures as a file, with its expected finding rows and charts."""
    # Read by a path relative to the repository, so the committed screenshot shows no local path.
    with contextlib.chdir(ROOT):
        loaded = load_events([EVENTS.relative_to(ROOT)])
    report = check(loaded, bundled_rules, timestamp="2024-07-01T00:00:00Z")
    path = tmp_path_factory.mktemp("browser") / "report.html"
    path.write_text(html.render(report), encoding="utf-8")
    findings = sum(len(r.findings) for r in report.results)
    return path, findings, 1 + len(charts.cap_series(report))


def test_the_report_loads_without_console_errors_and_shows_charts_and_findings(
        page: tuple[Path, int, int], tmp_path: Path) -> None:
    path, findings, chart_count = page
    run = _chromium(tmp_path / "profile", "--dump-dom", path.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    # The footer is the last element: if it is in the DOM, the whole page was parsed.
    assert 'id="report-end"' in dom
    # Any console message (a script error, a blocked load under the page's CSP) is a failure.
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    assert len(re.findall(r'<svg [^>]*class="chart ', dom)) == chart_count
    assert 'class="chart timeline"' in dom
    assert len(re.findall(r'<tr class="finding-row"', dom)) == findings >= 1
    assert "tanks-2024-06" in dom and "S/RES/1718 (2006), para. 8(a)" in dom
    assert 'id="sign-off"' in dom and 'id="provenance"' in dom and 'id="rejected-table"' in dom


def test_a_screenshot_of_the_report(page: tuple[Path, int, int], tmp_path: Path) -> None:
    path, _, _ = page
    shot = tmp_path / "report.png"
    run = _chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000",
                    "--hide-scrollbars", path.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kilobytes
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
