"""The HTTP API skeleton as ../shared/CONTRACT.md describes it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.models import ApiToken, AuditEntry, User
from council.models.base import utcnow

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
CONTRACT_PATHS = {
    ("post", "/api/v1/token"),
    ("get", "/api/v1/meetings"),
    ("get", "/api/v1/meetings/{meeting_id}"),
    ("get", "/api/v1/items/{item_id}"),
}


def test_token_then_meetings(client: FlaskClient) -> None:
    response = client.post("/api/v1/token", json={"username": "dg", "password": "demo-dg"})
    assert response.status_code == 200
    assert set(response.json) == {"token", "expires_at"}
    listing = client.get("/api/v1/meetings",
                         headers={"Authorization": f"Bearer {response.json['token']}"})
    assert listing.status_code == 200
    assert {m["organ"] for m in listing.json} == {"csss", "council"}
    for meeting in listing.json:
        assert {"id", "organ", "date", "status"} <= meeting.keys()


def test_wrong_password_is_401_with_contract_error_shape(client: FlaskClient) -> None:
    response = client.post("/api/v1/token", json={"username": "dg", "password": "nope"})
    assert response.status_code == 401
    assert response.json["error"] == "invalid_credentials"
    assert response.json["message"]


@pytest.mark.parametrize("body", [
    b"not json", b"[1, 2]", b'{"username": 5, "password": []}', b"",
])
def test_bad_token_requests_are_400_never_500(client: FlaskClient, body: bytes) -> None:
    response = client.post("/api/v1/token", data=body, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json) >= {"error", "message"}


@pytest.mark.parametrize("header", [
    "", "Bearer", "Bearer ", "Basic ZGc6ZGVtby1kZw==", "Bearer not-a-token",
])
def test_missing_or_bad_token_is_401(client: FlaskClient, header: str) -> None:
    response = client.get("/api/v1/meetings", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json["error"] == "unauthorized"


def test_expired_token_is_refused(client: FlaskClient, api_token, session: Session) -> None:
    headers = api_token("dg")
    for token in session.scalars(select(ApiToken)):
        token.expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    assert client.get("/api/v1/meetings", headers=headers).status_code == 401


def test_disabling_an_account_revokes_its_tokens(client: FlaskClient, api_token,
                                                 auth, demo) -> None:
    headers = api_token("councillor1")
    auth.login("admin")
    client.post(f"/admin/users/{demo.user_ids['councillor1']}/disable")
    assert client.get("/api/v1/meetings", headers=headers).status_code == 401


def test_councillor_sees_only_meetings_of_organs_they_sit_on(client: FlaskClient,
                                                             api_token) -> None:
    on_csss = client.get("/api/v1/meetings", headers=api_token("councillor1")).json
    not_on_csss = client.get("/api/v1/meetings", headers=api_token("councillor5")).json
    assert {m["organ"] for m in on_csss} == {"csss", "council"}
    assert {m["organ"] for m in not_on_csss} == {"council"}


def test_meeting_detail_has_items_and_members(client: FlaskClient, api_token, demo) -> None:
    response = client.get(f"/api/v1/meetings/{demo.csss_meeting_id}",
                          headers=api_token("president"))
    assert response.status_code == 200
    meeting = response.json
    assert meeting["organ"] == "csss"
    assert [item["number"] for item in meeting["items"]] == [1, 2, 3, 4]
    for item in meeting["items"]:
        assert {"id", "number", "title", "closed_session", "secret_ballot", "status"} <= item.keys()
        assert item["closed_session"] is True
    members = meeting["members"]
    assert len(members) == 5
    assert members[0]["username"] == "president"
    for member in members:
        assert {"member_id", "username", "name", "group", "attendance"} <= member.keys()


def test_personnel_item_is_a_secret_ballot(client: FlaskClient, api_token, demo) -> None:
    meeting = client.get(f"/api/v1/meetings/{demo.council_meeting_id}",
                         headers=api_token("councillor5")).json
    personnel = [item for item in meeting["items"] if item["kind"] == "personnel"]
    assert personnel and all(i["secret_ballot"] and i["closed_session"] for i in personnel)


def test_unknown_meeting_and_unknown_path_are_json_404(client: FlaskClient, api_token) -> None:
    headers = api_token("dg")
    assert client.get("/api/v1/meetings/999999", headers=headers).json["error"] == "not_found"
    response = client.get("/api/v1/no-such-thing", headers=headers)
    assert response.status_code == 404
    assert response.json["error"] == "not_found"


def test_wrong_method_is_json_405(client: FlaskClient) -> None:
    response = client.delete("/api/v1/meetings")
    assert response.status_code == 405
    assert set(response.json) == {"error", "message"}


def test_openapi_documents_the_contract_paths(client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").json
    documented = {(method, path) for path, ops in spec["paths"].items()
                  for method in ops.keys() & HTTP_METHODS}
    assert documented >= CONTRACT_PATHS
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_every_documented_path_exists(app: Flask, client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").json
    adapter = app.url_map.bind("localhost")
    for path, operations in spec["paths"].items():
        concrete = re.sub(r"\{[^}]+\}", "1", path)
        for method in operations.keys() & HTTP_METHODS:
            endpoint, _ = adapter.match(concrete, method=method.upper())
            assert endpoint.startswith("api."), (method, path)


def test_token_is_stored_only_as_a_digest(client: FlaskClient, api_token,
                                          session: Session) -> None:
    token = api_token("dg")["Authorization"].split()[1]
    stored = session.scalars(select(ApiToken.token_hash)).all()
    assert token not in stored
    assert len(stored[-1]) == 64


def test_admin_token_gives_no_meeting_content(client: FlaskClient, api_token, demo) -> None:
    headers = api_token("admin")
    assert client.get("/api/v1/meetings", headers=headers).status_code == 403
    assert client.get(f"/api/v1/meetings/{demo.csss_meeting_id}",
                      headers=headers).status_code == 403


def test_user_model_has_no_plain_password(session: Session) -> None:
    user = session.scalar(select(User).where(User.username == "dg"))
    assert user.password_hash.startswith("$argon2")


def test_item_has_pseudonymised_report_and_draft_decision(client: FlaskClient, api_token,
                                                          demo, session: Session) -> None:
    response = client.get(f"/api/v1/items/{demo.csss_item_id}", headers=api_token("councillor2"))
    assert response.status_code == 200
    item = response.json
    assert item["meeting_id"] == demo.csss_meeting_id
    assert "Madame A." in item["report"]
    assert item["draft_decision"].startswith("Vu ")
    read = session.scalars(select(AuditEntry).where(AuditEntry.action == "item_read")).all()
    assert read[-1].object_id == demo.csss_item_id
    assert read[-1].actor_id == demo.user_ids["councillor2"]
