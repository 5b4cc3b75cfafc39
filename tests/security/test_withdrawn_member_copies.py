"""Withdrawn members stay out (issue 14, item 4).

Observed: a member who withdrew from an item (403 on the item, its API and its ballot) still
read the item's full deliberation in the minutes PDF. Now their copy of the minutes keeps, of
that item, its number, its title and that they withdrew; the other members' copies are
unchanged. Replayed on the draft and on the approved document, through the API."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from flask.testing import FlaskClient
from pdfminer.high_level import extract_text
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS, add_next_meeting, approve_minutes, user_named

from council.demo.scenario import hold_meeting
from council.models import AgendaItem, AuditEntry, Meeting, Minutes, User
from minutes import service as minutes_service

#: the minutes are written in the centre's language (French in the demo)
WITHDREW = "sa délibération ne figure pas dans votre exemplaire"


def _text(pdf: bytes) -> str:
    return " ".join(extract_text(BytesIO(pdf)).split())


@pytest.fixture
def held(session: Session, demo: Any) -> tuple[Meeting, AgendaItem, User]:
    """The demo CSSS meeting held, with a member withdrawn from its first aid item, and its
    draft minutes; the withdrawn member's account reads English."""
    meeting = session.get(Meeting, demo.csss_meeting_id)
    record = hold_meeting(session, meeting, recorder=user_named(session, "secretariat"))
    assert record.withdrawal is not None
    member_id, item_id = record.withdrawal
    minutes_service.start_draft(session, meeting, actor=user_named(session, "dg"))
    withdrawn = session.scalars(select(User).where(User.member_id == member_id)).one()
    return meeting, session.get(AgendaItem, item_id), withdrawn


def _copy(client: FlaskClient, meeting: Meeting, user: User) -> bytes:
    token = client.post("/api/v1/token", json={"username": user.username,
                                               "password": PASSWORDS[user.username]})
    response = client.get(f"/api/v1/meetings/{meeting.id}/minutes.pdf",
                          headers={"Authorization": f"Bearer {token.json['token']}",
                                   "Accept-Language": "en"})
    assert response.status_code == 200, response.json
    return response.data


def _minutes(session: Session, meeting: Meeting) -> Minutes:
    return session.scalars(select(Minutes).where(Minutes.meeting_id == meeting.id)).one()


def _deliberation(session: Session, meeting: Meeting, item: AgendaItem) -> list[str]:
    """The item's own paragraphs as the minutes print them for everybody else (not those every
    draft decision shares, "Vu la loi organique…")."""
    minutes = _minutes(session, meeting)
    document = minutes_service.build_document(session, minutes, minutes.latest_revision)
    section = next(s for s in document.items if s.id == item.id)
    elsewhere = {p for s in document.items if s.id != item.id for p in s.paragraphs}
    return [p for p in section.paragraphs if len(p) > 30 and p not in elsewhere]


def test_a_withdrawn_members_copy_leaves_out_the_deliberation(
        client: FlaskClient, session: Session, held: tuple[Meeting, AgendaItem, User]) -> None:
    meeting, item, withdrawn = held
    paragraphs = _deliberation(session, meeting, item)
    assert paragraphs, "the item has a deliberation to leave out"
    others = _text(_copy(client, meeting, user_named(session, "president")))
    assert all(" ".join(p.split()) in others for p in paragraphs)

    mine = _text(_copy(client, meeting, withdrawn))
    assert WITHDREW in mine
    assert item.title.split()[0] in mine
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) not in mine
    entry = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "minutes_copy_without_withdrawn_items")).one()
    assert entry.actor_id == withdrawn.id and entry.details["items"] == [item.id]


def test_the_same_holds_for_the_approved_document(
        client: FlaskClient, session: Session, held: tuple[Meeting, AgendaItem, User]) -> None:
    meeting, item, withdrawn = held
    paragraphs = _deliberation(session, meeting, item)
    approve_minutes(session, add_next_meeting(session, meeting))
    mine = _text(_copy(client, meeting, withdrawn))
    assert WITHDREW in mine
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) not in mine

