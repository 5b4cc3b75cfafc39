"""Database engine and session, bound to the Flask application context.

Plain SQLAlchemy 2 rather than a Flask wrapper: the tests need to bind the session to one
connection wrapped in a transaction (rolled back per test), and the engine options differ
between SQLite (embedded default) and PostgreSQL (production).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app
from flask.globals import app_ctx
from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text
from sqlalchemy.orm import DeclarativeBase, Session, scoped_session
from sqlalchemy.orm.session import JoinTransactionMode

logger = logging.getLogger(__name__)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _app_context_id() -> int:
    return id(app_ctx._get_current_object())


def _configure_sqlite(engine: Engine) -> None:
    """Let SQLAlchemy own transactions (savepoints work) and turn on WAL and foreign keys;
    deleted content is overwritten with zeros (``secure_delete``), not left in free space."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 10})
        _configure_sqlite(engine)
        return engine
    # Dates derived from timestamps in SQL must be the UTC dates Python computes.
    return create_engine(url, pool_pre_ping=True, connect_args={"options": "-c timezone=UTC"})


def erase_deleted(session: Session, table: str) -> None:
    """After a commit that deleted rows of ``table`` whose content must not outlive them, erases
    what the database still keeps of them: on SQLite (where ``secure_delete`` zeroed them in
    the pages) the WAL, which holds the pages as they were, is checkpointed and truncated; on
    PostgreSQL the table is vacuumed, which removes its dead rows. Both need a connection
    outside any transaction: a session bound to a connection lent inside a transaction (the
    tests' rolled-back one) leaves this to whoever owns that transaction."""
    bind = session.get_bind()
    if not isinstance(bind, Engine):
        return
    if bind.dialect.name == "sqlite":
        connection = bind.raw_connection()
        try:
            busy = connection.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            connection.close()
        if busy:
            logger.warning("the WAL could not be truncated after deleting from %s (readers "
                           "busy): it keeps the deleted rows until the next checkpoint", table)
        return
    with bind.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'VACUUM "{table}"'))


@dataclass
class DatabaseState:
    """Per-application database binding; tests rebind it to one connection in a transaction."""

    engine: Engine
    bind: Engine | Connection
    join_transaction_mode: JoinTransactionMode = "conditional_savepoint"


def state(app: Flask | None = None) -> DatabaseState:
    return (app or current_app).extensions["council_db"]


def _new_session() -> Session:
    current = state()
    return Session(
        bind=current.bind,
        expire_on_commit=False,
        join_transaction_mode=current.join_transaction_mode,
    )


class Database:
    """A session per application context, bound to the current application's engine."""

    def __init__(self) -> None:
        self.session: scoped_session[Session] = scoped_session(
            _new_session, scopefunc=_app_context_id
        )

    def init_app(self, app: Flask) -> None:
        engine = make_engine(app.config["DATABASE_URL"])
        app.extensions["council_db"] = DatabaseState(engine=engine, bind=engine)

        @app.teardown_appcontext
        def _remove_session(_exc: BaseException | None) -> None:
            self.session.remove()


db = Database()
