"""Re-authentication before sensitive actions (issue 6, item 5): re-identification asks the
password and, for an account with an authenticator, a fresh one-time code; enrolling asks the
password again when it was given long ago; failures count in the login throttling."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS, user_named
from time_machine import TimeMachineFixture
from two_factor_support import Clock, Enrolled, actions, enrol_and_log_out, failures_of

from council.models import AuditEntry
from council.services import accounts, two_factor

SHOWN = "Original report"


@pytest.fixture
def enrolled_dg(client: FlaskClient, auth: Any, time_machine: TimeMachineFixture) -> Enrolled:
    return enrol_and_log_out(client, auth, Clock.install(time_machine), "dg")


def identity_url(demo: Any) -> str:
    return f"/meetings/{demo.csss_meeting_id}/items/{demo.csss_item_id}/identity"


def log_in_with_code(client: FlaskClient, enrolled: Enrolled) -> None:
    client.post("/login", data={"username": "dg", "password": PASSWORDS["dg"]})
    assert client.post("/login/code", data={"code": enrolled.fresh_code()}).status_code == 302


def test_reidentification_without_authenticator_asks_only_the_password(
        client: FlaskClient, auth: Any, demo: Any) -> None:
    auth.login("dg")
    auth.use_language("en")
    page = client.get(identity_url(demo)).get_data(as_text=True)
    assert 'name="password"' in page and 'name="otp"' not in page
    shown = client.post(identity_url(demo), data={"password": PASSWORDS["dg"]})
    assert SHOWN in shown.get_data(as_text=True)


def test_reidentification_asks_a_fresh_code_of_an_enrolled_account(
        client: FlaskClient, auth: Any, session: Session, demo: Any,
        enrolled_dg: Enrolled) -> None:
    log_in_with_code(client, enrolled_dg)
    auth.use_language("en")
    page = client.get(identity_url(demo)).get_data(as_text=True)
    assert 'name="otp"' in page
    for attempt in ({"password": PASSWORDS["dg"]},
                    {"password": PASSWORDS["dg"], "otp": "000000"},
                    {"password": "wrong", "otp": enrolled_dg.fresh_code()}):
        refused = client.post(identity_url(demo), data=attempt).get_data(as_text=True)
        assert "Wrong password or code" in refused
        assert SHOWN not in refused
    shown = client.post(identity_url(demo), data={"password": PASSWORDS["dg"],
                                                  "otp": enrolled_dg.fresh_code()})
    assert SHOWN in shown.get_data(as_text=True)
    dg = user_named(session, "dg")
    logged = session.execute(select(AuditEntry.action, AuditEntry.actor_id)
                             .where(AuditEntry.action.in_(["reidentification",
                                                           "reidentification_failed",
                                                           "otp_failed",
                                                           "reauthentication_failed"]))
                             .order_by(AuditEntry.id)).all()
    assert [tuple(row) for row in logged] == [
        ("otp_failed", dg.id), ("reidentification_failed", dg.id),
        ("otp_failed", dg.id), ("reidentification_failed", dg.id),
        ("reauthentication_failed", dg.id), ("reidentification_failed", dg.id),
        ("reidentification", dg.id)]


def test_reauthentication_failures_are_throttled(client: FlaskClient, auth: Any, app: Flask,
                                                 session: Session, demo: Any) -> None:
    auth.login("dg")
    auth.use_language("en")
    for _ in range(app.config["COUNCIL_LOGIN_MAX_FAILURES"]):
        client.post(identity_url(demo), data={"password": "wrong"})
    assert failures_of(session, "dg") == app.config["COUNCIL_LOGIN_MAX_FAILURES"]
    blocked = client.post(identity_url(demo), data={"password": PASSWORDS["dg"]})
    text = blocked.get_data(as_text=True)
    assert "Too many attempts" in text and SHOWN not in text


def test_confirm_identity_restarts_the_failure_count(app: Flask, session: Session) -> None:
    dg = user_named(session, "dg")
    with app.test_request_context():
        assert not two_factor.confirm_identity(session, dg, password="wrong", code=None,
                                               address="192.0.2.9", purpose="sign_minutes")
        assert failures_of(session, "dg") == 1
        assert actions(session)[-1] == "reauthentication_failed"
        assert two_factor.confirm_identity(session, dg, password=PASSWORDS["dg"], code=None,
                                           address="192.0.2.9", purpose="sign_minutes")
        assert failures_of(session, "dg") == 0


def test_confirm_identity_checks_nothing_while_throttled(app: Flask, session: Session) -> None:
    dg = user_named(session, "dg")
    with app.test_request_context():
        for _ in range(app.config["COUNCIL_LOGIN_MAX_FAILURES"]):
            two_factor.confirm_identity(session, dg, password="wrong", code=None,
                                        address="192.0.2.9", purpose="sign_minutes")
        with pytest.raises(accounts.LoginThrottled):
            two_factor.confirm_identity(session, dg, password=PASSWORDS["dg"], code=None,
                                        address="192.0.2.9", purpose="sign_minutes")


def test_enrolling_long_after_the_password_asks_it_again(client: FlaskClient, auth: Any,
                                                         session: Session) -> None:
    auth.login("secretariat")
    auth.use_language("en")
    with client.session_transaction() as stored:
        stored["authenticated_at"] -= 11 * 60
    page = client.get("/account/two-factor/enrol").get_data(as_text=True)
    assert 'name="password"' in page and "otpauth://" not in page
    wrong = client.post("/account/two-factor/enrol", data={"password": "wrong"})
    assert "Wrong password or code." in wrong.get_data(as_text=True)
    assert "otpauth://" not in wrong.get_data(as_text=True)
    right = client.post("/account/two-factor/enrol", data={"password": PASSWORDS["secretariat"]})
    assert right.headers["Location"] == "/account/two-factor/enrol"
    assert "otpauth://" in client.get("/account/two-factor/enrol").get_data(as_text=True)
    assert not two_factor.is_enrolled(session, user_named(session, "secretariat"))

