"""The decisions back to the social software (issue 15, item 5): ``GET /decisions?since=…``
for the DG and the integration account; and the one way to change a decision once taken,
``POST /items/{id}/decision-revisions`` (the DG's correction with its reason): no endpoint
edits a decided item in place."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import marshmallow as ma
from flask import g
from flask_babel import gettext

from agenda.meetings.queries import viewed_item
from council import permissions
from council.api.base import bearer_route, blp
from council.db import db
from council.refusals import require
from minutes import decisions

F = TypeVar("F", bound=Callable[..., Any])


class DecisionQuerySchema(ma.Schema):
    since = ma.fields.AwareDateTime(load_default=None, default_timezone=None, metadata={
        "description": "ISO 8601 date and time with its offset: the decisions taken or "
                       "corrected at or after it (all when omitted)"})
    after = ma.fields.Integer(load_default=None, validate=ma.validate.Range(min=0, max=2**31),
                              metadata={"description": "With `since`, the cursor of the next "
                                        "page: the item id of the last decision read"})
    limit = ma.fields.Integer(load_default=decisions.PAGE_DEFAULT,
                              validate=ma.validate.Range(min=1, max=decisions.PAGE_MAX))


class RevisionSchema(ma.Schema):
    number = ma.fields.Integer(required=True)
    text = ma.fields.String(required=True, metadata={"description": "The decision as corrected"})
    reason = ma.fields.String(required=True)
    created_at = ma.fields.DateTime(required=True)


class DecisionSchema(ma.Schema):
    item_id = ma.fields.Integer(required=True)
    meeting_id = ma.fields.Integer(required=True)
    item_number = ma.fields.Integer(required=True)
    title = ma.fields.String(required=True, metadata={"description": "Pseudonymised title"})
    dossier_reference = ma.fields.String(required=True)
    organ = ma.fields.String(required=True)
    sitting_date = ma.fields.Date(required=True, metadata={
        "description": "The day of the sitting, in Belgium: the decision's date"})
    decided_at = ma.fields.DateTime(allow_none=True, required=True)
    changed_at = ma.fields.DateTime(required=True, metadata={
        "description": "When the decision was taken, or last corrected"})
    outcome = ma.fields.String(allow_none=True, required=True,
                               metadata={"enum": ["adopted", "rejected", None]})
    language = ma.fields.String(required=True, metadata={
        "description": "The applicant's language (fr, nl, de), that of `outcome_text`"})
    outcome_text = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "The verdict and the counts, in the applicant's language"})
    decision_text = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "The decision as it stands (the latest correction's text, else the "
                       "text decided), pseudonymised, in the language of the centre's "
                       "documents (`decision_language`)"})
    decision_language = ma.fields.String(required=True)
    notification = ma.fields.String(required=True, metadata={
        "enum": ["pending", "generated", "sent"],
        "description": "pending: no letter yet; generated: a letter awaits sending; sent"})
    notified_at = ma.fields.DateTime(allow_none=True, required=True)
    latest_revision = ma.fields.Nested(RevisionSchema, allow_none=True, required=True)


class CursorSchema(ma.Schema):
    since = ma.fields.DateTime(required=True)
    after = ma.fields.Integer(required=True)


class DecisionPageSchema(ma.Schema):
    decisions = ma.fields.List(ma.fields.Nested(DecisionSchema), required=True)
    next = ma.fields.Nested(CursorSchema, allow_none=True, required=True, metadata={
        "description": "The query of the next page (`since` and `after`), null on the last"})


class RevisionRequestSchema(ma.Schema):
    text = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=20_000))
    reason = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=1000))
    override_reason = ma.fields.String(load_default=None, allow_none=True,
                                       validate=ma.validate.Length(max=1000))


def dg_only(view: F) -> F:
    """Refuses other roles before the body is even parsed: only the DG corrects decisions."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        require(permissions.is_dg(g.api_user), gettext("Only the director-general corrects a "
                                                       "decision."))
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _revision(revision: Any) -> dict[str, Any] | None:
    if revision is None:
        return None
    return {"number": revision.number, "text": revision.text, "reason": revision.reason,
            "created_at": revision.created_at}


def _decision(entry: decisions.FeedEntry) -> dict[str, Any]:
    item, poll = entry.item, entry.poll
    return {
        "item_id": item.id, "meeting_id": item.meeting_id, "item_number": item.number,
        "title": item.title, "dossier_reference": entry.report.dossier.reference,
        "organ": item.meeting.organ.kind.value, "sitting_date": item.meeting.day,
        "decided_at": poll.closed_at if poll else None, "changed_at": entry.changed_at,
        "outcome": poll.outcome.value if poll and poll.outcome else None,
        "language": entry.language.value, "outcome_text": entry.outcome_text,
        "decision_text": entry.decision_text,
        "decision_language": item.meeting.organ.centre.language.value,
        "notification": entry.notification, "notified_at": entry.sent_at,
        "latest_revision": _revision(entry.latest_revision),
    }


@bearer_route("/decisions", "GET", {
    400: "Bad `since`, `after` or `limit`",
    403: "Neither the DG nor the integration account",
}, schema=DecisionPageSchema)
@blp.arguments(DecisionQuerySchema, location="query")
def list_decisions(query: dict[str, Any]) -> dict[str, Any]:
    """The decisions taken on social reports, taken or corrected since a moment, oldest change
    first (then by item): pass `next` back as the query for the following page."""
    page = decisions.decisions_since(db.session, actor=g.api_user, since=query["since"],
                                     after=query["after"], limit=query["limit"])
    cursor = page.next_cursor
    return {"decisions": [_decision(entry) for entry in page.entries],
            "next": {"since": cursor[0], "after": cursor[1]} if cursor else None}


@bearer_route("/items/<int:item_id>/decision-revisions", "POST", {
    400: "No text or no reason, or nothing changed", 403: "Not the DG",
    404: "No such item, or not visible", 409: "not_decided: the item is not decided",
    422: "identity_in_text: the text or the reason could name a person",
}, status=201, schema=RevisionSchema)
@dg_only
@blp.arguments(RevisionRequestSchema)
def revise_decision(payload: dict[str, Any], item_id: int) -> dict[str, Any]:
    """Correct a decision already taken: a new decision revision with its reason (the DG);
    the text decided stays, and the minutes record the correction."""
    item = viewed_item(db.session, g.api_user, item_id)
    revision = decisions.revise_decision(db.session, item, actor=g.api_user,
                                         text=payload["text"], reason=payload["reason"],
                                         override_reason=payload["override_reason"])
    return _revision(revision) or {}
