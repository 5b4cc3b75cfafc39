"""The dossier identity form and its correction (issue 16, item 1), tried by insiders.

A councillor, the secretariat or the IT administrator trying the correction URL of a dossier
is refused (403, the same whether the dossier exists or not); another social worker gets the
404 of a dossier that does not exist, and changes nothing. The identity typed in the form never
reaches the log, and no refusal page shows any of it."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from flask.testing import FlaskClient
from report_samples import APPLICANT_IBAN, APPLICANT_NISS, TEXT
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from council.crypto import decrypt_json
from council.models import Dossier, DossierIdentity, Language, Role, User
from council.security import hash_password

OTHER_WORKER = "socialworker3"
OTHER_PASSWORD = "demo-third-worker"
#: the identity typed in the form below, none of which may leak
TYPED = {
    "dossier-reference": "2026/0970", "dossier-applicant-last_name": "Ndiaye-Wouters",
    "dossier-applicant-first_names": "Aminata", "dossier-applicant-niss": APPLICANT_NISS,
    "dossier-address-street": "rue des Glycines", "dossier-address-number": "7",
    "dossier-address-postcode": "7000", "dossier-address-city": "Hautrival",
    "dossier-contacts-iban": APPLICANT_IBAN,
    "dossier-household-0-last_name": "Ndiaye-Wouters",
    "dossier-household-0-first_names": "Oumar", "dossier-household-0-relation": "child",
}
SECRETS = ("Ndiaye", "Aminata", "Oumar", "Glycines", APPLICANT_NISS, APPLICANT_IBAN)


@pytest.fixture
def other_worker(session: Session) -> User:
    worker = User(username=OTHER_WORKER, password_hash=hash_password(OTHER_PASSWORD),
                  role=Role.social_worker, display_name="Third Worker", language=Language.en)
    session.add(worker)
    session.commit()
    return worker


@pytest.fixture
def dossier(client: FlaskClient, auth: Any, session: Session) -> Dossier:
    """A dossier of the demo social worker, submitted through the form."""
    auth.login("socialworker")
    response = client.post("/reports/new", data={"organ": "csss", "text": TEXT, **TYPED})
    assert response.status_code == 302, response.get_data(as_text=True)
    auth.logout()
    return session.scalar(select(Dossier).where(Dossier.reference == "2026/0970"))


def _main(page: str) -> str:
    """The page's main content (the rest carries a nonce per response)."""
    return page[page.index("<main"):page.index("</main>")]


def _versions(session: Session, dossier: Dossier) -> int:
    return session.scalar(select(func.count()).select_from(DossierIdentity)
                          .where(DossierIdentity.dossier_id == dossier.id))


@pytest.mark.parametrize("username", ["councillor1", "president", "secretariat", "admin"])
def test_other_roles_are_refused_the_correction(client: FlaskClient, auth: Any,
                                                session: Session, dossier: Dossier,
                                                username: str) -> None:
    auth.login(username)
    auth.use_language("en")
    for path in (f"/dossiers/{dossier.id}/identity", "/dossiers/999999/identity"):
        page = client.get(path)
        assert page.status_code == 403, (username, path)
        changed = client.post(path, data={**TYPED, "dossier-address-street": "rue Volée"})
        assert changed.status_code == 403
        for secret in SECRETS:
            assert secret not in page.get_data(as_text=True)
    assert _versions(session, dossier) == 1


def test_another_social_worker_finds_no_such_dossier(client: FlaskClient, auth: Any,
                                                     session: Session, dossier: Dossier,
                                                     other_worker: User) -> None:
    auth.login(OTHER_WORKER, OTHER_PASSWORD)
    auth.use_language("en")
    theirs = client.get(f"/dossiers/{dossier.id}/identity")
    missing = client.get("/dossiers/999999/identity")
    assert theirs.status_code == missing.status_code == 404
    assert _main(theirs.get_data(as_text=True)) == _main(missing.get_data(as_text=True))
    taken = client.post(f"/dossiers/{dossier.id}/identity",
                        data={**TYPED, "dossier-applicant-last_name": "Faussaire"})
    assert taken.status_code == 404
    session.expire_all()
    assert decrypt_json(dossier.identity_encrypted)["applicant"]["last_name"] == (
        "Ndiaye-Wouters")
    assert _versions(session, dossier) == 1
    for secret in SECRETS:
        assert secret not in theirs.get_data(as_text=True)


def test_the_identity_never_reaches_the_log(client: FlaskClient, auth: Any, session: Session,
                                            dossier: Dossier,
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    auth.login("socialworker")
    auth.use_language("fr")
    # a refused intake (bad NISS), a refused correction (bad IBAN), a correction, a reading
    bad = {**TYPED, "dossier-reference": "2026/0971", "dossier-applicant-niss": "12345678901"}
    assert client.post("/reports/new", data={"organ": "csss", "text": TEXT, **bad}
                       ).status_code == 422
    refused = {**TYPED, "dossier-contacts-iban": "BE00 1234"}
    assert client.post(f"/dossiers/{dossier.id}/identity", data=refused).status_code == 422
    corrected = {**TYPED, "dossier-address-street": "rue des Glycines Bleues"}
    assert client.post(f"/dossiers/{dossier.id}/identity", data=corrected).status_code == 302
    assert client.get(f"/dossiers/{dossier.id}/identity").status_code == 200
    assert _versions(session, dossier) == 2
    logged = caplog.text + " ".join(str(record.args) for record in caplog.records)
    for secret in (*SECRETS, "12345678901", "BE00 1234"):
        assert secret not in logged, secret

