"""Fixtures of the minutes' tests: the demo CSSS meeting held and closed, and a later CSSS
meeting in progress whose first item approves the minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session
from support import user_named

from council.demo.scenario import HeldMeeting, hold_meeting
from council.models import (
    AgendaItem,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Minutes,
)
from minutes import service as minutes_service


@dataclass
class Held:
    meeting: Meeting
    record: HeldMeeting
    next_meeting: Meeting


def add_next_meeting(session: Session, meeting: Meeting,
                     status: MeetingStatus = MeetingStatus.in_progress) -> Meeting:
    later = Meeting(organ_id=meeting.organ_id, starts_at=meeting.starts_at + timedelta(days=14),
                    place=meeting.place, status=status)
    session.add(later)
    session.add(AgendaItem(meeting=later, number=1, kind=ItemKind.minutes_approval,
                           title="Approbation du procès-verbal de la séance précédente",
                           is_closed_session=True, status=ItemStatus.ready))
    session.commit()
    return later


@pytest.fixture
def held(session: Session, demo) -> Held:
    meeting = session.get(Meeting, demo.csss_meeting_id)
    record = hold_meeting(session, meeting, recorder=user_named(session, "secretariat"))
    return Held(meeting=meeting, record=record, next_meeting=add_next_meeting(session, meeting))


@pytest.fixture
def draft(session: Session, held: Held) -> Minutes:
    return minutes_service.start_draft(session, held.meeting, actor=user_named(session, "dg"))
