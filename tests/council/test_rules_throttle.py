"""Login throttling rule (issue 6, item 4): a sliding window of failures per key."""

from datetime import UTC, datetime, timedelta

import pytest

from council.rules.errors import RuleError
from council.rules.throttle import Decision, Limit, blocked_until, login_decision

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
FIVE_IN_15 = Limit(max_failures=5, window=timedelta(minutes=15))


def ago(*minutes: float) -> list[datetime]:
    return [NOW - timedelta(minutes=m) for m in minutes]


@pytest.mark.parametrize(
    ("failures", "expected"),
    [
        ([], None),
        (ago(1, 2, 3, 4), None),
        (ago(1, 2, 3, 4, 5), NOW + timedelta(minutes=10)),
        (ago(0, 0, 0, 0, 0), NOW + timedelta(minutes=15)),
        (ago(1, 2, 3, 4, 14, 20), NOW + timedelta(minutes=1)),
        (ago(1, 2, 3, 4, 15), None),
        (ago(1, 2, 3, 4, 16, 30, 60), None),
        (ago(1, 2, 3, 4, 5, 6, 7), NOW + timedelta(minutes=10)),
        (ago(5, 4, 3, 2, 1), NOW + timedelta(minutes=10)),
        (ago(-1, -2, -3, -4, -5), None),
    ],
    ids=[
        "no-failure-free",
        "four-failures-free",
        "fifth-failure-blocks-until-oldest-leaves-window",
        "five-at-once-block-the-whole-window",
        "older-failures-outside-window-ignored",
        "failure-exactly-window-old-no-longer-counts",
        "old-failures-never-count",
        "more-than-limit-waits-for-the-fifth-newest-to-leave",
        "order-does-not-matter",
        "future-stamps-ignored",
    ],
)
def test_blocked_until(failures, expected):
    assert blocked_until(failures, FIVE_IN_15, NOW) == expected


@pytest.mark.parametrize(
    ("account", "address", "expected"),
    [
        ([], [], Decision(True)),
        (ago(1, 2, 3, 4, 5), [], Decision(False, NOW + timedelta(minutes=10))),
        ([], ago(*[m / 2 for m in range(1, 21)]), Decision(False, NOW + timedelta(minutes=5))),
        ([], ago(*[m / 2 for m in range(1, 20)]), Decision(True)),
        (ago(1, 2, 3, 4, 5), ago(*[m / 2 for m in range(1, 21)]),
         Decision(False, NOW + timedelta(minutes=10))),
        (ago(4, 5, 6, 7, 14), ago(*[0.5] * 20), Decision(False, NOW + timedelta(minutes=14.5))),
    ],
    ids=[
        "nothing-allowed",
        "account-blocked",
        "address-blocked",
        "address-under-limit-allowed",
        "both-blocked-waits-for-the-later",
        "address-later-than-account",
    ],
)
def test_login_decision(account, address, expected):
    assert login_decision(account, address, account_limit=FIVE_IN_15,
                          address_limit=Limit(20, timedelta(minutes=15)), now=NOW) == expected


@pytest.mark.parametrize("limit", [Limit(0, timedelta(minutes=1)), Limit(5, timedelta(0))])
def test_limits_must_make_sense(limit):
    with pytest.raises(RuleError):
        blocked_until([], limit, NOW)
