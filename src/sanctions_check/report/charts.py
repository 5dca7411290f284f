"""SVG charts for the HTML report, drawn here so the report needs no script or image file.

Every coordinate is rounded and every collection sorted, so the same report gives the
same bytes (issue 5: reproducible reports). Text placed in the SVG is XML-escaped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from markupsafe import Markup, escape

from sanctions_check.model.report import Report, Result
from sanctions_check.report.escape import plain

# Colours chosen to stay distinct in greyscale print and for common colour blindness.
VERDICT_COLOURS: dict[str, str] = {
    "potential_violation": "#b2182b",
    "exempt": "#2166ac",
    "insufficient_data": "#e08214",
    "clear": "#7f7f7f",
}
VERDICT_LABELS: dict[str, str] = {
    "potential_violation": "potential violation",
    "exempt": "exempt",
    "insufficient_data": "insufficient data",
    "clear": "clear",
}
_WIDTH, _LEFT, _RIGHT = 900, 150, 20
_MAX_STACK = 3


def _text(value: object) -> str:
    return str(escape(plain(str(value))))


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class _Axis:
    """Maps dates to x coordinates between the left and right margins."""

    start: dt.date
    end: dt.date
    pad: dt.timedelta = dt.timedelta(0)

    def x(self, day: dt.date) -> float:
        span = max((self.end - self.start).days, 1)
        return _LEFT + (day - self.start).days / span * (_WIDTH - _LEFT - _RIGHT)

    def ticks(self) -> list[tuple[dt.date, str]]:
        """Year ticks for long spans, month ticks for short ones, never more than ~12;
        a span of a few days gets its two ends, so the axis always says where it is."""
        found = self._calendar_ticks()
        if len(found) >= 2:
            return found
        ends = sorted({self.start + self.pad, self.end - self.pad})
        return [(day, day.isoformat()) for day in ends]

    def _calendar_ticks(self) -> list[tuple[dt.date, str]]:
        days = (self.end - self.start).days
        if days > 540:
            step = max(1, (self.end.year - self.start.year) // 10 + 1)
            years = range(self.start.year + (self.start.month > 1 or self.start.day > 1), self.end.year + 1, step)
            return [(dt.date(y, 1, 1), str(y)) for y in years]
        months: list[tuple[dt.date, str]] = []
        day = dt.date(self.start.year, self.start.month, 1)
        step = max(1, days // 300 + 1)
        while day <= self.end:
            if day >= self.start:
                months.append((day, day.strftime("%Y-%m")))
            month = day.month - 1 + step
            day = dt.date(day.year + month // 12, month % 12 + 1, 1)
        return months


def _padded_axis(days: Iterable[dt.date]) -> _Axis:
    ordered = sorted(days)
    start, end = ordered[0], ordered[-1]
    pad = dt.timedelta(days=max(3, (end - start).days // 30))
    return _Axis(start - pad, end + pad, pad)


def _x_axis(axis: _Axis, y: float, top: float) -> list[str]:
    out = [f'<line class="axis" x1="{_LEFT}" y1="{y}" x2="{_WIDTH - _RIGHT}" y2="{y}"/>']
    for day, label in axis.ticks():
        x = _num(axis.x(day))
        out.append(f'<line class="grid" x1="{x}" y1="{top}" x2="{x}" y2="{y}"/>')
        out.append(f'<text class="tick" x="{x}" y="{y + 16}" text-anchor="middle">{label}</text>')
    return out


def _svg(height: float, label: str, body: list[str], css_class: str) -> Markup:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="img" '
            f'viewBox="0 0 {_WIDTH} {_num(height)}" width="100%" aria-label="{_text(label)}">'
            f"<title>{_text(label)}</title>")
    return Markup(head + "".join(body) + "</svg>")


def timeline_svg(results: list[Result]) -> Markup | None:
    """Events by date, one lane per verdict; events on the same day stack upwards."""
    dated = sorted((r for r in results if r.date is not None), key=lambda r: (r.date, r.event_id))
    if not dated:
        return None
    axis = _padded_axis(r.date for r in dated if r.date)
    lanes = [v for v in VERDICT_COLOURS if any(r.verdict == v for r in dated)]
    lane_height, top = 46.0, 10.0
    base = top + lane_height * len(lanes)
    body = _x_axis(axis, base, top)
    for number, verdict in enumerate(lanes):
        centre = top + lane_height * number + lane_height / 2
        body.append(f'<text class="lane" x="{_LEFT - 8}" y="{_num(centre + 4)}" text-anchor="end">'
                    f"{VERDICT_LABELS[verdict]}</text>")
        stacked: dict[str, int] = {}
        for result in (r for r in dated if r.verdict == verdict):
            x = _num(axis.x(result.date))  # type: ignore[arg-type]
            level = stacked.get(x, 0)
            stacked[x] = level + 1
            if level >= _MAX_STACK:  # a busy day: say how many instead of drawing past the lane
                continue
            y = _num(centre + 10 - level * 10)
            body.append(f'<circle class="event {verdict}" cx="{x}" cy="{y}" r="5" fill="{VERDICT_COLOURS[verdict]}">'
                        f"<title>{_text(result.event_id)} ({result.date}): {VERDICT_LABELS[verdict]}</title></circle>")
        for x, count in sorted(stacked.items()):
            if count > _MAX_STACK:
                body.append(f'<text class="more" x="{_num(float(x) + 8)}" y="{_num(centre - 8)}">×{count}</text>')
    return _svg(base + 26, f"Timeline of {len(dated)} events by date, coloured by verdict", body, "timeline")


@dataclass
class CapPoint:
    day: dt.date
    event_id: str
    total: float


@dataclass
class CapWindow:
    start: dt.date
    end: dt.date
    limit: float
    points: list[CapPoint] = field(default_factory=list)


@dataclass
class CapSeries:
    """One measure (barrels, tonnes, usd) of one cap, across the windows the findings touch."""

    cap_id: str
    measure: str
    windows: list[CapWindow] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"Cap {self.cap_id}: running total in {'USD' if self.measure == 'usd' else self.measure}"


def _cap_evidence(evidence: dict[str, Any]) -> dict[str, Any] | None:
    cap = evidence.get("cap")
    if not isinstance(cap, dict) or not {"id", "window", "totals", "limits"} <= cap.keys():
        return None
    return cap


def _cap_states(result: Result) -> list[dict[str, Any]]:
    """Every cap state of an event: all counted events carry them (`caps`); older reports only
    have them on over-cap findings (evidence["cap"])."""
    if result.caps:
        return [c.model_dump(mode="json") for c in result.caps]
    return [cap for f in result.findings if (cap := _cap_evidence(f.evidence)) is not None]


def cap_series(report: Report) -> list[CapSeries]:
    """Collect each cap's running totals per window, event by event."""
    windows: dict[tuple[str, str], dict[tuple[str, str], CapWindow]] = {}
    seen: set[tuple[str, str, str, str]] = set()
    for result in report.results:
        if result.date is None:
            continue
        for cap in _cap_states(result):
            start, end = (str(cap["window"][0]), str(cap["window"][1]))
            for measure, limit in cap["limits"].items():
                total = cap["totals"].get(measure)
                key = (str(cap["id"]), str(measure))
                # Two provisions can rest on the same cap state; plot the event once.
                if total is None or (key[0], key[1], start, result.event_id) in seen:
                    continue
                seen.add((key[0], key[1], start, result.event_id))
                window = windows.setdefault(key, {}).setdefault(
                    (start, end), CapWindow(dt.date.fromisoformat(start), dt.date.fromisoformat(end), float(limit)))
                window.points.append(CapPoint(result.date, result.event_id, float(total)))
    series = []
    for (cap_id, measure), by_window in sorted(windows.items()):
        ordered = [by_window[k] for k in sorted(by_window)]
        for window in ordered:
            window.points.sort(key=lambda p: (p.day, p.total, p.event_id))
        series.append(CapSeries(cap_id, measure, ordered))
    return series


def cap_svg(series: CapSeries) -> Markup:
    """Running total against the cap line: a step at each event of the input that counts
    towards the cap (deliveries not in the input are unknown to the checker)."""
    axis = _padded_axis([w.start for w in series.windows] + [w.end for w in series.windows])
    top, base = 20.0, 240.0
    peak = max([w.limit for w in series.windows] + [p.total for w in series.windows for p in w.points]) * 1.1 or 1.0

    def y(value: float) -> str:
        return _num(base - value / peak * (base - top))

    body = _x_axis(axis, base, top)
    for value in (0.0, peak / 1.1):
        body.append(f'<text class="tick" x="{_LEFT - 8}" y="{y(value)}" text-anchor="end">{value:,.0f}</text>')
    for window in series.windows:
        x0, x1 = _num(axis.x(window.start)), _num(axis.x(window.end))
        body.append(f'<line class="cap-line" x1="{x0}" y1="{y(window.limit)}" x2="{x1}" y2="{y(window.limit)}">'
                    f"<title>cap {window.limit:,.0f} for {window.start} to {window.end}</title></line>"
                    f'<text class="cap-label" x="{_num(float(x1) - 4)}" y="{_num(float(y(window.limit)) - 6)}" '
                    f'text-anchor="end">cap {window.limit:,.0f}</text>')
        if not window.points:
            continue
        path = [f"{x0},{y(0)}"]
        for point in window.points:
            x = _num(axis.x(point.day))
            path += [f"{x},{path[-1].split(',')[1]}", f"{x},{y(point.total)}"]
        body.append(f'<polyline class="total" points="{" ".join(path)}"/>')
        for point in window.points:
            body.append(f'<circle class="cap-point" cx="{_num(axis.x(point.day))}" cy="{y(point.total)}" r="4">'
                        f"<title>{_text(point.event_id)} ({point.day}): total {point.total:,.0f} of "
                        f"{window.limit:,.0f}</title></circle>")
    body.append(f'<text class="legend" x="{_LEFT}" y="{base + 34}">solid: running total of the events in this input '
                f"that count towards the cap; dashed red: the cap</text>")
    return _svg(base + 44, series.title, body, "cap")
