"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from council.db import Base, state


def test_models_and_migrations_agree(app: Flask) -> None:
    connection = state(app).bind  # the test's own connection, inside its transaction
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    differences = compare_metadata(context, Base.metadata)
    assert differences == []
