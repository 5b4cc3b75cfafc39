"""Dates people type: within a plausible span around today (no article of law: a data-quality
and safety rule of issue 13). A meeting on 31 December 9999, a birth in year 1 or a consent
given two centuries ago are typing errors or probes; refused with a clear message, they never
reach the deadlines, letters and minutes computed from them.

A span runs from ``years_before`` years before today to ``years_after`` years after it, both
ends included; a year later or earlier keeps the day of the month (29 February becomes the 28th
in a year without it) and stops at the calendar's ends (years 1 and 9999).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from council.rules.errors import RuleError

#: the oldest a living person is taken to be, in years (births further back are typing errors)
LONGEST_LIFE_YEARS = 130


@dataclass(frozen=True)
class DateSpan:
    """From ``years_before`` years before today to ``years_after`` years after it."""

    years_before: int
    years_after: int


def events_span(years: int) -> DateSpan:
    """Meetings, letters, consents, periods of aid: ``years`` either side of today."""
    return DateSpan(years_before=years, years_after=years)


#: a birth: a lifetime back, and not after today
BIRTHS = DateSpan(years_before=LONGEST_LIFE_YEARS, years_after=0)


def years_after(day: date, years: int) -> date:
    """The same day ``years`` later (earlier when negative), within years 1 to 9999."""
    year = day.year + years
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    if (day.month, day.day) == (2, 29):
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return day.replace(year=year)


def bounds(span: DateSpan, today: date) -> tuple[date, date]:
    """The first and the last day of ``span`` around ``today``."""
    if span.years_before < 0 or span.years_after < 0:
        raise RuleError(f"a span of dates counts whole years, none negative ({span})")
    return years_after(today, -span.years_before), years_after(today, span.years_after)


def is_within(day: date, span: DateSpan, today: date) -> bool:
    earliest, latest = bounds(span, today)
    return earliest <= day <= latest
