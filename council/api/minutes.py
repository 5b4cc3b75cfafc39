"""The minutes through the API (CONTRACT.md): ``GET /meetings/{id}/minutes.pdf``, the current
closed-session minutes as a copy watermarked for the caller. Existence stays confidential: a
meeting the caller may not see answers 404, as do minutes not started yet."""

from __future__ import annotations

from flask import g
from werkzeug.wrappers import Response

from council.api.base import bearer_route
from council.db import db
from minutes import service as minutes_service
from minutes.loading import meeting_for_minutes, started_minutes
from minutes.views import pdf_response


@bearer_route("/meetings/<int:meeting_id>/minutes.pdf", "GET", {
    403: "Role without access to meetings", 404: "No such meeting, not visible, or no minutes yet",
}, doc={"responses": {"200": {
    "description": "The minutes as PDF: the approved (or signed) document once approved, "
                   "else the latest draft; each copy watermarked with the caller's name and "
                   "the time, and audited",
    "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}}})
def get_minutes_pdf(meeting_id: int) -> Response:
    """The minutes of a meeting (closed session) as PDF, for its members, the DG and the
    secretariat."""
    meeting = meeting_for_minutes(db.session, g.api_user, meeting_id)
    minutes = started_minutes(db.session, meeting)
    return pdf_response(minutes_service.minutes_copy(db.session, minutes, actor=g.api_user),
                        f"minutes-{meeting.id}.pdf")
