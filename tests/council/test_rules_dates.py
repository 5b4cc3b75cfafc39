"""The span of dates people may type (council.rules.dates)."""

from __future__ import annotations

from datetime import date

import pytest

from council.rules.dates import BIRTHS, DateSpan, bounds, events_span, is_within, years_after
from council.rules.errors import RuleError

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(("day", "years", "expected"), [
    (date(2026, 12, 7), 10, date(2036, 12, 7)),
    (date(2026, 12, 7), -10, date(2016, 12, 7)),
    (date(2028, 2, 29), 1, date(2029, 2, 28)),
    (date(2028, 2, 29), 4, date(2032, 2, 29)),
    (date(2026, 12, 7), 9000, date.max),
    (date(2026, 12, 7), -3000, date.min),
])
def test_years_after(day: date, years: int, expected: date) -> None:
    assert years_after(day, years) == expected


@pytest.mark.parametrize(("day", "span", "within"), [
    (TODAY, events_span(10), True),
    (date(2036, 12, 7), events_span(10), True),
    (date(2036, 12, 8), events_span(10), False),
    (date(2016, 12, 7), events_span(10), True),
    (date(2016, 12, 6), events_span(10), False),
    (date(9999, 12, 31), events_span(10), False),
    (date(1, 1, 1), events_span(10), False),
    (date(2226, 12, 7), events_span(10), False),  # two centuries away
    (date(1826, 12, 7), events_span(10), False),
    (date(1984, 3, 12), BIRTHS, True),
    (date(1896, 12, 7), BIRTHS, True),  # 130 years old today
    (date(1896, 12, 6), BIRTHS, False),
    (TODAY, BIRTHS, True),  # born today
    (date(2026, 12, 8), BIRTHS, False),  # not born yet
    (date(1, 1, 1), BIRTHS, False),
    (date(9999, 12, 31), BIRTHS, False),
    (TODAY, DateSpan(years_before=0, years_after=0), True),
])
def test_is_within(day: date, span: DateSpan, within: bool) -> None:
    assert is_within(day, span, TODAY) is within


def test_bounds() -> None:
    assert bounds(events_span(2), TODAY) == (date(2024, 12, 7), date(2028, 12, 7))
    assert bounds(BIRTHS, TODAY) == (date(1896, 12, 7), TODAY)


def test_a_negative_span_is_not_a_span() -> None:
    with pytest.raises(RuleError):
        bounds(DateSpan(years_before=-1, years_after=1), TODAY)
