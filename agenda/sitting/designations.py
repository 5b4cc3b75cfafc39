"""Designations (LO art. 27 §6; DOMAIN.md "Secret ballot"): the members of the bureau permanent
and of the committees (CSSS), and the presentation of candidates, designated by a secret ballot in
one round among candidates entered on the item by the DG or the secretariat.

Each member present ticks up to as many candidates as there are seats, or casts a blank or null
ballot. The ballot is stored like every secret ballot (``agenda.sitting.service``): a
``SecretParticipation`` says who voted, a ``SecretBallot`` holds the ticks only sealed under the
poll's key, in one padded length for every ballot of every designation, and closing counts,
keeps the votes per candidate and erases the ballots. ``council.rules.elections.designate``
decides: the most votes, the oldest on equal votes; the result is void when the president and
the elected are not of both sexes, and a new item then holds a new ballot for the same seats
(a poll is unique per item).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext, lazy_gettext
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from agenda.guard import guard_texts
from agenda.sitting.floor import sitting
from agenda.sitting.service import (
    KIND_COUNTS,
    CastPoll,
    Conflict,
    InvalidInput,
    KindCount,
    PollResult,
    SessionError,
    ballot_purpose,
    locked_poll,
    secret_payloads,
    store_once,
    storing_ballot,
    voter_checks,
)
from agenda.sitting.wording import CandidateVotes, DesignationCount, designation_sentence
from council import crypto
from council.db import erase_deleted
from council.i18n import catalog
from council.models import (
    AgendaItem,
    DesignationCandidate,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Member,
    Poll,
    SecretBallot,
    SecretParticipation,
    Sex,
    User,
)
from council.models.designations import CANDIDATE_NAME_MAX
from council.rules.elections import Candidate, designate
from council.rules.errors import RuleError, UnresolvedTie
from council.rules.majority import Choice
from council.services import audit
from council.typed_dates import check_typed_date

#: candidates one designation item can have (the ballot's fixed length depends on it)
MAX_CANDIDATES = 60
#: seats one designation item can fill
MAX_SEATS = 30
#: bytes of a designation ballot before sealing: a kind letter, then one tick per possible
#: candidate; every ballot is padded to it, so all designation seals have one length
BALLOT_BYTES = 1 + MAX_CANDIDATES
VOTE, BLANK, NULL = "V", "B", "N"
EDITABLE = (MeetingStatus.draft, MeetingStatus.convened, MeetingStatus.in_progress)


class InvalidBirthDate(InvalidInput):
    """A candidate's date of birth outside the span a user may type."""

    def __init__(self, message: str) -> None:
        super().__init__("invalid_birth_date", message)


def _designation(item: AgendaItem) -> None:
    if item.kind is not ItemKind.designation:
        raise InvalidInput("not_a_designation", gettext("This item is not a designation."))


def _candidates_editable(session: Session, item: AgendaItem) -> None:
    _designation(item)
    if item.meeting.status not in EDITABLE:
        raise Conflict("meeting_closed", gettext("The meeting is closed."))
    if session.scalar(select(Poll.id).where(Poll.item_id == item.id)) is not None:
        raise Conflict("poll_exists", gettext(
            "The ballot on this designation is open or counted: its candidates and seats can "
            "no longer change."))


# --- Candidates and seats (the DG or the secretariat) ---------------------------------------


def set_seats(session: Session, item: AgendaItem, seats: int, *, actor: User) -> AgendaItem:
    """The number of seats the designation fills (the president's seat is not among them)."""
    _candidates_editable(session, item)
    if not 1 <= seats <= MAX_SEATS:
        raise InvalidInput("invalid_seats", gettext(
            "The number of seats is between 1 and %(max)d.", max=MAX_SEATS))
    item.seats = seats
    audit.record(session, "designation_seats_set", actor=actor, object_type="agenda_item",
                 object_id=item.id, seats=seats)
    session.commit()
    return item


def add_candidate(session: Session, item: AgendaItem, *, actor: User,
                  member_id: int | None = None, name: str | None = None,
                  sex: Sex | None = None, birth_date: date | None = None,
                  override_reason: str | None = None) -> DesignationCandidate:
    """Enters a candidate: a member of the council (``member_id``: a public office holder,
    named as the member list names them; the member's recorded sex and birth date, unless
    given), or another person presented (``name``, ``sex`` and ``birth_date``, the name
    passing the identity guard: it must not be a beneficiary's)."""
    _candidates_editable(session, item)
    if len(item.candidates) >= MAX_CANDIDATES:
        raise InvalidInput("too_many_candidates", gettext(
            "A designation has at most %(max)d candidates.", max=MAX_CANDIDATES))
    if member_id is not None:
        member = session.get(Member, member_id)
        if member is None or member.centre_id != item.meeting.organ.centre_id:
            raise InvalidInput("unknown_member", gettext("This member is not on the council."))
        name, sex = member.full_name, sex or member.sex
        birth_date = birth_date or member.birth_date
    else:
        name = " ".join((name or "").split())
        if not name or len(name) > CANDIDATE_NAME_MAX:
            raise InvalidInput("invalid_candidate", gettext(
                "Give the candidate's name (at most %(max)d characters).",
                max=CANDIDATE_NAME_MAX))
        guard_texts(session, {"name": name}, labels={"name": lazy_gettext("Candidate")},
                    actor=actor, meeting=item.meeting, override_reason=override_reason,
                    object_type="agenda_item", object_id=item.id)
    if sex is None or birth_date is None:
        raise InvalidInput("candidate_facts", gettext(
            "Give the candidate's sex and date of birth: the mixity rule and a tie (the "
            "oldest is elected) need them."))
    check_typed_date(birth_date, lazy_gettext("The date of birth"), InvalidBirthDate,
                     birth=True)
    candidate = DesignationCandidate(item_id=item.id, member_id=member_id, name=name, sex=sex,
                                     birth_date=birth_date, entered_by_id=actor.id)
    store_once(session, candidate, lambda: Conflict(
        "candidate_exists", gettext("This candidate is already on the item.")))
    audit.record(session, "designation_candidate_added", actor=actor, object_type="agenda_item",
                 object_id=item.id, candidate_id=candidate.id, member_id=member_id)
    session.commit()
    session.expire(item, ["candidates"])
    return candidate


def remove_candidate(session: Session, item: AgendaItem, candidate_id: int, *,
                     actor: User) -> None:
    _candidates_editable(session, item)
    candidate = next((c for c in item.candidates if c.id == candidate_id), None)
    if candidate is None:
        raise InvalidInput("unknown_candidate", gettext("This candidate is not on the item."))
    session.delete(candidate)
    audit.record(session, "designation_candidate_removed", actor=actor,
                 object_type="agenda_item", object_id=item.id, candidate_id=candidate_id)
    session.commit()
    session.expire(item, ["candidates"])


def _president(meeting: Meeting) -> Member | None:
    return next((m.member for m in sitting(meeting) if m.member.is_president), None)


def _president_sex(meeting: Meeting, candidates: list[DesignationCandidate]) -> str | None:
    """The sex of the organ's president, or None when the president stands (the ballot then
    designates the president too) or the organ has none."""
    president = _president(meeting)
    if president is None or any(c.member_id == president.id for c in candidates):
        return None
    return president.sex.value


def require_ready(item: AgendaItem) -> None:
    """Refuses to open the ballot of a designation without its seats, with fewer candidates
    than seats, or with candidates who, with the president, are all of one sex (no ballot could
    then stand: ``council.rules.elections.designate``)."""
    candidates = list(item.candidates)
    if not item.seats or len(candidates) < item.seats:
        raise Conflict("designation_not_ready", gettext(
            "Enter the number of seats and at least as many candidates before opening the "
            "ballot."))
    sexes = {_president_sex(item.meeting, candidates), *(c.sex.value for c in candidates)}
    if not {Sex.female.value, Sex.male.value} <= sexes:
        raise Conflict("designation_one_sex", gettext(
            "The president and the candidates are all of one sex: no ballot could represent "
            "both sexes (LO art. 27 §6). Present candidates of the other sex."))


# --- The ballot (each member present, from their own screen) --------------------------------


@dataclass(frozen=True)
class DesignationBallot:
    """What a member puts in the urn: the candidates ticked, or a blank or null ballot."""

    ticked: frozenset[int] = frozenset()
    #: ``Choice.blank`` or ``Choice.null``; None for a ballot ticking candidates
    spoilt: Choice | None = None


def _encoded(ballot: DesignationBallot, candidate_ids: list[int]) -> bytes:
    if ballot.spoilt is not None:
        text = BLANK if ballot.spoilt is Choice.blank else NULL
    else:
        text = VOTE + "".join("1" if c in ballot.ticked else "0" for c in candidate_ids)
    return text.ljust(BALLOT_BYTES, "0").encode()


def _decoded(payload: bytes, candidate_ids: list[int]) -> DesignationBallot:
    text = payload.decode()
    if text[0] == BLANK:
        return DesignationBallot(spoilt=Choice.blank)
    if text[0] == NULL:
        return DesignationBallot(spoilt=Choice.null)
    return DesignationBallot(ticked=frozenset(
        c for c, tick in zip(candidate_ids, text[1:], strict=False) if tick == "1"))


def _candidate_ids(session: Session, item_id: int) -> list[int]:
    return list(session.scalars(select(DesignationCandidate.id)
                                .where(DesignationCandidate.item_id == item_id)
                                .order_by(DesignationCandidate.id)))


def cast_designation_ballot(session: Session, item_id: int, member_id: int,
                            ballot: DesignationBallot, *, actor: User) -> CastPoll:
    """Records one member's designation ballot, from their own screen: up to as many
    candidates of the item as there are seats, or blank, or null. One per member and poll."""
    with storing_ballot(session):
        poll = voter_checks(session, item_id, member_id)
        if not poll.is_designation:
            raise InvalidInput("not_a_designation", gettext("This item is not a designation."))
        if actor.member_id != member_id:
            raise Conflict("secret_ballot", gettext(
                "A secret ballot is cast by each member from their own screen."))
        seats = session.scalar(select(AgendaItem.seats).where(AgendaItem.id == item_id)) or 0
        candidate_ids = _candidate_ids(session, item_id)
        if ballot.spoilt is not None:
            if ballot.ticked or ballot.spoilt not in (Choice.blank, Choice.null):
                raise InvalidInput("invalid_choice", gettext(
                    "Tick candidates, or cast a blank or a null ballot."))
        elif not ballot.ticked:
            raise InvalidInput("no_candidate_ticked", gettext(
                "Tick at least one candidate, or cast a blank ballot."))
        elif not ballot.ticked <= set(candidate_ids):
            raise InvalidInput("unknown_candidate", gettext(
                "A ticked candidate does not stand on this designation."))
        elif len(ballot.ticked) > seats:
            raise InvalidInput("too_many_ticks", gettext(
                "Tick at most %(seats)d candidate(s): there are %(seats)d seat(s) to fill.",
                seats=seats))
        sealed = crypto.seal(_encoded(ballot, candidate_ids), salt=poll.ballot_salt,
                             purpose=ballot_purpose(poll.id))
        session.execute(insert(SecretParticipation).values(
            id=uuid.uuid4(), poll_id=poll.id, member_id=member_id))
        session.execute(insert(SecretBallot).values(
            id=uuid.uuid4(), poll_id=poll.id, sealed_choice=sealed))
    return poll


# --- The count ------------------------------------------------------------------------------


def _decided_by_age(candidates: list[Candidate], elected: tuple[str, ...]) -> bool:
    """Whether a candidate left out had as many votes as one elected (age decided)."""
    least = min((c.votes for c in candidates if c.name in elected), default=None)
    return least is not None and any(c.votes == least for c in candidates
                                     if c.name not in elected)


def close_designation(session: Session, item: AgendaItem, *, actor: User,
                      language: str) -> PollResult:
    """Closes the ballot of a designation: opens and counts the sealed ballots, keeps the votes
    per candidate, deletes the ballots (erased from the journal after the commit) and applies
    LO art. 27 §6 (``designate``). A void result (mixity, or a tie age cannot decide) puts a
    new designation item with the same seats and candidates on the meeting."""
    try:
        poll = locked_poll(session, item.id)
        candidates = list(item.candidates)
        ids = [c.id for c in candidates]
        ballots = [_decoded(payload, ids) for payload in secret_payloads(session, poll)]
    except SessionError:
        session.rollback()
        raise
    spoilt = Counter(b.spoilt for b in ballots if b.spoilt is not None)
    votes = Counter(c for b in ballots for c in b.ticked)
    ranked = [Candidate(name=str(c.id), votes=votes.get(c.id, 0), birth_date=c.birth_date,
                        sex=c.sex.value) for c in candidates]
    try:
        result = designate(ranked, item.seats or 0,
                           president_sex=_president_sex(item.meeting, candidates))
        elected, is_void = result.ballot_elected, result.is_void
    except UnresolvedTie:
        elected, is_void = (), True
    except RuleError as error:  # refused when the ballot was opened: stored data changed
        session.rollback()
        raise Conflict("designation_not_ready", str(error)) from None
    for candidate in candidates:
        candidate.votes = votes.get(candidate.id, 0)
        candidate.is_elected = str(candidate.id) in elected
    valid = sum(1 for b in ballots if b.spoilt is None)
    poll.close(actor, valid, 0, 0, adopted=not is_void,
               by_tie_rule=_decided_by_age(ranked, elected),
               blank=spoilt.get(Choice.blank, 0), null=spoilt.get(Choice.null, 0))
    item.status = ItemStatus.decided
    session.execute(delete(SecretBallot).where(SecretBallot.poll_id == poll.id))
    revote = _new_ballot_item(session, item, candidates) if is_void else None
    audit.record(session, "designation_counted", actor=actor, object_type="agenda_item",
                 object_id=item.id, void=is_void, new_item_id=revote.id if revote else None)
    session.commit()
    erase_deleted(session, SecretBallot.__tablename__)
    return designation_result(session, poll, language)


def _new_ballot_item(session: Session, item: AgendaItem,
                     candidates: list[DesignationCandidate]) -> AgendaItem:
    """The new ballot after a void one (LO art. 27 §6: "until they are"), on the same meeting,
    for the same seats (the president's is never among them) and candidates. It is the law's
    continuation of an item on the agenda, not a new matter: no urgency vote."""
    meeting = item.meeting
    words = catalog(meeting.organ.centre.language.value)
    suffix = words.gettext(" (new ballot)")
    original = session.get(AgendaItem, item.revote_of_id) if item.revote_of_id else item
    title = (original or item).title[:300 - len(suffix)] + suffix
    revote = AgendaItem(
        meeting_id=meeting.id, number=max(i.number for i in meeting.items) + 1,
        kind=ItemKind.designation, title=title, is_closed_session=True, is_secret_ballot=True,
        is_urgent=item.is_urgent, times_on_agenda=item.times_on_agenda, seats=item.seats,
        revote_of_id=item.id, draft_decision=item.draft_decision)
    session.add(revote)
    session.flush()
    for candidate in candidates:
        session.add(DesignationCandidate(
            item_id=revote.id, member_id=candidate.member_id, name=candidate.name,
            sex=candidate.sex, birth_date=candidate.birth_date,
            entered_by_id=candidate.entered_by_id))
    session.flush()
    session.expire(meeting, ["items"])
    return revote


def designation_count(poll: Poll, candidates: list[DesignationCandidate]) -> DesignationCount:
    """A closed designation ballot as stored: the votes per candidate and the verdict."""
    return DesignationCount(
        candidates=tuple(CandidateVotes(name=c.name, votes=c.votes or 0,
                                        is_elected=bool(c.is_elected)) for c in candidates),
        valid=poll.yes_count or 0, blank=poll.blank_count or 0, null=poll.null_count or 0,
        is_void=not poll.stored_outcome.adopted,
        is_decided_by_age=bool(poll.is_decided_by_tie_rule))


def designation_result(session: Session, poll: Poll, language: str) -> PollResult:
    """The result of a closed designation ballot, in ``language``."""
    item = session.get(AgendaItem, poll.item_id)
    assert item is not None  # noqa: S101 (a foreign key: the item exists)
    count = designation_count(poll, list(item.candidates))
    revote = session.scalar(select(AgendaItem.id).where(AgendaItem.revote_of_id == item.id))
    return PollResult(poll=poll, outcome=poll.stored_outcome,
                      sentence=designation_sentence(count, language=language),
                      by_group=None, votes=None,
                      designation=_count_dict(count, revote))


def _count_dict(count: DesignationCount, revote_item_id: int | None) -> dict[str, Any]:
    return {"candidates": [{"name": c.name, "votes": c.votes, "elected": c.is_elected}
                           for c in count.candidates],
            "valid": count.valid, "void": count.is_void,
            "decided_by_age": count.is_decided_by_age, "new_ballot_item_id": revote_item_id}


KIND_COUNTS[ItemKind.designation] = KindCount(ready=require_ready, close=close_designation,
                                              result=designation_result)
