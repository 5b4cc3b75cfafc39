"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from scratch_database import scratch_app
from sqlalchemy import func, select
from support import DEMO_TODAY

from council.db import Base, db, state
from council.demo import build_demo
from council.migrate import downgrade, upgrade
from council.models import User


def test_models_and_migrations_agree(app: Flask) -> None:
    connection = state(app).bind  # the test's own connection, inside its transaction
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_migrations_move_a_database_that_holds_data(tmp_path: Path) -> None:
    """Down to the revision before the session epoch (0011) and the sealed ballots (0012), then
    up again, with the demo's rows in place: on SQLite both rebuild tables that other rows
    reference, which failed on a live database ("FOREIGN KEY constraint failed")."""
    with scratch_app("sqlite", tmp_path) as app, app.app_context():
        build_demo(db.session, items=0, today=DEMO_TODAY)
        accounts = db.session.scalar(select(func.count()).select_from(User))
        db.session.remove()
        engine = state(app).engine
        downgrade(engine, "0010")
        upgrade(engine)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            epochs = connection.execute(select(User.session_epoch)).scalars().all()
    assert len(epochs) == accounts and len(set(epochs)) == accounts and all(epochs)
