"""The register: a social worker refers a request in two clicks and is recorded as referring,
the DG refuses with reasons, pending requests show their age, and the yearly report to the
council carries counts and no identity."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from flask_babel import force_locale
from secrecy_support import (
    disclose,
    first_dossier,
    identity_of,
    letters_and_disclosures,
    new_request,
)
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import organ_of_kind, user_named

from agenda.meetings.service import create_meeting
from council.crypto import decrypt_bytes
from council.models import (
    AuditEntry,
    Dossier,
    ItemKind,
    Meeting,
    OrganKind,
    RequesterKind,
    RequestStatus,
    SecrecyBasis,
    SecrecyRequest,
    SocialReport,
    User,
)
from minutes import secrecy


def test_social_worker_refers_a_request_in_two_clicks(session: Session, client: FlaskClient,
                                                       auth: Any) -> None:
    dossier = first_dossier(session)
    auth.login("socialworker")
    auth.use_language("en")
    form = client.get("/secrecy/new")  # first click: the register's "Refer a request"
    assert form.status_code == 200

    response = client.post("/secrecy/new", data={  # second click: the short form's button
        "dossier_reference": dossier.reference, "requester_kind": "police",
        "requester_name": "Zone de police Hautrival", "basis": "necessity",
        "requested": "Adresse actuelle de la personne", "received_on": date.today().isoformat()})

    assert response.status_code == 302
    created = session.scalars(select(SecrecyRequest).order_by(SecrecyRequest.id.desc())).first()
    socialworker = user_named(session, "socialworker")
    assert created.referred_by_id == socialworker.id == created.received_by_id
    assert created.status is RequestStatus.pending and created.decided_by_id is None
    assert decrypt_bytes(created.requested_encrypted).decode() == "Adresse actuelle de la personne"
    entry = session.scalars(select(AuditEntry).where(AuditEntry.object_id == created.id,
                                                     AuditEntry.object_type == "secrecy_request")
                            ).first()
    assert entry.action == "secrecy_request_referred" and entry.actor_id == socialworker.id


@pytest.mark.parametrize(("change", "message"), [
    ({"dossier_reference": "9999/9999"}, "No dossier has the reference"),
    ({"basis": "other"}, "reference of the legal basis"),
    ({"requester_name": ""}, "Name the requesting authority"),
    ({"received_on": (date.today() + timedelta(days=2)).isoformat()}, "after today"),
])
def test_a_bad_request_gets_a_message_and_stores_nothing(
        session: Session, client: FlaskClient, auth: Any, change: dict[str, str],
        message: str) -> None:
    count = len(session.scalars(select(SecrecyRequest.id)).all())
    auth.login("socialworker")
    auth.use_language("en")
    data = {"dossier_reference": first_dossier(session).reference,
            "requester_kind": "prosecutor", "requester_name": "Parquet de Liège",
            "basis": "prosecutor_request", "requested": "Adresses connues",
            "received_on": date.today().isoformat(), **change}

    response = client.post("/secrecy/new", data=data)

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert len(session.scalars(select(SecrecyRequest.id)).all()) == count


def test_only_the_dg_decides(session: Session) -> None:
    request = new_request(session, SecrecyBasis.prosecutor_request)
    for username in ("socialworker", "secretariat", "president", "admin"):
        with pytest.raises(secrecy.NotAllowed):
            secrecy.decide(session, request, secrecy.DecisionInput(
                status=RequestStatus.refused, reasons="Non."), actor=user_named(session, username))
    assert request.status is RequestStatus.pending


def test_refusal_is_recorded_with_its_reasons(session: Session, client: FlaskClient,
                                               auth: Any) -> None:
    request = new_request(session, SecrecyBasis.other, basis_reference="Lettre d'un avocat")
    before = letters_and_disclosures(session)
    auth.login("dg")
    auth.use_language("en")

    without_reasons = client.post(f"/secrecy/{request.id}/decision",
                                  data={"outcome": "refused", "reasons": ""})
    assert without_reasons.status_code == 400
    session.refresh(request)
    assert request.status is RequestStatus.pending

    response = client.post(f"/secrecy/{request.id}/decision", data={
        "outcome": "refused", "reasons": "Aucune base légale ne permet cette communication."})

    assert response.status_code == 302
    session.refresh(request)
    assert request.status is RequestStatus.refused
    assert request.decided_by_id == user_named(session, "dg").id and request.decided_at
    assert (decrypt_bytes(request.reasons_encrypted).decode()
            == "Aucune base légale ne permet cette communication.")
    assert letters_and_disclosures(session) == before
    # the social worker who referred it sees the outcome and the reasons
    auth.logout()
    auth.login("socialworker")
    auth.use_language("en")
    page = client.get(f"/secrecy/{request.id}").get_data(as_text=True)
    assert "Aucune base légale ne permet cette communication." in page
    assert "Refused" in page
    # a decision is final
    with force_locale("en"), pytest.raises(secrecy.SecrecyError, match="already been decided"):
        disclose(session, request, RequestStatus.full)


def test_register_lists_pending_requests_with_their_age(session: Session, client: FlaskClient,
                                                         auth: Any) -> None:
    old = new_request(session, SecrecyBasis.prosecutor_request, days_ago=12)
    auth.login("dg")
    auth.use_language("en")

    decided = new_request(session, SecrecyBasis.other, basis_reference="Courrier", days_ago=30)
    disclose(session, decided, RequestStatus.refused)

    rows = secrecy.register_of(session, user_named(session, "dg"))
    assert {row.request.id: row.age_days for row in rows}[old.id] == 12
    states = [row.request.is_pending for row in rows]
    assert states == sorted(states, reverse=True)  # pending first, then decided
    page = client.get("/secrecy/").get_data(as_text=True)
    assert "12 days" in page


def test_social_workers_see_only_what_they_referred(session: Session, client: FlaskClient,
                                                     auth: Any) -> None:
    theirs = new_request(session, SecrecyBasis.prosecutor_request, by="socialworker")
    registered_by_dg = new_request(session, SecrecyBasis.necessity, by="dg")
    colleague = User(username="socialworker2", password_hash="x", role=user_named(
        session, "socialworker").role, display_name="Colleague", email="sw2@example.test")
    session.add(colleague)
    session.flush()

    mine = {row.request.id for row in secrecy.register_of(session, user_named(session,
                                                                             "socialworker"))}
    assert theirs.id in mine and registered_by_dg.id not in mine
    assert secrecy.register_of(session, colleague) == []
    auth.login("socialworker")
    assert client.get(f"/secrecy/{registered_by_dg.id}").status_code == 404
    assert client.get(f"/secrecy/{theirs.id}").status_code == 200


# --- consents ---------------------------------------------------------------------------------


def test_consents_are_recorded_and_revoked_by_the_dossiers_social_worker(
        session: Session, client: FlaskClient, auth: Any) -> None:
    dossier = first_dossier(session)
    auth.login("socialworker")
    auth.use_language("en")
    assert client.get(f"/secrecy/consents?dossier={dossier.reference}").status_code == 302

    response = client.post(f"/secrecy/dossiers/{dossier.id}/consents", data={
        "institution": "Mutualité chrétienne", "purpose": "Remboursement des soins",
        "given": "yes", "given_on": date.today().isoformat()})

    assert response.status_code == 302
    [consent] = secrecy.consents_of(session, dossier)
    assert consent.is_given and not consent.is_revoked
    revoke = client.post(f"/secrecy/consents/{consent.id}/revoke", data={})
    assert revoke.status_code == 302
    session.refresh(consent)
    assert consent.is_revoked and consent.revoked_by_id == user_named(session, "socialworker").id
    with pytest.raises(secrecy.SecrecyError):
        secrecy.revoke_consent(session, consent, actor=user_named(session, "dg"))


# --- yearly counts and the report to the council ----------------------------------------------


#: the year the helpers' requests come in (two days ago by default)
REQUEST_YEAR = (date.today() - timedelta(days=2)).year


def test_yearly_counts_by_basis_and_outcome(session: Session) -> None:
    before = secrecy.yearly_counts(session, REQUEST_YEAR)
    refused = new_request(session, SecrecyBasis.other, basis_reference="Courrier d'un avocat")
    disclose(session, refused, RequestStatus.refused)
    new_request(session, SecrecyBasis.other, basis_reference="Courrier d'un huissier")

    counts = secrecy.yearly_counts(session, REQUEST_YEAR)

    assert counts.of(SecrecyBasis.other, RequestStatus.refused) == before.of(
        SecrecyBasis.other, RequestStatus.refused) + 1
    assert counts.of(SecrecyBasis.other, RequestStatus.pending) == before.of(
        SecrecyBasis.other, RequestStatus.pending) + 1
    assert counts.grand_total == before.grand_total + 2
    assert secrecy.yearly_counts(session, 2001).grand_total == 0


def test_yearly_report_to_the_council_has_no_identity(session: Session,
                                                      client: FlaskClient, auth: Any) -> None:
    for basis in (SecrecyBasis.prosecutor_request, SecrecyBasis.necessity):
        new_request(session, basis)
    disclose(session, new_request(session, SecrecyBasis.other, basis_reference="Art. 15 RGPD",
                                  requester_kind=RequesterKind.person_concerned),
             RequestStatus.full)
    meeting = create_meeting(session, actor=user_named(session, "dg"),
                             organ=organ_of_kind(session, OrganKind.council),
                             starts_at=datetime.now(UTC) + timedelta(days=30),
                             place="Salle du conseil")
    auth.login("dg")
    auth.use_language("en")

    response = client.post("/secrecy/council-report", data={
        "year": str(REQUEST_YEAR), "meeting_id": str(meeting.id)})

    assert response.status_code == 302
    session.refresh(meeting)
    [item] = [item for item in meeting.items if item.kind is ItemKind.general]
    assert item.is_closed_session
    counts = secrecy.yearly_counts(session, REQUEST_YEAR)
    assert str(counts.grand_total) in item.summary
    published = f"{item.title}\n{item.summary}\n{item.draft_decision}"
    for dossier in session.scalars(select(Dossier)):
        identity = identity_of(dossier)
        for person in (identity["applicant"], *identity.get("household", [])):
            assert person["last_name"] not in published
            if person.get("niss"):
                assert person["niss"] not in published
        assert dossier.reference not in published
    assert "Parquet" not in published


def test_yearly_report_needs_a_council_meeting_in_preparation(session: Session,
                                                              demo: Any) -> None:
    convened = session.get(Meeting, demo.council_meeting_id)
    with pytest.raises(secrecy.SecrecyError):
        secrecy.add_yearly_report(session, convened, 2026, actor=user_named(session, "dg"))
    csss = session.get(Meeting, demo.csss_meeting_id)
    with pytest.raises(secrecy.SecrecyError):
        secrecy.add_yearly_report(session, csss, 2026, actor=user_named(session, "dg"))
    with pytest.raises(secrecy.NotAllowed):
        secrecy.add_yearly_report(session, convened, 2026,
                                  actor=user_named(session, "secretariat"))


def test_social_worker_refers_from_the_report_page_with_the_dossier_filled_in(
        client, auth, session):
    report = session.scalar(select(SocialReport).order_by(SocialReport.id).limit(1))
    auth.login("socialworker")
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "/secrecy/new?dossier=" in page  # first click
    form = client.get(f"/secrecy/new?dossier={report.dossier.reference}").get_data(as_text=True)
    assert f'value="{report.dossier.reference}"' in form  # the second click sends it
