"""A designation item on the demo's convened council meeting, every member present, for the
service and security tests of designations (``agenda.sitting.designations``)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from agenda import sitting as live
from agenda.meetings import service as agenda
from agenda.sitting import urgency
from agenda.sitting.designations import add_candidate, set_seats
from council.models import AgendaItem, ItemKind, Meeting, User

COUNCIL = ("president", *(f"councillor{n}" for n in range(1, 11)))


def demo_users(session: Session) -> dict[str, User]:
    return {u.username: u for u in session.scalars(select(User))}


def council_in_session(session: Session, demo: Any, users: dict[str, User]) -> Meeting:
    """The demo's council meeting, its sitting opened by the DG with every member present
    (the roll call's one click)."""
    meeting = live.load_meeting(session, demo.council_meeting_id)
    assert meeting is not None
    live.open_sitting(session, meeting, actor=users["dg"], all_present=True)
    return meeting


def add_designation(session: Session, meeting: Meeting, users: dict[str, User], seats: int,
                    candidates: tuple[str, ...]) -> AgendaItem:
    """A designation added to the convened council meeting (so urgent, its urgency declared),
    with ``seats`` and the members ``candidates`` standing."""
    item = agenda.add_item(session, meeting, actor=users["dg"], kind=ItemKind.designation,
                           title="Désignation des membres du Comité spécial du service social",
                           is_closed_session=True, is_urgent=True,
                           urgency_reason="Installation du comité avant la rentrée.")
    assert item.is_closed_session and item.is_secret_ballot
    urgency.record_urgency_vote(session, item, len(COUNCIL), actor=users["dg"],
                                majority=Fraction(2, 3))
    set_seats(session, item, seats, actor=users["dg"])
    for name in candidates:
        add_candidate(session, item, actor=users["dg"], member_id=users[name].member_id)
    return item


def candidate_ids(item: AgendaItem, users: dict[str, User], *names: str) -> frozenset[int]:
    members = {users[name].member_id for name in names}
    return frozenset(c.id for c in item.candidates if c.member_id in members)
