"""Name screening against the designations list: normalise, match, explain, apply reviews.

    from sanctions_check.lists import load_designations
    from sanctions_check.screening import Screener

    screener = Screener(load_designations())
    matches = screener.screen("Jo Chun Ryong", entry_type="individual", on_date=date(2024, 6, 19))
"""

from sanctions_check.screening.decisions import Decision, Decisions, load_decisions
from sanctions_check.screening.imo import imo_check_digit, is_valid_imo, parse_imo
from sanctions_check.screening.match import DEFAULT_THRESHOLD, Match, Screener, ScreeningResult, screen_name

__all__ = [
    "DEFAULT_THRESHOLD", "Decision", "Decisions", "Match", "Screener", "ScreeningResult",
    "imo_check_digit", "is_valid_imo", "load_decisions", "parse_imo", "screen_name",
]
