"""The register of requests to lift professional secrecy, the consents of the persons concerned
and what was disclosed (DOMAIN.md, "Lifting professional secrecy: held by the institution").

The directeur général alone decides; a social worker who received a request is recorded as
having referred it, never as deciding. What may identify the person (what was asked, the
reasons, the values sent) is stored only encrypted (``council.crypto``).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from council.db import Base
from council.models.base import UTCDateTime, enum_column, utcnow
from council.models.minutes import SignedDocument
from council.models.reports import Dossier
from council.models.users import User
from council.rules.secrecy import SecrecyBasis

__all__ = ["Consent", "Disclosure", "RequestStatus", "RequesterKind", "SecrecyBasis",
           "SecrecyRequest"]


class RequesterKind(enum.Enum):
    prosecutor = "prosecutor"
    police = "police"
    institution = "institution"
    person_concerned = "person_concerned"


class RequestStatus(enum.Enum):
    pending = "pending"
    refused = "refused"
    partial = "partial"
    full = "full"


class Consent(Base):
    """A person's consent (or refusal) to an exchange of their data with an institution, for a
    purpose (code of ethics 2.8); revocable."""

    __tablename__ = "secrecy_consent"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the person's dossier
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), nullable=False, index=True)
    #: institution the data may go to
    institution: Mapped[str] = mapped_column(String(200), nullable=False)
    #: what the exchange is for
    purpose: Mapped[str] = mapped_column(String(300), nullable=False)
    #: given (true) or refused (false)
    is_given: Mapped[bool] = mapped_column(nullable=False)
    #: when the person gave or refused it (UTC)
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    #: who recorded it
    recorded_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was recorded (UTC)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: when the person revoked it (UTC); no exchange from then on
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: who recorded the revocation
    revoked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True
    )

    dossier: Mapped[Dossier] = relationship()
    recorded_by: Mapped[User] = relationship(foreign_keys=[recorded_by_id])

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def revoke(self, user: User, at: datetime) -> None:
        self.revoked_at = at
        self.revoked_by_id = user.id


class SecrecyRequest(Base):
    """A request to lift professional secrecy about a dossier, and the DG's decision."""

    __tablename__ = "secrecy_request"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: dossier the request is about
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), nullable=False, index=True)
    #: who asks: prosecutor, police, another institution or the person concerned
    requester_kind: Mapped[RequesterKind] = mapped_column(
        enum_column(RequesterKind), nullable=False)
    #: the requesting authority or institution (none when the person concerned asks)
    requester_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    #: the requester's own reference (notice or file number)
    requester_reference: Mapped[str | None] = mapped_column(String(100), nullable=True)
    #: the requester's postal address, for the letter (the parquet's, …); lines separated by
    #: line breaks; none when the person concerned asks (the dossier has their address)
    requester_address: Mapped[str | None] = mapped_column(String(300), nullable=True)
    #: legal basis invoked
    basis: Mapped[SecrecyBasis] = mapped_column(enum_column(SecrecyBasis), nullable=False)
    #: the text relied on, required for "another basis"
    basis_reference: Mapped[str | None] = mapped_column(String(300), nullable=True)
    #: what is asked, in the requester's words (may name the person), encrypted
    requested_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: when the request came in (UTC)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)
    #: who registered it on arrival
    received_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: the social worker who referred it to the DG (referring, never deciding)
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True
    )
    #: when it was registered (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: pending, or the DG's decision
    status: Mapped[RequestStatus] = mapped_column(
        enum_column(RequestStatus), nullable=False, default=RequestStatus.pending, index=True
    )
    #: the DG who decided
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True
    )
    #: when the decision was taken (UTC)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    #: the written reasons of the decision (may mention the person), encrypted
    reasons_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    #: the consent relied on, for a disclosure on the basis of consent
    consent_id: Mapped[int | None] = mapped_column(
        ForeignKey("secrecy_consent.id"), nullable=True, index=True
    )

    dossier: Mapped[Dossier] = relationship()
    received_by: Mapped[User] = relationship(foreign_keys=[received_by_id])
    referred_by: Mapped[User | None] = relationship(foreign_keys=[referred_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    consent: Mapped[Consent | None] = relationship()
    disclosure: Mapped[Disclosure | None] = relationship(back_populates="request",
                                                         uselist=False)

    @property
    def is_pending(self) -> bool:
        return self.status is RequestStatus.pending

    def decide(self, user: User, status: RequestStatus, reasons_encrypted: bytes,
               at: datetime) -> None:
        self.status = status
        self.decided_by_id = user.id
        self.decided_at = at
        self.reasons_encrypted = reasons_encrypted


class Disclosure(Base):
    """What was sent on a request: the fields, their values (encrypted) and the signed letter."""

    __tablename__ = "secrecy_disclosure"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the request answered
    request_id: Mapped[int] = mapped_column(
        ForeignKey("secrecy_request.id"), nullable=False, unique=True, index=True
    )
    #: names of the fields sent, in letter order (no identity)
    fields: Mapped[list[str]] = mapped_column(JSON, nullable=False)
    #: the values sent, field by field (JSON), encrypted
    values_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: the letter, signed by the DG
    document_id: Mapped[int] = mapped_column(
        ForeignKey("signed_document.id"), nullable=False, index=True
    )
    #: who produced and sent it (the DG)
    sent_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when the signed letter was issued (UTC)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    request: Mapped[SecrecyRequest] = relationship(back_populates="disclosure")
    document: Mapped[SignedDocument] = relationship()
