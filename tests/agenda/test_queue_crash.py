"""The task queue under a crash and shared by two workers, on PostgreSQL and Redis: a meeting's
waiting reports are scheduled by pseudonymisation worker processes (``dramatiq queue_worker``),
one queue message per report.

- ``kill -9`` of the worker mid-job: the broker gives its unacknowledged message to a new
  worker; the job completes once, every report has exactly one item, nothing half-stored.
- two workers share the reports: every person keeps one letter across the meeting (the
  meeting's row lock in ``agenda.reports.scheduling``), no letter is given twice.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from flask import Flask
from queue_support import Worker, namespace, redis_url
from report_samples import DOSSIER, TEXT, dossier
from scratch_database import app_for, scratch_database
from sqlalchemy import Connection, func, select
from support import DEMO_TODAY

from agenda import reports
from agenda.meetings.service import schedule_waiting_reports
from agenda.reports.common import ReportError
from agenda.reports.scheduling import load_registry
from council.db import db, state
from council.demo import build_demo
from council.migrate import upgrade
from council.models import (
    AgendaItem,
    AuditEntry,
    ItemKind,
    ItemPseudonymisation,
    Job,
    JobStatus,
    Meeting,
    MeetingStatus,
    Organ,
    OrganKind,
    ReportStatus,
    SocialReport,
    User,
)
from council.queue import PSEUDONYMISE
from council.services.jobs import start_job

pytestmark = [pytest.mark.redis, pytest.mark.slow]

#: reports of the meeting, over PEOPLE applicants: each applicant has several reports
REPORTS = 12
PEOPLE = 4
NAMES = [("Mireille", "Kabongo-Verhelst"), ("Jean-Luc", "Vandermeulen"),
         ("Fatima", "El Amrani"), ("Grégoire", "Dewolf-Lambotte")]


@dataclass
class Scene:
    app: Flask
    meeting_id: int
    report_ids: list[int]
    items_before: int
    url: str
    name: str
    database: tuple[str, str | None]


def _report(n: int) -> reports.Submission:
    first, last = NAMES[n % PEOPLE]
    applicant = {**DOSSIER["applicant"], "first_names": [first], "last_name": last}
    text = TEXT.replace("Mireille", first).replace("Kabongo-Verhelst", last)
    return reports.Submission(dossier=dossier(reference=f"2026/09{n % PEOPLE:02d}",
                                              applicant=applicant), text=text)


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    """A demo centre on a PostgreSQL schema of its own, a CSSS meeting in preparation and
    REPORTS waiting reports; an application whose queue is on Redis."""
    if not os.environ.get("COUNCIL_TEST_DATABASE_URL"):
        pytest.skip("the crash and scale tests run on PostgreSQL: set COUNCIL_TEST_DATABASE_URL")
    url = redis_url()
    with scratch_database("postgresql", tmp_path, "queue") as database, namespace(url) as name:
        setup = app_for(*database, TESTING=True)
        upgrade(state(setup).engine)
        with setup.app_context():
            session = db.session()
            build_demo(session, today=DEMO_TODAY)
            template = session.scalar(select(Meeting).join(Meeting.organ).where(
                Meeting.status == MeetingStatus.convened, Organ.kind == OrganKind.csss))
            meeting = Meeting(organ_id=template.organ_id, place=template.place,
                              starts_at=template.starts_at, status=MeetingStatus.draft)
            session.add(meeting)
            session.commit()
            assert meeting.organ.kind is OrganKind.csss
            worker = session.scalar(select(User).where(User.username == "socialworker"))
            submitted = reports.submit_reports(session, [_report(n) for n in range(REPORTS)],
                                               actor=worker)
            scene = Scene(setup, meeting.id, [s.report.id for s in submitted],
                          len(meeting.items), url, name, database)
            db.session.remove()
        scene.app = app_for(*database, TESTING=True, COUNCIL_QUEUE_URL=url,
                            COUNCIL_QUEUE_NAMESPACE=name)
        yield scene
        state(setup).engine.dispose()
        state(scene.app).engine.dispose()


def _start(scene: Scene) -> int:
    with scene.app.test_request_context():
        session = db.session()
        dg = session.scalar(select(User).where(User.username == "dg"))
        job = start_job(session, kind="schedule_reports", actor=dg,
                        work=partial(schedule_waiting_reports, meeting_id=scene.meeting_id),
                        object_type="meeting", object_id=scene.meeting_id,
                        safe_errors=(ReportError,))
        assert job.status is JobStatus.queued  # sent to Redis, not run here
        job_id = job.id
        db.session.remove()
    return job_id


def _job(scene: Scene, job_id: int) -> tuple[JobStatus, int, int | None]:
    with scene.app.app_context():
        job = db.session.get(Job, job_id)
        seen = (job.status, job.done, job.total)
        db.session.remove()
    return seen


def _wait(scene: Scene, job_id: int, until: object, seconds: float, workers: list[Worker]
          ) -> tuple[JobStatus, int, int | None]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        seen = _job(scene, job_id)
        if until(seen):  # type: ignore[operator]
            return seen
        time.sleep(0.2)
    logs = "\n".join(w.log.read_text()[-3000:] for w in workers if w.log.exists())
    raise AssertionError(f"job {job_id} stayed at {seen} for {seconds} s\n{logs}")


def _check_meeting(scene: Scene, job_id: int) -> None:
    """Every report once on the agenda, whole; one letter per person across the meeting."""
    with scene.app.app_context():
        session = db.session()
        meeting = session.get(Meeting, scene.meeting_id)
        items = session.scalars(select(AgendaItem).where(
            AgendaItem.meeting_id == meeting.id)).all()
        aid = [item for item in items if item.kind is ItemKind.individual_aid]
        assert len(aid) == REPORTS and len(items) == scene.items_before + REPORTS
        assert sorted(item.number for item in items) == list(range(1, len(items) + 1))
        links = session.scalars(select(ItemPseudonymisation).where(
            ItemPseudonymisation.item_id.in_([item.id for item in aid]))).all()
        assert Counter(link.report_id for link in links) == Counter(scene.report_ids)
        for report_id in scene.report_ids:
            report = session.get(SocialReport, report_id)
            assert report.status is ReportStatus.scheduled and report.item_id is not None
        registry = load_registry(session, meeting)
        identities = registry.key()
        applicants = Counter(identity["name"] for identity in identities.values()
                             if identity["relation"] == "applicant")
        assert sorted(applicants) == sorted(f"{first} {last}" for first, last in NAMES)
        assert set(applicants.values()) == {1}  # one letter per person, none lost
        letter_of = {identity["name"]: letter for letter, identity in identities.items()}
        for item, link in ((i, next(x for x in links if x.item_id == i.id)) for i in aid):
            first, last = NAMES[scene.report_ids.index(link.report_id) % PEOPLE]
            assert letter_of[f"{first} {last}"] in item.summary
            assert last not in item.summary
        started = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "job_started", AuditEntry.object_id == job_id))
        assert started == 1
        db.session.remove()


#: reports stored when the first worker is killed: the others' rows are held (below)
STORED_BEFORE_THE_CRASH = 3


def _hold_reports_after(scene: Scene, stored: int) -> Connection:
    """A transaction holding the rows (``SELECT … FOR UPDATE``) of the waiting reports after
    the first ``stored``, in the order the job sends them: the worker (one thread) stores
    those, then waits on the next report's row, so it is killed mid-job whatever the speed of
    the machine (a worker that finished all the reports between two looks made the test fail
    once in CI)."""
    with scene.app.app_context():
        session = db.session()
        waiting = reports.unscheduled_reports(session, session.get(Meeting, scene.meeting_id))
        later = [report.id for report in waiting[stored:]]
        db.session.remove()
    assert len(later) == REPORTS - stored
    held = state(scene.app).engine.connect()
    held.execute(select(SocialReport.id).where(SocialReport.id.in_(later)).with_for_update())
    return held


def test_a_worker_killed_mid_job_leaves_nothing_half_done_and_the_job_completes_once(
        scene: Scene, tmp_path: Path) -> None:
    first = Worker(scene.url, scene.name, tmp_path / "first.log", queues=(PSEUDONYMISE,),
                   database=scene.database).start()
    second = Worker(scene.url, scene.name, tmp_path / "second.log", queues=(PSEUDONYMISE,),
                    database=scene.database)
    held = _hold_reports_after(scene, STORED_BEFORE_THE_CRASH)
    try:
        job_id = _start(scene)
        status, done, total = _wait(scene, job_id, lambda s: s[1] >= STORED_BEFORE_THE_CRASH,
                                    180, [first])
        time.sleep(1)  # the worker is now waiting for the next report's row
        first.kill()
        held.rollback()
        status, done, total = _job(scene, job_id)
        assert (status, done, total) == (JobStatus.running, STORED_BEFORE_THE_CRASH, REPORTS)
        second.start()
        final = _wait(scene, job_id, lambda s: s[0] is not JobStatus.running, 240,
                      [first, second])
        assert final == (JobStatus.done, REPORTS, REPORTS)
    finally:
        held.close()
        first.stop()
        second.stop()
    _check_meeting(scene, job_id)


def test_two_workers_share_a_meetings_reports_and_keep_one_letter_per_person(
        scene: Scene, tmp_path: Path) -> None:
    workers = [Worker(scene.url, scene.name, tmp_path / f"worker{n}.log",
                      queues=(PSEUDONYMISE,), database=scene.database).start()
               for n in range(2)]
    try:
        job_id = _start(scene)
        final = _wait(scene, job_id, lambda s: s[0] is not JobStatus.running
                      and s[0] is not JobStatus.queued, 300, workers)
        assert final == (JobStatus.done, REPORTS, REPORTS)
        for worker in workers:
            assert worker.process is not None and worker.process.poll() is None
    finally:
        for worker in workers:
            worker.stop()
    _check_meeting(scene, job_id)
