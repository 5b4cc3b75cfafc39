"""Background jobs: progress recorded step by step, failures that keep what was done and never
show a file's content, a message delivered again, the progress page and its access, the
embedded queue's worker on its own database, and the whole agenda pseudonymised in the
background from the meeting page. The queue on a real broker: tests/council/test_queue.py."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import dramatiq
import job_works
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
from council.services.jobs import current_job, run_job, start_job


def _start(session: Session, work: Any, **options: Any) -> Job:
    return start_job(session, kind="schedule_reports", actor=user_named(session, "dg"),
                     work=partial(work, **options.pop("keywords", {})), **options)


@pytest.fixture(autouse=True)
def _fresh_works() -> Iterator[None]:
    job_works.reset()
    yield
    job_works.reset()


def test_progress_is_recorded_at_each_step(app: Flask, session: Session) -> None:
    job_works.READER.append(session)
    with app.test_request_context():
        job = _start(session, job_works.three_steps, keywords={"result": "/meetings/1"})
    assert [(1, 3, JobStatus.running), (2, 3, JobStatus.running),
                              (3, 3, JobStatus.running)] == job_works.SEEN
    assert (job.status, job.done, job.total, job.result_url) == (JobStatus.done, 3, 3,
                                                                  "/meetings/1")
    assert job.finished_at is not None and job.error is None


def test_a_refusal_keeps_the_steps_done_and_shows_its_message(app: Flask,
                                                               session: Session) -> None:
    dg = user_named(session, "dg")
    with app.test_request_context():
        job = _start(session, job_works.refused_at_step_two,
                     safe_errors=(job_works.WorkRefused,), result_url="/meetings/9")
    assert (job.status, job.done, job.error) == (
        JobStatus.failed, 1, "This report is already on an agenda or withdrawn.")
    session.refresh(dg)
    assert dg.display_name == "renamed at step 1"  # the step done is kept, whole


def test_an_unexpected_error_never_shows_nor_logs_its_text(app: Flask, session: Session,
                                                          caplog: pytest.LogCaptureFixture
                                                          ) -> None:
    user_named(session, "dg").language = Language.en  # the job speaks its creator's language
    session.commit()
    with app.test_request_context(), caplog.at_level(logging.ERROR):
        job = _start(session, job_works.quoting_an_identity)
    assert job.status is JobStatus.failed
    assert "Dupont" not in job.error and "unexpected error" in job.error
    assert "RuntimeError" in caplog.text and "Dupont" not in caplog.text


def test_a_job_under_way_is_not_started_twice(app: Flask, session: Session) -> None:
    dg = user_named(session, "dg")
    running = Job(kind="schedule_reports", status=JobStatus.running, created_by_id=dg.id,
                  object_type="meeting", object_id=7)
    session.add(running)
    session.commit()
    with app.test_request_context():
        assert _start(session, job_works.must_not_run, object_type="meeting",
                      object_id=7).id == running.id
        running.updated_at = utcnow() - timedelta(hours=1)  # its process died
        session.commit()
        again = _start(session, job_works.nothing, object_type="meeting", object_id=7)
    assert again.id != running.id and again.status is JobStatus.done


def test_an_unknown_kind_is_refused(app: Flask, session: Session) -> None:
    with pytest.raises(ValueError, match="unknown job kind"):
        start_job(session, kind="nonsense", actor=user_named(session, "dg"),
                  work=partial(job_works.nothing))


def test_a_work_must_be_a_named_function_another_process_can_find(app: Flask,
                                                                   session: Session) -> None:
    before = session.scalar(select(Job.id).order_by(Job.id.desc()))
    for work in (partial(lambda run: None), partial(print)):
        with pytest.raises(ValueError, match="module-level function of the application"):
            _start(session, work.func)
    assert session.scalar(select(Job.id).order_by(Job.id.desc())) == before  # none recorded


def test_the_message_is_encrypted_and_mappings_keep_their_keys(app: Flask,
                                                               session: Session) -> None:
    """Keyword arguments cross the queue as JSON inside the encrypted message: item ids stay
    integers, and the text is not readable in the encoded message."""
    with app.test_request_context():
        job = _start(session, job_works.with_item_texts,
                     keywords={"texts": {12: "Le centre accorde l'aide à Madame Z."},
                               "note": "erratum"})
    assert job.status is JobStatus.done and job.result_url == "/texts"
    assert job_works.SEEN == [({12: "Le centre accorde l'aide à Madame Z."}, "erratum")]
    queue = app.extensions["council_queue"]
    message = queue.actors["run_job_pseudonymise"].message(job.id, "Madame Z.")
    encoded = message.encode()
    assert b"Madame" not in encoded and b"run_job" not in encoded
    assert dramatiq.Message.decode(encoded).args == (job.id, "Madame Z.")


def test_a_message_delivered_again_after_its_job_ended_does_nothing(app: Flask,
                                                                    session: Session) -> None:
    """The broker gives a message again when its worker died before acknowledging it: a job
    already done is not run a second time."""
    job_works.READER.append(session)
    with app.test_request_context():
        job = _start(session, job_works.three_steps, keywords={"result": "/once"})
        run_job(app, app.extensions["council_queue"], job.id, "job_works:must_not_run", {},
                [], None, "en")
    assert current_job(session, job.id).status is JobStatus.done


def test_a_job_whose_worker_died_starts_again_from_what_is_left(app: Flask,
                                                                session: Session) -> None:
    dg = user_named(session, "dg")
    job = Job(kind="schedule_reports", status=JobStatus.running, created_by_id=dg.id,
              done=2, total=3)
    session.add(job)
    session.commit()
    job_works.READER.append(session)
    with app.test_request_context():
        run_job(app, app.extensions["council_queue"], job.id, "job_works:three_steps",
                {"result": "/again"}, [], None, "en")
    done = current_job(session, job.id)
    assert (done.status, done.done, done.total) == (JobStatus.done, 3, 3)


# --- the embedded queue: a Dramatiq worker in the process, on a database of its own ----------


@pytest.fixture
def embedded_app(tmp_path: Path) -> Iterator[Flask]:
    """An application on its own SQLite file (WAL): jobs go through the embedded broker."""
    other = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/jobs.db"})
    upgrade(state(other).engine)
    yield other
    other.extensions["council_queue"].close()
    state(other).engine.dispose()


def test_the_embedded_worker_does_the_work_while_the_page_reads_its_progress(
        embedded_app: Flask) -> None:
    queue = embedded_app.extensions["council_queue"]
    assert queue.embedded and type(queue.broker).__name__ == "StubBroker"
    with embedded_app.test_request_context():
        session = db.session()
        user = User(username="dg", password_hash=hash_password("x" * 12), role=Role.dg,
                    display_name="DG")
        session.add(user)
        session.commit()
        job = start_job(session, kind="schedule_reports", actor=user,
                        work=partial(job_works.waits_halfway))
        assert job_works.HALFWAY.wait(10)
        seen = current_job(session, job.id)
        assert (seen.status, seen.done, seen.total) == (JobStatus.running, 1, 2)
        session.commit()  # end the read transaction, as a request would
        job_works.RESUME.set()
        queue.broker.join("pseudonymise", timeout=10_000)
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
