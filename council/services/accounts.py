"""Logging in, API tokens and account administration."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from council import permissions
from council.models import ApiToken, Language, LoginAttempt, Member, Role, User
from council.models.base import utcnow
from council.rules.throttle import Limit, login_decision
from council.security import hash_password, token_digest, verify_password
from council.services import audit


class AccountError(ValueError):
    """A request about accounts that cannot be carried out; the message is for the user."""


def normalise_username(username: str) -> str:
    return username.strip().lower()


class LoginThrottled(AccountError):
    """Too many recent failures for the account or the address: the attempt is not checked.
    Says nothing about whether the account exists."""

    def __init__(self, retry_at: datetime, now: datetime) -> None:
        super().__init__("too_many_attempts")
        self.retry_at = retry_at
        #: whole seconds to wait, at least 1 (the Retry-After header)
        self.retry_after = max(1, math.ceil((retry_at - now).total_seconds()))


#: old rows deleted per failed login, so that one request never does unbounded work
PURGE_BATCH = 100


def _login_limits() -> tuple[Limit, Limit]:
    config = current_app.config
    window = timedelta(minutes=config["COUNCIL_LOGIN_WINDOW_MINUTES"])
    return (Limit(config["COUNCIL_LOGIN_MAX_FAILURES"], window),
            Limit(config["COUNCIL_LOGIN_MAX_FAILURES_PER_ADDRESS"], window))


def _recent_failures(session: Session, column: Any, value: str, limit: Limit,
                     now: datetime) -> list[datetime]:
    """The newest failures within the window, no more than the rule needs."""
    return list(session.scalars(
        select(LoginAttempt.failed_at)
        .where(column == value, LoginAttempt.failed_at > now - limit.window)
        .order_by(LoginAttempt.failed_at.desc())
        .limit(limit.max_failures)))


def _record_failure(session: Session, username: str, address: str, now: datetime,
                    window: timedelta) -> None:
    session.add(LoginAttempt(username=username, address=address, failed_at=now))
    expired = (select(LoginAttempt.id).where(LoginAttempt.failed_at <= now - window)
               .order_by(LoginAttempt.id).limit(PURGE_BATCH))
    session.execute(delete(LoginAttempt).where(LoginAttempt.id.in_(expired))
                    .execution_options(synchronize_session=False))


def check_not_throttled(session: Session, username: str, address: str, *, user: User | None,
                        source: str) -> None:
    """Raises ``LoginThrottled`` (audited, committed) when the account or the client address has
    failed too often recently (settings ``COUNCIL_LOGIN_*``)."""
    now = utcnow()
    account_limit, address_limit = _login_limits()
    decision = login_decision(
        _recent_failures(session, LoginAttempt.username, username, account_limit, now),
        _recent_failures(session, LoginAttempt.address, address, address_limit, now),
        account_limit=account_limit, address_limit=address_limit, now=now)
    if not decision.allowed:
        audit.record(session, "login_throttled", actor=user, source=source)
        session.commit()
        raise LoginThrottled(decision.retry_at or now, now)


def record_failed_attempt(session: Session, username: str, address: str) -> None:
    """Counts a failure (wrong password or wrong one-time code) against the account and the
    address; the caller audits and commits."""
    account_limit, _address_limit = _login_limits()
    _record_failure(session, username, address, utcnow(), account_limit.window)


def check_password(session: Session, username: str, password: str, *, source: str,
                   address: str) -> User | None:
    """The first factor: the account if the password is right, unless throttled
    (``LoginThrottled``). A failure is counted, audited and committed; a success changes
    nothing yet, so that a correct password alone never resets the failure count of an account
    that also needs its one-time code (``complete_login`` does)."""
    username = normalise_username(username)
    user = session.scalar(select(User).where(User.username == username))
    check_not_throttled(session, username, address, user=user, source=source)
    valid = verify_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_enabled:
        record_failed_attempt(session, username, address)
        audit.record(session, "login_failed", actor=user, source=source)
        session.commit()
        return None
    return user


def clear_account_failures(session: Session, username: str) -> None:
    """The account proved itself: its failure count restarts (the address keeps counting)."""
    session.execute(update(LoginAttempt).where(LoginAttempt.username == username)
                    .values(username=None).execution_options(synchronize_session=False))


def complete_login(session: Session, user: User, *, source: str) -> None:
    """Every factor is given: restarts the account's failure count (not the address's), records
    the login in the audit log and commits."""
    clear_account_failures(session, user.username)
    user.last_login_at = utcnow()
    audit.record(session, "login", actor=user, source=source)
    session.commit()


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime


def issue_token(session: Session, user: User, lifetime: timedelta) -> IssuedToken:
    token = secrets.token_urlsafe(32)
    expires_at = utcnow() + lifetime
    session.add(ApiToken(user_id=user.id, token_hash=token_digest(token), expires_at=expires_at))
    session.commit()
    return IssuedToken(token=token, expires_at=expires_at)


def user_for_token(session: Session, token: str) -> User | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(token)))
    if row is None or row.revoked_at is not None or row.expires_at <= utcnow():
        return None
    return row.user if row.user.is_enabled else None


def create_user(
    session: Session,
    *,
    actor: User | None,
    username: str,
    password: str,
    role: Role,
    display_name: str,
    email: str | None = None,
    language: Language = Language.fr,
    member: Member | None = None,
) -> User:
    """Creates an account; councillors must be linked to a member, others must not be."""
    username = normalise_username(username)
    if not username or len(password) < 8:
        raise AccountError("username_or_password_too_short")
    if permissions.needs_member(role) != (member is not None):
        raise AccountError("councillor_needs_member")
    taken = session.scalar(select(func.count()).select_from(User).where(User.username == username))
    if taken:
        raise AccountError("username_taken")
    if member is not None and session.scalar(select(User.id).where(User.member_id == member.id)):
        raise AccountError("member_has_account")
    user = User(
        username=username,
        password_hash=hash_password(password),
        role=role,
        display_name=display_name,
        email=email,
        language=language,
        member=member,
    )
    session.add(user)
    session.flush()
    audit.record(session, "account_created", actor=actor, object_type="user", object_id=user.id,
                 role=role.value)
    session.commit()
    return user


def set_enabled(session: Session, *, actor: User, user: User, enabled: bool) -> None:
    if user.id == actor.id and not enabled:
        raise AccountError("cannot_disable_self")
    user.is_enabled = enabled
    if not enabled:
        for token in session.scalars(select(ApiToken).where(ApiToken.user_id == user.id,
                                                            ApiToken.revoked_at.is_(None))):
            token.revoked_at = utcnow()
    audit.record(session, "account_enabled" if enabled else "account_disabled", actor=actor,
                 object_type="user", object_id=user.id)
    session.commit()


def set_language(session: Session, user: User, language: Language) -> None:
    user.language = language
    session.commit()
