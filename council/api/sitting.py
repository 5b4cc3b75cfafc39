"""The sitting's state machine through the API: open it (on the meeting's day, by the
president or the DG, optionally with the roll call "all present"), the roll call, the next
item, and close it. The same loaders and services as the chair screen."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import g
from flask_babel import gettext

from agenda import sitting as live
from council import permissions
from council.api.base import bearer_route, blp
from council.db import db
from council.models import Meeting
from council.refusals import require

NOT_CHAIR = "Not the president (sitting on the organ) or the DG"
NOT_VISIBLE = "No such meeting, or not visible"


class OpenSittingRequestSchema(ma.Schema):
    all_present = ma.fields.Boolean(load_default=False, metadata={
        "description": "Roll call in the same step: every member of the organ present for the "
                       "whole meeting (record the exceptions afterwards)"})


class SittingSchema(ma.Schema):
    meeting_id = ma.fields.Integer(required=True)
    status = ma.fields.String(required=True, metadata={
        "enum": ["convened", "in_progress", "closed"],
        "description": "`in_progress` while the sitting is open"})
    opened_at = ma.fields.DateTime(allow_none=True, required=True)
    opened_by = ma.fields.String(allow_none=True, required=True)
    closed_at = ma.fields.DateTime(allow_none=True, required=True)
    closed_by = ma.fields.String(allow_none=True, required=True)
    current_item_id = ma.fields.Integer(allow_none=True, required=True, metadata={
        "description": "The item under discussion"})
    unrecorded = ma.fields.Integer(required=True, metadata={
        "description": "Members not yet on the roll call"})


def sitting_state(meeting: Meeting) -> dict[str, Any]:
    floor = live.load_floor(db.session, meeting)
    return {
        "meeting_id": meeting.id, "status": meeting.status.value,
        "opened_at": meeting.opened_at,
        "opened_by": meeting.opened_by.display_name if meeting.opened_by else None,
        "closed_at": meeting.closed_at,
        "closed_by": meeting.closed_by.display_name if meeting.closed_by else None,
        "current_item_id": meeting.current_item_id,
        "unrecorded": floor.unrecorded,
    }


def _chaired_meeting(meeting_id: int) -> Meeting:
    meeting = live.meeting_in_session(db.session, g.api_user, meeting_id)
    require(permissions.can_run_sitting(g.api_user, meeting),
            gettext("The sitting is opened and closed by the president or the DG."))
    return meeting


@bearer_route("/meetings/<int:meeting_id>/sitting", "GET", {
    403: "Role without access to meetings", 404: NOT_VISIBLE,
}, schema=SittingSchema)
def get_sitting(meeting_id: int) -> dict[str, Any]:
    """The sitting's state: open or not, who opened and closed it and when, the item under
    discussion."""
    return sitting_state(live.meeting_in_session(db.session, g.api_user, meeting_id))


@bearer_route("/meetings/<int:meeting_id>/open", "POST", {
    403: NOT_CHAIR, 404: NOT_VISIBLE,
    409: "Not convened, already open, closed, or not the meeting's day (`not_the_meeting_day`, "
         "Europe/Brussels)",
}, schema=SittingSchema)
@blp.arguments(OpenSittingRequestSchema)
def open_sitting(payload: dict[str, Any], meeting_id: int) -> dict[str, Any]:
    """Open the sitting of a convened meeting, on its day; with `all_present`, the roll call
    too."""
    meeting = _chaired_meeting(meeting_id)
    live.open_sitting(db.session, meeting, actor=g.api_user,
                      all_present=payload["all_present"])
    return sitting_state(meeting)


@bearer_route("/meetings/<int:meeting_id>/roll-call", "POST", {
    403: "Not the DG, the secretariat or the president", 404: NOT_VISIBLE,
    409: "The sitting is not open, or closed",
}, schema=SittingSchema)
def roll_call(meeting_id: int) -> dict[str, Any]:
    """The roll call in one step: every member not yet recorded is present for the whole
    meeting (the exceptions through `POST /meetings/{id}/attendance`)."""
    meeting = live.meeting_in_session(db.session, g.api_user, meeting_id)
    require(permissions.can_take_roll_call(g.api_user, meeting),
            gettext("The roll call is taken by the president, the DG or the secretariat."))
    live.roll_call_all_present(db.session, meeting, actor=g.api_user)
    return sitting_state(meeting)


@bearer_route("/meetings/<int:meeting_id>/next-item", "POST", {
    403: NOT_CHAIR, 404: NOT_VISIBLE,
    409: "The sitting is not open, a vote is still open, or no item is left",
}, schema=SittingSchema)
def next_item(meeting_id: int) -> dict[str, Any]:
    """Move on to the next item still to deal with."""
    meeting = _chaired_meeting(meeting_id)
    live.take_next_item(db.session, meeting, actor=g.api_user)
    return sitting_state(meeting)


@bearer_route("/meetings/<int:meeting_id>/close", "POST", {
    403: NOT_CHAIR, 404: NOT_VISIBLE,
    409: "The sitting is not open, or a vote is still open (`poll_still_open`)",
}, schema=SittingSchema)
def close_sitting(meeting_id: int) -> dict[str, Any]:
    """Close the sitting; the time is recorded and the minutes can be drafted."""
    meeting = _chaired_meeting(meeting_id)
    live.close_sitting(db.session, meeting, actor=g.api_user)
    return sitting_state(meeting)
