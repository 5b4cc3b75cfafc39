"""Appending to and verifying the audit chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from council.models import AuditEntry, AuditHead, User
from council.models.base import utcnow


def _canonical(entry: AuditEntry) -> bytes:
    """The fields the hash covers, in a form that is the same on every backend."""
    created_at: datetime = entry.created_at
    payload = {
        "id": entry.id,
        "created_at": created_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "actor_id": entry.actor_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "details": entry.details,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _hash(previous_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256(previous_hash.encode() + b"\n" + _canonical(entry)).hexdigest()


HEAD_ID = 1


def _lock_chain(session: Session) -> None:
    """Serialises appends so that two writers never chain onto the same previous entry."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7411)"))
    # SQLite transactions start with BEGIN IMMEDIATE (council.db): writers are already serial.


def record(
    session: Session,
    action: str,
    *,
    actor: User | None = None,
    object_type: str | None = None,
    object_id: int | None = None,
    **details: str | int | bool | None,
) -> AuditEntry:
    """Adds an entry to the chain in the caller's transaction (the caller commits)."""
    _lock_chain(session)
    last = session.execute(
        select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    entry = AuditEntry(
        id=(last.id + 1) if last else 1,
        created_at=utcnow(),
        actor_id=actor.id if actor is not None else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        details=dict(details),
        previous_hash=last.entry_hash if last else "",
    )
    entry.entry_hash = _hash(entry.previous_hash, entry)
    session.add(entry)
    head = session.get(AuditHead, HEAD_ID) or AuditHead(id=HEAD_ID)
    head.last_entry_id, head.last_hash = entry.id, entry.entry_hash
    session.add(head)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    reason: str


def verify_chain(session: Session) -> ChainBreak | None:
    """Returns the first entry where the chain is broken, or None when it is intact."""
    previous_hash = ""
    expected_id = 1
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
        if entry.id != expected_id:
            return ChainBreak(expected_id, "entry missing (ids are not consecutive)")
        if entry.previous_hash != previous_hash:
            return ChainBreak(entry.id, "does not follow the previous entry")
        if entry.entry_hash != _hash(previous_hash, entry):
            return ChainBreak(entry.id, "content altered")
        previous_hash = entry.entry_hash
        expected_id += 1
    head = session.get(AuditHead, HEAD_ID)
    last_id = expected_id - 1
    if head is None:
        return ChainBreak(1, "the chain's head is missing") if last_id else None
    if head.last_entry_id != last_id or head.last_hash != previous_hash:
        return ChainBreak(min(head.last_entry_id, last_id + 1),
                          "entries missing at the end of the log (the head points past them)")
    return None
