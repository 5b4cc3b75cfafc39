"""The agenda's rows of the home page's work queue (``council.worklist``): reports waiting for
a meeting, pseudonymisations to review, meetings the leak guard stops, convocations to send
by their legal deadline, sittings to open today and urgent decisions to ratify. Staff only
(``permissions.can_manage_meetings``); a fixed number of queries whatever the number of rows
(the leak guard's included)."""

from __future__ import annotations

from datetime import date

from flask import url_for
from flask_babel import format_date, gettext, ngettext
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from agenda.meetings.convocation import legal_deadline
from agenda.reports.leaks import identity_leak_counts
from council import permissions
from council.labels import organ_title, title
from council.models import (
    AgendaItem,
    ItemKind,
    ItemPseudonymisation,
    ItemStatus,
    Meeting,
    MeetingStatus,
    OrganKind,
    ReportStatus,
    SocialReport,
    User,
)
from council.worklist import Task, TaskKind

#: meetings whose work is still ahead
_OPEN = (MeetingStatus.draft, MeetingStatus.convened, MeetingStatus.in_progress)
#: items still to be decided
_UNDECIDED = (ItemStatus.draft, ItemStatus.ready, ItemStatus.voting, ItemStatus.postponed)


def meeting_name(meeting: Meeting) -> str:
    """"Conseil de l'action sociale, 12 January 2027": the organ in the reader's language."""
    return gettext("%(organ)s, %(day)s", organ=organ_title(meeting.organ),
                   day=format_date(meeting.day, "long"))


def agenda_tasks(session: Session, user: User, today: date) -> list[Task]:
    if not permissions.can_manage_meetings(user):
        return []
    meetings = list(session.scalars(
        select(Meeting)
        .where(Meeting.status.in_(_OPEN), permissions.visible_meetings_clause(user))
        .options(selectinload(Meeting.organ), selectinload(Meeting.items))
        .order_by(Meeting.starts_at)))
    tasks: list[Task] = []
    deadlines = {m.id: legal_deadline(m).latest_sending_date for m in meetings
                 if m.status is MeetingStatus.draft}
    tasks += _convocations_and_sittings(user, meetings, deadlines, today)
    tasks += _ratifications(meetings)
    tasks += _reports_waiting(session, meetings, deadlines)
    tasks += _reviews(session, meetings, deadlines)
    leaks = identity_leak_counts(session, [m.id for m in meetings
                                           if m.status is MeetingStatus.draft])
    tasks += [Task(TaskKind.leak, ngettext(
        "%(meeting)s: %(num)d item names a known person",
        "%(meeting)s: %(num)d items name a known person", count, meeting=meeting_name(m)),
        url_for("agenda.meeting", meeting_id=m.id), deadlines[m.id])
        for m in meetings if (count := leaks.get(m.id, 0))]
    return tasks


def _convocations_and_sittings(user: User, meetings: list[Meeting],
                               deadlines: dict[int, date], today: date) -> list[Task]:
    tasks = []
    for meeting in meetings:
        if meeting.status is MeetingStatus.draft and meeting.day >= today:
            tasks.append(Task(TaskKind.convocation, meeting_name(meeting),
                              url_for("agenda.meeting", meeting_id=meeting.id),
                              deadlines[meeting.id]))
        elif meeting.day == today and meeting.status in (MeetingStatus.convened,
                                                         MeetingStatus.in_progress):
            url = (url_for("live.chair", meeting_id=meeting.id)
                   if permissions.can_chair(user, meeting)
                   else url_for("agenda.meeting", meeting_id=meeting.id))
            tasks.append(Task(TaskKind.sitting, meeting_name(meeting), url, today))
    return tasks


def _ratifications(meetings: list[Meeting]) -> list[Task]:
    """Urgent decisions (the president's, LO art. 28) on an agenda, not ratified yet."""
    return [Task(TaskKind.ratification,
                 gettext("Item %(number)d: %(title)s — %(meeting)s", number=item.number,
                         title=item.title, meeting=meeting_name(meeting)),
                 url_for("agenda.item", meeting_id=meeting.id, item_id=item.id), meeting.day)
            for meeting in meetings for item in meeting.items
            if item.kind is ItemKind.ratification and item.status in _UNDECIDED]


def _reports_waiting(session: Session, meetings: list[Meeting],
                     deadlines: dict[int, date]) -> list[Task]:
    """Submitted reports by organ, sent to the next meeting of that organ still open to them
    (by its convocation deadline), or to the list of meetings when none is planned."""
    waiting = session.execute(
        select(SocialReport.organ_kind, func.count(), func.min(SocialReport.submitted_at))
        .where(SocialReport.status == ReportStatus.submitted)
        .group_by(SocialReport.organ_kind)).all()
    tasks = []
    for kind, count, oldest in waiting:
        target = next((m for m in meetings if m.organ.kind is OrganKind(kind)
                       and m.id in deadlines), None)
        label = ngettext("%(num)d report waiting for %(organ)s",
                         "%(num)d reports waiting for %(organ)s", count,
                         organ=organ_title(target.organ) if target else title(OrganKind(kind)))
        tasks.append(Task(
            TaskKind.reports, label,
            url_for("reports.meeting_reports", meeting_id=target.id) if target
            else url_for("agenda.meetings"),
            deadlines[target.id] if target else None, since=oldest.date()))
    return tasks


def _reviews(session: Session, meetings: list[Meeting],
             deadlines: dict[int, date]) -> list[Task]:
    """Items built from a report whose pseudonymisation nobody approved yet: members do not
    read them and the meeting cannot be convened."""
    by_id = {m.id: m for m in meetings}
    items = session.scalars(
        select(AgendaItem).join(ItemPseudonymisation)
        .where(ItemPseudonymisation.reviewed_at.is_(None),
               AgendaItem.meeting_id.in_(by_id), AgendaItem.status.in_(_UNDECIDED))
        .order_by(AgendaItem.meeting_id, AgendaItem.number))
    return [Task(TaskKind.review,
                 gettext("Item %(number)d — %(meeting)s", number=item.number,
                         meeting=meeting_name(by_id[item.meeting_id])),
                 url_for("reports.review", meeting_id=item.meeting_id, item_id=item.id),
                 deadlines.get(item.meeting_id, by_id[item.meeting_id].day))
            for item in items]
