"""The minutes' rows of the home page's work queue (``council.worklist``): minutes to draft, to
have approved and to sign, decisions to notify by their 8-day deadline (LO art. 62bis),
secrecy requests waiting for the DG. Each asks ``council.permissions`` what the user may
see; a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from datetime import date, datetime

from flask import url_for
from flask_babel import format_date, gettext
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from agenda.worklist import meeting_name
from council import permissions
from council.clock import CENTRE_TIMEZONE
from council.labels import title
from council.models import (
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    RequestStatus,
    SecrecyRequest,
    SignedDocument,
    User,
)
from council.models.base import utcnow
from council.worklist import Task, TaskKind
from minutes.notifications.service import awaiting_notification


def minutes_tasks(session: Session, user: User, today: date) -> list[Task]:
    tasks: list[Task] = []
    if permissions.can_manage_meetings(user):
        tasks += _minutes(session, user)
    if permissions.can_view_notifications(user):
        tasks += [Task(TaskKind.notification,
                       gettext("Item %(number)d: %(title)s — %(meeting)s",
                               number=p.decision.item.number, title=p.decision.item.title,
                               meeting=meeting_name(p.decision.item.meeting)),
                       url_for("notifications.decision", item_id=p.decision.item.id),
                       p.due.deadline, since=p.decision.decided_on)
                  for p in awaiting_notification(session, actor=user, today=today)]
    if permissions.can_view_secrecy_register(user):
        tasks += _secrecy_requests(session, user)
    return tasks


def _minutes(session: Session, user: User) -> list[Task]:
    closed = list(session.scalars(
        select(Meeting)
        .where(Meeting.status == MeetingStatus.closed, permissions.visible_meetings_clause(user))
        .options(selectinload(Meeting.organ))))
    if not closed:
        return []
    minutes = session.scalars(
        select(Minutes).where(Minutes.meeting_id.in_([m.id for m in closed]),
                              Minutes.status != MinutesStatus.signed)
        .options(selectinload(Minutes.document).selectinload(SignedDocument.signatures))).all()
    started = set(session.scalars(select(Minutes.meeting_id).where(
        Minutes.meeting_id.in_([m.id for m in closed]))))
    # the minutes are approved at the organ's next meeting: its day is their deadline
    next_meeting = dict(session.execute(
        select(Meeting.organ_id, func.min(Meeting.starts_at))
        .where(Meeting.status.in_((MeetingStatus.draft, MeetingStatus.convened)),
               Meeting.starts_at >= utcnow())
        .group_by(Meeting.organ_id)).all())
    by_id = {m.id: m for m in closed}
    tasks = [Task(TaskKind.minutes, meeting_name(m),
                  url_for("minutes.overview", meeting_id=m.id),
                  _day(next_meeting.get(m.organ_id)), since=m.day)
             for m in closed if m.id not in started]
    for row in minutes:
        meeting = by_id[row.meeting_id]
        name = f"{meeting_name(meeting)} ({title(row.part)})"
        if row.status is MinutesStatus.draft:
            tasks.append(Task(TaskKind.approval, name,
                              url_for("minutes.overview", meeting_id=meeting.id),
                              _day(next_meeting.get(meeting.organ_id)), since=meeting.day))
        elif row.document is not None and row.document.sealed_at is None:
            tasks.append(Task(TaskKind.signature, name,
                              _signing_url(user, meeting, row.document), since=meeting.day))
    return tasks


def _signing_url(user: User, meeting: Meeting, document: SignedDocument) -> str:
    """The signing page for a signer the document still waits for; the minutes otherwise."""
    capacity = permissions.signing_capacity(user, meeting)
    if capacity is not None and capacity.value in document.required_capacities and not any(
            s.capacity is capacity for s in document.signatures):
        return url_for("signatures.sign", document_id=document.id)
    return url_for("minutes.overview", meeting_id=meeting.id)


def _day(moment: datetime | None) -> date | None:
    return None if moment is None else moment.astimezone(CENTRE_TIMEZONE).date()


def _secrecy_requests(session: Session, user: User) -> list[Task]:
    requests = session.scalars(
        select(SecrecyRequest)
        .where(SecrecyRequest.status == RequestStatus.pending,
               permissions.visible_secrecy_requests_clause(user))
        .order_by(SecrecyRequest.received_at))
    return [Task(TaskKind.secrecy,
                 gettext("%(requester)s, received on %(day)s",
                         requester=title(request.requester_kind),
                         day=format_date(request.received_at.date(), "long")),
                 url_for("secrecy.show_request", request_id=request.id),
                 since=request.received_at.date())
            for request in requests]
