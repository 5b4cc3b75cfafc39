"""The access policy: the per-object answer and the SQL filter always agree."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import DEMO_TODAY

from agenda.meetings.queries import visible_meetings
from council import permissions
from council.models import Meeting, OrganKind, OrganMembership, User


def test_object_check_and_sql_filter_agree_for_every_user(session: Session) -> None:
    meetings = session.scalars(select(Meeting)).all()
    for user in [*session.scalars(select(User)), AnonymousUserMixin()]:
        listed = {m.id for m in visible_meetings(session, user)}
        allowed = {m.id for m in meetings if permissions.can_view_meeting(user, m)}
        assert listed == allowed, getattr(user, "username", "anonymous")


@pytest.mark.parametrize(("start", "end", "visible"), [
    (date(2025, 1, 1), None, True),
    (date(2025, 1, 1), DEMO_TODAY - timedelta(days=6), False),  # left before the meeting
    (date(2027, 1, 1), None, False),  # joins after the meeting
])
def test_membership_must_cover_the_meeting_day(session: Session, start: date,
                                               end: date | None, visible: bool) -> None:
    csss = session.scalar(select(Meeting).join(Meeting.organ).where(
        Meeting.organ.has(kind=OrganKind.csss)))
    user = session.scalar(select(User).where(User.username == "councillor2"))
    membership = session.scalar(select(OrganMembership).where(
        OrganMembership.organ_id == csss.organ_id, OrganMembership.member_id == user.member_id))
    membership.start_on, membership.end_on = start, end
    session.commit()
    assert permissions.can_view_meeting(user, csss) is visible
    assert (csss in visible_meetings(session, user)) is visible


def test_a_councillor_account_without_member_sees_nothing(session: Session) -> None:
    user = session.scalar(select(User).where(User.username == "councillor3"))
    user.member_id = None
    session.commit()
    assert not permissions.can_view_meetings(user)
    assert visible_meetings(session, user) == []


def test_admin_has_accounts_and_nothing_else(session: Session) -> None:
    admin = session.scalar(select(User).where(User.username == "admin"))
    assert permissions.can_manage_accounts(admin)
    assert not permissions.can_view_meetings(admin)
    assert not permissions.can_view_composition(admin)
    assert not any(permissions.can_view_meeting(admin, m) for m in session.scalars(select(Meeting)))
