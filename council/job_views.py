"""A background job's progress page, and the fragment it polls every second (HTMX)."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request, url_for
from flask_login import current_user, login_required

from council.db import db
from council.models import Job
from council.services.jobs import KINDS, job_for

bp = Blueprint("jobs", __name__, url_prefix="/jobs")


@bp.before_request
def _expired_session_on_fragments() -> Response | None:
    """A polled fragment whose login expired sends the browser to the login page."""
    if request.headers.get("HX-Request") and not current_user.is_authenticated:
        return Response(status=204, headers={"HX-Redirect": url_for("auth.login")})
    return None


def _job(job_id: int) -> Job:
    return job_for(db.session, current_user, job_id)


@bp.route("/<int:job_id>")
@login_required
def show(job_id: int) -> str:
    job = _job(job_id)
    return render_template("jobs/show.html", job=job, title=KINDS.get(job.kind, job.kind))


@bp.route("/<int:job_id>/progress")
@login_required
def progress(job_id: int) -> str:
    return render_template("jobs/_progress.html", job=_job(job_id))
