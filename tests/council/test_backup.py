"""Encrypted backups: a round trip of the test database (with the demo centre) into a database
of its own on every available backend keeps every row of every table and a verifiable audit
chain; damaged, altered or foreign archives, a wrong passphrase, another schema revision and a
non-empty target are refused, and a failed restore leaves nothing behind."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from flask import Flask
from scratch_database import BACKENDS, scratch_app
from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from council.db import Base, state
from council.models import AuditEntry, Dossier, Role, SocialReport, User
from council.services.audit import verify_chain
from council.services.backup import (
    MAGIC,
    BackupError,
    create_archive,
    open_archive,
    read_header,
    restore_snapshot,
)

PASSPHRASE = "ballot box under the stairs"


def _source(app: Flask) -> Connection:
    """The test's connection: the demo centre, inside the rolled-back transaction."""
    bind = state(app).bind
    assert isinstance(bind, Connection)
    return bind


def _rows(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {table.name: [tuple(row) for row in connection.execute(
                select(table).order_by(*table.primary_key.columns))]
            for table in Base.metadata.sorted_tables}


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    with scratch_app(request.param, tmp_path, "restore") as app:
        yield app


@pytest.fixture(scope="module")
def archive(app: Flask) -> bytes:
    """One archive of the demo database for the whole module (scrypt costs ~0.1 s a run)."""
    with state(app).engine.connect() as connection, connection.begin():
        return create_archive(connection, PASSPHRASE)[0]


def test_round_trip_keeps_every_row_and_the_audit_chain(app: Flask, session: Session,
                                                         target: Flask) -> None:
    session.commit()  # the demo, plus what the fixtures logged, is in the test's transaction
    source = _source(app)
    archive, header = create_archive(source, PASSPHRASE)
    before = _rows(source)
    # something of each kind worth keeping is really there
    for model in (Dossier, SocialReport, User, AuditEntry):
        assert before[model.__tablename__], model.__tablename__
    assert header.tables == {name: len(rows) for name, rows in before.items()}

    with state(target).engine.begin() as connection:
        counts = restore_snapshot(connection, open_archive(archive, PASSPHRASE))
    assert counts == header.tables
    with state(target).engine.connect() as connection:
        assert _rows(connection) == before
        with Session(bind=connection) as restored:
            assert verify_chain(restored) is None


def test_new_ids_follow_the_restored_ones(archive: bytes, target: Flask) -> None:
    """On PostgreSQL the sequences are reset after the restore."""
    engine = state(target).engine
    with engine.begin() as connection:
        restore_snapshot(connection, open_archive(archive, PASSPHRASE))
    with Session(bind=engine) as restored:
        highest = restored.scalar(select(func.max(User.id)))
        user = User(username="after-restore", password_hash="!", role=Role.dg,
                    display_name="After the restore")
        restored.add(user)
        restored.commit()
        assert user.id == highest + 1


def _flip(data: bytes, position: int) -> bytes:
    return data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1:]


def _edit_header(archive: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    _header, start = read_header(archive)
    fields = json.loads(archive[len(MAGIC):start - 1])
    change(fields)
    return MAGIC + json.dumps(fields).encode() + b"\n" + archive[start:]


def _header_start(archive: bytes) -> int:
    return read_header(archive)[1]


#: name → (how the archive is damaged, words of the expected refusal)
TAMPERING: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "first payload byte flipped": (lambda a: _flip(a, _header_start(a) + 12), "altered"),
    "middle byte flipped": (lambda a: _flip(a, (_header_start(a) + len(a)) // 2), "altered"),
    "tag byte flipped": (lambda a: _flip(a, len(a) - 1), "altered"),
    "nonce byte flipped": (lambda a: _flip(a, _header_start(a)), "altered"),
    "truncated by one byte": (lambda a: a[:-1], "truncated"),
    "truncated by half": (lambda a: a[:len(a) // 2], "truncated"),
    "truncated in the header": (lambda a: a[:len(MAGIC) + 20], "truncated"),
    "bytes appended": (lambda a: a + b"\0", "altered"),
    "row count changed": (lambda a: _edit_header(
        a, lambda h: h["tables"].update(user_account=h["tables"]["user_account"] + 1)), "altered"),
    "schema revision changed": (lambda a: _edit_header(
        a, lambda h: h.update(schema_revision="0001")), "altered"),
    "checksum changed": (lambda a: _edit_header(
        a, lambda h: h.update(payload_sha256="0" * 64)), "altered"),
    "key check changed": (lambda a: _edit_header(
        a, lambda h: h.update(key_check="0" * 32)), "passphrase"),
    "costly key derivation": (lambda a: _edit_header(
        a, lambda h: h["kdf"].update(n=2**30)), "damaged"),
    "not an archive": (lambda a: b"PK\x03\x04" + a[4:], "not a council backup"),
    "unknown format": (lambda a: _edit_header(a, lambda h: h.update(format=2)), "format 2"),
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_a_damaged_or_altered_archive_is_refused(archive: bytes, case: str) -> None:
    damage, reason = TAMPERING[case]
    with pytest.raises(BackupError, match=reason):
        open_archive(damage(archive), PASSPHRASE)


def test_a_wrong_passphrase_is_refused(archive: bytes) -> None:
    with pytest.raises(BackupError, match="wrong passphrase"):
        open_archive(archive, PASSPHRASE + "!")


def test_a_short_passphrase_is_refused(app: Flask) -> None:
    with pytest.raises(BackupError, match="at least 12"):
        create_archive(_source(app), "short")


def test_another_schema_revision_is_refused(archive: bytes, target: Flask) -> None:
    with state(target).engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0005'"))
        with pytest.raises(BackupError, match=r"schema revision .* the database at 0005"):
            restore_snapshot(connection, open_archive(archive, PASSPHRASE))


def test_a_non_empty_target_is_refused_unless_forced(archive: bytes, target: Flask) -> None:
    snapshot = open_archive(archive, PASSPHRASE)
    engine = state(target).engine
    with engine.begin() as connection:
        restore_snapshot(connection, snapshot)
    with engine.begin() as connection, pytest.raises(BackupError, match="not empty"):
        restore_snapshot(connection, snapshot)
    with engine.begin() as connection:
        connection.execute(User.__table__.update().values(display_name="changed since"))
        restore_snapshot(connection, snapshot, force=True)
    with engine.connect() as connection:
        names = connection.execute(select(User.display_name)).scalars().all()
    assert names and "changed since" not in names


def test_a_failing_restore_leaves_the_target_as_it_was(archive: bytes, target: Flask) -> None:
    snapshot = open_archive(archive, PASSPHRASE)
    engine = state(target).engine
    with engine.begin() as connection:
        restore_snapshot(connection, snapshot)
    with engine.connect() as connection:
        before = _rows(connection)
    # a late table gets a duplicate primary key: the insert fails after the wipe and most rows
    rows = snapshot.tables[AuditEntry.__tablename__]["rows"]
    rows.append(list(rows[0]))
    snapshot.header.tables[AuditEntry.__tablename__] += 1
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"), engine.begin() as connection:
        restore_snapshot(connection, snapshot, force=True)
    with engine.connect() as connection:
        assert _rows(connection) == before


def test_cli_backup_then_restore(archive: bytes, target: Flask, tmp_path: Path) -> None:
    archive_path, passphrase_file = tmp_path / "council.backup", tmp_path / "passphrase"
    passphrase_file.write_text(PASSPHRASE + "\n")
    common = ["--passphrase-file", str(passphrase_file)]

    def run(app: Flask, *args: str) -> Result:
        """Each command in an application context of its own, like a process of its own."""
        with app.app_context():
            return app.test_cli_runner().invoke(args=list(args))

    # the source is a committed database of its own (its audit entries commit)
    with scratch_app(BACKENDS[-1], tmp_path, "source") as source:
        with state(source).engine.begin() as connection:
            restore_snapshot(connection, open_archive(archive, PASSPHRASE))
        made = run(source, "backup", str(archive_path), *common)
        assert made.exit_code == 0, made.output
        assert made.output.startswith(f"backup written to {archive_path}: format 1")
        again = run(source, "backup", str(archive_path), *common)
        with state(source).engine.connect() as connection:
            last_action = connection.scalar(
                select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1))
    assert archive_path.stat().st_mode & 0o077 == 0  # readable by its owner only
    assert b"demo-" not in archive_path.read_bytes()
    assert again.exit_code == 2 and "exists" in again.output
    assert last_action == "backup_created"

    restored = run(target, "restore", str(archive_path), *common)
    assert restored.exit_code == 0, restored.output
    assert run(target, "audit", "verify").output.strip() == "audit chain intact"
    refused = run(target, "restore", str(archive_path), *common)
    passphrase_file.write_text("not the passphrase\n")
    wrong = run(target, "restore", str(archive_path), *common, "--force")
    assert refused.exit_code == 2
    assert refused.output.startswith("error: the target database is not empty")
    assert (wrong.exit_code, wrong.output) == (2, "error: wrong passphrase for this archive\n")
