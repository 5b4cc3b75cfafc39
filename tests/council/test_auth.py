"""Login, logout, sessions, CSRF and the language switch."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.models import AuditEntry, Language, User


def test_login_then_logout(client: FlaskClient, auth) -> None:
    auth.login("dg")
    assert client.get("/").status_code == 200
    response = client.post("/logout")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


@pytest.mark.parametrize(("username", "password"), [
    ("dg", "wrong-password"),
    ("nobody", "demo-dg"),
])
def test_failed_login_gives_one_generic_message(client: FlaskClient, username: str,
                                                password: str) -> None:
    response = client.post("/login", data={"username": username, "password": password},
                           headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert b"Unknown username or wrong password." in response.data
    assert client.get("/").status_code == 302


def test_failed_and_successful_logins_are_audited(client: FlaskClient, session: Session) -> None:
    client.post("/login", data={"username": "dg", "password": "nope"})
    client.post("/login", data={"username": "dg", "password": "demo-dg"})
    actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["login_failed", "login"]


def test_disabled_account_cannot_log_in(client: FlaskClient, session: Session) -> None:
    user = session.scalar(select(User).where(User.username == "councillor2"))
    user.is_enabled = False
    session.commit()
    client.post("/login", data={"username": "councillor2", "password": "demo-councillor"})
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_login_never_redirects_off_site(client: FlaskClient, target: str) -> None:
    response = client.post(f"/login?next={target}",
                           data={"username": "dg", "password": "demo-dg"})
    assert response.headers["Location"] == "/"


def test_login_returns_to_the_page_asked(client: FlaskClient) -> None:
    response = client.post("/login?next=/composition",
                           data={"username": "dg", "password": "demo-dg"})
    assert response.headers["Location"] == "/composition"


def test_session_cookie_is_httponly_and_samesite_lax(client: FlaskClient) -> None:
    response = client.post("/login", data={"username": "dg", "password": "demo-dg"})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_forms_are_refused_without_csrf_token(app: Flask) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client = app.test_client()
        response = client.post("/login", data={"username": "dg", "password": "demo-dg"})
        assert response.status_code == 400
        page = client.get("/login").get_data(as_text=True)
        token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        response = client.post("/login", data={"username": "dg", "password": "demo-dg",
                                               "csrf_token": token})
        assert response.status_code == 302
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_security_headers_on_every_page(client: FlaskClient) -> None:
    response = client.get("/login")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"


def test_language_switch_is_saved_for_the_user(client: FlaskClient, auth,
                                               session: Session) -> None:
    auth.login("councillor1")
    client.post("/language", data={"language": "nl", "next": "/"})
    user = session.scalar(select(User).where(User.username == "councillor1"))
    session.refresh(user)
    assert user.language is Language.nl
    page = client.get("/").get_data(as_text=True)
    assert 'lang="nl"' in page


def test_anonymous_language_choice_is_kept_in_the_session(client: FlaskClient) -> None:
    client.post("/language", data={"language": "de"})
    assert 'lang="de"' in client.get("/login").get_data(as_text=True)


def test_browser_language_is_used_before_any_choice(client: FlaskClient) -> None:
    page = client.get("/login", headers={"Accept-Language": "nl-BE,nl;q=0.9"})
    assert 'lang="nl"' in page.get_data(as_text=True)


def test_french_is_the_default_language(client: FlaskClient) -> None:
    assert 'lang="fr"' in client.get("/login").get_data(as_text=True)


def _shift_session_stamp(client: FlaskClient, key: str, minutes: int) -> None:
    with client.session_transaction() as stored:
        stored[key] -= minutes * 60


def test_session_ends_after_the_idle_time(client: FlaskClient, auth, app: Flask) -> None:
    auth.login("dg")
    assert app.permanent_session_lifetime.total_seconds() == 30 * 60
    _shift_session_stamp(client, "last_seen", 31)
    response = client.get("/composition", headers={"Accept-Language": "en"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=/composition")
    page = client.get(response.headers["Location"], headers={"Accept-Language": "en"})
    assert "Your session ended after a period of inactivity" in page.get_data(as_text=True)
    assert client.get("/").status_code == 302  # logged out for good
    with client.session_transaction() as stored:
        assert "_user_id" not in stored


def test_each_request_restarts_the_idle_time(client: FlaskClient, auth) -> None:
    auth.login("dg")
    for _ in range(3):  # 3 × 20 minutes of activity, never 30 idle
        _shift_session_stamp(client, "last_seen", 20)
        _shift_session_stamp(client, "authenticated_at", 20)
        assert client.get("/").status_code == 200
    with client.session_transaction() as stored:
        assert stored.permanent
    response = client.get("/")
    assert "Expires=" in response.headers["Set-Cookie"]  # the cookie's lifetime restarts too


def test_session_without_last_seen_stamp_is_ended(client: FlaskClient, auth) -> None:
    auth.login("dg")
    with client.session_transaction() as stored:
        del stored["last_seen"]
    assert client.get("/").status_code == 302


def test_recently_authenticated_follows_the_password_not_the_activity(client: FlaskClient,
                                                                      auth) -> None:
    from council.auth import mark_authenticated, recently_authenticated

    auth.login("dg")
    client.get("/")  # the client keeps the last request's context
    assert recently_authenticated(5)
    _shift_session_stamp(client, "authenticated_at", 6)
    client.get("/")  # activity does not count as giving the password
    assert not recently_authenticated(5)
    assert recently_authenticated(10)
    mark_authenticated()
    assert recently_authenticated(5)
    auth.logout()
    client.get("/login")
    assert not recently_authenticated(60)


def test_idle_web_session_does_not_redirect_api_calls(client: FlaskClient, auth,
                                                      api_token) -> None:
    headers = api_token("dg")
    auth.login("dg")
    _shift_session_stamp(client, "last_seen", 31)
    assert client.get("/api/v1/meetings", headers=headers).status_code == 200
    with client.session_transaction() as stored:
        assert "_user_id" not in stored and "_flashes" not in stored
