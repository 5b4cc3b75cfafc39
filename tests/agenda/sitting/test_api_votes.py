"""The API of the meeting in session: attendance, recusal, poll, ballot, close (CONTRACT.md)."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.models import AgendaItem, Meeting, Poll, User

CSSS = ("president", "councillor1", "councillor2", "councillor3", "councillor4")

#: attendance, polls and ballots are recorded only in an opened sitting
pytestmark = pytest.mark.usefixtures("open_sittings")


@pytest.fixture
def ids(session: Session, demo: Any) -> dict[str, int]:
    members = dict(session.execute(select(User.username, User.member_id)).all())
    return {name: members[name] for name in members if members[name] is not None}


def _attend(client: FlaskClient, headers: dict[str, str], meeting_id: int, member_id: int,
            status: str = "present", from_item_id: int | None = None) -> Any:
    body: dict[str, Any] = {"member_id": member_id, "status": status}
    if from_item_id is not None:
        body["from_item_id"] = from_item_id
    return client.post(f"/api/v1/meetings/{meeting_id}/attendance", json=body, headers=headers)


@pytest.fixture
def present(client: FlaskClient, api_token: Any, demo: Any, ids: dict[str, int]) -> Any:
    """Records the given CSSS members present (all by default); returns the DG's headers."""

    def record(*usernames: str) -> dict[str, str]:
        dg = api_token("dg")
        for username in usernames or CSSS:
            response = _attend(client, dg, demo.csss_meeting_id, ids[username])
            assert response.status_code == 201, response.json
        return dg

    return record


def test_attendance_is_recorded_with_who_and_when(client, api_token, demo, ids) -> None:
    dg = api_token("dg")
    response = _attend(client, dg, demo.csss_meeting_id, ids["councillor1"], "excused")
    assert response.status_code == 201
    body = response.json
    assert body["status"] == "excused" and body["member_id"] == ids["councillor1"]
    assert body["recorded_by"] and body["recorded_at"]
    meeting = client.get(f"/api/v1/meetings/{demo.csss_meeting_id}", headers=dg).json
    assert meeting["status"] == "in_progress"


@pytest.mark.parametrize("body, status", [
    ({"member_id": 1, "status": "asleep"}, 400),
    ({"status": "present"}, 400),
    ({"member_id": "x", "status": "present"}, 400),
    ({"member_id": 999999, "status": "present"}, 400),
    ({"member_id": None, "status": "present"}, 400),
])
def test_attendance_bad_input_is_400(client, api_token, demo, body, status) -> None:
    response = client.post(f"/api/v1/meetings/{demo.csss_meeting_id}/attendance", json=body,
                           headers=api_token("dg"))
    assert response.status_code == status
    assert response.json["error"]


def test_attendance_from_an_item_of_another_meeting_is_400(client, api_token, demo, ids,
                                                          session) -> None:
    other = session.scalars(select(AgendaItem).where(
        AgendaItem.meeting_id == demo.council_meeting_id)).first()
    response = _attend(client, api_token("dg"), demo.csss_meeting_id, ids["councillor1"],
                       from_item_id=other.id)
    assert response.status_code == 400
    assert response.json["error"] == "unknown_item"


def test_members_do_not_record_attendance(client, api_token, demo, ids) -> None:
    response = _attend(client, api_token("president"), demo.csss_meeting_id, ids["councillor1"])
    assert response.status_code == 403


def test_poll_refused_without_quorum_with_the_figures(client, api_token, demo, present) -> None:
    present("president", "councillor1")
    response = client.post(f"/api/v1/items/{demo.csss_item_id}/poll", json={},
                           headers=api_token("president"))
    assert response.status_code == 409
    assert response.json["error"] == "no_quorum"
    assert (response.json["required"], response.json["present"]) == (3, 2)


def test_open_vote_end_to_end(client, api_token, demo, present, ids, session) -> None:
    present()
    president = api_token("president")
    opened = client.post(f"/api/v1/items/{demo.csss_item_id}/poll", json={}, headers=president)
    assert opened.status_code == 201, opened.json
    assert opened.json == {"item_id": demo.csss_item_id, "status": "open", "secret": False,
                           "required": 3, "present": 5}
    choices = {"president": "yes", "councillor1": "yes", "councillor2": "no",
               "councillor3": "yes", "councillor4": "abstain"}
    for username, choice in choices.items():
        response = client.post(f"/api/v1/items/{demo.csss_item_id}/ballot",
                               json={"choice": choice}, headers=api_token(username))
        assert response.status_code == 201, response.json
    closed = client.post(f"/api/v1/items/{demo.csss_item_id}/poll/close",
                         headers=president)
    assert closed.status_code == 200, closed.json
    result = closed.json
    assert (result["yes"], result["no"], result["abstain"]) == (3, 1, 1)
    assert result["outcome"] == "adopted"
    assert result["sentence"] == "Adopté par 3 voix contre 1 et 1 abstention."
    assert result["by_group"] == {
        "PS": {"yes": 2, "no": 0, "abstain": 0},
        "MR": {"yes": 0, "no": 1, "abstain": 0},
        "Ecolo": {"yes": 1, "no": 0, "abstain": 0},
        "Les Engagés": {"yes": 0, "no": 0, "abstain": 1},
    }
    assert {v["member_id"]: v["choice"] for v in result["votes"]} == {
        ids[u]: c for u, c in choices.items()}
    # no change after closing
    again = client.post(f"/api/v1/items/{demo.csss_item_id}/ballot", json={"choice": "no"},
                        headers=api_token("councillor1"))
    assert again.status_code == 409
    assert client.post(f"/api/v1/items/{demo.csss_item_id}/poll/close",
                       headers=president).status_code == 409
    poll = session.scalar(select(Poll).where(Poll.item_id == demo.csss_item_id))
    session.refresh(poll)
    assert (poll.yes_count, poll.no_count, poll.abstain_count) == (3, 1, 1)
    assert poll.outcome.value == "adopted" and poll.closed_at is not None


def test_ballot_bad_input(client, api_token, demo, present) -> None:
    present()
    url = f"/api/v1/items/{demo.csss_item_id}/ballot"
    member = api_token("councillor1")
    # not opened yet
    assert client.post(url, json={"choice": "yes"}, headers=member).status_code == 409
    client.post(f"/api/v1/items/{demo.csss_item_id}/poll", json={}, headers=api_token("dg"))
    for body in ({"choice": "maybe"}, {}, {"choice": 1}, []):
        response = client.post(url, json=body, headers=member)
        assert response.status_code == 400, body
    response = client.post(url, data="not json", headers={**member,
                                                          "Content-Type": "application/json"})
    assert response.status_code == 400
    assert client.post(url, json={"choice": "yes"}, headers=member).status_code == 201
    second = client.post(url, json={"choice": "no"}, headers=member)
    assert second.status_code == 409
    assert second.json["error"] == "already_voted"
    # staff do not vote, non-members do not even see the item
    assert client.post(url, json={"choice": "yes"}, headers=api_token("dg")).status_code == 403
    assert client.post(url, json={"choice": "yes"},
                       headers=api_token("councillor5")).status_code == 404


def test_absent_member_cannot_vote(client, api_token, demo, present) -> None:
    present("president", "councillor1", "councillor2")
    client.post(f"/api/v1/items/{demo.csss_item_id}/poll", json={}, headers=api_token("dg"))
    response = client.post(f"/api/v1/items/{demo.csss_item_id}/ballot", json={"choice": "yes"},
                           headers=api_token("councillor3"))
    assert response.status_code == 403
    assert response.json["error"] == "not_present"


def test_a_second_poll_on_the_same_item_or_meeting_is_409(client, api_token, demo, present,
                                                          session) -> None:
    present()
    dg = api_token("dg")
    assert client.post(f"/api/v1/items/{demo.csss_item_id}/poll", json={},
                       headers=dg).status_code == 201
    assert client.post(f"/api/v1/items/{demo.csss_item_id}/poll", json={},
                       headers=dg).status_code == 409
    meeting = session.get(Meeting, demo.csss_meeting_id)
    other = next(i for i in meeting.items if i.id != demo.csss_item_id)
    response = client.post(f"/api/v1/items/{other.id}/poll", json={}, headers=dg)
    assert response.status_code == 409
    assert response.json["error"] == "another_poll_open"


def test_only_president_or_dg_open_and_close(client, api_token, demo, present) -> None:
    present()
    url = f"/api/v1/items/{demo.csss_item_id}/poll"
    for username in ("secretariat", "councillor1"):
        assert client.post(url, json={}, headers=api_token(username)).status_code == 403
        assert client.post(url + "/close", headers=api_token(username)).status_code == 403
    assert client.post(url + "/close", headers=api_token("dg")).status_code == 409


def test_personnel_item_cannot_be_voted_openly(client, api_token, demo, session, ids) -> None:
    meeting = session.get(Meeting, demo.council_meeting_id)
    personnel = next(i for i in meeting.items if i.kind.value == "personnel")
    response = client.post(f"/api/v1/items/{personnel.id}/poll", json={"secret": False},
                           headers=api_token("dg"))
    assert response.status_code == 400
    assert response.json["error"] == "secret_required"


def test_openapi_lists_the_session_paths(client) -> None:
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for path in ("/api/v1/meetings/{meeting_id}/attendance", "/api/v1/items/{item_id}/recusal",
                 "/api/v1/items/{item_id}/poll", "/api/v1/items/{item_id}/ballot",
                 "/api/v1/items/{item_id}/poll/close"):
        assert path in paths


def test_meeting_resource_shows_the_attendance(client, api_token, demo, ids) -> None:
    dg = api_token("dg")
    _attend(client, dg, demo.csss_meeting_id, ids["councillor2"], "excused")
    members = client.get(f"/api/v1/meetings/{demo.csss_meeting_id}", headers=dg).json["members"]
    attendance = {m["member_id"]: m["attendance"] for m in members}
    assert attendance[ids["councillor2"]] == "excused"
    assert attendance[ids["councillor1"]] is None


def test_secret_ballot_chosen_by_the_chair(client, api_token, demo, present) -> None:
    present()
    url = f"/api/v1/items/{demo.csss_item_id}/poll"
    assert client.post(url, json={"secret": True},
                       headers=api_token("secretariat")).status_code == 403
    opened = client.post(url, json={"secret": True}, headers=api_token("president"))
    assert opened.status_code == 201 and opened.json["secret"] is True
    client.post(f"/api/v1/items/{demo.csss_item_id}/ballot", json={"choice": "yes"},
                headers=api_token("councillor1"))
    closed = client.post(url + "/close", headers=api_token("dg")).json
    assert "by_group" not in closed and "votes" not in closed
    assert closed["sentence"].startswith("Adopté au scrutin secret")
