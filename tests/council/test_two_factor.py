"""Two-factor authentication (issue 6, item 3): enrolment, login with a TOTP or a recovery code,
throttling of wrong codes, the COUNCIL_REQUIRE_2FA setting, the API token and the
administrator's reset. Codes are computed with pyotp on a fixed clock."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import PASSWORDS, user_named
from time_machine import TimeMachineFixture
from two_factor_support import (
    RECOVERY_CODE,
    WRONG_CODE,
    Clock,
    Enrolled,
    actions,
    code_step,
    enrol,
    enrol_and_log_out,
    failures_of,
    password_step,
)
from werkzeug.test import TestResponse

from council.config import ConfigError, load_config
from council.models import AccountRequest, AuditEntry, RecoveryCode, TwoFactorSecret
from council.services import account_requests, two_factor


@pytest.fixture
def clock(time_machine: TimeMachineFixture) -> Clock:
    return Clock.install(time_machine)


@pytest.fixture
def enrolled_dg(client: FlaskClient, auth: Any, clock: Clock) -> Enrolled:
    """The DG, enrolled and logged out again."""
    return enrol_and_log_out(client, auth, clock, "dg")


@pytest.fixture
def required(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "COUNCIL_REQUIRE_2FA", True)


# --- enrolment --------------------------------------------------------------------------------


def test_enrolment_shows_the_key_and_keeps_it_encrypted(client: FlaskClient, auth: Any,
                                                        session: Session, clock: Clock) -> None:
    auth.login("secretariat")
    auth.use_language("en")
    page = client.get("/account/two-factor/enrol").get_data(as_text=True)
    secret = re.search(r"secret=([A-Z2-7]+)", page).group(1)
    assert f"<code>{secret}</code>" in page
    assert "otpauth://totp/" in page and "issuer=" in page
    assert '<img src="data:image/svg+xml' in page
    again = client.get("/account/two-factor/enrol").get_data(as_text=True)
    assert secret in again, "reloading keeps the key already scanned"
    stored = session.scalar(select(TwoFactorSecret).where(
        TwoFactorSecret.user_id == user_named(session, "secretariat").id))
    assert secret.encode() not in stored.secret_encrypted
    assert stored.confirmed_at is None

    enrolled = enrol(client, clock)
    assert len(enrolled.recovery_codes) == 10 == len(set(enrolled.recovery_codes))
    session.refresh(stored)
    assert stored.confirmed_at is not None
    hashes = session.scalars(select(RecoveryCode.code_hash)
                             .where(RecoveryCode.user_id == stored.user_id)).all()
    assert len(hashes) == 10
    assert all(h.startswith("$argon2") for h in hashes)
    assert not {code.replace("-", "") for code in enrolled.recovery_codes} & set(hashes)
    assert actions(session)[-1] == "two_factor_enrolled"
    status = client.get("/account/two-factor").get_data(as_text=True)
    assert "10 unused recovery codes left." in status


def test_enrolment_refuses_a_wrong_code(client: FlaskClient, auth: Any, session: Session,
                                        clock: Clock) -> None:
    auth.login("president")
    auth.use_language("en")
    client.get("/account/two-factor/enrol")
    page = client.post("/account/two-factor/enrol", data={"code": "000000"})
    assert WRONG_CODE in page.get_data(as_text=True)
    assert not two_factor.is_enrolled(session, user_named(session, "president"))
    assert session.scalar(select(func.count()).select_from(RecoveryCode)) == 0


# --- login ------------------------------------------------------------------------------------


def test_login_asks_the_code_after_the_password(client: FlaskClient, session: Session,
                                                enrolled_dg: Enrolled) -> None:
    response = password_step(client, next_page="/composition")
    assert response.headers["Location"] == "/login/code"
    assert client.get("/").status_code == 302, "the password alone does not log in"
    response = code_step(client, enrolled_dg.fresh_code())
    assert response.headers["Location"] == "/composition"
    assert client.get("/").status_code == 200
    assert actions(session)[-1] == "login"


def test_wrong_code_is_refused_counted_and_audited(client: FlaskClient, session: Session,
                                                   enrolled_dg: Enrolled) -> None:
    password_step(client)
    before = failures_of(session, "dg")
    page = code_step(client, "123456")
    assert WRONG_CODE in page.get_data(as_text=True)
    assert client.get("/").status_code == 302
    assert failures_of(session, "dg") == before + 1
    assert actions(session)[-1] == "otp_failed"


def test_a_code_is_accepted_only_once(client: FlaskClient, auth: Any,
                                      enrolled_dg: Enrolled) -> None:
    code = enrolled_dg.fresh_code()
    password_step(client)
    assert code_step(client, code).status_code == 302
    auth.logout()
    password_step(client)
    assert WRONG_CODE in code_step(client, code).get_data(as_text=True)
    previous = enrolled_dg.totp.at(enrolled_dg.clock.now - timedelta(seconds=30))
    assert WRONG_CODE in code_step(client, previous).get_data(as_text=True), \
        "a code older than the last one used is refused too"


def test_codes_within_one_step_of_the_clock_are_accepted(client: FlaskClient,
                                                         enrolled_dg: Enrolled) -> None:
    clock = enrolled_dg.clock
    clock.next_step()
    clock.next_step()
    late = enrolled_dg.totp.at(clock.now - timedelta(seconds=30))  # the phone is 30 s behind
    password_step(client)
    assert code_step(client, late).status_code == 302
    far = enrolled_dg.totp.at(clock.now + timedelta(seconds=90))
    client.post("/logout")
    password_step(client)
    assert WRONG_CODE in code_step(client, far).get_data(as_text=True)


def test_a_recovery_code_works_once(client: FlaskClient, auth: Any, session: Session,
                                    enrolled_dg: Enrolled) -> None:
    code = enrolled_dg.recovery_codes[3]
    password_step(client)
    assert code_step(client, f"  {code.upper()} ").status_code == 302  # typed by hand
    assert "recovery_code_used" in actions(session)[-3:]
    assert "9 unused recovery codes left." in client.get("/account/two-factor").get_data(
        as_text=True)
    auth.logout()
    password_step(client)
    assert WRONG_CODE in code_step(client, code).get_data(as_text=True)


def test_wrong_codes_are_throttled_and_a_password_does_not_reset_the_count(
        client: FlaskClient, app: Flask, enrolled_dg: Enrolled) -> None:
    limit = app.config["COUNCIL_LOGIN_MAX_FAILURES"]
    password_step(client)
    for _ in range(limit - 2):
        code_step(client, "000000")
    password_step(client)  # the right password again restarts nothing
    for _ in range(2):
        code_step(client, "000000")
    blocked = code_step(client, enrolled_dg.fresh_code())
    assert blocked.status_code == 429
    assert "Retry-After" in blocked.headers
    assert client.get("/").status_code == 302


def test_the_code_must_follow_the_password_within_minutes(client: FlaskClient,
                                                          enrolled_dg: Enrolled) -> None:
    password_step(client)
    with client.session_transaction() as stored:
        stored["pending_since"] -= 6 * 60
    response = code_step(client, enrolled_dg.fresh_code())
    assert response.headers["Location"] == "/login"
    assert client.get("/").status_code == 302


# --- the setting ------------------------------------------------------------------------------


def test_off_by_default_outside_production(app: Flask, client: FlaskClient) -> None:
    assert app.config["COUNCIL_REQUIRE_2FA"] is False
    assert password_step(client, "councillor1").headers["Location"] == "/"
    assert client.get("/meetings/").status_code == 200


@pytest.mark.usefixtures("required")
def test_required_role_is_held_on_enrolment_until_enrolled(client: FlaskClient, auth: Any,
                                                           clock: Clock) -> None:
    response = password_step(client, "councillor1")
    assert response.headers["Location"] == "/account/two-factor/enrol"
    for page in ("/", "/meetings/", "/account/two-factor"):
        assert client.get(page).headers["Location"] == "/account/two-factor/enrol", page
    held = client.post("/admin/users/1/two-factor/reset")
    assert held.headers["Location"] == "/account/two-factor/enrol"
    auth.use_language("en")  # still allowed
    enrolled = enrol(client, clock)
    assert client.get("/meetings/").status_code == 200
    auth.logout()
    assert password_step(client, "councillor1").headers["Location"] == "/login/code"
    assert code_step(client, enrolled.fresh_code()).status_code == 302
    assert client.get("/meetings/").status_code == 200


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize(("username", "own_page"), [("socialworker", "/"),
                                                    ("admin", "/admin/users")])
def test_other_roles_are_not_required_to_enrol(client: FlaskClient, username: str,
                                               own_page: str) -> None:
    assert password_step(client, username).headers["Location"] == "/"
    assert client.get(own_page).status_code == 200


KEY = Fernet.generate_key().decode()
PRODUCTION = {"COUNCIL_ENV": "production", "SECRET_KEY": "s", "COUNCIL_DATA_KEY": KEY,
              "COUNCIL_BASE_URL": "https://cpas.example.be"}


@pytest.mark.parametrize(("environ", "required_2fa"), [
    (PRODUCTION, True),
    ({**PRODUCTION, "COUNCIL_REQUIRE_2FA": "0"}, False),
    ({}, False),
    ({"COUNCIL_REQUIRE_2FA": "yes"}, True),
    ({"COUNCIL_REQUIRE_2FA": " "}, False),
])
def test_setting_is_on_in_production_unless_turned_off(tmp_path: Path, environ: dict[str, str],
                                                       required_2fa: bool) -> None:
    assert load_config(environ, tmp_path)["COUNCIL_REQUIRE_2FA"] is required_2fa


def test_misspelt_setting_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="COUNCIL_REQUIRE_2FA must be on or off"):
        load_config({**PRODUCTION, "COUNCIL_REQUIRE_2FA": "nein"}, tmp_path)


# --- API --------------------------------------------------------------------------------------


INVALID_CREDENTIALS = ("Unknown username, wrong password, or a one-time code (otp) missing or "
                       "wrong.")


def token_request(client: FlaskClient, username: str = "dg", **otp: str) -> TestResponse:
    return client.post("/api/v1/token",
                       json={"username": username, "password": PASSWORDS[username], **otp},
                       headers={"Accept-Language": "en"})


def test_api_token_needs_the_code_of_an_enrolled_account(client: FlaskClient, session: Session,
                                                         enrolled_dg: Enrolled) -> None:
    before = failures_of(session, "dg")
    missing = token_request(client)
    wrong = token_request(client, otp="999999")
    for refused in (missing, wrong):
        assert refused.status_code == 401
        assert refused.json == {"error": "invalid_credentials", "message": INVALID_CREDENTIALS}
    assert failures_of(session, "dg") == before + 2, "a missing code is a failure too"
    code = enrolled_dg.fresh_code()
    granted = token_request(client, otp=code)
    assert granted.status_code == 200
    assert client.get("/api/v1/meetings", headers={
        "Authorization": f"Bearer {granted.json['token']}"}).status_code == 200
    assert token_request(client, otp=code).status_code == 401, "a code works once"
    assert token_request(client, otp=enrolled_dg.recovery_codes[0]).status_code == 200


def test_api_wrong_password_with_a_right_code_is_the_same_refusal(
        client: FlaskClient, enrolled_dg: Enrolled) -> None:
    response = client.post("/api/v1/token", json={"username": "dg", "password": "nope",
                                                  "otp": enrolled_dg.fresh_code()})
    assert response.status_code == 401
    assert response.json["error"] == "invalid_credentials"


@pytest.mark.usefixtures("required")
def test_api_refuses_a_required_account_that_has_not_enrolled(client: FlaskClient) -> None:
    refused = token_request(client, "councillor2")
    assert refused.status_code == 401
    assert refused.json["error"] == "enrolment_required"
    assert token_request(client, "socialworker").status_code == 200


def test_api_without_the_setting_needs_no_code_for_others(client: FlaskClient,
                                                          enrolled_dg: Enrolled) -> None:
    assert token_request(client, "councillor3").status_code == 200


# --- recovery codes and the administrator's reset ---------------------------------------------


def test_new_recovery_codes_need_password_and_code(client: FlaskClient, auth: Any,
                                                   enrolled_dg: Enrolled) -> None:
    password_step(client)
    code_step(client, enrolled_dg.fresh_code())
    refused = client.post("/account/two-factor/recovery-codes",
                          data={"password": PASSWORDS["dg"], "otp": "000000"})
    assert refused.headers["Location"] == "/account/two-factor"
    page = client.post("/account/two-factor/recovery-codes",
                       data={"password": PASSWORDS["dg"], "otp": enrolled_dg.fresh_code()})
    new_codes = RECOVERY_CODE.findall(page.get_data(as_text=True))
    assert len(new_codes) == 10 and not set(new_codes) & set(enrolled_dg.recovery_codes)
    auth.logout()
    password_step(client)
    assert WRONG_CODE in code_step(client, enrolled_dg.recovery_codes[0]).get_data(as_text=True)
    assert code_step(client, new_codes[0]).status_code == 302


def test_a_lost_authenticator_is_reset_once_confirmed(client: FlaskClient, auth: Any,
                                                      session: Session,
                                                      enrolled_dg: Enrolled) -> None:
    """The administrator asks; the DG's own reset is confirmed by the operator (no other DG in
    the demo): tests/security/test_separation_of_duties.py tries every other way."""
    dg = user_named(session, "dg")
    auth.login("admin")
    auth.use_language("en")
    users_page = client.get("/admin/users").get_data(as_text=True)
    assert f"/admin/users/{dg.id}/two-factor/reset" in users_page
    assert client.post(f"/admin/users/{dg.id}/two-factor/reset").status_code == 302
    assert two_factor.is_enrolled(session, dg)  # asked, not done
    request = session.scalar(select(AccountRequest).where(AccountRequest.user_id == dg.id))
    account_requests.decide(session, actor=None, request=request, confirm=True)
    assert not two_factor.is_enrolled(session, dg)
    assert session.scalar(select(func.count()).select_from(RecoveryCode)
                          .where(RecoveryCode.user_id == dg.id)) == 0
    entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.action, entry.actor_id, entry.object_id, entry.details["requested_by"]) == (
        "two_factor_reset", None, dg.id, user_named(session, "admin").id)
    auth.logout()
    assert password_step(client).headers["Location"] == "/"


def test_admin_cannot_reset_their_own_second_factor(client: FlaskClient, auth: Any,
                                                    session: Session) -> None:
    auth.login("admin")
    admin = user_named(session, "admin")
    assert client.post(f"/admin/users/{admin.id}/two-factor/reset").status_code == 403
    assert client.post("/admin/users/999999/two-factor/reset").status_code == 404


def test_a_reset_between_password_and_code_restarts_the_login(client: FlaskClient,
                                                               session: Session,
                                                               enrolled_dg: Enrolled) -> None:
    password_step(client)
    two_factor.remove_second_factor(session, actor=None, user=user_named(session, "dg"))
    session.commit()
    response = code_step(client, enrolled_dg.fresh_code())
    assert response.headers["Location"] == "/login"
    assert client.get("/").status_code == 302
