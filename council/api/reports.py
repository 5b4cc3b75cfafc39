"""``POST /api/v1/reports``: a social worker submits a social report (CONTRACT.md)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import marshmallow as ma
from flask import g
from flask_babel import gettext
from flask_smorest import abort

from agenda import reports
from council import permissions
from council.api.base import BEARER, blp, token_required
from council.api.schemas import ErrorSchema
from council.db import db
from council.models import OrganKind

F = TypeVar("F", bound=Callable[..., Any])


class ReportRequestSchema(ma.Schema):
    dossier = ma.fields.Dict(required=True, metadata={
        "description": "Dossier identity, as in ../shared/spec/dossier.schema.json"})
    text = ma.fields.String(required=True, metadata={"description": "The report, plain text"})
    organ = ma.fields.String(load_default=OrganKind.csss.value,
                             validate=ma.validate.OneOf([o.value for o in reports.REPORT_ORGANS]),
                             metadata={"description": "Organ asked to decide (default csss)"})


class ReportDraftSchema(ma.Schema):
    id = ma.fields.Integer(required=True, metadata={"description": "The report's id"})
    status = ma.fields.String(required=True, metadata={"enum": ["submitted", "scheduled",
                                                                "withdrawn"]})
    dossier_reference = ma.fields.String(required=True)
    organ = ma.fields.String(required=True)
    pseudonymised_text = ma.fields.String(required=True, metadata={
        "description": "The draft as councillors would read it, before review"})
    proposal = ma.fields.String(allow_none=True, required=True)
    doubts = ma.fields.Integer(required=True, metadata={
        "description": "How many words left may still be names (for the reviewer)"})


def social_worker_only(view: F) -> F:
    """Refuses other roles before the body is even parsed."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not permissions.can_submit_report(g.api_user):
            abort(403, error="forbidden", message=gettext("Only social workers submit reports."))
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@blp.route("/reports", methods=["POST"])
@blp.doc(security=BEARER)
@blp.response(201, ReportDraftSchema)
@blp.alt_response(400, schema=ErrorSchema, description="Bad dossier or text; says which field")
@blp.alt_response(401, schema=ErrorSchema, description="No valid token")
@blp.alt_response(403, schema=ErrorSchema, description="Not a social worker")
@blp.alt_response(409, schema=ErrorSchema,
                  description="reference_taken: the reference is another social worker's dossier")
@blp.alt_response(413, schema=ErrorSchema, description="Request larger than the limit")
@blp.alt_response(503, schema=ErrorSchema, description="Pseudonymisation service unavailable")
@token_required
@social_worker_only
@blp.arguments(ReportRequestSchema)
def submit_report(payload: dict[str, Any]) -> dict[str, Any]:
    """Submit a social report with its dossier identity; returns the pseudonymised draft."""
    submission = reports.Submission(dossier=payload["dossier"], text=payload["text"],
                                    organ=OrganKind(payload["organ"]), source_format="api")
    # refused: 400 invalid_report, 409 reference_taken, or 503 service_unavailable
    submitted = reports.submit_report(db.session, submission, actor=g.api_user)
    report = submitted.report
    return {
        "id": report.id,
        "status": report.status.value,
        "dossier_reference": report.dossier.reference,
        "organ": report.organ_kind.value,
        "pseudonymised_text": report.draft_text,
        "proposal": report.proposal,
        "doubts": submitted.doubts,
    }
