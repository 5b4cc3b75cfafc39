"""The one access policy. Views, templates and the API ask it; anything not granted is denied.

Each function takes the acting user (possibly anonymous) and the object, and answers a bool.
``visible_meetings_clause`` gives the same answer as ``can_view_meeting`` as an SQL condition,
so that lists are filtered in the database rather than item by item.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, exists, false, func, or_, select, true

from council.models import AgendaItem, Meeting, OrganMembership, Role, User

STAFF = frozenset({Role.dg, Role.secretariat})


def _role(user: Any) -> Role | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.role if isinstance(user, User) else None


def is_staff(user: Any) -> bool:
    return _role(user) in STAFF


def is_councillor(user: Any) -> bool:
    return _role(user) is Role.councillor and user.member_id is not None


def can_manage_accounts(user: Any) -> bool:
    """The IT administrator manages accounts, and sees no meeting or file content."""
    return _role(user) is Role.admin


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


def can_view_item(user: Any, item: AgendaItem) -> bool:
    """Reading an item's report and draft decision: whoever may see its meeting."""
    return can_view_meeting(user, item.meeting)


def can_manage_meeting(user: Any, meeting: Meeting) -> bool:
    return is_staff(user)


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
