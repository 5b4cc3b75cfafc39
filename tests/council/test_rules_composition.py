from fractions import Fraction

import pytest

from council.rules.composition import GroupResult, Region, Tie, allocate_seats, council_size
from council.rules.errors import RuleError


@pytest.mark.parametrize(
    ("population", "region", "size"),
    [
        (0, Region.wallonia, 9),
        (15_000, Region.wallonia, 9),
        (15_001, Region.wallonia, 11),
        (50_000, Region.wallonia, 11),
        (50_001, Region.wallonia, 13),
        (150_000, Region.wallonia, 13),
        (150_001, Region.wallonia, 15),
        (10_000, Region.brussels, 11),
        (50_000, Region.brussels, 11),
        (50_001, Region.brussels, 13),
        (150_000, Region.brussels, 13),
        (150_001, Region.brussels, 15),
    ],
    ids=[
        "LO-art6-wallonia-empty",
        "LO-art6-wallonia-15000",
        "LO-art6-wallonia-15001",
        "LO-art6-wallonia-50000",
        "LO-art6-wallonia-50001",
        "LO-art6-wallonia-150000",
        "LO-art6-wallonia-150001",
        "ord-2019-brussels-10000",
        "ord-2019-brussels-50000",
        "ord-2019-brussels-50001",
        "ord-2019-brussels-150000",
        "ord-2019-brussels-150001",
    ],
)
def test_council_size_follows_population_brackets(population, region, size):
    assert council_size(population, region) == size


def test_council_size_refuses_a_negative_population():
    with pytest.raises(RuleError, match="population"):
        council_size(-1, Region.wallonia)


CASE_1 = [
    GroupResult("PS", 13),
    GroupResult("cdH", 6),
    GroupResult("MR", 6),
    GroupResult("Ecolo", 2),
]
CASE_2 = [
    GroupResult("A", 8, votes=2127),
    GroupResult("B", 8, votes=1988, in_pact=True),
    GroupResult("C", 4, votes=1211, in_pact=True),
    GroupResult("D", 1, votes=638),
]
DEMO = [
    GroupResult("PS", 12, in_pact=True),
    GroupResult("MR", 8),
    GroupResult("Ecolo", 4, in_pact=True),
    GroupResult("Engagés", 3),
]


@pytest.mark.parametrize(
    ("size", "groups", "seats", "ties", "unallocated"),
    [
        (
            11,
            CASE_1,
            {"PS": 5, "cdH": 2, "MR": 2, "Ecolo": 1},
            (Tie(("cdH", "MR"), 1, Fraction(4, 9)),),
            1,
        ),
        (9, CASE_2, {"A": 4, "B": 3, "C": 2, "D": 0}, (), 0),
        (
            5,
            [GroupResult("A", 3), GroupResult("B", 0), GroupResult("C", 2)],
            {"A": 3, "B": 0, "C": 2},
            (),
            0,
        ),
        (11, DEMO, {"PS": 5, "MR": 3, "Ecolo": 2, "Engagés": 1}, (), 0),
        (
            1,
            [GroupResult("A", 1, 100), GroupResult("B", 1, 100), GroupResult("C", 1, 50)],
            {"A": 0, "B": 0, "C": 0},
            (Tie(("A", "B"), 1, Fraction(1, 3)),),
            1,
        ),
        (
            2,
            [GroupResult("A", 1, 100), GroupResult("B", 1, 90), GroupResult("C", 1, 50)],
            {"A": 1, "B": 1, "C": 0},
            (),
            0,
        ),
        (
            1,
            [GroupResult("A", 1, 100), GroupResult("B", 1), GroupResult("C", 1, 50)],
            {"A": 0, "B": 0, "C": 0},
            (Tie(("A", "B", "C"), 1, Fraction(1, 3)),),
            1,
        ),
    ],
    ids=[
        "LO-art10-case1-exact-cdH-MR-tie-left-unallocated",
        "LO-art10-case2-three-way-tie-won-by-A-on-votes",
        "LO-art10-case3-no-municipal-seat-no-seat",
        "LO-art10-demo-centre-27-seats",
        "LO-art10-equal-votes-keep-the-tie[V]",
        "LO-art10-votes-order-two-of-three-tied[V]",
        "LO-art10-missing-votes-keep-the-tie[V]",
    ],
)
def test_allocate_seats_by_largest_remainders(size, groups, seats, ties, unallocated):
    allocation = allocate_seats(size, groups)

    assert allocation.seats == seats
    assert list(allocation.seats) == [group.name for group in groups]
    assert allocation.ties == ties
    assert allocation.unallocated == unallocated
    assert sum(allocation.seats.values()) + allocation.unallocated == size


@pytest.mark.parametrize(
    ("size", "groups", "quotas"),
    [
        (
            11,
            CASE_1,
            {
                "PS": Fraction(143, 27),
                "cdH": Fraction(66, 27),
                "MR": Fraction(66, 27),
                "Ecolo": Fraction(22, 27),
            },
        ),
        (
            9,
            CASE_2,
            {
                "A": Fraction(72, 21),
                "B": Fraction(72, 21),
                "C": Fraction(36, 21),
                "D": Fraction(9, 21),
            },
        ),
    ],
    ids=[
        "LO-art10-case1-5.296-2.444-2.444-0.815",
        "LO-art10-case2-A-B-D-share-remainder-9/21",
    ],
)
def test_quotas_are_exact_fractions(size, groups, quotas):
    assert allocate_seats(size, groups).quotas == quotas


@pytest.mark.parametrize(
    ("size", "groups", "pact_seats", "pact_has_majority"),
    [
        (9, CASE_2, 5, True),
        (11, DEMO, 7, True),
        (11, [GroupResult("PS", 13, in_pact=True), *CASE_1[1:]], 5, False),
        (11, CASE_1, None, None),
    ],
    ids=[
        "decret-2012-case2-pact-B-C-holds-5-of-9",
        "decret-2012-demo-pact-PS-Ecolo-holds-7-of-11",
        "decret-2012-pact-5-of-11-is-no-majority",
        "no-pact-no-report",
    ],
)
def test_pact_majority_is_reported(size, groups, pact_seats, pact_has_majority):
    allocation = allocate_seats(size, groups)

    assert allocation.pact_seats == pact_seats
    assert allocation.pact_has_majority is pact_has_majority


@pytest.mark.parametrize(
    ("size", "groups", "message"),
    [
        (0, CASE_1, "size must be at least 1"),
        (11, [], "at least one political group"),
        (11, [GroupResult("A", 3), GroupResult("A", 2)], "duplicate group name"),
        (11, [GroupResult("A", -1), GroupResult("B", 2)], "must not be negative"),
        (11, [GroupResult("A", 1, votes=-5)], "votes must not be negative"),
        (11, [GroupResult("", 1)], "name must not be empty"),
        (11, [GroupResult("A", 0), GroupResult("B", 0)], "no municipal seat"),
    ],
    ids=[
        "size-zero",
        "no-group",
        "duplicate-name",
        "negative-seats",
        "negative-votes",
        "empty-name",
        "no-municipal-seat-at-all",
    ],
)
def test_allocate_seats_rejects_invalid_input(size, groups, message):
    with pytest.raises(RuleError, match=message):
        allocate_seats(size, groups)
