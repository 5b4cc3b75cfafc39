"""The span of dates a user may type today (``council.rules.dates``, its width the setting
``COUNCIL_DATE_RANGE_YEARS``), and the check refusing a date outside it. Each use case that
takes a typed date checks it here, with its own kind of refusal, before anything is stored."""

from __future__ import annotations

from datetime import date

from flask import current_app
from flask_babel import format_date, gettext
from flask_babel.speaklater import LazyString

from council.clock import centre_today
from council.refusals import Refusal
from council.rules.dates import BIRTHS, DateSpan, bounds, events_span, is_within


def _span(*, birth: bool) -> DateSpan:
    return BIRTHS if birth else events_span(current_app.config["COUNCIL_DATE_RANGE_YEARS"])


def typed_date_bounds(*, birth: bool = False) -> tuple[date, date]:
    """The first and last day a user may type today: for a birth, or for anything else."""
    return bounds(_span(birth=birth), centre_today())


def check_typed_date(day: date | None, what: str | LazyString, refusal: type[Refusal], *,
                     birth: bool = False) -> None:
    """Raises ``refusal`` (the use case's own kind) when ``day`` is given and outside the span;
    ``what`` names the date, capitalised, in the message (lazy: use cases also run outside a
    request, where nothing is refused and nothing need be translated)."""
    if day is None or is_within(day, _span(birth=birth), centre_today()):
        return
    earliest, latest = typed_date_bounds(birth=birth)
    raise refusal(gettext("%(what)s must fall between %(earliest)s and %(latest)s.", what=what,
                          earliest=format_date(earliest, "long"),
                          latest=format_date(latest, "long")))
