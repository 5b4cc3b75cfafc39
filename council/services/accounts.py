"""Logging in, API tokens and account administration."""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from flask_babel import gettext
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from council import permissions
from council.models import (
    AccountRequest,
    AccountRequestKind,
    AccountRequestState,
    ApiToken,
    Language,
    LoginAttempt,
    Member,
    Role,
    Sex,
    User,
)
from council.models.base import utcnow
from council.models.users import new_session_epoch
from council.permissions import RoleChange
from council.refusals import CodedRefusal, Denied, NotFound
from council.rules import usernames
from council.rules.throttle import Limit, login_decision
from council.security import hash_password, token_digest, verify_password
from council.services import audit


def _messages() -> dict[str, str]:
    """The message of each refusal about accounts, by its code, in the reader's language."""
    return {
        "username_or_password_too_short": gettext(
            "The username is required and the password needs at least 8 characters."),
        "councillor_needs_member": gettext(
            "A councillor account must be linked to a council member; other accounts cannot "
            "be."),
        "username_taken": gettext("This username is already taken."),
        "username_alphabet": gettext(
            "A username has 2 to 80 characters: unaccented letters, digits, dots, hyphens and "
            "underscores, starting with a letter or a digit."),
        "member_has_account": gettext("This council member already has an account."),
        "cannot_disable_self": gettext("You cannot disable your own account."),
        "cannot_change_own_role": gettext("You cannot change your own role."),
        "request_already_decided": gettext("This request was already decided."),
        "reauthentication_required": gettext(
            "Confirm it is you: type your password again to confirm this request."),
        "director_exists": gettext("An enabled director-general account exists: the IT "
                                   "administrator asks for another one, which a DG confirms."),
        "too_many_attempts": gettext("Too many attempts; please wait a moment."),
        "enrolment_required": gettext(
            "This account must first set up two-factor authentication on the web."),
    }


class AccountError(CodedRefusal, ValueError):
    """A request about accounts that cannot be carried out: ``code`` names the rule, the
    message (``str(error)``) is for the user. Nothing stored."""

    def __init__(self, code: str) -> None:
        super().__init__(code, _messages()[code])


def normalise_username(username: str) -> str:
    return usernames.normalised(username)


class LoginThrottled(AccountError):
    """Too many recent failures for the account or the address: the attempt is not checked.
    Says nothing about whether the account exists."""

    def __init__(self, retry_at: datetime, now: datetime) -> None:
        super().__init__("too_many_attempts")
        self.retry_at = retry_at
        #: whole seconds to wait, at least 1 (the Retry-After header)
        self.retry_after = max(1, math.ceil((retry_at - now).total_seconds()))


#: old rows deleted per attempt, so that one request never does unbounded work
PURGE_BATCH = 100
#: the first half of the PostgreSQL advisory locks that serialise the reservations of one key
#: (the audit chain's lock is a single 64-bit key: another key space)
_THROTTLE_LOCKS = 7412


def _login_limits() -> tuple[Limit, Limit]:
    config = current_app.config
    window = timedelta(minutes=config["COUNCIL_LOGIN_WINDOW_MINUTES"])
    return (Limit(config["COUNCIL_LOGIN_MAX_FAILURES"], window),
            Limit(config["COUNCIL_LOGIN_MAX_FAILURES_PER_ADDRESS"], window))


def _recent_failures(session: Session, column: Any, value: str, limit: Limit,
                     now: datetime) -> list[datetime]:
    """The newest failures within the window, no more than the rule needs; one recorded by a
    worker whose clock runs ahead counts as now (the rule ignores failures to come)."""
    return [min(at, now) for at in session.scalars(
        select(LoginAttempt.failed_at)
        .where(column == value, LoginAttempt.failed_at > now - limit.window)
        .order_by(LoginAttempt.failed_at.desc())
        .limit(limit.max_failures))]


def _lock_keys(session: Session, username: str, address: str) -> None:
    """Serialises, until the commit, the reservations of this account and of this address, so
    that parallel attempts never count the same failures. PostgreSQL's READ COMMITTED would let
    them (issue 13: 17 wrong passwords checked against a limit of 5): a transaction-level
    advisory lock per key, taken in one order everywhere (no deadlock). SQLite transactions
    start with BEGIN IMMEDIATE (``council.db``): writers are already serial."""
    if session.get_bind().dialect.name != "postgresql":
        return
    keys = sorted(int.from_bytes(hashlib.sha256(f"{kind}\0{value}".encode()).digest()[:4],
                                 "big", signed=True)
                  for kind, value in (("account", username), ("address", address)))
    for key in keys:
        session.execute(select(func.pg_advisory_xact_lock(_THROTTLE_LOCKS, key)))


def _purge(session: Session, now: datetime, window: timedelta) -> None:
    """Deletes a batch of rows older than the window (rows another transaction is deleting
    are left to it)."""
    expired = (select(LoginAttempt.id).where(LoginAttempt.failed_at <= now - window)
               .order_by(LoginAttempt.id).limit(PURGE_BATCH).with_for_update(skip_locked=True))
    session.execute(delete(LoginAttempt).where(LoginAttempt.id.in_(expired))
                    .execution_options(synchronize_session=False))


def reserve_attempt(session: Session, username: str, address: str, *, user: User | None,
                    source: str) -> int:
    """Admits an attempt (a password, a one-time code, or both) before its secret is checked,
    in one transaction that checks the throttling and counts the attempt as a failure at once
    (``_lock_keys``), then commits: parallel attempts see it, so no more than the limit are
    ever checked. Returns the attempt, which stays counted unless it succeeds
    (``release_attempt``); an attempt cut off midway stays a failure.

    Raises ``LoginThrottled`` (audited, committed) when the account or the client address has
    failed too often recently (settings ``COUNCIL_LOGIN_*``)."""
    _lock_keys(session, username, address)
    now = utcnow()  # read after the lock: an attempt admitted before this one is not to come
    account_limit, address_limit = _login_limits()
    decision = login_decision(
        _recent_failures(session, LoginAttempt.username, username, account_limit, now),
        _recent_failures(session, LoginAttempt.address, address, address_limit, now),
        account_limit=account_limit, address_limit=address_limit, now=now)
    if not decision.allowed:
        audit.record(session, "login_throttled", actor=user, source=source)
        session.commit()
        raise LoginThrottled(decision.retry_at or now, now)
    attempt = LoginAttempt(username=username, address=address, failed_at=now)
    session.add(attempt)
    _purge(session, now, account_limit.window)
    session.commit()
    return attempt.id


def release_attempt(session: Session, attempt: int) -> None:
    """The attempt succeeded: it no longer counts as a failure (the caller commits)."""
    session.execute(delete(LoginAttempt).where(LoginAttempt.id == attempt)
                    .execution_options(synchronize_session=False))


def attempt_password(session: Session, username: str, password: str, *, source: str,
                     address: str) -> tuple[User | None, int]:
    """Reserves an attempt (``reserve_attempt``, which may raise ``LoginThrottled``) and checks
    the password: the account if it is right, with the attempt, still counted, for the caller
    to release or to keep. A wrong password is audited and committed."""
    username = normalise_username(username)
    user = session.scalar(select(User).where(User.username == username))
    attempt = reserve_attempt(session, username, address, user=user, source=source)
    valid = verify_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_enabled:
        audit.record(session, "login_failed", actor=user, source=source)
        session.commit()
        return None, attempt
    return user, attempt


def check_password(session: Session, username: str, password: str, *, source: str,
                   address: str) -> User | None:
    """The first factor on the web: the account if the password is right, unless throttled
    (``LoginThrottled``). A failure is counted, audited and committed; a success releases its
    attempt and changes nothing else, so that a correct password alone never resets the failure
    count of an account that also needs its one-time code (``complete_login`` does)."""
    user, attempt = attempt_password(session, username, password, source=source,
                                     address=address)
    if user is not None:
        release_attempt(session, attempt)
        session.commit()
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


def _new_account(session: Session, *, username: str, password: str, role: Role, granted: Role,
                 display_name: str, email: str | None, language: Language,
                 member: Member | None) -> User:
    """Checks and adds an account with the role ``granted`` now (not committed); councillors
    must be linked to a member, others must not be (``role`` is the role asked for)."""
    username = normalise_username(username)
    if not username or len(password) < 8:
        raise AccountError("username_or_password_too_short")
    if not usernames.is_safe(username):
        raise AccountError("username_alphabet")
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
        role=granted,
        display_name=display_name,
        email=email,
        language=language,
        member=member,
    )
    session.add(user)
    session.flush()
    return user


def create_user(
    session: Session,
    *,
    actor: User,
    username: str,
    password: str,
    role: Role,
    display_name: str,
    email: str | None = None,
    language: Language = Language.fr,
    member: Member | None = None,
    sex: Sex | None = None,
) -> AccountRequest | None:
    """The IT administrator creates an account. A role that sees content does not take effect:
    the account has no role (it can log in, change the password the administrator chose and set
    up its second factor, and sees nothing else) until the DG confirms the request returned;
    a councillor's account carries its member link meanwhile, for the DG to check."""
    user = _new_account(session, username=username, password=password, role=role,
                        granted=permissions.initial_role(role), display_name=display_name,
                        email=email, language=language, member=member)
    user.sex = sex
    audit.record(session, "account_created", actor=actor, object_type="user", object_id=user.id,
                 role=user.role.value, requested_role=role.value)
    request = None
    if permissions.role_change(user.role, role) is RoleChange.needs_confirmation:
        request = _ask_the_dg(session, actor=actor, user=user, kind=AccountRequestKind.role_change,
                              role=role)
    session.commit()
    return request


class DirectorExists(AccountError):
    """The operator's command creates the first DG only."""

    def __init__(self) -> None:
        super().__init__("director_exists")


def create_first_director(session: Session, *, username: str, password: str, display_name: str,
                          email: str | None = None, language: Language = Language.fr) -> User:
    """The operator (``flask --app council accounts create-dg``) creates the first DG, who then
    confirms the roles the IT administrator asks for. Refused while an enabled DG account
    exists: further DGs are asked for by the IT administrator and confirmed by a DG. Audited
    without an actor (the command line)."""
    if session.scalar(select(User.id).where(permissions.directors_general_clause(),
                                            User.is_enabled.is_(True)).limit(1)):
        raise DirectorExists()
    # the operator's command is the one path that grants a role with content at once
    user = _new_account(session, username=username, password=password, role=Role.dg,
                        granted=Role.dg, display_name=display_name, email=email,
                        language=language, member=None)
    audit.record(session, "account_created", actor=None, object_type="user", object_id=user.id,
                 role=Role.dg.value, requested_role=Role.dg.value, source="cli")
    session.commit()
    return user


def _ask_the_dg(session: Session, *, actor: User, user: User, kind: AccountRequestKind,
                role: Role | None = None) -> AccountRequest:
    """Records a request for the DG (audited; the caller commits). A pending request of the same
    kind about the same account is superseded: the DG decides the latest one only."""
    _supersede(session, user, kind)
    request = AccountRequest(kind=kind, user_id=user.id, role=role, requested_by_id=actor.id,
                             requested_at=utcnow(), state=AccountRequestState.pending)
    session.add(request)
    session.flush()
    audit.record(session, "account_change_requested", actor=actor, object_type="user",
                 object_id=user.id, kind=kind.value, role=role.value if role else None,
                 request_id=request.id)
    return request


def _end_sessions(session: Session, user: User, *, actor: User | None, reason: str) -> None:
    """Gives the account a new session epoch: every web session it has (on any device) is
    refused from its next request on (``council.auth``). Audited; the caller commits."""
    user.session_epoch = new_session_epoch()
    audit.record(session, "sessions_ended", actor=actor, object_type="user", object_id=user.id,
                 reason=reason)


def log_out(session: Session, user: User) -> None:
    """Logging out ends the account's sessions everywhere, not just the cookie of this browser
    (a copy of which would otherwise still work)."""
    _end_sessions(session, user, actor=user, reason="logout")
    session.commit()


def end_other_sessions(session: Session, user: User) -> str:
    """"Log out my other sessions": ends every session of the account and returns the new epoch,
    which the caller gives to the current session so that it alone goes on."""
    _end_sessions(session, user, actor=user, reason="other_sessions")
    session.commit()
    return user.session_epoch


def change_password(session: Session, user: User, new_password: str) -> str:
    """Sets the user's own password (the caller checked the current one, and the new one's
    length: ``PasswordChangeForm``) and ends every session of the account; returns the new
    epoch for the caller's current session."""
    user.password_hash = hash_password(new_password)
    audit.record(session, "password_changed", actor=user, object_type="user", object_id=user.id)
    _end_sessions(session, user, actor=user, reason="password_changed")
    session.commit()
    return user.session_epoch


def account_for(session: Session, actor: User, user_id: int) -> User:
    """The one loader of an account being managed: ``Denied`` unless ``actor`` manages
    accounts, ``NotFound`` when there is no such account."""
    if not permissions.can_manage_accounts(actor):
        raise Denied()
    user = session.get(User, user_id)
    if user is None:
        raise NotFound()
    return user


def apply_role(session: Session, *, actor: User | None, user: User, role: Role,
               **details: str | int | None) -> None:
    """Gives the account its new role and ends its sessions, so that no page goes on with the
    rights of the old role (audited; the caller commits)."""
    audit.record(session, "role_changed", actor=actor, object_type="user", object_id=user.id,
                 old_role=user.role.value, role=role.value, **details)
    user.role = role
    _end_sessions(session, user, actor=actor, reason="role_changed")


def request_role(session: Session, *, actor: User, user: User, role: Role) -> RoleChange:
    """The IT administrator changes someone's role (not their own). Between roles that see no
    content it takes effect at once; to or from a role that sees content it waits for the DG
    (``permissions.role_change``). Any pending role request about the account is superseded."""
    if not permissions.can_request_role(actor, user):
        raise AccountError("cannot_change_own_role")
    if permissions.needs_member(role) != (user.member is not None):
        raise AccountError("councillor_needs_member")
    change = permissions.role_change(user.role, role)
    if change is RoleChange.none:  # nothing changes: no audit entry, no session ended
        return change
    if change is RoleChange.immediate:
        _supersede(session, user, AccountRequestKind.role_change)
        apply_role(session, actor=actor, user=user, role=role)
    else:
        _ask_the_dg(session, actor=actor, user=user, kind=AccountRequestKind.role_change, role=role)
    session.commit()
    return change


def _supersede(session: Session, user: User, kind: AccountRequestKind) -> None:
    """The pending request of this kind about the account, if any, is replaced."""
    for older in session.scalars(select(AccountRequest).where(
            AccountRequest.user_id == user.id, AccountRequest.kind == kind,
            AccountRequest.state == AccountRequestState.pending)):
        older.state, older.decided_at = AccountRequestState.superseded, utcnow()


def request_two_factor_reset(session: Session, *, actor: User, user: User) -> AccountRequest:
    """The IT administrator asks for the removal of someone's authenticator and recovery codes
    (lost phone); a DG other than the account's holder confirms it
    (``council.services.account_requests.decide``)."""
    if not permissions.can_request_two_factor_reset(actor, user):
        raise Denied()
    request = _ask_the_dg(session, actor=actor, user=user,
                          kind=AccountRequestKind.two_factor_reset)
    session.commit()
    return request


def set_enabled(session: Session, *, actor: User, user: User, enabled: bool) -> None:
    if user.id == actor.id and not enabled:
        raise AccountError("cannot_disable_self")
    user.is_enabled = enabled
    if not enabled:
        for token in session.scalars(select(ApiToken).where(ApiToken.user_id == user.id,
                                                            ApiToken.revoked_at.is_(None))):
            token.revoked_at = utcnow()
        _end_sessions(session, user, actor=actor, reason="account_disabled")
    audit.record(session, "account_enabled" if enabled else "account_disabled", actor=actor,
                 object_type="user", object_id=user.id)
    session.commit()


def set_language(session: Session, user: User, language: Language) -> None:
    user.language = language
    session.commit()
