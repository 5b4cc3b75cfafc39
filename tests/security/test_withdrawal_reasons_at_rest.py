"""A withdrawal's reason says how a member knows the applicant ("my neighbour"): next to the
member's own address it narrows down who the applicant is. A DBA or anyone with a copy of the
database's files reads only ciphertext; the DG reads the reason through the application. The
upgrade that encrypts the reasons of an existing database leaves no clear copy in the file."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from scratch_database import scratch_app
from sqlalchemy import select, text
from support import DEMO_TODAY

from council.db import db, state
from council.demo import build_demo
from council.demo.scenario import WITHDRAWAL_REASON
from council.migrate import downgrade, upgrade
from council.models import ItemWithdrawal

REASON_BYTES = WITHDRAWAL_REASON.encode()


def _database_files(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.glob("reasons.db*")))


def test_the_files_hold_no_reason_in_clear_and_the_upgrade_leaves_none(tmp_path: Path) -> None:
    with scratch_app("sqlite", tmp_path, "reasons") as app:
        with app.app_context():
            build_demo(db.session, items=0, today=DEMO_TODAY)
            [withdrawal] = db.session.scalars(select(ItemWithdrawal)).all()
            assert withdrawal.read_reason() == WITHDRAWAL_REASON
            db.session.remove()
        engine = state(app).engine
        engine.dispose()  # the last connection closed: the journal goes into the file
        assert REASON_BYTES not in _database_files(tmp_path)

        # a database of the previous version, reasons in clear, upgraded through the application
        with app.app_context():
            downgrade(engine, "0027")
            engine.dispose()
            assert REASON_BYTES in _database_files(tmp_path)  # the attack would have worked
            upgrade(engine)
            engine.dispose()
            [withdrawal] = db.session.scalars(select(ItemWithdrawal)).all()
            assert withdrawal.read_reason() == WITHDRAWAL_REASON
            db.session.remove()
        engine.dispose()
    assert REASON_BYTES not in _database_files(tmp_path)
    with sqlite3.connect(tmp_path / "reasons.db") as raw:
        [stored] = raw.execute("SELECT reason_encrypted FROM item_withdrawal").fetchone(),
    assert isinstance(stored[0], bytes) and REASON_BYTES not in stored[0]


def test_an_upgrade_without_the_data_key_at_hand_stops_with_the_reason(tmp_path: Path) -> None:
    with scratch_app("sqlite", tmp_path, "reasons") as app:
        with app.app_context():
            build_demo(db.session, items=0, today=DEMO_TODAY)
            db.session.remove()
            downgrade(state(app).engine, "0027")
        # outside the application (a thread of its own has no application context): no key
        with ThreadPoolExecutor(max_workers=1) as outside, \
                pytest.raises(RuntimeError, match="COUNCIL_DATA_KEY"):
            outside.submit(upgrade, state(app).engine).result()
        with state(app).engine.connect() as connection:  # nothing half-done: still 0027, clear
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "0027"
            assert connection.scalar(text("SELECT reason FROM item_withdrawal")) \
                == WITHDRAWAL_REASON
