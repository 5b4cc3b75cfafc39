from datetime import date

import pytest

from council.rules.elections import Candidate, both_sexes_represented, designate, elect
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


F1 = Candidate("Fabienne", 5, date(1960, 1, 1), "F")
F2 = Candidate("Gaëlle", 4, date(1970, 1, 1), "F")
F3 = Candidate("Hélène", 4, date(1975, 1, 1), "F")
M1 = Candidate("Marc", 3, date(1955, 1, 1), "M")
M2 = Candidate("Nicolas", 3, date(1950, 1, 1), "M")
X1 = Candidate("Sam", 6, date(1985, 1, 1), "X")


@pytest.mark.parametrize(
    ("candidates", "seats", "president_sex", "ballot_elected", "void"),
    [
        ([F1, F2, M1], 2, "M", ("Fabienne", "Gaëlle"), False),
        ([F1, F2, M1], 2, "F", ("Fabienne", "Gaëlle"), True),
        ([F1, F2, M1], 3, "F", ("Fabienne", "Gaëlle", "Marc"), False),
        ([F1, M1, M2], 2, "F", ("Fabienne", "Nicolas"), False),
        ([F1, F2, F3, M1], 2, None, ("Fabienne", "Gaëlle"), True),
        ([F1, M1], 2, None, ("Fabienne", "Marc"), False),
        ([X1, F1, M1], 1, "M", ("Sam",), True),
        ([X1, F1, M1], 2, "M", ("Sam", "Fabienne"), False),
    ],
    ids=[
        "two-women-with-a-male-president-stand",
        "two-women-with-a-female-president-void[C]",
        "a-man-among-the-elected-stands",
        "tie-elects-the-older-man-and-mixity-holds[C]",
        "no-president-two-women-void[C]",
        "no-president-a-woman-and-a-man-stand",
        "x-counts-for-neither-sex",
        "x-and-a-woman-with-a-male-president-stand",
    ],
)
def test_designation_mixity_lo_27_6(candidates, seats, president_sex, ballot_elected, void):
    """LO art. 27 §6 (DOMAIN.md "Secret ballot") [C]: one round, the oldest wins a tie, and if
    both sexes are not represented the result is void and a new ballot is held for all seats
    but the president's."""
    outcome = designate(candidates, seats, president_sex=president_sex)
    assert (outcome.ballot_elected, outcome.is_void) == (ballot_elected, void)
    assert outcome.elected == (() if void else ballot_elected)


@pytest.mark.parametrize(
    ("candidates", "president_sex", "message"),
    [
        ([F1, F2], "F", "not of both sexes"),
        ([M1, M2], None, "not of both sexes"),
        ([ANNE, M1], "F", "sex of Anne is needed"),
    ],
    ids=["all-women-can-never-stand", "all-men-can-never-stand", "sex-unknown"],
)
def test_a_designation_that_could_never_stand_is_refused(candidates, president_sex, message):
    with pytest.raises(RuleError, match=message):
        designate(candidates, 1, president_sex=president_sex)


@pytest.mark.parametrize(
    ("sexes", "both"),
    [(("F", "M"), True), (("F", "F", "X"), False), (("M", None), False), ((), False)],
    ids=["woman-and-man", "women-and-x", "man-and-unknown", "nobody"],
)
def test_both_sexes_represented(sexes, both):
    assert both_sexes_represented(sexes) is both
