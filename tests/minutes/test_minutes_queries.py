"""Loading the minutes costs a constant number of SQL queries, whatever the number of items."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session
from support import user_named

from council.demo.scenario import hold_meeting
from council.models import AgendaItem, ItemKind, ItemStatus, Meeting, MeetingStatus
from minutes import service


def _held_meeting_with(session: Session, demo, items: int, days: int) -> Meeting:
    organ_id = session.get(Meeting, demo.csss_meeting_id).organ_id
    template = session.get(AgendaItem, demo.csss_item_id)
    meeting = Meeting(organ_id=organ_id, place="Salle du conseil",
                      starts_at=template.meeting.starts_at - timedelta(days=days),
                      status=MeetingStatus.in_progress)
    session.add(meeting)
    session.add_all([AgendaItem(meeting=meeting, number=n, title=f"Aide — Madame {n}.",
                                kind=ItemKind.individual_aid, is_closed_session=True,
                                status=ItemStatus.ready, draft_decision="Vu…\nDécide…")
                     for n in range(1, items + 1)])
    session.commit()
    hold_meeting(session, meeting, recorder=user_named(session, "secretariat"),
                 secret_every=4)
    return meeting


def _queries_to_build(session: Session, count_queries, meeting: Meeting) -> tuple[int, int]:
    minutes = service.start_draft(session, meeting, actor=user_named(session, "dg"))
    session.expire_all()
    counter = count_queries()
    document = service.build_document(session, minutes, minutes.latest_revision)
    return counter.count, len(document.items)


def test_the_query_count_does_not_grow_with_the_items(session: Session, demo,
                                                      count_queries) -> None:
    small, small_items = _queries_to_build(session, count_queries,
                                           _held_meeting_with(session, demo, 5, days=60))
    large, large_items = _queries_to_build(session, count_queries,
                                           _held_meeting_with(session, demo, 40, days=30))
    assert (small_items, large_items) == (5, 40)
    assert small == large
    assert large <= 20  # a handful per kind of record, none per item
