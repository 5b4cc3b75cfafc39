"""The roles every rule of the access policy starts from: who is staff, a councillor, the DG.
"""

from __future__ import annotations

from typing import Any

from council.models import (
    Role,
    User,
)

STAFF = frozenset({Role.dg, Role.secretariat})


def _role(user: Any) -> Role | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.role if isinstance(user, User) else None


def is_staff(user: Any) -> bool:
    return _role(user) in STAFF


def is_councillor(user: Any) -> bool:
    return _role(user) is Role.councillor and user.member_id is not None


def needs_member(role: Role) -> bool:
    """A councillor's account is linked to their member record; no other role's is."""
    return role is Role.councillor


def can_manage_accounts(user: Any) -> bool:
    """The IT administrator manages accounts, and sees no meeting or file content."""
    return _role(user) is Role.admin




def is_dg(user: Any) -> bool:
    return _role(user) is Role.dg
