"""Rotation of the data key: re-encrypts every ``*_encrypted`` column with the first key of
``COUNCIL_DATA_KEY``.

The columns are found on the metadata, so a table added later is covered without touching
this module. Work goes in batches, each its own transaction with its rows locked (an
application still running with ``NEW,OLD`` may write meanwhile); a value already readable
with the new key is left alone, so an interrupted rotation is resumed by running it again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app
from sqlalchemy import Column, Table, select, update
from sqlalchemy.orm import Session

import council.models  # noqa: F401  (registers every table on the metadata)
from council import crypto
from council.db import Base
from council.services.audit import record

ENCRYPTED_SUFFIX = "_encrypted"


class RotationRefused(RuntimeError):
    """Rotation cannot start (a single key configured)."""


@dataclass
class ColumnRotation:
    """What happened to one encrypted column."""

    rotated: int = 0
    already_current: int = 0
    #: primary keys of rows that none of the configured keys can read
    unreadable: list[object] = field(default_factory=list)


@dataclass
class RotationReport:
    #: "table.column" → its counts, in metadata order
    columns: dict[str, ColumnRotation]

    @property
    def rotated(self) -> int:
        return sum(column.rotated for column in self.columns.values())

    @property
    def unreadable(self) -> int:
        return sum(len(column.unreadable) for column in self.columns.values())


def encrypted_columns() -> Iterator[tuple[Table, Column]]:
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if column.name.endswith(ENCRYPTED_SUFFIX):
                yield table, column


def _primary_key(table: Table) -> Column:
    columns = list(table.primary_key.columns)
    if len(columns) != 1:
        raise RotationRefused(f"table {table.name} has no single-column primary key")
    return columns[0]


def _rotate_column(session: Session, table: Table, column: Column, current: Fernet,
                   batch_size: int) -> ColumnRotation:
    key = _primary_key(table)
    result = ColumnRotation()
    last = None
    while True:
        query = (select(key, column).where(column.is_not(None)).order_by(key)
                 .limit(batch_size).with_for_update())
        if last is not None:
            query = query.where(key > last)
        rows = session.execute(query).all()
        if not rows:
            return result
        for row_id, token in rows:
            try:
                current.decrypt(token)
                result.already_current += 1
                continue
            except InvalidToken:
                pass
            try:
                rotated = crypto.rotate(token)
            except InvalidToken:
                result.unreadable.append(row_id)
                continue
            session.execute(update(table).where(key == row_id).values({column.name: rotated}))
            result.rotated += 1
        session.commit()
        last = rows[-1][0]


def rotate_data_keys(session: Session, *, batch_size: int = 200) -> RotationReport:
    """Re-encrypts with the first configured key; commits per batch, then audits the run."""
    keys = crypto.configured_keys(current_app.config["COUNCIL_DATA_KEY"])
    if len(keys) < 2:
        raise RotationRefused("COUNCIL_DATA_KEY holds one key: put the new key first, then the "
                              "old one(s), separated by commas (NEW,OLD)")
    current = Fernet(keys[0].encode())
    report = RotationReport({
        f"{table.name}.{column.name}": _rotate_column(session, table, column, current,
                                                      batch_size)
        for table, column in encrypted_columns()
    })
    record(session, "data_keys_rotated", rotated=report.rotated, unreadable=report.unreadable,
           columns=len(report.columns))
    session.commit()
    return report
