"""Who is in the room for a given item: attendance recorded for the whole meeting, with
arrivals and departures from an item on, and withdrawals for a conflict of interest."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from council.rules.errors import RuleError


class Presence(StrEnum):
    present = "present"
    absent = "absent"
    excused = "excused"


@dataclass(frozen=True)
class AttendanceRecord:
    """One recording by the secretariat: ``from_item_number`` None means the whole meeting;
    a number means from that item on (an arrival or a departure)."""

    member_id: int
    presence: Presence
    from_item_number: int | None = None


def presence_at(
    records: Sequence[AttendanceRecord], item_number: int, members: Iterable[int]
) -> dict[int, Presence | None]:
    """Each member's presence for one item; records apply in the order they were made, a later
    one overriding an earlier one for the items it covers. None: nothing recorded yet."""
    if item_number < 1:
        raise RuleError(f"item numbers start at 1 (got {item_number})")
    presence: dict[int, Presence | None] = dict.fromkeys(members)
    for record in records:
        if record.member_id not in presence:
            raise RuleError(f"member {record.member_id} does not sit on this organ")
        if record.from_item_number is None or record.from_item_number <= item_number:
            presence[record.member_id] = record.presence
    return presence


@dataclass(frozen=True)
class RoomForItem:
    """Who may deliberate and vote on an item."""

    in_room: frozenset[int]
    withdrawn: frozenset[int]

    @property
    def voters(self) -> frozenset[int]:
        return self.in_room - self.withdrawn


def room_for_item(
    records: Sequence[AttendanceRecord],
    item_number: int,
    members: Iterable[int],
    withdrawn: Iterable[int] = (),
) -> RoomForItem:
    """Members present for the item, and those of them who withdrew from it (they leave the
    room: they neither count for its quorum nor vote)."""
    presence = presence_at(records, item_number, members)
    in_room = frozenset(m for m, p in presence.items() if p is Presence.present)
    return RoomForItem(in_room=in_room, withdrawn=frozenset(withdrawn) & in_room)
