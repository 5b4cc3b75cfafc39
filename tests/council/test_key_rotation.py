"""Rotation of the data key: with COUNCIL_DATA_KEY="NEW,OLD" every ``*_encrypted`` value of the
demo is re-encrypted so that NEW alone reads it, which it could not before; a second run finds
nothing left to do; an unreadable value is reported and left untouched."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from flask import Flask
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from council.crypto import DecryptionError, decrypt_bytes
from council.models import AuditEntry, Dossier
from council.services.keys import (
    RotationRefused,
    encrypted_columns,
    rotate_data_keys,
)

NEW_KEY = Fernet.generate_key().decode()


def _stored(session: Session) -> dict[tuple[str, object], bytes]:
    """Every encrypted value, by "table.column" and primary key."""
    values = {}
    for table, column in encrypted_columns():
        key = next(iter(table.primary_key.columns))
        for row_id, token in session.execute(select(key, column).where(column.is_not(None))):
            values[(f"{table.name}.{column.name}", row_id)] = token
    return values


def _readable(tokens: dict[tuple[str, object], bytes]) -> dict[tuple[str, object], bytes]:
    return {place: decrypt_bytes(token) for place, token in tokens.items()}


@pytest.fixture
def old_key(app: Flask) -> str:
    return app.config["COUNCIL_DATA_KEY"]


def test_the_encrypted_columns_are_found_on_the_metadata() -> None:
    names = {f"{table.name}.{column.name}" for table, column in encrypted_columns()}
    assert {"dossier.identity_encrypted", "social_report.original_encrypted",
            "item_pseudonymisation.replacements_encrypted",
            "meeting_pseudonym_key.registry_encrypted"} <= names


def test_after_rotation_the_new_key_alone_reads_everything(
        app: Flask, session: Session, old_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _readable(_stored(session))
    assert len({place for place, _id in plain}) >= 3  # the demo has identities, reports, maps

    monkeypatch.setitem(app.config, "COUNCIL_DATA_KEY", NEW_KEY)
    with pytest.raises(DecryptionError):
        _readable(_stored(session))

    monkeypatch.setitem(app.config, "COUNCIL_DATA_KEY", f"{NEW_KEY},{old_key}")
    report = rotate_data_keys(session, batch_size=2)  # several batches per column
    assert report.rotated == len(plain)
    assert report.unreadable == 0

    monkeypatch.setitem(app.config, "COUNCIL_DATA_KEY", NEW_KEY)
    session.expire_all()
    assert _readable(_stored(session)) == plain

    monkeypatch.setitem(app.config, "COUNCIL_DATA_KEY", f"{NEW_KEY},{old_key}")
    again = rotate_data_keys(session)
    assert again.rotated == 0
    assert sum(column.already_current for column in again.columns.values()) == len(plain)


def test_an_unreadable_value_is_reported_and_left_as_it_is(
        app: Flask, session: Session, old_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    dossier_id = session.scalars(select(Dossier.id).order_by(Dossier.id)).first()
    foreign = Fernet(Fernet.generate_key()).encrypt(b"{}")
    session.execute(update(Dossier).where(Dossier.id == dossier_id)
                    .values(identity_encrypted=foreign))
    monkeypatch.setitem(app.config, "COUNCIL_DATA_KEY", f"{NEW_KEY},{old_key}")

    report = rotate_data_keys(session)

    assert report.columns["dossier.identity_encrypted"].unreadable == [dossier_id]
    stored = session.scalar(select(Dossier.identity_encrypted).where(Dossier.id == dossier_id))
    assert stored == foreign


def test_one_key_is_refused(session: Session) -> None:
    with pytest.raises(RotationRefused, match="NEW,OLD"):
        rotate_data_keys(session)


def test_cli(app: Flask, session: Session, old_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = app.test_cli_runner()
    single = runner.invoke(args=["rotate-keys"])
    assert single.exit_code == 2
    assert single.output.startswith("error: COUNCIL_DATA_KEY holds one key")

    monkeypatch.setitem(app.config, "COUNCIL_DATA_KEY", f"{NEW_KEY},{old_key}")
    result = runner.invoke(args=["rotate-keys", "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    assert "dossier.identity_encrypted: " in result.output
    assert "the old key(s) may be removed" in result.output
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (last.action, last.details["unreadable"]) == ("data_keys_rotated", 0)
    monkeypatch.setitem(app.config, "COUNCIL_DATA_KEY", NEW_KEY)
    session.expire_all()
    assert _readable(_stored(session))  # raises if any value still needs the old key
