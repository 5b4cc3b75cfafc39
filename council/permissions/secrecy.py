"""The professional secrecy register: secrecy is held by the institution, the DG decides.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, false, true

from council.models import (
    Role,
    User,
)
from council.models.secrecy import SecrecyRequest
from council.permissions.core import _role
from council.permissions.reports import _is_dg_or_dossiers_worker

# Secrecy is held by the institution: only the DG decides. A social worker who received a
# request refers it and follows what they referred; every other role sees the yearly counts only.


def can_view_secrecy_register(user: Any) -> bool:
    """The register page: the DG (every request) and social workers (those they referred)."""
    return _role(user) in (Role.dg, Role.social_worker)


def can_register_secrecy_request(user: Any) -> bool:
    """Recording a request on arrival: the DG, or a social worker referring it to the DG."""
    return _role(user) in (Role.dg, Role.social_worker)


def refers_secrecy_requests(user: Any) -> bool:
    """A social worker who records a request refers it to the DG, who alone decides."""
    return _role(user) is Role.social_worker


def can_view_secrecy_request(user: Any, request: Any) -> bool:
    """One request, what it asks and its outcome: the DG, and the social worker who referred it."""
    role = _role(user)
    return role is Role.dg or (role is Role.social_worker and request.referred_by_id == user.id)


def can_decide_secrecy_request(user: Any, request: Any) -> bool:
    """Refusing or lifting secrecy, and signing the letter: the DG alone."""
    return _role(user) is Role.dg


def directors_general_clause() -> ColumnElement[bool]:
    """SQL condition on ``User``: the accounts that act as the director-general."""
    return User.role == Role.dg


def visible_secrecy_requests_clause(user: Any) -> ColumnElement[bool]:
    """SQL condition on ``SecrecyRequest`` equivalent to ``can_view_secrecy_request``."""
    role = _role(user)
    if role is Role.dg:
        return true()
    if role is Role.social_worker:
        return SecrecyRequest.referred_by_id == user.id
    return false()


def can_view_secrecy_counts(user: Any) -> bool:
    """The yearly counts by basis and outcome (no identity): every signed-in role; not an
    account whose role waits for the DG, which sees nothing, nor the integration account."""
    return _role(user) not in (None, Role.unassigned, Role.integration)


def can_manage_consents(user: Any, dossier: Any) -> bool:
    """Recording and revoking a person's consents: the DG and the dossier's social worker."""
    return _is_dg_or_dossiers_worker(user, dossier)


def can_report_secrecy_to_council(user: Any) -> bool:
    """Putting the yearly counts on a council meeting's agenda: the DG."""
    return _role(user) is Role.dg
