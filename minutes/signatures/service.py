"""Signing documents (minutes, extracts, letters lifting professional secrecy) with PAdES
signatures, and checking them.

One service, ``sign_document``, adds one signature in one capacity: after re-authentication,
with the signer's uploaded PKCS#12 certificate and its passphrase. Every refusal leaves the
document, its bytes and its signatures exactly as they were. The document's PDF is kept
encrypted; its SHA-256 is checked before each signature, so a PDF altered in storage is never
signed, and the last required signature seals the document.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask_babel import force_locale, gettext
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from council import permissions
from council.crypto import decrypt_bytes, encrypt_bytes
from council.labels import title
from council.models import (
    Centre,
    DocumentKind,
    DocumentSignature,
    Extract,
    Meeting,
    Minutes,
    MinutesRevision,
    MinutesStatus,
    SignatureCapacity,
    SignedDocument,
    SignerCertificate,
    User,
)
from council.models.base import utcnow
from council.refusals import Denied, Refusal
from council.services import audit, two_factor
from council.services.accounts import LoginThrottled
from minutes.pdf import render_pdf_template
from minutes.signatures import signing
from minutes.signatures.certificates import CertificateError, active_certificate, check_validity
from minutes.signatures.certificates import trust_roots as trusted_roots


class SignatureRefused(Refusal):
    """Signing was refused; the message says why, for the signer. Nothing changed."""


class DocumentNotFound(SignatureRefused):
    status = 404


class NotAllowed(SignatureRefused):
    status = 403


@dataclass(frozen=True)
class DocumentContext:
    """What a signed document is about: the meeting (none for a letter), and the minutes or
    the extract it is the PDF of."""

    document: SignedDocument
    meeting: Meeting | None
    minutes: Minutes | None = None
    extract: Extract | None = None

    @property
    def is_current(self) -> bool:
        """Minutes: whether it is still the minutes' document (not a superseded revision)."""
        return self.minutes is None or self.minutes.document_id == self.document.id


def _minutes_of_document(session: Session, document: SignedDocument) -> Minutes | None:
    current = session.scalar(select(Minutes).where(Minutes.document_id == document.id))
    if current is not None:
        return current
    return session.scalar(select(Minutes).join(MinutesRevision)
                          .where(MinutesRevision.document_id == document.id).limit(1))


def document_context(session: Session, document: SignedDocument) -> DocumentContext:
    if document.kind is DocumentKind.minutes:
        minutes = _minutes_of_document(session, document)
        return DocumentContext(document, minutes.meeting if minutes else None, minutes=minutes)
    if document.kind is DocumentKind.extract:
        extract = session.scalar(select(Extract).where(Extract.document_id == document.id))
        return DocumentContext(document, extract.item.meeting if extract else None,
                               extract=extract)
    return DocumentContext(document, None)


def load_context(session: Session, document_id: int, *, for_update: bool = False
                 ) -> DocumentContext:
    query = (select(SignedDocument).where(SignedDocument.id == document_id)
             .options(selectinload(SignedDocument.signatures)))
    if for_update:
        # two signers at once must not both sign the same bytes: the second one waits
        query = query.with_for_update().execution_options(populate_existing=True)
    document = session.scalar(query)
    if document is None:
        raise DocumentNotFound(gettext("This document does not exist."))
    return document_context(session, document)


def can_read(user: User, context: DocumentContext) -> bool:
    """Downloading the document from the signature pages."""
    if context.extract is not None:
        return permissions.can_read_extract(user, context.extract)
    return permissions.can_follow_signatures(user, context.meeting)


def can_follow(user: User, context: DocumentContext) -> bool:
    """The signature page of the document: whoever follows the signatures of its meeting."""
    return permissions.can_follow_signatures(user, context.meeting)


def can_check(user: User, context: DocumentContext) -> bool:
    """Checking the document's signatures: whoever follows them or may read the document."""
    return can_follow(user, context) or can_read(user, context)


def document_for(session: Session, user: User, document_id: int,
                 allowed: Callable[[User, DocumentContext], bool]) -> DocumentContext:
    """The one loader of a signed document: ``DocumentNotFound`` (404) for no such document
    and for one the user can neither follow nor read alike (existence is confidential);
    ``Denied`` (403) unless ``allowed`` (``can_follow``, ``can_read``, ``can_check``) lets
    ``user`` in."""
    context = load_context(session, document_id)
    if not can_check(user, context):
        raise DocumentNotFound(gettext("This document does not exist."))
    if not allowed(user, context):
        raise Denied()
    return context


# --- signing --------------------------------------------------------------------------------


def refusal_for(context: DocumentContext, capacity: SignatureCapacity) -> str | None:
    """Why the document cannot take a signature in ``capacity`` now, or None."""
    document = context.document
    if document.superseded_by_id is not None or not context.is_current:
        return gettext("This document was replaced by a later revision: sign the new one.")
    if document.is_sealed:
        return gettext("This document already carries every signature it needs: it is sealed.")
    if capacity.value not in document.required_capacities:
        return gettext("This document is not signed by the %(capacity)s.",
                       capacity=title(capacity).lower())
    if capacity not in document.missing_capacities:
        return gettext("This document is already signed by the %(capacity)s.",
                       capacity=title(capacity).lower())
    if context.minutes is not None and context.minutes.status is MinutesStatus.draft:
        return gettext("These minutes are not approved yet: they are signed once the next "
                       "meeting of the same organ has approved them.")
    if document.kind is DocumentKind.minutes and context.minutes is None:
        return gettext("These minutes cannot be found.")
    return None


def check_can_sign(context: DocumentContext, *, actor: User,
                   capacity: SignatureCapacity) -> None:
    """Raises ``SignatureRefused`` unless ``actor`` may sign the document in ``capacity``."""
    if permissions.signing_capacity(actor, context.meeting) is not capacity:
        raise NotAllowed(gettext("You may not sign this document in this capacity."))
    if context.extract is not None and permissions.is_withdrawn_from(actor, context.extract.item):
        # a member who withdrew from the item took no part in it (conflict of interest)
        raise NotAllowed(gettext("You withdrew from this item: you cannot sign its extract."))
    reason = refusal_for(context, capacity)
    if reason is not None:
        raise SignatureRefused(reason)


def _usable_certificate(session: Session, actor: User, language: str) -> SignerCertificate:
    certificate = active_certificate(session, actor)
    if certificate is None:
        raise SignatureRefused(gettext(
            "You have no signing certificate: upload yours (a .p12 or .pfx file) first."))
    try:
        check_validity(certificate, now=utcnow(), language=language)
    except CertificateError as error:
        raise SignatureRefused(str(error)) from None
    return certificate


def confirm_signer(session: Session, actor: User, *, password: str, otp: str | None,
                   address: str, purpose: str) -> None:
    """Re-authentication before an irreversible act. It commits (a failure is counted and
    audited), so it comes before anything is locked or changed."""
    try:
        confirmed = two_factor.confirm_identity(session, actor, password=password, code=otp,
                                                address=address, purpose=purpose)
    except LoginThrottled as throttled:
        raise SignatureRefused(gettext("Too many attempts; please wait a moment.")) from throttled
    if not confirmed:
        raise SignatureRefused(gettext("Wrong password or code: nothing was done."))


def signing_reason(kind: DocumentKind, capacity: SignatureCapacity, language: str) -> str:
    """The signature's reason as the PDF states it, in the document's language."""
    with force_locale(language):
        return f"{title(kind)} — {title(capacity)}"


def visible_signature(capacity: SignatureCapacity, language: str, *, signer: User,
                      at: datetime) -> signing.VisibleSignature:
    """What a signature shows in the box its document reserved for the capacity
    (templates/pdf/_signatures.html), in the document's language: the capacity, the signer's
    name and the moment."""
    appearance = render_pdf_template(
        "pdf/signature_stamp.html", language=language, capacity=capacity,
        name=signer.display_name, moment=at)
    return signing.VisibleSignature(anchor=f"signature-{capacity.value}",
                                    appearance=appearance)


def _field_name(capacity: SignatureCapacity) -> str:
    return f"Signature_{capacity.value}"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sign_document(
    session: Session,
    document_id: int,
    *,
    actor: User,
    capacity: SignatureCapacity,
    passphrase: str,
    password: str,
    otp: str | None = None,
    address: str = "",
    language: str = "en",
) -> DocumentSignature:
    """Adds ``actor``'s PAdES signature in ``capacity``, after re-authentication (password, and
    a one-time code for an account with an authenticator). The last required signature seals
    the document, and signed minutes are marked so. Audited (who, which document, in which
    capacity; never the content). Raises ``SignatureRefused`` with the reason (also after
    too many wrong passwords); nothing is changed then."""
    context = load_context(session, document_id)
    check_can_sign(context, actor=actor, capacity=capacity)
    _usable_certificate(session, actor, language)
    if not passphrase:
        raise SignatureRefused(gettext("Give your certificate's passphrase."))
    confirm_signer(session, actor, password=password, otp=otp, address=address,
                   purpose="sign_document")

    context = load_context(session, document_id, for_update=True)
    check_can_sign(context, actor=actor, capacity=capacity)  # another signer may have been first
    certificate = _usable_certificate(session, actor, language)
    document = context.document
    pdf = decrypt_bytes(document.pdf_encrypted)
    if sha256_hex(pdf) != document.sha256:
        audit.record(session, "document_integrity_failed", actor=actor,
                     object_type="signed_document", object_id=document.id)
        session.commit()
        raise SignatureRefused(gettext(
            "The stored PDF does not match its fingerprint: it was altered, so it cannot be "
            "signed. Tell the director-general."))
    centre = session.scalar(select(Centre).limit(1))
    try:
        signed = signing.sign_pdf(
            pdf, pkcs12=decrypt_bytes(certificate.pkcs12_encrypted), passphrase=passphrase,
            field_name=_field_name(capacity),
            reason=signing_reason(document.kind, capacity, document.language.value),
            location=centre.municipality if centre else "",
            visible=visible_signature(capacity, document.language.value, signer=actor,
                                      at=utcnow()))
    except signing.WrongPassphrase:
        session.rollback()
        raise SignatureRefused(gettext(
            "The passphrase does not open your certificate: nothing was signed.")) from None
    except signing.CertificateExpired:
        session.rollback()
        raise SignatureRefused(gettext(
            "Your certificate has expired: upload a new one. Nothing was signed.")) from None
    except signing.SigningError:
        session.rollback()
        raise SignatureRefused(gettext(
            "Your certificate could not sign this document: nothing was signed.")) from None

    document.pdf_encrypted = encrypt_bytes(signed)
    document.sha256 = sha256_hex(signed)
    signature = DocumentSignature(document=document, signer_id=actor.id, capacity=capacity,
                                  certificate_id=certificate.id, sha256_after=document.sha256)
    session.add(signature)
    session.flush()
    if not document.missing_capacities:
        document.sealed_at = utcnow()
        if context.minutes is not None:
            context.minutes.mark_signed()
    audit.record(session, "document_signed", actor=actor, object_type="signed_document",
                 object_id=document.id, kind=document.kind.value, capacity=capacity.value,
                 sealed=document.is_sealed)
    session.commit()
    return signature


# --- following and checking ---------------------------------------------------------------


def awaiting_signature(session: Session, *, actor: User) -> list[DocumentContext]:
    """The documents waiting for ``actor``'s signature, oldest first."""
    documents = session.scalars(
        select(SignedDocument)
        .where(SignedDocument.sealed_at.is_(None), SignedDocument.superseded_by_id.is_(None),
               or_(SignedDocument.kind != DocumentKind.minutes,
                   SignedDocument.id.in_(select(Minutes.document_id).where(
                       Minutes.status == MinutesStatus.approved))))
        .options(selectinload(SignedDocument.signatures))
        .order_by(SignedDocument.id))
    waiting = []
    for document in documents:
        context = document_context(session, document)
        capacity = permissions.signing_capacity(actor, context.meeting)
        if capacity is not None and refusal_for(context, capacity) is None:
            waiting.append(context)
    return waiting


class Trust(enum.Enum):
    """Whether a signer's certificate is trusted, as both implementations judge it."""

    #: pyHanko and pdfsig both trust it through the centre's roots
    confirmed = "confirmed"
    #: pyHanko does not trust it, or pdfsig ran and does not
    refused = "refused"
    #: pyHanko trusts it, but pdfsig could not judge it (a tool is missing, or no answer)
    unverified = "unverified"


@dataclass(frozen=True)
class CheckReport:
    signatures: list[signing.SignatureCheck]
    #: pdfsig's own account of the signatures (poppler), shown as it is
    independent: signing.IndependentCheck
    #: whether the stored PDF still matches its stored SHA-256
    matches_fingerprint: bool

    @property
    def pdfsig(self) -> str:
        return self.independent.output

    @property
    def pdfsig_verdicts(self) -> list[signing.PdfsigVerdict]:
        return signing.pdfsig_verdicts(self.independent.output)

    def trust(self, check: signing.SignatureCheck) -> Trust:
        """Trusted only when both implementations say so: never "yes" beside a pdfsig that
        said otherwise or could not say."""
        if not check.trusted:
            return Trust.refused
        if not self.independent.judged_trust:
            return Trust.unverified
        return (Trust.confirmed if check.field_name in self.independent.trusted_fields
                else Trust.refused)

    def _all(self, *accepted: Trust) -> bool:
        return self.matches_fingerprint and bool(self.signatures) and all(
            s.intact and s.valid and self.trust(s) in accepted for s in self.signatures)

    @property
    def all_good(self) -> bool:
        return self._all(Trust.confirmed)

    @property
    def good_but_unverified(self) -> bool:
        """Intact and valid, trusted by pyHanko, but pdfsig could not confirm the trust."""
        return not self.all_good and self._all(Trust.confirmed, Trust.unverified)


def check_document(session: Session, context: DocumentContext, *, actor: User) -> CheckReport:
    """Validates the document's signatures against the centre's trusted authorities (pyHanko)
    and with pdfsig, for whoever follows its signatures or may read it. Audited."""
    if not can_check(actor, context):
        raise NotAllowed(gettext("You may not check this document."))
    document = context.document
    pdf = decrypt_bytes(document.pdf_encrypted)
    roots = trusted_roots(session)
    checks = signing.check_signatures(pdf, trust_roots_pem=roots)
    audit.record(session, "document_checked", actor=actor, object_type="signed_document",
                 object_id=document.id)
    session.commit()
    return CheckReport(signatures=checks,
                       independent=signing.independent_check(pdf, trust_roots_pem=roots),
                       matches_fingerprint=sha256_hex(pdf) == document.sha256)
