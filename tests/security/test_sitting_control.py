"""Who controls the sitting (issue 15, item 1): what an insider could try against the sitting's
state machine. A councillor opening or closing a sitting, the secretariat forging a vote or an
attendance outside the sitting, a poll opened before the sitting through the API, a ballot
slipped into a poll left open after the sitting: each is refused and leaves nothing stored."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import user_named

from agenda import sitting as live
from council.models import AttendanceRecord, Meeting, MeetingStatus, OpenBallot, Poll
from council.rules.attendance import Presence


def _status(session: Session, meeting_id: int) -> MeetingStatus:
    session.expire_all()
    return session.get(Meeting, meeting_id).status


@pytest.mark.parametrize("username", ["councillor1", "secretariat"])
def test_a_councillor_or_the_secretariat_cannot_open_a_sitting(
        client: FlaskClient, auth: Any, api_token: Any, demo: Any, session: Session,
        username: str) -> None:
    api = client.post(f"/api/v1/meetings/{demo.csss_meeting_id}/open", json={},
                      headers=api_token(username))
    assert api.status_code == 403
    auth.login(username)
    web = client.post(f"/meetings/{demo.csss_meeting_id}/chair/open", data={"all_present": "1"})
    assert web.status_code == 403
    assert _status(session, demo.csss_meeting_id) is MeetingStatus.convened
    assert session.scalar(select(func.count()).select_from(AttendanceRecord).where(
        AttendanceRecord.meeting_id == demo.csss_meeting_id)) == 0


def test_a_councillor_cannot_close_nor_move_the_sitting(
        client: FlaskClient, auth: Any, api_token: Any, demo: Any, session: Session) -> None:
    live.open_sitting(session, session.get(Meeting, demo.csss_meeting_id),
                      actor=user_named(session, "president"))
    headers = api_token("councillor1")
    base = f"/api/v1/meetings/{demo.csss_meeting_id}"
    assert client.post(f"{base}/close", headers=headers).status_code == 403
    assert client.post(f"{base}/next-item", headers=headers).status_code == 403
    assert client.post(f"{base}/roll-call", headers=headers).status_code == 403
    auth.login("councillor1")
    assert client.post(f"/meetings/{demo.csss_meeting_id}/chair/close").status_code == 403
    assert _status(session, demo.csss_meeting_id) is MeetingStatus.in_progress


def test_a_member_of_another_organ_learns_nothing(client: FlaskClient, api_token: Any,
                                                  demo: Any) -> None:
    response = client.post(f"/api/v1/meetings/{demo.csss_meeting_id}/open", json={},
                           headers=api_token("councillor5"))
    assert response.status_code == 404


def test_no_poll_opened_through_the_api_before_the_sitting(
        client: FlaskClient, api_token: Any, demo: Any, session: Session) -> None:
    """Even with every member recorded present (written by hand, as if the check on
    attendance were bypassed), the vote is not opened until the sitting is."""
    meeting = session.get(Meeting, demo.csss_meeting_id)
    dg = user_named(session, "dg")
    session.add_all([AttendanceRecord(meeting_id=meeting.id, member_id=m.member_id,
                                      status=Presence.present, recorded_by_id=dg.id)
                     for m in live.sitting(meeting)])
    session.commit()
    for username in ("president", "dg"):
        response = client.post(f"/api/v1/items/{demo.csss_item_id}/poll", json={},
                               headers=api_token(username))
        assert response.status_code == 409
        assert response.json["error"] == "sitting_not_open"
    assert session.scalar(select(Poll).where(Poll.item_id == demo.csss_item_id)) is None


def test_the_secretariat_cannot_record_attendance_before_the_sitting(
        client: FlaskClient, api_token: Any, demo: Any, session: Session) -> None:
    member = user_named(session, "councillor1").member_id
    response = client.post(f"/api/v1/meetings/{demo.csss_meeting_id}/attendance",
                           json={"member_id": member, "status": "present"},
                           headers=api_token("secretariat"))
    assert response.status_code == 409 and response.json["error"] == "sitting_not_open"
    assert _status(session, demo.csss_meeting_id) is MeetingStatus.convened


def test_no_vote_forged_after_the_sitting_on_a_poll_left_open(
        client: FlaskClient, auth: Any, api_token: Any, demo: Any, session: Session) -> None:
    """A poll row left open while its meeting is closed (an edit in the database): neither a
    member's ballot nor a show of hands recorded by the DG goes in."""
    meeting = session.get(Meeting, demo.csss_meeting_id)
    live.open_sitting(session, meeting, actor=user_named(session, "dg"), all_present=True)
    item = next(i for i in meeting.items if i.id == demo.csss_item_id)
    live.open_poll(session, item, actor=user_named(session, "president"))
    meeting.status = MeetingStatus.closed
    session.commit()
    ballot = client.post(f"/api/v1/items/{item.id}/ballot", json={"choice": "yes"},
                         headers=api_token("councillor1"))
    assert ballot.status_code == 409 and ballot.json["error"] == "sitting_closed"
    auth.login("dg")
    client.post(f"/meetings/{meeting.id}/chair/items/{item.id}/hands",
                data={"member_id": user_named(session, "councillor2").member_id,
                      "choice": "no"})
    assert session.scalar(select(func.count()).select_from(OpenBallot).join(Poll).where(
        Poll.item_id == item.id)) == 0


def test_the_secretariat_cannot_record_a_show_of_hands(
        client: FlaskClient, auth: Any, demo: Any, session: Session) -> None:
    meeting = session.get(Meeting, demo.csss_meeting_id)
    live.open_sitting(session, meeting, actor=user_named(session, "dg"), all_present=True)
    item = next(i for i in meeting.items if i.id == demo.csss_item_id)
    live.open_poll(session, item, actor=user_named(session, "president"))
    auth.login("secretariat")
    response = client.post(f"/meetings/{meeting.id}/chair/items/{item.id}/hands",
                           data={"member_id": user_named(session, "councillor2").member_id,
                                 "choice": "no"})
    assert response.status_code == 403
    assert session.scalar(select(func.count()).select_from(OpenBallot).join(Poll).where(
        Poll.item_id == item.id)) == 0
