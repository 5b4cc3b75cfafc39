"""Databases of their own for tests that need committed data (backup round trips, crash
tests): a temporary SQLite file, or a PostgreSQL schema in the database of
COUNCIL_TEST_DATABASE_URL, dropped afterwards. The per-test rollback of conftest.py binds one
connection in a transaction, which a second process or a restore cannot share.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import time_machine
from flask import Flask
from sqlalchemy import Engine, event, text

from council import create_app
from council.db import state
from council.migrate import upgrade

#: gunicorn's application factory reads the schema from this variable (see ``wsgi_app``)
SCHEMA_VARIABLE = "COUNCIL_SCRATCH_SCHEMA"
#: and the suite's clock from this one (an ISO instant), so that a server process judges token
#: lifetimes and dates on the same clock as the test that started it
CLOCK_VARIABLE = "COUNCIL_TEST_CLOCK"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("COUNCIL_TEST_DATABASE_URL") else [])


def use_schema(engine: Engine, schema: str) -> None:
    """Every new connection of ``engine`` works in ``schema``."""

    @event.listens_for(engine, "connect")
    def _search_path(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.autocommit = True
        dbapi_connection.execute(f'SET search_path TO "{schema}"')
        dbapi_connection.autocommit = False

    engine.dispose()


@contextmanager
def scratch_database(backend: str, directory: Path, name: str = "scratch"
                     ) -> Iterator[tuple[str, str | None]]:
    """An empty database, as (DATABASE_URL, PostgreSQL schema or None)."""
    if backend == "sqlite":
        yield f"sqlite:///{directory}/{name}.db", None
        return
    url = os.environ["COUNCIL_TEST_DATABASE_URL"]
    schema = f"{name}_{uuid.uuid4().hex[:12]}"
    admin = create_app({"TESTING": True, "DATABASE_URL": url})
    engine = state(admin).engine
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield url, schema
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def app_for(url: str, schema: str | None, **config: Any) -> Flask:
    app = create_app({"DATABASE_URL": url, **config})
    if schema:
        use_schema(state(app).engine, schema)
    return app


@contextmanager
def scratch_app(backend: str, directory: Path, name: str = "scratch",
                **config: Any) -> Iterator[Flask]:
    """An application (with ``config``) on an empty database with the schema created
    (migrations)."""
    with scratch_database(backend, directory, name) as (url, schema):
        app = app_for(url, schema, TESTING=True, **config)
        try:
            upgrade(state(app).engine)
            yield app
        finally:
            state(app).engine.dispose()


def server_environment(url: str, schema: str | None) -> dict[str, str]:
    """The environment of a server process on this database and on the suite's clock (now)."""
    environment = {**os.environ, "DATABASE_URL": url, SCHEMA_VARIABLE: schema or "",
                   CLOCK_VARIABLE: datetime.now(UTC).isoformat()}
    environment.pop("COUNCIL_ENV", None)
    return environment


def wsgi_app() -> Flask:
    """For ``gunicorn 'scratch_database:wsgi_app()'``: the application of DATABASE_URL, in the
    schema named by COUNCIL_SCRATCH_SCHEMA when set, its clock running from
    COUNCIL_TEST_CLOCK."""
    if os.environ.get(CLOCK_VARIABLE):
        time_machine.travel(datetime.fromisoformat(os.environ[CLOCK_VARIABLE]), tick=True).start()
    return app_for(os.environ["DATABASE_URL"], os.environ.get(SCHEMA_VARIABLE) or None)
