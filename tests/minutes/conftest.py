"""Fixtures of the minutes' tests: the demo CSSS meeting held and closed, and a later CSSS
meeting in progress whose first item approves the minutes."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session
from support import add_next_meeting, user_named

from council.demo.scenario import HeldMeeting, hold_meeting
from council.models import (
    Meeting,
    Minutes,
)
from minutes import service as minutes_service


@dataclass
class Held:
    meeting: Meeting
    record: HeldMeeting
    next_meeting: Meeting


@pytest.fixture
def held(session: Session, demo) -> Held:
    meeting = session.get(Meeting, demo.csss_meeting_id)
    record = hold_meeting(session, meeting, recorder=user_named(session, "secretariat"))
    return Held(meeting=meeting, record=record, next_meeting=add_next_meeting(session, meeting))


@pytest.fixture
def draft(session: Session, held: Held) -> Minutes:
    return minutes_service.start_draft(session, held.meeting, actor=user_named(session, "dg"))
