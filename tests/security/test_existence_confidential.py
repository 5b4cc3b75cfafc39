"""Existence stays confidential (issue 14, item 4).

Observed: a councillor outside the CSSS got 403 on ``/items/N/extracts`` and ``/reports/N``
for CSSS items but 404 for ids that do not exist, so the status told which ids are real. Now a
person who may not see an object gets the answer of an object that does not exist, and a role
that never sees that kind of object gets the same refusal for every id, real or not. Replayed
here for each insider, on the web and the API."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from support import PASSWORDS, ROLES, add_next_meeting, approve_minutes, user_named

from council.demo.scenario import hold_meeting
from council.models import Meeting, Role, User
from council.security import hash_password
from minutes import service as minutes_service

MISSING = 987_654


def _paths(demo: Any, report_id: int, document_id: int) -> list[tuple[str, str]]:
    """(path of a real object, path of the same kind with an id that does not exist)."""
    item, meeting = demo.csss_item_id, demo.csss_meeting_id
    return [
        (f"/documents/{document_id}.pdf", f"/documents/{MISSING}.pdf"),
        (f"/documents/{document_id}/check", f"/documents/{MISSING}/check"),
        (f"/items/{item}/extracts", f"/items/{MISSING}/extracts"),
        (f"/reports/{report_id}", f"/reports/{MISSING}"),
        (f"/meetings/{meeting}/items/{item}/identity", f"/meetings/{meeting}/items/{MISSING}"
                                                        "/identity"),
        (f"/meetings/{meeting}/items/{item}", f"/meetings/{meeting}/items/{MISSING}"),
        (f"/api/v1/items/{item}", f"/api/v1/items/{MISSING}"),
        ("/dossiers/1/identity", f"/dossiers/{MISSING}/identity"),  # the demo's first dossier
    ]


@pytest.fixture
def document_id(session: Session, demo: Any) -> int:
    """The demo CSSS meeting held, its minutes approved: the document under signature."""
    meeting = session.get(Meeting, demo.csss_meeting_id)
    hold_meeting(session, meeting, recorder=user_named(session, "secretariat"))
    dg = user_named(session, "dg")
    minutes_service.start_draft(session, meeting, actor=dg)
    return approve_minutes(session, add_next_meeting(session, meeting)).id


def _get(client: FlaskClient, path: str, headers: dict[str, str]) -> int:
    return client.get(path, headers=headers if path.startswith("/api/") else {}).status_code


@pytest.mark.parametrize("role", ["non_member", "member", "president", "secretariat",
                                  "social_worker", "admin"])
def test_a_real_id_answers_like_a_missing_one(client: FlaskClient, auth: Any, demo: Any,
                                             document_id: int, role: str) -> None:
    username = ROLES[role]
    token = client.post("/api/v1/token", json={"username": username,
                                               "password": PASSWORDS[username]})
    headers = ({"Authorization": f"Bearer {token.json['token']}"}
               if token.status_code == 200 else {})
    auth.login(username)
    for real, missing in _paths(demo, report_id=1, document_id=document_id):
        real_status, missing_status = _get(client, real, headers), _get(client, missing, headers)
        if real_status != 200:
            assert real_status == missing_status, (role, real, real_status, missing_status)


def test_another_social_workers_file_is_not_found(client: FlaskClient, auth: Any, demo: Any,
                                                  session: Session, document_id: int) -> None:
    session.add(User(username="socialworker2", password_hash=hash_password("other-password"),
                     role=Role.social_worker, display_name="Autre assistante"))
    session.commit()
    auth.login("socialworker2", "other-password")
    for real, missing in _paths(demo, report_id=1, document_id=document_id)[2:5]:
        assert client.get(real).status_code == client.get(missing).status_code == 404, real
