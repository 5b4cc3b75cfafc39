"""`flask --app council backup FILE` and `restore FILE`: encrypted archives of the database
(format and checks in council.services.backup; operations in docs/security.md).

The passphrase comes from ``--passphrase-file``, else ``COUNCIL_BACKUP_PASSPHRASE``, else a
prompt; it is never taken from the command line, where other users could see it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import Connection

from council.cli.errors import OneLineErrorCommand, OneLineUsageError
from council.db import db, state
from council.services.audit import record
from council.services.backup import (
    BackupError,
    create_archive,
    describe,
    open_archive,
    restore_snapshot,
)

PASSPHRASE_VARIABLE = "COUNCIL_BACKUP_PASSPHRASE"  # noqa: S105 (its name, not a secret)

passphrase_file_option = click.option(
    "--passphrase-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=f"File whose first line is the passphrase (else {PASSPHRASE_VARIABLE}, else a prompt).")


def _passphrase(path: Path | None, *, confirm: bool) -> str:
    if path is not None:
        lines = path.read_text("utf-8").splitlines()
        return lines[0] if lines else ""
    if os.environ.get(PASSPHRASE_VARIABLE):
        return os.environ[PASSPHRASE_VARIABLE]
    return click.prompt("Backup passphrase", hide_input=True, confirmation_prompt=confirm)


@contextmanager
def _transaction() -> Iterator[Connection]:
    """One transaction on the application's database (a snapshot for reading: REPEATABLE READ
    on PostgreSQL; SQLite's transactions are snapshots already)."""
    bind = state().bind
    if isinstance(bind, Connection):  # the tests' connection, already in a transaction
        with bind.begin_nested():
            yield bind
        return
    with bind.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


@click.command("backup", cls=OneLineErrorCommand)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@passphrase_file_option
@with_appcontext
def backup_command(file: Path, passphrase_file: Path | None) -> None:
    """Write every table to FILE, encrypted with a key derived from a passphrase."""
    if file.exists():
        raise OneLineUsageError(f"{file} exists: choose a new file name")
    passphrase = _passphrase(passphrase_file, confirm=True)
    try:
        with _transaction() as connection:
            archive, header = create_archive(connection, passphrase)
    except BackupError as error:
        raise OneLineUsageError(str(error)) from None
    partial = file.with_name(file.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as output:
        output.write(archive)
        output.flush()
        os.fsync(output.fileno())
    partial.replace(file)
    record(db.session, "backup_created", rows=sum(header.tables.values()),
           payload_sha256=header.payload_sha256)
    db.session.commit()
    click.echo(f"backup written to {file}: {describe(header)}")


@click.command("restore", cls=OneLineErrorCommand)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@passphrase_file_option
@click.option("--force", is_flag=True,
              help="Replace the content of a database that is not empty (in one transaction).")
@with_appcontext
def restore_command(file: Path, passphrase_file: Path | None, force: bool) -> None:
    """Restore the database from FILE (schema created by init-db, same schema revision)."""
    passphrase = _passphrase(passphrase_file, confirm=False)
    try:
        snapshot = open_archive(file.read_bytes(), passphrase)
        with _transaction() as connection:
            counts = restore_snapshot(connection, snapshot, force=force)
    except BackupError as error:
        raise OneLineUsageError(str(error)) from None
    record(db.session, "database_restored", rows=sum(counts.values()),
           archive_created_at=snapshot.header.created_at,
           payload_sha256=snapshot.header.payload_sha256)
    db.session.commit()
    click.echo(f"restored {sum(counts.values())} rows into {len(counts)} tables from {file}: "
               f"{describe(snapshot.header)}")
