"""The sitting as a state machine (issue 15, item 1): a convened meeting is opened by the
president or the DG on its day (Europe/Brussels), with its roll call; its items are taken in
order; it is closed, with the time. Attendance, polls and ballots are recorded only while it is
open (``agenda.sitting.service``). One use case per function, one commit each; a refusal is a
``SessionError``, ``Conflict`` (409) for a state that does not allow the step.

    convened ──open──▶ in session ──close──▶ closed
                        │  roll call, next item, attendance, polls, ballots
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from agenda.sitting.floor import attendance_records, sitting
from agenda.sitting.service import Conflict, require_open
from council.clock import centre_today
from council.models import (
    AgendaItem,
    AttendanceRecord,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Poll,
    PollStatus,
    User,
)
from council.models.base import utcnow
from council.rules.attendance import Presence
from council.services import audit

#: items the chair's "next item" skips: already dealt with, or taken off the agenda
DEALT_WITH = (ItemStatus.decided, ItemStatus.postponed, ItemStatus.withdrawn)


def _locked(session: Session, meeting: Meeting) -> Meeting:
    """The meeting row locked for the transition (``SELECT … FOR UPDATE`` on PostgreSQL), so
    that two chairs pressing at once make one transition and one refusal."""
    return session.scalar(select(Meeting).where(Meeting.id == meeting.id)
                          .with_for_update().execution_options(populate_existing=True)
                          ) or meeting


def opening_refusal(meeting: Meeting, today: date) -> Conflict | None:
    """Why ``meeting`` cannot be opened ``today`` (its day in Belgium), or None."""
    if meeting.status is MeetingStatus.in_progress:
        return Conflict("sitting_already_open", gettext("The sitting is already open."))
    if meeting.status is MeetingStatus.closed:
        return Conflict("sitting_closed", gettext("The sitting is closed."))
    if meeting.status is not MeetingStatus.convened:
        return Conflict("sitting_not_convened", gettext(
            "Only a convened meeting can be opened."))
    if meeting.day != today:
        return Conflict("not_the_meeting_day", gettext(
            "A sitting is opened on the meeting's day only (%(day)s).",
            day=meeting.day.isoformat()), day=meeting.day.isoformat())
    return None


def open_sitting(session: Session, meeting: Meeting, *, actor: User,
                 all_present: bool = False) -> Meeting:
    """Opens the sitting (who and when), takes up its first item and, with ``all_present``,
    records every member of the organ present (the roll call's one click; the exceptions
    follow, as arrivals and departures do)."""
    meeting = _locked(session, meeting)
    refusal = opening_refusal(meeting, centre_today())
    if refusal is not None:
        session.rollback()
        raise refusal
    now = utcnow()
    meeting.open(actor, now)
    first = _next_item(meeting, None)
    if first is not None:
        meeting.take_item(first, now)
    audit.record(session, "sitting_opened", actor=actor, object_type="meeting",
                 object_id=meeting.id)
    if all_present:
        _record_all_present(session, meeting, actor)
    session.commit()
    return meeting


def _record_all_present(session: Session, meeting: Meeting, actor: User) -> int:
    """Present for the whole meeting: every member of the organ not yet on the roll."""
    recorded = {r.member_id for r in attendance_records(session, meeting.id)
                if r.from_item_number is None}
    missing = [m.member_id for m in sitting(meeting) if m.member_id not in recorded]
    session.add_all([AttendanceRecord(meeting_id=meeting.id, member_id=member_id,
                                      status=Presence.present, recorded_by_id=actor.id)
                     for member_id in missing])
    session.flush()
    audit.record(session, "roll_call_all_present", actor=actor, object_type="meeting",
                 object_id=meeting.id, members=len(missing))
    return len(missing)


def roll_call_all_present(session: Session, meeting: Meeting, *, actor: User) -> int:
    """The roll call in one click: every member not yet recorded is present for the whole
    meeting; returns how many were recorded. Exceptions are recorded afterwards."""
    meeting = _locked_open(session, meeting)
    count = _record_all_present(session, meeting, actor)
    session.commit()
    return count


def _next_item(meeting: Meeting, after: AgendaItem | None) -> AgendaItem | None:
    number = after.number if after is not None else 0
    return next((i for i in meeting.items
                 if i.number > number and i.status not in DEALT_WITH), None)


def _locked_open(session: Session, meeting: Meeting, *,
                 while_voting: Callable[[], str] | None = None) -> Meeting:
    """The meeting locked, if its sitting is open and, with ``while_voting`` (the refusal's
    message), no vote of it is open; otherwise the refusal, nothing kept."""
    meeting = _locked(session, meeting)
    try:
        require_open(meeting)
        if while_voting is not None and session.scalar(select(Poll.id).where(
                Poll.meeting_id == meeting.id, Poll.status == PollStatus.open)) is not None:
            raise Conflict("poll_still_open", while_voting())
    except Conflict:
        session.rollback()
        raise
    return meeting


def take_next_item(session: Session, meeting: Meeting, *, actor: User) -> AgendaItem:
    """The chair's "next item": the first item after the current one still to deal with;
    refused while a vote is open or when none is left."""
    meeting = _locked_open(session, meeting, while_voting=lambda: gettext(
        "A vote is still open: close it before moving on."))
    following = _next_item(meeting, meeting.current_item)
    if following is None:
        session.rollback()
        raise Conflict("no_next_item", gettext(
            "No item is left on the agenda: the sitting can be closed."))
    meeting.take_item(following, utcnow())
    audit.record(session, "item_taken", actor=actor, object_type="meeting",
                 object_id=meeting.id, item_id=following.id)
    session.commit()
    return following


def close_sitting(session: Session, meeting: Meeting, *, actor: User) -> Meeting:
    """Closes the sitting (who and when); refused while a vote is open."""
    meeting = _locked_open(session, meeting, while_voting=lambda: gettext(
        "A vote is still open: close it before closing the sitting."))
    meeting.close(actor, utcnow())
    audit.record(session, "sitting_closed", actor=actor, object_type="meeting",
                 object_id=meeting.id)
    session.commit()
    return meeting
