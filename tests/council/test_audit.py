"""The audit log's hash chain: appends link to the previous entry; any alteration shows."""

from __future__ import annotations

import itertools

import pytest
from flask import Flask
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from council.models import AuditEntry, AuditHead, User
from council.services import audit


@pytest.fixture
def chain(session: Session) -> list[AuditEntry]:
    dg = session.scalar(select(User).where(User.username == "dg"))
    for n in range(4):
        audit.record(session, "item_read", actor=dg, object_type="agenda_item", object_id=n)
    session.commit()
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_entries_are_chained(chain: list[AuditEntry], session: Session) -> None:
    for previous, entry in itertools.pairwise(chain):
        assert entry.previous_hash == previous.entry_hash
    assert audit.verify_chain(session) is None


def test_altered_detail_is_detected(chain: list[AuditEntry], session: Session) -> None:
    target = chain[-2]
    session.execute(update(AuditEntry).where(AuditEntry.id == target.id)
                    .values(object_id=999))
    session.expire_all()
    broken = audit.verify_chain(session)
    assert broken is not None and broken.entry_id == target.id


def test_deleted_entry_is_detected(chain: list[AuditEntry], session: Session) -> None:
    session.delete(chain[-3])
    session.commit()
    broken = audit.verify_chain(session)
    assert broken is not None and broken.entry_id == chain[-3].id


@pytest.mark.parametrize("removed", [1, 2])
def test_entries_removed_from_the_end_are_detected(chain: list[AuditEntry], session: Session,
                                                   removed: int) -> None:
    for entry in chain[-removed:]:
        session.delete(entry)
    session.commit()
    broken = audit.verify_chain(session)
    assert broken is not None and broken.entry_id == chain[-removed].id
    assert "end of the log" in broken.reason


def test_a_missing_head_is_detected(chain: list[AuditEntry], session: Session) -> None:
    session.execute(delete(AuditHead))
    session.commit()
    broken = audit.verify_chain(session)
    assert broken is not None and "head" in broken.reason


def test_swapped_entries_are_detected(chain: list[AuditEntry], session: Session) -> None:
    first, second = chain[-2], chain[-1]
    fields = ("created_at", "actor_id", "action", "object_type", "object_id", "details",
              "previous_hash", "entry_hash")
    first_values = {f: getattr(first, f) for f in fields}
    second_values = {f: getattr(second, f) for f in fields}
    # move the later entry's content into the earlier id and vice versa
    session.execute(update(AuditEntry).where(AuditEntry.id == first.id)
                    .values(entry_hash="x" * 64))
    session.execute(update(AuditEntry).where(AuditEntry.id == second.id).values(**first_values))
    session.execute(update(AuditEntry).where(AuditEntry.id == first.id).values(**second_values))
    session.expire_all()
    broken = audit.verify_chain(session)
    assert broken is not None and broken.entry_id == first.id


def test_cli_verify(app: Flask, chain: list[AuditEntry], session: Session) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0
    assert "intact" in result.output
    session.execute(update(AuditEntry).where(AuditEntry.id == chain[1].id)
                    .values(action="tampered"))
    session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"entry {chain[1].id}" in result.output
