"""Opening and closing the sitting from the chair screen and through the API: the roll call in
one click, "next item", the agenda with each item's state, the chair's choice of a secret
ballot (issue 15 item 1, issue 16 item 3)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import time_machine
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import TEST_START

from council.models import Meeting, MeetingStatus, Poll

CSSS_SIZE = 5


def _chair(meeting_id: int) -> str:
    return f"/meetings/{meeting_id}/chair"


# --- The chair screen -----------------------------------------------------------------------


def test_the_president_runs_a_whole_sitting_from_the_chair_screen(
        client: FlaskClient, auth: Any, demo: Any, session: Session) -> None:
    auth.login("president")
    auth.use_language("en")
    chair = _chair(demo.csss_meeting_id)
    page = client.get(chair).get_data(as_text=True)
    assert f'href="{chair}/open"' in page and "Open the vote" not in page
    confirm = client.get(f"{chair}/open").get_data(as_text=True)
    assert 'name="all_present"' in confirm and "checked" in confirm
    opened = client.post(f"{chair}/open", data={"all_present": "1"}, follow_redirects=True)
    page = opened.get_data(as_text=True)
    assert "The sitting is open." in page
    assert "Opened at" in page and 'id="next-item"' in page and 'id="close-sitting"' in page
    assert 'id="all-present"' not in page  # everyone is on the roll already
    assert "quorum met" in page and "under discussion" in page
    meeting = session.get(Meeting, demo.csss_meeting_id)
    session.refresh(meeting)
    assert meeting.status is MeetingStatus.in_progress
    first = meeting.current_item

    moved = client.post(f"{chair}/next", follow_redirects=True).get_data(as_text=True)
    assert "is under discussion" in moved
    session.expire_all()
    assert session.get(Meeting, demo.csss_meeting_id).current_item.number == first.number + 1

    item = session.get(Meeting, demo.csss_meeting_id).current_item
    # the chair chooses a secret ballot where the law leaves the choice
    form = client.get(f"{chair}/items/{item.id}/open").get_data(as_text=True)
    assert 'value="secret"' in form and 'value="open"' in form
    client.post(f"{chair}/items/{item.id}/open", data={"ballot": "secret"})
    poll = session.scalar(select(Poll).where(Poll.item_id == item.id))
    assert poll.is_secret and poll.is_open
    refused = client.post(f"{chair}/close", follow_redirects=True).get_data(as_text=True)
    assert "A vote is still open" in refused
    client.post(f"{chair}/items/{item.id}/close")
    page = client.get(chair).get_data(as_text=True)
    assert "Decided" in page and ("Adopted" in page or "Rejected" in page)

    assert "Confirm: close the sitting" in client.get(f"{chair}/close").get_data(as_text=True)
    closed = client.post(f"{chair}/close", follow_redirects=True).get_data(as_text=True)
    assert "The sitting is closed." in closed and "Closed at" in closed
    assert 'id="next-item"' not in closed
    session.expire_all()
    meeting = session.get(Meeting, demo.csss_meeting_id)
    assert meeting.status is MeetingStatus.closed and meeting.closed_at is not None


def test_a_personnel_item_offers_no_open_vote(client: FlaskClient, auth: Any, demo: Any,
                                             session: Session) -> None:
    auth.login("dg")
    auth.use_language("en")
    chair = _chair(demo.council_meeting_id)
    client.post(f"{chair}/open", data={"all_present": "1"})
    meeting = session.get(Meeting, demo.council_meeting_id)
    personnel = next(i for i in meeting.items if i.kind.value == "personnel")
    form = client.get(f"{chair}/items/{personnel.id}/open").get_data(as_text=True)
    assert 'value="open"' not in form and "voted by secret ballot" in form


def test_the_secretariat_takes_the_roll_call_but_does_not_open(
        client: FlaskClient, auth: Any, demo: Any, session: Session) -> None:
    auth.login("secretariat")
    auth.use_language("en")
    chair = _chair(demo.csss_meeting_id)
    page = client.get(chair).get_data(as_text=True)
    assert f'href="{chair}/open"' not in page
    assert "The president or the DG opens the sitting." in page
    assert client.post(f"{chair}/open", data={}).status_code == 403
    auth.logout()
    auth.login("dg")
    client.post(f"{chair}/open", data={})
    auth.logout()
    auth.login("secretariat")
    page = client.get(chair).get_data(as_text=True)
    assert "All present (5 members not recorded)" in page
    client.post(f"{chair}/roll-call")
    assert 'id="all-present"' not in client.get(chair).get_data(as_text=True)


def test_on_another_day_the_chair_screen_says_when_the_sitting_opens(
        client: FlaskClient, auth: Any, demo: Any) -> None:
    with time_machine.travel(TEST_START - timedelta(days=2)):
        auth.login("president")
        auth.use_language("en")
        page = client.get(_chair(demo.csss_meeting_id)).get_data(as_text=True)
        assert "on the meeting&#39;s day only" in page or "on the meeting's day only" in page
        assert 'id="open-sitting"' not in page
        refused = client.post(f"{_chair(demo.csss_meeting_id)}/open", data={},
                              follow_redirects=True).get_data(as_text=True)
        assert "day only" in refused


# --- The API --------------------------------------------------------------------------------


def test_api_open_roll_call_next_and_close(client: FlaskClient, api_token: Any,
                                           demo: Any) -> None:
    president, base = api_token("president"), f"/api/v1/meetings/{demo.csss_meeting_id}"
    state = client.get(f"{base}/sitting", headers=api_token("councillor1"))
    assert state.status_code == 200 and state.json["status"] == "convened"
    assert state.json["opened_at"] is None and state.json["unrecorded"] == CSSS_SIZE
    opened = client.post(f"{base}/open", json={}, headers=president)
    assert opened.status_code == 200, opened.json
    assert opened.json["status"] == "in_progress" and opened.json["opened_by"]
    assert opened.json["current_item_id"] is not None
    again = client.post(f"{base}/open", json={}, headers=president)
    assert again.status_code == 409 and again.json["error"] == "sitting_already_open"
    called = client.post(f"{base}/roll-call", headers=api_token("secretariat"))
    assert called.status_code == 200 and called.json["unrecorded"] == 0
    moved = client.post(f"{base}/next-item", headers=president)
    assert moved.status_code == 200
    assert moved.json["current_item_id"] != opened.json["current_item_id"]
    poll = client.post(f"/api/v1/items/{moved.json['current_item_id']}/poll", json={},
                       headers=president)
    assert poll.status_code == 201, poll.json
    busy = client.post(f"{base}/close", headers=president)
    assert busy.status_code == 409 and busy.json["error"] == "poll_still_open"
    client.post(f"/api/v1/items/{moved.json['current_item_id']}/poll/close", headers=president)
    closed = client.post(f"{base}/close", headers=api_token("dg"))
    assert closed.status_code == 200 and closed.json["status"] == "closed"
    assert closed.json["closed_at"] and closed.json["closed_by"]
    after = client.post(f"{base}/attendance", json={"member_id": 1, "status": "absent"},
                        headers=api_token("dg"))
    assert after.status_code == 409 and after.json["error"] == "sitting_closed"


def test_api_open_with_all_present(client: FlaskClient, api_token: Any, demo: Any) -> None:
    base = f"/api/v1/meetings/{demo.csss_meeting_id}"
    opened = client.post(f"{base}/open", json={"all_present": True}, headers=api_token("dg"))
    assert opened.status_code == 200 and opened.json["unrecorded"] == 0
    members = client.get(base, headers=api_token("dg")).json["members"]
    assert {m["attendance"] for m in members} == {"present"}


def test_api_open_on_another_day_is_409(client: FlaskClient, api_token: Any,
                                        demo: Any) -> None:
    with time_machine.travel(TEST_START + timedelta(days=1)):
        headers = api_token("dg")
        response = client.post(f"/api/v1/meetings/{demo.csss_meeting_id}/open", json={},
                               headers={**headers, "Accept-Language": "en"})
    assert response.status_code == 409
    assert response.json["error"] == "not_the_meeting_day"
    assert response.json["day"] == TEST_START.date().isoformat()
    assert "meeting's day" in response.json["message"]


def test_api_bad_input_is_400(client: FlaskClient, api_token: Any, demo: Any) -> None:
    response = client.post(f"/api/v1/meetings/{demo.csss_meeting_id}/open",
                           json={"all_present": "perhaps"}, headers=api_token("dg"))
    assert response.status_code in (400, 422) and response.json["error"]


def test_openapi_lists_the_sitting_paths(client: FlaskClient) -> None:
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for path in ("/api/v1/meetings/{meeting_id}/open", "/api/v1/meetings/{meeting_id}/close",
                 "/api/v1/meetings/{meeting_id}/roll-call",
                 "/api/v1/meetings/{meeting_id}/next-item",
                 "/api/v1/meetings/{meeting_id}/sitting"):
        assert path in paths
