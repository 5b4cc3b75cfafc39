"""Extracts from the register of deliberations: pseudonymised by default, identified only for
the DG and the dossier's social worker, signed by the president and the DG."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask.testing import FlaskClient
from flask_babel import force_locale
from signing_support import PASSPHRASES, decide_item, stored_state
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS, pdf_text, user_named

from agenda.pseudonymise import parse_dossier
from agenda.reports import report_of_item
from council.crypto import decrypt_json
from council.models import (
    AgendaItem,
    AuditEntry,
    Extract,
    ItemWithdrawal,
    SignatureCapacity,
    SignedDocument,
)
from minutes import extracts
from minutes.signatures import service as signatures


@pytest.fixture(autouse=True)
def _messages_in_english(session: Session) -> Iterator[None]:
    """Services answer in the centre's language (French) outside a request: read English."""
    with force_locale("en"):
        yield


@pytest.fixture
def decided(session: Session, demo: Any) -> AgendaItem:
    return decide_item(session, demo.csss_item_id)


def _applicant_name(session: Session, item: AgendaItem) -> str:
    dossier = parse_dossier(decrypt_json(report_of_item(session, item).dossier
                                         .identity_encrypted))
    return dossier.applicant.last_name


def test_pseudonymised_extract_signed_by_president_and_dg(session: Session,
                                                          decided: AgendaItem) -> None:
    extract = extracts.make_extract(session, decided.id, actor=user_named(session, "secretariat"))
    assert not extract.is_identified
    pdf = stored_state(session, extract.document_id)[0]
    text = pdf_text(pdf)
    assert "Extract from the register of deliberations" in text or "Extrait" in text
    assert decided.title.split()[0] in text
    assert "Adopté par 4 voix contre 1." in text
    assert _applicant_name(session, decided) not in text

    for username, capacity in (("president", SignatureCapacity.president),
                               ("dg", SignatureCapacity.director_general)):
        signatures.sign_document(session, extract.document_id,
                                 actor=user_named(session, username), capacity=capacity,
                                 passphrase=PASSPHRASES[username], password=PASSWORDS[username])
    document = session.get(SignedDocument, extract.document_id)
    assert document.is_sealed
    report = signatures.check_document(session, signatures.load_context(session, document.id),
                                       actor=user_named(session, "dg"))
    assert report.all_good and len(report.signatures) == 2
    assert report.pdfsig.count("Signature is Valid.") == 2


def test_an_undecided_item_has_no_extract(session: Session, demo: Any) -> None:
    with pytest.raises(extracts.ExtractError, match="not decided"):
        extracts.make_extract(session, demo.csss_item_id, actor=user_named(session, "dg"))
    assert session.scalar(select(Extract.id)) is None


@pytest.mark.parametrize("username", ["secretariat", "president", "councillor1"])
def test_identified_extract_refused_to_others(session: Session, decided: AgendaItem,
                                              username: str) -> None:
    with pytest.raises(extracts.NotAllowed):
        extracts.make_extract(session, decided.id, actor=user_named(session, username),
                              identified=True, password=PASSWORDS[username])
    assert session.scalar(select(Extract.id)) is None


@pytest.mark.parametrize("username", ["dg", "socialworker"])
def test_identified_extract_names_the_applicant(session: Session, decided: AgendaItem,
                                                username: str) -> None:
    actor = user_named(session, username)
    extract = extracts.make_extract(session, decided.id, actor=actor, identified=True,
                                    password=PASSWORDS[username])
    assert extract.is_identified
    assert _applicant_name(session, decided) in pdf_text(stored_state(session,
                                                                   extract.document_id)[0])
    audited = session.scalar(select(AuditEntry).where(
        AuditEntry.action == "reidentification", AuditEntry.actor_id == actor.id,
        AuditEntry.object_id == decided.id).order_by(AuditEntry.id.desc()))
    assert audited.details["purpose"] == "extract"


def test_identified_extract_needs_the_password(session: Session, decided: AgendaItem) -> None:
    with pytest.raises(extracts.ExtractError, match="Wrong password"):
        extracts.make_extract(session, decided.id, actor=user_named(session, "dg"),
                              identified=True, password="wrong")
    assert session.scalar(select(Extract.id)) is None


def test_extract_pages(client: FlaskClient, auth: Any, session: Session,
                       decided: AgendaItem) -> None:
    auth.use_language("en")
    auth.login("secretariat")
    made = client.post(f"/items/{decided.id}/extracts", data={})
    assert made.status_code == 302
    pseudonymised = session.scalar(select(Extract).order_by(Extract.id.desc()))
    auth.logout()
    auth.login("socialworker")
    auth.use_language("en")
    page = client.get(f"/items/{decided.id}/extracts")
    assert page.status_code == 200 and b"name the applicant" in page.data
    refused = client.post(f"/items/{decided.id}/extracts",
                          data={"identified": "y", "password": "wrong"})
    assert refused.status_code == 422
    client.post(f"/items/{decided.id}/extracts",
                data={"identified": "y", "password": PASSWORDS["socialworker"]})
    identified = session.scalar(select(Extract).order_by(Extract.id.desc()))
    assert identified.is_identified
    copy = client.get(f"/documents/{identified.document_id}.pdf")
    assert copy.status_code == 200
    assert _applicant_name(session, decided) in pdf_text(copy.data)
    # not a signer: a reader's copy, whose pages name who downloaded it
    assert re.search(r"[A-Z2-7]{4}-[A-Z2-7]{4} \w+ Claire Delvaux", pdf_text(copy.data))
    auth.logout()
    auth.login("secretariat")
    assert client.get(f"/documents/{identified.document_id}.pdf").status_code == 403
    assert client.get(f"/documents/{pseudonymised.document_id}.pdf").status_code == 200
    listing = client.get(f"/items/{decided.id}/extracts")
    assert f"/documents/{identified.document_id}.pdf".encode() not in listing.data
    auth.logout()
    auth.login("councillor1")
    assert client.get(f"/items/{decided.id}/extracts").status_code == 403


def test_a_president_who_withdrew_from_the_item_does_not_sign_its_extract(
        session: Session, decided: AgendaItem) -> None:
    extract = extracts.make_extract(session, decided.id, actor=user_named(session, "dg"))
    president = user_named(session, "president")
    session.add(ItemWithdrawal.declared(item_id=decided.id, member_id=president.member_id,
                                        reason="parent of the applicant",
                                        declared_by_id=president.id))
    session.commit()
    before = stored_state(session, extract.document_id)
    with pytest.raises(signatures.NotAllowed, match="withdrew"):
        signatures.sign_document(session, extract.document_id, actor=president,
                                 capacity=SignatureCapacity.president,
                                 passphrase=PASSPHRASES["president"],
                                 password=PASSWORDS["president"])
    assert stored_state(session, extract.document_id) == before
    assert extracts.extracts_of(session, decided, actor=president) == []
