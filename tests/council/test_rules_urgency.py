"""DOMAIN.md "Meetings": an item not on the agenda is taken only in urgency declared by ⅔ of
the members present (CDLD L1122-24, the commune rule; for the CPAS [V]: a setting)."""

from fractions import Fraction

import pytest

from council.rules.errors import RuleError
from council.rules.urgency import (
    DEFAULT_URGENCY_MAJORITY,
    UrgencyCheck,
    check_urgency,
    parse_majority,
    votes_required,
)


@pytest.mark.parametrize(
    ("present", "majority", "required"),
    [
        (9, DEFAULT_URGENCY_MAJORITY, 6),
        (8, DEFAULT_URGENCY_MAJORITY, 6),
        (7, DEFAULT_URGENCY_MAJORITY, 5),
        (6, DEFAULT_URGENCY_MAJORITY, 4),
        (1, DEFAULT_URGENCY_MAJORITY, 1),
        (9, Fraction(1, 2), 5),
        (8, Fraction(1, 2), 4),
        (5, Fraction(1), 5),
    ],
    ids=[
        "two-thirds-of-9-is-6",
        "two-thirds-of-8-is-6-rounded-up",
        "two-thirds-of-7-is-5-rounded-up",
        "two-thirds-of-6-is-4",
        "one-present-needs-one",
        "setting-half-of-9-is-5[V]",
        "setting-half-of-8-is-4[V]",
        "setting-all-present[V]",
    ],
)
def test_votes_required_for_the_urgency(present, majority, required):
    assert votes_required(present, majority) == required


@pytest.mark.parametrize(
    ("present", "votes_for", "expected"),
    [
        (9, 6, UrgencyCheck(9, 6, 6, True)),
        (9, 5, UrgencyCheck(9, 5, 6, False)),
        (8, 5, UrgencyCheck(8, 5, 6, False)),
        (8, 8, UrgencyCheck(8, 8, 6, True)),
        (6, 0, UrgencyCheck(6, 0, 4, False)),
    ],
    ids=[
        "6-of-9-declares",
        "5-of-9-does-not",
        "5-of-8-is-short-of-two-thirds",
        "unanimity-declares",
        "nobody-for-does-not",
    ],
)
def test_check_urgency(present, votes_for, expected):
    assert check_urgency(present, votes_for) == expected


@pytest.mark.parametrize(
    ("text", "majority"),
    [("2/3", Fraction(2, 3)), (" 3/4 ", Fraction(3, 4)), ("1", Fraction(1))],
    ids=["two-thirds", "three-quarters-spaces", "all"],
)
def test_parse_majority(text, majority):
    assert parse_majority(text) == majority


@pytest.mark.parametrize("text", ["", "two thirds", "0", "3/2", "-1/3", "1/0"],
                         ids=["empty", "words", "zero", "more-than-all", "negative", "by-zero"])
def test_parse_majority_refuses_what_is_not_a_share(text):
    with pytest.raises(RuleError, match="urgency majority"):
        parse_majority(text)


@pytest.mark.parametrize(("present", "votes_for"), [(0, 0), (5, 6), (5, -1)],
                         ids=["nobody-present", "more-votes-than-present", "negative"])
def test_check_urgency_refuses_impossible_figures(present, votes_for):
    with pytest.raises(RuleError):
        check_urgency(present, votes_for)
