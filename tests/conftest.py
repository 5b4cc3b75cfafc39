"""Fixtures: one application and schema per run (with the demo centre), a rolled-back
transaction per test, a client, and helpers to log in as each role; one clock for all.

Set COUNCIL_TEST_DATABASE_URL to run against PostgreSQL (``.ci/run`` does).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from cryptography.fernet import Fernet
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select, text
from sqlalchemy.orm import Session
from support import DEMO_TODAY, PASSWORDS, TEST_START

from agenda import sitting as live
from council import create_app
from council.db import db, state
from council.migrate import upgrade
from council.models import AgendaItem, ItemKind, Meeting, MeetingStatus, OrganKind, User

CLOCK = pytest.StashKey[time_machine.travel]()
CLOCKED_FOLDER = pytest.StashKey[Path]()
BROWSER_JOURNEYS = Path(__file__).resolve().parent / "browser"


def _runs_browser_journeys(config: pytest.Config) -> bool:
    return any(Path(str(argument).split("::")[0]).resolve().is_relative_to(BROWSER_JOURNEYS)
               for argument in config.args)


#: programs the code runs that judge dates by the machine's clock (pdfsig: certificate periods)
CLOCKED_PROGRAMS = ("pdfsig",)


def pytest_configure(config: pytest.Config) -> None:
    """The clock: the suite runs from TEST_START, whatever the machine's date, so that no test
    passes today and fails next month. Started here rather than in a fixture so that module
    constants computed at import (certificate periods, "today") read the same clock. It ticks:
    durations and timeouts still pass. A test that needs another instant travels from there
    (``time_machine.travel`` or the ``time_machine`` fixture).

    The browser journeys (tests/browser) keep the real clock: Chromium judges cookie expiry by
    the machine's clock, which no Python patch reaches, so they build their demo from the real
    today instead and compare nothing with a fixed date."""
    if _runs_browser_journeys(config):
        return
    offset = TEST_START - datetime.now(UTC)
    traveller = time_machine.travel(TEST_START, tick=True)
    traveller.start()
    config.stash[CLOCK] = traveller
    config.stash[CLOCKED_FOLDER] = _programs_on_the_suite_clock(offset)


def _programs_on_the_suite_clock(offset: timedelta) -> Path:
    """Wrappers, first on PATH, that run each of CLOCKED_PROGRAMS under libfaketime shifted
    by ``offset``: both clocks tick, so the shift keeps them together for the whole run."""
    faketime = shutil.which("faketime")
    if faketime is None:
        raise pytest.UsageError("the tests run pdfsig on their own clock through faketime: "
                                "apt-get install faketime (`make test` does)")
    folder = Path(tempfile.mkdtemp(prefix="council-clock-"))
    for program in CLOCKED_PROGRAMS:
        real = shutil.which(program)
        if real is None:
            continue  # it stays missing, as the code expects to find it on a bare server
        wrapper = folder / program
        wrapper.write_text(f'#!/bin/sh\nexec {faketime} -f "{offset.total_seconds():+.0f}" '
                           f'{real} "$@"\n')
        wrapper.chmod(0o755)
    os.environ["PATH"] = f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"
    return folder


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(CLOCK, None)
    if traveller is not None:
        traveller.stop()
    folder = config.stash.get(CLOCKED_FOLDER, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def _test_database_url(tmp_dir: str) -> str:
    return os.environ.get("COUNCIL_TEST_DATABASE_URL") or f"sqlite:///{tmp_dir}/test.db"


def _reset_schema(app: Flask) -> None:
    engine = state(app).engine
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    upgrade(engine)


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    os.environ["SECRET_KEY"] = "test-secret-key"
    os.environ["COUNCIL_DATA_KEY"] = Fernet.generate_key().decode()
    os.environ["DATABASE_URL"] = _test_database_url(str(tmp_path_factory.mktemp("db")))
    os.environ.pop("COUNCIL_ENV", None)
    os.environ.pop("COUNCIL_QUEUE_URL", None)  # the embedded queue (tests/queue_support.py)
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False,
                      "COUNCIL_MAIL_SUPPRESS": True})  # a test may start an aiosmtpd server
    _reset_schema(app)
    from council.demo import build_demo

    with app.app_context():
        build_demo(db.session, today=DEMO_TODAY)
    yield app
    state(app).engine.dispose()


@pytest.fixture(autouse=True)
def _transaction(app: Flask) -> Iterator[None]:
    """Each test runs inside a transaction that is rolled back; services' commits become
    savepoint releases."""
    current = state(app)
    connection = current.engine.connect()
    transaction = connection.begin()
    current.bind = connection
    current.join_transaction_mode = "create_savepoint"
    try:
        yield
    finally:
        db.session.remove()
        transaction.rollback()
        connection.close()
        current.bind = current.engine
        current.join_transaction_mode = "conditional_savepoint"


@pytest.fixture
def session(app: Flask) -> Iterator[Session]:
    with app.app_context():
        yield db.session()


@dataclass
class Demo:
    csss_meeting_id: int
    council_meeting_id: int
    #: an individual-aid item of the CSSS meeting
    csss_item_id: int
    user_ids: dict[str, int]
    #: a decided individual-aid item of the demo's past (held, closed) CSSS meeting
    decided_item_id: int
    #: the first item of the demo CSSS meeting: it approves the past meeting's minutes
    csss_approval_item_id: int


@pytest.fixture
def demo(session: Session) -> Demo:
    # the meetings ahead (the demo's past CSSS meeting is closed)
    meetings = {m.organ.kind: m for m in session.scalars(
        select(Meeting).where(Meeting.status == MeetingStatus.convened))}
    csss = meetings[OrganKind.csss]
    return Demo(
        csss_meeting_id=csss.id,
        council_meeting_id=meetings[OrganKind.council].id,
        csss_item_id=next(i.id for i in csss.items if i.kind is ItemKind.individual_aid),
        user_ids=dict(session.execute(select(User.username, User.id)).all()),
        decided_item_id=session.scalar(
            select(AgendaItem.id).join(Meeting)
            .where(Meeting.status == MeetingStatus.closed,
                   AgendaItem.kind == ItemKind.individual_aid)
            .order_by(AgendaItem.number).limit(1)),
        csss_approval_item_id=next(i.id for i in csss.items
                                   if i.kind is ItemKind.minutes_approval),
    )


@pytest.fixture
def open_sittings(session: Session, demo: Demo) -> Demo:
    """The demo's convened CSSS and council sittings opened by the DG on their day (the
    suite's day), through the service, as the chair screen opens them; no roll call."""
    dg = session.get(User, demo.user_ids["dg"])
    for meeting_id in (demo.csss_meeting_id, demo.council_meeting_id):
        live.open_sitting(session, session.get(Meeting, meeting_id), actor=dg)
    return demo


class AuthActions:
    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def login(self, username: str, password: str | None = None) -> None:
        response = self._client.post(
            "/login", data={"username": username, "password": password or PASSWORDS[username]}
        )
        assert response.status_code == 302, f"login failed for {username}"

    def use_language(self, language: str) -> None:
        self._client.post("/language", data={"language": language})

    def logout(self) -> None:
        self._client.post("/logout")


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)


@pytest.fixture
def api_token(client: FlaskClient) -> Callable[[str], dict[str, str]]:
    """Returns the Authorization header for a demo user."""

    def headers(username: str) -> dict[str, str]:
        response = client.post(
            "/api/v1/token", json={"username": username, "password": PASSWORDS[username]}
        )
        assert response.status_code == 200, response.json
        return {"Authorization": f"Bearer {response.json['token']}"}

    return headers


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: object) -> None:
        self.count += 1


@pytest.fixture
def count_queries(app: Flask) -> Callable[[], QueryCounter]:
    """``with count_queries() as counter``-style helper: counts statements on the engine."""
    engine = state(app).engine
    counters: list[QueryCounter] = []

    def start() -> QueryCounter:
        counter = QueryCounter()
        event.listen(engine, "before_cursor_execute", counter)
        counters.append(counter)
        return counter

    yield start  # type: ignore[misc]
    for counter in counters:
        event.remove(engine, "before_cursor_execute", counter)
