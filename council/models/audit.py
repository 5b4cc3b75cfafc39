"""The append-only audit log, each entry chained to the previous one by SHA-256."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from council.db import Base
from council.models.base import UTCDateTime, utcnow


class AuditEntry(Base):
    """Who did what, when. Never holds file content or a secret ballot's choice."""

    __tablename__ = "audit_entry"

    #: primary key, also the order of the chain
    id: Mapped[int] = mapped_column(primary_key=True)
    #: when it happened (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: account that acted; none for anonymous attempts
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True
    )
    #: what happened, e.g. "login", "login_failed", "item_read"
    action: Mapped[str] = mapped_column(String(60), nullable=False, index=True)
    #: kind of object concerned, e.g. "agenda_item"
    object_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: id of the object concerned
    object_id: Mapped[int | None] = mapped_column(nullable=True)
    #: extra facts (never file content); a flat JSON object
    details: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    #: hash of the previous entry ("" for the first)
    previous_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    #: SHA-256 over the previous hash and this entry's canonical form
    entry_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)


class AuditHead(Base):
    """The chain's last link, kept in a row of its own: removing entries from the end of the
    log leaves the head pointing past them, so ``audit verify`` sees it."""

    __tablename__ = "audit_head"

    #: always 1: there is one head
    id: Mapped[int] = mapped_column(primary_key=True)
    #: id of the last entry appended
    last_entry_id: Mapped[int] = mapped_column(nullable=False)
    #: hash of the last entry appended
    last_hash: Mapped[str] = mapped_column(String(64), nullable=False)
