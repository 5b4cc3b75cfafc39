"""Long work in the background, with its progress in the database.

``start_job`` records a job and sends it to the task queue (``council.queue``, Dramatiq): a
queue worker runs the work with its own application context and database session. The work
receives a :class:`JobRun` and calls ``run.advance()`` after each step: every step is one
commit, so the page shows true progress and a failure keeps the steps already done, each
whole. A worker killed mid-job leaves its message unacknowledged; the broker gives it to
another worker, which runs the work again: works are written so that a second run does only
what the first left undone (each step is whole), and a job already finished is not run again.

The work is named, not pickled: a ``functools.partial`` of a module-level function of the
application (its keyword arguments JSON values: ids, texts), so that another process can run
it. The message is encrypted with the data key (``council.queue``).

When the application is bound to a single connection (the tests wrap each test in one
transaction), no other thread may share it: the actor then runs before ``start_job`` returns.

Errors: the user sees the message of an exception listed in ``safe_errors`` (the services'
own messages, written for users); any other exception gives a generic sentence, and only its
type is logged, since its text could quote a file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from flask import Flask, has_request_context, request
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import Connection, event, select, update
from sqlalchemy.orm import Session

from council import permissions
from council.db import db, state
from council.models import Job, JobStatus, User
from council.models.base import utcnow
from council.queue import DOCUMENTS, PSEUDONYMISE, TaskQueue, task_queue
from council.refusals import NotFound
from council.services import audit

#: what each kind of job does, for its page; an area adds its kinds here
KINDS = {
    "schedule_reports": _l("Putting the waiting reports on the agenda (pseudonymisation)"),
    "minutes_approval": _l("Approving the minutes (rendering the PDF to be signed)"),
    "minutes_correction": _l("Correcting the minutes (rendering the new PDF to be signed)"),
}
#: the queue of each kind (``council.queue``): work that uses the French model goes to the
#: pseudonymisation workers, the rest to the document workers
QUEUE_OF_KIND = {"schedule_reports": PSEUDONYMISE}
#: the packages whose functions a job may run (a test suite adds its own module)
WORK_PACKAGES = {"council", "agenda", "minutes"}
_ACTOR = "run_job"
_STEP = "run_job_step"


@dataclass
class JobRun:
    """What the work gets: its own session, its job and who started it."""

    session: Session
    job: Job
    actor: User
    #: how the job was sent (to send its steps the same way); None outside a runner
    message: _Message | None = None
    #: set by ``spread``: the job ends when its last step does, not when the work returns
    spread_out: bool = False
    #: a step: whether it was counted (``count_with_next_commit``)
    counted: bool = False

    def set_total(self, total: int) -> None:
        """How many steps the work will take (shown as "n of total")."""
        self.job.total = total
        self.session.commit()

    def advance(self, steps: int = 1) -> None:
        """Records steps done, with whatever the work changed in this session: one commit."""
        self.job.advance(steps)
        self.session.commit()

    def spread(self, steps: Sequence[partial[Any]]) -> None:
        """Sends each step (a work, as for ``start_job``) as a message of its own on the job's
        queue, so that every worker of that queue shares them; the job counts them as they end
        and is done with the last. A step counts itself with its own commit
        (``count_with_next_commit``), or, if it commits nothing, when it returns."""
        assert self.message is not None  # noqa: S101 (only a runner's work spreads)
        messages = [self.message.step(self.job.id, step) for step in steps]
        self.spread_out = True
        self.job.total = len(messages)
        self.session.commit()
        for message in messages:
            self.message.send(message)

    def count_with_next_commit(self) -> None:
        """The step is counted in the same transaction as the next commit of the work, so
        that a step delivered again after a crash finds itself done and counted, or neither."""
        if not event.contains(self.session, "before_commit", self._count):
            event.listen(self.session, "before_commit", self._count, once=True)

    def _count(self, session: Session) -> None:
        session.execute(update(Job).where(Job.id == self.job.id)
                        .values(done=Job.done + 1, updated_at=utcnow())
                        .execution_options(synchronize_session=False))
        self.counted = True

    def counted_by_another_delivery(self) -> None:
        """The step finds its work done, and counted, by another delivery of its message (the
        broker gives a message again when it takes its worker for dead)."""
        self._forget_count()
        self.counted = True

    def _forget_count(self) -> None:
        if event.contains(self.session, "before_commit", self._count):
            event.remove(self.session, "before_commit", self._count)


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
    name = work_name(work)  # before anything is recorded: a work another process can find
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
    base_url = request.host_url if has_request_context() else None
    message = _Message(task_queue(), QUEUE_OF_KIND.get(kind, DOCUMENTS),
                       [work_name(error) for error in safe_errors], base_url,
                       actor.language.value)
    message.send((_ACTOR, job.id, name, _to_wire(work.keywords)))
    if message.inline:
        session.refresh(job)
    return job


@dataclass
class _Message:
    """How a job's messages are sent: its queue, and what every runner of it needs."""

    queue: TaskQueue
    queue_name: str
    safe_errors: list[str]
    #: the request's root, so that the work may build links with ``url_for``
    base_url: str | None
    language: str

    @property
    def inline(self) -> bool:
        return isinstance(state().bind, Connection)

    def step(self, job_id: int, work: partial[Any]) -> tuple[Any, ...]:
        return (_STEP, job_id, work_name(work), _to_wire(work.keywords))

    def send(self, message: tuple[Any, ...]) -> None:
        kind, *body = message
        arguments = (*body, self.safe_errors, self.base_url, self.language)
        actor_name = f"{kind}_{self.queue_name}"
        if self.inline:
            self.queue.run_inline(actor_name, *arguments)
        else:
            self.queue.send(actor_name, *arguments)


def declare_actor(queue: TaskQueue) -> None:
    """The actors of every job (its work, and its steps when it spreads), on each queue."""

    def job_actor(*message: Any) -> None:
        run_job(queue.app, queue, *message)

    def step_actor(*message: Any) -> None:
        run_job(queue.app, queue, *message, step=True)

    for queue_name in sorted({DOCUMENTS, *QUEUE_OF_KIND.values()}):
        queue.declare(job_actor, name=f"{_ACTOR}_{queue_name}", queue_name=queue_name,
                      with_app=False)
        queue.declare(step_actor, name=f"{_STEP}_{queue_name}", queue_name=queue_name,
                      with_app=False)


def work_name(function: Any) -> str:
    """``module:qualname`` of a work (a ``partial``) or of an exception class."""
    function = function.func if isinstance(function, partial) else function
    if function.__module__.split(".")[0] not in WORK_PACKAGES or "<" in function.__qualname__:
        raise ValueError(f"a job runs a module-level function of the application, "
                         f"not {function!r}")
    return f"{function.__module__}:{function.__qualname__}"


def _resolve(name: str) -> Any:
    module_name, _, qualname = name.partition(":")
    if module_name.split(".")[0] not in WORK_PACKAGES:
        raise ValueError(f"not a work of the application: {name!r}")
    found: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


def _to_wire(value: Any) -> Any:
    """JSON keeps only string keys: a mapping with other keys (item ids) travels as pairs."""
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value):
            return {key: _to_wire(item) for key, item in value.items()}
        return {"__pairs__": [[key, _to_wire(item)] for key, item in value.items()]}
    if isinstance(value, list | tuple):
        return [_to_wire(item) for item in value]
    return value


def _from_wire(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"__pairs__"}:
            return {key: _from_wire(item) for key, item in value["__pairs__"]}
        return {key: _from_wire(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_from_wire(item) for item in value]
    return value


def run_job(app: Flask, queue: TaskQueue, job_id: int, work: str, keywords: dict[str, Any],
            safe_errors: list[str], base_url: str | None, language: str, *,
            step: bool = False) -> None:
    """What the actors do: runs a recorded job's work, or one of its steps (in a worker, or
    inline in the tests)."""
    _Runner(app, job_id, partial(_resolve(work), **_from_wire(keywords)),
            tuple(_resolve(name) for name in safe_errors), base_url, language, queue,
            step).run()


@dataclass
class _Runner:
    app: Flask
    job_id: int
    work: Work
    safe_errors: tuple[type[Exception], ...]
    base_url: str | None
    language: str
    queue: TaskQueue
    #: one step of a spread job: counted when it ends; the job ends with its last step
    step: bool = False

    def run(self) -> None:
        # contexts of its own: db.session is a new session (even when run inline), and
        # url_for and gettext work as in the request that started the job
        with (self.app.app_context(), self.app.test_request_context(base_url=self.base_url),
              force_locale(self.language)):
            session = db.session()
            job = session.get(Job, self.job_id)
            if job is None or job.is_finished:
                return  # a message delivered again after its job was done: done once
            if not self.step and job.status is JobStatus.running:
                # delivered again: its worker died; the steps it finished are stored, each
                # whole, and the work counts again what is left
                job.done = 0
            actor = session.get(User, job.created_by_id)
            if not self.step:
                job.start()
                session.commit()
            run = JobRun(session, job, actor, _Message(
                self.queue, QUEUE_OF_KIND.get(job.kind, DOCUMENTS),
                [work_name(error) for error in self.safe_errors], self.base_url,
                self.language))
            try:
                result = self.work(run)
            except self.safe_errors as error:
                run._forget_count()
                self._fail(session, str(error))
            except Exception as error:  # the work's own failure: the job says so
                run._forget_count()
                self.app.logger.error("job %s (%s) failed: %s", self.job_id, job.kind,
                                      type(error).__name__)
                self._fail(session, gettext(
                    "The work stopped on an unexpected error. What was done before is kept; "
                    "please try again, or tell the IT administrator if it fails again."))
            else:
                if self.step:
                    if not run.counted:  # the step committed nothing of its own
                        run._forget_count()
                        run._count(session)
                        session.commit()
                    self._finish_if_last(session)
                elif not run.spread_out or job.total == 0:
                    job.finish(result)
                    session.commit()

    def _finish_if_last(self, session: Session) -> None:
        job = session.get(Job, self.job_id, populate_existing=True)
        if job is not None and not job.is_finished and job.done >= (job.total or 0):
            job.finish(None)
            session.commit()

    def _fail(self, session: Session, message: str) -> None:
        session.rollback()
        job = session.get(Job, self.job_id)
        if job is not None and not job.is_finished:
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
