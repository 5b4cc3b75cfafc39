"""Dossiers, social reports and their pseudonymisation, with identities encrypted at rest.

What identifies a person (the dossier identity, the original report, the pseudonym map, the
replacements made in a text) is stored only encrypted (``council.crypto``), in columns named
``*_encrypted``, apart from the pseudonymised text councillors read.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from council.db import Base
from council.models.base import UTCDateTime, enum_column, utcnow
from council.models.centre import Member
from council.models.enums import Language, OrganKind
from council.models.meetings import AgendaItem, Meeting
from council.models.users import User


class ReportStatus(enum.Enum):
    submitted = "submitted"
    scheduled = "scheduled"
    withdrawn = "withdrawn"


class Dossier(Base):
    """A social file of the centre; its identity is encrypted."""

    __tablename__ = "dossier"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the centre's own file number, e.g. "2026/0042" (not an identity on its own)
    reference: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    #: the applicant's language (letters are written in it)
    language: Mapped[Language] = mapped_column(enum_column(Language), nullable=False)
    #: the current dossier identity (../shared/spec/dossier.schema.json), JSON, encrypted: a
    #: copy of the newest of ``identities``, which keep every earlier one
    identity_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: the social worker in charge of the file: the only one, with the DG, who changes its
    #: identity (and may re-identify)
    social_worker_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when the dossier was first received (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: when its identity was last replaced by a newer submission (UTC)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    social_worker: Mapped[User] = relationship()
    reports: Mapped[list[SocialReport]] = relationship(back_populates="dossier",
                                                       order_by="SocialReport.id")
    identities: Mapped[list[DossierIdentity]] = relationship(
        back_populates="dossier", order_by="DossierIdentity.version")


class DossierIdentity(Base):
    """One version of a dossier's identity, never changed once written: a letter or a
    disclosure reads the version that was in force when the organ decided."""

    __tablename__ = "dossier_identity"
    __table_args__ = (UniqueConstraint("dossier_id", "version"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the dossier
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), nullable=False, index=True)
    #: 1 for the identity first received, then one more for each change
    version: Mapped[int] = mapped_column(nullable=False)
    #: the identity (JSON), encrypted
    identity_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: who gave it (the dossier's social worker, or the DG)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), nullable=False,
                                                index=True)
    #: when it took effect (UTC)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    dossier: Mapped[Dossier] = relationship(back_populates="identities")
    recorded_by: Mapped[User] = relationship()


class SocialReport(Base):
    """A social worker's report on a dossier, for an organ's decision."""

    __tablename__ = "social_report"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: dossier the report is about
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), nullable=False, index=True)
    #: social worker who submitted it
    submitted_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was submitted (UTC)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: organ asked to decide (the CSSS for individual aid)
    organ_kind: Mapped[OrganKind] = mapped_column(enum_column(OrganKind), nullable=False)
    #: how it arrived: pasted, txt, docx, odt, pdf or api
    source_format: Mapped[str] = mapped_column(String(10), nullable=False)
    #: the original text, encrypted
    original_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: the pseudonymised text as first produced on its own (no identity)
    draft_text: Mapped[str] = mapped_column(Text, nullable=False)
    #: the proposal of the report, pseudonymised, to prefill the draft decision
    proposal: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: where the report stands
    status: Mapped[ReportStatus] = mapped_column(
        enum_column(ReportStatus), nullable=False, default=ReportStatus.submitted
    )
    #: the agenda item built from it, once scheduled
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=True, unique=True, index=True
    )

    dossier: Mapped[Dossier] = relationship(back_populates="reports")
    submitted_by: Mapped[User] = relationship()
    item: Mapped[AgendaItem | None] = relationship()


class ItemPseudonymisation(Base):
    """How an item's report was pseudonymised, and what the reviewer changed."""

    __tablename__ = "item_pseudonymisation"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: agenda item whose ``summary`` is the reviewed text
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=False, unique=True, index=True
    )
    #: report it comes from
    report_id: Mapped[int] = mapped_column(
        ForeignKey("social_report.id"), nullable=False, index=True
    )
    #: the machine's replacements (spans of the original with the original words), encrypted
    replacements_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: indexes of the replacements the reviewer undid (no identity)
    undone: Mapped[list[int]] = mapped_column(JSON, nullable=False, default=list)
    #: names or words the reviewer added as replacements, encrypted
    added_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    #: the text as the machine produced it, before review (no identity)
    machine_text: Mapped[str] = mapped_column(Text, nullable=False)
    #: who approved the pseudonymisation
    reviewed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True
    )
    #: when it was approved (UTC); councillors see only reviewed items
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    #: ``AgendaItem.pseudonymisation`` is the way back (None for items not from a report)
    item: Mapped[AgendaItem] = relationship(
        backref=backref("pseudonymisation", uselist=False, viewonly=True))
    report: Mapped[SocialReport] = relationship()
    reviewed_by: Mapped[User | None] = relationship()

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None

    def approve(self, user: User) -> None:
        self.reviewed_by_id = user.id
        self.reviewed_at = utcnow()

    def reopen(self) -> None:
        """Back to review: the item's text changed after its approval."""
        self.reviewed_by_id = None
        self.reviewed_at = None


class DoubtDecision(enum.Enum):
    """What a reviewer decided about a doubt that blocks approval."""

    kept = "kept"  # the words stay as they are (no person, or nobody identifiable)
    replaced = "replaced"  # the words were replaced in the item


class DoubtDecisionRecord(Base):
    """A reviewer's decision on a blocking doubt of an item ("close to a dossier name",
    "unmatched identifier"): until each is decided the item cannot be approved."""

    __tablename__ = "doubt_decision"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the item's pseudonymisation the doubt was found in
    pseudonymisation_id: Mapped[int] = mapped_column(
        ForeignKey("item_pseudonymisation.id"), nullable=False, index=True
    )
    #: the doubted words as they stand in the item (they may be a name), encrypted
    text_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: the doubt's kind (``agenda.pseudonymise.doubts.BLOCKING``), no identity
    reason: Mapped[str] = mapped_column(String(40), nullable=False)
    #: kept as it is, or replaced
    decision: Mapped[DoubtDecision] = mapped_column(enum_column(DoubtDecision), nullable=False)
    #: the reviewer who decided
    decided_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when (UTC)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    pseudonymisation: Mapped[ItemPseudonymisation] = relationship()
    decided_by: Mapped[User] = relationship()


class MeetingPseudonymKey(Base):
    """The pseudonym ↔ identity map of one meeting (letters shared by its items), encrypted."""

    __tablename__ = "meeting_pseudonym_key"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: meeting the letters belong to
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id"), nullable=False, unique=True, index=True
    )
    #: the pseudonymiser's registry (``Registry.to_dict()``), JSON, encrypted
    registry_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: last change (UTC)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    meeting: Mapped[Meeting] = relationship()


class Convocation(Base):
    """That a member was convened to a meeting, how and when (never with file content)."""

    __tablename__ = "convocation"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: meeting convened
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), nullable=False, index=True)
    #: member convened
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), nullable=False, index=True)
    #: address the convocation went to; none when the member has no e-mail (sent by post)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    #: when it was sent (UTC)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: who sent it
    sent_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )

    member: Mapped[Member] = relationship()

    __table_args__ = (UniqueConstraint("meeting_id", "member_id", "sent_at"),)
