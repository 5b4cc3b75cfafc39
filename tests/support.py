"""Constants shared by the tests (importable thanks to ``pythonpath = tests``)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.clock import CENTRE_TIMEZONE
from council.models import (
    AgendaItem,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Organ,
    OrganKind,
    SignedDocument,
    User,
)
from council.refusals import Refusal
from minutes import service as minutes_service

PASSWORDS = {
    "dg": "demo-dg",
    "secretariat": "demo-secretariat",
    "president": "demo-president",
    "socialworker": "demo-socialworker",
    "admin": "demo-admin",
    "integration": "demo-integration",
    **{f"councillor{n}": "demo-councillor" for n in range(1, 11)},
}

#: role name → demo username; "member" sits on the demo CSSS, "non_member" does not
ROLES: dict[str, str | None] = {
    "anonymous": None,
    "admin": "admin",
    "social_worker": "socialworker",
    "secretariat": "secretariat",
    "dg": "dg",
    "president": "president",
    "member": "councillor1",
    "non_member": "councillor5",
    "integration": "integration",
}

#: (endpoint, method) -> (path builder taking the ``demo`` fixture, request body, status per role);
#: the access matrix (tests/council/test_access_matrix.py) joins the tables of every area
Routes = dict[tuple[str, str], tuple[Callable[[Any], str], dict[str, Any] | str | None,
                                     dict[str, int]]]


def expect(default: int, **overrides: int) -> dict[str, int]:
    """Expected statuses: ``default`` for every role but those named."""
    statuses = dict.fromkeys(ROLES, default)
    statuses.update(overrides)
    return statuses


#: a fixed "today" for the demo, so that meeting dates in tests do not drift
DEMO_TODAY = date(2026, 11, 16)
#: the instant the suite starts at (tests/conftest.py: the clock), a Monday morning in Belgium:
#: every "now" and "today" in the code and the tests is read from the same frozen clock
TEST_START = datetime.combine(DEMO_TODAY, time(9, 0), tzinfo=CENTRE_TIMEZONE)


def user_named(session: Session, username: str) -> User:
    return session.scalar(select(User).where(User.username == username))


def organ_of_kind(session: Session, kind: OrganKind) -> Organ:
    return session.scalar(select(Organ).where(Organ.kind == kind))


@contextmanager
def expect_refusal(kind: type[Refusal], code: str) -> Iterator[pytest.ExceptionInfo[Refusal]]:
    """Expects the block to be refused with ``kind`` for the rule ``code``."""
    with pytest.raises(kind) as caught:
        yield caught
    assert caught.value.code == code


def csss_meeting_in_preparation(session: Session, demo: Any) -> Meeting:
    """A new, empty CSSS meeting in preparation (draft), a week after the demo's."""
    template = session.get(Meeting, demo.csss_meeting_id)
    meeting = Meeting(organ_id=template.organ_id, place=template.place,
                      starts_at=template.starts_at + timedelta(days=7),
                      status=MeetingStatus.draft)
    session.add(meeting)
    session.commit()
    return meeting


def approve_minutes(session: Session, at_meeting: Meeting, *, actor: str = "dg",
                    observations: str | None = None) -> SignedDocument:
    """The organ approves the previous minutes at ``at_meeting``'s sitting, through its first
    item, as the president or the DG records it (issue 15)."""
    item = minutes_service.approval_item(session, at_meeting)
    return minutes_service.record_organ_approval(session, item, actor=user_named(session, actor),
                                         observations=observations)


def add_next_meeting(session: Session, meeting: Meeting,
                     status: MeetingStatus = MeetingStatus.in_progress) -> Meeting:
    """The organ's next meeting, two weeks later, whose first item approves the minutes."""
    later = Meeting(organ_id=meeting.organ_id, starts_at=meeting.starts_at + timedelta(days=14),
                    place=meeting.place, status=status)
    session.add(later)
    session.add(AgendaItem(meeting=later, number=1, kind=ItemKind.minutes_approval,
                           title="Approbation du procès-verbal de la séance précédente",
                           is_closed_session=True, status=ItemStatus.ready))
    session.commit()
    return later


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF, as poppler's pdftotext reads it."""
    pdftotext = shutil.which("pdftotext")  # poppler-utils, like pdfsig
    assert pdftotext is not None
    return subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True,  # noqa: S603
                          check=True).stdout.decode()
