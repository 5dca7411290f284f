"""Long-running callers: memory stays flat across check() calls with a DesignationList
object and across rule reloads (issue 10, point 9: it grew ~1.6 MB per call, ~2 MB per reload)."""

from __future__ import annotations

import gc
import tracemalloc
from typing import Callable

from sanctions_check import check, load_rules
from sanctions_check.lists import load_designations
from tests.conftest import TEST_RULES, event


def _growth_per_call(call: Callable[[], object], warm: int, measured: int) -> float:
    # Traced from the start: what the warm-up made and the measured calls free must count.
    tracemalloc.start()
    try:
        for _ in range(warm):
            call()
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(measured):
            call()
        gc.collect()
        return (tracemalloc.get_traced_memory()[0] - before) / measured
    finally:
        tracemalloc.stop()


def test_check_with_a_designation_list_object_does_not_grow() -> None:
    rules = load_rules(TEST_RULES)
    listed = load_designations()
    # A copy per call too: the screen is keyed by the list's content, not the object.
    per_call = _growth_per_call(lambda: check([event()], rules, designations=listed.model_copy(deep=True)),
                                warm=2, measured=8)
    assert per_call < 20_000, f"{per_call:.0f} bytes kept per call"


def test_reloading_rules_does_not_grow_past_the_cached_few() -> None:
    # Past the first few rule sets (kept, bounded), each reload's checker is let go.
    per_call = _growth_per_call(lambda: check([event()], load_rules(TEST_RULES), screening=False),
                                warm=9, measured=5)
    assert per_call < 20_000, f"{per_call:.0f} bytes kept per reload"
