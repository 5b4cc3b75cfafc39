"""Meetings and their agendas as each user may see them."""

from __future__ import annotations

from flask import Blueprint, Response, render_template
from flask_login import current_user, login_required

from agenda.meetings.builder import staff_context
from agenda.meetings.convocation import agenda_pdf
from agenda.meetings.queries import (
    require_meetings_access,
    sitting_members,
    viewed_item,
    viewed_meeting,
    visible_meetings,
)
from council import permissions
from council.db import db
from council.pdf import pdf_response
from council.refusals import NotFound

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


@bp.route("/<int:meeting_id>/agenda.pdf")
@login_required
def agenda_document(meeting_id: int) -> Response:
    """The agenda the members are convened with (LO art. 30), as the convocation attaches it:
    for the members once convened, for staff while they prepare it too."""
    found = viewed_meeting(db.session, current_user, meeting_id)
    if not permissions.can_download_agenda(current_user, found):
        raise NotFound()
    day = found.starts_at.date().isoformat()
    return pdf_response(agenda_pdf(found), f"agenda-{day}.pdf")
