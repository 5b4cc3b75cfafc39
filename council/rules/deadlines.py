"""Convocation deadlines in jours francs (clear days).

LO art. 30: the convocation is sent "par écrit et à domicile, au moins cinq jours francs avant
celui de la réunion, et contient l'ordre du jour" [C]; 7 jours francs for the budget and the
other matters below [C Brussels ROI; V Wallonia]; 2 jours francs for a third convocation, after
two convocations without quorum [C Brussels ROI; V Wallonia: a setting].
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from council.rules.errors import RuleError

ORDINARY_CLEAR_DAYS = 5
EXTENDED_CLEAR_DAYS = 7
URGENT_CLEAR_DAYS = 0
#: a third convocation, after two without quorum (``COUNCIL_THIRD_CONVOCATION_CLEAR_DAYS``)
THIRD_CONVOCATION_CLEAR_DAYS = 2


class AgendaMatter(StrEnum):
    """Agenda matters that need 7 jours francs instead of 5 [C Brussels ROI; V Wallonia]."""

    budget = "budget"
    budget_amendment = "budget_amendment"
    accounts = "accounts"
    policy_note = "policy_note"
    annual_report = "annual_report"


@dataclass(frozen=True)
class ConvocationCheck:
    in_time: bool
    latest_sending_date: date
    clear_days_given: int


def required_clear_days(matters: Iterable[str], is_urgent: bool = False, *,
                        third_convocation: bool = False,
                        third_convocation_clear_days: int = THIRD_CONVOCATION_CLEAR_DAYS) -> int:
    """Clear days of notice for a meeting's agenda (LO art. 30) [C Brussels ROI; V Wallonia].

    5 jours francs; 7 when any matter is an :class:`AgendaMatter`; a third convocation, after
    two convocations without quorum, needs only ``third_convocation_clear_days`` (2 by
    default, a setting) whatever its matters; in urgency the deadline is shortened, here to
    0. Other matter names (e.g. ``"individual_aid"``) are ordinary items.
    """
    if third_convocation_clear_days < 0:
        raise RuleError("clear days must not be negative "
                        f"(got {third_convocation_clear_days})")
    if is_urgent:
        return URGENT_CLEAR_DAYS
    if third_convocation:
        return third_convocation_clear_days
    extended = {matter.value for matter in AgendaMatter}
    if any(str(matter) in extended for matter in matters):
        return EXTENDED_CLEAR_DAYS
    return ORDINARY_CLEAR_DAYS


def latest_sending_date(meeting_on: date, clear_days: int) -> date:
    """Last day to send the convocation: jours francs exclude the day of sending and of the meeting.

    With 5 clear days, a meeting on Thursday 20 Nov 2025 needs sending by Friday 14 Nov 2025.
    """
    if clear_days < 0:
        raise RuleError(f"clear days must not be negative (got {clear_days})")
    return meeting_on - timedelta(days=clear_days + 1)


def check_convocation(sent_on: date, meeting_on: date, clear_days: int) -> ConvocationCheck:
    """Whether a convocation sent on ``sent_on`` leaves ``clear_days`` jours francs."""
    if sent_on > meeting_on:
        raise RuleError(f"convocation sent on {sent_on}, after the meeting on {meeting_on}")
    latest = latest_sending_date(meeting_on, clear_days)
    return ConvocationCheck(
        in_time=sent_on <= latest,
        latest_sending_date=latest,
        clear_days_given=max((meeting_on - sent_on).days - 1, 0),
    )
