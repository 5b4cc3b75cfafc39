"""Meetings of an organ and their agenda items."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from council.clock import CENTRE_TIMEZONE
from council.db import Base
from council.models.base import UTCDateTime, enum_column, utcnow
from council.models.centre import Organ
from council.models.enums import ItemKind, ItemStatus, MeetingStatus
from council.models.users import User

if TYPE_CHECKING:
    from council.models.users import User


class Meeting(Base):
    """A sitting of an organ."""

    __tablename__ = "meeting"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: organ that meets
    organ_id: Mapped[int] = mapped_column(ForeignKey("organ.id"), nullable=False, index=True)
    #: when the meeting starts (UTC)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)
    #: room or address
    place: Mapped[str] = mapped_column(String(200), nullable=False)
    #: where the meeting stands
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus), nullable=False, default=MeetingStatus.draft
    )
    #: 1, 2 or 3: a third convocation may deliberate without quorum on items put a third time
    convocation_round: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    #: when the meeting record was created (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: when the convocations were sent (UTC)
    convened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: why the legal notice (jours francs) could not be given, when convened in urgency
    urgency_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: when the president or the DG opened the sitting (UTC); its day dates the decisions
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: who opened the sitting
    opened_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True)
    #: when the president or the DG closed the sitting (UTC)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: who closed the sitting
    closed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), nullable=True, index=True)

    organ: Mapped[Organ] = relationship()
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.number"
    )
    opened_by: Mapped[User | None] = relationship(foreign_keys=[opened_by_id])
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])

    @property
    def day(self) -> date:
        """The meeting's day in Belgium, the day its decisions are dated."""
        return self.starts_at.astimezone(CENTRE_TIMEZONE).date()

    @property
    def is_sitting(self) -> bool:
        """Whether the sitting is open: attendance, polls and ballots are recorded only then."""
        return self.status is MeetingStatus.in_progress

    @property
    def sitting_day(self) -> date:
        """The day the sitting was held (opened) in Belgium, which dates its minutes, extracts
        and letters; the planned day until it is opened."""
        moment = self.opened_at or self.starts_at
        return moment.astimezone(CENTRE_TIMEZONE).date()

    def open(self, user: User, now: datetime) -> None:
        """convened → in session: who opened it and when (the checks are the service's)."""
        self.status = MeetingStatus.in_progress
        self.opened_at, self.opened_by_id = now, user.id

    @property
    def current_item(self) -> AgendaItem | None:
        """The item under discussion: the one the open sitting took up last."""
        if not self.is_sitting:
            return None
        taken = [i for i in self.items if i.taken_at is not None]
        return max(taken, key=lambda i: (i.taken_at, i.number)) if taken else None

    @property
    def current_item_id(self) -> int | None:
        current = self.current_item
        return current.id if current is not None else None

    def take_item(self, item: AgendaItem, now: datetime) -> None:
        """The item under discussion from now on (the chair's "next item", or its vote)."""
        item.taken_at = now

    def close(self, user: User, now: datetime) -> None:
        """in session → closed: who closed it and when."""
        self.status = MeetingStatus.closed
        self.closed_at, self.closed_by_id = now, user.id


class AgendaItem(Base):
    """One point of a meeting's agenda."""

    __tablename__ = "agenda_item"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: meeting the item belongs to
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), nullable=False, index=True)
    #: number on the agenda, from 1
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    #: title as councillors see it (pseudonymised for matters about persons)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    #: kind of matter
    kind: Mapped[ItemKind] = mapped_column(enum_column(ItemKind), nullable=False)
    #: dealt with behind closed doors (always for matters about persons)
    is_closed_session: Mapped[bool] = mapped_column(nullable=False, default=True)
    #: voted by secret ballot (forced for personnel matters)
    is_secret_ballot: Mapped[bool] = mapped_column(nullable=False, default=False)
    #: added or handled in urgency
    is_urgent: Mapped[bool] = mapped_column(nullable=False, default=False)
    #: not on the agenda the members were convened with (added after the convocation): taken
    #: only after an urgency vote (``UrgencyVote``)
    is_added_after_convocation: Mapped[bool] = mapped_column(
        nullable=False, default=False, server_default=false())
    #: how many times this matter has been put on an agenda: 1, then one more each time it is
    #: carried over after a meeting without quorum (3: a third convocation may deliberate on
    #: it whatever the number present)
    times_on_agenda: Mapped[int] = mapped_column(Integer, nullable=False, default=1,
                                                 server_default="1")
    #: the item of an earlier meeting this one carries over (postponed for lack of quorum)
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=True, index=True)
    #: seats to fill, for a designation item (LO art. 27 §6); none for other kinds
    seats: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: for a designation: the item whose ballot was void (both sexes not represented) and
    #: whose seats this new ballot fills again
    revote_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=True, index=True)
    #: where the item stands
    status: Mapped[ItemStatus] = mapped_column(
        enum_column(ItemStatus), nullable=False, default=ItemStatus.draft
    )
    #: pseudonymised text of the social report or explanatory note councillors read
    summary: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: draft decision (Vu / Considérant / Décide)
    draft_decision: Mapped[str | None] = mapped_column(Text, nullable=True)

    #: when the open sitting last took the item up (the current item is the latest one)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    decision_revisions: Mapped[list[DecisionRevision]] = relationship(
        back_populates="item", order_by="DecisionRevision.number", viewonly=True)

    __table_args__ = (UniqueConstraint("meeting_id", "number"),)

    @property
    def decision_text(self) -> str | None:
        """The decision as it stands: the latest correction's text, else the text decided."""
        revisions = self.decision_revisions
        return revisions[-1].text if revisions else self.draft_decision


class DecisionRevision(Base):
    """A correction of a decision already taken (issue 15): once an item is decided its text
    is frozen, and the DG corrects it only by adding one of these, with a reason; the text
    decided stays on the item, and every revision stays. Append-only, never updated."""

    __tablename__ = "decision_revision"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the decided item corrected
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), nullable=False,
                                         index=True)
    #: 1, 2, … in the order made
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    #: the decision's whole text as corrected (pseudonymised; it passed the identity guard)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    #: why it was corrected (required; the minutes print it)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    #: the DG who made it
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), nullable=False,
                                               index=True)
    #: when it was made (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow,
                                                 index=True)

    item: Mapped[AgendaItem] = relationship(back_populates="decision_revisions")
    created_by: Mapped[User] = relationship()

    __table_args__ = (UniqueConstraint("item_id", "number"),)
