"""Meetings, their items and the sitting: who sees, prepares, chairs, attends and votes, and
who reads the minutes. ``visible_meetings_clause`` gives the same answer as
``can_view_meeting`` as an SQL condition, so that lists are filtered in the database.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, exists, false, func, or_, select, true

from council.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    OrganMembership,
    Role,
)
from council.permissions.core import _role, is_councillor, is_staff


def can_view_composition(user: Any) -> bool:
    return is_staff(user) or is_councillor(user)


def can_view_meeting(user: Any, meeting: Meeting) -> bool:
    if is_staff(user):
        return True
    if not is_councillor(user):
        return False
    meeting_day = meeting.starts_at.date()
    return any(
        membership.member_id == user.member_id and membership.is_current(meeting_day)
        for membership in meeting.organ.memberships
    )


def can_download_agenda(user: Any, meeting: Meeting) -> bool:
    """The agenda's PDF: staff always (they prepare it), members of the organ once they are
    convened (LO art. 30: the convocation contains it)."""
    return can_view_meeting(user, meeting) and (
        is_staff(user) or meeting.status is not MeetingStatus.draft)


def can_view_item(user: Any, item: AgendaItem) -> bool:
    """Reading an item's report and draft decision: whoever may see its meeting; for an item
    built from a social report, members only once its pseudonymisation is reviewed."""
    if not can_view_meeting(user, item.meeting):
        return False
    if is_staff(user):
        return True
    if is_withdrawn_from(user, item):
        return False
    pseudonymisation = getattr(item, "pseudonymisation", None)
    return pseudonymisation is None or pseudonymisation.is_reviewed


def is_withdrawn_from(user: Any, item: AgendaItem) -> bool:
    """Whether the user is a member who withdrew from the item (conflict of interest): they
    may not read it nor vote on it, and know that it exists (403 rather than 404)."""
    if not is_councillor(user):
        return False
    return any(w.member_id == user.member_id for w in getattr(item, "withdrawals", ()))


def can_follow_meeting(user: Any, meeting: Meeting) -> bool:
    """The live screen of a meeting: its members, and staff."""
    return can_view_meeting(user, meeting)


def can_chair(user: Any, meeting: Meeting) -> bool:
    """The chair screen (attendance, quorum, polls): the DG, the secretariat and the president
    when sitting on the organ."""
    return is_staff(user) or (is_councillor(user) and user.is_president
                              and can_view_meeting(user, meeting))


def can_record_attendance(user: Any, meeting: Meeting) -> bool:
    """Attendance is recorded by the DG or the secretariat."""
    return is_staff(user)


def can_run_vote(user: Any, meeting: Meeting) -> bool:
    """Opening and closing polls, and recording a show of hands: the president (sitting on
    the organ), or the DG on the president's behalf."""
    return _role(user) is Role.dg or (is_councillor(user) and user.is_president
                                      and can_view_meeting(user, meeting))


def can_run_sitting(user: Any, meeting: Meeting) -> bool:
    """Opening and closing the sitting and taking its items in turn: the president (sitting
    on the organ) or the DG, never the secretariat nor another councillor."""
    return can_run_vote(user, meeting)


def can_take_roll_call(user: Any, meeting: Meeting) -> bool:
    """The roll call's "all present": whoever records attendance, or whoever runs the
    sitting."""
    return can_record_attendance(user, meeting) or can_run_sitting(user, meeting)


def can_run_vote_on(user: Any, item: AgendaItem) -> bool:
    """Running the vote on an item: ``can_run_vote`` for its meeting, unless withdrawn from it."""
    return can_run_vote(user, item.meeting) and not is_withdrawn_from(user, item)


def can_record_withdrawal(user: Any, item: AgendaItem) -> bool:
    """Recording a member's withdrawal for them, from the chair: the DG or the secretariat."""
    return is_staff(user)


def can_enter_candidates(user: Any, item: AgendaItem) -> bool:
    """Entering the candidates and seats of a designation: the DG or the secretariat, while
    the agenda can change (the service refuses once the ballot is open)."""
    return can_edit_agenda(user, item.meeting)


def can_withdraw(user: Any, item: AgendaItem) -> bool:
    """A member withdraws from an item themselves, from their own screen."""
    return is_councillor(user) and can_declare_withdrawal(user, item, user.member_id)


def can_declare_withdrawal(user: Any, item: AgendaItem, member_id: int) -> bool:
    """A member declares their own withdrawal from an item; the DG or the secretariat may
    record it for them."""
    if can_record_withdrawal(user, item):
        return True
    return (is_councillor(user) and user.member_id == member_id
            and can_view_meeting(user, item.meeting))


def can_vote(user: Any, item: AgendaItem) -> bool:
    """Voting from one's own screen: a member of the organ who did not withdraw from the item
    (presence in the room is checked when the ballot is cast)."""
    return (is_councillor(user) and can_view_meeting(user, item.meeting)
            and not is_withdrawn_from(user, item))


def can_manage_meetings(user: Any) -> bool:
    """The staff pages that build agendas, schedule reports and review them: the DG and the
    secretariat."""
    return is_staff(user)


def can_manage_meeting(user: Any, meeting: Meeting) -> bool:
    return can_manage_meetings(user)


def can_create_meeting(user: Any) -> bool:
    """The DG and the secretariat prepare meetings."""
    return is_staff(user)


def can_edit_agenda(user: Any, meeting: Meeting) -> bool:
    """Adding, editing and reordering items, and editing draft decisions: staff, until the
    meeting is closed (or cancelled)."""
    return can_manage_meeting(user, meeting) and meeting.status not in (
        MeetingStatus.closed, MeetingStatus.cancelled)


def can_remove_item(user: Any, item: AgendaItem) -> bool:
    """An item leaves the agenda only before the members are convened."""
    return can_edit_agenda(user, item.meeting) and item.meeting.status is MeetingStatus.draft


def can_convene(user: Any, meeting: Meeting) -> bool:
    """Sending (or sending again) the convocations: staff, before the meeting starts."""
    return can_manage_meeting(user, meeting) and meeting.status in (
        MeetingStatus.draft, MeetingStatus.convened)


def can_view_meetings(user: Any) -> bool:
    """Whether the user has a meetings page at all (staff and councillors)."""
    return is_staff(user) or is_councillor(user)


def visible_meetings_clause(user: Any) -> ColumnElement[bool]:
    """SQL condition on ``Meeting`` equivalent to ``can_view_meeting``."""
    if is_staff(user):
        return true()
    if not is_councillor(user):
        return false()
    meeting_day = func.date(Meeting.starts_at)  # UTC date, as in can_view_meeting
    return exists(
        select(OrganMembership.id).where(
            OrganMembership.organ_id == Meeting.organ_id,
            OrganMembership.member_id == user.member_id,
            OrganMembership.start_on <= meeting_day,
            or_(OrganMembership.end_on.is_(None), OrganMembership.end_on >= meeting_day),
        )
    )




def can_view_minutes(user: Any, meeting: Meeting) -> bool:
    """A meeting's minutes, draft or signed, and their copies: the DG, the secretariat and the
    members of its organ (who approve them at the next meeting); never the IT administrator
    nor social workers."""
    return can_view_meeting(user, meeting)


def can_edit_minutes(user: Any, meeting: Meeting) -> bool:
    """Drafting the minutes, and correcting them after approval: the DG and the secretariat."""
    return is_staff(user)


def can_record_minutes_approval(user: Any, item: AgendaItem) -> bool:
    """Recording the organ's decision on the approval of the previous minutes (the first item
    of its next meeting: without observation, with its observations, or the vote's result):
    whoever chairs the vote at the sitting, the president or the DG (issue 15); never the
    secretariat alone, which would approve the minutes without the organ."""
    return can_run_vote_on(user, item)


def can_revise_decision(user: Any, item: AgendaItem) -> bool:
    """Correcting a decision already taken, by a decision revision with its reason (issue 15):
    the DG, who answers for the minutes (the service takes only decided items)."""
    return _role(user) is Role.dg
