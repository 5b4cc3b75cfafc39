"""Decisions stay decided (issue 15, item 2): once an item is decided its text and figures are
frozen in every editor, and the DG corrects it only by an audited decision revision with a
reason, which the minutes record and the item's page shows; the text decided stays."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import approve_minutes, user_named

from agenda.guard import IdentityInText
from agenda.meetings import service as agenda
from council.models import (
    AgendaItem,
    AuditEntry,
    DecisionRevision,
    ItemKind,
    ItemStatus,
    MeetingStatus,
    MinutesStatus,
)
from council.refusals import Denied
from minutes import decisions, service

ADOPTED = ("Vu la loi organique ;\nConsidérant le rapport social ;\n"
           "Décide : d'accorder une aide de 1.560 € par mois.")
TAMPERED = ADOPTED.replace("1.560", "2.560")


@pytest.fixture
def decided(session: Session, held) -> AgendaItem:
    """An individual-aid item adopted at a sitting still in progress (its poll closed): the
    window in which the DG could change it before (issue 15: 1.560 € → 2.560 €)."""
    item = next(i for i in held.meeting.items if i.kind is ItemKind.individual_aid
                and i.status is ItemStatus.decided)
    item.draft_decision = ADOPTED
    held.meeting.status = MeetingStatus.in_progress
    session.commit()
    return item


def _edit_fields(item: AgendaItem, decision: str) -> dict:
    return {"title": item.title, "kind": item.kind, "is_closed_session": True,
            "is_secret_ballot": item.is_secret_ballot, "is_urgent": item.is_urgent,
            "urgency_reason": None, "draft_decision": decision}


def test_the_agenda_service_refuses_an_adopted_decision(session: Session, decided) -> None:
    with pytest.raises(agenda.AgendaError) as refused:
        agenda.update_item(session, decided, actor=user_named(session, "dg"),
                           **_edit_fields(decided, TAMPERED))
    assert refused.value.code == "decision_frozen"
    session.refresh(decided)
    assert decided.draft_decision == ADOPTED


def test_the_item_editor_refuses_and_points_to_the_correction(
        client: FlaskClient, auth, session: Session, decided) -> None:
    auth.login("dg")
    auth.use_language("en")
    url = f"/meetings/{decided.meeting_id}/items/{decided.id}/edit"
    shown = client.get(url)
    assert shown.status_code == 302 and shown.location.endswith(
        f"/meetings/{decided.meeting_id}/items/{decided.id}")
    posted = client.post(url, data={"kind": decided.kind.value, "title": decided.title,
                                    "draft_decision": TAMPERED}, follow_redirects=True)
    assert "stay as they were decided" in posted.get_data(as_text=True)
    session.refresh(decided)
    assert decided.draft_decision == ADOPTED
    page = client.get(f"/meetings/{decided.meeting_id}/items/{decided.id}").get_data(
        as_text=True)
    assert "Correct the decision" in page


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_the_api_has_no_way_to_edit_a_decided_item(client: FlaskClient, api_token, decided,
                                                   method: str) -> None:
    response = client.open(f"/api/v1/items/{decided.id}", method=method,
                           json={"draft_decision": TAMPERED}, headers=api_token("dg"))
    assert response.status_code == 405


def test_the_minutes_keep_the_decision_word_for_word(session: Session, decided, held) -> None:
    held.meeting.status = MeetingStatus.closed
    session.commit()
    draft = service.start_draft(session, held.meeting, actor=user_named(session, "dg"))
    with pytest.raises(service.MinutesError) as refused:
        service.save_revision(session, draft, actor=user_named(session, "dg"),
                              texts={decided.id: TAMPERED})
    assert refused.value.code == "decision_frozen"
    # the deliberation may say more around the decision
    kept = service.save_revision(session, draft, actor=user_named(session, "dg"),
                                 texts={decided.id: f"Le conseil entend le rapport.\n{ADOPTED}"})
    assert kept.number == 2


def test_the_dg_corrects_by_a_revision_with_its_reason(session: Session, decided) -> None:
    dg = user_named(session, "dg")
    revision = decisions.revise_decision(session, decided, actor=dg, text=TAMPERED,
                                         reason="Erreur matérielle : montant du tableau.")
    session.refresh(decided)
    assert decided.draft_decision == ADOPTED  # the text decided stays
    assert decided.decision_text == TAMPERED and revision.number == 1
    assert revision.created_by_id == dg.id and revision.reason.startswith("Erreur")
    entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
    assert entry.action == "decision_revised" and entry.object_id == decided.id
    assert "2.560" not in str(entry.details)  # the audit never carries the text
    second = decisions.revise_decision(session, decided, actor=dg, text=ADOPTED,
                                       reason="Retour au montant voté.")
    assert second.number == 2
    assert [r.number for r in session.scalars(select(DecisionRevision).where(
        DecisionRevision.item_id == decided.id))] == [1, 2]


@pytest.mark.parametrize(("username", "fields", "error"), [
    ("secretariat", {"text": TAMPERED, "reason": "x"}, Denied),
    ("president", {"text": TAMPERED, "reason": "x"}, Denied),
    ("dg", {"text": TAMPERED, "reason": " "}, decisions.InvalidInput),
    ("dg", {"text": "", "reason": "x"}, decisions.InvalidInput),
    ("dg", {"text": ADOPTED, "reason": "x"}, decisions.InvalidInput),
])
def test_refused_corrections_store_nothing(session: Session, decided, username: str,
                                           fields: dict, error: type) -> None:
    with pytest.raises(error):
        decisions.revise_decision(session, decided, actor=user_named(session, username),
                                  **fields)
    assert session.scalar(select(func.count()).select_from(DecisionRevision)) == 0


def test_an_undecided_item_is_not_corrected_but_edited(session: Session, demo) -> None:
    item = session.get(AgendaItem, demo.csss_item_id)
    with pytest.raises(decisions.Conflict):
        decisions.revise_decision(session, item, actor=user_named(session, "dg"),
                                  text=TAMPERED, reason="x")


def test_the_correction_passes_the_identity_guard(session: Session, decided) -> None:
    with pytest.raises(IdentityInText):
        decisions.revise_decision(session, decided, actor=user_named(session, "dg"),
                                  text=TAMPERED, reason="Claire Delvaux a mal recopié.")
    assert session.scalar(select(func.count()).select_from(DecisionRevision)) == 0


def test_the_web_and_the_api_correct_and_show_it(client: FlaskClient, auth, api_token,
                                                session: Session, decided) -> None:
    auth.login("dg")
    auth.use_language("en")
    url = f"/meetings/{decided.meeting_id}/items/{decided.id}/decision"
    assert ADOPTED.splitlines()[0] in client.get(url).get_data(as_text=True)
    posted = client.post(url, data={"text": TAMPERED, "reason": "Erreur de calcul."})
    assert posted.status_code == 302
    page = client.get(f"/meetings/{decided.meeting_id}/items/{decided.id}").get_data(
        as_text=True)
    assert "Corrections of the decision" in page and "Erreur de calcul." in page
    assert "2.560" in page and "1.560" in page  # the correction, and the decision as taken
    response = client.post(f"/api/v1/items/{decided.id}/decision-revisions",
                           json={"text": ADOPTED, "reason": "Retour au texte voté."},
                           headers=api_token("dg"))
    assert response.status_code == 201 and response.json["number"] == 2
    refused = client.post(f"/api/v1/items/{decided.id}/decision-revisions",
                          json={"text": TAMPERED, "reason": "x"},
                          headers=api_token("secretariat"))
    assert refused.status_code == 403


def test_the_minutes_print_the_correction(session: Session, decided, held) -> None:
    held.meeting.status = MeetingStatus.closed
    session.commit()
    dg = user_named(session, "dg")
    draft = service.start_draft(session, held.meeting, actor=dg)
    decisions.revise_decision(session, decided, actor=dg, text=TAMPERED,
                              reason="Erreur matérielle.")
    document = service.build_document(session, draft, draft.latest_revision)
    section = next(s for s in document.items if s.id == decided.id)
    assert any("1.560" in p for p in section.paragraphs)  # as decided
    (sentence, lines), = section.corrections
    assert "Erreur matérielle." in sentence and any("2.560" in line for line in lines)


def test_approved_minutes_get_a_new_document_to_sign(session: Session, decided, held,
                                                     monkeypatch) -> None:
    held.meeting.status = MeetingStatus.closed
    session.commit()
    dg = user_named(session, "dg")
    draft = service.start_draft(session, held.meeting, actor=dg)
    first = approve_minutes(session, held.next_meeting)
    decisions.revise_decision(session, decided, actor=dg, text=TAMPERED,
                              reason="Erreur matérielle.")
    session.refresh(draft)
    assert draft.document_id != first.id and draft.status is MinutesStatus.approved
    session.refresh(first)
    assert first.superseded_by_id == draft.document_id
    assert draft.latest_revision.note == "Erreur matérielle."
