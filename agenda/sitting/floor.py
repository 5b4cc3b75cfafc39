"""Reading the floor of a meeting in session: who sits, who is present, withdrawn or has
voted, and the quorum for an item. Reads only; the writes are in ``agenda.sitting.service``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from flask_babel import gettext
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from agenda.meetings.queries import WithdrawnFromItem, require_meetings_access
from council import permissions
from council.i18n import catalog
from council.models import (
    AgendaItem,
    AttendanceRecord,
    ItemWithdrawal,
    Meeting,
    Member,
    OpenBallot,
    Organ,
    OrganMembership,
    Poll,
    SecretParticipation,
)
from council.refusals import NotFound
from council.rules import attendance as attendance_rules
from council.rules.attendance import Presence, RoomForItem
from council.rules.majority import Choice
from council.rules.quorum import QuorumCheck, check_quorum


@dataclass
class Floor:
    """Everything the live screens show about a meeting, read in a fixed number of queries."""

    meeting: Meeting
    #: memberships of the organ current on the meeting's day, the president first
    members: list[OrganMembership]
    records: list[attendance_rules.AttendanceRecord]
    withdrawals: dict[int, list[ItemWithdrawal]]
    polls: dict[int, Poll]
    ballots_in: dict[int, int] = field(default_factory=dict)

    @property
    def member_ids(self) -> list[int]:
        return [m.member_id for m in self.members]

    @property
    def unrecorded(self) -> int:
        """Members not yet on the roll call (no record for the whole meeting)."""
        recorded = {r.member_id for r in self.records if r.from_item_number is None}
        return sum(1 for m in self.members if m.member_id not in recorded)

    def presence(self, item: AgendaItem) -> dict[int, Presence | None]:
        return attendance_rules.presence_at(self.records, item.number, self.member_ids)

    def withdrawn(self, item: AgendaItem) -> frozenset[int]:
        return frozenset(w.member_id for w in self.withdrawals.get(item.id, ()))

    def room(self, item: AgendaItem) -> RoomForItem:
        return attendance_rules.room_for_item(self.records, item.number, self.member_ids,
                                              self.withdrawn(item))

    def quorum(self, item: AgendaItem) -> QuorumCheck:
        return quorum_for(self.meeting, len(self.members), self.room(item), item=item)

    @property
    def current_item(self) -> AgendaItem | None:
        """The item whose poll is open, else the item of the poll opened last, else none."""
        if not self.polls:
            return None
        open_polls = [p for p in self.polls.values() if p.is_open]
        poll = open_polls[0] if open_polls else max(self.polls.values(), key=lambda p: p.id)
        return next(i for i in self.meeting.items if i.id == poll.item_id)

    def item(self, item_id: int | None) -> AgendaItem | None:
        return next((i for i in self.meeting.items if i.id == item_id), None)


def quorum_for(meeting: Meeting, in_office: int, room: RoomForItem, *,
               item: AgendaItem | None = None) -> QuorumCheck:
    """The quorum for ``item`` (None: for the meeting as a whole). A third convocation waives
    it only for an item put on the agenda for the third time (``times_on_agenda``)."""
    return check_quorum(
        in_office, len(room.in_room), len(room.withdrawn), meeting.convocation_round,
        times_on_agenda=item.times_on_agenda if item is not None else 1,
        withdrawn_leave_base=current_app.config["COUNCIL_QUORUM_WITHOUT_WITHDRAWN"])


def sitting(meeting: Meeting) -> list[OrganMembership]:
    day = meeting.starts_at.date()
    current = [m for m in meeting.organ.memberships if m.is_current(day)]
    return sorted(current, key=lambda m: (not m.member.is_president, m.member.last_name))


def attendance_records(session: Session, meeting_id: int,
             member_id: int | None = None) -> list[attendance_rules.AttendanceRecord]:
    query = (select(AttendanceRecord.member_id, AttendanceRecord.status, AgendaItem.number)
             .outerjoin(AgendaItem, AttendanceRecord.from_item_id == AgendaItem.id)
             .where(AttendanceRecord.meeting_id == meeting_id)
             .order_by(AttendanceRecord.id))
    if member_id is not None:
        query = query.where(AttendanceRecord.member_id == member_id)
    return [attendance_rules.AttendanceRecord(m, status, number)
            for m, status, number in session.execute(query)]


def load_meeting(session: Session, meeting_id: int) -> Meeting | None:
    return session.scalar(
        select(Meeting).where(Meeting.id == meeting_id).options(
            selectinload(Meeting.items),
            selectinload(Meeting.organ).selectinload(Organ.centre),
            selectinload(Meeting.organ).selectinload(Organ.memberships)
            .selectinload(OrganMembership.member).selectinload(Member.group),
        ))


def meeting_in_session(session: Session, user: Any, meeting_id: int) -> Meeting:
    """The meeting for the live pages and the API, once ``permissions`` let ``user`` see it:
    ``Denied`` for a role without meetings, ``NotFound`` for a meeting not visible."""
    require_meetings_access(user)
    meeting = load_meeting(session, meeting_id)
    if meeting is None or not permissions.can_view_meeting(user, meeting):
        raise NotFound(gettext("No such meeting."))
    return meeting


def item_in_session(session: Session, user: Any, item_id: int, *,
                    withdrawn_refused: bool = True) -> AgendaItem:
    """An item by its id alone (the API), once ``permissions`` let ``user`` see its meeting;
    a member who withdrew from it gets ``WithdrawnFromItem`` unless ``withdrawn_refused`` is
    false (declaring a withdrawal twice is the service's refusal)."""
    require_meetings_access(user)
    item = session.scalar(
        select(AgendaItem).where(AgendaItem.id == item_id).options(
            selectinload(AgendaItem.meeting).selectinload(Meeting.organ)
            .selectinload(Organ.memberships)))
    if item is None or not permissions.can_view_meeting(user, item.meeting):
        raise NotFound(gettext("No such item."))
    if withdrawn_refused and permissions.is_withdrawn_from(user, item):
        raise WithdrawnFromItem()
    return item


def load_floor(session: Session, meeting: Meeting) -> Floor:
    """The floor of a meeting loaded with ``load_meeting``: a constant number of queries
    whatever the number of members and items."""
    withdrawals: dict[int, list[ItemWithdrawal]] = {}
    for withdrawal in session.scalars(
            select(ItemWithdrawal).join(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id).order_by(ItemWithdrawal.id)):
        withdrawals.setdefault(withdrawal.item_id, []).append(withdrawal)
    polls = {p.item_id: p for p in session.scalars(select(Poll).where(
        Poll.meeting_id == meeting.id))}
    floor = Floor(meeting=meeting, members=sitting(meeting),
                  records=attendance_records(session, meeting.id), withdrawals=withdrawals,
                  polls=polls)
    current = floor.current_item
    if current is not None:
        poll = polls[current.id]
        floor.ballots_in[poll.id] = ballots_in(session, poll)
    return floor


def ballots_in(session: Session, poll: Poll) -> int:
    """How many members have voted (never how, for a secret ballot)."""
    table = SecretParticipation if poll.is_secret else OpenBallot
    return session.scalar(select(func.count()).select_from(table)
                          .where(table.poll_id == poll.id)) or 0


def has_voted(session: Session, poll: Poll, member_id: int) -> bool:
    table = SecretParticipation if poll.is_secret else OpenBallot
    return session.scalar(select(table.id).where(table.poll_id == poll.id,
                                                 table.member_id == member_id)) is not None


def open_voters(session: Session, poll: Poll) -> set[int]:
    """Members who voted in an open poll (for the chair's show of hands)."""
    return set(session.scalars(select(OpenBallot.member_id).where(OpenBallot.poll_id == poll.id)))


def own_choice(session: Session, poll: Poll, member_id: int) -> Choice | None:
    """A member's own choice in an open poll (a secret choice is never known)."""
    if poll.is_secret:
        return None
    return session.scalar(select(OpenBallot.choice).where(OpenBallot.poll_id == poll.id,
                                                          OpenBallot.member_id == member_id))


def is_withdrawn(session: Session, item_id: int, member_id: int) -> bool:
    return session.scalar(select(ItemWithdrawal.id).where(
        ItemWithdrawal.item_id == item_id, ItemWithdrawal.member_id == member_id)) is not None


def withdrawals_of(session: Session, meeting_id: int) -> list[ItemWithdrawal]:
    """The withdrawals of a meeting, for the minutes: who, from which item, why, when."""
    return list(session.scalars(
        select(ItemWithdrawal).join(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
        .options(selectinload(ItemWithdrawal.member), selectinload(ItemWithdrawal.declared_by))
        .order_by(AgendaItem.number, ItemWithdrawal.id)))


def attendance_of(session: Session, meeting_id: int) -> list[AttendanceRecord]:
    """The attendance records of a meeting in the order they were made."""
    return list(session.scalars(
        select(AttendanceRecord).where(AttendanceRecord.meeting_id == meeting_id)
        .order_by(AttendanceRecord.id)))


def meeting_attendance(session: Session, meeting: Meeting) -> dict[int, Presence | None]:
    """Each sitting member's attendance for the meeting as a whole (records without an item),
    the latest one winning; None until recorded."""
    result: dict[int, Presence | None] = {m.member_id: None for m in sitting(meeting)}
    for record in attendance_records(session, meeting.id):
        if record.from_item_number is None and record.member_id in result:
            result[record.member_id] = record.presence
    return result


def proposal_for(session: Session, user: Any, item: AgendaItem) -> str | None:
    """What the members vote on: the draft decision's last line without its "Décide :"
    (``agenda.drafting``; none while it is still to write), for a user who may read the item
    (``permissions.can_view_item``: not a member who withdrew, nor before its
    pseudonymisation is reviewed). Reads the item afresh: a constant three queries, whatever
    the identity map holds."""
    fresh = session.scalar(
        select(AgendaItem).where(AgendaItem.id == item.id)
        .options(selectinload(AgendaItem.withdrawals), selectinload(AgendaItem.pseudonymisation))
        .execution_options(populate_existing=True))
    if fresh is None or not permissions.can_view_item(user, fresh):
        return None
    lines = [line.strip() for line in (fresh.draft_decision or "").splitlines() if line.strip()]
    if not lines:
        return None
    decides = catalog(fresh.meeting.organ.centre.language.value).gettext("Decides:")
    return lines[-1].removeprefix(decides).strip() or None
