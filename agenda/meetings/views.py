"""Meetings and their agendas as each user may see them."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_login import current_user, login_required

from agenda.meetings.builder import staff_context
from agenda.meetings.queries import item_for, meeting_for, sitting_members, visible_meetings
from council import permissions
from council.db import db

bp = Blueprint("agenda", __name__, url_prefix="/meetings")


@bp.route("/")
@login_required
def meetings() -> str:
    if not permissions.can_view_meetings(current_user):
        abort(403)
    return render_template(
        "agenda/meetings.html", meetings=visible_meetings(db.session, current_user)
    )


@bp.route("/<int:meeting_id>")
@login_required
def meeting(meeting_id: int) -> str:
    if not permissions.can_view_meetings(current_user):
        abort(403)
    found = meeting_for(db.session, current_user, meeting_id)
    if found is None:
        abort(404)
    staff = None
    if permissions.can_manage_meeting(current_user, found):
        staff = staff_context(found)
    return render_template(
        "agenda/meeting.html", meeting=found, members=sitting_members(found), staff=staff
    )


@bp.route("/<int:meeting_id>/items/<int:item_id>")
@login_required
def item(meeting_id: int, item_id: int) -> str:
    if not permissions.can_view_meetings(current_user):
        abort(403)
    found = item_for(db.session, current_user, item_id)
    if found is None or found.meeting_id != meeting_id:
        abort(404)
    return render_template("agenda/item.html", item=found, meeting=found.meeting)
