"""Uploading a signing certificate: once, checked with its passphrase (never stored), encrypted
at rest; expired, not yet valid and garbage files are refused with a clear message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from io import BytesIO
from typing import Any

import pytest
from flask.testing import FlaskClient
from flask_babel import force_locale
from signing_support import NOW, new_authority, pkcs12_for
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import user_named

from council.crypto import decrypt_bytes
from council.models import AuditEntry, SignerCertificate
from minutes.signatures import certificates


@pytest.fixture(autouse=True)
def _messages_in_english(session: Session) -> Iterator[None]:
    """Services answer in the centre's language (French) outside a request: read English."""
    with force_locale("en"):
        yield


@pytest.fixture
def president(session: Session) -> Any:
    """The demo president, with the demo certificate withdrawn."""
    user = user_named(session, "president")
    current = certificates.active_certificate(session, user)
    certificates.withdraw_certificate(session, current.id, actor=user)
    return user


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SignerCertificate))


def test_upload_stores_the_file_encrypted_and_not_the_passphrase(session: Session,
                                                                 president: Any) -> None:
    bundle = pkcs12_for(new_authority(), passphrase="s3cret-phrase", common_name="Isabelle")
    stored = certificates.upload_certificate(session, actor=president, pkcs12=bundle,
                                             passphrase="s3cret-phrase")
    assert "CN=Isabelle" in stored.subject and "CN=Test CA" in stored.issuer
    assert stored.pkcs12_encrypted != bundle and decrypt_bytes(stored.pkcs12_encrypted) == bundle
    assert b"s3cret-phrase" not in stored.pkcs12_encrypted
    assert len(stored.fingerprint_sha256) == 64
    assert certificates.active_certificate(session, president).id == stored.id
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "certificate_uploaded")
                           .order_by(AuditEntry.id.desc()))
    assert entry.actor_id == president.id and "s3cret" not in str(entry.details)


BAD_UPLOADS = {
    "wrong passphrase": (lambda: pkcs12_for(new_authority(), passphrase="right"), "wrong",
                         "passphrase does not open"),
    "garbage": (lambda: b"this is not a certificate", "x", "not a PKCS#12 certificate"),
    "empty": (lambda: b"", "x", "Choose your certificate file"),
    "expired": (lambda: pkcs12_for(new_authority(), passphrase="p",
                                   valid_from=NOW - timedelta(days=300),
                                   valid_until=NOW - timedelta(days=1)), "p", "expired on"),
    "not yet valid": (lambda: pkcs12_for(new_authority(), passphrase="p",
                                         valid_from=NOW + timedelta(days=10),
                                         valid_until=NOW + timedelta(days=300)), "p",
                      "valid only from"),
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_bad_uploads_are_refused_and_nothing_is_stored(session: Session, president: Any,
                                                       case: str) -> None:
    make, passphrase, message = BAD_UPLOADS[case]
    before = _count(session)
    with pytest.raises(certificates.CertificateError, match=message):
        certificates.upload_certificate(session, actor=president, pkcs12=make(),
                                        passphrase=passphrase)
    session.rollback()
    assert _count(session) == before


def test_one_active_certificate_at_a_time(session: Session) -> None:
    dg = user_named(session, "dg")
    with pytest.raises(certificates.CertificateError, match="withdraw it"):
        certificates.upload_certificate(session, actor=dg,
                                        pkcs12=pkcs12_for(new_authority(), passphrase="p"),
                                        passphrase="p")


@pytest.mark.parametrize("username", ["secretariat", "councillor1", "socialworker", "admin"])
def test_only_signers_upload(session: Session, username: str) -> None:
    with pytest.raises(certificates.NotAllowed):
        certificates.upload_certificate(session, actor=user_named(session, username),
                                        pkcs12=pkcs12_for(new_authority(), passphrase="p"),
                                        passphrase="p")


def test_withdrawal_is_for_the_owner_only(session: Session) -> None:
    dg_certificate = certificates.active_certificate(session, user_named(session, "dg"))
    with pytest.raises(certificates.NotYours):
        certificates.withdraw_certificate(session, dg_certificate.id,
                                          actor=user_named(session, "president"))
    assert dg_certificate.withdrawn_at is None


def test_certificate_page(client: FlaskClient, auth: Any, session: Session,
                          president: Any) -> None:
    auth.use_language("en")
    auth.login("president")
    assert b"Upload the certificate" in client.get("/account/certificate").data
    bad = client.post("/account/certificate", data={"passphrase": "x", "pkcs12": (
        BytesIO(b"garbage"), "mine.p12")},
        content_type="multipart/form-data")
    assert bad.status_code == 422 and b"not a PKCS#12 certificate" in bad.data
    bundle = pkcs12_for(new_authority(), passphrase="pp", common_name="Isabelle Marchal")
    good = client.post("/account/certificate", data={"passphrase": "pp", "pkcs12": (
        BytesIO(bundle), "mine.p12")}, content_type="multipart/form-data")
    assert good.status_code == 302
    page = client.get("/account/certificate")
    assert b"CN=Isabelle Marchal" in page.data and b"Withdraw this certificate" in page.data
    assert page.headers["Cache-Control"].startswith("no-store")
