"""Helpers for the two-factor tests: a clock for the TOTP steps and enrolment through the
pages, as a user would do it with their phone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pyotp
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import PASSWORDS
from time_machine import TimeMachineFixture
from werkzeug.test import TestResponse

from council.models import AuditEntry, LoginAttempt

#: the start of the message for a refused one-time code
WRONG_CODE = "This code is not valid."
ENGLISH = {"Accept-Language": "en"}
RECOVERY_CODE = re.compile(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")


class Clock:
    """The process's clock stopped (the suite's clock ticks with the machine's), moved by whole
    TOTP steps: the codes, the login and re-authentication windows and the throttling all read
    the same instant, so a test never depends on how long it ran or on the machine's clock
    being stepped in the middle of it."""

    def __init__(self, traveller: TimeMachineFixture) -> None:
        self._traveller = traveller
        traveller.move_to(datetime.now(UTC).replace(microsecond=0), tick=False)

    @property
    def now(self) -> datetime:
        return datetime.now(UTC)

    def next_step(self) -> None:
        self._traveller.shift(timedelta(seconds=30))

    @classmethod
    def install(cls, time_machine: TimeMachineFixture) -> Clock:
        return cls(time_machine)


@dataclass
class Enrolled:
    totp: pyotp.TOTP
    recovery_codes: list[str]
    clock: Clock

    def fresh_code(self) -> str:
        """A code never used before: the next time step's."""
        self.clock.next_step()
        return self.totp.at(self.clock.now)


def enrol(client: FlaskClient, clock: Clock) -> Enrolled:
    """Enrols the logged-in user through the enrolment page."""
    page = client.get("/account/two-factor/enrol").get_data(as_text=True)
    secret = re.search(r"secret=([A-Z2-7]+)", page).group(1)
    totp = pyotp.TOTP(secret)
    done = client.post("/account/two-factor/enrol", data={"code": totp.at(clock.now)})
    assert done.status_code == 200
    return Enrolled(totp=totp, recovery_codes=RECOVERY_CODE.findall(done.get_data(as_text=True)),
                    clock=clock)


def enrol_and_log_out(client: FlaskClient, auth: Any, clock: Clock, username: str) -> Enrolled:
    auth.login(username)
    auth.use_language("en")
    enrolled = enrol(client, clock)
    auth.logout()
    return enrolled


def password_step(client: FlaskClient, username: str = "dg", next_page: str = "") -> TestResponse:
    query = f"?next={next_page}" if next_page else ""
    return client.post(f"/login{query}",
                       data={"username": username, "password": PASSWORDS[username]},
                       headers=ENGLISH)


def code_step(client: FlaskClient, code: str) -> TestResponse:
    return client.post("/login/code", data={"code": code}, headers=ENGLISH)


def actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def failures_of(session: Session, username: str) -> int:
    """Failed attempts counting against the account in the login throttling."""
    return session.scalar(select(func.count()).select_from(LoginAttempt)
                          .where(LoginAttempt.username == username))
