import pytest

from council.rules.errors import RuleError
from council.rules.quorum import QuorumCheck, QuorumReason, check_quorum, quorum_required


@pytest.mark.parametrize(
    ("in_office", "withdrawn", "required"),
    [
        (9, 0, 5),
        (11, 0, 6),
        (13, 0, 7),
        (15, 0, 8),
        (8, 0, 5),
        (8, 1, 4),
        (11, 2, 5),
    ],
    ids=[
        "majority-of-9-is-5",
        "majority-of-11-is-6",
        "majority-of-13-is-7",
        "majority-of-15-is-8",
        "8-in-office-is-5",
        "8-in-office-one-withdrawn-is-4[V]",
        "11-in-office-two-withdrawn-is-5[V]",
    ],
)
def test_quorum_is_the_majority_of_members_in_office(in_office, withdrawn, required):
    assert quorum_required(in_office, withdrawn) == required


@pytest.mark.parametrize(
    ("in_office", "present", "withdrawn_present", "convocation_round", "expected"),
    [
        (11, 6, 0, 1, QuorumCheck(6, 6, True, QuorumReason.majority_present)),
        (11, 5, 0, 1, QuorumCheck(6, 5, False, QuorumReason.majority_missing)),
        (11, 6, 1, 1, QuorumCheck(6, 5, False, QuorumReason.majority_missing)),
        (8, 5, 1, 1, QuorumCheck(5, 4, False, QuorumReason.majority_missing)),
        (11, 5, 0, 2, QuorumCheck(6, 5, False, QuorumReason.majority_missing)),
        (11, 2, 0, 3, QuorumCheck(1, 2, True, QuorumReason.third_convocation)),
        (11, 0, 0, 3, QuorumCheck(1, 0, False, QuorumReason.third_convocation)),
        (11, 7, 0, 3, QuorumCheck(6, 7, True, QuorumReason.majority_present)),
    ],
    ids=[
        "6-of-11-present-meets",
        "5-of-11-present-fails",
        "withdrawn-member-not-counted-present[V]",
        "withdrawal-keeps-the-base-of-members-in-office[V]",
        "second-convocation-still-needs-majority[V]",
        "third-convocation-any-number[V]",
        "third-convocation-nobody-present[V]",
        "third-convocation-with-majority[V]",
    ],
)
def test_check_quorum(in_office, present, withdrawn_present, convocation_round, expected):
    assert check_quorum(in_office, present, withdrawn_present, convocation_round) == expected


@pytest.mark.parametrize(
    ("in_office", "present", "withdrawn_present", "literal", "shrunk"),
    [
        (8, 5, 1, QuorumCheck(5, 4, False, QuorumReason.majority_missing),
         QuorumCheck(4, 4, True, QuorumReason.majority_present)),
        (11, 7, 2, QuorumCheck(6, 5, False, QuorumReason.majority_missing),
         QuorumCheck(5, 5, True, QuorumReason.majority_present)),
        (9, 6, 1, QuorumCheck(5, 5, True, QuorumReason.majority_present),
         QuorumCheck(5, 5, True, QuorumReason.majority_present)),
    ],
    ids=["8-in-office-one-withdrawn[V]", "11-in-office-two-withdrawn[V]",
         "9-in-office-same-either-way[V]"],
)
def test_withdrawn_members_and_the_base_follow_the_setting(in_office, present,
                                                           withdrawn_present, literal, shrunk):
    """DOMAIN.md "Quorum": a member who withdraws is absent for the item; whether the base
    then shrinks is [V], the literal reading (the members in office) by default."""
    assert check_quorum(in_office, present, withdrawn_present) == literal
    assert check_quorum(in_office, present, withdrawn_present,
                        withdrawn_leave_base=True) == shrunk


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((0, 0, 0, 1), "in office must be at least 1"),
        ((11, 12, 0, 1), "present must be between 0 and 11"),
        ((11, -1, 0, 1), "present must be between 0 and 11"),
        ((11, 5, 6, 1), "withdrawn members must be between 0 and the 5 present"),
        ((11, 5, -1, 1), "withdrawn members must be between 0 and the 5 present"),
        ((11, 5, 0, 0), "convocation round must be 1, 2 or 3"),
        ((11, 5, 0, 4), "convocation round must be 1, 2 or 3"),
    ],
    ids=[
        "nobody-in-office",
        "more-present-than-in-office",
        "negative-present",
        "more-withdrawn-than-present",
        "negative-withdrawn",
        "round-zero",
        "round-four",
    ],
)
def test_check_quorum_rejects_invalid_numbers(arguments, message):
    with pytest.raises(RuleError, match=message):
        check_quorum(*arguments)


@pytest.mark.parametrize(
    ("in_office", "withdrawn"),
    [(0, 0), (9, 10), (9, -1)],
    ids=["nobody-in-office", "more-withdrawn-than-in-office", "negative-withdrawn"],
)
def test_quorum_required_rejects_invalid_numbers(in_office, withdrawn):
    with pytest.raises(RuleError):
        quorum_required(in_office, withdrawn)
