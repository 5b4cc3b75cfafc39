"""Hostile JSON (issue 13, item 5, in part): text no database can store and nesting that would
exhaust the parser are refused as a 400 in the contract's error shape, before any view runs,
and leave nothing behind."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient
from report_samples import DOSSIER, TEXT
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from council.models import AuditEntry, Dossier, SocialReport

LONE_SURROGATE = "\\ud800abc"  # valid JSON, but no UTF-8 can encode it


def _raw(client: FlaskClient, url: str, body: str, **headers: str) -> Any:
    return client.post(url, data=body, content_type="application/json", headers=headers)


def _refused(response: Any) -> None:
    assert response.status_code == 400
    assert response.json["error"] == "bad_request" and response.json["message"]


@pytest.mark.parametrize("body", [
    f'{{"username": "{LONE_SURROGATE}", "password": "x"}}',
    f'{{"username": "dg", "password": "x{LONE_SURROGATE}"}}',
    f'{{"{LONE_SURROGATE}": "key", "username": "dg", "password": "x"}}',
    '{"username": "dg", "password": "x", "otp": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"username": "dg", "password": "x", "otp": ' + '{"a": ' * 30 + "1" + "}" * 30 + "}",
])
def test_token_request_with_unstorable_json_is_a_400(client: FlaskClient, body: str) -> None:
    _refused(_raw(client, "/api/v1/token", body))


@pytest.mark.parametrize("where", ["text", "dossier"])
def test_report_with_a_lone_surrogate_is_refused_and_nothing_is_stored(
        client: FlaskClient, api_token: Any, session: Session, where: str) -> None:
    headers = api_token("socialworker")
    payload = json.dumps({"dossier": DOSSIER, "text": TEXT, "organ": "csss"})
    marker = json.dumps(TEXT)[1:21] if where == "text" else json.dumps(DOSSIER)[2:12]
    hostile = payload.replace(marker, marker[:5] + LONE_SURROGATE + marker[5:], 1)
    assert hostile != payload
    before = [session.scalar(select(func.count()).select_from(model))
              for model in (Dossier, SocialReport, AuditEntry)]
    _refused(_raw(client, "/api/v1/reports", hostile, **headers))
    assert [session.scalar(select(func.count()).select_from(model))
            for model in (Dossier, SocialReport, AuditEntry)] == before


def test_ordinary_nesting_and_text_still_pass(client: FlaskClient, api_token: Any) -> None:
    response = client.post("/api/v1/reports", headers=api_token("socialworker"),
                           json={"dossier": DOSSIER, "text": TEXT + " Ça va, déjà vu 😊",
                                 "organ": "csss"})
    assert response.status_code == 201, response.json
