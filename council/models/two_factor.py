"""Two-factor authentication: a TOTP secret per account and single-use recovery codes (issue 6).

The secret is stored only encrypted (``council.crypto``); recovery codes only as argon2 hashes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from council.db import Base
from council.models.base import UTCDateTime, utcnow


class TwoFactorSecret(Base):
    """An account's authenticator secret. It counts only once confirmed with a first code;
    before that it is an enrolment in progress."""

    __tablename__ = "two_factor_secret"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the account (one secret at most)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, unique=True, index=True
    )
    #: the base32 TOTP secret, encrypted with COUNCIL_DATA_KEY
    secret_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: when the enrolment began (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: when the user proved the authenticator works (UTC); None while enrolling
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: the 30-second time step of the last accepted code: that code and older ones are refused
    last_used_step: Mapped[int | None] = mapped_column(BigInteger, nullable=True)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class RecoveryCode(Base):
    """A single-use code that replaces the authenticator once (lost phone)."""

    __tablename__ = "recovery_code"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the account it belongs to
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, index=True
    )
    #: argon2 hash of the normalised code (the code itself is shown once and never stored)
    code_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    #: when it was issued (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: when it was used (UTC); a used code is refused
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
