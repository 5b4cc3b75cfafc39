"""Helpers of the signature and extract tests: a decided item, minutes awaiting signatures,
and certificates from a test authority."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session
from support import user_named

from council.crypto import decrypt_bytes
from council.demo.pki import Authority, issue_signer, make_ca
from council.models import (
    AgendaItem,
    AttendanceRecord,
    DocumentKind,
    DocumentSignature,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesPart,
    MinutesStatus,
    Poll,
    SignedDocument,
)
from council.rules.attendance import Presence
from minutes.documents import PRESIDENT_AND_DG, new_document
from minutes.pdf import render_pdf

#: the demo's signing passphrases (council.demo)
PASSPHRASES = {"president": "demo-sign-president", "dg": "demo-sign-dg"}

NOW = datetime.now(UTC)


def new_authority(common_name: str = "Test CA") -> Authority:
    return make_ca(common_name, valid_from=NOW - timedelta(days=400),
                   valid_until=NOW + timedelta(days=4000))


def pkcs12_for(authority: Authority, *, passphrase: str, valid_from: datetime | None = None,
               valid_until: datetime | None = None, common_name: str = "Test Signer") -> bytes:
    return issue_signer(authority, common_name=common_name, email=None,
                        valid_from=valid_from or NOW - timedelta(days=1),
                        valid_until=valid_until or NOW + timedelta(days=365),
                        passphrase=passphrase)


def decide_item(session: Session, item_id: int, *, yes: int = 4, no: int = 1) -> AgendaItem:
    """Holds the item's meeting: every member present, the item voted (open) and decided."""
    item = session.get(AgendaItem, item_id)
    meeting: Meeting = item.meeting
    dg = user_named(session, "dg")
    for membership in meeting.organ.memberships:
        session.add(AttendanceRecord(meeting_id=meeting.id, member_id=membership.member_id,
                                     status=Presence.present, recorded_by_id=dg.id))
    poll = Poll(item_id=item.id, meeting_id=meeting.id, is_secret=False,
                quorum_required=3, quorum_present=len(meeting.organ.memberships),
                opened_by_id=dg.id)
    poll.close(dg, yes, no, 0, adopted=yes > no, by_tie_rule=False)
    session.add(poll)
    item.status = ItemStatus.decided
    meeting.status = MeetingStatus.closed
    session.commit()
    return item


def minutes_awaiting_signatures(session: Session, meeting_id: int, *,
                                status: MinutesStatus = MinutesStatus.approved) -> Minutes:
    """Minutes of the meeting's closed part, frozen into a small PDF."""
    dg = user_named(session, "dg")
    pdf = render_pdf("<!doctype html><html lang='fr'><head><meta charset='utf-8'>"
                     "<title>PV</title></head><body><h1>Procès-verbal</h1>"
                     "<p>Séance à huis clos.</p></body></html>", language="fr")
    document = new_document(pdf, kind=DocumentKind.minutes,
                            language="fr", actor=dg, required_capacities=PRESIDENT_AND_DG)
    minutes = Minutes(meeting_id=meeting_id, part=MinutesPart.closed, status=status,
                      created_by_id=dg.id, document=document)
    session.add(minutes)
    session.commit()
    return minutes


def stored_state(session: Session, document_id: int) -> tuple[bytes, str, object, list]:
    """What a refused signature must leave untouched: the PDF, its hash, the seal, the
    signatures."""
    session.expire_all()
    document = session.get(SignedDocument, document_id)
    signatures = list(session.scalars(select(DocumentSignature.id).where(
        DocumentSignature.document_id == document_id)))
    return (decrypt_bytes(document.pdf_encrypted), document.sha256, document.sealed_at,
            signatures)
