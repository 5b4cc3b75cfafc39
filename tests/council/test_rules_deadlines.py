from datetime import date

import pytest

from council.rules.deadlines import (
    AgendaMatter,
    ConvocationCheck,
    check_convocation,
    latest_sending_date,
    required_clear_days,
)
from council.rules.errors import RuleError

THURSDAY_20_NOV_2025 = date(2025, 11, 20)


@pytest.mark.parametrize(
    ("matters", "is_urgent", "clear_days"),
    [
        (["individual_aid", "staff"], False, 5),
        ([], False, 5),
        (["individual_aid", "budget"], False, 7),
        ([AgendaMatter.budget_amendment], False, 7),
        (["accounts"], False, 7),
        (["policy_note"], False, 7),
        (["annual_report"], False, 7),
        (["budget"], True, 0),
    ],
    ids=[
        "ordinary-items-5-jours-francs",
        "empty-agenda-5-jours-francs",
        "budget-7-jours-francs",
        "budget-amendment-7-jours-francs",
        "accounts-7-jours-francs",
        "policy-note-7-jours-francs",
        "annual-report-7-jours-francs",
        "urgency-shortens",
    ],
)
def test_required_clear_days(matters, is_urgent, clear_days):
    # [C Brussels ROI; V Wallonia]
    assert required_clear_days(matters, is_urgent=is_urgent) == clear_days


@pytest.mark.parametrize(
    ("matters", "setting", "clear_days"),
    [
        (["individual_aid"], None, 2),
        (["budget"], None, 2),
        (["individual_aid"], 3, 3),
        (["individual_aid"], 0, 0),
    ],
    ids=[
        "third-convocation-2-jours-francs",
        "third-convocation-2-jours-francs-even-for-the-budget",
        "third-convocation-setting-3[V]",
        "third-convocation-setting-0[V]",
    ],
)
def test_third_convocation_clear_days(matters, setting, clear_days):
    """DOMAIN.md "Meetings": 2 jours francs after two convocations without quorum [C Brussels
    ROI; V Wallonia: ``COUNCIL_THIRD_CONVOCATION_CLEAR_DAYS``]."""
    given = {} if setting is None else {"third_convocation_clear_days": setting}
    assert required_clear_days(matters, third_convocation=True, **given) == clear_days
    assert required_clear_days(matters, is_urgent=True, third_convocation=True, **given) == 0


def test_third_convocation_clear_days_must_not_be_negative():
    with pytest.raises(RuleError, match="must not be negative"):
        required_clear_days([], third_convocation=True, third_convocation_clear_days=-1)


@pytest.mark.parametrize(
    ("clear_days", "latest"),
    [(5, date(2025, 11, 14)), (7, date(2025, 11, 12)), (0, date(2025, 11, 19))],
    ids=[
        "5-jours-francs-friday-14",
        "7-jours-francs-wednesday-12",
        "urgency-0-day-before",
    ],
)
def test_latest_sending_date_excludes_sending_and_meeting_days(clear_days, latest):
    assert THURSDAY_20_NOV_2025.strftime("%A") == "Thursday"
    assert latest_sending_date(THURSDAY_20_NOV_2025, clear_days) == latest


@pytest.mark.parametrize(
    ("sent_on", "clear_days", "expected"),
    [
        (date(2025, 11, 14), 5, ConvocationCheck(True, date(2025, 11, 14), 5)),
        (date(2025, 11, 15), 5, ConvocationCheck(False, date(2025, 11, 14), 4)),
        (date(2025, 11, 12), 7, ConvocationCheck(True, date(2025, 11, 12), 7)),
        (date(2025, 11, 13), 7, ConvocationCheck(False, date(2025, 11, 12), 6)),
        (date(2025, 11, 1), 7, ConvocationCheck(True, date(2025, 11, 12), 18)),
        (date(2025, 11, 20), 0, ConvocationCheck(False, date(2025, 11, 19), 0)),
    ],
    ids=[
        "friday-14-in-time-for-5",
        "saturday-15-late-for-5",
        "wednesday-12-in-time-for-7",
        "thursday-13-late-for-7",
        "early-is-in-time",
        "same-day-is-late-even-in-urgency",
    ],
)
def test_check_convocation_for_thursday_20_november(sent_on, clear_days, expected):
    assert check_convocation(sent_on, THURSDAY_20_NOV_2025, clear_days) == expected


def test_convocation_after_the_meeting_is_an_error():
    with pytest.raises(RuleError, match="after the meeting"):
        check_convocation(date(2025, 11, 21), THURSDAY_20_NOV_2025, 5)


def test_negative_clear_days_is_an_error():
    with pytest.raises(RuleError, match="must not be negative"):
        latest_sending_date(THURSDAY_20_NOV_2025, -1)
