"""Presence per item: whole-meeting records, arrivals and departures (recorded by the DG or
the secretariat), withdrawals for a conflict of interest (CDLD L1122-19 mirrored, [V])."""

from __future__ import annotations

import pytest

from council.rules.attendance import (
    AttendanceRecord,
    Presence,
    presence_at,
    room_for_item,
)
from council.rules.errors import RuleError

P, A, E = Presence.present, Presence.absent, Presence.excused
MEMBERS = (1, 2, 3)


@pytest.mark.parametrize(
    ("records", "item", "expected"),
    [
        pytest.param([], 1, {1: None, 2: None, 3: None}, id="nothing recorded"),
        pytest.param([AttendanceRecord(1, P), AttendanceRecord(2, E), AttendanceRecord(3, A)],
                     4, {1: P, 2: E, 3: A}, id="whole meeting"),
        pytest.param([AttendanceRecord(1, P), AttendanceRecord(1, A, 5)], 4, {1: P, 2: None,
                     3: None}, id="leaves at item 5: still present for item 4"),
        pytest.param([AttendanceRecord(1, P), AttendanceRecord(1, A, 5)], 5, {1: A, 2: None,
                     3: None}, id="leaves at item 5: absent for item 5"),
        pytest.param([AttendanceRecord(2, A), AttendanceRecord(2, P, 3)], 2, {1: None, 2: A,
                     3: None}, id="arrives at item 3: absent for item 2"),
        pytest.param([AttendanceRecord(2, A), AttendanceRecord(2, P, 3)], 7, {1: None, 2: P,
                     3: None}, id="arrives at item 3: present for item 7"),
        pytest.param([AttendanceRecord(3, P, 2), AttendanceRecord(3, A, 4),
                      AttendanceRecord(3, P, 6)], 5, {1: None, 2: None, 3: A},
                     id="comes, goes, comes back"),
        pytest.param([AttendanceRecord(1, A, 3), AttendanceRecord(1, P)], 4, {1: P, 2: None,
                     3: None}, id="a later whole-meeting correction overrides"),
    ],
)
def test_presence_at(records: list[AttendanceRecord], item: int,
                     expected: dict[int, Presence | None]) -> None:
    assert presence_at(records, item, MEMBERS) == expected


def test_withdrawn_member_leaves_the_room_for_that_item() -> None:
    records = [AttendanceRecord(m, P) for m in MEMBERS]
    room = room_for_item(records, 2, MEMBERS, withdrawn=[3])
    assert room.in_room == {1, 2, 3}
    assert room.voters == {1, 2}


def test_withdrawal_of_an_absent_member_changes_nothing() -> None:
    room = room_for_item([AttendanceRecord(1, P), AttendanceRecord(2, A)], 1, MEMBERS,
                         withdrawn=[2])
    assert room.withdrawn == frozenset()
    assert room.voters == {1}


@pytest.mark.parametrize(("records", "item"), [
    ([AttendanceRecord(9, P)], 1),
    ([], 0),
])
def test_invalid_input(records: list[AttendanceRecord], item: int) -> None:
    with pytest.raises(RuleError):
        presence_at(records, item, MEMBERS)
