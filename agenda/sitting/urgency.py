"""The urgency vote on an item not on the agenda the members were convened with (added after
the convocation): counted on a show of hands and entered by the president or the DG before the
item is taken; the vote on the item opens only once the urgency is declared by the setting's
majority of the members present (``COUNCIL_URGENCY_MAJORITY``, ⅔ by default;
``council.rules.urgency``). The minutes record it (``minutes.content``).

Kept apart from ``agenda.sitting.service`` (one use case, one commit): ``open_poll`` only asks
:func:`urgency_pending`.
"""

from __future__ import annotations

from fractions import Fraction

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from agenda.sitting.floor import attendance_records, sitting
from agenda.sitting.service import Conflict, InvalidInput, require_open, store_once
from council.models import (
    AgendaItem,
    ItemWithdrawal,
    Meeting,
    Poll,
    UrgencyVote,
    User,
)
from council.rules import attendance as attendance_rules
from council.rules.urgency import check_urgency
from council.services import audit


def urgency_vote_of(session: Session, item: AgendaItem) -> UrgencyVote | None:
    return session.scalar(select(UrgencyVote).where(UrgencyVote.item_id == item.id))


def urgency_pending(session: Session, item: AgendaItem) -> bool:
    """Whether the item may not be taken yet: added after the convocation, and its urgency
    not declared (no urgency vote, or one that fell short)."""
    if not item.is_added_after_convocation:
        return False
    vote = urgency_vote_of(session, item)
    return vote is None or not vote.is_declared


def _voted_already() -> Conflict:
    return Conflict("urgency_voted",
                    gettext("The urgency of this item has already been put to the vote."))


def record_urgency_vote(session: Session, item: AgendaItem, votes_for: int, *, actor: User,
                        majority: Fraction) -> UrgencyVote:
    """Records the urgency vote on ``item``: ``votes_for`` of the members present for it (and
    not withdrawn from it). Once only; refused for an item on the convened agenda, or once the
    vote on the item is open."""
    meeting = session.scalar(select(Meeting).where(Meeting.id == item.meeting_id)
                             .with_for_update()) or item.meeting
    require_open(meeting)
    if not item.is_added_after_convocation:
        raise Conflict("urgency_not_needed", gettext(
            "This item is on the agenda the members were convened with: it needs no urgency "
            "vote."))
    if urgency_vote_of(session, item) is not None:
        raise _voted_already()
    if session.scalar(select(Poll.id).where(Poll.item_id == item.id)) is not None:
        raise Conflict("poll_exists", gettext("This item has already been put to the vote."))
    withdrawn = session.scalars(select(ItemWithdrawal.member_id)
                                .where(ItemWithdrawal.item_id == item.id))
    room = attendance_rules.room_for_item(
        attendance_records(session, meeting.id), item.number,
        [m.member_id for m in sitting(meeting)], withdrawn)
    present = len(room.voters)
    if present == 0:
        raise Conflict("nobody_present", gettext(
            "Nobody is recorded present for this item: record the attendance first."))
    if votes_for is None or not 0 <= votes_for <= present:
        raise InvalidInput("invalid_votes", gettext(
            "Give the number of members who voted for the urgency, between 0 and the "
            "%(present)d present.", present=present))
    check = check_urgency(present, votes_for, majority)
    vote = UrgencyVote(item_id=item.id, present=check.present, votes_for=check.votes_for,
                       required=check.required, is_declared=check.declared,
                       recorded_by_id=actor.id)
    store_once(session, vote, _voted_already)
    audit.record(session, "urgency_voted", actor=actor, object_type="agenda_item",
                 object_id=item.id, present=check.present, votes_for=check.votes_for,
                 required=check.required, declared=check.declared)
    session.commit()
    return vote
