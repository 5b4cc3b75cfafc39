"""Reading meetings as a given user sees them, and the loaders of meetings and items: each
fetches its object and asks ``council.permissions``, for the pages and the API alike, and
refuses with ``Denied`` (403) or ``NotFound`` (404: existence itself is confidential)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask_babel import gettext
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from council import permissions
from council.clock import CENTRE_TIMEZONE
from council.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    Member,
    Organ,
    OrganKind,
    OrganMembership,
)
from council.models.base import utcnow
from council.refusals import Denied, NotFound, Refusal
from council.services import audit


def require_meetings_access(user: Any) -> None:
    """``Denied`` for roles without meetings (the IT administrator, social workers)."""
    if not permissions.can_view_meetings(user):
        raise Denied(gettext("You do not have access to meetings."))


@dataclass(frozen=True)
class MeetingFilter:
    """What the list of meetings shows: of one kind of organ, one year (in Belgium), one
    state; none of them: every meeting."""

    organ_kind: OrganKind | None = None
    year: int | None = None
    status: MeetingStatus | None = None


def visible_meetings(session: Session, user: Any,
                     filters: MeetingFilter | None = None) -> list[Meeting]:
    """Every meeting the user may see that the filters select, newest first, in one query."""
    filters = filters or MeetingFilter()
    query = (select(Meeting).join(Organ, Organ.id == Meeting.organ_id)
             .where(permissions.visible_meetings_clause(user))
             .options(selectinload(Meeting.organ))
             .order_by(Meeting.starts_at.desc()))
    if filters.organ_kind is not None:
        query = query.where(Organ.kind == filters.organ_kind)
    if filters.status is not None:
        query = query.where(Meeting.status == filters.status)
    if filters.year is not None:
        start = datetime(filters.year, 1, 1, tzinfo=CENTRE_TIMEZONE)
        query = query.where(Meeting.starts_at >= start,
                            Meeting.starts_at < start.replace(year=filters.year + 1))
    return list(session.scalars(query))


def meeting_years(session: Session, user: Any) -> list[int]:
    """The years of the meetings the user may see, newest first (the filter's choices)."""
    first, last = session.execute(
        select(func.min(Meeting.starts_at), func.max(Meeting.starts_at))
        .where(permissions.visible_meetings_clause(user))).one()
    if first is None or last is None:
        return []
    return list(range(last.astimezone(CENTRE_TIMEZONE).year,
                      first.astimezone(CENTRE_TIMEZONE).year - 1, -1))


def upcoming_meetings(session: Session, user: Any) -> list[Meeting]:
    since = utcnow() - timedelta(days=1)
    return list(
        session.scalars(
            select(Meeting)
            .where(
                permissions.visible_meetings_clause(user),
                Meeting.starts_at >= since,
                Meeting.status != MeetingStatus.cancelled,
            )
            .options(selectinload(Meeting.organ))
            .order_by(Meeting.starts_at)
        )
    )


def meeting_for(session: Session, user: Any, meeting_id: int) -> Meeting | None:
    """The meeting with its items and members, or None when it does not exist or is not
    visible to the user (existence itself is confidential)."""
    meeting = session.scalar(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.items).selectinload(AgendaItem.meeting),
            selectinload(Meeting.organ)
            .selectinload(Organ.memberships)
            .selectinload(OrganMembership.member)
            .selectinload(Member.group),
        )
    )
    if meeting is None or not permissions.can_view_meeting(user, meeting):
        return None
    return meeting


def viewed_meeting(session: Session, user: Any, meeting_id: int) -> Meeting:
    """The loader of a meeting to read (its page, the API): ``Denied`` for roles without
    meetings, ``NotFound`` for a meeting the user may not see."""
    require_meetings_access(user)
    meeting = meeting_for(session, user, meeting_id)
    if meeting is None:
        raise NotFound(gettext("No such meeting."))
    return meeting


def managed_meeting(session: Session, user: Any, meeting_id: int) -> Meeting:
    """The loader of a meeting for the staff's pages (the agenda builder, the reports to
    schedule): ``Denied`` for other roles, ``NotFound`` for a meeting that does not exist."""
    if not permissions.can_manage_meetings(user):
        raise Denied()
    meeting = meeting_for(session, user, meeting_id)
    if meeting is None or not permissions.can_manage_meeting(user, meeting):
        raise NotFound()
    return meeting


def item_of(meeting: Meeting, item_id: int) -> AgendaItem:
    """An item of a meeting a loader gave (``NotFound`` if not one of its own)."""
    item = next((i for i in meeting.items if i.id == item_id), None)
    if item is None:
        raise NotFound(gettext("No such item."))
    return item


def sitting_members(meeting: Meeting) -> list[OrganMembership]:
    """Memberships of the organ current on the meeting's day, the president first."""
    day = meeting.starts_at.date()
    current = [m for m in meeting.organ.memberships if m.is_current(day)]
    return sorted(current, key=lambda m: (not m.member.is_president, m.member.last_name))


class WithdrawnFromItem(Refusal):
    """A member who withdrew from an item (conflict of interest) may not read it; they know
    it exists, so the answer is 403 rather than 404 (web page or API error alike)."""

    code = "withdrawn"
    status = 403

    def __init__(self) -> None:
        super().__init__(gettext("You withdrew from this item: you may not read it or vote on "
                                 "it."))


def item_for(session: Session, user: Any, item_id: int) -> AgendaItem | None:
    """The item if the user may read it (None otherwise, as if it did not exist). Reading a
    closed-session item is written to the audit log. A member who withdrew from the item gets
    ``WithdrawnFromItem`` (403)."""
    item = session.scalar(
        select(AgendaItem)
        .where(AgendaItem.id == item_id)
        .options(
            selectinload(AgendaItem.meeting)
            .selectinload(Meeting.organ)
            .selectinload(Organ.memberships)
        )
    )
    if item is None or not permissions.can_view_item(user, item):
        if item is not None and permissions.is_withdrawn_from(user, item) \
                and permissions.can_view_meeting(user, item.meeting):
            raise WithdrawnFromItem()
        return None
    if item.is_closed_session:
        audit.record(session, "item_read", actor=user, object_type="agenda_item",
                     object_id=item.id)
        session.commit()
    return item


def viewed_item(session: Session, user: Any, item_id: int, *,
                meeting_id: int | None = None) -> AgendaItem:
    """The loader of an item to read (its page, the API; ``item_for`` audits the reading):
    ``Denied`` for roles without meetings, ``WithdrawnFromItem`` for a member who withdrew
    from it, ``NotFound`` for an item the user may not see or, given ``meeting_id``, one of
    another meeting."""
    require_meetings_access(user)
    item = item_for(session, user, item_id)
    if item is None or meeting_id not in (None, item.meeting_id):
        raise NotFound(gettext("No such item."))
    return item
