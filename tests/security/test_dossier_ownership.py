"""Dossiers belong to their social worker (issue 14, item 3).

Observed: a second social worker overwrote the identity of another worker's dossier by reusing
its reference in ``POST /api/v1/reports``; the leak guard then checked the wrong identity and
letters would have named the wrong person. A 60,000-member dossier was accepted and made every
later leak scan slow. Each attempt is replayed here and now fails for the attacker or the
mistake; a legitimate change is a new version, and a letter reads the version in force when
the organ decided."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from io import BytesIO
from typing import Any

import pytest
from flask.testing import FlaskClient
from pdfminer.high_level import extract_text
from report_samples import DOSSIER, TEXT, dossier
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import PASSWORDS, user_named
from time_machine import TimeMachineFixture

from agenda.reports import dossiers
from council.crypto import decrypt_json
from council.models import (
    AgendaItem,
    AuditEntry,
    Dossier,
    DossierIdentity,
    ItemKind,
    ItemStatus,
    Language,
    MeetingStatus,
    Role,
    SocialReport,
    User,
)
from council.security import hash_password
from minutes.notifications import service as notifications
from minutes.notifications.service import TermsInput

#: a refusal states no money terms: the letter is only about who and where
REFUSAL = TermsInput(is_granted=False, aid_label="aide financière",
                     reasons="Les ressources du ménage dépassent le plafond.",
                     legal_basis="loi du 8 juillet 1976, art. 1er", amount=None,
                     calculation=None, frequency=None, starts_on=None, ends_on=None)
SECOND_WORKER = "socialworker2"
SECOND_PASSWORD = "demo-other-worker"


@pytest.fixture
def second_worker(session: Session) -> User:
    worker = User(username=SECOND_WORKER, password_hash=hash_password(SECOND_PASSWORD),
                  role=Role.social_worker, display_name="Second Worker",
                  language=Language.en)
    session.add(worker)
    session.commit()
    return worker


def _token(client: FlaskClient, username: str, password: str) -> dict[str, str]:
    response = client.post("/api/v1/token", json={"username": username, "password": password})
    assert response.status_code == 200, response.json
    return {"Authorization": f"Bearer {response.json['token']}"}


def _submit(client: FlaskClient, headers: dict[str, str], identity: dict[str, Any]) -> Any:
    return client.post("/api/v1/reports", json={"dossier": identity, "text": TEXT,
                                                "organ": "csss"},
                       headers={**headers, "Accept-Language": "en"})


def _stored(session: Session, reference: str) -> Dossier:
    return session.scalars(select(Dossier).where(Dossier.reference == reference)).one()


def _counts(session: Session) -> tuple[int, int]:
    return (session.scalar(select(func.count()).select_from(SocialReport)) or 0,
            session.scalar(select(func.count()).select_from(DossierIdentity)) or 0)


def test_another_worker_cannot_take_over_a_reference_through_the_api(
        client: FlaskClient, session: Session, second_worker: User) -> None:
    owner = _token(client, "socialworker", PASSWORDS["socialworker"])
    assert _submit(client, owner, DOSSIER).status_code == 201
    before = _counts(session)
    impostor = dossier(applicant={"last_name": "Faussaire", "first_names": ["Jean"]})

    response = _submit(client, _token(client, SECOND_WORKER, SECOND_PASSWORD), impostor)

    assert response.status_code == 409
    assert response.json["error"] == "reference_taken"
    assert "Kabongo" not in response.get_data(as_text=True)
    session.expire_all()
    stored = _stored(session, DOSSIER["reference"])
    assert decrypt_json(stored.identity_encrypted) == DOSSIER
    assert stored.social_worker_id == user_named(session, "socialworker").id
    assert _counts(session) == before, "nothing stored: no report, no identity version"


def test_another_worker_cannot_take_over_a_reference_through_the_form(
        client: FlaskClient, auth: Any, session: Session, second_worker: User) -> None:
    owner = _token(client, "socialworker", PASSWORDS["socialworker"])
    assert _submit(client, owner, DOSSIER).status_code == 201
    before = _counts(session)
    auth.login(SECOND_WORKER, SECOND_PASSWORD)
    page = client.post("/reports/new", data={
        "dossier_json": json.dumps(dossier(applicant={"last_name": "Faussaire"})),
        "text": TEXT, "organ": "csss"})
    body = page.get_data(as_text=True)
    assert "is a dossier of another social worker" in body
    assert page.status_code < 500
    session.expire_all()
    assert decrypt_json(_stored(session, DOSSIER["reference"]).identity_encrypted) == DOSSIER
    assert _counts(session) == before


def test_the_owner_changes_the_identity_as_a_new_audited_version(
        client: FlaskClient, session: Session) -> None:
    owner = _token(client, "socialworker", PASSWORDS["socialworker"])
    assert _submit(client, owner, DOSSIER).status_code == 201
    assert _submit(client, owner, DOSSIER).status_code == 201  # the same identity again
    moved = dossier(address={"street": "rue Neuve", "number": "3", "postcode": "7000",
                             "city": "Hautrival"})
    assert _submit(client, owner, moved).status_code == 201

    session.expire_all()
    stored = _stored(session, DOSSIER["reference"])
    versions = [(v.version, decrypt_json(v.identity_encrypted)) for v in stored.identities]
    assert versions == [(1, DOSSIER), (2, moved)]
    assert decrypt_json(stored.identity_encrypted) == moved
    changes = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "dossier_identity_changed",
        AuditEntry.object_id == stored.id)).all()
    assert len(changes) == 1
    assert "Neuve" not in str(changes[0].details), "the audit says that, never what"


@pytest.mark.parametrize(("changes", "problem"), [
    ({"household": [{"last_name": f"Membre{n}", "relation": "child"} for n in range(60_000)]},
     "household: more than 30 people"),
    ({"third_parties": [{"last_name": "Tiers"}] * 31}, "third_parties: more than 30 people"),
    ({"applicant": {"last_name": "X" * 201}},
     "dossier.applicant.last_name: longer than 200 characters"),
    ({"applicant": {"last_name": "Dupont", "first_names": ["Jean"] * 9}},
     "dossier.applicant.first_names: more than 8 first names"),
    ({"reference": "R" * 41}, "dossier.reference: longer than 40 characters"),
])
def test_an_oversized_dossier_is_refused_before_anything_reads_it(
        client: FlaskClient, api_token: Any, session: Session, changes: dict[str, Any],
        problem: str) -> None:
    before = _counts(session)
    response = _submit(client, api_token("socialworker"), dossier(**changes))
    assert response.status_code == 400
    assert problem in response.json["message"]
    assert _counts(session) == before


@pytest.fixture
def decided_item(session: Session, demo: Any) -> AgendaItem:
    """The demo CSSS meeting's first aid item, decided at a sitting three days ago."""
    item = session.scalars(select(AgendaItem).where(
        AgendaItem.meeting_id == demo.csss_meeting_id,
        AgendaItem.kind == ItemKind.individual_aid).order_by(AgendaItem.number)).first()
    item.meeting.status = MeetingStatus.closed
    item.meeting.starts_at = datetime.now(UTC) - timedelta(days=3)
    item.status = ItemStatus.decided
    session.commit()
    return item


def _moved_to(identity: dict[str, Any], street: str) -> dict[str, Any]:
    moved = copy.deepcopy(identity)
    moved["address"] = {"street": street, "number": "9", "postcode": "7000",
                        "city": "Hautrival"}
    return moved


def test_a_letter_reads_the_identity_in_force_when_the_organ_decided(
        app: Any, session: Session, decided_item: AgendaItem,
        time_machine: TimeMachineFixture) -> None:
    dg = user_named(session, "dg")
    dossier_row = session.scalars(select(SocialReport).where(
        SocialReport.item_id == decided_item.id)).one().dossier
    worker = dossier_row.social_worker
    original = decrypt_json(dossier_row.identity_encrypted)
    time_machine.move_to(datetime.now(UTC) - timedelta(days=5), tick=False)
    before_decision = _moved_to(original, "rue d'Avant")
    dossiers.change_identity(session, dossier_row, before_decision,
                             language=dossier_row.language, actor=worker)
    time_machine.move_to(datetime.now(UTC) + timedelta(days=5), tick=False)
    after_decision = _moved_to(original, "rue d'Après")
    dossiers.change_identity(session, dossier_row, after_decision,
                             language=dossier_row.language, actor=worker)
    session.commit()

    with app.test_request_context():
        notifications.set_terms(session, decided_item.id, REFUSAL, actor=dg)
        letter = notifications.generate_letter(session, decided_item.id, actor=dg)
        pdf = notifications.download_letter(session, letter.id, actor=dg)
    text = " ".join(extract_text(BytesIO(pdf)).split())
    assert "rue d'Avant" in text or "rue d’Avant" in text
    assert "Après" not in text


def test_another_worker_cannot_change_an_identity_through_the_service(
        session: Session, decided_item: AgendaItem, second_worker: User) -> None:
    dossier_row = session.scalars(select(SocialReport).where(
        SocialReport.item_id == decided_item.id)).one().dossier
    with pytest.raises(dossiers.ReferenceTaken):
        dossiers.change_identity(session, dossier_row, {"reference": dossier_row.reference},
                                 language=dossier_row.language, actor=second_worker)
