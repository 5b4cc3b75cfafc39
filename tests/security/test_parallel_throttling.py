"""Throttling that holds in parallel (issue 13, item 4).

The attack, as seen on PostgreSQL before: 40 logins sent at once (39 wrong passwords, then the
right one) had 17 wrong passwords checked against a limit of 5, and the right one accepted
after 12 failures; 12 wrong one-time codes sent at once were all checked. Each attempt counted
the recent failures, then added its own: under READ COMMITTED, parallel attempts all counted
the same few. SQLite held (its transactions are serial).

Here ``ATTEMPTS`` clients, each in a thread with a database connection of its own, send their
wrong password, one-time code or recovery code at the same moment, on a database of their own
(SQLite, and PostgreSQL when COUNCIL_TEST_DATABASE_URL is set), through the web login and the
token API. No more than the limit are checked (the checker is counted), every other one is
refused with 429, and afterwards the right secret is refused too while the window holds. Last,
the token API answers a right password whose code is missing as it answers a wrong password.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient
from scratch_database import BACKENDS, scratch_app
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from council.db import db
from council.models import AuditEntry, LoginAttempt, User
from council.services import accounts, two_factor

ATTEMPTS = 20
USERNAME = "dg"
PASSWORD = "the-right-passphrase"
ENGLISH = {"Accept-Language": "en"}
#: a well-formed recovery code (``two_factor._RECOVERY_ALPHABET``) that none of them is
WRONG_RECOVERY_CODE = "aaaaa-aaaaa"


@dataclass
class Account:
    app: Flask
    limit: int
    #: the authenticator's secret and the recovery codes, once enrolled
    secret: str = ""
    recovery_codes: tuple[str, ...] = ()

    def enrol(self) -> None:
        with self.app.app_context():
            user = db.session.scalar(select(User).where(User.username == USERNAME))
            self.secret = two_factor.begin_enrolment(db.session, user).secret
            self.recovery_codes = tuple(two_factor.confirm_enrolment(
                db.session, user, pyotp.TOTP(self.secret).now()))

    def fresh_code(self) -> str:
        """The next step's code: never used yet, and within the accepted drift."""
        totp = pyotp.TOTP(self.secret)
        return totp.at(totp.timecode(two_factor.utcnow()) * totp.interval + totp.interval)

    def stored(self, action: str | None = None) -> int:
        """The account's counted failures, or the audit entries of ``action``."""
        with self.app.app_context():
            query = (select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
                     if action else select(func.count()).select_from(LoginAttempt)
                     .where(LoginAttempt.username == USERNAME))
            return db.session.scalar(query) or 0


@pytest.fixture(params=BACKENDS)
def account(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Account]:
    """The DG's account on a database of its own."""
    with scratch_app(request.param, tmp_path, "throttle", WTF_CSRF_ENABLED=False) as app:
        with app.app_context():
            accounts.create_first_director(db.session, username=USERNAME, password=PASSWORD,
                                          display_name="Directrice générale")
        yield Account(app, app.config["COUNCIL_LOGIN_MAX_FAILURES"])


class Calls:
    """Counts the calls of a module's function, from every thread."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
        self.count = 0
        self._lock = threading.Lock()
        checker = getattr(module, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                self.count += 1
            return checker(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)


def all_at_once(clients: list[FlaskClient], send: Callable[[FlaskClient], TestResponse]
                ) -> Counter[int]:
    """Each client sends its request in a thread of its own, all released together; the
    statuses answered."""
    start = threading.Barrier(len(clients))

    def run(client: FlaskClient) -> int:
        start.wait(timeout=30)
        return send(client).status_code

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        return Counter(pool.map(run, clients))


def clients(app: Flask) -> list[FlaskClient]:
    return [app.test_client() for _ in range(ATTEMPTS)]


def web_login(password: str) -> Callable[[FlaskClient], TestResponse]:
    return lambda client: client.post("/login", headers=ENGLISH,
                                      data={"username": USERNAME, "password": password})


def web_code(code: str) -> Callable[[FlaskClient], TestResponse]:
    return lambda client: client.post("/login/code", headers=ENGLISH, data={"code": code})


def api_login(password: str, **otp: str) -> Callable[[FlaskClient], TestResponse]:
    return lambda client: client.post("/api/v1/token", headers=ENGLISH,
                                      json={"username": USERNAME, "password": password, **otp})


def assert_throttled(response: TestResponse) -> None:
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


#: how each channel answers a wrong secret that was checked
REFUSED = {"web": 200, "api": 401}
LOGIN = {"web": web_login, "api": api_login}


@pytest.mark.parametrize("channel", ["web", "api"])
def test_parallel_wrong_passwords_check_no_more_than_the_limit(
        account: Account, monkeypatch: pytest.MonkeyPatch, channel: str) -> None:
    checked = Calls(monkeypatch, accounts, "verify_password")
    statuses = all_at_once(clients(account.app), LOGIN[channel]("wrong-password"))
    assert checked.count == account.limit
    assert statuses == {REFUSED[channel]: account.limit, 429: ATTEMPTS - account.limit}
    assert account.stored() == account.limit
    assert account.stored("login_failed") == account.limit
    assert account.stored("login_throttled") == ATTEMPTS - account.limit
    assert_throttled(LOGIN[channel](PASSWORD)(account.app.test_client()))
    assert checked.count == account.limit, "the right password was not even checked"


def test_parallel_wrong_codes_on_the_web_check_no_more_than_the_limit(
        account: Account, monkeypatch: pytest.MonkeyPatch) -> None:
    account.enrol()
    browsers = clients(account.app)
    for browser in browsers:  # each has given the right password and waits for its code
        assert web_login(PASSWORD)(browser).headers["Location"] == "/login/code"
    assert account.stored() == 0, "a right password alone is no failure"
    checked = Calls(monkeypatch, two_factor, "_matching_step")
    statuses = all_at_once(browsers, web_code("000000"))
    assert checked.count == account.limit
    assert statuses == {200: account.limit, 429: ATTEMPTS - account.limit}
    assert account.stored("otp_failed") == account.limit
    assert_throttled(web_code(account.fresh_code())(browsers[0]))
    assert checked.count == account.limit


@pytest.mark.parametrize("kind", ["totp", "recovery"])
def test_parallel_wrong_codes_through_the_api_check_no_more_than_the_limit(
        account: Account, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    account.enrol()
    passwords = Calls(monkeypatch, accounts, "verify_password")
    checker = "_matching_step" if kind == "totp" else "_use_recovery_code"
    checked = Calls(monkeypatch, two_factor, checker)
    wrong = "000000" if kind == "totp" else WRONG_RECOVERY_CODE
    statuses = all_at_once(clients(account.app), api_login(PASSWORD, otp=wrong))
    assert passwords.count == checked.count == account.limit
    assert statuses == {401: account.limit, 429: ATTEMPTS - account.limit}
    assert account.stored() == account.limit
    right = account.fresh_code() if kind == "totp" else account.recovery_codes[0]
    assert_throttled(api_login(PASSWORD, otp=right)(account.app.test_client()))
    assert checked.count == account.limit


def test_token_api_answers_a_missing_code_as_a_wrong_password(account: Account) -> None:
    account.enrol()
    client = account.app.test_client()
    wrong_password = api_login("wrong-password")(client)
    missing_code = api_login(PASSWORD)(client)
    assert missing_code.status_code == wrong_password.status_code == 401
    assert missing_code.get_data() == wrong_password.get_data()
    assert missing_code.json["error"] == "invalid_credentials"
    assert account.stored() == 2, "both count as failures, or the throttling would tell"
