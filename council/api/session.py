"""The meeting in session through the API (CONTRACT.md): attendance, recusal, poll, ballot and
close. Existence stays confidential: an item or meeting the caller may not see answers 404; a
member who withdrew from an item gets 403 on it."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import current_app, g
from flask_babel import gettext

from agenda import sitting as live
from agenda.meetings.queries import WithdrawnFromItem, require_meetings_access
from agenda.sitting import urgency
from agenda.sitting.wording import urgency_sentence
from council import permissions
from council.api.base import bearer_route, blp
from council.api.schemas import ErrorSchema
from council.db import db
from council.models import AgendaItem, User
from council.refusals import NotFound, require
from council.rules.attendance import Presence
from council.rules.majority import Choice

PRESENCES = [p.value for p in Presence]
CHOICES = [c.value for c in Choice]


class AttendanceRequestSchema(ma.Schema):
    member_id = ma.fields.Integer(required=True, strict=True)
    status = ma.fields.String(required=True, validate=ma.validate.OneOf(PRESENCES),
                              metadata={"enum": PRESENCES})
    from_item_id = ma.fields.Integer(load_default=None, allow_none=True, strict=True, metadata={
        "description": "From this item on (an arrival or a departure); null for the whole "
                       "meeting"})


class AttendanceSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    meeting_id = ma.fields.Integer(required=True)
    member_id = ma.fields.Integer(required=True)
    status = ma.fields.String(required=True)
    from_item_id = ma.fields.Integer(allow_none=True, required=True)
    recorded_by = ma.fields.String(required=True)
    recorded_at = ma.fields.DateTime(required=True)


class RecusalRequestSchema(ma.Schema):
    member_id = ma.fields.Integer(required=True, strict=True)
    reason = ma.fields.String(required=True, validate=ma.validate.Length(min=1,
                                                                          max=live.REASON_MAX))


class RecusalSchema(ma.Schema):
    item_id = ma.fields.Integer(required=True)
    member_id = ma.fields.Integer(required=True)
    reason = ma.fields.String(metadata={
        "description": "The reason, for the DG only: the minutes record that a member withdrew, "
                       "not why"})
    declared_by = ma.fields.String(required=True)
    declared_at = ma.fields.DateTime(required=True)


class PollRequestSchema(ma.Schema):
    secret = ma.fields.Boolean(load_default=None, allow_none=True, metadata={
        "description": "Vote by secret ballot, the chair's choice (forced for personnel "
                       "matters: `false` is refused); default: the item's setting"})


class PollSchema(ma.Schema):
    item_id = ma.fields.Integer(required=True)
    status = ma.fields.String(required=True, metadata={"enum": ["open", "closed"]})
    secret = ma.fields.Boolean(required=True)
    required = ma.fields.Integer(required=True, metadata={"description": "Quorum required"})
    present = ma.fields.Integer(required=True, metadata={
        "description": "Members counted present for the item (withdrawn members excluded)"})


class NoQuorumErrorSchema(ErrorSchema):
    """An error; when the quorum is not met (``no_quorum``), with its figures."""

    required = ma.fields.Integer(metadata={"description": "Quorum required (no_quorum)"})
    present = ma.fields.Integer(metadata={"description": "Members counted present (no_quorum)"})


class BallotRequestSchema(ma.Schema):
    choice = ma.fields.String(required=True, validate=ma.validate.OneOf(CHOICES),
                              metadata={"enum": CHOICES, "description":
                                        "blank and null: secret ballots only"})


class BallotSchema(ma.Schema):
    item_id = ma.fields.Integer(required=True)
    recorded = ma.fields.Boolean(required=True)
    secret = ma.fields.Boolean(required=True)


class GroupTallySchema(ma.Schema):
    yes = ma.fields.Integer(required=True)
    no = ma.fields.Integer(required=True)
    abstain = ma.fields.Integer(required=True)


class MemberVoteSchema(ma.Schema):
    member_id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    group = ma.fields.String(allow_none=True, required=True)
    choice = ma.fields.String(required=True)


class CandidateCountSchema(ma.Schema):
    name = ma.fields.String(required=True)
    votes = ma.fields.Integer(required=True)
    elected = ma.fields.Boolean(required=True)


class DesignationCountSchema(ma.Schema):
    candidates = ma.fields.List(ma.fields.Nested(CandidateCountSchema), required=True)
    valid = ma.fields.Integer(required=True, metadata={"description": "Ballots ticking a "
                                                                      "candidate"})
    void = ma.fields.Boolean(required=True, metadata={
        "description": "Both sexes not represented (or a tie age cannot decide): a new ballot "
                       "item follows"})
    decided_by_age = ma.fields.Boolean(required=True)
    new_ballot_item_id = ma.fields.Integer(allow_none=True, required=True)


class ResultSchema(GroupTallySchema):
    outcome = ma.fields.String(required=True, metadata={"enum": ["adopted", "rejected"]})
    secret = ma.fields.Boolean(required=True)
    blank = ma.fields.Integer(metadata={
        "description": "Secret ballots only: blank ballots, not votes cast"})
    null = ma.fields.Integer(metadata={
        "description": "Secret ballots only: null ballots, not votes cast"})
    sentence = ma.fields.String(required=True, metadata={
        "description": "The outcome as the minutes write it, in the centre's language"})
    by_group = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Nested(GroupTallySchema),
                              metadata={"description": "Open votes only"})
    votes = ma.fields.List(ma.fields.Nested(MemberVoteSchema),
                           metadata={"description": "Open votes only: who voted how"})
    designation = ma.fields.Nested(DesignationCountSchema, metadata={
        "description": "Designations only (LO art. 27 §6): the votes per candidate and the "
                       "verdict; yes counts the valid ballots"})


def _name(user: User | None) -> str:
    return user.display_name if user is not None else ""


@bearer_route("/meetings/<int:meeting_id>/attendance", "POST", {
    400: "Unknown member or item, bad status", 403: "Not the DG or the secretariat",
    404: "No such meeting, or not visible",
    409: "The sitting is not open (`sitting_not_open`) or closed (`sitting_closed`)",
}, status=201, schema=AttendanceSchema)
@blp.arguments(AttendanceRequestSchema)
def record_attendance(payload: dict[str, Any], meeting_id: int) -> dict[str, Any]:
    """Record a member present, absent or excused, for the whole meeting or from an item on."""
    meeting = live.meeting_in_session(db.session, g.api_user, meeting_id)
    require(permissions.can_record_attendance(g.api_user, meeting),
            gettext("Attendance is recorded by the DG or the secretariat."))
    record = live.record_attendance(db.session, meeting, payload["member_id"],
                                    Presence(payload["status"]), payload["from_item_id"],
                                    actor=g.api_user)
    return {"id": record.id, "meeting_id": meeting.id, "member_id": record.member_id,
            "status": record.status.value, "from_item_id": record.from_item_id,
            "recorded_by": _name(g.api_user), "recorded_at": record.recorded_at}


@bearer_route("/items/<int:item_id>/recusal", "POST", {
    400: "No reason, or not a member of the organ", 403: "Declaring for another member",
    404: "No such item, or not visible",
    409: "Already withdrawn, already voted, or vote closed",
    422: "The reason could identify a person (identity_in_text)",
}, status=201, schema=RecusalSchema)
@blp.arguments(RecusalRequestSchema)
def declare_recusal(payload: dict[str, Any], item_id: int) -> dict[str, Any]:
    """A member withdraws from an item for a conflict of interest (or staff record it)."""
    item = live.item_in_session(db.session, g.api_user, item_id, withdrawn_refused=False)
    require(permissions.can_declare_withdrawal(g.api_user, item, payload["member_id"]),
            gettext("A member declares their own withdrawal; the DG or the secretariat may "
                    "record it."))
    withdrawal = live.declare_withdrawal(db.session, item, payload["member_id"],
                                         payload["reason"], actor=g.api_user)
    answer = {"item_id": item.id, "member_id": withdrawal.member_id,
              "declared_by": _name(g.api_user), "declared_at": withdrawal.declared_at}
    if permissions.can_read_withdrawal_reason(g.api_user):
        answer["reason"] = withdrawal.read_reason()
    return answer


def _require_chair(item: AgendaItem) -> None:
    require(permissions.can_run_vote(g.api_user, item.meeting),
            gettext("Votes are opened and closed by the president or the DG."))


@bearer_route("/items/<int:item_id>/poll", "POST", {
    400: "Open vote asked for a personnel matter",
    403: "Not the president or the DG", 404: "No such item, or not visible",
    409: (NoQuorumErrorSchema, "No quorum (with `required` and `present`), already voted, "
                               "another vote open, or the sitting not open (`sitting_not_open`, "
                               "`sitting_closed`)"),
}, status=201, schema=PollSchema)
@blp.arguments(PollRequestSchema)
def open_poll(payload: dict[str, Any], item_id: int) -> Any:
    """Open the vote on an item; refused with 409 and the figures when the quorum is not met."""
    item = live.item_in_session(db.session, g.api_user, item_id)
    _require_chair(item)
    poll = live.open_poll(db.session, item, actor=g.api_user, secret=payload.get("secret"))
    return {"item_id": item.id, "status": poll.status.value, "secret": poll.is_secret,
            "required": poll.quorum_required, "present": poll.quorum_present}


class UrgencyRequestSchema(ma.Schema):
    votes_for = ma.fields.Integer(required=True, validate=ma.validate.Range(min=0), metadata={
        "description": "Members present who voted for the urgency (a show of hands)"})


class UrgencySchema(ma.Schema):
    item_id = ma.fields.Integer(required=True)
    present = ma.fields.Integer(required=True)
    votes_for = ma.fields.Integer(required=True)
    required = ma.fields.Integer(required=True, metadata={
        "description": "Votes the setting's majority needs (COUNCIL_URGENCY_MAJORITY, 2/3 of "
                       "the members present by default)"})
    declared = ma.fields.Boolean(required=True)
    sentence = ma.fields.String(required=True, metadata={
        "description": "The urgency vote as the minutes write it, in the centre's language"})


@bearer_route("/items/<int:item_id>/urgency", "POST", {
    400: "More votes than members present", 403: "Not the president or the DG",
    404: "No such item, or not visible",
    409: "Item on the convened agenda, urgency already voted, vote open, or nobody present",
}, status=201, schema=UrgencySchema)
@blp.arguments(UrgencyRequestSchema)
def urgency_vote(payload: dict[str, Any], item_id: int) -> dict[str, Any]:
    """Record the urgency vote on an item added after the convocation: it is taken (its vote
    opens) only once the urgency is declared."""
    item = live.item_in_session(db.session, g.api_user, item_id)
    _require_chair(item)
    vote = urgency.record_urgency_vote(
        db.session, item, payload["votes_for"], actor=g.api_user,
        majority=current_app.config["COUNCIL_URGENCY_MAJORITY"])
    return {"item_id": item.id, "present": vote.present, "votes_for": vote.votes_for,
            "required": vote.required, "declared": vote.is_declared,
            "sentence": urgency_sentence(vote.present, vote.votes_for, vote.required,
                                         vote.is_declared,
                                         language=item.meeting.organ.centre.language.value)}


@bearer_route("/items/<int:item_id>/ballot", "POST", {
    400: "Unknown choice", 403: "Not a member, withdrawn, or not present",
    404: "No such item, or not visible",
    409: "Vote not open, closed, or already cast; the sitting not open",
}, status=201, schema=BallotSchema)
@blp.arguments(BallotRequestSchema)
def cast_ballot(payload: dict[str, Any], item_id: int) -> dict[str, Any]:
    """Vote yes, no or abstain, once (a secret ballot stores no link to the voter)."""
    require_meetings_access(g.api_user)
    access = live.ballot_access(db.session, item_id, g.api_user)  # one query: the hot path
    if access is None or not access.visible:
        raise NotFound(gettext("No such item."))
    if access.withdrawn:
        raise WithdrawnFromItem()
    require(permissions.is_councillor(g.api_user), gettext("Only the members of the organ vote."))
    poll = live.cast_ballot(db.session, item_id, g.api_user.member_id,
                            Choice(payload["choice"]), actor=g.api_user)
    return {"item_id": item_id, "recorded": True, "secret": poll.is_secret}


@bearer_route("/items/<int:item_id>/poll/close", "POST", {
    403: "Not the president or the DG", 404: "No such item, or not visible",
    409: "Vote not open, or already closed",
}, schema=ResultSchema)
def close_poll(item_id: int) -> dict[str, Any]:
    """Close the vote: the tally, the outcome, the sentence for the minutes and, for open
    votes, who voted how and the tally per political group."""
    item = live.item_in_session(db.session, g.api_user, item_id)
    _require_chair(item)
    language = item.meeting.organ.centre.language.value
    result = live.close_poll(db.session, item, actor=g.api_user,
                             settings=live.vote_settings(current_app.config),
                             language=language)
    return result.as_dict()
