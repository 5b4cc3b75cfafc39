"""The HTTP API under /api/v1 (contract in ../shared/CONTRACT.md), bearer-token authenticated."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, Response, current_app, g, request
from flask_babel import gettext
from flask_smorest import Api, Blueprint, abort
from sqlalchemy import select

from council import permissions
from council.api.schemas import (
    ErrorSchema,
    ItemSchema,
    MeetingSchema,
    MeetingSummarySchema,
    TokenRequestSchema,
    TokenSchema,
)
from council.db import db
from council.errors import api_error
from council.extensions import csrf
from council.models import AgendaItem, Meeting, User
from council.services import accounts, two_factor
from council.services.meetings import item_for, meeting_for, sitting_members, visible_meetings


class CouncilApi(Api):
    """flask-smorest's Api without its app-wide JSON error handler: web pages keep HTML errors,
    and API errors follow the contract's ``{"error", "message"}`` shape (``council.errors``).
    """

    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self) -> None:
        return None


blp = Blueprint("api", __name__, url_prefix="/api/v1",
                description="Meetings, items, attendance and votes of the CPAS organs.")

F = TypeVar("F", bound=Callable[..., Any])
BEARER = [{"bearerAuth": []}]


def token_required(view: F) -> F:
    """Authenticates ``Authorization: Bearer TOKEN``; the user is in ``g.api_user``."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        user = (accounts.user_for_token(db.session, token.strip())
                if scheme.lower() == "bearer" and token.strip() else None)
        if user is None:
            abort(401, error="unauthorized", message=gettext("A valid bearer token is required."))
        g.api_user = user
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _meeting_summary(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "organ": meeting.organ.kind.value,
        "organ_name": meeting.organ.name,
        "date": meeting.starts_at,
        "place": meeting.place,
        "status": meeting.status.value,
    }


@blp.route("/token", methods=["POST"])
@blp.arguments(TokenRequestSchema)
@blp.response(200, TokenSchema)
@blp.alt_response(401, schema=ErrorSchema, description="Unknown user, wrong password or wrong "
                  "one-time code (`invalid_credentials`); `otp_required`: the account has "
                  "two-factor authentication and `otp` is missing; `enrolment_required`: the "
                  "account must first set up two-factor authentication on the web")
@blp.alt_response(429, schema=ErrorSchema, description="Too many failed attempts for this "
                  "account or address; wait for the Retry-After header's seconds")
def issue_token(payload: dict[str, Any]) -> dict[str, Any] | Response:
    """Exchange a username, password and (with two-factor authentication) a one-time code or a
    recovery code for a bearer token."""
    try:
        user = two_factor.log_in(db.session, payload["username"], payload["password"],
                                 payload.get("otp"), source="api",
                                 address=request.remote_addr or "")
    except accounts.LoginThrottled as throttled:
        response, status = api_error(429, "too_many_attempts",
                                     gettext("Too many attempts; please wait a moment."))
        response.status_code = status
        response.headers["Retry-After"] = str(throttled.retry_after)
        return response
    except two_factor.CodeRequired:
        abort(401, error="otp_required",
              message=gettext("This account needs a one-time code (otp) as well."))
    except two_factor.EnrolmentRequired:
        abort(401, error="enrolment_required",
              message=gettext("This account must first set up two-factor authentication on "
                              "the web."))
    if user is None:
        abort(401, error="invalid_credentials",
              message=gettext("Unknown username, wrong password or wrong one-time code."))
    issued = accounts.issue_token(db.session, user, current_app.config["API_TOKEN_LIFETIME"])
    return {"token": issued.token, "expires_at": issued.expires_at}


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


def require_meetings_access(user: User) -> None:
    """403 for roles without a meetings page (the IT administrator, social workers)."""
    if not permissions.can_view_meetings(user):
        abort(403, error="forbidden", message=gettext("You do not have access to meetings."))


@blp.route("/meetings", methods=["GET"])
@blp.doc(security=BEARER)
@blp.response(200, MeetingSummarySchema(many=True))
@blp.alt_response(401, schema=ErrorSchema, description="No valid token")
@blp.alt_response(403, schema=ErrorSchema, description="Role without access to meetings")
@token_required
def list_meetings() -> list[dict[str, Any]]:
    """Meetings the caller may see, newest first."""
    require_meetings_access(g.api_user)
    return [_meeting_summary(m) for m in visible_meetings(db.session, g.api_user)]


@blp.route("/meetings/<int:meeting_id>", methods=["GET"])
@blp.doc(security=BEARER)
@blp.response(200, MeetingSchema)
@blp.alt_response(401, schema=ErrorSchema, description="No valid token")
@blp.alt_response(403, schema=ErrorSchema, description="Role without access to meetings")
@blp.alt_response(404, schema=ErrorSchema, description="No such meeting, or not visible")
@token_required
def get_meeting(meeting_id: int) -> dict[str, Any]:
    """A meeting with its agenda items and the members sitting on its organ."""
    require_meetings_access(g.api_user)
    meeting = meeting_for(db.session, g.api_user, meeting_id)
    if meeting is None:
        abort(404, error="not_found", message=gettext("No such meeting."))
    memberships = sitting_members(meeting)
    from council.services.session import meeting_attendance

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


@blp.route("/items/<int:item_id>", methods=["GET"])
@blp.doc(security=BEARER)
@blp.response(200, ItemSchema)
@blp.alt_response(401, schema=ErrorSchema, description="No valid token")
@blp.alt_response(403, schema=ErrorSchema, description="Role without access to meetings")
@blp.alt_response(404, schema=ErrorSchema, description="No such item, or not visible")
@token_required
def get_item(item_id: int) -> dict[str, Any]:
    """An agenda item with its pseudonymised report and draft decision."""
    require_meetings_access(g.api_user)
    item = item_for(db.session, g.api_user, item_id)
    if item is None:
        abort(404, error="not_found", message=gettext("No such item."))
    return {
        **_item_summary(item),
        "meeting_id": item.meeting_id,
        "report": item.summary,
        "draft_decision": item.draft_decision,
    }


def register_api(app: Flask) -> None:
    from council.api import (
        minutes,  # noqa: F401 (GET /meetings/{id}/minutes.pdf)
        reports,  # noqa: F401 (adds POST /reports to blp)
        secrecy,  # noqa: F401 (POST /secrecy/requests/{id}/decision)
        session,  # noqa: F401 (attendance, recusal, poll, ballot, close)
    )

    api = CouncilApi(app)
    csrf.exempt(blp)  # bearer tokens, not cookies: no cross-site request can carry them
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    api.register_blueprint(blp)
