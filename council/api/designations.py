"""Designations through the API (LO art. 27 §6; ``agenda.sitting.designations``): the
candidates of a designation item, entered by the DG or the secretariat and read by everyone
who sees the item, and a member's ballot ticking up to as many candidates as there are seats
(or blank, or null). The count comes with the poll's close (``POST /items/{id}/poll/close``,
its ``designation`` field)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import g
from flask_babel import gettext

from agenda import sitting as live
from agenda.meetings.queries import WithdrawnFromItem, require_meetings_access
from agenda.sitting import designations
from agenda.sitting.designation_views import ballot_from
from council import permissions
from council.api.base import bearer_route, blp
from council.db import db
from council.models import AgendaItem, DesignationCandidate, Sex
from council.models.designations import CANDIDATE_NAME_MAX
from council.refusals import NotFound, require

SEXES = [s.value for s in Sex]
SPOILT = ["blank", "null"]


class CandidateRequestSchema(ma.Schema):
    member_id = ma.fields.Integer(load_default=None, allow_none=True, strict=True, metadata={
        "description": "A member of the council standing (their recorded sex and birth date "
                       "unless given); null for another person presented"})
    name = ma.fields.String(load_default=None, allow_none=True,
                            validate=ma.validate.Length(min=1, max=CANDIDATE_NAME_MAX),
                            metadata={"description": "Another person's name (identity guard)"})
    sex = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.OneOf(SEXES),
                           metadata={"enum": SEXES})
    birth_date = ma.fields.Date(load_default=None, allow_none=True)


class CandidateSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    sex = ma.fields.String(required=True, metadata={"enum": SEXES})
    member_id = ma.fields.Integer(allow_none=True, required=True)
    votes = ma.fields.Integer(allow_none=True, required=True, metadata={
        "description": "Once the ballot is counted"})
    elected = ma.fields.Boolean(allow_none=True, required=True, metadata={
        "description": "Elected by the ballot, once counted (even when the result is void)"})


class CandidatesSchema(ma.Schema):
    item_id = ma.fields.Integer(required=True)
    seats = ma.fields.Integer(allow_none=True, required=True)
    candidates = ma.fields.List(ma.fields.Nested(CandidateSchema), required=True)


class DesignationBallotRequestSchema(ma.Schema):
    candidates = ma.fields.List(ma.fields.Integer(strict=True), load_default=list,
                                validate=ma.validate.Length(max=designations.MAX_CANDIDATES),
                                metadata={"description": "The candidate ids ticked: at most "
                                                         "as many as the item's seats"})
    spoilt = ma.fields.String(load_default=None, allow_none=True,
                              validate=ma.validate.OneOf(SPOILT), metadata={
                                  "enum": SPOILT, "description": "A blank or a null ballot "
                                                                 "instead of ticks"})


class DesignationBallotSchema(ma.Schema):
    item_id = ma.fields.Integer(required=True)
    recorded = ma.fields.Boolean(required=True)


def _candidate(candidate: DesignationCandidate) -> dict[str, Any]:
    return {"id": candidate.id, "name": candidate.name, "sex": candidate.sex.value,
            "member_id": candidate.member_id, "votes": candidate.votes,
            "elected": candidate.is_elected}


def _candidates(item: AgendaItem) -> dict[str, Any]:
    return {"item_id": item.id, "seats": item.seats,
            "candidates": [_candidate(c) for c in item.candidates]}


@bearer_route("/items/<int:item_id>/candidates", "GET", {
    400: "Not a designation", 403: "Withdrawn from the item, or no access to meetings",
    404: "No such item, or not visible",
}, schema=CandidatesSchema)
def list_candidates(item_id: int) -> dict[str, Any]:
    """The seats and candidates of a designation item (the ids a ballot ticks)."""
    item = live.item_in_session(db.session, g.api_user, item_id)
    if item.kind.value != "designation":
        raise live.InvalidInput("not_a_designation", gettext("This item is not a designation."))
    return _candidates(item)


@bearer_route("/items/<int:item_id>/candidates", "POST", {
    400: "Not a designation, or a candidate's facts missing or invalid; a name the identity "
         "guard flags", 403: "Not the DG or the secretariat", 404: "No such item, or not visible",
    409: "Ballot open or counted, candidate already entered, or meeting closed",
}, status=201, schema=CandidatesSchema)
@blp.arguments(CandidateRequestSchema)
def add_candidate(payload: dict[str, Any], item_id: int) -> dict[str, Any]:
    """Enter a candidate on a designation item (the DG or the secretariat)."""
    item = live.item_in_session(db.session, g.api_user, item_id)
    require(permissions.can_enter_candidates(g.api_user, item),
            gettext("The candidates are entered by the DG or the secretariat."))
    designations.add_candidate(
        db.session, item, actor=g.api_user, member_id=payload["member_id"],
        name=payload["name"], sex=Sex(payload["sex"]) if payload["sex"] else None,
        birth_date=payload["birth_date"])
    return _candidates(item)


class SeatsRequestSchema(ma.Schema):
    seats = ma.fields.Integer(required=True, strict=True, validate=ma.validate.Range(
        min=1, max=designations.MAX_SEATS), metadata={
            "description": "Seats the designation fills (the president's seat not included)"})


@bearer_route("/items/<int:item_id>/seats", "POST", {
    400: "Not a designation, or a number of seats out of range",
    403: "Not the DG or the secretariat", 404: "No such item, or not visible",
    409: "Ballot open or counted, or meeting closed",
}, schema=CandidatesSchema)
@blp.arguments(SeatsRequestSchema)
def set_seats(payload: dict[str, Any], item_id: int) -> dict[str, Any]:
    """Set the number of seats a designation item fills (the DG or the secretariat)."""
    item = live.item_in_session(db.session, g.api_user, item_id)
    require(permissions.can_enter_candidates(g.api_user, item),
            gettext("The candidates are entered by the DG or the secretariat."))
    designations.set_seats(db.session, item, payload["seats"], actor=g.api_user)
    return _candidates(item)


@bearer_route("/items/<int:item_id>/designation-ballot", "POST", {
    400: "Too many or unknown candidates, none ticked, or not a designation",
    403: "Not a member, withdrawn, or not present", 404: "No such item, or not visible",
    409: "Ballot not open, closed, or already cast",
}, status=201, schema=DesignationBallotSchema)
@blp.arguments(DesignationBallotRequestSchema)
def cast_designation_ballot(payload: dict[str, Any], item_id: int) -> dict[str, Any]:
    """Cast a designation ballot, once: candidates ticked, or blank, or null (a secret ballot:
    no link to the voter is stored)."""
    require_meetings_access(g.api_user)
    access = live.ballot_access(db.session, item_id, g.api_user)
    if access is None or not access.visible:
        raise NotFound(gettext("No such item."))
    if access.withdrawn:
        raise WithdrawnFromItem()
    require(permissions.is_councillor(g.api_user), gettext("Only the members of the organ vote."))
    designations.cast_designation_ballot(
        db.session, item_id, g.api_user.member_id,
        ballot_from(payload["candidates"], payload["spoilt"]), actor=g.api_user)
    return {"item_id": item_id, "recorded": True}
