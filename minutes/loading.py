"""Reading everything a procès-verbal needs in a constant number of SQL queries, whatever the
number of items and members: the meeting with its organ, centre, members and items, the floor
(attendance, withdrawals, polls), the open ballots of the whole meeting in one query, the DG.

Only pseudonymised agenda data is read here: never a dossier or an identity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from agenda import sitting as live
from agenda.meetings.queries import viewed_meeting
from agenda.sitting.designations import designation_count
from agenda.sitting.wording import DesignationCount
from council import permissions
from council.models import (
    AgendaItem,
    DecisionRevision,
    ItemKind,
    Meeting,
    Minutes,
    MinutesPart,
    MinutesRevision,
    OpenBallot,
    Poll,
    PollStatus,
    UrgencyVote,
    User,
)
from council.refusals import NotFound
from council.rules.majority import Choice
from council.rules.quorum import quorum_waived
from minutes.content import Correction, ItemFacts, MeetingFacts, Person, Urgency, Vote


@dataclass(frozen=True)
class MinutesSource:
    """A meeting's recorded facts for one part, with the texts of one revision."""

    meeting: Meeting
    language: str
    facts: MeetingFacts


def meeting_for_minutes(session: Session, user: Any, meeting_id: int) -> Meeting:
    """The one loader of a meeting for its minutes (pages and API): ``Denied`` for roles
    without meetings, ``NotFound`` for a meeting whose minutes the user may not see."""
    meeting = viewed_meeting(session, user, meeting_id)
    if not permissions.can_view_minutes(user, meeting):
        raise NotFound(gettext("No such meeting."))
    return meeting


def started_minutes(session: Session, meeting: Meeting) -> Minutes:
    """The minutes of a meeting ``meeting_for_minutes`` gave; ``NotFound`` before the draft."""
    minutes = minutes_of(session, meeting.id)
    if minutes is None:
        raise NotFound(gettext("The minutes of this meeting have not been started yet."),
                       code="no_minutes")
    return minutes


def load_minutes(session: Session, minutes_id: int) -> Minutes | None:
    """The minutes with their revisions (and who saved them) and current document."""
    return session.scalar(
        select(Minutes).where(Minutes.id == minutes_id).options(
            selectinload(Minutes.revisions).selectinload(MinutesRevision.created_by),
            selectinload(Minutes.document)))


def minutes_of(session: Session, meeting_id: int,
               part: MinutesPart = MinutesPart.closed) -> Minutes | None:
    minutes_id = session.scalar(select(Minutes.id).where(Minutes.meeting_id == meeting_id,
                                                         Minutes.part == part))
    return None if minutes_id is None else load_minutes(session, minutes_id)


def items_of_part(meeting: Meeting, part: MinutesPart) -> list[AgendaItem]:
    """The closed-session minutes hold the closed-session items only, and the other way round."""
    closed = part is MinutesPart.closed
    return [item for item in meeting.items if item.is_closed_session is closed]


def initial_content(items: list[AgendaItem]) -> dict[str, Any]:
    """A first revision: each item's deliberation starts as its draft decision."""
    return {"introduction": "", "closing": "",
            "items": {str(item.id): item.draft_decision or "" for item in items}}


def _open_ballots(session: Session, meeting_id: int) -> dict[int, list[tuple[int, Choice]]]:
    """poll id → (member id, choice) for every open vote of the meeting, in one query."""
    ballots: dict[int, list[tuple[int, Choice]]] = {}
    rows = session.execute(
        select(OpenBallot.poll_id, OpenBallot.member_id, OpenBallot.choice)
        .join(Poll, OpenBallot.poll_id == Poll.id)
        .where(Poll.meeting_id == meeting_id, Poll.is_secret.is_(False))
        .order_by(OpenBallot.id))
    for poll_id, member_id, choice in rows:
        ballots.setdefault(poll_id, []).append((member_id, choice))
    return ballots


def _corrections(session: Session, meeting_id: int) -> dict[int, tuple[Correction, ...]]:
    """item id → its decision revisions, oldest first, for the whole meeting in one query."""
    found: dict[int, list[Correction]] = {}
    rows = session.scalars(
        select(DecisionRevision).join(AgendaItem, AgendaItem.id == DecisionRevision.item_id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(DecisionRevision.item_id, DecisionRevision.number))
    for revision in rows:
        found.setdefault(revision.item_id, []).append(
            Correction(made_at=revision.created_at, reason=revision.reason, text=revision.text))
    return {item_id: tuple(corrections) for item_id, corrections in found.items()}


def approved_here(session: Session, meeting_id: int) -> Minutes | None:
    """The earlier minutes this meeting approved through its first item, if it did."""
    return session.scalar(select(Minutes).where(Minutes.approved_at_meeting_id == meeting_id)
                          .order_by(Minutes.id).limit(1))


def _director_general(session: Session) -> str | None:
    return session.scalar(select(User.display_name).where(
        permissions.directors_general_clause(), User.is_enabled.is_(True),
    ).order_by(User.id).limit(1))


def _approval_facts(item: AgendaItem, approved: Minutes | None) -> dict[str, Any]:
    if item.kind is not ItemKind.minutes_approval or approved is None or approved.approval is None:
        return {}
    return {"approval": approved.approval.value,
            "observations": approved.approval_observations or ""}


def load_source(session: Session, minutes: Minutes,
                revision: MinutesRevision | None) -> MinutesSource:
    """The facts of the minutes' part of the meeting, with the texts of ``revision`` (the
    items' draft decisions when there is none yet)."""
    meeting = live.load_meeting(session, minutes.meeting_id)
    assert meeting is not None  # noqa: S101 (a foreign key: the meeting exists)
    floor = live.load_floor(session, meeting)
    items = items_of_part(meeting, minutes.part)
    content = revision.content if revision is not None else initial_content(items)
    texts = content.get("items", {})
    ballots = _open_ballots(session, meeting.id)
    urgencies = {vote.item_id: Urgency(present=vote.present, votes_for=vote.votes_for,
                                       required=vote.required, declared=vote.is_declared)
                 for vote in session.scalars(select(UrgencyVote).where(
                     UrgencyVote.item_id.in_([item.id for item in items])))}
    corrections = _corrections(session, meeting.id)
    approved = approved_here(session, meeting.id)

    def vote(item: AgendaItem) -> Vote | None:
        poll = floor.polls.get(item.id)
        if poll is None or poll.status is not PollStatus.closed:
            return None
        return Vote(outcome=poll.stored_outcome, is_secret=poll.is_secret,
                    ballots=() if poll.is_secret else tuple(ballots.get(poll.id, ())))

    def designation(item: AgendaItem) -> DesignationCount | None:
        poll = floor.polls.get(item.id)
        if (item.kind is not ItemKind.designation or poll is None
                or poll.status is not PollStatus.closed):
            return None
        return designation_count(poll, list(item.candidates))

    facts = MeetingFacts(
        organ=meeting.organ.name,
        starts_at=meeting.opened_at or meeting.starts_at,
        place=meeting.place,
        is_closed_part=minutes.part is MinutesPart.closed,
        members=tuple(Person(id=m.member.id, name=m.member.full_name, sex=m.member.sex.value,
                             is_president=m.member.is_president) for m in floor.members),
        director_general=_director_general(session),
        records=tuple(floor.records),
        items=tuple(
            ItemFacts(id=item.id, number=item.number, title=item.title, kind=item.kind.value,
                      status=item.status.value,
                      text=texts.get(str(item.id), item.draft_decision or ""),
                      vote=vote(item), urgency=urgencies.get(item.id),
                      designation=designation(item),
                      quorum_waived=quorum_waived(meeting.convocation_round,
                                                  item.times_on_agenda),
                      withdrawals=tuple(w.member_id
                                        for w in floor.withdrawals.get(item.id, ())),
                      corrections=corrections.get(item.id, ()),
                      **_approval_facts(item, approved))
            for item in items),
        introduction=content.get("introduction", ""),
        closing=content.get("closing", ""),
        closed_at=meeting.closed_at,
    )
    return MinutesSource(meeting=meeting, language=meeting.organ.centre.language.value,
                         facts=facts)
