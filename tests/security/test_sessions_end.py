"""Sessions that end (issue 13, item 3): a session cookie captured before a logout, a password
change, a disabled account, a role change or "log out my other sessions" is refused afterwards,
even replayed from another browser; the session that asked to end the others goes on.

Each attack: the victim logs in on a shared tablet, the attacker copies the signed ``session``
cookie, something ends the victim's sessions, then the attacker presents the copy from a fresh
client with another User-Agent.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS, user_named
from time_machine import TimeMachineFixture
from two_factor_support import Clock, code_step, enrol_and_log_out, password_step
from werkzeug.test import TestResponse

from council.models import AccountRequest, AuditEntry, Role, User

TABLET = {"User-Agent": "Shared tablet of the council room"}
LAPTOP = {"User-Agent": "The victim's own laptop"}
ATTACKER = {"User-Agent": "The attacker's browser"}
#: a page only a logged-in member of staff sees (the secretariat: 200)
PAGE = "/composition"
VICTIM = "secretariat"
NEW_PASSWORD = "a-new-passphrase"


class Browser(FlaskClient):
    """A browser of its own: each request runs in a fresh application context, as in
    production (pytest-flask's request context, held for the whole test, would otherwise share
    Flask-Login's cached user and the database session between the test's clients)."""

    def open(self, *args: Any, **kwargs: Any) -> TestResponse:
        with self.application.app_context():
            return super().open(*args, **kwargs)


def _browser(app: Flask) -> Browser:
    return Browser(app, app.response_class)


def _logged_in(app: Flask, headers: dict[str, str] = TABLET,
               password: str = PASSWORDS[VICTIM]) -> FlaskClient:
    """The victim, logged in on a device of their own."""
    client = _browser(app)
    response = client.post("/login", headers=headers,
                           data={"username": VICTIM, "password": password})
    assert response.status_code == 302
    assert client.get(PAGE, headers=headers).status_code == 200
    return client


def _admin(app: Flask) -> FlaskClient:
    admin = _browser(app)
    assert admin.post("/login", data={"username": "admin",
                                      "password": PASSWORDS["admin"]}).status_code == 302
    return admin


def _in_english(client: FlaskClient) -> None:
    client.post("/language", data={"language": "en"})


def _fresh_user(session: Session, username: str) -> User:
    session.expire_all()  # changed by the requests, each in its own database session
    return user_named(session, username)


def _captured(client: FlaskClient) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def _replayed(app: Flask, cookie: str) -> FlaskClient:
    """A fresh client (another browser) carrying a copy of the captured cookie."""
    attacker = _browser(app)
    attacker.set_cookie("session", cookie)
    return attacker


def _assert_refused(app: Flask, cookie: str, demo: Any) -> None:
    attacker = _replayed(app, cookie)
    page = attacker.get(PAGE, headers=ATTACKER)
    assert page.status_code == 302
    assert page.headers["Location"].startswith(f"/login?next={PAGE}")
    fragment = _replayed(app, cookie).get(f"/meetings/{demo.csss_meeting_id}/live/state",
                                          headers={**ATTACKER, "HX-Request": "true"})
    assert (fragment.status_code, fragment.headers["HX-Redirect"]) == (204, "/login")
    api = _replayed(app, cookie).get("/api/v1/meetings", headers=ATTACKER)
    assert api.status_code == 401  # the API never takes a session cookie


def _sessions_ended(session: Session, username: str) -> list[str | None]:
    """The reasons recorded in the audit log when the account's sessions were ended."""
    user = _fresh_user(session, username)
    return [entry.details.get("reason") for entry in session.scalars(
        select(AuditEntry).where(AuditEntry.action == "sessions_ended",
                                 AuditEntry.object_id == user.id).order_by(AuditEntry.id))]


def test_a_captured_cookie_works_from_another_browser_until_the_sessions_end(
        app: Flask) -> None:
    """The threat: the signed cookie alone is the session, whatever the User-Agent."""
    cookie = _captured(_logged_in(app))
    assert _replayed(app, cookie).get(PAGE, headers=ATTACKER).status_code == 200


def test_logout_ends_a_captured_copy(app: Flask, demo: Any, session: Session) -> None:
    victim = _logged_in(app)
    cookie = _captured(victim)
    other_device = _logged_in(app)
    assert victim.post("/logout", headers=TABLET).status_code == 302
    _assert_refused(app, cookie, demo)
    # logging out ends the account's sessions everywhere
    assert other_device.get(PAGE, headers=TABLET).status_code == 302
    assert _sessions_ended(session, VICTIM) == ["logout"]


def test_a_password_change_elsewhere_ends_a_captured_copy(app: Flask, demo: Any,
                                                          session: Session) -> None:
    cookie = _captured(_logged_in(app))
    own_device = _logged_in(app, headers=LAPTOP)
    changed = own_device.post("/account/password", data={
        "password": PASSWORDS[VICTIM], "new_password": NEW_PASSWORD,
        "confirmation": NEW_PASSWORD})
    assert changed.status_code == 302
    _assert_refused(app, cookie, demo)
    assert own_device.get(PAGE).status_code == 200  # the device that changed it goes on
    _logged_in(app, password=NEW_PASSWORD)
    entries = session.scalars(select(AuditEntry.action).where(
        AuditEntry.object_id == user_named(session, VICTIM).id)).all()
    assert "password_changed" in entries
    assert _sessions_ended(session, VICTIM) == ["password_changed"]


def test_a_wrong_current_password_changes_nothing(app: Flask, session: Session) -> None:
    victim = _logged_in(app)
    cookie = _captured(victim)
    _in_english(victim)
    refused = victim.post("/account/password", data={
        "password": "not-the-password", "new_password": NEW_PASSWORD,
        "confirmation": NEW_PASSWORD})
    assert refused.status_code == 200
    assert "Wrong password or code." in refused.get_data(as_text=True)
    mismatch = victim.post("/account/password", data={
        "password": PASSWORDS[VICTIM], "new_password": NEW_PASSWORD,
        "confirmation": NEW_PASSWORD + "x"})
    assert "The two new passwords differ." in mismatch.get_data(as_text=True)
    assert _replayed(app, cookie).get(PAGE, headers=ATTACKER).status_code == 200
    assert _sessions_ended(session, VICTIM) == []


@pytest.mark.parametrize("then_enable", [False, True], ids=["disabled", "re-enabled"])
def test_disabling_the_account_ends_a_captured_copy(app: Flask, demo: Any, session: Session,
                                                    then_enable: bool) -> None:
    victim = _logged_in(app)
    cookie = _captured(victim)
    admin = _admin(app)
    user_id = demo.user_ids[VICTIM]
    assert admin.post(f"/admin/users/{user_id}/disable").status_code == 302
    if then_enable:
        assert admin.post(f"/admin/users/{user_id}/enable").status_code == 302
    _assert_refused(app, cookie, demo)
    assert victim.get(PAGE, headers=TABLET).status_code == 302
    assert _sessions_ended(session, VICTIM) == ["account_disabled"]


def test_a_role_change_ends_a_captured_copy(app: Flask, demo: Any, session: Session) -> None:
    """The role changes when the DG confirms the administrator's request (issue 13, separation
    of duties): then the sessions end."""
    cookie = _captured(_logged_in(app))
    admin = _admin(app)
    changed = admin.post(f"/admin/users/{demo.user_ids[VICTIM]}/role", data={"role": "dg"})
    assert changed.status_code == 302
    assert _fresh_user(session, VICTIM).role is Role.secretariat  # until the DG confirms
    request_id = session.scalar(select(AccountRequest.id))
    dg = _browser(app)
    assert dg.post("/login", data={"username": "dg", "password": PASSWORDS["dg"]}).status_code \
        == 302
    assert dg.post(f"/accounts/requests/{request_id}/confirm").status_code == 302
    _assert_refused(app, cookie, demo)
    assert _fresh_user(session, VICTIM).role is Role.dg
    assert _sessions_ended(session, VICTIM) == ["role_changed"]


@pytest.mark.parametrize(("target", "role", "message"), [
    ("admin", "dg", "You cannot change your own role."),
    (VICTIM, "councillor", "A councillor account must be linked to a council member"),
])
def test_refused_role_changes_end_nothing(app: Flask, demo: Any, session: Session, target: str,
                                          role: str, message: str) -> None:
    admin = _admin(app)
    _in_english(admin)
    response = admin.post(f"/admin/users/{demo.user_ids[target]}/role", data={"role": role},
                          follow_redirects=True)
    assert message in response.get_data(as_text=True)
    assert _fresh_user(session, target).role is not Role(role)
    assert _sessions_ended(session, target) == []


def test_log_out_my_other_sessions(app: Flask, demo: Any, session: Session) -> None:
    cookie = _captured(_logged_in(app))
    own_device = _logged_in(app, headers=LAPTOP)
    _in_english(own_device)
    page = own_device.get("/account").get_data(as_text=True)
    assert "Log out my other sessions" in page
    ended = own_device.post("/account/other-sessions", follow_redirects=True)
    assert "Your other sessions have ended." in ended.get_data(as_text=True)
    _assert_refused(app, cookie, demo)
    assert own_device.get(PAGE).status_code == 200
    assert _sessions_ended(session, VICTIM) == ["other_sessions"]


def test_a_password_changed_between_the_two_factors_stops_the_login(
        app: Flask, client: FlaskClient, auth: Any, time_machine: TimeMachineFixture) -> None:
    """Someone who knew the old password and waits at the code step gets no session once the
    owner changed it (the code alone is not enough)."""
    clock = Clock.install(time_machine)
    enrolled = enrol_and_log_out(client, auth, clock, VICTIM)
    waiting = _browser(app)
    assert password_step(waiting, VICTIM).headers["Location"] == "/login/code"
    owner = _browser(app)
    password_step(owner, VICTIM)
    code_step(owner, enrolled.fresh_code())
    assert owner.post("/account/password", data={
        "password": PASSWORDS[VICTIM], "otp": enrolled.fresh_code(),
        "new_password": NEW_PASSWORD, "confirmation": NEW_PASSWORD}).status_code == 302
    refused = code_step(waiting, enrolled.fresh_code())
    assert refused.headers["Location"] == "/login"
    assert waiting.get(PAGE).status_code == 302
