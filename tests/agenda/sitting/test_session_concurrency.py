"""Fifteen members voting at the same moment, each also trying a second ballot: exactly one
ballot each is stored and every other attempt is a 409, on SQLite (WAL, BEGIN IMMEDIATE) and,
when COUNCIL_TEST_DATABASE_URL is set, on PostgreSQL (row lock on the poll, unique
constraints). The per-test rollback binds one connection, so these tests use an application
and a committed database of their own (a temporary SQLite file, or a PostgreSQL schema),
removed afterwards."""

from __future__ import annotations

import os
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event, func, select, text

from council import create_app
from council.db import db, state
from council.demo.rehearsal import build_floor
from council.migrate import upgrade
from council.models import OpenBallot, SecretBallot, SecretParticipation

VOTERS = 15
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("COUNCIL_TEST_DATABASE_URL") else [])


def _own_app(backend: str, tmp_path: Any) -> Iterator[Flask]:
    if backend == "sqlite":
        app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/votes.db"})
        upgrade(state(app).engine)
        yield app
        state(app).engine.dispose()
        return
    schema = f"concurrency_{uuid.uuid4().hex[:12]}"
    url = os.environ["COUNCIL_TEST_DATABASE_URL"]
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    engine = state(app).engine
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))

    @event.listens_for(engine, "connect")
    def _search_path(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.autocommit = True
        dbapi_connection.execute(f'SET search_path TO "{schema}"')
        dbapi_connection.autocommit = False

    engine.dispose()  # reconnect with the search path
    try:
        upgrade(engine)
        yield app
    finally:
        engine.dispose()
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def voting_app(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Flask]:
    yield from _own_app(request.param, tmp_path)


def _storm(app: Flask, item_id: int, tokens: list[str], choices: list[str]) -> Counter[int]:
    """Every voter sends two ballots at once, all voters together."""
    barrier = threading.Barrier(len(tokens) * 2)
    statuses: list[int] = []
    lock = threading.Lock()

    def vote(token: str, choice: str) -> None:
        client = app.test_client()
        barrier.wait()
        response = client.post(f"/api/v1/items/{item_id}/ballot", json={"choice": choice},
                               headers={"Authorization": f"Bearer {token}"})
        with lock:
            statuses.append(response.status_code)

    threads = [threading.Thread(target=vote, args=(token, choice))
               for token, choice in zip(tokens, choices, strict=True) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return Counter(statuses)


def test_fifteen_simultaneous_voters(voting_app: Flask) -> None:
    with voting_app.app_context():
        floor = build_floor(db.session, members=VOTERS, items=2, secret_every=2)
        db.session.remove()
    secret_item = floor.secret_item_ids[0]
    open_item = next(i for i in floor.item_ids if i != secret_item)
    tokens = list(floor.tokens.values())
    choices = ["yes", "no", "abstain"] * (VOTERS // 3)
    for item_id in (open_item, secret_item):
        statuses = _storm(voting_app, item_id, tokens, choices)
        assert statuses == Counter({201: VOTERS, 409: VOTERS})
    chair = {"Authorization": f"Bearer {floor.chair_token}"}
    client = voting_app.test_client()
    for item_id in (open_item, secret_item):
        result = client.post(f"/api/v1/items/{item_id}/poll/close", headers=chair).json
        assert (result["yes"], result["no"], result["abstain"]) == (5, 5, 5)
    with voting_app.app_context():
        session = db.session
        assert session.scalar(select(func.count()).select_from(OpenBallot)) == VOTERS
        assert session.scalar(select(func.count(func.distinct(OpenBallot.member_id)))) == VOTERS
        assert session.scalar(select(func.count()).select_from(SecretParticipation)) == VOTERS
        # the secret choices were counted at closing, then deleted: only the counts remain
        assert session.scalar(select(func.count()).select_from(SecretBallot)) == 0
        db.session.remove()


def test_ballots_racing_the_close(voting_app: Flask) -> None:
    """Ballots sent while the poll closes are either counted or refused with 409, never lost
    after being accepted."""
    with voting_app.app_context():
        floor = build_floor(db.session, members=VOTERS, items=1)
        db.session.remove()
    item_id = floor.item_ids[0]
    accepted: list[int] = []
    barrier = threading.Barrier(VOTERS + 1)
    result: dict[str, Any] = {}

    def vote(token: str) -> None:
        client = voting_app.test_client()
        barrier.wait()
        response = client.post(f"/api/v1/items/{item_id}/ballot", json={"choice": "yes"},
                               headers={"Authorization": f"Bearer {token}"})
        assert response.status_code in (201, 409)
        if response.status_code == 201:
            accepted.append(1)

    def close() -> None:
        client = voting_app.test_client()
        barrier.wait()
        result.update(client.post(f"/api/v1/items/{item_id}/poll/close", headers={
            "Authorization": f"Bearer {floor.chair_token}"}).json)

    threads = [threading.Thread(target=vote, args=(t,)) for t in floor.tokens.values()]
    threads.append(threading.Thread(target=close))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert result["yes"] == len(accepted)
