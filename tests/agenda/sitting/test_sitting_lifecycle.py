"""The sitting as a state machine (issue 15, item 1): convened → opened (by the president or
the DG, on the meeting's day in Brussels, with the roll call) → items taken in order →
closed; nothing recorded outside an opened sitting."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import TEST_START, expect_refusal

from agenda import sitting as live
from council.models import AgendaItem, AuditEntry, Meeting, MeetingStatus, User
from council.rules.attendance import Presence
from council.rules.majority import Choice, VoteSettings
from minutes.notifications.service import decided_on

CSSS = ("president", "councillor1", "councillor2", "councillor3", "councillor4")


@pytest.fixture
def users(session: Session, demo: Any) -> dict[str, User]:
    return {u.username: u for u in session.scalars(select(User))}


@pytest.fixture
def csss(session: Session, demo: Any) -> Meeting:
    meeting = live.load_meeting(session, demo.csss_meeting_id)
    assert meeting is not None and meeting.status is MeetingStatus.convened
    return meeting


def _aid_item(meeting: Meeting) -> AgendaItem:
    return next(i for i in meeting.items if i.kind.value == "individual_aid")


def _settings() -> VoteSettings:
    return live.vote_settings(current_app.config)


# --- Transitions ----------------------------------------------------------------------------


def test_the_demo_meetings_sit_today_ready_to_open(session, demo, csss) -> None:
    council = session.get(Meeting, demo.council_meeting_id)
    for meeting in (csss, council):
        assert meeting.status is MeetingStatus.convened
        assert meeting.day == TEST_START.date()
        assert live.opening_refusal(meeting, TEST_START.date()) is None


def test_open_records_who_and_when_and_takes_the_first_item(session, csss, users) -> None:
    live.open_sitting(session, csss, actor=users["president"])
    assert csss.status is MeetingStatus.in_progress and csss.is_sitting
    assert csss.opened_by_id == users["president"].id and csss.opened_at is not None
    assert csss.current_item is csss.items[0]
    assert live.meeting_attendance(session, csss) == dict.fromkeys(
        live.meeting_attendance(session, csss), None)  # no roll call asked
    assert session.scalar(select(AuditEntry.action).where(
        AuditEntry.action == "sitting_opened", AuditEntry.object_id == csss.id)) is not None


def test_open_with_the_roll_call_all_present_then_exceptions(session, csss, users) -> None:
    live.open_sitting(session, csss, actor=users["dg"], all_present=True)
    attendance = live.meeting_attendance(session, csss)
    assert set(attendance.values()) == {Presence.present} and len(attendance) == len(CSSS)
    live.record_attendance(session, csss, users["councillor4"].member_id, Presence.excused,
                           actor=users["dg"])
    assert live.meeting_attendance(session, csss)[users["councillor4"].member_id] is (
        Presence.excused)
    # the one click again records nobody: everyone is on the roll
    assert live.roll_call_all_present(session, csss, actor=users["secretariat"]) == 0


def test_roll_call_records_only_the_members_not_yet_recorded(session, csss, users) -> None:
    live.open_sitting(session, csss, actor=users["dg"])
    live.record_attendance(session, csss, users["councillor2"].member_id, Presence.absent,
                           actor=users["dg"])
    assert live.roll_call_all_present(session, csss, actor=users["president"]) == len(CSSS) - 1
    attendance = live.meeting_attendance(session, csss)
    assert attendance[users["councillor2"].member_id] is Presence.absent
    assert attendance[users["councillor1"].member_id] is Presence.present


def test_next_item_moves_on_in_order_skipping_decided_items(session, csss, users) -> None:
    live.open_sitting(session, csss, actor=users["president"], all_present=True)
    first, second, third = csss.items[:3]
    assert csss.current_item is first
    assert live.take_next_item(session, csss, actor=users["president"]) is second
    live.open_poll(session, second, actor=users["president"])
    with expect_refusal(live.Conflict, "poll_still_open"):
        live.take_next_item(session, csss, actor=users["president"])
    live.close_poll(session, second, actor=users["president"], settings=_settings(),
                    language="fr")
    assert live.take_next_item(session, csss, actor=users["president"]) is third
    for _ in csss.items[3:]:
        live.take_next_item(session, csss, actor=users["president"])
    with expect_refusal(live.Conflict, "no_next_item"):
        live.take_next_item(session, csss, actor=users["president"])


def test_opening_a_vote_takes_its_item_up(session, csss, users) -> None:
    live.open_sitting(session, csss, actor=users["dg"], all_present=True)
    item = csss.items[-1]
    live.open_poll(session, item, actor=users["dg"])
    assert csss.current_item is item


def test_close_records_who_and_when_and_ends_the_sitting(session, csss, users) -> None:
    live.open_sitting(session, csss, actor=users["dg"], all_present=True)
    live.close_sitting(session, csss, actor=users["president"])
    assert csss.status is MeetingStatus.closed and not csss.is_sitting
    assert csss.closed_by_id == users["president"].id
    assert csss.closed_at is not None and csss.closed_at >= csss.opened_at
    assert csss.current_item is None


# --- Refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize("days", [-1, 1, 7])
def test_opening_on_another_day_is_refused(session, csss, users, days) -> None:
    with (time_machine.travel(TEST_START + timedelta(days=days)),
          expect_refusal(live.Conflict, "not_the_meeting_day") as caught):
        live.open_sitting(session, csss, actor=users["dg"])
    assert caught.value.details["day"] == csss.day.isoformat()
    assert session.get(Meeting, csss.id).status is MeetingStatus.convened


def test_the_day_is_the_day_in_brussels(session, csss, users) -> None:
    """23:30 UTC the day before is already the meeting's day in Brussels (winter, UTC+1)."""
    day_start_utc = csss.starts_at.astimezone(TEST_START.tzinfo).replace(hour=0, minute=30)
    with time_machine.travel(day_start_utc):
        live.open_sitting(session, csss, actor=users["dg"])
    assert csss.is_sitting


def test_opening_twice_or_after_closing_is_refused(session, csss, users) -> None:
    live.open_sitting(session, csss, actor=users["dg"])
    with expect_refusal(live.Conflict, "sitting_already_open"):
        live.open_sitting(session, csss, actor=users["president"])
    live.close_sitting(session, csss, actor=users["dg"])
    with expect_refusal(live.Conflict, "sitting_closed"):
        live.open_sitting(session, csss, actor=users["dg"])


def test_a_draft_meeting_cannot_be_opened(session, csss, users) -> None:
    csss.status = MeetingStatus.draft
    with expect_refusal(live.Conflict, "sitting_not_convened"):
        live.open_sitting(session, csss, actor=users["dg"])


def test_nothing_is_recorded_before_the_sitting_opens(session, csss, users) -> None:
    with expect_refusal(live.Conflict, "sitting_not_open"):
        live.record_attendance(session, csss, users["councillor1"].member_id,
                               Presence.present, actor=users["dg"])
    with expect_refusal(live.Conflict, "sitting_not_open"):
        live.roll_call_all_present(session, csss, actor=users["dg"])
    with expect_refusal(live.Conflict, "sitting_not_open"):
        live.open_poll(session, _aid_item(csss), actor=users["dg"])
    with expect_refusal(live.Conflict, "sitting_not_open"):
        live.take_next_item(session, csss, actor=users["dg"])
    with expect_refusal(live.Conflict, "sitting_not_open"):
        live.close_sitting(session, csss, actor=users["dg"])
    assert csss.status is MeetingStatus.convened  # attendance no longer opens it


def test_nothing_is_recorded_after_the_sitting_closes(session, csss, users) -> None:
    live.open_sitting(session, csss, actor=users["dg"], all_present=True)
    live.close_sitting(session, csss, actor=users["dg"])
    with expect_refusal(live.Conflict, "sitting_closed"):
        live.record_attendance(session, csss, users["councillor1"].member_id,
                               Presence.absent, actor=users["dg"])
    with expect_refusal(live.Conflict, "sitting_closed"):
        live.open_poll(session, _aid_item(csss), actor=users["dg"])
    with expect_refusal(live.Conflict, "sitting_closed"):
        live.roll_call_all_present(session, csss, actor=users["dg"])


def test_closing_with_a_vote_still_open_is_refused(session, csss, users) -> None:
    live.open_sitting(session, csss, actor=users["dg"], all_present=True)
    item = _aid_item(csss)
    live.open_poll(session, item, actor=users["president"])
    with expect_refusal(live.Conflict, "poll_still_open"):
        live.close_sitting(session, csss, actor=users["president"])
    assert session.get(Meeting, csss.id).is_sitting
    live.cast_ballot(session, item.id, users["councillor1"].member_id, Choice.yes,
                     actor=users["councillor1"])
    live.close_poll(session, item, actor=users["president"], settings=_settings(),
                    language="fr")
    live.close_sitting(session, csss, actor=users["president"])
    assert csss.status is MeetingStatus.closed


def test_a_ballot_in_a_poll_left_open_after_the_sitting_is_refused(session, csss,
                                                                   users) -> None:
    """A poll row left open while the meeting is closed (written in the database): the ballot
    is refused all the same."""
    live.open_sitting(session, csss, actor=users["dg"], all_present=True)
    item = _aid_item(csss)
    live.open_poll(session, item, actor=users["president"])
    csss.status = MeetingStatus.closed
    session.commit()
    with expect_refusal(live.Conflict, "sitting_closed"):
        live.cast_ballot(session, item.id, users["councillor1"].member_id, Choice.yes,
                         actor=users["councillor1"])


# --- Dates ----------------------------------------------------------------------------------


def test_decisions_are_dated_on_the_day_the_sitting_was_opened(session, csss, users) -> None:
    planned = csss.starts_at
    live.open_sitting(session, csss, actor=users["dg"])
    # even if the planned hour is later moved to another day, the sitting's day stays
    csss.starts_at = planned + timedelta(days=3)
    assert csss.sitting_day == decided_on(csss) == TEST_START.date()
