"""Alembic environment: runs on the connection handed over by ``council.migrate``."""

from __future__ import annotations

from alembic import context

import council.models  # noqa: F401  (registers every table on the metadata)
from council.db import Base
from council.models.base import UTCDateTime


def render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Migrations must not import application types: UTCDateTime is a DateTime in the schema."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
