"""``POST /api/v1/reports``: a social worker submits a social report (CONTRACT.md)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import marshmallow as ma
from flask import g
from flask_babel import gettext

from agenda import reports
from council import permissions
from council.api.base import bearer_route, blp
from council.db import db
from council.models import OrganKind
from council.refusals import require

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
        require(permissions.can_submit_report(g.api_user),
                gettext("Only social workers submit reports."))
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@bearer_route("/reports", "POST", {
    400: "Bad dossier or text; says which field", 403: "Not a social worker",
    409: "reference_taken: the reference is another social worker's dossier",
    413: "Request larger than the limit",
    503: "service_unavailable: no pseudonymisation worker answered within "
         "COUNCIL_QUEUE_WAIT_SECONDS (default 120 s); nothing was stored, send it again later",
}, status=201, schema=ReportDraftSchema)
@social_worker_only
@blp.arguments(ReportRequestSchema)
def submit_report(payload: dict[str, Any]) -> dict[str, Any]:
    """Submit a social report with its dossier identity; returns the pseudonymised draft.

    The request waits while a pseudonymisation worker of the task queue pseudonymises the
    report (the identity travels encrypted with the centre's data key), then stores it."""
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
