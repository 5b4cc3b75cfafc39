"""Issue 19: a doubt of kind "close to a name of the dossier" or "unmatched identifier" blocks
the item's approval until a reviewer decides it (keep the words, or replace them); the review
page says which doubts block; every decision is kept with who and when."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient
from report_samples import DOSSIER
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import csss_meeting_in_preparation, user_named

from agenda import reports
from council.crypto import decrypt_bytes
from council.models import AgendaItem, AuditEntry, DoubtDecision, DoubtDecisionRecord

#: an account number with an "O" for a zero and a wrong check: no pattern validates it
DAMAGED_IBAN = "BE71 O961 2345 6799"
TEXT = (
    "RAPPORT SOCIAL\n\n"
    "Madame Mireille Kabongo-Verhelst vit seule avec son fils Timothée.\n"
    f"Le loyer est versé du compte {DAMAGED_IBAN} chaque mois.\n"
    "Ancienne référence de la mutuelle : Verhelts/2026.\n\n"
    "Proposition\nOctroi d'une aide de 450,00 € pour les arriérés de loyer.\n"
)


@pytest.fixture
def item(session: Session, demo: Any) -> AgendaItem:
    meeting = csss_meeting_in_preparation(session, demo)
    report = reports.submit_reports(
        session, [reports.Submission(dossier=DOSSIER, text=TEXT)],
        actor=user_named(session, "socialworker"),
    )[0].report
    return reports.schedule_report(session, report, meeting, actor=user_named(session, "dg"))


def _url(item: AgendaItem, tail: str = "") -> str:
    return f"/meetings/{item.meeting_id}/items/{item.id}/review{tail}"


def test_the_blocking_doubts_of_an_item(session: Session, item: AgendaItem) -> None:
    blocking = {(d.reason, d.text) for d in reports.blocking_doubts(session, item)}
    assert blocking == {
        ("unmatched identifier", DAMAGED_IBAN),
        ("close to a known name", "Verhelts"),
    }


def test_approval_waits_for_every_blocking_doubt(session: Session, item: AgendaItem) -> None:
    dg = user_named(session, "dg")
    with pytest.raises(reports.DoubtsUndecided):
        reports.approve_pseudonymisation(session, item, actor=dg)
    assert not item.pseudonymisation.is_reviewed
    reports.decide_doubt(session, item, "Verhelts", "close to a known name",
                         DoubtDecision.kept, actor=dg)
    with pytest.raises(reports.DoubtsUndecided):
        reports.approve_pseudonymisation(session, item, actor=dg)
    reports.decide_doubt(session, item, DAMAGED_IBAN, "unmatched identifier",
                         DoubtDecision.replaced, actor=dg)
    assert DAMAGED_IBAN not in item.summary and "[donnée masquée]" in item.summary
    assert "Verhelts" in item.summary  # kept as it is, as decided
    reports.approve_pseudonymisation(session, item, actor=dg)
    assert item.pseudonymisation.is_reviewed


def test_decisions_are_recorded_with_who_and_when_and_audited_without_the_words(
        session: Session, item: AgendaItem) -> None:
    secretariat = user_named(session, "secretariat")
    reports.decide_doubt(session, item, "Verhelts", "close to a known name",
                         DoubtDecision.replaced, actor=secretariat)
    assert "Verhelts" not in item.summary
    record = session.scalar(select(DoubtDecisionRecord))
    assert record.decided_by_id == secretariat.id and record.decided_at is not None
    assert record.decision is DoubtDecision.replaced
    assert decrypt_bytes(record.text_encrypted) == b"Verhelts"
    assert b"Verhelts" not in record.text_encrypted
    audited = session.scalars(select(AuditEntry.details).where(
        AuditEntry.action == "pseudonymisation_doubt_decided")).all()
    assert len(audited) == 1
    assert audited[0]["decision"] == "replaced"
    assert audited[0]["reason"] == "close to a known name"
    assert "Verhelts" not in json.dumps(audited[0])


def test_a_doubt_that_is_not_there_cannot_be_decided(session: Session,
                                                     item: AgendaItem) -> None:
    dg = user_named(session, "dg")
    with pytest.raises(reports.ReportError):
        reports.decide_doubt(session, item, "Vandeputte", "close to a known name",
                             DoubtDecision.kept, actor=dg)
    reports.decide_doubt(session, item, "Verhelts", "close to a known name",
                         DoubtDecision.kept, actor=dg)
    with pytest.raises(reports.ReportError):  # decided once
        reports.decide_doubt(session, item, "Verhelts", "close to a known name",
                             DoubtDecision.kept, actor=dg)
    # one decision stored: neither the missing doubt nor the second decision added a row
    assert session.scalar(select(func.count()).select_from(DoubtDecisionRecord)) == 1


def test_the_review_page_shows_which_doubts_block(client: FlaskClient, auth: Any,
                                                  session: Session, item: AgendaItem) -> None:
    auth.login("dg")
    auth.use_language("en")
    page = client.get(_url(item)).get_data(as_text=True)
    doubts = page.split('id="doubts-title"')[1].split("</section>")[0]
    assert "2 doubts block approval" in doubts
    assert doubts.count("blocks approval</span>") == 2
    assert doubts.count(_url(item, "/doubts")) == 4  # keep and replace, for each
    approve = page.split(_url(item, "/approve"))[1].split("</form>")[0]
    assert "disabled" in approve
    # refused by the server as well, whatever the button
    client.post(_url(item, "/approve"))
    session.refresh(item)
    assert not item.pseudonymisation.is_reviewed
    for text, reason in ((DAMAGED_IBAN, "unmatched identifier"),
                         ("Verhelts", "close to a known name")):
        response = client.post(_url(item, "/doubts"),
                               data={"text": text, "reason": reason, "decision": "kept"})
        assert response.status_code == 302
    page = client.get(_url(item)).get_data(as_text=True)
    doubts = page.split('id="doubts-title"')[1].split("</section>")[0]
    assert "blocks approval</span>" not in doubts
    assert doubts.count("kept as it is") == 2
    assert doubts.count(user_named(session, "dg").display_name) == 2
    client.post(_url(item, "/approve"))
    session.refresh(item)
    assert item.pseudonymisation.is_reviewed


def test_a_decision_needs_a_kind(client: FlaskClient, auth: Any, session: Session,
                                 item: AgendaItem) -> None:
    auth.login("dg")
    auth.use_language("en")
    response = client.post(_url(item, "/doubts"), follow_redirects=True,
                           data={"text": "Verhelts", "reason": "close to a known name",
                                 "decision": "whatever"})
    assert "Choose to keep the words or to replace them." in response.get_data(as_text=True)
    assert session.scalar(select(DoubtDecisionRecord)) is None
