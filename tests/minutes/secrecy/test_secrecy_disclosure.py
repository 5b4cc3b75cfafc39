"""The disclosure builder: a request under each basis going through, a signed letter with exactly
the allowed fields, a social report impossible to disclose by any path (builder, web page, API),
consents that stand or not, and nothing stored when the decision fails."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from typing import Any

import pytest
from flask.testing import FlaskClient
from flask_babel import force_locale
from pdfminer.high_level import extract_text
from secrecy_support import (
    DG_PASSPHRASE,
    DG_PASSWORD,
    disclose,
    first_dossier,
    identity_of,
    letters_and_disclosures,
    new_request,
    report_sentence,
)
from signing_support import decide_item
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from support import user_named

from council.crypto import decrypt_bytes, decrypt_json
from council.models import (
    AuditEntry,
    DocumentKind,
    RequesterKind,
    RequestStatus,
    SecrecyBasis,
    SecrecyRequest,
    SocialReport,
)
from minutes import secrecy
from minutes.signatures.certificates import trust_roots
from minutes.signatures.signing import check_signatures

ALL_FIELDS = ["identity", "addresses", "application_data", "aid_decisions"]


def letter_text(request: SecrecyRequest) -> str:
    pdf = decrypt_bytes(request.disclosure.document.pdf_encrypted)
    return " ".join(extract_text(BytesIO(pdf)).split())


def sent(request: SecrecyRequest) -> dict[str, Any]:
    values: dict[str, Any] = decrypt_json(request.disclosure.values_encrypted)
    return values


def test_prosecutor_request_discloses_administrative_information_in_a_signed_letter(
        session: Session) -> None:
    dossier = first_dossier(session)
    item_id = session.scalar(select(SocialReport.item_id)
                             .where(SocialReport.dossier_id == dossier.id))
    decide_item(session, item_id, yes=4, no=1)
    request = new_request(session, SecrecyBasis.prosecutor_request)

    disclose(session, request, RequestStatus.full)

    assert request.status is RequestStatus.full
    assert request.decided_by_id == user_named(session, "dg").id
    assert request.referred_by_id == user_named(session, "socialworker").id
    assert request.disclosure.fields == ALL_FIELDS
    applicant = identity_of(dossier)["applicant"]
    values = sent(request)
    assert values["identity"]["last_name"] == applicant["last_name"]
    assert values["identity"]["niss"] == applicant["niss"]
    assert values["addresses"]["domicile"]
    assert values["application_data"]["applications"]
    [aid] = values["aid_decisions"]
    assert aid["granted"] is True and aid["organ"] == "csss"
    # the letter says exactly that, signed by the DG, and not a word of the social report
    text = letter_text(request)
    assert applicant["last_name"] in text and applicant["niss"] in text
    assert values["addresses"]["domicile"].split(",")[0] in text
    assert report_sentence(session, dossier) not in text
    document = request.disclosure.document
    assert document.kind is DocumentKind.secrecy_letter and document.is_sealed
    [check] = check_signatures(decrypt_bytes(document.pdf_encrypted),
                               trust_roots_pem=trust_roots(session))
    assert check.intact and check.valid and check.trusted
    assert check.signer_common_name == user_named(session, "dg").display_name


def test_state_of_necessity_discloses_who_and_where_only(session: Session) -> None:
    dossier = first_dossier(session)
    request = new_request(session, SecrecyBasis.necessity, requester_kind=RequesterKind.police)

    disclose(session, request, RequestStatus.partial, fields=("addresses",))

    assert request.status is RequestStatus.partial
    assert request.disclosure.fields == ["addresses"]
    assert set(sent(request)) == {"addresses"}
    text = letter_text(request)
    applicant = identity_of(dossier)["applicant"]
    assert applicant["niss"] not in text and applicant["last_name"] not in text


def test_consent_in_force_lets_the_exchange_through(session: Session) -> None:
    dossier = first_dossier(session)
    consent = secrecy.record_consent(
        session, dossier, actor=user_named(session, "socialworker"),
        institution="Mutualité chrétienne", purpose="Remboursement des soins", is_given=True,
        given_on=date.today())
    request = new_request(session, SecrecyBasis.consent, requester_kind=RequesterKind.institution)

    disclose(session, request, RequestStatus.partial, fields=("identity", "aid_decisions"),
             consent_id=consent.id)

    assert request.status is RequestStatus.partial
    assert request.consent_id == consent.id
    assert request.disclosure.fields == ["identity", "aid_decisions"]


def test_another_basis_confirms_the_identity_only(session: Session) -> None:
    request = new_request(session, SecrecyBasis.other,
                          requester_kind=RequesterKind.person_concerned,
                          basis_reference="RGPD art. 15 (droit d'accès)")

    disclose(session, request, RequestStatus.full)

    assert request.requester_name is None  # the person is the dossier: not written twice
    assert request.disclosure.fields == ["identity"]
    assert set(sent(request)) == {"identity"}


@pytest.mark.parametrize("revoked", [True, False], ids=["revoked", "none_recorded"])
def test_an_exchange_on_consent_without_a_standing_consent_is_refused(
        session: Session, revoked: bool) -> None:
    dossier = first_dossier(session)
    consent_id = None
    if revoked:
        consent = secrecy.record_consent(
            session, dossier, actor=user_named(session, "dg"), institution="FOREM",
            purpose="Accompagnement vers l'emploi", is_given=True, given_on=date.today())
        secrecy.revoke_consent(session, consent, actor=user_named(session, "socialworker"))
        consent_id = consent.id
    request = new_request(session, SecrecyBasis.consent, requester_kind=RequesterKind.institution)
    before = letters_and_disclosures(session)

    with pytest.raises(secrecy.SecrecyError):
        disclose(session, request, RequestStatus.full, consent_id=consent_id)

    session.refresh(request)
    assert request.status is RequestStatus.pending and request.reasons_encrypted is None
    assert letters_and_disclosures(session) == before
    # the DG can still refuse it, with reasons
    disclose(session, request, RequestStatus.refused)
    assert request.status is RequestStatus.refused


# --- a social report can never leave, by any path ---------------------------------------------

FORGED = ["identity", "social_report"]


def _nothing_left(session: Session, request_id: int, before: tuple[int, int]) -> None:
    session.expire_all()
    request = session.get(SecrecyRequest, request_id)
    assert request.status is RequestStatus.pending and request.disclosure is None
    assert letters_and_disclosures(session) == before


@pytest.mark.parametrize(("forged", "message"), [
    ("social_report", "can never be disclosed"), ("pseudonym_map", "can never be disclosed"),
    ("minutes", "can never be disclosed"), ("votes", "can never be disclosed"),
    ("original_encrypted", "no field called")])
@pytest.mark.parametrize("status", [RequestStatus.partial, RequestStatus.full])
def test_builder_refuses_what_the_basis_does_not_allow(session: Session, forged: str,
                                                       message: str,
                                                       status: RequestStatus) -> None:
    request = new_request(session, SecrecyBasis.prosecutor_request)
    before = letters_and_disclosures(session)

    with force_locale("en"), pytest.raises(secrecy.SecrecyError, match=message):
        disclose(session, request, status, fields=("identity", forged))

    _nothing_left(session, request.id, before)


def test_web_page_refuses_a_forged_social_report_field(
        session: Session, client: FlaskClient, auth: Any) -> None:
    request = new_request(session, SecrecyBasis.prosecutor_request)
    before = letters_and_disclosures(session)
    auth.login("dg")
    auth.use_language("en")

    response = client.post(f"/secrecy/{request.id}/decision", data={
        "outcome": "partial", "reasons": "Réquisition du parquet.", "fields": FORGED,
        "passphrase": DG_PASSPHRASE, "password": DG_PASSWORD})

    assert response.status_code == 400
    assert "can never be disclosed" in response.get_data(as_text=True)
    _nothing_left(session, request.id, before)
    # the page offers the basis' fields only
    page = client.get(f"/secrecy/{request.id}").get_data(as_text=True)
    assert 'value="aid_decisions"' in page and 'value="social_report"' not in page


def test_api_refuses_a_forged_social_report_field(
        session: Session, client: FlaskClient, api_token: Any) -> None:
    request = new_request(session, SecrecyBasis.prosecutor_request)
    before = letters_and_disclosures(session)

    response = client.post(f"/api/v1/secrecy/requests/{request.id}/decision", json={
        "outcome": "partial", "reasons": "Réquisition du parquet.", "fields": FORGED,
        "passphrase": DG_PASSPHRASE, "password": DG_PASSWORD}, headers=api_token("dg"))

    assert response.status_code == 400
    assert response.json["error"] == "secrecy_refused"
    _nothing_left(session, request.id, before)


def test_api_discloses_what_the_basis_allows(session: Session, client: FlaskClient,
                                             api_token: Any) -> None:
    request = new_request(session, SecrecyBasis.necessity)

    response = client.post(f"/api/v1/secrecy/requests/{request.id}/decision", json={
        "outcome": "full", "reasons": "Danger grave et imminent.",
        "passphrase": DG_PASSPHRASE, "password": DG_PASSWORD}, headers=api_token("dg"))

    assert response.status_code == 200, response.json
    assert response.json == {"id": request.id, "status": "full",
                             "fields": ["identity", "addresses"]}


# --- failures leave nothing behind --------------------------------------------------------------


@pytest.mark.parametrize(("passphrase", "password", "message"), [
    ("wrong-passphrase", DG_PASSWORD, "passphrase does not open"),
    (DG_PASSPHRASE, "wrong-password", "Wrong password")])
def test_a_refused_signature_stores_nothing(session: Session, passphrase: str, password: str,
                                            message: str) -> None:
    request = new_request(session, SecrecyBasis.prosecutor_request)
    before = letters_and_disclosures(session)

    with force_locale("en"), pytest.raises(secrecy.SecrecyError, match=message):
        secrecy.decide(session, request, secrecy.DecisionInput(
            status=RequestStatus.full, reasons="Réquisition.", passphrase=passphrase,
            password=password), actor=user_named(session, "dg"))

    _nothing_left(session, request.id, before)


def test_web_disclosure_then_letter_download(session: Session, client: FlaskClient,
                                             auth: Any) -> None:
    request = new_request(session, SecrecyBasis.prosecutor_request)
    auth.login("dg")
    auth.use_language("en")

    response = client.post(f"/secrecy/{request.id}/decision", data={
        "outcome": "partial", "reasons": "Réquisition du parquet.",
        "fields": ["identity", "addresses"], "passphrase": DG_PASSPHRASE,
        "password": DG_PASSWORD})
    assert response.status_code == 302

    letter = client.get(f"/secrecy/{request.id}/letter.pdf")
    assert letter.status_code == 200 and letter.data.startswith(b"%PDF")
    assert letter.headers["Cache-Control"].startswith("no-store")


def test_audit_log_follows_every_step_without_identity(session: Session) -> None:
    dossier = first_dossier(session)
    request = new_request(session, SecrecyBasis.prosecutor_request)
    disclose(session, request, RequestStatus.full)

    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.object_type.in_(("secrecy_request", "dossier", "signed_document")))).all()
    actions = {entry.action for entry in entries}
    assert {"secrecy_request_referred", "reidentification", "document_signed",
            "secrecy_disclosure_sent", "secrecy_request_decided"} <= actions
    applicant = identity_of(dossier)["applicant"]
    everything = repr([(e.action, e.details) for e in session.scalars(select(AuditEntry))])
    for value in (applicant["last_name"], applicant["niss"]):
        assert value not in everything


def test_a_request_decided_meanwhile_in_another_tab_is_not_disclosed(session: Session) -> None:
    request = new_request(session, SecrecyBasis.prosecutor_request)
    before = letters_and_disclosures(session)
    # another tab refused it after this one loaded the request (still pending here)
    session.execute(update(SecrecyRequest).where(SecrecyRequest.id == request.id)
                    .values(status=RequestStatus.refused)
                    .execution_options(synchronize_session=False))
    assert request.is_pending

    with force_locale("en"), pytest.raises(secrecy.SecrecyError, match="already been decided"):
        disclose(session, request, RequestStatus.full)

    session.expire_all()
    assert session.get(SecrecyRequest, request.id).disclosure is None
    assert letters_and_disclosures(session) == before
