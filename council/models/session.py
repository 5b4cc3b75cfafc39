"""The meeting in session: attendance, withdrawals for a conflict of interest, polls and ballots.

Attendance and withdrawals are append-only records of who recorded what and when. A poll is
the vote on one item. Open votes keep one ``OpenBallot`` per member (the minutes may say who
voted how). Secret ballots keep no link between a voter and a choice that can be read without
the application's key: a ``SecretParticipation`` (poll, member) says that a member voted, a
``SecretBallot`` (poll, sealed choice) holds a choice only as a randomised encryption under a key
of the poll that is not in the database (``council.crypto.seal``, derived from
``COUNCIL_DATA_KEY`` and the poll's ``ballot_salt``). Both tables have random (uuid4) keys, no
timestamps and no ordering column; on SQLite they are ``WITHOUT ROWID`` tables. Closing the poll
decrypts and counts the ballots, keeps the counts on the poll and deletes the ballots
(``agenda.sitting.service``; the threat model is in docs/security.md).
"""

from __future__ import annotations

import enum
import os
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Dialect,
    Enum,
    ForeignKey,
    Integer,
    LargeBinary,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from council import crypto
from council.db import Base
from council.models.base import UTCDateTime, enum_column, utcnow
from council.models.centre import Member
from council.models.meetings import AgendaItem, Meeting
from council.models.users import User
from council.rules.attendance import Presence
from council.rules.majority import OPEN_CHOICES, Choice, Outcome

__all__ = [
    "AttendanceRecord",
    "Choice",
    "ItemWithdrawal",
    "OpenBallot",
    "Poll",
    "PollOutcome",
    "PollStatus",
    "Presence",
    "SecretBallot",
    "SecretParticipation",
    "UrgencyVote",
]


#: bytes of a poll's ballot salt
BALLOT_SALT_BYTES = 32


def new_ballot_salt() -> bytes:
    return os.urandom(BALLOT_SALT_BYTES)


class PollStatus(enum.Enum):
    open = "open"
    closed = "closed"


class PollOutcome(enum.Enum):
    adopted = "adopted"
    rejected = "rejected"


class AttendanceRecord(Base):
    """One recording of a member's attendance, for the whole meeting or from an item on.

    Append-only: a later record overrides an earlier one for the items it covers
    (``council.rules.attendance.presence_at``)."""

    __tablename__ = "attendance_record"

    #: primary key; records apply in this order
    id: Mapped[int] = mapped_column(primary_key=True)
    #: meeting
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), nullable=False, index=True)
    #: member whose attendance is recorded
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), nullable=False, index=True)
    #: present, absent or excused
    status: Mapped[Presence] = mapped_column(enum_column(Presence), nullable=False)
    #: from this item on (an arrival or a departure); none for the whole meeting
    from_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=True, index=True
    )
    #: who recorded it (the DG or the secretariat)
    recorded_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was recorded (UTC)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    meeting: Mapped[Meeting] = relationship()
    member: Mapped[Member] = relationship()
    from_item: Mapped[AgendaItem | None] = relationship()
    recorded_by: Mapped[User] = relationship()


class ItemWithdrawal(Base):
    """A member leaves the room for one item (conflict of interest): not counted for its
    quorum, no vote, no access to its file; the minutes record it."""

    __tablename__ = "item_withdrawal"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: item the member withdraws from
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), nullable=False, index=True)
    #: member who withdraws
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), nullable=False, index=True)
    #: the reason (UTF-8, encrypted with the data key), for the DG only: the minutes record
    #: that the member withdrew, not why. It passed the identity guard, but it says how the
    #: member knows the applicant ("my neighbour"), which next to the member's own address
    #: narrows down who the applicant is: not for whoever reads the database's files
    reason_encrypted: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    #: who declared it (the member, the DG or the secretariat)
    declared_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was declared (UTC)
    declared_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    #: ``AgendaItem.withdrawals`` is the way back (read by ``permissions.can_view_item``)
    item: Mapped[AgendaItem] = relationship(
        backref=backref("withdrawals", viewonly=True, order_by="ItemWithdrawal.id"))
    member: Mapped[Member] = relationship()
    declared_by: Mapped[User] = relationship()

    __table_args__ = (UniqueConstraint("item_id", "member_id"),)

    @classmethod
    def declared(cls, *, item_id: int, member_id: int, reason: str,
                 declared_by_id: int) -> ItemWithdrawal:
        """A new withdrawal, its reason encrypted."""
        return cls(item_id=item_id, member_id=member_id, declared_by_id=declared_by_id,
                   reason_encrypted=crypto.encrypt_bytes(reason.encode()))

    def read_reason(self) -> str:
        """The reason in clear, for whom ``permissions.can_read_withdrawal_reason`` allows."""
        return crypto.decrypt_bytes(self.reason_encrypted).decode()


class Poll(Base):
    """The vote on one item: opened by the president or the DG, closed with its tally."""

    __tablename__ = "poll"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: item voted on (one vote per item)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=False, unique=True, index=True
    )
    #: meeting of the item (the live screens find the current poll by meeting)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), nullable=False, index=True)
    #: secret ballot: no link between a voter and a choice is stored
    is_secret: Mapped[bool] = mapped_column(nullable=False)
    #: random salt of the poll's ballot key (HKDF of ``COUNCIL_DATA_KEY``), useless without it;
    #: every poll gets one (nullable only so that SQLite adds the column without copying the
    #: table: HKDF takes no salt as zeros)
    ballot_salt: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True,
                                                      default=new_ballot_salt)
    #: open or closed
    status: Mapped[PollStatus] = mapped_column(
        enum_column(PollStatus), nullable=False, default=PollStatus.open
    )
    #: quorum required when the poll was opened
    quorum_required: Mapped[int] = mapped_column(Integer, nullable=False)
    #: members counted present for the item when the poll was opened
    quorum_present: Mapped[int] = mapped_column(Integer, nullable=False)
    #: who opened it
    opened_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was opened (UTC)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: who closed it
    closed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True
    )
    #: when it was closed (UTC)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: votes for, once closed
    yes_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: votes against, once closed
    no_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: abstentions, once closed
    abstain_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: blank ballots, once closed (secret ballots only; not votes cast)
    blank_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: null ballots, once closed (secret ballots only; not votes cast)
    null_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: adopted or rejected, once closed
    outcome: Mapped[PollOutcome | None] = mapped_column(enum_column(PollOutcome), nullable=True)
    #: whether a tie was decided by the tie rule (the president's casting vote or rejection)
    is_decided_by_tie_rule: Mapped[bool | None] = mapped_column(nullable=True)

    item: Mapped[AgendaItem] = relationship()
    meeting: Mapped[Meeting] = relationship()

    @property
    def is_open(self) -> bool:
        return self.status is PollStatus.open

    @property
    def stored_outcome(self) -> Outcome:
        """The tally as stored when the poll was closed (blank and null: secret ballots)."""
        yes, no = self.yes_count or 0, self.no_count or 0
        return Outcome(adopted=self.outcome is PollOutcome.adopted, yes=yes, no=no,
                       abstain=self.abstain_count or 0, cast=yes + no,
                       majority_needed=(yes + no) // 2 + 1,
                       decided_by_tie_rule=bool(self.is_decided_by_tie_rule),
                       blank=self.blank_count or 0, null=self.null_count or 0)

    def close(self, user: User, yes: int, no: int, abstain: int, *, adopted: bool,
              by_tie_rule: bool, blank: int = 0, null: int = 0) -> None:
        self.status = PollStatus.closed
        self.closed_by_id = user.id
        self.closed_at = utcnow()
        self.yes_count, self.no_count, self.abstain_count = yes, no, abstain
        if self.is_secret:
            self.blank_count, self.null_count = blank, null
        self.outcome = PollOutcome.adopted if adopted else PollOutcome.rejected
        self.is_decided_by_tie_rule = by_tie_rule


class OpenChoiceType(TypeDecorator[Choice]):
    """A :class:`Choice` of an open vote, stored as its value under a CHECK that admits only
    yes, no and abstain: a blank or null ballot exists only in a secret ballot, and the
    database refuses one in an open vote whatever the code above it does."""

    impl = Enum(*(c.value for c in OPEN_CHOICES), name="choice", native_enum=False,
                create_constraint=True, length=32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else Choice(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> Choice | None:
        return None if value is None else Choice(value)


class OpenBallot(Base):
    """A member's vote in an open poll (cast from their screen or by the president on a show
    of hands). One per member and poll: a database constraint."""

    __tablename__ = "open_ballot"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: poll
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id"), nullable=False, index=True)
    #: member who voted
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), nullable=False, index=True)
    #: yes, no or abstain (its CHECK admits no blank or null ballot: those are secret only)
    choice: Mapped[Choice] = mapped_column(OpenChoiceType(), nullable=False)
    #: who recorded it (the member, or the president for a show of hands)
    recorded_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was cast (UTC)
    cast_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    member: Mapped[Member] = relationship()

    __table_args__ = (UniqueConstraint("poll_id", "member_id"),)


class SecretParticipation(Base):
    """That a member voted in a secret poll, and nothing about how. One per member and poll."""

    __tablename__ = "secret_participation"

    #: random key (uuid4): says nothing about the order of votes
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    #: poll
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id"), nullable=False, index=True)
    #: member who voted
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), nullable=False, index=True)

    __table_args__ = (UniqueConstraint("poll_id", "member_id"), {"sqlite_with_rowid": False})


class SecretBallot(Base):
    """An anonymous choice in a secret poll, while it is open: no member, no time, no order,
    and the choice only sealed (``agenda.sitting.service``). Deleted when the poll closes."""

    __tablename__ = "secret_ballot"

    #: random key (uuid4): says nothing about the order of votes
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    #: poll
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id"), nullable=False, index=True)
    #: yes, no, abstain, blank or null, sealed under the poll's key: nonce, ciphertext and tag,
    #: the same length for every choice (not ``*_encrypted``: no Fernet token, the key
    #: rotation skips it)
    sealed_choice: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)

    __table_args__ = ({"sqlite_with_rowid": False},)


class UrgencyVote(Base):
    """The vote declaring the urgency of an item not on the agenda the members were convened
    with: counted on a show of hands and entered by the president or the DG before the item is
    taken; the minutes record it (DOMAIN.md "Meetings", ``council.rules.urgency``)."""

    __tablename__ = "urgency_vote"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: item whose urgency was put to the vote (one vote per item)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=False, unique=True, index=True)
    #: members present for the item when the urgency was voted
    present: Mapped[int] = mapped_column(Integer, nullable=False)
    #: members who voted for the urgency
    votes_for: Mapped[int] = mapped_column(Integer, nullable=False)
    #: votes the setting's majority required (⅔ of the members present by default)
    required: Mapped[int] = mapped_column(Integer, nullable=False)
    #: whether the urgency was declared (``votes_for >= required``)
    is_declared: Mapped[bool] = mapped_column(nullable=False)
    #: who entered it (the president or the DG)
    recorded_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True)
    #: when it was entered (UTC)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    item: Mapped[AgendaItem] = relationship()
