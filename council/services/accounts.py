"""Logging in, API tokens and account administration."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from council.models import ApiToken, Language, Member, Role, User
from council.models.base import utcnow
from council.security import hash_password, token_digest, verify_password
from council.services import audit


class AccountError(ValueError):
    """A request about accounts that cannot be carried out; the message is for the user."""


def normalise_username(username: str) -> str:
    return username.strip().lower()


def authenticate(session: Session, username: str, password: str, *, source: str) -> User | None:
    """Checks credentials, records the attempt in the audit log and commits."""
    user = session.scalar(select(User).where(User.username == normalise_username(username)))
    valid = verify_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_enabled:
        audit.record(session, "login_failed", actor=user, source=source)
        session.commit()
        return None
    user.last_login_at = utcnow()
    audit.record(session, "login", actor=user, source=source)
    session.commit()
    return user


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
    if (role is Role.councillor) != (member is not None):
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
