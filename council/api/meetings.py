"""Meetings and agenda items, as the caller may see them."""

from __future__ import annotations

from typing import Any

from flask import g
from sqlalchemy import select

from agenda.meetings.queries import (
    require_meetings_access,
    sitting_members,
    viewed_item,
    viewed_meeting,
    visible_meetings,
)
from agenda.sitting import meeting_attendance
from council.api.base import bearer_route
from council.api.schemas import ItemSchema, MeetingSchema, MeetingSummarySchema
from council.db import db
from council.models import AgendaItem, Meeting, User

NO_MEETINGS = "Role without access to meetings"


def _meeting_summary(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "organ": meeting.organ.kind.value,
        "organ_name": meeting.organ.name,
        "date": meeting.starts_at,
        "place": meeting.place,
        "status": meeting.status.value,
    }


def _item_summary(item: AgendaItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "number": item.number,
        "title": item.title,
        "kind": item.kind.value,
        "closed_session": item.is_closed_session,
        "secret_ballot": item.is_secret_ballot,
        "status": item.status.value,
    }


@bearer_route("/meetings", "GET", {403: NO_MEETINGS}, schema=MeetingSummarySchema(many=True))
def list_meetings() -> list[dict[str, Any]]:
    """Meetings the caller may see, newest first."""
    require_meetings_access(g.api_user)
    return [_meeting_summary(m) for m in visible_meetings(db.session, g.api_user)]


@bearer_route("/meetings/<int:meeting_id>", "GET",
              {403: NO_MEETINGS, 404: "No such meeting, or not visible"}, schema=MeetingSchema)
def get_meeting(meeting_id: int) -> dict[str, Any]:
    """A meeting with its agenda items and the members sitting on its organ."""
    meeting = viewed_meeting(db.session, g.api_user, meeting_id)
    memberships = sitting_members(meeting)
    attendance = meeting_attendance(db.session, meeting)
    usernames = dict(db.session.execute(
        select(User.member_id, User.username).where(
            User.member_id.in_([m.member_id for m in memberships]))).all())
    return {
        **_meeting_summary(meeting),
        "items": [_item_summary(item) for item in meeting.items],
        "members": [
            {
                "member_id": m.member_id,
                "username": usernames.get(m.member_id),
                "name": m.member.full_name,
                "group": m.member.group.name if m.member.group else None,
                "is_president": m.member.is_president,
                "attendance": (attendance.get(m.member_id).value
                               if attendance.get(m.member_id) else None),
            }
            for m in memberships
        ],
    }


@bearer_route("/items/<int:item_id>", "GET",
              {403: NO_MEETINGS, 404: "No such item, or not visible"}, schema=ItemSchema)
def get_item(item_id: int) -> dict[str, Any]:
    """An agenda item with its pseudonymised report and draft decision."""
    item = viewed_item(db.session, g.api_user, item_id)
    return {
        **_item_summary(item),
        "meeting_id": item.meeting_id,
        "report": item.summary,
        "draft_decision": item.draft_decision,
    }
