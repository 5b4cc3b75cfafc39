"""The letter to a prosecutor as it is sent (issue 16, item 5): the parquet's address in its
address block, no closed-session footer, downloaded as a clean original (no reader's stamp),
and its dispatch recorded (to whom, how, when) in place of the stamp."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO
from typing import Any

import pytest
from flask.testing import FlaskClient
from flask_babel import force_locale
from pdfminer.high_level import extract_text
from secrecy_support import (
    DG_PASSPHRASE,
    DG_PASSWORD,
    PARQUET_ADDRESS,
    disclose,
    first_dossier,
    identity_of,
    letters_and_disclosures,
    new_request,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import user_named

from council.crypto import decrypt_bytes
from council.models import (
    AuditEntry,
    DispatchMethod,
    DocumentDispatch,
    RequesterKind,
    RequestStatus,
    SecrecyBasis,
    SecrecyRequest,
)
from minutes import dispatch, secrecy


@pytest.fixture(autouse=True)
def _english(app: Any, session: Session) -> Any:
    """Service messages in English (the letter keeps the centre's language)."""
    with app.test_request_context(), force_locale("en"):
        yield


def _text(pdf: bytes) -> str:
    return " ".join(extract_text(BytesIO(pdf)).split())


@pytest.fixture
def disclosed(session: Session) -> SecrecyRequest:
    request = new_request(session, SecrecyBasis.prosecutor_request)
    return disclose(session, request, RequestStatus.partial, fields=("identity",))


def test_the_letter_has_the_parquets_address_and_no_closed_session_footer(
        session: Session, disclosed: SecrecyRequest) -> None:
    text = _text(decrypt_bytes(disclosed.disclosure.document.pdf_encrypted))
    assert "Parquet de Namur Palais de Justice Place du Palais de Justice 1 5000 Namur" in text
    assert "huis clos" not in text and "LO art. 36" not in text


def test_the_dg_downloads_the_clean_original(session: Session,
                                             disclosed: SecrecyRequest) -> None:
    dg = user_named(session, "dg")
    pdf = secrecy.letter_copy(session, disclosed, actor=dg)
    assert pdf == decrypt_bytes(disclosed.disclosure.document.pdf_encrypted)  # no stamp
    assert "Copie" not in _text(pdf)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "document_downloaded")
                            .order_by(AuditEntry.id.desc())).first()
    assert entry.details["copy"] == "clean_original"


def test_without_the_requesters_address_no_letter(session: Session) -> None:
    request = new_request(session, SecrecyBasis.prosecutor_request, requester_address=None)
    before = letters_and_disclosures(session)
    with pytest.raises(secrecy.SecrecyError, match="postal address"):
        disclose(session, request, RequestStatus.partial, fields=("identity",))
    assert letters_and_disclosures(session) == before
    assert request.is_pending
    # given with the decision, it goes into the request and the letter
    secrecy.decide(session, request, secrecy.DecisionInput(
        status=RequestStatus.partial, reasons="Réquisition.", fields=("identity",),
        passphrase=DG_PASSPHRASE, password=DG_PASSWORD,
        requester_address="Parquet du procureur du Roi\nRue du Palais 3\n5000 Namur"),
        actor=user_named(session, "dg"))
    assert request.requester_address.splitlines()[1] == "Rue du Palais 3"
    assert "Rue du Palais 3 5000 Namur" in _text(
        decrypt_bytes(request.disclosure.document.pdf_encrypted))


def test_a_letter_to_the_person_concerned_goes_to_the_dossiers_address(
        session: Session) -> None:
    dossier = first_dossier(session)
    request = new_request(session, SecrecyBasis.other, dossier=dossier,
                          requester_kind=RequesterKind.person_concerned, by="dg",
                          basis_reference="RGPD, art. 15")
    assert request.requester_address is None
    address = identity_of(dossier)["address"]
    secrecy.decide(session, request, secrecy.DecisionInput(
        status=RequestStatus.full, reasons="Demande de la personne elle-même.",
        fields=("identity",), passphrase=DG_PASSPHRASE, password=DG_PASSWORD),
        actor=user_named(session, "dg"))
    assert address["street"] in _text(decrypt_bytes(request.disclosure.document.pdf_encrypted))


def _dispatch(**changes: Any) -> dispatch.DispatchInput:
    values: dict[str, Any] = {"recipient": f"Parquet de Namur\n{PARQUET_ADDRESS}",
                              "method": DispatchMethod.registered_mail,
                              "sent_on": date.today(), "reference": "RR 1234 5678 9BE"}
    return dispatch.DispatchInput(**{**values, **changes})


def test_the_dispatch_is_recorded_in_place_of_a_stamp(session: Session,
                                                      disclosed: SecrecyRequest) -> None:
    dg = user_named(session, "dg")
    secrecy.record_letter_dispatch(session, disclosed, _dispatch(), actor=dg)
    [sent] = secrecy.letter_dispatches(session, disclosed)
    assert sent.recipient.startswith("Parquet de Namur\nPalais de Justice")
    assert sent.dispatch.method is DispatchMethod.registered_mail
    assert sent.dispatch.reference == "RR 1234 5678 9BE"
    assert b"Namur" not in sent.dispatch.recipient_encrypted  # stored encrypted
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "document_dispatched")
                            ).one()
    assert entry.details["method"] == "registered_mail" and "Namur" not in str(entry.details)


@pytest.mark.parametrize(("changes", "message"), [
    ({"recipient": "  "}, "to whom"),
    ({"reference": None}, "registered letter's number"),
    ({"sent_on": date.today() + timedelta(days=1)}, "between the signature"),
    ({"sent_on": date.today() - timedelta(days=30)}, "between the signature"),
    ({"reference": "x" * 61}, "too long"),
])
def test_a_bad_dispatch_is_refused(session: Session, disclosed: SecrecyRequest,
                                   changes: dict[str, Any], message: str) -> None:
    with pytest.raises(dispatch.DispatchError, match=message):
        secrecy.record_letter_dispatch(session, disclosed, _dispatch(**changes),
                                       actor=user_named(session, "dg"))
    assert session.scalar(select(func.count()).select_from(DocumentDispatch)) == 0


def test_only_the_dg_sends_the_original(session: Session, disclosed: SecrecyRequest) -> None:
    worker = user_named(session, "socialworker")
    with pytest.raises(secrecy.NotAllowed):
        secrecy.letter_copy(session, disclosed, actor=worker)
    with pytest.raises(secrecy.NotAllowed):
        secrecy.record_letter_dispatch(session, disclosed, _dispatch(), actor=worker)


def test_the_request_page_records_the_dispatch(session: Session, client: FlaskClient,
                                               auth: Any, disclosed: SecrecyRequest) -> None:
    auth.login("dg")
    auth.use_language("en")
    page = client.get(f"/secrecy/{disclosed.id}").get_data(as_text=True)
    assert "Dispatch of the letter" in page and "Not recorded as sent yet." in page
    response = client.post(f"/secrecy/{disclosed.id}/dispatch", data={
        "recipient": "Parquet de Namur", "method": "secure_email",
        "sent_on": date.today().isoformat(), "reference": "mail 42"})
    assert response.status_code == 302
    page = client.get(f"/secrecy/{disclosed.id}").get_data(as_text=True)
    assert "Secure e-mail (mail 42)" in page
    refused = client.post(f"/secrecy/{disclosed.id}/dispatch", data={
        "recipient": "Parquet de Namur", "method": "registered_mail",
        "sent_on": date.today().isoformat()})
    assert refused.status_code == 400
    assert "Give the registered letter" in refused.get_data(as_text=True)
