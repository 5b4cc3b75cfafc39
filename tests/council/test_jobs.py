"""Background jobs: progress recorded step by step, failures that keep what was done and never
show a file's content, the progress page and its access, a real thread on its own database,
and the whole agenda pseudonymised in the background from the meeting page."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from report_samples import DOSSIER, OTHER_DOSSIER, OTHER_TEXT, TEXT
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import csss_meeting_in_preparation, user_named

from agenda import reports
from council import create_app
from council.db import db, state
from council.migrate import upgrade
from council.models import (
    AgendaItem,
    Job,
    JobStatus,
    Language,
    Meeting,
    ReportStatus,
    Role,
    User,
)
from council.models.base import utcnow
from council.security import hash_password
from council.services.jobs import JobRun, current_job, start_job


def _start(session: Session, work: Any, **options: Any) -> Job:
    return start_job(session, kind="schedule_reports", actor=user_named(session, "dg"),
                     work=work, **options)


def test_progress_is_recorded_at_each_step(app: Flask, session: Session) -> None:
    seen: list[tuple[int, int | None, JobStatus]] = []

    def work(run: JobRun) -> str:
        run.set_total(3)
        for _ in range(3):
            run.advance()
            # what another reader (the progress page) finds in the database now
            job = current_job(session, run.job.id)
            seen.append((job.done, job.total, job.status))
        return "/meetings/1"

    with app.test_request_context():
        job = _start(session, work)
    assert seen == [(1, 3, JobStatus.running), (2, 3, JobStatus.running),
                    (3, 3, JobStatus.running)]
    assert (job.status, job.done, job.total, job.result_url) == (JobStatus.done, 3, 3,
                                                                  "/meetings/1")
    assert job.finished_at is not None and job.error is None


class WorkRefused(ValueError):
    """Stands for a service's error, whose message is written for users."""


def test_a_refusal_keeps_the_steps_done_and_shows_its_message(app: Flask,
                                                               session: Session) -> None:
    dg = user_named(session, "dg")

    def work(run: JobRun) -> None:
        run.set_total(3)
        run.actor.display_name = "renamed at step 1"
        run.advance()
        run.actor.display_name = "renamed at step 2, never committed"
        raise WorkRefused("This report is already on an agenda or withdrawn.")

    with app.test_request_context():
        job = _start(session, work, safe_errors=(WorkRefused,), result_url="/meetings/9")
    assert (job.status, job.done, job.error) == (
        JobStatus.failed, 1, "This report is already on an agenda or withdrawn.")
    session.refresh(dg)
    assert dg.display_name == "renamed at step 1"  # the step done is kept, whole


def test_an_unexpected_error_never_shows_nor_logs_its_text(app: Flask, session: Session,
                                                          caplog: pytest.LogCaptureFixture
                                                          ) -> None:
    def work(run: JobRun) -> None:
        raise RuntimeError("Madame Dupont, NISS 85.07.30-033.61")

    user_named(session, "dg").language = Language.en  # the job speaks its creator's language
    session.commit()
    with app.test_request_context(), caplog.at_level(logging.ERROR):
        job = _start(session, work)
    assert job.status is JobStatus.failed
    assert "Dupont" not in job.error and "unexpected error" in job.error
    assert "RuntimeError" in caplog.text and "Dupont" not in caplog.text


def test_a_job_under_way_is_not_started_twice(app: Flask, session: Session) -> None:
    dg = user_named(session, "dg")
    running = Job(kind="schedule_reports", status=JobStatus.running, created_by_id=dg.id,
                  object_type="meeting", object_id=7)
    session.add(running)
    session.commit()

    def work(run: JobRun) -> None:
        raise AssertionError("must not run")

    with app.test_request_context():
        assert _start(session, work, object_type="meeting", object_id=7).id == running.id
        running.updated_at = utcnow() - timedelta(hours=1)  # its process died
        session.commit()
        again = _start(session, lambda run: None, object_type="meeting", object_id=7)
    assert again.id != running.id and again.status is JobStatus.done


def test_an_unknown_kind_is_refused(app: Flask, session: Session) -> None:
    with pytest.raises(ValueError, match="unknown job kind"):
        start_job(session, kind="nonsense", actor=user_named(session, "dg"),
                  work=lambda run: None)


# --- a real thread, on a database of its own --------------------------------------------------


@pytest.fixture
def threaded_app(tmp_path: Path) -> Iterator[Flask]:
    """An application on its own SQLite file (WAL): jobs run in threads there."""
    other = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/jobs.db"})
    upgrade(state(other).engine)
    yield other
    state(other).engine.dispose()


def test_a_thread_does_the_work_while_the_page_reads_its_progress(threaded_app: Flask) -> None:
    halfway, resume = threading.Event(), threading.Event()

    def work(run: JobRun) -> str:
        run.set_total(2)
        run.advance()
        halfway.set()
        assert resume.wait(10)
        run.advance()
        return "/done"

    with threaded_app.test_request_context():
        session = db.session()
        user = User(username="dg", password_hash=hash_password("x" * 12), role=Role.dg,
                    display_name="DG")
        session.add(user)
        session.commit()
        job = start_job(session, kind="schedule_reports", actor=user, work=work)
        thread = next(t for t in threading.enumerate() if t.name == f"job-{job.id}")
        assert halfway.wait(10)
        seen = current_job(session, job.id)
        assert (seen.status, seen.done, seen.total) == (JobStatus.running, 1, 2)
        session.commit()  # end the read transaction, as a request would
        resume.set()
        thread.join(10)
        done = current_job(session, job.id)
        assert (done.status, done.done, done.result_url) == (JobStatus.done, 2, "/done")


# --- the progress page ------------------------------------------------------------------------


def _job(session: Session, username: str, **fields: Any) -> Job:
    job = Job(kind="schedule_reports", created_by_id=user_named(session, username).id,
              **fields)
    session.add(job)
    session.commit()
    return job


def test_the_page_shows_the_progress_and_polls_every_second(client: FlaskClient, auth: Any,
                                                            session: Session) -> None:
    job = _job(session, "dg", status=JobStatus.running, done=2, total=5)
    auth.login("dg")
    auth.use_language("en")
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert '<progress max="5" value="2"' in page
    assert "2 of 5 done…" in page
    assert f'hx-get="/jobs/{job.id}/progress" hx-trigger="every 1s"' in page
    assert "vendor/htmx-2.0.11.min.js" in page
    assert "style=" not in page
    fragment = client.get(f"/jobs/{job.id}/progress").get_data(as_text=True)
    assert fragment.lstrip().startswith('<div id="job-progress"')
    assert "<html" not in fragment


def test_a_finished_job_links_to_its_result_and_stops_polling(client: FlaskClient, auth: Any,
                                                               session: Session) -> None:
    job = _job(session, "dg", status=JobStatus.done, done=3, total=3,
               result_url="/meetings/1", finished_at=utcnow())
    auth.login("dg")
    auth.use_language("en")
    fragment = client.get(f"/jobs/{job.id}/progress").get_data(as_text=True)
    assert 'href="/meetings/1" id="job-result"' in fragment
    assert "Done: 3 steps." in fragment
    assert "hx-get" not in fragment


def test_a_stopped_job_says_so(client: FlaskClient, auth: Any, session: Session) -> None:
    job = _job(session, "dg", status=JobStatus.running, done=1, total=4,
               updated_at=utcnow() - timedelta(hours=1))
    auth.login("dg")
    auth.use_language("en")
    fragment = client.get(f"/jobs/{job.id}/progress").get_data(as_text=True)
    assert "the work seems to have stopped" in fragment and "hx-get" not in fragment


@pytest.mark.parametrize(("owner", "viewer", "status"), [
    ("secretariat", "secretariat", 200),
    ("secretariat", "dg", 200),
    ("dg", "secretariat", 404),
    ("dg", "councillor1", 404),
    ("dg", "admin", 404),
])
def test_only_the_creator_and_the_dg_see_a_job(client: FlaskClient, auth: Any,
                                              session: Session, owner: str, viewer: str,
                                              status: int) -> None:
    job = _job(session, owner)
    auth.login(viewer)
    assert client.get(f"/jobs/{job.id}").status_code == status
    assert client.get(f"/jobs/{job.id}/progress").status_code == status


# --- the whole agenda pseudonymised in the background -----------------------------------------


@pytest.fixture
def draft_meeting(session: Session, demo: Any) -> Meeting:
    return csss_meeting_in_preparation(session, demo)


def test_the_dg_puts_every_waiting_report_on_the_agenda_in_the_background(
        client: FlaskClient, auth: Any, session: Session, draft_meeting: Meeting) -> None:
    submitted = [result.report for result in reports.submit_reports(session, [
        reports.Submission(dossier=DOSSIER, text=TEXT),
        reports.Submission(dossier=OTHER_DOSSIER, text=OTHER_TEXT),
    ], actor=user_named(session, "socialworker"))]
    auth.login("dg")
    auth.use_language("en")
    page = client.get(f"/meetings/{draft_meeting.id}").get_data(as_text=True)
    assert "Put the 2 waiting reports on the agenda" in page
    response = client.post(f"/meetings/{draft_meeting.id}/reports/schedule-all")
    assert response.status_code == 302
    job = session.scalar(select(Job).order_by(Job.id.desc()))
    assert response.headers["Location"] == f"/jobs/{job.id}"
    assert (job.status, job.done, job.total) == (JobStatus.done, 2, 2)
    assert job.object_type == "meeting" and job.object_id == draft_meeting.id
    for report in submitted:
        session.refresh(report)
        assert report.status is ReportStatus.scheduled
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert f'href="/meetings/{draft_meeting.id}" id="job-result"' in page
    # one item per report, pseudonymised: the names are gone
    summaries = session.scalars(select(AgendaItem.summary).where(
        AgendaItem.meeting_id == draft_meeting.id)).all()
    assert len(summaries) == 2
    assert all(DOSSIER["applicant"]["last_name"] not in text for text in summaries)
    assert all(OTHER_DOSSIER["applicant"]["last_name"] not in text for text in summaries)


def test_nothing_waiting_means_no_job(client: FlaskClient, auth: Any, session: Session,
                                      draft_meeting: Meeting) -> None:
    auth.login("dg")
    auth.use_language("en")
    before = session.scalar(select(Job.id).order_by(Job.id.desc()))
    response = client.post(f"/meetings/{draft_meeting.id}/reports/schedule-all",
                           follow_redirects=True)
    assert "No report is waiting for this organ." in response.get_data(as_text=True)
    assert session.scalar(select(Job.id).order_by(Job.id.desc())) == before


def test_the_secretariat_does_not_start_the_background_scheduling(
        client: FlaskClient, auth: Any, draft_meeting: Meeting) -> None:
    auth.login("secretariat")
    assert client.post(f"/meetings/{draft_meeting.id}/reports/schedule-all").status_code == 403
