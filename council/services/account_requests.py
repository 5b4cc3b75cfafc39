"""The DG's side of the separation of duties (issue 13): the IT administrator asks
(``council.services.accounts``: a role that sees content, a second-factor reset), a DG other
than the account's holder confirms or refuses here; the operator decides on the command line
what no DG may (a request about the only DG)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from council import permissions
from council.models import (
    AccountRequest,
    AccountRequestKind,
    AccountRequestState,
    AuditEntry,
    Role,
    User,
)
from council.models.base import utcnow
from council.refusals import Denied, NotFound
from council.services import accounts, audit, two_factor

#: the audit actions the DG's page lists: who asked for, granted, refused or reset what
HISTORY_ACTIONS = ("account_created", "account_change_requested", "account_change_refused",
                   "role_changed", "two_factor_reset", "account_enabled", "account_disabled")
#: entries shown, newest first (the audit log keeps them all)
HISTORY_LENGTH = 200


class AlreadyDecided(accounts.AccountError):
    def __init__(self) -> None:
        super().__init__("request_already_decided")


class ReauthenticationRequired(accounts.AccountError):
    """Confirming gives an account a role that sees content, or removes a second factor: the
    DG gives their password (and code) again first, so that a session left open on a desk is
    not enough."""

    def __init__(self) -> None:
        super().__init__("reauthentication_required")


def request_for(session: Session, actor: User, request_id: int) -> AccountRequest:
    """The one loader of a request being decided: ``NotFound`` when there is none, ``Denied``
    unless ``actor`` is a DG and the request is not about their own account."""
    if not permissions.can_decide_account_requests(actor):
        raise Denied()
    request = session.get(AccountRequest, request_id)
    if request is None:
        raise NotFound()
    if not permissions.can_decide_account_request(actor, request):
        raise Denied()
    return request


def operator_request(session: Session, request_id: int) -> AccountRequest:
    """The operator's loader (command line): any request."""
    request = session.get(AccountRequest, request_id)
    if request is None:
        raise NotFound()
    return request


def decide(session: Session, *, actor: User | None, request: AccountRequest,
           confirm: bool, reauthenticated: bool = False) -> None:
    """Confirms (the change takes effect now) or refuses a pending request; ``actor`` is the DG,
    None for the operator. A DG confirms only having given their password within the last
    minutes (``reauthenticated``, the caller's to say), else ``ReauthenticationRequired``;
    refusing grants nothing and needs no password. Audited, one commit. A refused councillor
    role leaves no member link on an account that is not a councillor."""
    if request.state is not AccountRequestState.pending:
        raise AlreadyDecided()
    if confirm and actor is not None and not reauthenticated:
        raise ReauthenticationRequired()
    user = request.user
    request.state = AccountRequestState.confirmed if confirm else AccountRequestState.refused
    request.decided_by_id = actor.id if actor is not None else None
    request.decided_at = utcnow()
    asked = {"request_id": request.id, "requested_by": request.requested_by_id}
    role = request.role  # None for a second-factor reset
    if not confirm:
        audit.record(session, "account_change_refused", actor=actor, object_type="user",
                     object_id=user.id, kind=request.kind.value,
                     role=role.value if role else None, **asked)
        if role and permissions.needs_member(role) and not permissions.needs_member(user.role):
            user.member = None
    elif role is None:
        two_factor.remove_second_factor(session, actor=actor, user=user, **asked)
    else:
        if permissions.needs_member(role) != (user.member is not None):
            raise accounts.AccountError("councillor_needs_member")
        if permissions.role_change(user.role, role) is not permissions.RoleChange.none:
            accounts.apply_role(session, actor=actor, user=user, role=role, **asked)
    session.commit()


def operator_reset_two_factor(session: Session, username: str) -> User:
    """The operator removes an account's second factor (``flask --app council accounts
    reset-two-factor``): the way for the only DG, whom no other DG can confirm. Audited."""
    user = session.scalar(select(User).where(
        User.username == accounts.normalise_username(username)))
    if user is None:
        raise NotFound()
    two_factor.remove_second_factor(session, actor=None, user=user, source="cli")
    session.commit()
    return user


def pending_requests(session: Session) -> list[AccountRequest]:
    """Every request waiting for a decision, oldest first."""
    return list(session.scalars(select(AccountRequest)
                                .where(AccountRequest.state == AccountRequestState.pending)
                                .order_by(AccountRequest.requested_at, AccountRequest.id)))


def pending_by_account(session: Session) -> dict[int, list[AccountRequest]]:
    """The pending requests per account, for the IT administrator's accounts page."""
    waiting: dict[int, list[AccountRequest]] = {}
    for request in pending_requests(session):
        waiting.setdefault(request.user_id, []).append(request)
    return waiting


def pending_role_of(session: Session, user: User) -> AccountRequest | None:
    """The role the account waits for, if any (its home page says so)."""
    return session.scalar(select(AccountRequest).where(
        AccountRequest.user_id == user.id, AccountRequest.kind == AccountRequestKind.role_change,
        AccountRequest.state == AccountRequestState.pending))


def password_replaced_ids(session: Session, requests: list[AccountRequest]) -> set[int]:
    """The accounts, among those the requests are about, whose holder changed the password
    since it was created: the IT administrator chose the initial one (the DG's page shows it,
    to confirm a role only once its holder has replaced it)."""
    return set(session.scalars(select(AuditEntry.object_id).where(
        AuditEntry.action == "password_changed", AuditEntry.object_type == "user",
        AuditEntry.object_id.in_({request.user_id for request in requests}))))


@dataclass(frozen=True)
class HistoryEntry:
    entry: AuditEntry
    actor: User | None
    account: User | None

    def _role(self, key: str) -> Role | None:
        value = self.entry.details.get(key)
        return Role(value) if isinstance(value, str) else None

    @property
    def role(self) -> Role | None:
        """The role given, asked for or refused, if the entry is about one."""
        return self._role("role")

    @property
    def old_role(self) -> Role | None:
        return self._role("old_role")

    @property
    def is_reset(self) -> bool:
        return self.entry.details.get("kind") == AccountRequestKind.two_factor_reset.value


def history(session: Session) -> list[HistoryEntry]:
    """The audited account changes, newest first: creations, requests, refusals, role changes,
    resets, accounts enabled and disabled; ``actor`` None is the operator (command line)."""
    actor, account = aliased(User), aliased(User)
    rows = session.execute(
        select(AuditEntry, actor, account)
        .outerjoin(actor, actor.id == AuditEntry.actor_id)
        .outerjoin(account, (AuditEntry.object_type == "user")
                   & (account.id == AuditEntry.object_id))
        .where(AuditEntry.action.in_(HISTORY_ACTIONS))
        .order_by(AuditEntry.id.desc()).limit(HISTORY_LENGTH))
    return [HistoryEntry(entry, by, of) for entry, by, of in rows]
