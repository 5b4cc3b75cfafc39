"""The meeting in session, its writes: attendance, withdrawals, polls and ballots (issue 4); the
reads (the floor, the quorum for an item) are in ``agenda.sitting.floor``.

Every use case takes the session first and the acting user as ``actor=``, checks the state,
writes and commits once; a refused action raises a ``SessionError`` (``InvalidInput`` → 400,
``NotAllowed`` → 403, ``Conflict`` → 409) and leaves nothing half-stored. Nothing is kept in
process memory: any worker can serve the next request.

Concurrency: casting and closing lock the poll row (``SELECT … FOR UPDATE`` on PostgreSQL;
SQLite transactions start with ``BEGIN IMMEDIATE``, so writers are serial), and the unique
constraints on (poll, member) turn a second ballot into a 409 even when two arrive at once.

Secret ballots: the participation and the choice are written in the same transaction (an
acknowledged ballot survives a crash), so the journal, the physical order of rows and
PostgreSQL's ``xmin`` pair them; the choice is therefore stored only sealed under the poll's key
(``council.crypto.seal``: AES-GCM, random nonce, one length for every choice), which is not in
the database. Closing decrypts and counts, keeps the counts on the poll, deletes the sealed
choices and erases what they left in the journal or as dead rows (``council.db.erase_deleted``).
What each insider can still learn is in docs/security.md.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext, lazy_gettext
from sqlalchemy import delete, exists, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from agenda.guard import guard_texts
from agenda.sitting.floor import (
    attendance_records,
    ballots_in,
    has_voted,
    is_withdrawn,
    quorum_for,
    sitting,
)
from agenda.sitting.wording import outcome_sentence
from council import crypto, permissions
from council.db import erase_deleted
from council.models import (
    AgendaItem,
    AttendanceRecord,
    ItemKind,
    ItemStatus,
    ItemWithdrawal,
    Meeting,
    MeetingStatus,
    Member,
    OpenBallot,
    OrganMembership,
    Poll,
    PollOutcome,
    PollStatus,
    SecretBallot,
    SecretParticipation,
    UrgencyVote,
    User,
)
from council.models.base import utcnow
from council.refusals import CodedRefusal
from council.rules import attendance as attendance_rules
from council.rules.attendance import Presence
from council.rules.majority import (
    OPEN_CHOICES,
    Choice,
    Outcome,
    TieRule,
    VoteSettings,
    choices_for,
    decide,
)
from council.services import audit

NOT_VOTABLE = (ItemStatus.decided, ItemStatus.postponed, ItemStatus.withdrawn)
REASON_MAX = 1000
#: key of ``by_group`` for members presented by no political group
INDEPENDENT = "independent"
#: bytes of a choice before sealing: every choice is padded to it, so all seals have one length
CHOICE_BYTES = max(len(c.value) for c in Choice)


class SessionError(CodedRefusal):
    """A refused action in the sitting (``details``: the quorum's figures, when it fails)."""


class InvalidInput(SessionError):
    status = 400


class NotAllowed(SessionError):
    status = 403


class Conflict(SessionError):
    status = 409


def vote_settings(config: Mapping[str, Any]) -> VoteSettings:
    """The tie rules from the configuration (``COUNCIL_TIE_RULE_OPEN``/``_SECRET``)."""
    return VoteSettings(open_tie_rule=TieRule(config["COUNCIL_TIE_RULE_OPEN"]),
                        secret_tie_rule=TieRule(config["COUNCIL_TIE_RULE_SECRET"]))


# --- Attendance and withdrawals -----------------------------------------------------------


def _sitting_member(meeting: Meeting, member_id: Any) -> OrganMembership:
    membership = next((m for m in sitting(meeting) if m.member_id == member_id), None)
    if membership is None:
        raise InvalidInput("unknown_member",
                           gettext("This member does not sit on the organ of this meeting."))
    return membership


def require_open(meeting: Meeting) -> None:
    """Attendance, polls and ballots are recorded only while the sitting is open
    (``agenda.sitting.lifecycle`` opens and closes it)."""
    if meeting.status is MeetingStatus.closed:
        raise _sitting_closed()
    if meeting.status is not MeetingStatus.in_progress:
        raise _sitting_not_open()


def _sitting_closed() -> Conflict:
    return Conflict("sitting_closed",
                    gettext("The sitting is closed: nothing more can be recorded in it."))


def _sitting_not_open() -> Conflict:
    return Conflict("sitting_not_open", gettext(
        "The sitting is not open: the president or the DG opens it on the meeting's day."))


def record_attendance(session: Session, meeting: Meeting, member_id: int, status: Presence,
                      from_item_id: int | None = None, *, actor: User) -> AttendanceRecord:
    """Records a member present, absent or excused, for the whole meeting or from an item on
    (an arrival or a departure). Records are never changed: a new one overrides."""
    require_open(meeting)
    _sitting_member(meeting, member_id)
    if from_item_id is not None and all(i.id != from_item_id for i in meeting.items):
        raise InvalidInput("unknown_item", gettext("This item is not on the meeting's agenda."))
    record = AttendanceRecord(meeting_id=meeting.id, member_id=member_id, status=status,
                              from_item_id=from_item_id, recorded_by_id=actor.id)
    session.add(record)
    session.flush()
    audit.record(session, "attendance_recorded", actor=actor, object_type="meeting",
                 object_id=meeting.id, member_id=member_id, status=status.value,
                 from_item_id=from_item_id)
    session.commit()
    return record


def declare_withdrawal(session: Session, item: AgendaItem, member_id: int, reason: str, *,
                       actor: User) -> ItemWithdrawal:
    """A member leaves the room for an item (conflict of interest), from now on. The reason is
    kept for the DG (the minutes say that the member withdrew, not why) and passes the
    identity guard all the same: it often names the applicant's family or street."""
    reason = (reason or "").strip()
    if not reason or len(reason) > REASON_MAX:
        raise InvalidInput("invalid_reason", gettext(
            "Give the reason for the withdrawal (at most %(max)d characters).", max=REASON_MAX))
    meeting = item.meeting
    guard_texts(session, {"reason": reason}, labels={"reason": lazy_gettext("Reason")},
                actor=actor, meeting=meeting, object_type="agenda_item", object_id=item.id)
    _sitting_member(meeting, member_id)
    if meeting.status in (MeetingStatus.closed, MeetingStatus.cancelled):
        raise Conflict("meeting_closed", gettext("The meeting is closed."))
    if is_withdrawn(session, item.id, member_id):
        raise _already_withdrawn()
    poll = session.scalar(select(Poll).where(Poll.item_id == item.id).with_for_update())
    if poll is not None and not poll.is_open:
        raise Conflict("poll_closed", gettext("The vote on this item is closed."))
    if poll is not None and has_voted(session, poll, member_id):
        raise Conflict("already_voted", gettext("This member has already voted on this item."))
    withdrawal = ItemWithdrawal.declared(item_id=item.id, member_id=member_id, reason=reason,
                                         declared_by_id=actor.id)
    store_once(session, withdrawal, _already_withdrawn)
    audit.record(session, "withdrawal_declared", actor=actor, object_type="agenda_item",
                 object_id=item.id, member_id=member_id)
    session.commit()
    return withdrawal


def _already_withdrawn() -> Conflict:
    return Conflict("already_withdrawn",
                    gettext("This member has already withdrawn from this item."))


def _poll_exists() -> Conflict:
    return Conflict("poll_exists", gettext("This item has already been put to the vote."))


def store_once(session: Session, row: object, conflict: Callable[[], Conflict]) -> None:
    """Adds ``row``, or refuses with ``conflict()`` when a concurrent request stored its twin
    first (a unique constraint): nothing of this request is kept."""
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise conflict() from None


# --- Polls ---------------------------------------------------------------------------------


def open_poll(session: Session, item: AgendaItem, *, actor: User,
              secret: bool | None = None) -> Poll:
    """Opens the vote on an item; refused without quorum (``Conflict`` with the figures)."""
    meeting = session.scalar(select(Meeting).where(Meeting.id == item.meeting_id)
                             .with_for_update()) or item.meeting
    try:
        require_open(meeting)
    except Conflict:
        session.rollback()
        raise
    if item.status in NOT_VOTABLE:
        raise Conflict("item_not_votable", gettext("This item can no longer be voted on."))
    if secret is False and item.kind.is_secret_only:
        raise InvalidInput("secret_required",
                           gettext("Matters of persons (personnel) are voted by secret ballot."))
    existing = session.scalars(select(Poll).where(Poll.meeting_id == meeting.id)).all()
    if any(p.item_id == item.id for p in existing):
        raise _poll_exists()
    if item.is_added_after_convocation and not session.scalar(
            select(UrgencyVote.is_declared).where(UrgencyVote.item_id == item.id)):
        raise Conflict("urgency_not_declared", gettext(
            "This item is not on the agenda the members were convened with: it is taken only "
            "once an urgency vote has declared it urgent."))
    if any(p.is_open for p in existing):
        raise Conflict("another_poll_open",
                       gettext("Another vote of this meeting is still open: close it first."))
    members = sitting(meeting)
    room = attendance_rules.room_for_item(
        attendance_records(session, meeting.id), item.number, [m.member_id for m in members],
        [w.member_id for w in session.scalars(
            select(ItemWithdrawal).where(ItemWithdrawal.item_id == item.id))])
    quorum = quorum_for(meeting, len(members), room, item=item)
    if not quorum.met:
        raise Conflict("no_quorum", gettext(
            "The quorum is not met: %(present)d members present for this item, %(required)d "
            "required.", present=quorum.present, required=quorum.required),
            required=quorum.required, present=quorum.present)
    if item.kind in KIND_COUNTS:
        KIND_COUNTS[item.kind].ready(item)
    is_secret = item.kind.is_secret_only or bool(secret) or (
        secret is None and item.is_secret_ballot)
    poll = Poll(item_id=item.id, meeting_id=meeting.id, is_secret=is_secret,
                status=PollStatus.open, quorum_required=quorum.required,
                quorum_present=quorum.present, opened_by_id=actor.id)
    item.status = ItemStatus.voting
    meeting.take_item(item, utcnow())
    store_once(session, poll, _poll_exists)
    audit.record(session, "poll_opened", actor=actor, object_type="agenda_item",
                 object_id=item.id, secret=is_secret)
    session.commit()
    return poll


def locked_poll(session: Session, item_id: int) -> Poll:
    """The item's poll, locked (``SELECT … FOR UPDATE``), if it is open."""
    poll = session.scalar(select(Poll).where(Poll.item_id == item_id).with_for_update())
    if poll is None:
        raise Conflict("poll_not_open", gettext("The vote on this item is not open."))
    if not poll.is_open:
        raise Conflict("poll_closed", gettext("The vote on this item is closed."))
    return poll


@dataclass(frozen=True)
class BallotAccess:
    """What the API needs to answer a ballot before casting it, read in one query."""

    visible: bool
    withdrawn: bool


def ballot_access(session: Session, item_id: int, user: User) -> BallotAccess | None:
    """None when the item does not exist; otherwise whether the user may see it (the SQL
    form of ``permissions.can_view_meeting``) and whether they withdrew from it."""
    withdrawn = exists(select(ItemWithdrawal.id).where(
        ItemWithdrawal.item_id == AgendaItem.id, ItemWithdrawal.member_id == user.member_id))
    row = session.execute(
        select(permissions.visible_meetings_clause(user), withdrawn)
        .select_from(AgendaItem).join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(AgendaItem.id == item_id)).first()
    if row is None:
        return None
    return BallotAccess(visible=bool(row[0]), withdrawn=bool(row[1]) and bool(user.member_id))


@dataclass(frozen=True)
class CastPoll:
    """The poll a ballot went into (columns only: the hot path loads no entity)."""

    id: int
    meeting_id: int
    is_secret: bool
    ballot_salt: bytes | None
    #: a designation (``agenda.sitting.designations``): its ballots tick candidates
    is_designation: bool = False


def ballot_purpose(poll_id: int) -> str:
    return f"secret ballot of poll {poll_id}"


def _sealed_choice(choice: Choice, poll: CastPoll) -> bytes:
    return crypto.seal(choice.value.encode().ljust(CHOICE_BYTES), salt=poll.ballot_salt,
                       purpose=ballot_purpose(poll.id))


def _locked_poll_columns(session: Session, item_id: int,
                         member_id: int) -> tuple[CastPoll, int, bool]:
    """As ``locked_poll``, reading columns rather than the entity."""
    withdrawn = exists(select(ItemWithdrawal.id).where(ItemWithdrawal.item_id == item_id,
                                                       ItemWithdrawal.member_id == member_id))
    row = session.execute(
        select(Poll.id, Poll.meeting_id, Poll.is_secret, Poll.ballot_salt, Poll.status,
               AgendaItem.number, withdrawn, Meeting.status, AgendaItem.kind)
        .join(AgendaItem, Poll.item_id == AgendaItem.id)
        .join(Meeting, Poll.meeting_id == Meeting.id)
        .where(Poll.item_id == item_id).with_for_update(of=Poll)).first()
    if row is None:
        raise Conflict("poll_not_open", gettext("The vote on this item is not open."))
    if row[7] is MeetingStatus.closed:
        raise _sitting_closed()
    if row[7] is not MeetingStatus.in_progress:
        raise _sitting_not_open()
    if row.status is not PollStatus.open:
        raise Conflict("poll_closed", gettext("The vote on this item is closed."))
    return (CastPoll(row.id, row.meeting_id, row.is_secret, row.ballot_salt,
                     is_designation=row.kind is ItemKind.designation), row.number, bool(row[6]))


def voter_checks(session: Session, item_id: int, member_id: int) -> CastPoll:
    """The item's open poll, locked, once it is checked that the member may vote on it now:
    present in the room for the item, not withdrawn from it."""
    poll, number, withdrawn = _locked_poll_columns(session, item_id, member_id)
    if withdrawn:
        raise NotAllowed("withdrawn", gettext("This member withdrew from this item and "
                                              "may not vote on it."))
    presence = attendance_rules.presence_at(
        attendance_records(session, poll.meeting_id, member_id), number, [member_id])
    if presence[member_id] is not Presence.present:
        raise NotAllowed("not_present", gettext(
            "Only the members present in the room for this item vote on it."))
    return poll


@contextmanager
def storing_ballot(session: Session) -> Iterator[None]:
    """One ballot's checks and inserts as one unit: committed when they pass; a second ballot
    of the member (the unique constraint) or a refusal rolls everything back."""
    try:
        yield
    except IntegrityError:
        session.rollback()
        raise Conflict("already_voted", gettext("This member has already voted on this item.")
                       ) from None
    except SessionError:
        session.rollback()
        raise
    session.commit()


def cast_ballot(session: Session, item_id: int, member_id: int, choice: Choice, *,
                actor: User) -> CastPoll:
    """Records one member's vote: from their own screen, or (open votes only) by the
    president or the DG on a show of hands. One per member and poll."""
    with storing_ballot(session):
        poll = voter_checks(session, item_id, member_id)
        if poll.is_designation:
            raise InvalidInput("designation_ballot", gettext(
                "A designation is voted by ticking candidates, not by yes or no."))
        if actor.member_id != member_id and poll.is_secret:
            raise Conflict("secret_ballot", gettext(
                "A secret ballot is cast by each member from their own screen."))
        if choice.is_secret_only and not poll.is_secret:
            raise InvalidInput("invalid_choice", gettext(
                "A blank or null ballot exists only in a secret ballot: choose yes, no or "
                "abstain."))
        # Core inserts: no identity to track, one statement each (the hot path of a vote)
        if poll.is_secret:
            session.execute(insert(SecretParticipation).values(
                id=uuid.uuid4(), poll_id=poll.id, member_id=member_id))
            session.execute(insert(SecretBallot).values(
                id=uuid.uuid4(), poll_id=poll.id, sealed_choice=_sealed_choice(choice, poll)))
        else:
            session.execute(insert(OpenBallot).values(
                poll_id=poll.id, member_id=member_id, choice=choice, recorded_by_id=actor.id,
                cast_at=utcnow()))
    return poll


@dataclass(frozen=True)
class PollResult:
    poll: Poll
    outcome: Outcome
    sentence: str
    #: open votes only: group name → {"yes", "no", "abstain"}
    by_group: dict[str, dict[str, int]] | None
    #: open votes only: (member, choice), in the order of the organ's members
    votes: list[tuple[Member, Choice]] | None
    #: designations only: the votes per candidate and the verdict
    #: (``agenda.sitting.designations``)
    designation: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "yes": self.outcome.yes, "no": self.outcome.no, "abstain": self.outcome.abstain,
            **({"blank": self.outcome.blank, "null": self.outcome.null}
               if self.poll.is_secret else {}),
            "outcome": (PollOutcome.adopted if self.outcome.adopted
                        else PollOutcome.rejected).value,
            "secret": self.poll.is_secret,
            "sentence": self.sentence,
        }
        if self.designation is not None:
            result["designation"] = self.designation
        if self.by_group is not None and self.votes is not None:
            result["by_group"] = self.by_group
            result["votes"] = [{"member_id": m.id, "name": m.full_name,
                                "group": m.group.name if m.group else None,
                                "choice": c.value} for m, c in self.votes]
        return result


@dataclass(frozen=True)
class KindCount:
    """How the polls of an item kind that is not voted yes or no are run: the check before the
    poll opens, the count at close and the stored result (``agenda.sitting.designations``
    registers the designation's in ``KIND_COUNTS`` when ``agenda.sitting`` is imported)."""

    ready: Callable[[AgendaItem], None]
    close: Callable[..., PollResult]
    result: Callable[[Session, Poll, str], PollResult]


#: the item kinds whose polls ``KindCount`` runs
KIND_COUNTS: dict[ItemKind, KindCount] = {}


def _tally(choices: Iterable[Choice], offered: Iterable[Choice] = OPEN_CHOICES
           ) -> dict[str, int]:
    """The count of each choice ``offered`` (an open vote's three, unless told)."""
    counts = Counter(choices)
    return {c.value: counts.get(c, 0) for c in offered}


def _open_votes(session: Session, poll: Poll) -> list[tuple[Member, Choice]]:
    rows = session.execute(
        select(OpenBallot).where(OpenBallot.poll_id == poll.id)
        .options(selectinload(OpenBallot.member).selectinload(Member.group))).scalars()
    return sorted(((b.member, b.choice) for b in rows),
                  key=lambda v: (not v[0].is_president, v[0].last_name, v[0].id))


def poll_result(session: Session, poll: Poll, language: str) -> PollResult:
    """The tally of a closed poll, as stored when it was closed."""
    if poll.item.kind in KIND_COUNTS:
        return KIND_COUNTS[poll.item.kind].result(session, poll, language)
    outcome = poll.stored_outcome
    by_group = votes = None
    if not poll.is_secret:
        votes = _open_votes(session, poll)
        groups: dict[str, list[Choice]] = {}
        for member, choice in votes:
            groups.setdefault(member.group.name if member.group else INDEPENDENT,
                              []).append(choice)
        by_group = {name: _tally(choices) for name, choices in groups.items()}
    sentence = outcome_sentence(outcome, is_secret=poll.is_secret, language=language)
    return PollResult(poll=poll, outcome=outcome, sentence=sentence, by_group=by_group,
                      votes=votes)


def _secret_choices(session: Session, poll: Poll) -> list[Choice]:
    """The poll's sealed choices, opened (``secret_payloads``)."""
    return [Choice(payload.decode().rstrip()) for payload in secret_payloads(session, poll)]


def secret_payloads(session: Session, poll: Poll) -> list[bytes]:
    """The poll's sealed ballots, opened; refused unless each is stored once and there is one
    per participation (a row deleted or copied in the database: a DBA cannot read or forge
    one, but could do that)."""
    sealed = list(session.scalars(select(SecretBallot.sealed_choice)
                                  .where(SecretBallot.poll_id == poll.id)))
    if len(set(sealed)) != len(sealed) or len(sealed) != ballots_in(session, poll):
        raise Conflict("ballots_altered", gettext(
            "The stored ballots do not match the members who voted: this vote cannot be "
            "counted. Tell the IT administrator."))
    return [crypto.unseal(value, salt=poll.ballot_salt, purpose=ballot_purpose(poll.id))
            for value in sealed]


def close_poll(session: Session, item: AgendaItem, *, actor: User, settings: VoteSettings,
               language: str) -> PollResult:
    """Closes the vote and decides it (absolute majority of the votes cast, the tie rules of
    ``settings``). A secret poll's sealed choices are decrypted and counted, only the counts
    are kept, the ballots are deleted in the same transaction, and what they left in the
    journal or as dead rows is erased after the commit. An item kind of ``KIND_COUNTS`` (a
    designation) is counted by its own function."""
    if item.kind in KIND_COUNTS:
        return KIND_COUNTS[item.kind].close(session, item, actor=actor, language=language)
    try:
        poll = locked_poll(session, item.id)
        if poll.is_secret:
            choices = _secret_choices(session, poll)
            president_choice = None
    except SessionError:
        session.rollback()
        raise
    if not poll.is_secret:
        votes = session.execute(
            select(OpenBallot.choice, Member.is_president).join(Member)
            .where(OpenBallot.poll_id == poll.id)).all()
        choices = [c for c, _ in votes]
        president_choice = next((c for c, is_president in votes if is_president), None)
    tally = _tally(choices, choices_for(poll.is_secret))
    outcome = decide(tally["yes"], tally["no"], tally["abstain"], is_secret=poll.is_secret,
                     settings=settings, president_choice=president_choice,
                     blank=tally.get("blank", 0), null=tally.get("null", 0))
    poll.close(actor, outcome.yes, outcome.no, outcome.abstain, adopted=outcome.adopted,
               by_tie_rule=outcome.decided_by_tie_rule, blank=outcome.blank, null=outcome.null)
    item.status = ItemStatus.decided
    if poll.is_secret:
        session.execute(delete(SecretBallot).where(SecretBallot.poll_id == poll.id))
    audit.record(session, "poll_closed", actor=actor, object_type="agenda_item",
                 object_id=item.id, outcome=poll.outcome.value if poll.outcome else None)
    session.commit()
    if poll.is_secret:
        erase_deleted(session, SecretBallot.__tablename__)
    return poll_result(session, poll, language)

