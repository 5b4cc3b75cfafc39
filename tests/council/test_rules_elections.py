from datetime import date

import pytest

from council.rules.elections import Candidate, elect
from council.rules.errors import RuleError, UnresolvedTie

ANNE = Candidate("Anne", 6, date(1970, 3, 1))
BRUNO = Candidate("Bruno", 6, date(1965, 7, 9))
CARLA = Candidate("Carla", 3, date(1980, 1, 1))
DAVID = Candidate("David", 3, date(1980, 1, 1))


@pytest.mark.parametrize(
    ("candidates", "seats", "elected"),
    [
        ([ANNE, CARLA], 1, ("Anne",)),
        ([ANNE, BRUNO], 1, ("Bruno",)),
        ([CARLA, ANNE, BRUNO], 2, ("Bruno", "Anne")),
        ([CARLA, DAVID, ANNE], 1, ("Anne",)),
        ([CARLA, DAVID, ANNE], 3, ("Anne", "Carla", "David")),
    ],
    ids=[
        "most-votes-elected",
        "tie-elects-the-oldest[C]",
        "order-by-votes-then-age",
        "identical-tie-below-the-seats-does-not-matter",
        "identical-tie-all-elected",
    ],
)
def test_elect_by_votes_then_age(candidates, seats, elected):
    assert elect(candidates, seats) == elected


def test_identical_birth_dates_on_the_deciding_tie_cannot_be_resolved():
    with pytest.raises(UnresolvedTie) as raised:
        elect([ANNE, CARLA, DAVID], 2)

    assert (raised.value.candidates, raised.value.seats) == (("Carla", "David"), 1)


@pytest.mark.parametrize(
    ("candidates", "seats", "message"),
    [
        ([ANNE], 0, "seats must be between 1 and the 1"),
        ([ANNE], 2, "seats must be between 1 and the 1"),
        ([ANNE, ANNE], 1, "names must be unique"),
        ([Candidate("Eve", -1, date(1990, 1, 1))], 1, "votes must not be negative"),
    ],
    ids=["no-seat", "more-seats-than-candidates", "duplicate-name", "negative-votes"],
)
def test_elect_rejects_invalid_input(candidates, seats, message):
    with pytest.raises(RuleError, match=message):
        elect(candidates, seats)
