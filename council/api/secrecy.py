"""``POST /api/v1/secrecy/requests/{id}/decision``: the DG decides on a request to lift
professional secrecy (the same service as the web page: the same rule refuses any field the basis
does not allow, social reports and the like included)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import g, request
from flask_babel import gettext

from council import permissions
from council.api.base import bearer_route, blp
from council.db import db
from council.models import RequestStatus
from council.refusals import Denied
from minutes import secrecy

DECISIONS = [RequestStatus.refused.value, RequestStatus.partial.value, RequestStatus.full.value]


class SecrecyDecisionSchema(ma.Schema):
    outcome = ma.fields.String(required=True, validate=ma.validate.OneOf(DECISIONS))
    reasons = ma.fields.String(required=True, validate=ma.validate.Length(
        min=1, max=secrecy.MAX_REASONS), metadata={"description": "The written reasons"})
    fields = ma.fields.List(ma.fields.String(validate=ma.validate.Length(max=40)),
                            load_default=list, validate=ma.validate.Length(max=20), metadata={
        "description": "For a partial disclosure: identity, addresses, application_data, "
                       "aid_decisions, as far as the basis allows"})
    consent_id = ma.fields.Integer(load_default=None, allow_none=True, metadata={
        "description": "For a disclosure on consent: the consent relied on"})
    passphrase = ma.fields.String(load_default="", validate=ma.validate.Length(max=256),
                                  metadata={"description": "The signing certificate's passphrase"})
    password = ma.fields.String(load_default="", validate=ma.validate.Length(max=256),
                                metadata={"description": "The DG's password again (disclosures)"})
    otp = ma.fields.String(load_default=None, allow_none=True,
                           validate=ma.validate.Length(max=32))
    requester_address = ma.fields.String(
        load_default=None, allow_none=True, validate=ma.validate.Length(max=secrecy.MAX_ADDRESS),
        metadata={"description": "For a disclosure: the requester's postal address (lines "
                                 "separated by line breaks; a prosecutor's: the parquet's), "
                                 "when the request has none yet"})


class SecrecyDecisionResultSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    status = ma.fields.String(required=True, metadata={"enum": DECISIONS})
    fields = ma.fields.List(ma.fields.String(), required=True, metadata={
        "description": "The fields disclosed (empty for a refusal)"})


@bearer_route("/secrecy/requests/<int:request_id>/decision", "POST", {
    400: "Reasons missing, a field the basis does not allow, no standing consent, or the "
         "signature refused",
    403: "Not the director-general", 404: "No such request",
}, schema=SecrecyDecisionResultSchema)
@blp.arguments(SecrecyDecisionSchema)
def decide_secrecy_request(payload: dict[str, Any], request_id: int) -> dict[str, Any]:
    """Refuse, or disclose (partly or fully) in a letter signed by the DG."""
    user = g.api_user
    # a social worker learns nothing of requests they did not refer (404); other roles, and
    # the social worker who referred this one, are simply not the DG (403)
    not_the_dg = gettext("Only the director-general decides on lifting professional secrecy.")
    found = secrecy.request_for(db.session, user, request_id, denied=not_the_dg)
    if not permissions.can_decide_secrecy_request(user, found):
        raise Denied(not_the_dg)
    decision = secrecy.DecisionInput(
        status=RequestStatus(payload["outcome"]), reasons=payload["reasons"],
        fields=payload["fields"], consent_id=payload["consent_id"],
        passphrase=payload["passphrase"], password=payload["password"], otp=payload["otp"],
        address=request.remote_addr or "", requester_address=payload["requester_address"])
    secrecy.decide(db.session, found, decision, actor=user)  # a refusal: 400 secrecy_refused
    return {"id": found.id, "status": found.status.value,
            "fields": found.disclosure.fields if found.disclosure else []}
