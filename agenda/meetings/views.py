"""Meetings and their agendas as each user may see them."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from agenda.meetings.builder import staff_context
from agenda.meetings.queries import (
    require_meetings_access,
    sitting_members,
    viewed_item,
    viewed_meeting,
    visible_meetings,
)
from council import permissions
from council.db import db

bp = Blueprint("agenda", __name__, url_prefix="/meetings")


@bp.route("/")
@login_required
def meetings() -> str:
    require_meetings_access(current_user)
    return render_template(
        "agenda/meetings.html", meetings=visible_meetings(db.session, current_user)
    )


@bp.route("/<int:meeting_id>")
@login_required
def meeting(meeting_id: int) -> str:
    found = viewed_meeting(db.session, current_user, meeting_id)
    staff = None
    if permissions.can_manage_meeting(current_user, found):
        staff = staff_context(found)
    return render_template(
        "agenda/meeting.html", meeting=found, members=sitting_members(found), staff=staff
    )


@bp.route("/<int:meeting_id>/items/<int:item_id>")
@login_required
def item(meeting_id: int, item_id: int) -> str:
    found = viewed_item(db.session, current_user, item_id, meeting_id=meeting_id)
    return render_template("agenda/item.html", item=found, meeting=found.meeting)
