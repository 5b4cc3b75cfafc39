"""The DG's overrides of the identity guard (``agenda.guard``): texts members will read that
the guard stopped and the DG let through, with a written reason."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from council.db import Base
from council.models.base import UTCDateTime, utcnow
from council.models.users import User


class GuardOverride(Base):
    """One text the DG let through: found again by its keyed digest, so that saving, approving,
    convening or signing the same text does not stop on the same hits. Never the text."""

    __tablename__ = "guard_override"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: keyed digest of the text let through (``council.crypto.text_digests``)
    text_digest: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    #: the kinds of hits let through, comma-separated (name, niss, …): no identity
    kinds: Mapped[str] = mapped_column(String(120), nullable=False)
    #: the DG's written reason, encrypted (it may quote what it lets through)
    reason_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: the DG who let it through
    created_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    created_by: Mapped[User] = relationship()
