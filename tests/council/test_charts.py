"""The pictures: hemicycle geometry, vote bars and the timeline (council.charts, pure), and the
pages that draw them (composition, a closed vote's result, the DG's home)."""

from __future__ import annotations

import itertools
import math
import re
from datetime import date, timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from agenda import sitting as live
from council.charts import (
    NEUTRAL,
    SeatGroup,
    TimelineEntry,
    hemicycle,
    safe_colour,
    seat_groups,
    stacked_bars,
    timeline,
)
from council.labels import organ_title
from council.models import AgendaItem, Meeting, MeetingStatus, User
from council.models.base import utcnow
from council.rules.majority import Choice, VoteSettings
from council.services.composition import composition_report

# --- hemicycle geometry -------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 2, 5, 9, 11, 13, 15, 27, 50, 150])
def test_every_seat_is_drawn_inside_the_box_without_overlapping(count: int) -> None:
    points, radius = hemicycle(count)
    assert len(points) == count
    assert radius > 0
    for point in points:
        assert radius <= point.x <= 400 - radius
        assert radius <= point.y <= 224 - radius
    for a, b in itertools.combinations(points, 2):
        assert math.dist((a.x, a.y), (b.x, b.y)) >= 2 * radius


@pytest.mark.parametrize("count", [5, 11, 15, 50])
def test_seats_run_from_left_to_right_and_are_symmetric(count: int) -> None:
    points, _ = hemicycle(count)
    bearings = [math.atan2(200 - p.y, p.x - 200) for p in points]
    assert bearings == sorted(bearings, reverse=True)  # left (π) to right (0)
    mirrored = sorted((round(400 - p.x, 1), p.y) for p in points)
    for (x, y), (mx, my) in zip(sorted((p.x, p.y) for p in points), mirrored, strict=True):
        assert (x, y) == pytest.approx((mx, my), abs=0.11)


@pytest.mark.parametrize(("count", "rows"), [(1, 1), (4, 1), (9, 2), (15, 2), (27, 3), (150, 7)])
def test_rows_grow_with_the_number_of_seats(count: int, rows: int) -> None:
    points, _ = hemicycle(count)
    radii = sorted(math.dist((p.x, p.y), (200, 200)) for p in points)
    assert 1 + sum(b - a > 2 for a, b in itertools.pairwise(radii)) == rows


def test_no_seat_draws_nothing() -> None:
    assert hemicycle(0) == ([], 0.0)


def test_groups_sit_in_wedges_in_the_order_given() -> None:
    chart = seat_groups([SeatGroup("PS", "#c8102e", 5, ("A", "B", "C", "D", "E")),
                         SeatGroup("MR", "#0047ab", 3), SeatGroup("vacant", "#4f5863", 1,
                                                                  is_vacant=True)])
    assert [seat.group for seat in chart.seats] == ["PS"] * 5 + ["MR"] * 3 + ["vacant"]
    assert [seat.label for seat in chart.seats[:6]] == ["A", "B", "C", "D", "E", "MR"]
    assert chart.seats[-1].is_vacant
    assert [(e.name, e.seats) for e in chart.legend] == [("PS", 5), ("MR", 3), ("vacant", 1)]
    # nine seats: the first group's wedge runs from the left end to the middle seat
    assert max(s.x for s in chart.seats[:4]) < chart.seats[4].x == 200
    assert min(s.x for s in chart.seats[5:]) > 200


@pytest.mark.parametrize(("colour", "safe"), [
    ("#c8102e", "#c8102e"), ("#ABCDEF", "#ABCDEF"), ("red", NEUTRAL), ("#12345", NEUTRAL),
    ('#000000" onload="x', NEUTRAL), ("", NEUTRAL), (None, NEUTRAL),
])
def test_only_plain_hex_colours_reach_the_markup(colour: str | None, safe: str) -> None:
    assert safe_colour(colour) == safe


# --- stacked bars -------------------------------------------------------------------------


@pytest.mark.parametrize(("tallies", "expected"), [
    # one group: its bar fills the width, split 3/1/1
    ([("PS", "#c8102e", {"yes": 3, "no": 1, "abstain": 1})],
     [[("yes", 3, 0.0, 180.0), ("no", 1, 180.0, 60.0), ("abstain", 1, 240.0, 60.0)]]),
    # two groups on one scale: 4 votes fill 300, 2 votes fill 150; no empty segment
    ([("PS", "#c8102e", {"yes": 4, "no": 0, "abstain": 0}),
      ("MR", "#0047ab", {"yes": 0, "no": 1, "abstain": 1})],
     [[("yes", 4, 0.0, 300.0)], [("no", 1, 0.0, 75.0), ("abstain", 1, 75.0, 75.0)]]),
    # nobody voted
    ([("PS", "#c8102e", {"yes": 0, "no": 0, "abstain": 0})], [[]]),
    ([], []),
])
def test_bar_lengths(tallies: list[Any], expected: list[list[tuple[str, int, float, float]]]
                     ) -> None:
    bars = stacked_bars(tallies)
    assert [[(s.choice, s.count, s.x, s.width) for s in bar.segments] for bar in bars] == expected


def test_bars_keep_the_group_and_its_colour() -> None:
    bar, = stacked_bars([("Ecolo", "not a colour", {"yes": 2})])
    assert (bar.label, bar.colour, bar.total) == ("Ecolo", NEUTRAL, 2)


# --- timeline -----------------------------------------------------------------------------

TODAY = date(2026, 11, 16)


def entry(days: int, label: str = "x", *, overdue: bool = False) -> TimelineEntry:
    return TimelineEntry(TODAY + timedelta(days=days), label, "/x", "meeting", overdue)


@pytest.mark.parametrize(("days", "x"), [(0, 40.0), (21, 320.0), (42, 600.0), (7, 133.3)])
def test_dates_are_placed_in_proportion(days: int, x: float) -> None:
    placed, = timeline([entry(days)], TODAY).entries
    assert placed.x == x


def test_overdue_and_past_entries_sit_in_the_late_band_and_far_ones_are_listed() -> None:
    chart = timeline([entry(50, "far"), entry(3, "late", overdue=True), entry(-2, "past"),
                      entry(10, "soon")], TODAY)
    assert [(p.entry.label, p.x) for p in chart.entries] == [
        ("past", 20.0), ("late", 20.0), ("soon", 173.3)]
    assert [e.label for e in chart.later] == ["far"]
    assert chart.has_late and not timeline([entry(10)], TODAY).has_late
    assert [day for _, day in chart.ticks] == [TODAY + timedelta(days=7 * n) for n in range(7)]


# --- pages --------------------------------------------------------------------------------

CIRCLE = re.compile(
    r'<circle class="seat" cx="[\d.]+" cy="[\d.]+" r="[\d.]+" fill="(#[0-9a-f]{6})"', re.I)


def test_composition_draws_one_seat_per_member_in_the_group_colour(
        client: FlaskClient, auth: Any, session: Session) -> None:
    auth.login("dg")
    auth.use_language("en")
    response = client.get("/composition")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    report = composition_report(session, date.today())
    fills = CIRCLE.findall(html)
    assert len(fills) == report.legal_size
    for row in report.rows:  # the demo council is composed as the law says
        assert fills.count(row.colour) == row.owed == row.actual
        assert f"<strong>{row.name}</strong>: {row.owed} seat" in html
    assert '<svg role="img" aria-labelledby="hemicycle-title hemicycle-desc"' in html
    assert '<title id="hemicycle-title">Seats of the council by political group</title>' in html
    assert "<table>" in html  # the same data as a table
    assert "style=" not in html  # the CSP forbids inline styles


def test_a_missing_member_shows_a_vacant_seat(client: FlaskClient, auth: Any,
                                              session: Session) -> None:
    report = composition_report(session, date.today())
    member = report.rows[0].members[-1]
    member.mandate_end = date.today() - timedelta(days=1)
    session.commit()
    auth.login("dg")
    html = client.get("/composition").get_data(as_text=True)
    assert len(CIRCLE.findall(html)) == report.legal_size - 1
    assert html.count('class="seat seat-vacant"') == 1


CSSS = ("president", "councillor1", "councillor2", "councillor3", "councillor4")


def _close_vote(session: Session, meeting_id: int, item_id: int, *, secret: bool,
                no_from_group: str = "") -> list[User]:
    """Every CSSS member present votes yes, but the members of ``no_from_group``; closed."""
    users = {u.username: u for u in session.scalars(select(User).where(User.username.in_(
        [*CSSS, "dg"])))}
    meeting = live.load_meeting(session, meeting_id)
    item = session.get(AgendaItem, item_id)
    live.open_sitting(session, meeting, actor=users["dg"], all_present=True)
    live.open_poll(session, item, actor=users["dg"], secret=secret)
    voters = [users[name] for name in CSSS]
    for user in voters:
        no = user.member.group.name == no_from_group
        live.cast_ballot(session, item.id, user.member_id, Choice.no if no else Choice.yes,
                         actor=user)
    live.close_poll(session, item, actor=users["dg"],
                    settings=VoteSettings(), language="en")
    return voters


def test_a_closed_open_vote_shows_bars_per_group(client: FlaskClient, auth: Any, demo: Any,
                                                 session: Session) -> None:
    members = [user.member for user in _close_vote(
        session, demo.csss_meeting_id, demo.csss_item_id, secret=False, no_from_group="MR")]
    auth.login("dg")
    auth.use_language("en")
    html = client.get(f"/meetings/{demo.csss_meeting_id}/chair?item={demo.csss_item_id}"
                      ).get_data(as_text=True)
    groups = {m.group.name: m.group.colour for m in members}
    assert html.count('<g class="bar"') == len(groups)
    for name, colour in groups.items():
        assert f'<g class="bar" data-group="{name}">' in html
        assert f'fill="{colour}"' in html
    assert html.count('class="segment segment-no"') == 1  # MR only
    assert "style=" not in html


def test_a_secret_ballot_shows_counts_only(client: FlaskClient, auth: Any, demo: Any,
                                           session: Session) -> None:
    members = _close_vote(session, demo.csss_meeting_id, demo.csss_item_id, secret=True)
    auth.login("dg")
    auth.use_language("en")
    html = client.get(f"/meetings/{demo.csss_meeting_id}/chair?item={demo.csss_item_id}"
                      ).get_data(as_text=True)
    assert f"Yes {len(members)}" in html
    assert 'class="bar"' not in html and "segment" not in html


def test_the_dg_home_shows_the_meetings_ahead_on_a_timeline(
        client: FlaskClient, auth: Any, session: Session) -> None:
    late = session.scalars(select(Meeting).order_by(Meeting.id)).first()
    late.status = MeetingStatus.draft
    late.starts_at = utcnow() + timedelta(days=3)  # too late for 5 jours francs
    session.commit()
    auth.login("dg")
    auth.use_language("en")
    html = client.get("/").get_data(as_text=True)
    upcoming = session.scalars(select(Meeting).where(Meeting.starts_at >= utcnow())).all()
    assert html.count('class="mark mark-meeting"') == len(upcoming) >= 2
    assert html.count('<li class="timeline-meeting') == len(upcoming)
    assert '<li class="timeline-meeting overdue">' in html
    # the organ in the reader's language (issue 16, item 6), not its stored French name
    assert f'href="/meetings/{late.id}">{organ_title(late.organ)}</a>' in html
    assert f'href="/meetings/{late.id}">{late.organ.name}</a>' not in html
    assert "style=" not in html


def test_a_decision_awaiting_notification_joins_the_dg_timeline(
        client: FlaskClient, auth: Any, demo: Any, session: Session) -> None:
    auth.login("dg")
    auth.use_language("en")
    # the demo's past meeting already has decisions to notify
    before = client.get("/").get_data(as_text=True).count('class="mark mark-notification"')
    _close_vote(session, demo.csss_meeting_id, demo.csss_item_id, secret=False)
    item = session.get(AgendaItem, demo.csss_item_id)
    html = client.get("/").get_data(as_text=True)
    assert html.count('class="mark mark-notification"') == before + 1
    assert '<span class="badge">decision to notify</span>' in html
    assert f'href="/notifications/items/{item.id}">{escape(item.title)}</a>' in html


def test_a_councillor_home_keeps_the_meeting_table(client: FlaskClient, auth: Any) -> None:
    auth.login("councillor1")
    html = client.get("/").get_data(as_text=True)
    assert "timeline" not in html and "<table>" in html
