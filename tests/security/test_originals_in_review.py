"""Originals only for those who may re-identify (issue 14, item 2).

Observed: the secretariat got 403 on the identity page, but the "Undo" buttons of the review
page brought back the originals (surname, first name, birth date, NISS, street, phone) with no
password, no second factor and no re-identification in the audit log, on decided items of
closed meetings too, whose text it could then change and approve again; the DG could do the
same without giving the password again. Each attempt is replayed here."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from report_samples import DOSSIER, TEXT
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS, csss_meeting_in_preparation, user_named
from time_machine import TimeMachineFixture

from agenda import reports
from council.models import AgendaItem, AuditEntry, ItemStatus, MeetingStatus

APPLICANT = "Kabongo-Verhelst"


@pytest.fixture
def item(session: Session, demo: Any) -> AgendaItem:
    """A report of the demo's social worker, scheduled on a new CSSS meeting in preparation."""
    meeting = csss_meeting_in_preparation(session, demo)
    report = reports.submit_report(session, reports.Submission(dossier=DOSSIER, text=TEXT),
                                   actor=user_named(session, "socialworker")).report
    return reports.schedule_report(session, report, meeting, actor=user_named(session, "dg"))


def _undo(client: FlaskClient, item: AgendaItem, **form: str) -> Any:
    return client.post(f"/meetings/{item.meeting_id}/items/{item.id}/review/replacements/0",
                       data=form)


def _reidentifications(session: Session, item: AgendaItem) -> list[dict[str, Any]]:
    return list(session.scalars(select(AuditEntry.details).where(
        AuditEntry.action == "reidentification", AuditEntry.object_id == item.id)))


def test_the_secretariat_cannot_bring_an_original_back(
        client: FlaskClient, auth: Any, session: Session, item: AgendaItem) -> None:
    auth.login("secretariat")
    auth.use_language("en")
    page = client.get(f"/meetings/{item.meeting_id}/items/{item.id}/review")
    assert page.status_code == 200, "the secretariat still reviews"
    assert "/review/replacements/0" not in page.get_data(as_text=True), "no Undo button"
    response = _undo(client, item)
    assert response.status_code == 302
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "only those who may re-identify the report do it" in shown
    session.refresh(item)
    assert APPLICANT not in item.summary
    assert APPLICANT not in shown
    assert _reidentifications(session, item) == []


def test_a_centre_may_let_its_secretariat_review_with_the_originals(
        app: Flask, client: FlaskClient, auth: Any, session: Session, item: AgendaItem,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "COUNCIL_SECRETARIAT_SEES_ORIGINALS", True)
    auth.login("secretariat")
    assert _undo(client, item).status_code == 302
    session.refresh(item)
    assert APPLICANT in item.summary
    assert [d["purpose"] for d in _reidentifications(session, item)] == ["review_undo"]


def test_the_dg_gives_the_password_again_after_a_while(
        client: FlaskClient, auth: Any, session: Session, item: AgendaItem,
        time_machine: TimeMachineFixture) -> None:
    time_machine.move_to(datetime.now(UTC), tick=False)
    auth.login("dg")
    auth.use_language("en")
    time_machine.shift(timedelta(minutes=6))
    asked = _undo(client, item)
    assert asked.status_code == 200
    assert "it is a re-identification" in asked.get_data(as_text=True)
    session.refresh(item)
    assert APPLICANT not in item.summary

    wrong = _undo(client, item, password="not-the-password")
    assert "Wrong password or code." in wrong.get_data(as_text=True)
    session.refresh(item)
    assert APPLICANT not in item.summary
    assert _reidentifications(session, item) == []

    assert _undo(client, item, password=PASSWORDS["dg"]).status_code == 302
    session.refresh(item)
    assert APPLICANT in item.summary
    entry = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "reidentification", AuditEntry.object_id == item.id)).one()
    assert entry.actor_id == user_named(session, "dg").id
    assert entry.details["purpose"] == "review_undo" and entry.details["replacement"] == 1
    assert APPLICANT not in str(entry.details)


@pytest.mark.parametrize(("item_status", "meeting_status"), [
    (ItemStatus.decided, MeetingStatus.in_progress),
    (ItemStatus.voting, MeetingStatus.in_progress),
    (ItemStatus.ready, MeetingStatus.closed),
])
def test_the_text_of_a_decided_item_stays_as_it_was_decided(
        client: FlaskClient, auth: Any, session: Session, item: AgendaItem,
        item_status: ItemStatus, meeting_status: MeetingStatus) -> None:
    reports.approve_pseudonymisation(session, item, actor=user_named(session, "dg"))
    item.status = item_status
    item.meeting.status = meeting_status
    session.commit()
    decided_text = item.summary
    auth.login("dg")
    auth.use_language("en")
    review = f"/meetings/{item.meeting_id}/items/{item.id}/review"
    for path, form in ((f"{review}/replacements/0", {}),
                       (f"{review}/additions", {"text": "FOREM", "category": "other"}),
                       (f"{review}/approve", {})):
        shown = client.post(path, data=form, follow_redirects=True).get_data(as_text=True)
        assert "its text stays as it was decided" in shown, path
    session.refresh(item)
    assert item.summary == decided_text
    assert item.pseudonymisation.is_reviewed
    assert _reidentifications(session, item) == []
