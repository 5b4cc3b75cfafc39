"""The register of requests to lift professional secrecy: registering (or referring) a request,
the DG's decision, the disclosure letter, consents, and the yearly counts for the council.

Secrecy is held by the institution (DOMAIN.md): the DG alone decides, with written reasons; the
social worker who received a request is recorded as having referred it. A disclosure carries only
the fields its basis allows (``council.rules.secrecy``), built from the dossier identity (read
through the encrypted store, audited as a re-identification) and from the dossier's decided
items; social reports, pseudonym maps, minutes and votes have no way in. Every step is audited,
never with an identity value in the details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from flask_babel import gettext, lazy_gettext
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from council import permissions
from council.clock import CENTRE_TIMEZONE
from council.crypto import decrypt_bytes, encrypt_bytes
from council.models import (
    Consent,
    Dossier,
    RequesterKind,
    RequestStatus,
    SecrecyBasis,
    SecrecyRequest,
    User,
)
from council.models.base import utcnow
from council.refusals import Denied, NotFound, Refusal
from council.rules import secrecy as rules
from council.services import audit
from council.typed_dates import check_typed_date

MAX_NAME = 200
MAX_REFERENCE = 100
MAX_BASIS_REFERENCE = 300
MAX_REQUESTED = 4000
#: the requester's postal address, all its lines together
MAX_ADDRESS = 300
MAX_REASONS = 8000
MAX_PURPOSE = 300


class SecrecyError(Refusal, ValueError):
    """A use case that cannot be carried out; ``str(error)`` is for the user. Nothing stored."""

    code = "secrecy_refused"


class NotAllowed(SecrecyError):
    """The actor may not do this."""


# --- registering and referring --------------------------------------------------------------


@dataclass(frozen=True)
class RequestInput:
    """A request as it arrived (web form or API)."""

    dossier_reference: str
    requester_kind: RequesterKind
    basis: SecrecyBasis
    requested: str
    received_on: date
    requester_name: str | None = None
    requester_reference: str | None = None
    basis_reference: str | None = None
    #: the requester's postal address (lines), for the letter
    requester_address: str | None = None


def clean_address(value: str | None) -> str | None:
    """An address typed on several lines: each line's spaces tidied, blank lines dropped;
    SecrecyError when it is too long."""
    lines = [" ".join(line.split()) for line in (value or "").splitlines()]
    address = "\n".join(line for line in lines if line)
    if len(address) > MAX_ADDRESS:
        raise SecrecyError(gettext("A text is too long (at most %(max)d characters).",
                                   max=MAX_ADDRESS))
    return address or None


def _clean(value: str | None, limit: int) -> str | None:
    cleaned = " ".join((value or "").split())
    if len(cleaned) > limit:
        raise SecrecyError(gettext("A text is too long (at most %(max)d characters).", max=limit))
    return cleaned or None


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=CENTRE_TIMEZONE)


def local_today() -> date:
    return utcnow().astimezone(CENTRE_TIMEZONE).date()


def register_request(session: Session, data: RequestInput, *, actor: User) -> SecrecyRequest:
    """Records a request on arrival. A social worker who registers it refers it to the DG and
    is recorded as the one who referred it (never as deciding); the DG may register it too."""
    if not permissions.can_register_secrecy_request(actor):
        raise NotAllowed(gettext("Only the director-general and social workers register "
                                 "requests to lift professional secrecy."))
    reference = (data.dossier_reference or "").strip()
    dossier = session.scalar(select(Dossier).where(Dossier.reference == reference))
    if dossier is None:
        raise SecrecyError(gettext("No dossier has the reference %(reference)s.",
                                   reference=reference or "—"))
    requested = (data.requested or "").replace("\r\n", "\n").strip()
    if not requested or len(requested) > MAX_REQUESTED:
        raise SecrecyError(gettext("Say what is asked (at most %(max)d characters).",
                                   max=MAX_REQUESTED))
    if data.received_on > local_today():
        raise SecrecyError(gettext("The request cannot have come in after today."))
    check_typed_date(data.received_on, lazy_gettext("The day the request came in"),
                     SecrecyError)
    name = _clean(data.requester_name, MAX_NAME)
    if data.requester_kind is RequesterKind.person_concerned:
        name = None  # the person is the dossier: their name is not written again in clear
    elif name is None:
        raise SecrecyError(gettext("Name the requesting authority or institution."))
    basis_reference = _clean(data.basis_reference, MAX_BASIS_REFERENCE)
    if data.basis is SecrecyBasis.other and basis_reference is None:
        raise SecrecyError(gettext("Give the reference of the legal basis invoked."))
    referring = permissions.refers_secrecy_requests(actor)
    request = SecrecyRequest(
        dossier=dossier,
        requester_kind=data.requester_kind,
        requester_name=name,
        requester_reference=_clean(data.requester_reference, MAX_REFERENCE),
        requester_address=(None if data.requester_kind is RequesterKind.person_concerned
                           else clean_address(data.requester_address)),
        basis=data.basis,
        basis_reference=basis_reference,
        requested_encrypted=encrypt_bytes(requested.encode()),
        received_at=local_midnight(data.received_on),
        received_by_id=actor.id,
        referred_by_id=actor.id if referring else None,
        status=RequestStatus.pending,
    )
    session.add(request)
    session.flush()
    audit.record(session, "secrecy_request_referred" if referring else "secrecy_request_registered",
                 actor=actor, object_type="secrecy_request", object_id=request.id,
                 dossier_id=dossier.id, basis=data.basis.value,
                 requester_kind=data.requester_kind.value)
    session.commit()
    return request


# --- the register ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    request: SecrecyRequest
    #: days since it came in (for pending requests)
    age_days: int


def register_of(session: Session, user: User) -> list[RegisterRow]:
    """The requests the user may see, pending first (oldest first), then decided (newest
    first); one query whatever their number."""
    requests = session.scalars(
        select(SecrecyRequest)
        .where(permissions.visible_secrecy_requests_clause(user))
        .options(selectinload(SecrecyRequest.dossier), selectinload(SecrecyRequest.referred_by))
        .order_by(SecrecyRequest.id)
    ).all()
    today = local_today()
    rows = [RegisterRow(r, (today - r.received_at.astimezone(CENTRE_TIMEZONE).date()).days)
            for r in requests]
    pending = sorted((row for row in rows if row.request.is_pending),
                     key=lambda row: (row.request.received_at, row.request.id))
    decided = sorted((row for row in rows if not row.request.is_pending),
                     key=lambda row: (row.request.decided_at, row.request.id), reverse=True)
    return pending + decided


@dataclass(frozen=True)
class RequestView:
    """One request with its encrypted texts read for an authorised user."""

    request: SecrecyRequest
    requested: str
    reasons: str | None
    offered: tuple[rules.DisclosureField, ...]
    consents: list[Consent]


def request_for(session: Session, user: User, request_id: int, *,
                denied: str | None = None) -> SecrecyRequest:
    """The one loader of a request: ``Denied`` (with ``denied`` as its message) for roles
    without the register; ``NotFound`` for a request the user may not see (a social worker
    does not learn of requests they did not refer)."""
    if not permissions.can_view_secrecy_register(user):
        raise Denied(denied)
    found = session.get(SecrecyRequest, request_id)
    if found is None or not permissions.can_view_secrecy_request(user, found):
        raise NotFound(gettext("No such request."))
    return found


def _require_view(actor: User, request: SecrecyRequest) -> None:
    if not permissions.can_view_secrecy_request(actor, request):
        raise NotAllowed(gettext("You may not see this request."))


def read_request(session: Session, request: SecrecyRequest, *, actor: User) -> RequestView:
    """The request as the DG (or the social worker who referred it) reads it; audited."""
    _require_view(actor, request)
    audit.record(session, "secrecy_request_read", actor=actor, object_type="secrecy_request",
                 object_id=request.id)
    session.commit()
    return RequestView(
        request=request,
        requested=decrypt_bytes(request.requested_encrypted).decode(),
        reasons=(decrypt_bytes(request.reasons_encrypted).decode()
                 if request.reasons_encrypted is not None else None),
        offered=rules.allowed_fields(request.basis),
        consents=consents_of(session, request.dossier),
    )


# --- consents -------------------------------------------------------------------------------


def _require_register(user: User) -> None:
    if not permissions.can_view_secrecy_register(user):
        raise Denied()


def _consents_of_dossier(user: User, dossier: Dossier | None) -> Dossier:
    if dossier is None or not permissions.can_manage_consents(user, dossier):
        raise NotFound()
    return dossier


def dossier_for_consents(session: Session, user: User, *, dossier_id: int | None = None,
                         reference: str | None = None) -> Dossier:
    """The loader of a dossier's consents, by id or by file reference: ``Denied`` for roles
    without the register; ``NotFound`` for a dossier whose consents the user does not keep."""
    _require_register(user)
    found = session.scalar(select(Dossier).where(
        Dossier.id == dossier_id if reference is None else Dossier.reference == reference))
    return _consents_of_dossier(user, found)


def consent_for(session: Session, user: User, consent_id: int) -> Consent:
    """The loader of a consent, as ``dossier_for_consents`` loads its dossier."""
    _require_register(user)
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise NotFound()
    _consents_of_dossier(user, consent.dossier)
    return consent


def consents_of(session: Session, dossier: Dossier) -> list[Consent]:
    return list(session.scalars(select(Consent).where(Consent.dossier_id == dossier.id)
                                .order_by(Consent.given_at, Consent.id)))


def record_consent(session: Session, dossier: Dossier, *, actor: User, institution: str,
                   purpose: str, is_given: bool, given_on: date) -> Consent:
    """Records that the person gave (or refused) their consent to an exchange with an
    institution for a purpose."""
    if not permissions.can_manage_consents(actor, dossier):
        raise NotAllowed(gettext("Only the director-general and the dossier's social worker "
                                 "record consents."))
    cleaned_institution = _clean(institution, MAX_NAME)
    cleaned_purpose = _clean(purpose, MAX_PURPOSE)
    if cleaned_institution is None or cleaned_purpose is None:
        raise SecrecyError(gettext("Name the institution and the purpose of the exchange."))
    if given_on > local_today():
        raise SecrecyError(gettext("The consent cannot be dated after today."))
    check_typed_date(given_on, lazy_gettext("The consent's date"), SecrecyError)
    consent = Consent(dossier=dossier, institution=cleaned_institution, purpose=cleaned_purpose,
                      is_given=is_given, given_at=local_midnight(given_on),
                      recorded_by_id=actor.id)
    session.add(consent)
    session.flush()
    audit.record(session, "consent_recorded", actor=actor, object_type="secrecy_consent",
                 object_id=consent.id, dossier_id=dossier.id, given=is_given)
    session.commit()
    return consent


def revoke_consent(session: Session, consent: Consent, *, actor: User) -> Consent:
    """The person withdrew a consent: no exchange relies on it from now on."""
    if not permissions.can_manage_consents(actor, consent.dossier):
        raise NotAllowed(gettext("Only the director-general and the dossier's social worker "
                                 "record consents."))
    if not consent.is_given or consent.is_revoked:
        raise SecrecyError(gettext("This consent is not in force."))
    consent.revoke(actor, utcnow())
    audit.record(session, "consent_revoked", actor=actor, object_type="secrecy_consent",
                 object_id=consent.id, dossier_id=consent.dossier_id)
    session.commit()
    return consent
