"""GET /api/v1/meetings/{id}/minutes.pdf (CONTRACT.md): members, the DG and the secretariat get a
copy watermarked for them and audited; others get 403 or 404."""

from __future__ import annotations

from io import BytesIO

import pytest
from flask.testing import FlaskClient
from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import approve_minutes, user_named

from council import crypto
from council.models import AuditEntry


def _url(held) -> str:
    return f"/api/v1/meetings/{held.meeting.id}/minutes.pdf"


def _last_audit(session: Session) -> AuditEntry:
    return session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))


def test_no_minutes_yet_is_404(client: FlaskClient, api_token, held) -> None:
    response = client.get(_url(held), headers=api_token("dg"))
    assert response.status_code == 404 and response.json["error"] == "no_minutes"


@pytest.mark.parametrize(("username", "status"), [
    ("admin", 403), ("socialworker", 403), ("councillor5", 404),
])
def test_others_get_no_copy(client: FlaskClient, api_token, session: Session, draft, held,
                            username: str, status: int) -> None:
    before = _last_audit(session).id
    response = client.get(_url(held), headers=api_token(username))
    assert response.status_code == status and response.mimetype == "application/json"
    assert session.scalar(select(AuditEntry.id).where(
        AuditEntry.id > before, AuditEntry.action.like("%download%"))) is None


def test_a_member_gets_the_draft_watermarked_and_audited(
        client: FlaskClient, api_token, session: Session, draft, held) -> None:
    response = client.get(_url(held), headers=api_token("councillor1"))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.data.startswith(b"%PDF")
    entry = _last_audit(session)
    assert entry.action == "minutes_draft_downloaded" and entry.object_id == draft.id
    assert entry.actor_id == user_named(session, "councillor1").id


def test_approved_minutes_are_the_stored_document_stamped_for_the_reader(
        client: FlaskClient, api_token, session: Session, draft, held) -> None:
    document = approve_minutes(session, held.next_meeting)
    stored = crypto.decrypt_bytes(document.pdf_encrypted)
    response = client.get(_url(held), headers=api_token("president"))
    assert response.status_code == 200
    copy = response.data
    assert copy.startswith(stored) and len(copy) > len(stored)  # an incremental update
    page = PdfFileReader(BytesIO(copy)).root["/Pages"]["/Kids"][0].get_object()
    stamps = [a.get_object() for a in page["/Annots"]
              if a.get_object()["/Subtype"] == "/Stamp"]
    assert "Isabelle Marchal" in str(stamps[0]["/Contents"])
    entry = _last_audit(session)
    assert (entry.action, entry.object_type, entry.object_id) == (
        "document_downloaded", "signed_document", document.id)
