"""Appending to and verifying the audit chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, and_, or_, select, text
from sqlalchemy.orm import Session

from council.clock import CENTRE_TIMEZONE
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


# --- reading the log (the DG's audit view) ----------------------------------------------------

PAGE_SIZE = 100


@dataclass(frozen=True)
class LogFilter:
    """Entries about one agenda item (as the object, or named in the details) and/or by one
    user, and/or from ``since`` to ``until`` (days in Belgium, both included); ``before_id``
    pages back through the log, newest first."""

    item_id: int | None = None
    actor_id: int | None = None
    before_id: int | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class LogPage:
    entries: list[tuple[AuditEntry, str | None]]  # with the actor's display name
    older_than: int | None  # ``before_id`` of the next page, none on the last one


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=CENTRE_TIMEZONE)


def _filtered(filters: LogFilter) -> Select[tuple[AuditEntry, str | None]]:
    query = (select(AuditEntry, User.display_name)
             .outerjoin(User, User.id == AuditEntry.actor_id)
             .order_by(AuditEntry.id.desc()))
    if filters.since is not None:
        query = query.where(AuditEntry.created_at >= _midnight(filters.since))
    if filters.until is not None:
        query = query.where(AuditEntry.created_at < _midnight(filters.until + timedelta(days=1)))
    if filters.item_id is not None:
        query = query.where(or_(
            and_(AuditEntry.object_type == "agenda_item",
                 AuditEntry.object_id == filters.item_id),
            AuditEntry.details["item_id"].as_integer() == filters.item_id))
    if filters.actor_id is not None:
        query = query.where(AuditEntry.actor_id == filters.actor_id)
    if filters.before_id is not None:
        query = query.where(AuditEntry.id < filters.before_id)
    return query


def read_log(session: Session, filters: LogFilter) -> LogPage:
    """One page of the log, newest first, in one query."""
    rows = [(entry, name) for entry, name in
            session.execute(_filtered(filters).limit(PAGE_SIZE + 1))]
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return LogPage(entries=rows, older_than=rows[-1][0].id if more else None)


#: the most entries one export holds (a year of a centre's log is far fewer)
EXPORT_LIMIT = 100_000


def export_log(session: Session, filters: LogFilter, *, actor: User
               ) -> list[tuple[AuditEntry, str | None]]:
    """The entries the filters select, newest first, for the DG's CSV export; the export
    itself is recorded (with its filters, never the entries)."""
    rows = [(entry, name) for entry, name in
            session.execute(_filtered(filters).limit(EXPORT_LIMIT))]
    record(session, "audit_log_exported", actor=actor, entries=len(rows),
           filter_item=filters.item_id, filter_user=filters.actor_id,
           since=filters.since.isoformat() if filters.since else None,
           until=filters.until.isoformat() if filters.until else None)
    session.commit()
    return rows


def actors(session: Session) -> list[tuple[int, str]]:
    """Every account, for the filter menu (the log keeps ids of disabled accounts too)."""
    return [(row.id, row.display_name) for row in session.execute(
        select(User.id, User.display_name).order_by(User.display_name))]
