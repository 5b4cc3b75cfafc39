"""The DG's decision on a request to lift professional secrecy: a refusal, or a partial or
full disclosure in a signed letter carrying only the fields its basis allows
(``council.rules.secrecy``), built from the dossier identity (read through the encrypted store,
audited as a re-identification) and from the dossier's decided items; social reports, pseudonym
maps, minutes and votes have no way in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flask_babel import force_locale, gettext
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from council import permissions
from council.clock import CENTRE_TIMEZONE
from council.crypto import decrypt_json, encrypt_bytes, encrypt_json
from council.labels import title
from council.models import (
    AgendaItem,
    AidTerms,
    Centre,
    Consent,
    Disclosure,
    DocumentKind,
    DocumentSignature,
    Dossier,
    ItemStatus,
    Meeting,
    Poll,
    PollOutcome,
    RequesterKind,
    RequestStatus,
    SecrecyBasis,
    SecrecyRequest,
    SignatureCapacity,
    SignedDocument,
    SocialReport,
    User,
)
from council.models.base import utcnow
from council.refusals import NotFound
from council.rules import secrecy as rules
from council.services import audit
from minutes import dispatch
from minutes.documents import new_document
from minutes.pdf import format_date, render_pdf_template
from minutes.secrecy.register import (
    MAX_REASONS,
    NotAllowed,
    SecrecyError,
    clean_address,
    consents_of,
    local_today,
)
from minutes.signatures.service import SignatureRefused, sign_document


@dataclass(frozen=True)
class DecisionInput:
    status: RequestStatus
    reasons: str
    #: field names as posted; checked against the basis, never trusted
    fields: Sequence[str] = ()
    consent_id: int | None = None
    #: for a disclosure, which the DG signs: the certificate's passphrase, and the DG's
    #: password (and one-time code) again
    passphrase: str = ""
    password: str = ""
    otp: str | None = None
    #: the client's address, for the re-authentication throttle
    address: str = ""
    #: the requester's postal address, when the request has none yet (or a corrected one)
    requester_address: str | None = None


def decide(session: Session, request: SecrecyRequest, decision: DecisionInput, *,
           actor: User) -> SecrecyRequest:
    """The DG's decision, with its reasons: a refusal, or a partial or full disclosure in a
    signed letter carrying exactly the fields the basis allows. A refused field, a consent that
    does not stand or a failed signature leaves nothing stored (signing commits the letter on
    the way: it is discarded again)."""
    if not permissions.can_decide_secrecy_request(actor, request):
        raise NotAllowed(gettext("Only the director-general decides on lifting professional "
                                 "secrecy."))
    if not request.is_pending:
        raise SecrecyError(gettext("This request has already been decided."))
    if decision.status is RequestStatus.pending:
        raise SecrecyError(gettext("Choose refusal, partial or full disclosure."))
    reasons = (decision.reasons or "").replace("\r\n", "\n").strip()
    if not reasons or len(reasons) > MAX_REASONS:
        raise SecrecyError(gettext("The decision needs its written reasons (at most %(max)d "
                                   "characters).", max=MAX_REASONS))
    now = utcnow()
    try:
        if decision.status is RequestStatus.refused:
            if decision.fields:
                raise SecrecyError(gettext("A refusal discloses nothing: leave every field "
                                           "unticked."))
            _lock_pending(session, request)
            request.decide(actor, RequestStatus.refused, encrypt_bytes(reasons.encode()), now)
        else:
            fields = _checked_fields(request, decision)
            _set_recipient_address(session, request, decision, actor=actor)
            consent = _standing_consent(session, request, decision.consent_id, now)
            document, values = _signed_letter(session, request, fields, actor=actor,
                                              decision=decision)
            try:
                _lock_pending(session, request)
            except SecrecyError:
                _discard_letter(session, document.id)
                raise
            request.consent_id = consent.id if consent is not None else None
            request.decide(actor, decision.status, encrypt_bytes(reasons.encode()), utcnow())
            _store_disclosure(session, request, fields, values, document, actor=actor)
        audit.record(session, "secrecy_request_decided", actor=actor,
                     object_type="secrecy_request", object_id=request.id,
                     outcome=decision.status.value, basis=request.basis.value)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return request


def _set_recipient_address(session: Session, request: SecrecyRequest,
                           decision: DecisionInput, *, actor: User) -> None:
    """Every letter has its addressee's postal address: the requester's (given with the
    request or with the decision), or the dossier's when the person concerned asks; refused
    without one (issue 16)."""
    if request.requester_kind is RequesterKind.person_concerned:
        address = (decrypt_json(request.dossier.identity_encrypted).get("address") or {})
        if not all(address.get(key) for key in ("street", "postcode", "city")):
            raise SecrecyError(gettext(
                "The letter needs the postal address of the person concerned: complete the "
                "dossier identity first."))
        return
    given = clean_address(decision.requester_address)
    if given is not None:
        request.requester_address = given
    if request.requester_address is None:
        raise SecrecyError(gettext(
            "The letter needs the requester's postal address (for a prosecutor, the "
            "parquet's): give it with the decision."))


def _lock_pending(session: Session, request: SecrecyRequest) -> None:
    """Locks the request's row until the commit; another tab may have decided it meanwhile
    (signing commits on the way, so the check is made again here)."""
    session.refresh(request, with_for_update=True)
    if not request.is_pending:
        raise SecrecyError(gettext("This request has already been decided."))


def _discard_letter(session: Session, document_id: int) -> None:
    """Removes a letter that will not be sent (signing committed it on the way)."""
    session.rollback()
    session.execute(delete(DocumentSignature).where(DocumentSignature.document_id == document_id))
    session.execute(delete(SignedDocument).where(SignedDocument.id == document_id))
    session.commit()


FIELD_REFUSALS = {
    "never_disclosed": lambda field: gettext(
        "%(field)s can never be disclosed: social reports, pseudonym maps, minutes and votes "
        "stay within the centre.", field=field),
    "unknown_field": lambda field: gettext("There is no field called %(field)s.", field=field),
    "not_allowed_by_basis": lambda field: gettext(
        "This basis does not allow disclosing %(field)s.", field=field),
    "nothing_selected": lambda field: gettext(
        "A partial disclosure needs at least one field."),
    "partial_is_everything": lambda field: gettext(
        "Every field the basis allows is ticked: choose full disclosure instead."),
}


def _checked_fields(request: SecrecyRequest,
                    decision: DecisionInput) -> tuple[rules.DisclosureField, ...]:
    try:
        return rules.check_selection(request.basis, decision.fields,
                                     full=decision.status is RequestStatus.full)
    except rules.DisclosureRefused as refused:
        raise SecrecyError(FIELD_REFUSALS[refused.code](refused.field)) from None


def _consent_record(consent: Consent) -> rules.ConsentRecord:
    return rules.ConsentRecord(id=consent.id, institution=consent.institution,
                               purpose=consent.purpose, is_given=consent.is_given,
                               given_at=consent.given_at, revoked_at=consent.revoked_at)


def _standing_consent(session: Session, request: SecrecyRequest, consent_id: int | None,
                      now: datetime) -> Consent | None:
    """For a disclosure on consent: the consent relied on, which must stand now."""
    if request.basis is not SecrecyBasis.consent:
        return None
    consents = consents_of(session, request.dossier)
    chosen = next((c for c in consents if c.id == consent_id), None)
    if chosen is None:
        raise SecrecyError(gettext("No consent of the person is recorded for this exchange: "
                                   "it can only be refused."))
    if not rules.consent_stands(_consent_record(chosen), [_consent_record(c) for c in consents],
                                at=now):
        raise SecrecyError(gettext("This consent was refused, revoked or replaced: the exchange "
                                   "must be refused."))
    return chosen


def _identity_of(session: Session, dossier: Dossier, *, actor: User,
                 request: SecrecyRequest) -> dict[str, Any]:
    """The dossier identity, decrypted for the disclosure: a re-identification, audited."""
    audit.record(session, "reidentification", actor=actor, object_type="dossier",
                 object_id=dossier.id, purpose="secrecy_disclosure", request_id=request.id)
    identity: dict[str, Any] = decrypt_json(dossier.identity_encrypted)
    return identity


def _address_line(address: dict[str, Any]) -> str:
    street = " ".join(filter(None, (address.get("street"), address.get("number"))))
    if address.get("box"):
        street = f"{street} / {address['box']}"
    town = " ".join(filter(None, (address.get("postcode"), address.get("city"))))
    return ", ".join(part for part in (street, town) if part)


def _aid_decisions(session: Session, dossier: Dossier) -> list[dict[str, Any]]:
    """Aid granted or refused on the dossier, with the dates: its decided items (linked through
    their social reports) with the outcome of their vote; the decision's terms say whether it
    granted aid when they were recorded."""
    rows = session.execute(
        select(AgendaItem, Poll.outcome, AidTerms)
        .join(SocialReport, SocialReport.item_id == AgendaItem.id)
        .join(Poll, Poll.item_id == AgendaItem.id)
        .outerjoin(AidTerms, AidTerms.item_id == AgendaItem.id)
        .where(SocialReport.dossier_id == dossier.id, AgendaItem.status == ItemStatus.decided,
               Poll.outcome.is_not(None))
        .options(selectinload(AgendaItem.meeting).selectinload(Meeting.organ))
        .order_by(AgendaItem.id, Poll.id)
    ).all()
    latest: dict[int, tuple[AgendaItem, PollOutcome, AidTerms | None]] = {}
    for item, outcome, terms in rows:
        latest[item.id] = (item, outcome, terms)  # the last closed poll of an item decides
    return [
        {
            "date": item.meeting.sitting_day.isoformat(),
            "granted": terms.is_granted if terms is not None else outcome is PollOutcome.adopted,
            "aid": terms.aid_label if terms is not None else None,
            "organ": item.meeting.organ.kind.value,
        }
        for item, outcome, terms in latest.values()
    ]


def _application_data(session: Session, dossier: Dossier,
                      identity: dict[str, Any]) -> dict[str, Any]:
    """What the person gave in applications: the dates the centre received them and the
    contact details given (never the reports' content)."""
    received = session.scalars(
        select(SocialReport.submitted_at).where(SocialReport.dossier_id == dossier.id)
        .order_by(SocialReport.submitted_at)).all()
    contacts = identity.get("contacts") or {}
    return {
        "applications": [moment.astimezone(CENTRE_TIMEZONE).date().isoformat()
                         for moment in received],
        **{key: contacts[key] for key in ("phone", "email", "iban") if contacts.get(key)},
    }


def disclosure_values(session: Session, request: SecrecyRequest,
                      fields: Sequence[rules.DisclosureField], *,
                      actor: User) -> dict[str, Any]:
    """The value of each field, from its one source; no field reads a report's text, a
    pseudonym map, minutes or votes."""
    identity = _identity_of(session, request.dossier, actor=actor, request=request)
    applicant = identity.get("applicant") or {}
    sources = {
        rules.DisclosureField.identity: lambda: {
            key: applicant.get(key) for key in ("last_name", "first_names", "birth_date", "niss")
            if applicant.get(key)},
        rules.DisclosureField.addresses: lambda: {
            "domicile": _address_line(identity["address"]) if identity.get("address") else None},
        rules.DisclosureField.application_data: lambda: _application_data(
            session, request.dossier, identity),
        rules.DisclosureField.aid_decisions: lambda: _aid_decisions(session, request.dossier),
    }
    return {field.value: sources[field]() for field in fields}


def letter_entries(fields: Sequence[rules.DisclosureField], values: dict[str, Any], *,
                   language: str) -> list[tuple[str, list[str]]]:
    """(heading, lines) per field, written in ``language``: what the letter says, no more."""
    def day(iso: str) -> str:
        return format_date(date.fromisoformat(iso), language=language)

    def identity(value: dict[str, Any]) -> list[str]:
        lines = [gettext("Name: %(name)s", name=" ".join(
            (*value.get("first_names", ()), value.get("last_name", ""))).strip())]
        if value.get("birth_date"):
            lines.append(gettext("Born on %(date)s", date=day(value["birth_date"])))
        if value.get("niss"):
            lines.append(gettext("National register number: %(niss)s", niss=value["niss"]))
        return lines

    def addresses(value: dict[str, Any]) -> list[str]:
        return ([gettext("Domicile: %(address)s", address=value["domicile"])]
                if value.get("domicile") else [])

    def application_data(value: dict[str, Any]) -> list[str]:
        lines = [gettext("Application received on %(date)s", date=day(received))
                 for received in value.get("applications", ())]
        labels = {"phone": gettext("Phone: %(value)s"), "email": gettext("E-mail: %(value)s"),
                  "iban": gettext("Bank account: %(value)s")}
        return lines + [labels[key] % {"value": value[key]} for key in labels if value.get(key)]

    def aid_decisions(value: list[dict[str, Any]]) -> list[str]:
        lines = []
        for row in value:
            when = day(row["date"])
            line = (gettext("%(date)s: aid granted", date=when) if row["granted"]
                    else gettext("%(date)s: aid refused", date=when))
            lines.append(f"{line} ({row['aid']})" if row.get("aid") else line)
        return lines

    writers = {
        rules.DisclosureField.identity: identity,
        rules.DisclosureField.addresses: addresses,
        rules.DisclosureField.application_data: application_data,
        rules.DisclosureField.aid_decisions: aid_decisions,
    }
    with force_locale(language):
        return [(title(field), writers[field](values[field.value])) for field in fields]


def _addressee_lines(request: SecrecyRequest) -> list[str]:
    """The address block's lines under the requester's name: their postal address, or the
    dossier's for the person concerned."""
    if request.requester_kind is RequesterKind.person_concerned:
        identity = decrypt_json(request.dossier.identity_encrypted)
        address = identity.get("address") or {}
        applicant = identity["applicant"]
        name = " ".join([*applicant.get("first_names", []), applicant.get("last_name", "")])
        return [name, _address_line(address)]
    return (request.requester_address or "").splitlines()


def _centre(session: Session) -> Centre:
    centre = session.scalar(select(Centre).limit(1))
    if centre is None:
        raise SecrecyError(gettext("The centre is not set up yet."))
    return centre


def _signed_letter(session: Session, request: SecrecyRequest,
                   fields: tuple[rules.DisclosureField, ...], *, actor: User,
                   decision: DecisionInput) -> tuple[SignedDocument, dict[str, Any]]:
    """Renders the letter in the centre's language and has the DG sign it (``sign_document``,
    which re-authenticates the DG and commits). A refused signature discards the unsigned
    letter, so that nothing of the disclosure stays behind."""
    values = disclosure_values(session, request, fields, actor=actor)
    centre = _centre(session)
    language = centre.language.value
    pdf = render_pdf_template(
        "pdf/secrecy_letter.html", language=language, centre=centre, request=request,
        entries=letter_entries(fields, values, language=language), signer=actor,
        today=local_today(), received_on=request.received_at.astimezone(CENTRE_TIMEZONE).date(),
        addressee=_addressee_lines(request))
    document = new_document(pdf, kind=DocumentKind.secrecy_letter, language=language,
                            actor=actor,
                            required_capacities=[SignatureCapacity.director_general.value])
    session.add(document)
    session.flush()
    document_id = document.id
    try:
        sign_document(session, document_id, actor=actor,
                      capacity=SignatureCapacity.director_general,
                      passphrase=decision.passphrase, password=decision.password,
                      otp=decision.otp, address=decision.address, language=language)
    except SignatureRefused as refused:
        # the re-authentication committed the unsigned letter: it must not outlive the refusal
        _discard_letter(session, document_id)
        raise SecrecyError(str(refused)) from None
    return document, values


def _store_disclosure(session: Session, request: SecrecyRequest,
                      fields: tuple[rules.DisclosureField, ...], values: dict[str, Any],
                      document: SignedDocument, *, actor: User) -> Disclosure:
    disclosure = Disclosure(request=request, fields=[field.value for field in fields],
                            values_encrypted=encrypt_json(values), document_id=document.id,
                            sent_by_id=actor.id)
    session.add(disclosure)
    session.flush()
    audit.record(session, "secrecy_disclosure_sent", actor=actor, object_type="secrecy_request",
                 object_id=request.id, fields=",".join(field.value for field in fields),
                 document_id=document.id)
    return disclosure


def _letter_of(request: SecrecyRequest, actor: User) -> SignedDocument:
    if not permissions.can_decide_secrecy_request(actor, request):
        raise NotAllowed(gettext("Only the director-general reads disclosure letters."))
    if request.disclosure is None:
        raise NotFound(gettext("Nothing was disclosed on this request."))
    return request.disclosure.document


def letter_copy(session: Session, request: SecrecyRequest, *, actor: User) -> bytes:
    """The signed letter as it goes to the requester: a clean original (no reader's stamp, no
    closed-session footer), for the DG; audited. Its dispatch is recorded with
    ``record_letter_dispatch``."""
    return dispatch.clean_original(session, _letter_of(request, actor), actor=actor)


def record_letter_dispatch(session: Session, request: SecrecyRequest,
                           data: dispatch.DispatchInput, *, actor: User) -> None:
    dispatch.record_dispatch(session, _letter_of(request, actor), data, actor=actor)


def letter_dispatches(session: Session, request: SecrecyRequest) -> list[dispatch.SentCopy]:
    if request.disclosure is None:
        return []
    return dispatch.dispatches_of(session, request.disclosure.document)
