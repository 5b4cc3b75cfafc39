"""What the pages draw, from what the services return: the council's seating, a closed open
vote's bars per group, the DG's timeline. The geometry is in ``council.charts`` (pure); the
markup in ``templates/_charts.html``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from flask import Flask, url_for
from flask_babel import gettext

from council.charts import (
    CHOICE_COLOURS,
    NEUTRAL,
    VACANT,
    Bar,
    Hemicycle,
    SeatGroup,
    Timeline,
    TimelineEntry,
    seat_groups,
    stacked_bars,
    timeline,
)
from council.clock import CENTRE_TIMEZONE
from council.labels import organ_title
from council.models import Meeting, MeetingStatus
from council.rules.deadlines import latest_sending_date
from council.services.composition import CompositionReport

#: the shortest legal notice (5 jours francs): a draft meeting past it can no longer be
#: convened in time, whatever its agenda (DOMAIN.md, "Meetings")
SHORTEST_NOTICE_DAYS = 5


def seating(report: CompositionReport) -> Hemicycle:
    """The council as a hemicycle: each group's members in office in a wedge (in the groups'
    order, left to right), then the independents, then the seats the law provides that
    nobody holds."""
    groups = [SeatGroup(row.name, row.colour, row.actual,
                        tuple(member.full_name for member in row.members))
              for row in report.rows if row.actual]
    if report.independents:
        groups.append(SeatGroup(gettext("independent"), NEUTRAL, len(report.independents),
                                tuple(member.full_name for member in report.independents)))
    vacant = report.legal_size - report.actual_size
    if vacant > 0:
        groups.append(SeatGroup(gettext("vacant seat"), VACANT, vacant, is_vacant=True))
    return seat_groups(groups)


def poll_bars(result: Any) -> list[Bar]:
    """A closed poll's tally per political group as bars (a ``PollResult``); none for a
    secret ballot, whose result is counts only."""
    if result is None or result.poll.is_secret or not result.by_group:
        return []
    colours = {member.group.name: member.group.colour
               for member, _choice in result.votes or () if member.group is not None}
    return stacked_bars([
        (gettext("independent") if name not in colours else name,
         colours.get(name, NEUTRAL), counts)
        for name, counts in result.by_group.items()
    ])


def meeting_entries(meetings: Iterable[Meeting], today: date) -> list[TimelineEntry]:
    """The meetings ahead as timeline entries; a draft meeting whose shortest legal notice
    has passed is overdue (it can only be convened in urgency)."""
    entries = []
    for meeting in meetings:
        day = meeting.starts_at.astimezone(CENTRE_TIMEZONE).date()
        entries.append(TimelineEntry(
            day=day,
            label=organ_title(meeting.organ),
            url=url_for("agenda.meeting", meeting_id=meeting.id),
            kind="meeting",
            is_overdue=meeting.status is MeetingStatus.draft
            and latest_sending_date(day, SHORTEST_NOTICE_DAYS) < today,
        ))
    return entries


def notification_entries(pending: Iterable[Any]) -> list[TimelineEntry]:
    """Decisions awaiting notification (``minutes.notifications.service.PendingDecision``)
    at their legal deadline (8 days, LO art. 62bis); overdue once it has passed."""
    return [TimelineEntry(
        day=entry.due.deadline,
        label=entry.decision.item.title,
        url=url_for("notifications.decision", item_id=entry.decision.item.id),
        kind="notification",
        is_overdue=entry.due.is_overdue,
    ) for entry in pending]


def dg_timeline(meetings: Iterable[Meeting], today: date,
                more: Iterable[TimelineEntry] = ()) -> Timeline:
    """The DG's home timeline: the meetings ahead, and ``more`` dated entries (decisions to
    notify, …) built by their own area."""
    return timeline([*meeting_entries(meetings, today), *more], today)


def register_chart_helpers(app: Flask) -> None:
    """Templates draw a closed poll's bars themselves: the result partial is included from
    several screens."""
    app.jinja_env.globals["poll_bars"] = poll_bars
    app.jinja_env.globals["choice_colours"] = CHOICE_COLOURS
