"""Request and response shapes of the HTTP API (they also generate the OpenAPI document)."""

from __future__ import annotations

import marshmallow as ma


class ErrorSchema(ma.Schema):
    error = ma.fields.String(required=True, metadata={"description": "Machine-readable code"})
    message = ma.fields.String(required=True, metadata={"description": "Human-readable text"})


class TokenRequestSchema(ma.Schema):
    username = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=80))
    password = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=256))
    otp = ma.fields.String(load_default=None, allow_none=True,
                           validate=ma.validate.Length(max=32),
                           metadata={"description": "One-time code (or a recovery code), for "
                                                    "accounts with two-factor authentication"})


class TokenSchema(ma.Schema):
    token = ma.fields.String(required=True)
    expires_at = ma.fields.DateTime(required=True)


class MeetingSummarySchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    organ = ma.fields.String(required=True, metadata={"enum": ["council", "bureau", "csss",
                                                               "committee"]})
    organ_name = ma.fields.String(required=True)
    date = ma.fields.DateTime(required=True, metadata={"description": "Start, ISO 8601 UTC"})
    place = ma.fields.String(required=True)
    status = ma.fields.String(required=True)


class ItemSummarySchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    number = ma.fields.Integer(required=True)
    title = ma.fields.String(required=True)
    kind = ma.fields.String(required=True)
    closed_session = ma.fields.Boolean(required=True)
    secret_ballot = ma.fields.Boolean(required=True)
    status = ma.fields.String(required=True)


class MeetingMemberSchema(ma.Schema):
    member_id = ma.fields.Integer(required=True)
    username = ma.fields.String(allow_none=True, required=True)
    name = ma.fields.String(required=True)
    group = ma.fields.String(allow_none=True, required=True)
    is_president = ma.fields.Boolean(required=True)
    attendance = ma.fields.String(allow_none=True, required=True, metadata={
        "description": "present, absent or excused; null until recorded"})


class MeetingSchema(MeetingSummarySchema):
    items = ma.fields.List(ma.fields.Nested(ItemSummarySchema), required=True)
    members = ma.fields.List(ma.fields.Nested(MeetingMemberSchema), required=True)


class ItemSchema(ItemSummarySchema):
    meeting_id = ma.fields.Integer(required=True)
    report = ma.fields.String(allow_none=True, required=True,
                              metadata={"description": "Pseudonymised social report or note"})
    draft_decision = ma.fields.String(allow_none=True, required=True)
