"""Minutes (procès-verbaux), signed documents, extracts and notification letters.

A meeting's minutes are drafted from what was recorded; the editable texts live in append-only
revisions. Once approved, a revision is frozen into a ``SignedDocument`` (a PDF) that the
president and the DG sign with PAdES signatures; a change after that makes a new revision and a
new document, never an edit of the signed one. Extracts of a single decision and the letters
that lift professional secrecy are signed documents too. Notification letters carry the
applicant's identity, so their PDF is encrypted like every identity; so are all stored PDFs,
because minutes are confidential (LO art. 36).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from council.db import Base
from council.models.base import UTCDateTime, enum_column, utcnow
from council.models.enums import Language
from council.models.meetings import AgendaItem, Meeting
from council.models.reports import Dossier
from council.models.users import User

__all__ = [
    "AidTerms",
    "DocumentKind",
    "DocumentSignature",
    "Extract",
    "Minutes",
    "MinutesApproval",
    "MinutesPart",
    "MinutesRevision",
    "MinutesStatus",
    "Notification",
    "NotificationMethod",
    "PaymentFrequency",
    "SignatureCapacity",
    "SignedDocument",
    "SignerCertificate",
    "TrustAnchor",
]


class MinutesPart(enum.Enum):
    """The closed-session minutes are kept apart from the public part (LO art. 36)."""

    public = "public"
    closed = "closed"


class MinutesStatus(enum.Enum):
    draft = "draft"
    approved = "approved"
    signed = "signed"


class MinutesApproval(enum.Enum):
    """How the organ approved the minutes at its next meeting (issue 15): its minutes print
    "approved without observation" only in the first case."""

    without_observation = "without_observation"
    with_observations = "with_observations"
    by_vote = "by_vote"


class DocumentKind(enum.Enum):
    minutes = "minutes"
    extract = "extract"
    secrecy_letter = "secrecy_letter"


class SignatureCapacity(enum.Enum):
    """In which capacity a signer signs (the president and the DG sign minutes and extracts)."""

    president = "president"
    director_general = "director_general"


class PaymentFrequency(enum.Enum):
    once = "once"
    weekly = "weekly"
    monthly = "monthly"
    quarterly = "quarterly"


class NotificationMethod(enum.Enum):
    """LO art. 62bis: by registered letter or handed over against a receipt."""

    registered_mail = "registered_mail"
    against_receipt = "against_receipt"


class Minutes(Base):
    """The minutes of one part (public or closed) of a meeting."""

    __tablename__ = "minutes"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: meeting the minutes record
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), nullable=False, index=True)
    #: public or closed-session part
    part: Mapped[MinutesPart] = mapped_column(enum_column(MinutesPart), nullable=False)
    #: where the minutes stand
    status: Mapped[MinutesStatus] = mapped_column(
        enum_column(MinutesStatus), nullable=False, default=MinutesStatus.draft
    )
    #: who started the draft
    created_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when the draft was started (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: the later meeting of the same organ that approved them (its first item)
    approved_at_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id"), nullable=True, index=True
    )
    #: how the organ approved them: without observation, with observations, or by a vote
    approval: Mapped[MinutesApproval | None] = mapped_column(enum_column(MinutesApproval),
                                                            nullable=True)
    #: the observations the organ made, recorded with its approval (pseudonymised; guarded)
    approval_observations: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: who recorded the organ's decision (the president or the DG, at the sitting)
    approved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True
    )
    #: when the approval was recorded (UTC)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: the approved revision frozen as a PDF, under signature (the latest one)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("signed_document.id"), nullable=True, index=True
    )

    meeting: Mapped[Meeting] = relationship(foreign_keys=[meeting_id])
    approved_at_meeting: Mapped[Meeting | None] = relationship(
        foreign_keys=[approved_at_meeting_id])
    document: Mapped[SignedDocument | None] = relationship()
    revisions: Mapped[list[MinutesRevision]] = relationship(
        back_populates="minutes", order_by="MinutesRevision.number")

    __table_args__ = (UniqueConstraint("meeting_id", "part"),)

    @property
    def latest_revision(self) -> MinutesRevision | None:
        return self.revisions[-1] if self.revisions else None

    def approve(self, user: User, at_meeting: Meeting, how: MinutesApproval,
                observations: str | None = None) -> None:
        self.status = MinutesStatus.approved
        self.approval = how
        self.approval_observations = observations
        self.approved_at_meeting_id = at_meeting.id
        self.approved_by_id = user.id
        self.approved_at = utcnow()

    def mark_signed(self) -> None:
        self.status = MinutesStatus.signed


class MinutesRevision(Base):
    """One saved state of the minutes' editable texts; append-only, never updated."""

    __tablename__ = "minutes_revision"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: minutes it belongs to
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id"), nullable=False, index=True)
    #: 1, 2, … in the order saved
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    #: the editable texts (introduction, per-item deliberations, closing), pseudonymised, JSON
    content: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    #: why this revision was made (required after signature)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: the PDF this revision was frozen into once approved (none while a draft)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("signed_document.id"), nullable=True, index=True
    )
    #: who saved it
    created_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was saved (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    minutes: Mapped[Minutes] = relationship(back_populates="revisions")
    created_by: Mapped[User] = relationship()
    document: Mapped[SignedDocument | None] = relationship()

    __table_args__ = (UniqueConstraint("minutes_id", "number"),)


class SignedDocument(Base):
    """A PDF to be signed (minutes, extract, letter); immutable once all signatures are on it."""

    __tablename__ = "signed_document"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: what the document is
    kind: Mapped[DocumentKind] = mapped_column(enum_column(DocumentKind), nullable=False)
    #: language it is written in
    language: Mapped[Language] = mapped_column(enum_column(Language), nullable=False)
    #: the PDF as it stands (each signature is an incremental update), encrypted
    pdf_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: SHA-256 of the PDF as it stands (hex)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    #: number of pages
    pages: Mapped[int] = mapped_column(Integer, nullable=False)
    #: capacities that must sign, e.g. ["president", "director_general"]
    required_capacities: Mapped[list[str]] = mapped_column(JSON, nullable=False)
    #: who produced it
    created_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was produced (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: when the last required signature was added (UTC); the PDF is sealed from then on
    sealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: the document that replaced it (a later revision); it stays as it was
    superseded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("signed_document.id"), nullable=True, index=True
    )

    signatures: Mapped[list[DocumentSignature]] = relationship(
        back_populates="document", order_by="DocumentSignature.id")

    @property
    def is_sealed(self) -> bool:
        return self.sealed_at is not None

    @property
    def missing_capacities(self) -> list[SignatureCapacity]:
        signed = {signature.capacity for signature in self.signatures}
        return [SignatureCapacity(value) for value in self.required_capacities
                if SignatureCapacity(value) not in signed]


class DocumentSignature(Base):
    """That a signer put a PAdES signature on a document, in which capacity and when."""

    __tablename__ = "document_signature"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: document signed
    document_id: Mapped[int] = mapped_column(
        ForeignKey("signed_document.id"), nullable=False, index=True
    )
    #: who signed
    signer_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: as president or as DG
    capacity: Mapped[SignatureCapacity] = mapped_column(
        enum_column(SignatureCapacity), nullable=False)
    #: certificate used
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("signer_certificate.id"), nullable=False, index=True
    )
    #: SHA-256 of the PDF after this signature (hex)
    sha256_after: Mapped[str] = mapped_column(String(64), nullable=False)
    #: when it was signed (UTC)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    document: Mapped[SignedDocument] = relationship(back_populates="signatures")
    signer: Mapped[User] = relationship()
    certificate: Mapped[SignerCertificate] = relationship()

    __table_args__ = (UniqueConstraint("document_id", "capacity"),)


class SignerCertificate(Base):
    """A signer's PKCS#12 file, uploaded once; its password is asked at each signature."""

    __tablename__ = "signer_certificate"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: whose certificate
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: the PKCS#12 file (still protected by its own password), encrypted again at rest
    pkcs12_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: certificate subject, for display
    subject: Mapped[str] = mapped_column(String(400), nullable=False)
    #: certificate issuer, for display
    issuer: Mapped[str] = mapped_column(String(400), nullable=False)
    #: SHA-256 fingerprint of the certificate (hex)
    fingerprint_sha256: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    #: start of validity (UTC)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    #: end of validity (UTC)
    not_after: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    #: when it was uploaded (UTC)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: when its owner withdrew it (UTC); a withdrawn certificate no longer signs
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    user: Mapped[User] = relationship()

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class TrustAnchor(Base):
    """A certification authority the centre trusts when it checks signatures."""

    __tablename__ = "trust_anchor"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: name shown to users
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    #: the CA certificate, PEM
    certificate_pem: Mapped[str] = mapped_column(Text, nullable=False)
    #: SHA-256 fingerprint of the certificate (hex)
    fingerprint_sha256: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    #: when it was added (UTC)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)


class Extract(Base):
    """An "extrait du registre des délibérations": one decision, signed like the minutes."""

    __tablename__ = "extract"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the decision extracted
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=False, index=True
    )
    #: names the applicant (only the DG and the file's social worker may ask for one)
    is_identified: Mapped[bool] = mapped_column(nullable=False, default=False)
    #: the PDF and its signatures
    document_id: Mapped[int] = mapped_column(
        ForeignKey("signed_document.id"), nullable=False, index=True
    )
    #: who asked for it
    created_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was made (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    item: Mapped[AgendaItem] = relationship()
    document: Mapped[SignedDocument] = relationship()


class AidTerms(Base):
    """What an individual-aid decision grants, as the notification letter must state it
    (amount, calculation and frequency for money)."""

    __tablename__ = "aid_terms"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the decision (agenda item)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=False, unique=True, index=True
    )
    #: whether the decision grants the aid asked for (false: refused)
    is_granted: Mapped[bool] = mapped_column(nullable=False, default=True)
    #: the kind of aid, in words (e.g. "revenu d'intégration, catégorie 2")
    aid_label: Mapped[str] = mapped_column(String(200), nullable=False)
    #: the reasons in fact, as the letter gives them to the applicant (it names no one else)
    reasons: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: the legal basis cited in the letter
    legal_basis: Mapped[str | None] = mapped_column(String(300), nullable=True)
    #: amount in euros, for money
    amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2), nullable=True)
    #: how the amount is calculated, for money
    calculation: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: how often it is paid, for money
    frequency: Mapped[PaymentFrequency | None] = mapped_column(
        enum_column(PaymentFrequency), nullable=True)
    #: first day the aid applies
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    #: last day the aid applies
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    #: who last set the terms
    updated_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when they were last set (UTC)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    item: Mapped[AgendaItem] = relationship()


class Notification(Base):
    """The letter that notifies an applicant of a decision (LO art. 62bis: within 8 days)."""

    __tablename__ = "notification"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the decision notified
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=False, index=True
    )
    #: the applicant's dossier
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), nullable=False, index=True)
    #: language of the letter (the applicant's)
    language: Mapped[Language] = mapped_column(enum_column(Language), nullable=False)
    #: the identified letter (PDF), encrypted
    pdf_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: SHA-256 of the letter (hex)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    #: who generated it (the DG or the file's social worker)
    generated_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was generated (UTC)
    generated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: how it was sent, once sent
    method: Mapped[NotificationMethod | None] = mapped_column(
        enum_column(NotificationMethod), nullable=True)
    #: registered-mail number or receipt reference
    postal_reference: Mapped[str | None] = mapped_column(String(60), nullable=True)
    #: when it was sent or handed over (UTC); the 8 days run to this
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: who recorded the sending
    sent_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True
    )

    item: Mapped[AgendaItem] = relationship()
    dossier: Mapped[Dossier] = relationship()

    def record_sending(self, user: User, method: NotificationMethod,
                       postal_reference: str | None, sent_at: datetime) -> None:
        self.method = method
        self.postal_reference = postal_reference
        self.sent_at = sent_at
        self.sent_by_id = user.id


class DispatchMethod(enum.Enum):
    """How a document addressed outside the centre left it."""

    registered_mail = "registered_mail"
    against_receipt = "against_receipt"
    secure_email = "secure_email"
    ordinary_mail = "ordinary_mail"


class DocumentDispatch(Base):
    """That a signed original addressed outside the centre (a letter to a prosecutor, an
    extract for the person concerned) was sent: to whom, how and when. It replaces the reader's
    stamp on such documents, which leave as clean originals."""

    __tablename__ = "document_dispatch"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the signed document sent
    document_id: Mapped[int] = mapped_column(
        ForeignKey("signed_document.id"), nullable=False, index=True
    )
    #: to whom (may name the person concerned), encrypted
    recipient_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: how it was sent
    method: Mapped[DispatchMethod] = mapped_column(enum_column(DispatchMethod), nullable=False)
    #: registered-mail number, receipt or message reference
    reference: Mapped[str | None] = mapped_column(String(60), nullable=True)
    #: when it was sent or handed over (UTC, noon of the day given)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    #: who recorded it
    recorded_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was recorded (UTC)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    document: Mapped[SignedDocument] = relationship()
    recorded_by: Mapped[User] = relationship()
