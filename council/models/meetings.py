"""Meetings of an organ and their agenda items."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from council.clock import CENTRE_TIMEZONE
from council.db import Base
from council.models.base import UTCDateTime, enum_column, utcnow
from council.models.centre import Organ
from council.models.enums import ItemKind, ItemStatus, MeetingStatus


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

    organ: Mapped[Organ] = relationship()
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.number"
    )

    @property
    def day(self) -> date:
        """The meeting's day in Belgium, the day its decisions are dated."""
        return self.starts_at.astimezone(CENTRE_TIMEZONE).date()


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

    meeting: Mapped[Meeting] = relationship(back_populates="items")

    __table_args__ = (UniqueConstraint("meeting_id", "number"),)
