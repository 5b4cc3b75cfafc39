"""Encrypted backup archives of the whole database, and their restoration.

An archive is three parts:

1. the line ``CPAS-COUNCIL-BACKUP 1``;
2. a header, one line of JSON, readable without the key: format version, Alembic schema
   revision, creation time, row count per table, SHA-256 of the payload, the scrypt parameters
   and salt, and a key check value (so that a wrong passphrase is told apart from damage);
3. the payload (every table of the metadata, in dependency order, as JSON, compressed) encrypted
   with AES-256-GCM under a key derived by scrypt from a passphrase; the first two parts are
   its associated data, so any change to the header, the payload or its length is refused.

The archive holds the ``*_encrypted`` columns as they are stored, still encrypted with the data
key, which is never written into it: a restore needs the passphrase and the same
``COUNCIL_DATA_KEY``. Tables are found on the metadata, so tables added later are included.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    Enum,
    Float,
    LargeBinary,
    Numeric,
    Table,
    Time,
    Uuid,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.types import TypeDecorator

import council.models  # noqa: F401  (registers every table on the metadata)
from council.db import Base
from council.migrate import alembic_config
from council.models.base import utcnow

MAGIC = b"CPAS-COUNCIL-BACKUP 1\n"
FORMAT_VERSION = 1
MIN_PASSPHRASE_LENGTH = 12
#: scrypt cost: about 0.1 s and 32 MiB per derivation, paid once per backup or restore
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
INSERT_BATCH = 500
_KEY_CHECK_LABEL = b"cpas-council backup key check"


class BackupError(RuntimeError):
    """The archive cannot be written or restored; the message says why, in one line."""


@dataclass(frozen=True)
class BackupHeader:
    format: int
    schema_revision: str
    created_at: str
    #: table name → number of rows, in dependency order
    tables: dict[str, int]
    payload_sha256: str
    kdf: dict[str, Any]
    key_check: str

    def to_line(self) -> bytes:
        return json.dumps(self.__dict__, sort_keys=True, separators=(",", ":")).encode() + b"\n"


@dataclass(frozen=True)
class Snapshot:
    header: BackupHeader
    #: table name → {"columns": [...], "rows": [[...], ...]} (JSON-encoded values)
    tables: dict[str, dict[str, list[Any]]]


# Values as JSON, by column type (the same schema revision is required on both sides, so the
# target's column types decode what the source's encoded).
Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]
_IDENTITY: Codec = (lambda value: value, lambda value: value)


def _codec(column: Column) -> Codec:
    column_type = column.type
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        enum_class = column_type.enum_class
        return (lambda member: member.value, enum_class)
    if isinstance(column_type, LargeBinary):
        return (lambda data: base64.b64encode(data).decode(), base64.b64decode)
    if isinstance(column_type, DateTime):
        return (datetime.isoformat, datetime.fromisoformat)
    if isinstance(column_type, Date):
        return (date.isoformat, date.fromisoformat)
    if isinstance(column_type, Time):
        return (time.isoformat, time.fromisoformat)
    if isinstance(column_type, Uuid):
        return (str, uuid.UUID if column_type.as_uuid else str)
    if isinstance(column_type, Numeric) and not isinstance(column_type, Float):
        return (str, Decimal)
    return _IDENTITY


def _encoded(codec: Codec, value: Any) -> Any:
    return None if value is None else codec[0](value)


def _decoded(codec: Codec, value: Any) -> Any:
    return None if value is None else codec[1](value)


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _derive_key(passphrase: str, kdf: dict[str, Any]) -> bytes:
    # a forged header must not make the derivation take gigabytes before the integrity check
    if kdf["name"] != "scrypt" or not (kdf["n"] <= 2**20 and kdf["r"] <= 16 and kdf["p"] <= 4):
        raise ValueError("unsupported key derivation parameters")
    salt = base64.b64decode(kdf["salt"])
    return Scrypt(salt=salt, length=32, n=kdf["n"], r=kdf["r"], p=kdf["p"]).derive(
        passphrase.encode("utf-8"))


def _key_check(key: bytes) -> str:
    return hmac.new(key, _KEY_CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


def schema_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def code_revision(connection: Connection) -> str | None:
    return ScriptDirectory.from_config(alembic_config(connection.engine)).get_current_head()


def _dump_table(connection: Connection, table: Table) -> dict[str, list[Any]]:
    codecs = [_codec(column) for column in table.columns]
    rows = connection.execute(select(table).order_by(*table.primary_key.columns))
    return {
        "columns": [column.name for column in table.columns],
        "rows": [[_encoded(codec, value) for codec, value in zip(codecs, row, strict=True)]
                 for row in rows],
    }


def create_archive(connection: Connection, passphrase: str) -> tuple[bytes, BackupHeader]:
    """Reads every table through ``connection`` (the caller provides a consistent snapshot:
    one transaction) and returns the encrypted archive and its header."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise BackupError(f"the passphrase must have at least {MIN_PASSPHRASE_LENGTH} "
                          "characters")
    revision = schema_revision(connection)
    if revision is None or revision != code_revision(connection):
        raise BackupError("the database schema is not up to date with this version "
                          "(run init-db first)")
    try:
        tables = {table.name: _dump_table(connection, table) for table in _tables()}
    except DBAPIError as error:
        raise BackupError(f"the database does not match this version's tables: "
                          f"{error.orig}") from error
    payload = json.dumps({"tables": tables}, ensure_ascii=False, separators=(",", ":")).encode()
    kdf = {"name": "scrypt", "salt": base64.b64encode(os.urandom(16)).decode(),
           "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}
    key = _derive_key(passphrase, kdf)
    header = BackupHeader(
        format=FORMAT_VERSION,
        schema_revision=revision,
        created_at=utcnow().isoformat(),
        tables={name: len(dump["rows"]) for name, dump in tables.items()},
        payload_sha256=hashlib.sha256(payload).hexdigest(),
        kdf=kdf,
        key_check=_key_check(key),
    )
    preamble = MAGIC + header.to_line()
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, zlib.compress(payload, 6), preamble)
    return preamble + nonce + sealed, header


def read_header(archive: bytes) -> tuple[BackupHeader, int]:
    """The header, and where the encrypted part starts; refuses what is not an archive."""
    if not archive.startswith(MAGIC):
        raise BackupError("not a council backup archive (or an unknown format)")
    end = archive.find(b"\n", len(MAGIC))
    if end < 0:
        raise BackupError("the archive is truncated (no complete header)")
    try:
        fields = json.loads(archive[len(MAGIC):end])
        header = BackupHeader(**fields)
    except (ValueError, TypeError) as error:
        raise BackupError("the archive's header is damaged") from error
    if header.format != FORMAT_VERSION:
        raise BackupError(f"archive format {header.format} is not supported "
                          f"(this version reads {FORMAT_VERSION})")
    return header, end + 1


def open_archive(archive: bytes, passphrase: str) -> Snapshot:
    """Decrypts and checks an archive: wrong passphrase, damage or alteration are refused."""
    header, start = read_header(archive)
    try:
        key = _derive_key(passphrase, header.kdf)
    except (KeyError, TypeError, ValueError) as error:
        raise BackupError("the archive's header is damaged") from error
    if not hmac.compare_digest(_key_check(key), header.key_check):
        raise BackupError("wrong passphrase for this archive")
    sealed = archive[start:]
    try:
        compressed = AESGCM(key).decrypt(sealed[:12], sealed[12:], archive[:start])
    except (InvalidTag, ValueError) as error:
        raise BackupError("the archive is damaged, truncated or was altered "
                          "(authentication failed)") from error
    payload = zlib.decompress(compressed)
    if hashlib.sha256(payload).hexdigest() != header.payload_sha256:
        raise BackupError("the archive's payload does not match its SHA-256")
    tables = json.loads(payload)["tables"]
    counts = {name: len(dump["rows"]) for name, dump in tables.items()}
    if counts != header.tables:
        raise BackupError("the archive's row counts do not match its header")
    return Snapshot(header, tables)


def _is_empty(connection: Connection, table: Table) -> bool:
    return connection.execute(select(literal(1)).select_from(table).limit(1)).first() is None


def _check_target(connection: Connection, snapshot: Snapshot, force: bool) -> None:
    revision = schema_revision(connection)
    if revision is None:
        raise BackupError("the target database has no schema: run init-db first")
    if revision != snapshot.header.schema_revision:
        raise BackupError(f"the archive is at schema revision {snapshot.header.schema_revision},"
                          f" the database at {revision}: restore with the matching version")
    tables = {table.name: table for table in _tables()}
    if set(snapshot.tables) != set(tables):
        raise BackupError("the archive's tables differ from this version's tables")
    for name, dump in snapshot.tables.items():
        if dump["columns"] != [column.name for column in tables[name].columns]:
            raise BackupError(f"the archive's columns of table {name} differ from this version's")
    if not force and not all(_is_empty(connection, table) for table in tables.values()):
        raise BackupError("the target database is not empty (use --force to replace its "
                          "content)")


def _forward_references(position: dict[str, int], table: Table) -> set[str]:
    """Foreign keys to the table itself or to a table restored after it: inserted empty, then
    filled in once every row exists."""
    return {fk.parent.name for fk in table.foreign_keys
            if position[fk.column.table.name] >= position[table.name]}


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """PostgreSQL: the next generated id follows the restored ones."""
    if connection.dialect.name != "postgresql":
        return
    quote = connection.dialect.identifier_preparer.quote
    for table in tables:
        for column in table.primary_key.columns:
            if column.autoincrement is False or column.type.python_type is not int:
                continue
            connection.execute(
                select(func.setval(func.pg_get_serial_sequence(quote(table.name), column.name),
                                   func.coalesce(func.max(column), 0) + 1, False))
                .select_from(table))


def restore_snapshot(connection: Connection, snapshot: Snapshot, *, force: bool = False
                     ) -> dict[str, int]:
    """Writes the snapshot into the database in the caller's transaction (the caller commits;
    any error leaves nothing behind). ``force`` first deletes the current content."""
    _check_target(connection, snapshot, force)
    tables = _tables()
    if force:
        for table in reversed(tables):
            connection.execute(table.delete())
    position = {table.name: n for n, table in enumerate(tables)}
    fills: list[tuple[Table, list[dict[str, Any]], list[dict[str, Any]]]] = []
    for table in tables:
        dump = snapshot.tables[table.name]
        codecs = [_codec(table.c[name]) for name in dump["columns"]]
        rows = [{name: _decoded(codec, value)
                 for name, codec, value in zip(dump["columns"], codecs, row, strict=True)}
                for row in dump["rows"]]
        later = _forward_references(position, table)
        deferred = [row for row in rows if any(row[name] is not None for name in later)]
        pending = [{key: row[key] for key in later} for row in deferred]
        for row in deferred:
            row.update(dict.fromkeys(later))
        for start in range(0, len(rows), INSERT_BATCH):
            connection.execute(insert(table), rows[start:start + INSERT_BATCH])
        fills.append((table, deferred, pending))
    for table, deferred, pending in fills:
        _fill_forward_references(connection, table, deferred, pending)
    _reset_sequences(connection, tables)
    return {name: len(dump["rows"]) for name, dump in snapshot.tables.items()}


def _fill_forward_references(connection: Connection, table: Table, rows: list[dict[str, Any]],
                             values: list[dict[str, Any]]) -> None:
    keys = list(table.primary_key.columns)
    for row, references in zip(rows, values, strict=True):
        condition = [key == row[key.name] for key in keys]
        connection.execute(update(table).where(*condition).values(references))


def describe(header: BackupHeader) -> str:
    rows = sum(header.tables.values())
    return (f"format {header.format}, schema revision {header.schema_revision}, created "
            f"{header.created_at}, {len(header.tables)} tables, {rows} rows, payload SHA-256 "
            f"{header.payload_sha256}")
