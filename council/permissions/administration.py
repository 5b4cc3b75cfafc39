"""Accounts and the centre's administration: the IT administrator's requests and the DG's
confirmations (separation of duties), two-factor authentication, the audit log, the centre's
details.
"""

from __future__ import annotations

import enum
from typing import Any

from council.models import (
    AccountRequest,
    Role,
    User,
)
from council.permissions.core import _role, can_manage_accounts

#: the roles without access to any meeting, report, minutes or audit entry: the IT
#: administrator's and an account's that has no role yet. Every other role sees content.
CONTENTLESS_ROLES = frozenset({Role.admin, Role.unassigned})


class RoleChange(enum.Enum):
    """How the IT administrator's change of a role takes effect."""

    #: the account already has that role
    none = "none"
    #: from a role without content to another one: at once
    immediate = "immediate"
    #: to or from a role that sees content: once the DG confirms it
    needs_confirmation = "needs_confirmation"


def role_change(current: Role, requested: Role) -> RoleChange:
    """Giving a role that sees content needs the DG's confirmation, and so does taking one away
    (the DG, not the IT administrator, decides who reads the files; an account to be cut off at
    once is disabled, which takes effect immediately)."""
    if current is requested:
        return RoleChange.none
    if current in CONTENTLESS_ROLES and requested in CONTENTLESS_ROLES:
        return RoleChange.immediate
    return RoleChange.needs_confirmation


def initial_role(requested: Role) -> Role:
    """The role a new account starts with: the one asked for when it sees no content, none
    otherwise until the DG confirms it."""
    return requested if requested in CONTENTLESS_ROLES else Role.unassigned


def awaits_role(user: Any) -> bool:
    """An account that may log in but has no role yet: it sees its own account pages only."""
    return _role(user) is Role.unassigned


def can_decide_account_requests(user: Any) -> bool:
    """The DG's accounts page: the requests to confirm and the history of roles and resets."""
    return _role(user) is Role.dg


def can_decide_account_request(user: Any, request: AccountRequest) -> bool:
    """A DG confirms or refuses the IT administrator's requests, but none about their own
    account: a request about the only DG is decided by the operator on the command line."""
    return can_decide_account_requests(user) and request.user_id != user.id


def can_request_role(user: Any, account: User) -> bool:
    """The IT administrator asks for anyone's role but their own."""
    return can_manage_accounts(user) and account.id != user.id



#: roles that must use two-factor authentication when COUNCIL_REQUIRE_2FA is on (the president
#: is a councillor); anyone else may enrol voluntarily
TWO_FACTOR_ROLES = frozenset({Role.dg, Role.secretariat, Role.councillor})


def must_use_two_factor(account: User) -> bool:
    """Whether the account's role requires a second factor (when the centre requires it)."""
    return account.role in TWO_FACTOR_ROLES



def can_manage_own_two_factor(user: Any) -> bool:
    """Every account may set up its own authenticator and recovery codes."""
    return _role(user) is not None


def can_request_two_factor_reset(user: Any, account: User) -> bool:
    """The IT administrator asks for the removal of someone's authenticator (lost phone), which
    a DG confirms (``can_decide_account_request``); not their own, so that a borrowed
    administrator session cannot drop the administrator's second factor."""
    return can_manage_accounts(user) and account.id != user.id




def can_read_audit_log(user: Any) -> bool:
    """The DG answers for the centre's secrecy: the audit view is theirs. The IT admin keeps
    the accounts, not the record of who read which file."""
    return _role(user) is Role.dg


def can_edit_centre_details(user: Any) -> bool:
    """The address, telephone and labour court printed on letters: the DG."""
    return _role(user) is Role.dg
