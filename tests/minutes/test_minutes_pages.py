"""The minutes on the web: starting the draft, editing it (revisions and their changes),
approving, correcting, downloading a watermarked copy; hostile texts come out escaped."""

from __future__ import annotations

from io import BytesIO

from flask.testing import FlaskClient
from pdfminer.high_level import extract_text
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import user_named

from council.models import AgendaItem, AuditEntry, Minutes, MinutesRevision, MinutesStatus
from minutes.loading import minutes_of

SCRIPT = "<script>alert('pv')</script>"
SQL = "'); DROP TABLE minutes; --"


def _start(client: FlaskClient, held) -> None:
    response = client.post(f"/meetings/{held.meeting.id}/minutes/start")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/meetings/{held.meeting.id}/minutes/edit")


def _revisions(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(MinutesRevision))


def test_staff_start_edit_and_see_the_changes(client: FlaskClient, auth, session: Session,
                                              held) -> None:
    auth.login("secretariat")
    auth.use_language("en")
    page = client.get(f"/meetings/{held.meeting.id}/minutes").get_data(as_text=True)
    assert "Start the draft from what was recorded" in page
    _start(client, held)
    item = next(i for i in held.meeting.items if i.draft_decision)
    editor = client.get(f"/meetings/{held.meeting.id}/minutes/edit").get_data(as_text=True)
    assert f'name="item-{item.id}"' in editor and "Vu la loi organique" in editor

    # the decision taken stays word for word (issue 15): changing it here is refused
    refused = client.post(f"/meetings/{held.meeting.id}/minutes/edit", data={
        f"item-{item.id}": "Vu la loi organique ;\nDécide : accorde l'aide de 250 EUR."})
    assert refused.status_code == 400
    assert "stays word for word as decided" in refused.get_data(as_text=True)
    response = client.post(f"/meetings/{held.meeting.id}/minutes/edit", data={
        f"item-{item.id}": f"Le conseil entend l'assistante sociale.\n{item.draft_decision}",
        "introduction": "La séance est ouverte.", "note": "débat résumé"})
    assert response.status_code == 302
    overview = client.get(f"/meetings/{held.meeting.id}/minutes").get_data(as_text=True)
    assert "débat résumé" in overview and "Luc Fontaine" in overview
    diff = client.get(f"/meetings/{held.meeting.id}/minutes/revisions/2").get_data(as_text=True)
    assert "<ins>+Le conseil entend l&#39;assistante sociale.</ins>" in diff
    assert "<ins>+La séance est ouverte.</ins>" in diff


def test_a_refused_save_keeps_the_typed_text_and_stores_nothing(
        client: FlaskClient, auth, session: Session, held) -> None:
    auth.login("dg")
    auth.use_language("en")
    _start(client, held)
    before = _revisions(session)
    response = client.post(f"/meetings/{held.meeting.id}/minutes/edit",
                           data={"introduction": "x" * 20_001})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "too long" in body and "x" * 20_001 in body  # what was typed is shown again
    assert _revisions(session) == before


def _approval_url(held) -> str:
    """The page where the organ's decision on the minutes is recorded: the first item of the
    next meeting (issue 15)."""
    item = held.next_meeting.items[0]
    return f"/meetings/{held.next_meeting.id}/items/{item.id}/minutes-approval"


def test_members_read_but_do_not_edit(client: FlaskClient, auth, session: Session,
                                      held) -> None:
    auth.login("dg")
    _start(client, held)
    auth.logout()
    auth.login("councillor1")
    assert client.get(f"/meetings/{held.meeting.id}/minutes").status_code == 200
    assert client.get(f"/meetings/{held.meeting.id}/minutes/edit").status_code == 403
    # a member does not record the organ's approval alone either
    assert client.post(_approval_url(held)).status_code == 403
    response = client.get(f"/meetings/{held.meeting.id}/minutes.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    text = extract_text(BytesIO(response.data))
    # the watermark names the reader across every page, beyond the few mentions in the text
    assert text.count("Karim Bensaïd") > 20
    assert session.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1)
                          ) == "minutes_draft_downloaded"


def test_approval_and_correction_through_the_pages(client: FlaskClient, auth, session: Session,
                                                   held) -> None:
    auth.login("dg")
    auth.use_language("en")
    _start(client, held)
    form = client.get(_approval_url(held)).get_data(as_text=True)
    assert "Observations made by the members" in form
    response = client.post(_approval_url(held), data={"observations": ""})
    assert response.status_code == 302
    minutes = minutes_of(session, held.meeting.id)
    session.refresh(minutes)
    assert minutes.status is MinutesStatus.approved and minutes.document_id is not None

    again = client.post(_approval_url(held), data={}, follow_redirects=True)
    assert "already approved" in again.get_data(as_text=True)

    editor = client.get(f"/meetings/{held.meeting.id}/minutes/edit").get_data(as_text=True)
    assert "Reason for the correction (required)" in editor
    refused = client.post(f"/meetings/{held.meeting.id}/minutes/edit",
                          data={"closing": "La séance est levée."})
    assert refused.status_code == 400 and "the note is required" in refused.get_data(
        as_text=True)
    corrected = client.post(f"/meetings/{held.meeting.id}/minutes/edit",
                            data={"closing": "La séance est levée.", "note": "heure"})
    assert corrected.status_code == 302
    session.refresh(minutes)
    assert [r.note for r in minutes.revisions] == [None, "heure"]


def test_hostile_titles_and_texts_are_escaped_in_html_and_pdf(
        client: FlaskClient, auth, session: Session, held) -> None:
    minutes_before = session.scalar(select(func.count()).select_from(Minutes))
    item = next(i for i in held.meeting.items if i.draft_decision)
    session.get(AgendaItem, item.id).title = f"Aide {SCRIPT}"
    session.commit()
    auth.login("dg")
    _start(client, held)
    client.post(f"/meetings/{held.meeting.id}/minutes/edit",
                data={f"item-{item.id}": f"{item.draft_decision}\nDécide : {SQL}\n{SCRIPT}"})
    editor = client.get(f"/meetings/{held.meeting.id}/minutes/edit").get_data(as_text=True)
    assert SCRIPT not in editor and "&lt;script&gt;alert(&#39;pv&#39;)&lt;/script&gt;" in editor
    pdf = client.get(f"/meetings/{held.meeting.id}/minutes.pdf").data
    text = extract_text(BytesIO(pdf))
    assert f"Aide {SCRIPT}" in text
    assert f"Décide : {SQL}" in text
    # in the centre's language, with the running header on every page
    assert "Procès-verbal de la séance à huis clos" in text
    assert text.count("Séance à huis clos — Confidentiel") >= 1
    # the table is intact: the demo's minutes and this one
    assert session.scalar(select(func.count()).select_from(Minutes)) == minutes_before + 1


def test_long_minutes_are_approved_in_a_background_job(
        client: FlaskClient, auth, session: Session, held, monkeypatch) -> None:
    from council.models import Job, JobStatus
    from minutes import views

    monkeypatch.setattr(views, "BACKGROUND_ITEMS", 1)
    auth.login("dg")
    _start(client, held)
    response = client.post(_approval_url(held), data={})
    assert response.status_code == 302 and "/jobs/" in response.headers["Location"]
    job = session.scalar(select(Job).order_by(Job.id.desc()).limit(1))
    session.refresh(job)
    assert (job.kind, job.status, job.done, job.total) == ("minutes_approval", JobStatus.done,
                                                          3, 3)
    minutes = minutes_of(session, held.meeting.id)
    session.refresh(minutes)
    assert minutes.status is MinutesStatus.approved and minutes.document_id is not None


def test_a_refused_background_approval_fails_the_job_with_the_reason(
        client: FlaskClient, auth, session: Session, held, monkeypatch) -> None:
    from council.models import Job, JobStatus, Language, MeetingStatus
    from minutes import views

    monkeypatch.setattr(views, "BACKGROUND_ITEMS", 1)
    auth.login("dg")
    _start(client, held)
    held.meeting.status = MeetingStatus.in_progress
    user_named(session, "dg").language = Language.en  # the job speaks its starter's language
    session.commit()
    client.post(_approval_url(held), data={})
    job = session.scalar(select(Job).order_by(Job.id.desc()).limit(1))
    session.refresh(job)
    assert job.status is JobStatus.failed and "not closed" in (job.error or "")
    minutes = minutes_of(session, held.meeting.id)
    session.refresh(minutes)
    assert minutes.status is MinutesStatus.draft and minutes.document_id is None


def test_long_minutes_are_corrected_in_a_background_job(
        client: FlaskClient, auth, session: Session, held, monkeypatch) -> None:
    from council.models import Job, JobStatus
    from minutes import views

    auth.login("dg")
    _start(client, held)
    client.post(_approval_url(held), data={})
    minutes = minutes_of(session, held.meeting.id)
    session.refresh(minutes)
    first_document = minutes.document_id
    monkeypatch.setattr(views, "BACKGROUND_ITEMS", 1)
    response = client.post(f"/meetings/{held.meeting.id}/minutes/edit",
                           data={"closing": "La séance est levée.", "note": "heure"})
    assert response.status_code == 302 and "/jobs/" in response.headers["Location"]
    job = session.scalar(select(Job).order_by(Job.id.desc()).limit(1))
    session.refresh(job)
    assert (job.kind, job.status) == ("minutes_correction", JobStatus.done)
    session.refresh(minutes)
    assert minutes.document_id != first_document
    assert minutes.latest_revision.note == "heure"
