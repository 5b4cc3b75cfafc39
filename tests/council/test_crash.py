"""Crash test (issue 6, item 8): the real server (gunicorn, 2 workers) on a database of its own
(SQLite in WAL mode; PostgreSQL too when COUNCIL_TEST_DATABASE_URL is set) receives ballots
from concurrent councillors and is killed with SIGKILL, process group and all, in mid-stream,
then restarted, several times. Each councillor retries an unanswered ballot until the server
answers 201 (acknowledged) or 409 (already recorded by the attempt the crash cut off).
At the end every acknowledged ballot is stored exactly once, none twice, and every secret
ballot has its participation.

``CRASH_CYCLES`` (default 2) sets the number of crashes; ``make crash-test`` runs 10 and prints
the figures ("cycles survived / acknowledged ballots / lost / duplicated").
"""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from scratch_database import BACKENDS, app_for, scratch_database, server_environment
from sqlalchemy import select

from council.db import db, state
from council.demo.rehearsal import RehearsalFloor, build_floor
from council.migrate import upgrade
from council.models import OpenBallot as OpenBallotRow
from council.models import Poll, SecretBallot, SecretParticipation

HOST = "127.0.0.1"
TESTS = Path(__file__).resolve().parents[1]
CYCLES = int(os.environ.get("CRASH_CYCLES", "2"))
MEMBERS = 10
#: enough items that councillors are still voting when the last crash comes
ITEMS = 4 + 3 * CYCLES
#: acknowledged ballots between a restart and the next kill, so that each kill is mid-stream
BALLOTS_BEFORE_KILL = 12


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn in a process group of its own, so that SIGKILL takes the workers too."""

    def __init__(self, url: str, schema: str | None, log: Path) -> None:
        self.port = _free_port()
        self.database = (url, schema)
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (fixed arguments)
                [gunicorn, "-w", "2", "-b", f"{HOST}:{self.port}", "--pythonpath", str(TESTS),
                 "--log-level", "warning", "scratch_database:wsgi_app()"],
                env=server_environment(*self.database), stdout=log, stderr=log,
                start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            connection = http.client.HTTPConnection(HOST, self.port, timeout=2)
            try:
                connection.request("GET", "/api/v1/openapi.json")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
            finally:
                connection.close()
        raise AssertionError("the server did not answer within 60 s")

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


@dataclass
class Ledger:
    """What the clients were told, shared by their threads."""

    acknowledged: set[tuple[int, int]] = field(default_factory=set)
    #: ballots answered 409 after a crash cut their first attempt off
    already_recorded: set[tuple[int, int]] = field(default_factory=set)
    unexpected: Counter[int] = field(default_factory=Counter)
    #: attempts that got no answer (the server was killed meanwhile, or was down)
    unanswered: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _send_ballot(port: int, token: str, item_id: int, choice: str) -> int | None:
    """The HTTP status, or None when the server did not answer (down, or killed meanwhile)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("POST", f"/api/v1/items/{item_id}/ballot",
                           body=json.dumps({"choice": choice}),
                           headers={"Authorization": f"Bearer {token}",
                                    "Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return None
    finally:
        connection.close()


def _councillor(server: Server, member_id: int, token: str, items: list[int],
                ledger: Ledger, seed: int) -> None:
    rng = random.Random(seed)
    order = list(items)
    rng.shuffle(order)
    for item_id in order:
        choice = rng.choice(("yes", "no", "abstain"))
        while True:
            status = _send_ballot(server.port, token, item_id, choice)
            if status is None:
                with ledger.lock:
                    ledger.unanswered += 1
                time.sleep(0.05)  # the server is down: try again until it is back
                continue
            with ledger.lock:
                if status == 201:
                    ledger.acknowledged.add((member_id, item_id))
                elif status == 409:
                    ledger.already_recorded.add((member_id, item_id))
                else:
                    ledger.unexpected[status] += 1
            break


@dataclass(frozen=True)
class CrashFigures:
    backend: str
    cycles: int
    acknowledged: int
    lost: int
    duplicated: int
    unexpected: dict[int, int]
    #: ballots whose attempt the kill cut off after it was stored (answered 409 on retry)
    cut_off_after_commit: int
    unanswered: int

    def line(self) -> str:
        return (f"crash test ({self.backend}): cycles survived {self.cycles}/{CYCLES}, "
                f"acknowledged ballots {self.acknowledged}, lost {self.lost}, duplicated "
                f"{self.duplicated}, other statuses {self.unexpected or 'none'}; unanswered "
                f"attempts {self.unanswered}, stored but cut off before the answer "
                f"{self.cut_off_after_commit}")


def _stored(app: object, floor: RehearsalFloor) -> tuple[Counter[tuple[int, int]], int]:
    """(member, item) → stored ballots or participations; and secret ballots without their
    participation (or the reverse), summed over the polls."""
    with app.app_context():  # type: ignore[attr-defined]
        session = db.session
        polls = dict(session.execute(select(Poll.id, Poll.item_id)).all())
        stored: Counter[tuple[int, int]] = Counter()
        for poll_id, member_id in session.execute(
                select(OpenBallotRow.poll_id, OpenBallotRow.member_id)):
            stored[(member_id, polls[poll_id])] += 1
        participations: Counter[int] = Counter()
        for poll_id, member_id in session.execute(
                select(SecretParticipation.poll_id, SecretParticipation.member_id)):
            stored[(member_id, polls[poll_id])] += 1
            participations[poll_id] += 1
        ballots = Counter(session.scalars(select(SecretBallot.poll_id)))
        db.session.remove()
    mismatch = sum(abs(ballots[poll] - participations[poll]) for poll in polls)
    return stored, mismatch


def _crash_run(backend: str, directory: Path) -> CrashFigures:
    with scratch_database(backend, directory, "crash") as (url, schema):
        app = app_for(url, schema, TESTING=True)
        upgrade(state(app).engine)
        with app.app_context():
            floor = build_floor(db.session, members=MEMBERS, items=ITEMS, secret_every=3,
                                prefix="crash")
            db.session.remove()
        server = Server(url, schema, directory / f"gunicorn-{backend}.log")
        ledger = Ledger()
        survived = 0
        server.start()
        try:
            clients = [threading.Thread(target=_councillor, daemon=True, args=(
                server, member_id, token, floor.item_ids, ledger, n))
                for n, (member_id, token) in enumerate(floor.tokens.items())]
            for client in clients:
                client.start()
            for _cycle in range(CYCLES):
                target = len(ledger.acknowledged) + BALLOTS_BEFORE_KILL
                while len(ledger.acknowledged) < target and any(c.is_alive() for c in clients):
                    time.sleep(0.01)
                if not any(c.is_alive() for c in clients):
                    break
                server.kill()
                server.start()
                survived += 1
            for client in clients:
                client.join(timeout=120)
            assert not any(client.is_alive() for client in clients), "clients did not finish"
        finally:
            server.stop()
        stored, mismatch = _stored(app, floor)
        state(app).engine.dispose()
    lost = sum(1 for ballot in ledger.acknowledged if stored[ballot] == 0)
    duplicated = sum(count - 1 for count in stored.values() if count > 1) + mismatch
    # every ballot eventually went in: acknowledged, or recorded by a cut-off attempt
    everyone = {(m, i) for m in floor.tokens for i in floor.item_ids}
    assert set(stored) == everyone
    assert ledger.already_recorded <= set(stored)
    return CrashFigures(backend, survived, len(ledger.acknowledged), lost, duplicated,
                        dict(ledger.unexpected), len(ledger.already_recorded),
                        ledger.unanswered)


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_acknowledged_ballots_survive_kill_9(backend: str, tmp_path: Path) -> None:
    figures = _crash_run(backend, tmp_path)
    print(figures.line())
    assert figures.cycles == CYCLES
    assert figures.acknowledged > CYCLES * BALLOTS_BEFORE_KILL
    assert figures.unanswered > 0  # the kills did cut requests off
    assert (figures.lost, figures.duplicated, figures.unexpected) == (0, 0, {})
