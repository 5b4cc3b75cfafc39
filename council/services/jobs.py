"""Long work in the background, with its progress in the database.

``start_job`` records a job and runs the work in a thread of the web process, with its own
application context and database session (so its own connection: SQLite in WAL mode lets the
progress page read while the work writes; PostgreSQL simply has two connections). The work
receives a :class:`JobRun` and calls ``run.advance()`` after each step: every step is one
commit, so the page shows true progress and a failure keeps the steps already done, each
whole.

When the application is bound to a single connection (the tests wrap each test in one
transaction), a thread could not share it: the work then runs before ``start_job`` returns.

The work must take ids, not objects loaded in the request: those belong to another session.
Errors: the user sees the message of an exception listed in ``safe_errors`` (the services'
own messages, written for users); any other exception gives a generic sentence, and only its
type is logged, since its text could quote a file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, has_request_context, request
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from council import permissions
from council.db import db, state
from council.models import Job, JobStatus, User
from council.refusals import NotFound
from council.services import audit

#: what each kind of job does, for its page; an area adds its kinds here
KINDS = {
    "schedule_reports": _l("Putting the waiting reports on the agenda (pseudonymisation)"),
    "minutes_approval": _l("Approving the minutes (rendering the PDF to be signed)"),
    "minutes_correction": _l("Correcting the minutes (rendering the new PDF to be signed)"),
}


@dataclass
class JobRun:
    """What the work gets: its own session, its job and who started it."""

    session: Session
    job: Job
    actor: User

    def set_total(self, total: int) -> None:
        """How many steps the work will take (shown as "n of total")."""
        self.job.total = total
        self.session.commit()

    def advance(self, steps: int = 1) -> None:
        """Records steps done, with whatever the work changed in this session: one commit."""
        self.job.advance(steps)
        self.session.commit()


#: the work: gets the run, returns where the result is (a path), or None to keep the one given
Work = Callable[[JobRun], str | None]


def start_job(
    session: Session,
    *,
    kind: str,
    actor: User,
    work: Work,
    total: int | None = None,
    result_url: str | None = None,
    object_type: str | None = None,
    object_id: int | None = None,
    safe_errors: tuple[type[Exception], ...] = (),
) -> Job:
    """Records the job (queued) and starts the work. A job of the same kind on the same object
    still under way is returned instead of starting a second one."""
    if kind not in KINDS:
        raise ValueError(f"unknown job kind {kind!r}")
    if object_type is not None:
        running = session.scalar(
            select(Job).where(Job.kind == kind, Job.object_type == object_type,
                              Job.object_id == object_id,
                              Job.status.in_((JobStatus.queued, JobStatus.running)))
            .order_by(Job.id.desc()).limit(1))
        if running is not None and not running.is_stale:
            return running
    job = Job(kind=kind, created_by_id=actor.id, total=total, result_url=result_url,
              object_type=object_type, object_id=object_id)
    session.add(job)
    session.flush()
    audit.record(session, "job_started", actor=actor, object_type="job", object_id=job.id,
                 kind=kind)
    session.commit()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    base_url = request.host_url if has_request_context() else None
    runner = _Runner(app, job.id, work, safe_errors, base_url, actor.language.value)
    if isinstance(state().bind, Connection):
        runner.run()
        session.refresh(job)
    else:
        threading.Thread(target=runner.run, name=f"job-{job.id}", daemon=True).start()
    return job


@dataclass
class _Runner:
    app: Flask
    job_id: int
    work: Work
    safe_errors: tuple[type[Exception], ...]
    #: the request's root, so that the work may build links with ``url_for``
    base_url: str | None
    language: str

    def run(self) -> None:
        # contexts of its own: db.session is a new session (even when run inline), and
        # url_for and gettext work as in the request that started the job
        with (self.app.app_context(), self.app.test_request_context(base_url=self.base_url),
              force_locale(self.language)):
            session = db.session()
            job = session.get(Job, self.job_id)
            if job is None:
                return
            actor = session.get(User, job.created_by_id)
            job.start()
            session.commit()
            try:
                result = self.work(JobRun(session, job, actor))
            except self.safe_errors as error:
                self._fail(session, str(error))
            except Exception as error:  # the work's own failure: the job says so
                self.app.logger.error("job %s (%s) failed: %s", self.job_id, job.kind,
                                      type(error).__name__)
                self._fail(session, gettext(
                    "The work stopped on an unexpected error. What was done before is kept; "
                    "please try again, or tell the IT administrator if it fails again."))
            else:
                job.finish(result)
                session.commit()

    def _fail(self, session: Session, message: str) -> None:
        session.rollback()
        job = session.get(Job, self.job_id)
        if job is not None:
            job.fail(message)
            session.commit()


def job_for(session: Session, user: Any, job_id: int) -> Job:
    """The one loader of a job: ``NotFound`` unless ``user`` may see it (someone else's job
    does not exist, as far as the user can tell)."""
    job = current_job(session, job_id)
    if job is None or not permissions.can_view_job(user, job):
        raise NotFound()
    return job


def current_job(session: Session, job_id: int) -> Job | None:
    """The job as it stands now in the database, not as this session last saw it."""
    return session.get(Job, job_id, populate_existing=True)
