"""Convening in time: 5 or 7 jours francs, and urgency with its reason (DOMAIN.md, Meetings).

The meeting is on Thursday 20 November 2025 at 18:00: with 5 jours francs the convocation
leaves by Friday 14 November; with 7 (a budget on the agenda) by Wednesday 12 November.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import expect_refusal

from agenda.meetings import convocation
from council.models import (
    AgendaItem,
    AuditEntry,
    Convocation,
    ItemKind,
    Meeting,
    MeetingStatus,
    Organ,
    OrganKind,
    User,
)

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture
def dg(session: Session) -> User:
    return session.scalar(select(User).where(User.username == "dg"))


def thursday_meeting(session: Session, *kinds: ItemKind) -> Meeting:
    """A bureau meeting on Thursday 20 November 2025, 18:00, with items of these kinds."""
    organ = session.scalar(select(Organ).where(Organ.kind == OrganKind.bureau))
    meeting = Meeting(organ=organ, place="Salle du conseil",
                      starts_at=datetime(2025, 11, 20, 18, 0, tzinfo=BRUSSELS))
    session.add(meeting)
    for number, kind in enumerate((ItemKind.minutes_approval, *kinds), start=1):
        session.add(AgendaItem(meeting=meeting, number=number, kind=kind,
                               title=f"Point {number}"))
    session.commit()
    return meeting


def _rows(session: Session, meeting: Meeting) -> int:
    return session.scalar(select(func.count(Convocation.id))
                          .where(Convocation.meeting_id == meeting.id))


@pytest.mark.parametrize(("kinds", "days", "latest"), [
    ((ItemKind.general,), 5, date(2025, 11, 14)),
    ((ItemKind.personnel, ItemKind.ratification), 5, date(2025, 11, 14)),
    ((ItemKind.general, ItemKind.budget), 7, date(2025, 11, 12)),
    ((ItemKind.budget_amendment,), 7, date(2025, 11, 12)),
    ((ItemKind.accounts,), 7, date(2025, 11, 12)),
    ((ItemKind.policy_note,), 7, date(2025, 11, 12)),
    ((ItemKind.annual_report,), 7, date(2025, 11, 12)),
])
def test_the_legal_deadline_follows_the_agenda(session: Session, kinds: tuple[ItemKind, ...],
                                               days: int, latest: date) -> None:
    deadline = convocation.legal_deadline(thursday_meeting(session, *kinds))
    assert (deadline.clear_days, deadline.latest_sending_date) == (days, latest)


@pytest.mark.parametrize(("kinds", "sent_on"), [
    ((ItemKind.general,), date(2025, 11, 14)),
    ((ItemKind.general,), date(2025, 11, 3)),
    ((ItemKind.budget,), date(2025, 11, 12)),
])
def test_a_convocation_in_time_is_sent(session: Session, dg: User, kinds: tuple[ItemKind, ...],
                                       sent_on: date) -> None:
    meeting = thursday_meeting(session, *kinds)
    rows = convocation.convene(session, meeting, actor=dg, sent_on=sent_on)
    assert len(rows) == 3  # the bureau: president, councillor1, councillor5
    assert meeting.status is MeetingStatus.convened
    assert meeting.convened_at is not None
    assert meeting.urgency_reason is None


@pytest.mark.parametrize(("kinds", "sent_on", "latest"), [
    ((ItemKind.general,), date(2025, 11, 15), date(2025, 11, 14)),
    ((ItemKind.budget,), date(2025, 11, 13), date(2025, 11, 12)),
    ((ItemKind.budget,), date(2025, 11, 14), date(2025, 11, 12)),
])
def test_a_late_convocation_is_refused_with_the_latest_date(
        session: Session, dg: User, kinds: tuple[ItemKind, ...], sent_on: date,
        latest: date) -> None:
    meeting = thursday_meeting(session, *kinds)
    with pytest.raises(convocation.ConvocationError) as refused:
        convocation.convene(session, meeting, actor=dg, sent_on=sent_on, urgency_reason="  ")
    session.rollback()
    assert refused.value.code == "late"
    assert refused.value.params["latest"] == latest
    assert _rows(session, meeting) == 0
    session.expire_all()
    assert session.get(Meeting, meeting.id).status is MeetingStatus.draft


def test_urgency_with_its_reason_allows_a_late_convocation(session: Session, dg: User) -> None:
    meeting = thursday_meeting(session, ItemKind.budget)
    rows = convocation.convene(session, meeting, actor=dg, sent_on=date(2025, 11, 18),
                               urgency_reason="Tutelle : budget à transmettre avant le 25")
    assert len(rows) == 3
    assert meeting.urgency_reason == "Tutelle : budget à transmettre avant le 25"
    entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
    assert entry.action == "meeting_convened"
    assert entry.details["urgency"] is True
    assert entry.details["clear_days_given"] == 1
    assert "Tutelle" not in str(entry.details)


def test_the_meeting_day_itself_is_too_late_and_after_it_refused(session: Session,
                                                                 dg: User) -> None:
    meeting = thursday_meeting(session, ItemKind.general)
    with expect_refusal(convocation.ConvocationError, "meeting_past"):
        convocation.convene(session, meeting, actor=dg, sent_on=date(2025, 11, 21),
                            urgency_reason="Trop tard")
    session.rollback()
    convocation.convene(session, meeting, actor=dg, sent_on=date(2025, 11, 20),
                        urgency_reason="Séance extraordinaire")
    assert meeting.status is MeetingStatus.convened


@pytest.mark.parametrize("status", [MeetingStatus.in_progress, MeetingStatus.closed,
                                    MeetingStatus.cancelled])
def test_only_meetings_in_preparation_or_convened_are_convened(session: Session, dg: User,
                                                               status: MeetingStatus) -> None:
    meeting = thursday_meeting(session, ItemKind.general)
    meeting.status = status
    session.commit()
    with expect_refusal(convocation.ConvocationError, "not_convenable"):
        convocation.convene(session, meeting, actor=dg, sent_on=date(2025, 11, 3))
