import pytest

from council.rules.errors import RuleError
from council.rules.quorum import (
    QuorumCheck,
    QuorumReason,
    check_quorum,
    quorum_required,
    quorum_waived,
)


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
    """An item on the agenda for the third time, so that a third convocation waives it."""
    assert check_quorum(in_office, present, withdrawn_present, convocation_round,
                        times_on_agenda=3) == expected


@pytest.mark.parametrize(
    ("convocation_round", "times_on_agenda", "present", "expected"),
    [
        (3, 3, 2, QuorumCheck(1, 2, True, QuorumReason.third_convocation)),
        (3, 4, 2, QuorumCheck(1, 2, True, QuorumReason.third_convocation)),
        (3, 1, 2, QuorumCheck(6, 2, False, QuorumReason.majority_missing)),
        (3, 2, 2, QuorumCheck(6, 2, False, QuorumReason.majority_missing)),
        (3, 1, 6, QuorumCheck(6, 6, True, QuorumReason.majority_present)),
        (2, 3, 2, QuorumCheck(6, 2, False, QuorumReason.majority_missing)),
        (1, 3, 2, QuorumCheck(6, 2, False, QuorumReason.majority_missing)),
    ],
    ids=[
        "third-convocation-item-put-a-third-time-waived",
        "third-convocation-item-put-a-fourth-time-waived",
        "third-convocation-new-item-still-needs-majority",
        "third-convocation-item-put-a-second-time-still-needs-majority",
        "third-convocation-new-item-with-majority",
        "second-convocation-waives-nothing",
        "ordinary-convocation-waives-nothing",
    ],
)
def test_third_convocation_waives_the_quorum_only_for_items_put_a_third_time(
        convocation_round, times_on_agenda, present, expected):
    """DOMAIN.md "Quorum" (Brussels ROI [C], Wallonia [V]): "après deux convocations sans
    quorum, la troisième délibère quel que soit le nombre des présents, **sur les points mis
    pour la troisième fois à l'ordre du jour**" — not for the whole meeting. 11 in office."""
    assert check_quorum(11, present, 0, convocation_round,
                        times_on_agenda=times_on_agenda) == expected
    assert quorum_waived(convocation_round, times_on_agenda) is (
        expected.reason is QuorumReason.third_convocation)


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


def test_an_item_is_on_the_agenda_at_least_once():
    with pytest.raises(RuleError, match="at least once"):
        check_quorum(11, 6, 0, 3, times_on_agenda=0)
