"""Login throttling per account and per client address, on the web login and POST
/api/v1/token, with a fixed clock (issue 6, item 4); the rule itself is in
test_rules_throttle.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.test import TestResponse

from council import create_app
from council.models import AuditEntry, LoginAttempt
from council.services import accounts

GENERIC = "Too many attempts; please wait a moment."


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    clock = Clock()
    monkeypatch.setattr(accounts, "utcnow", clock)
    yield clock


def web_login(client: FlaskClient, username: str, password: str,
              address: str = "192.0.2.1") -> TestResponse:
    return client.post("/login", data={"username": username, "password": password},
                       headers={"Accept-Language": "en"}, environ_base={"REMOTE_ADDR": address})


def api_login(client: FlaskClient, username: str, password: str,
              address: str = "192.0.2.1") -> TestResponse:
    return client.post("/api/v1/token", json={"username": username, "password": password},
                       headers={"Accept-Language": "en"}, environ_base={"REMOTE_ADDR": address})


LOGINS = {"web": (web_login, 302), "api": (api_login, 200)}


def fail(client: FlaskClient, login: object, times: int, username: str = "dg",
         address: str = "192.0.2.1", vary: bool = False) -> None:
    for n in range(times):
        response = login(client, f"{username}{n}" if vary else username,  # type: ignore[operator]
                         "wrong-password", address)
        assert response.status_code in (200, 401), response.status_code


def assert_throttled(response: TestResponse, retry_after: int) -> None:
    assert response.status_code == 429
    assert response.headers["Retry-After"] == str(retry_after)
    if response.is_json:
        assert response.json == {"error": "too_many_attempts", "message": GENERIC}
    else:
        assert GENERIC in response.get_data(as_text=True)


@pytest.mark.parametrize("kind", LOGINS)
def test_account_is_throttled_after_five_failures(client: FlaskClient, clock: Clock,
                                                  kind: str) -> None:
    login, ok = LOGINS[kind]
    fail(client, login, 4)
    clock.advance(minutes=5)
    fail(client, login, 1)
    clock.advance(minutes=1)
    # even the right password is not checked; the wait ends when the first failure is 15 min old
    assert_throttled(login(client, "dg", "demo-dg"), retry_after=9 * 60)
    assert_throttled(login(client, "dg", "demo-dg", "198.51.100.9"), retry_after=9 * 60)
    clock.advance(minutes=9)
    assert login(client, "dg", "demo-dg").status_code == ok


@pytest.mark.parametrize("kind", LOGINS)
def test_throttling_does_not_tell_whether_the_account_exists(client: FlaskClient, clock: Clock,
                                                             kind: str) -> None:
    login, _ = LOGINS[kind]
    responses = []
    for username in ("dg", "nobody"):
        fail(client, login, 5, username)
        responses.append(login(client, username, "demo-dg"))
    assert [r.status_code for r in responses] == [429, 429]
    assert responses[0].headers["Retry-After"] == responses[1].headers["Retry-After"]
    if kind == "api":
        assert responses[0].json == responses[1].json


@pytest.mark.parametrize("kind", LOGINS)
def test_address_is_throttled_after_twenty_failures(client: FlaskClient, clock: Clock,
                                                    kind: str) -> None:
    login, ok = LOGINS[kind]
    fail(client, login, 20, "guess", vary=True)  # 20 accounts, one failure each
    assert_throttled(login(client, "dg", "demo-dg"), retry_after=15 * 60)
    assert login(client, "dg", "demo-dg", "198.51.100.9").status_code == ok


@pytest.mark.parametrize("kind", LOGINS)
def test_success_resets_the_account_but_not_the_address(client: FlaskClient, clock: Clock,
                                                        kind: str, auth) -> None:
    login, ok = LOGINS[kind]
    fail(client, login, 4)
    fail(client, login, 14, "guess", vary=True)
    assert login(client, "dg", "demo-dg").status_code == ok
    auth.logout()
    fail(client, login, 1)  # 5 failures for dg in all, but only 1 since its success
    assert login(client, "dg", "demo-dg").status_code == ok  # 19 failures from the address
    auth.logout()
    fail(client, login, 1, "other")  # the 20th, although dg succeeded twice
    assert_throttled(login(client, "dg", "demo-dg"), retry_after=15 * 60)


def test_web_and_api_share_the_counters(client: FlaskClient, clock: Clock) -> None:
    fail(client, web_login, 3)
    fail(client, api_login, 2)
    assert_throttled(web_login(client, "dg", "demo-dg"), retry_after=15 * 60)
    assert_throttled(api_login(client, "dg", "demo-dg"), retry_after=15 * 60)


def test_refused_attempts_are_audited_and_not_counted(client: FlaskClient, clock: Clock,
                                                      session: Session) -> None:
    fail(client, web_login, 5)
    for _ in range(3):
        assert web_login(client, "dg", "x").status_code == 429
    assert session.scalar(select(func.count()).select_from(LoginAttempt)) == 5
    actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc())
                              .limit(4)).all()
    assert actions == ["login_throttled"] * 3 + ["login_failed"]


def test_failures_stamped_by_a_clock_running_ahead_count(client: FlaskClient, clock: Clock,
                                                        session: Session) -> None:
    """Another worker's clock may be a little ahead: its failures count from now."""
    ahead = clock.now + timedelta(seconds=2)
    session.add_all(LoginAttempt(username="dg", address="203.0.113.1", failed_at=ahead)
                    for _ in range(5))
    session.commit()
    assert_throttled(web_login(client, "dg", "demo-dg"), retry_after=15 * 60)


def test_old_attempts_are_purged_a_batch_at_a_time(client: FlaskClient, clock: Clock,
                                                   session: Session) -> None:
    old = clock.now - timedelta(minutes=16)
    session.add_all(LoginAttempt(username=f"u{n}", address="203.0.113.1", failed_at=old)
                    for n in range(accounts.PURGE_BATCH + 30))
    session.commit()

    def stored() -> int:
        return session.scalar(select(func.count()).select_from(LoginAttempt)) or 0

    fail(client, web_login, 1)
    assert stored() == 30 + 1
    fail(client, web_login, 1)
    assert stored() == 2


def test_trusted_proxies_setting_wraps_the_app_in_proxyfix(app: Flask) -> None:
    assert not isinstance(app.wsgi_app, ProxyFix)
    proxied = create_app({"TESTING": True, "COUNCIL_TRUSTED_PROXIES": 1})
    assert isinstance(proxied.wsgi_app, ProxyFix)
    assert proxied.wsgi_app.x_for == 1
