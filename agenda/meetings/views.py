"""Meetings and their agendas as each user may see them."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from flask import Blueprint, Response, render_template, request
from flask_login import current_user, login_required

from agenda.meetings.builder import staff_context
from agenda.meetings.convocation import agenda_pdf
from agenda.meetings.queries import (
    MeetingFilter,
    meeting_years,
    require_meetings_access,
    sitting_members,
    viewed_item,
    viewed_meeting,
    visible_meetings,
)
from agenda.reports import MAX_REFERENCE_CHARS, reports_by_reference
from council import permissions
from council.db import db
from council.models import MeetingStatus, OrganKind
from council.pdf import pdf_response
from council.refusals import NotFound

E = TypeVar("E", bound=Enum)

bp = Blueprint("agenda", __name__, url_prefix="/meetings")


def _choice(name: str, kind: type[E]) -> E | None:
    """A filter's value from the query string; none when absent or not one of the choices."""
    try:
        return kind(request.args.get(name, ""))
    except ValueError:
        return None


@bp.route("/")
@login_required
def meetings() -> str:
    """The meetings the user may see, filtered by organ, year and state; for those who read
    reports (staff), the reports and decisions of a dossier found by its reference."""
    require_meetings_access(current_user)
    year = request.args.get("year", "")
    filters = MeetingFilter(organ_kind=_choice("organ", OrganKind),
                            status=_choice("status", MeetingStatus),
                            year=int(year) if year.isdigit() and len(year) == 4 else None)
    reference = request.args.get("reference", "")[:MAX_REFERENCE_CHARS]
    may_search = permissions.may_ever_view_reports(current_user)
    return render_template(
        "agenda/meetings.html", meetings=visible_meetings(db.session, current_user, filters),
        filters=filters, years=meeting_years(db.session, current_user),
        organ_kinds=list(OrganKind), statuses=list(MeetingStatus),
        may_search=may_search, reference=reference if may_search else "",
        found=reports_by_reference(db.session, current_user, reference) if may_search else [],
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
