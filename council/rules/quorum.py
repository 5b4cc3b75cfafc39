"""Quorum of a CPAS organ (conseil, bureau permanent, comités)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from council.rules.errors import RuleError

THIRD_CONVOCATION = 3
#: an item put on the agenda for the third time (twice postponed for lack of quorum)
THIRD_TIME_ON_AGENDA = 3


class QuorumReason(StrEnum):
    majority_present = "majority_present"
    majority_missing = "majority_missing"
    third_convocation = "third_convocation"


@dataclass(frozen=True)
class QuorumCheck:
    """Whether an organ may deliberate on an item, and on which ground."""

    required: int
    present: int
    met: bool
    reason: QuorumReason


def quorum_required(in_office: int, withdrawn: int = 0) -> int:
    """Majority of the members in office, less ``withdrawn`` (those who withdrew from the item,
    when the centre's reading takes them out of the base) [V].

    9 → 5, 11 → 6, 13 → 7, 15 → 8, 8 in office → 5.
    """
    if in_office < 1:
        raise RuleError(f"members in office must be at least 1 (got {in_office})")
    if not 0 <= withdrawn <= in_office:
        raise RuleError(f"withdrawn members must be between 0 and {in_office} (got {withdrawn})")
    return (in_office - withdrawn) // 2 + 1


def quorum_waived(convocation_round: int, times_on_agenda: int) -> bool:
    """Whether the organ may deliberate on an item whatever the number present: on a third
    convocation (after two convocations without quorum), and only for the items put on the
    agenda for the third time, not for the whole meeting (DOMAIN.md "Quorum"; Brussels ROI
    [C], Wallonia [V])."""
    if not 1 <= convocation_round <= THIRD_CONVOCATION:
        raise RuleError(f"convocation round must be 1, 2 or 3 (got {convocation_round})")
    if times_on_agenda < 1:
        raise RuleError(f"an item is on the agenda at least once (got {times_on_agenda})")
    return convocation_round == THIRD_CONVOCATION and times_on_agenda >= THIRD_TIME_ON_AGENDA


def check_quorum(
    in_office: int, present: int, withdrawn_present: int = 0, convocation_round: int = 1, *,
    times_on_agenda: int = 1, withdrawn_leave_base: bool = False,
) -> QuorumCheck:
    """Check the quorum for one item.

    ``present`` counts the members in the room for the meeting, ``withdrawn_present`` those of
    them who left for this item (conflict of interest): they are absent for it. The base stays
    the members in office (the literal reading of "a majority of the members in office",
    DOMAIN.md "Quorum") unless ``withdrawn_leave_base``, the other reading, where they are also
    taken out of the members whose majority is required [V]. On the third convocation, for
    items put for the third time on the agenda (``times_on_agenda``), the organ deliberates
    whatever the number present [V]: one member present is then enough. The other items of
    that meeting still need the majority (:func:`quorum_waived`).
    """
    if not 0 <= present <= in_office:
        raise RuleError(f"members present must be between 0 and {in_office} (got {present})")
    if not 0 <= withdrawn_present <= present:
        raise RuleError(
            f"withdrawn members must be between 0 and the {present} present"
            f" (got {withdrawn_present})"
        )
    waived = quorum_waived(convocation_round, times_on_agenda)
    required = quorum_required(in_office, withdrawn_present if withdrawn_leave_base else 0)
    counted = present - withdrawn_present
    if waived and counted < required:
        return QuorumCheck(1, counted, counted >= 1, QuorumReason.third_convocation)
    if counted >= required:
        return QuorumCheck(required, counted, True, QuorumReason.majority_present)
    return QuorumCheck(required, counted, False, QuorumReason.majority_missing)
