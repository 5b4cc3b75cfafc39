"""A rehearsal floor for load and concurrency tests: an organ of N members, all present, and
a meeting of M items whose votes are open, with an API token per member.

It writes accounts, so like the demo it is refused with ``COUNCIL_ENV=production``; it is
used by ``make bench-votes`` and by the concurrency tests, each on a database of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from sqlalchemy.orm import Session

from council.models import (
    AgendaItem,
    AttendanceRecord,
    Centre,
    ItemKind,
    ItemStatus,
    Language,
    Meeting,
    MeetingStatus,
    Member,
    Organ,
    OrganKind,
    OrganMembership,
    PoliticalGroup,
    Poll,
    PollStatus,
    Region,
    Role,
    Sex,
    User,
)
from council.models.base import utcnow
from council.rules.attendance import Presence
from council.rules.quorum import quorum_required
from council.services import accounts

GROUPS = ("PS", "MR", "Ecolo", "Les Engagés")
#: never a valid argon2 hash: rehearsal accounts cannot log in with a password
NO_PASSWORD = "!rehearsal"  # noqa: S105


class RehearsalRefused(RuntimeError):
    pass


@dataclass(frozen=True)
class RehearsalFloor:
    meeting_id: int
    item_ids: list[int]
    secret_item_ids: list[int]
    #: member id → bearer token
    tokens: dict[int, str]
    #: the DG's bearer token (opens and closes votes)
    chair_token: str


def build_floor(session: Session, *, members: int, items: int, secret_every: int = 0,
                prefix: str = "rehearsal") -> RehearsalFloor:
    """Creates the floor and commits. ``secret_every=4`` makes every fourth item a secret
    ballot."""
    if current_app.config["IS_PRODUCTION"]:
        raise RehearsalRefused("a rehearsal floor creates accounts: refused in production")
    start = date(2025, 1, 1)
    centre = Centre(name=f"CPAS {prefix}", municipality=prefix, region=Region.wallonia,
                    language=Language.fr, population=30_000, municipal_seats=27)
    groups = [PoliticalGroup(centre=centre, name=name, municipal_seats=1, position=n)
              for n, name in enumerate(GROUPS)]
    organ = Organ(centre=centre, kind=OrganKind.committee, name=f"{prefix} committee")
    dg = User(username=f"{prefix}-dg", password_hash=NO_PASSWORD, role=Role.dg,
              display_name="Rehearsal DG")
    session.add_all([centre, *groups, organ, dg])
    people = []
    for n in range(members):
        member = Member(centre=centre, group=groups[n % len(groups)], first_name="Member",
                        last_name=f"{n:03d}", sex=Sex.other, mandate_start=start,
                        is_president=n == 0)
        session.add(OrganMembership(organ=organ, member=member, start_on=start))
        user = User(username=f"{prefix}{n}", password_hash=NO_PASSWORD, role=Role.councillor,
                    display_name=f"Member {n:03d}", member=member)
        session.add(user)
        people.append(user)
    meeting = Meeting(organ=organ, starts_at=utcnow(), place="Rehearsal room",
                      status=MeetingStatus.in_progress, opened_at=utcnow(), opened_by=dg)
    agenda = [AgendaItem(meeting=meeting, number=n + 1, title=f"Rehearsal item {n + 1}",
                         kind=ItemKind.general, status=ItemStatus.voting,
                         is_secret_ballot=bool(secret_every) and n % secret_every == 0)
              for n in range(items)]
    session.add_all([meeting, *agenda])
    session.flush()
    session.add_all([AttendanceRecord(meeting_id=meeting.id, member_id=u.member_id,
                                      status=Presence.present, recorded_by_id=dg.id)
                     for u in people])
    session.add_all([Poll(item_id=item.id, meeting_id=meeting.id, is_secret=item.is_secret_ballot,
                          status=PollStatus.open, quorum_required=quorum_required(members),
                          quorum_present=members, opened_by_id=dg.id) for item in agenda])
    session.commit()
    lifetime = timedelta(hours=2)
    tokens = {u.member_id: accounts.issue_token(session, u, lifetime).token for u in people}
    chair = accounts.issue_token(session, dg, lifetime).token
    return RehearsalFloor(meeting_id=meeting.id, item_ids=[i.id for i in agenda],
                          secret_item_ids=[i.id for i in agenda if i.is_secret_ballot],
                          tokens=tokens, chair_token=chair)
