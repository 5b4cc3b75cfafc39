"""Accounts and API tokens."""

from __future__ import annotations

import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from council.db import Base
from council.models.base import UTCDateTime, enum_column, utcnow
from council.models.centre import Member
from council.models.enums import AccountRequestKind, AccountRequestState, Language, Role, Sex


def new_session_epoch() -> str:
    return secrets.token_hex(16)


class User(UserMixin, Base):
    """Someone who logs in. A councillor's account is linked to their member record."""

    __tablename__ = "user_account"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: login name, unique, lower case
    username: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    #: argon2 hash of the password
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    #: what the account does
    role: Mapped[Role] = mapped_column(enum_column(Role), nullable=False)
    #: name shown in the interface and in watermarks
    display_name: Mapped[str] = mapped_column(String(160), nullable=False)
    #: address for convocations and notices (never file content)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    #: preferred interface language
    language: Mapped[Language] = mapped_column(
        enum_column(Language), nullable=False, default=Language.fr
    )
    #: the account holder's sex, for the titles by gender ("directrice générale"); a member's
    #: title reads the member's own; none: the role's title as it is
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex), nullable=True)
    #: council member this account belongs to (councillors and the president only)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id"), nullable=True, unique=True, index=True
    )
    #: whether the account may log in
    is_enabled: Mapped[bool] = mapped_column(nullable=False, default=True)
    #: when the account was created (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: last successful login (UTC)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: random token copied into each web session at login; a session carrying another one is
    #: refused, so replacing it ends every session of the account at once
    session_epoch: Mapped[str] = mapped_column(String(32), nullable=False,
                                               default=new_session_epoch)

    member: Mapped[Member | None] = relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses disabled accounts
        return self.is_enabled

    @property
    def is_president(self) -> bool:
        return self.member is not None and self.member.is_president


class AccountRequest(Base):
    """A change of an account that the IT administrator asks for and the DG confirms or refuses
    (separation of duties, issue 13): a role that sees content, or the reset of someone's second
    factor. Kept once decided: the DG's accounts page lists them."""

    __tablename__ = "account_request"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: what is asked
    kind: Mapped[AccountRequestKind] = mapped_column(enum_column(AccountRequestKind),
                                                     nullable=False)
    #: the account concerned
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, index=True
    )
    #: the role asked for (role requests only)
    role: Mapped[Role | None] = mapped_column(enum_column(Role), nullable=True)
    #: the IT administrator who asked
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), nullable=False,
                                                 index=True)
    #: when it was asked (UTC)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: where it stands
    state: Mapped[AccountRequestState] = mapped_column(
        enum_column(AccountRequestState), nullable=False, default=AccountRequestState.pending,
        index=True)
    #: the DG who confirmed or refused it; None while pending, when superseded, or when the
    #: operator decided it on the command line
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"),
                                                      nullable=True, index=True)
    #: when it was confirmed, refused or superseded (UTC)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    requested_by: Mapped[User] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class ApiToken(Base):
    """A bearer token for the HTTP API. Only its SHA-256 is stored."""

    __tablename__ = "api_token"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: account the token acts for
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, index=True
    )
    #: hex SHA-256 of the token
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    #: when it was issued (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: when it stops working (UTC)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    #: when it was revoked (UTC), if it was
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    user: Mapped[User] = relationship()


class LoginAttempt(Base):
    """A failed login, kept for throttling (council.rules.throttle) for one window, then purged.

    Each attempt is stored before its password or code is checked, so that attempts made in
    parallel count it (``council.services.accounts.reserve_attempt``); the row of an attempt
    that succeeds is deleted. A successful login also clears ``username`` on its account's
    rows: the account's counter restarts while the address keeps counting the failures.
    """

    __tablename__ = "login_attempt"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the username tried, normalised (whether or not such an account exists); None once the
    #: account has logged in successfully since
    username: Mapped[str | None] = mapped_column(String(80), nullable=True, index=True)
    #: the client address (request.remote_addr, behind ProxyFix when configured)
    address: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    #: when the attempt was made (UTC)
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)
