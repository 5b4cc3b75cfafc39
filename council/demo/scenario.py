"""A held meeting, written directly: what the secretariat and the votes would have recorded
(attendance with an excused member, a late arrival and a departure, a withdrawal for a conflict
of interest, closed polls with their ballots), then the meeting closed.

For the demo, ``make bench-minutes`` and the tests of the minutes: refused in production, like
the demo. Ballots are written as the live services store them (one ``OpenBallot`` per voter;
for a secret ballot only the participations: a closed secret poll keeps its counts, not its
choices), tallies decided by ``council.rules.majority``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy.orm import Session

from agenda.sitting import quorum_for, sitting
from council.models import (
    AgendaItem,
    AttendanceRecord,
    ItemKind,
    ItemStatus,
    ItemWithdrawal,
    Meeting,
    MeetingStatus,
    OpenBallot,
    Poll,
    PollOutcome,
    PollStatus,
    SecretParticipation,
    User,
)
from council.rules import attendance as attendance_rules
from council.rules.attendance import Presence
from council.rules.majority import OPEN_CHOICES, Choice, decide
from council.rules.quorum import quorum_required
from minutes.service import start_draft

#: kept for the DG only: the minutes record that a member withdrew, never why
WITHDRAWAL_REASON = "conflit d'intérêts déclaré en séance"


class ScenarioRefused(RuntimeError):
    pass


@dataclass(frozen=True)
class HeldMeeting:
    excused_member_id: int | None
    #: (member id, item number from which they are present)
    arrival: tuple[int, int] | None
    #: (member id, item number from which they are gone)
    departure: tuple[int, int] | None
    #: (member id, item id)
    withdrawal: tuple[int, int] | None


def hold_meeting(session: Session, meeting: Meeting, *, recorder: User,
                 secret_every: int = 0) -> HeldMeeting:
    """Records a plausible sitting of ``meeting`` and closes it (one commit). With at least
    four members and four items: the last member is excused, the one before arrives at item 3
    (or at the first individual-aid item, if earlier), the second leaves from the last item,
    the third withdraws from the first individual-aid item. Every item but the minutes'
    approval gets a closed poll, each with its quorum (refused otherwise);
    ``secret_every=n`` makes every n-th one a secret ballot. The sitting opens at the
    convened hour and closes ten minutes after the last vote."""
    if current_app.config["IS_PRODUCTION"]:
        raise ScenarioRefused("writes a whole meeting's record: refused in production")
    members = [m.member for m in sitting(meeting)]
    items = list(meeting.items)
    big_enough = len(members) >= 4 and len(items) >= 4
    excused = members[-1].id if big_enough else None
    departure = (members[1].id, items[-1].number) if big_enough else None
    aid = next((i for i in items if i.kind is ItemKind.individual_aid), None)
    # the late member arrives for the first individual-aid item at the latest, so that the
    # room keeps its quorum when another member withdraws from it
    arrival = (members[-2].id, min(3, aid.number) if aid else 3) if big_enough else None
    withdrawal = (members[2].id, aid.id) if big_enough and aid is not None else None

    records = []
    for member in members:
        status = (Presence.excused if member.id == excused
                  else Presence.absent if arrival and member.id == arrival[0]
                  else Presence.present)
        records.append(attendance_rules.AttendanceRecord(member.id, status, None))
    if arrival:
        records.append(attendance_rules.AttendanceRecord(arrival[0], Presence.present,
                                                         arrival[1]))
    if departure:
        records.append(attendance_rules.AttendanceRecord(departure[0], Presence.absent,
                                                         departure[1]))
    item_ids = {item.number: item.id for item in items}
    session.add_all([AttendanceRecord(meeting_id=meeting.id, member_id=r.member_id,
                                      status=r.presence, recorded_by_id=recorder.id,
                                      from_item_id=item_ids.get(r.from_item_number or 0))
                     for r in records])
    if withdrawal:
        session.add(ItemWithdrawal.declared(item_id=withdrawal[1], member_id=withdrawal[0],
                                            reason=WITHDRAWAL_REASON,
                                            declared_by_id=recorder.id))

    member_ids = [m.id for m in members]
    president = next((m.id for m in members if m.is_president), None)
    voted = [item for item in items if item.kind is not ItemKind.minutes_approval]
    # the sitting as the chair runs it: opened at the convened hour, one vote every ten minutes
    opened_at = meeting.starts_at
    meeting.open(recorder, opened_at)
    for index, item in enumerate(voted):
        room = attendance_rules.room_for_item(
            records, item.number, member_ids,
            [withdrawal[0]] if withdrawal and withdrawal[1] == item.id else [])
        quorum = quorum_for(meeting, len(members), room)
        if not quorum.met:
            raise ScenarioRefused(f"item {item.number} would be decided without quorum "
                                  f"({quorum.present} present, {quorum.required} required)")
        voters = sorted(room.voters)
        # everyone for, but one abstention on every third item and one against on every fifth
        choices = {m: Choice.yes for m in voters}
        if voters and index % 3 == 2:
            choices[voters[-1]] = Choice.abstain
        if len(voters) > 1 and index % 5 == 4:
            choices[voters[0]] = Choice.no
        is_secret = bool(secret_every) and index % secret_every == secret_every - 1
        tally = [list(choices.values()).count(c) for c in OPEN_CHOICES]
        outcome = decide(*tally, is_secret=is_secret, president_choice=choices.get(president))
        poll = Poll(item_id=item.id, meeting_id=meeting.id, is_secret=is_secret,
                    status=PollStatus.closed, quorum_required=quorum_required(len(members)),
                    quorum_present=len(room.voters), opened_by_id=recorder.id,
                    closed_by_id=recorder.id,
                    closed_at=opened_at + timedelta(minutes=10 * (index + 1)),
                    yes_count=outcome.yes,
                    no_count=outcome.no, abstain_count=outcome.abstain,
                    outcome=PollOutcome.adopted if outcome.adopted else PollOutcome.rejected,
                    is_decided_by_tie_rule=outcome.decided_by_tie_rule)
        session.add(poll)
        session.flush()
        if is_secret:
            session.add_all([SecretParticipation(id=uuid.uuid4(), poll_id=poll.id, member_id=m)
                             for m in voters])
        else:
            session.add_all([OpenBallot(poll_id=poll.id, member_id=m, choice=c,
                                        recorded_by_id=recorder.id) for m, c in choices.items()])
    for item in items:
        item.status = ItemStatus.decided
    meeting.close(recorder, opened_at + timedelta(minutes=10 * (len(voted) + 1)))
    session.commit()
    return HeldMeeting(excused_member_id=excused, arrival=arrival, departure=departure,
                       withdrawal=withdrawal)


#: the past CSSS meeting's items (pseudonymised as the agenda stores them)
PAST_ITEMS = (
    ("Revenu d'intégration au taux isolé — Madame D.",
     "Vu la loi du 26 mai 2002 concernant le droit à l'intégration sociale ;\n"
     "Considérant que Madame D. ne dispose d'aucune ressource depuis la fin de son contrat ;\n"
     "Décide : d'octroyer le revenu d'intégration au taux isolé à partir du 1er octobre 2026."),
    ("Aide médicale urgente — Monsieur E.",
     "Vu l'arrêté royal du 12 décembre 1996 relatif à l'aide médicale urgente ;\n"
     "Considérant l'attestation du médecin traitant ;\n"
     "Décide : de prendre en charge les frais médicaux attestés."),
    ("Garantie locative — Madame F.",
     "Vu la loi organique du 8 juillet 1976, notamment l'article 57 ;\n"
     "Considérant le bail produit et l'absence d'épargne ;\n"
     "Décide : d'accorder une garantie locative sous forme de lettre de garantie."),
)


def add_past_meeting_with_minutes(
        session: Session, current: Meeting, *, recorder: User, drafter: User,
        add_aid_items: Callable[[Meeting], None] | None = None) -> Meeting:
    """A meeting of ``current``'s organ two weeks earlier, held (attendance, an arrival, a
    departure, a withdrawal, votes) and closed, with its draft minutes: ``current``'s
    minutes-approval item is the one that approves them. Its individual-aid items are
    ``PAST_ITEMS``, or whatever ``add_aid_items`` puts on the meeting while it is a draft
    (the demo schedules social reports, so that its decisions have letters to send)."""
    past = Meeting(organ_id=current.organ_id, starts_at=current.starts_at - timedelta(days=14),
                   place=current.place, status=MeetingStatus.draft)
    session.add(past)
    session.add(AgendaItem(meeting=past, number=1, kind=ItemKind.minutes_approval,
                           title="Approbation du procès-verbal de la séance précédente",
                           is_closed_session=True, status=ItemStatus.ready))
    if add_aid_items is None:
        session.add_all([AgendaItem(meeting=past, number=number, kind=ItemKind.individual_aid,
                                    title=title, is_closed_session=True,
                                    status=ItemStatus.ready, draft_decision=decision)
                         for number, (title, decision) in enumerate(PAST_ITEMS, start=2)])
        session.commit()
    else:
        session.commit()
        add_aid_items(past)
    past.status = MeetingStatus.convened
    session.commit()
    hold_meeting(session, past, recorder=recorder)
    start_draft(session, past, actor=drafter)
    return past
