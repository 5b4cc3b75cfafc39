"""Signing minutes with PAdES signatures: the president then the DG, checked by pyHanko and by
pdfsig; every refusal leaves the document exactly as it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pyotp
import pytest
from flask.testing import FlaskClient
from flask_babel import force_locale
from signing_support import (
    NOW,
    PASSPHRASES,
    minutes_awaiting_signatures,
    new_authority,
    pkcs12_for,
    stored_state,
)
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS, user_named
from time_machine import TimeMachineFixture
from two_factor_support import Clock

from council.crypto import encrypt_bytes
from council.models import (
    AuditEntry,
    Minutes,
    MinutesStatus,
    SignatureCapacity,
    SignedDocument,
    SignerCertificate,
)
from council.models.base import utcnow
from council.services import two_factor
from minutes.signatures import certificates
from minutes.signatures import service as signatures
from minutes.signatures.service import SignatureRefused, sign_document

PRESIDENT = SignatureCapacity.president
DG = SignatureCapacity.director_general

@pytest.fixture(autouse=True)
def _messages_in_english(session: Session) -> Iterator[None]:
    """Services answer in the centre's language (French) outside a request: read English."""
    with force_locale("en"):
        yield


def _sign(session: Session, document_id: int, username: str, **overrides: Any) -> Any:
    arguments: dict[str, Any] = {
        "actor": user_named(session, username),
        "capacity": PRESIDENT if username == "president" else DG,
        "passphrase": PASSPHRASES.get(username, "x"),
        "password": PASSWORDS[username],
    }
    arguments.update(overrides)
    return sign_document(session, document_id, **arguments)


@pytest.fixture
def minutes(session: Session, demo: Any) -> Minutes:
    return minutes_awaiting_signatures(session, demo.csss_meeting_id)


def test_president_then_dg_seal_the_minutes_and_both_signatures_validate(
        session: Session, minutes: Minutes) -> None:
    document_id = minutes.document_id
    first = _sign(session, document_id, "president")
    assert first.capacity is PRESIDENT
    document = session.get(SignedDocument, document_id)
    assert document.missing_capacities == [DG]
    assert not document.is_sealed
    assert minutes.status is MinutesStatus.approved

    _sign(session, document_id, "dg")
    session.expire_all()
    document = session.get(SignedDocument, document_id)
    assert document.is_sealed and document.missing_capacities == []
    assert session.get(Minutes, minutes.id).status is MinutesStatus.signed
    assert [s.sha256_after for s in document.signatures][-1] == document.sha256

    report = signatures.check_document(session, signatures.load_context(session, document_id),
                                       actor=user_named(session, "dg"))
    assert report.matches_fingerprint and report.all_good
    assert [(c.field_name, c.intact, c.valid, c.trusted) for c in report.signatures] == [
        ("Signature_president", True, True, True),
        ("Signature_director_general", True, True, True),
    ]
    assert report.pdfsig.count("Signature is Valid.") == 2
    assert report.pdfsig.count("Certificate is Trusted.") == 2  # through the demo CA

    actions = list(session.scalars(select(AuditEntry.action).where(
        AuditEntry.object_type == "signed_document", AuditEntry.object_id == document_id)))
    assert actions.count("document_signed") == 2


def test_the_signer_is_audited_without_content(session: Session, minutes: Minutes) -> None:
    _sign(session, minutes.document_id, "president")
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "document_signed")
                            .order_by(AuditEntry.id.desc())).first()
    assert entry.actor_id == user_named(session, "president").id
    assert entry.details == {"kind": "minutes", "capacity": "president", "sealed": False}


def _expect_refusal(session: Session, document_id: int, username: str, message: str,
                    **overrides: Any) -> None:
    before = stored_state(session, document_id)
    with pytest.raises(SignatureRefused, match=message):
        _sign(session, document_id, username, **overrides)
    session.rollback()
    assert stored_state(session, document_id) == before


def test_wrong_certificate_passphrase_changes_nothing(session: Session, minutes: Minutes) -> None:
    _expect_refusal(session, minutes.document_id, "president", "passphrase does not open",
                    passphrase="not-the-passphrase")


def test_wrong_account_password_changes_nothing(session: Session, minutes: Minutes) -> None:
    _expect_refusal(session, minutes.document_id, "dg", "Wrong password", password="wrong")


def test_unapproved_minutes_are_not_signed(session: Session, demo: Any) -> None:
    draft = minutes_awaiting_signatures(session, demo.csss_meeting_id,
                                        status=MinutesStatus.draft)
    _expect_refusal(session, draft.document_id, "president", "not approved yet")


def test_signing_twice_in_the_same_capacity_is_refused(session: Session,
                                                       minutes: Minutes) -> None:
    _sign(session, minutes.document_id, "president")
    _expect_refusal(session, minutes.document_id, "president", "already signed by the president")


def test_a_sealed_document_takes_no_more_signature(session: Session, minutes: Minutes) -> None:
    _sign(session, minutes.document_id, "president")
    _sign(session, minutes.document_id, "dg")
    _expect_refusal(session, minutes.document_id, "dg", "sealed")


def test_a_councillor_cannot_sign(session: Session, minutes: Minutes) -> None:
    before = stored_state(session, minutes.document_id)
    with pytest.raises(signatures.NotAllowed):
        _sign(session, minutes.document_id, "councillor1", capacity=PRESIDENT)
    with pytest.raises(signatures.NotAllowed):  # the DG does not sign as president
        _sign(session, minutes.document_id, "dg", capacity=PRESIDENT)
    assert stored_state(session, minutes.document_id) == before


def _replace_certificate(session: Session, username: str, pkcs12: bytes, **dates: Any) -> None:
    user = user_named(session, username)
    for old in session.scalars(select(SignerCertificate).where(
            SignerCertificate.user_id == user.id)):
        old.withdrawn_at = utcnow()
    session.add(SignerCertificate(
        user_id=user.id, pkcs12_encrypted=encrypt_bytes(pkcs12), subject="CN=x", issuer="CN=y",
        fingerprint_sha256=f"{len(pkcs12):064x}", **dates))
    session.commit()


def test_an_expired_certificate_signs_nothing(session: Session, minutes: Minutes) -> None:
    authority = new_authority()
    expired = pkcs12_for(authority, passphrase="old", valid_from=NOW - timedelta(days=400),
                         valid_until=NOW - timedelta(days=2))
    _replace_certificate(session, "president", expired, not_before=NOW - timedelta(days=400),
                         not_after=NOW - timedelta(days=2))
    _expect_refusal(session, minutes.document_id, "president", "expired", passphrase="old")


def test_a_withdrawn_certificate_or_none_signs_nothing(session: Session,
                                                       minutes: Minutes) -> None:
    president = user_named(session, "president")
    certificate = certificates.active_certificate(session, president)
    certificates.withdraw_certificate(session, certificate.id, actor=president)
    _expect_refusal(session, minutes.document_id, "president", "no signing certificate")


def test_a_pdf_altered_in_storage_is_not_signed(session: Session, minutes: Minutes) -> None:
    document = session.get(SignedDocument, minutes.document_id)
    document.pdf_encrypted = encrypt_bytes(b"%PDF-1.7 something else")
    session.commit()
    _expect_refusal(session, minutes.document_id, "dg", "altered")
    assert session.scalar(select(AuditEntry.id).where(
        AuditEntry.action == "document_integrity_failed",
        AuditEntry.object_id == minutes.document_id)) is not None


def test_a_superseded_document_is_not_signed(session: Session, minutes: Minutes,
                                             demo: Any) -> None:
    newer = minutes_awaiting_signatures(session, demo.council_meeting_id)
    document = session.get(SignedDocument, minutes.document_id)
    document.superseded_by_id = newer.document_id
    session.commit()
    _expect_refusal(session, minutes.document_id, "dg", "replaced by a later revision")


# --- the pages ------------------------------------------------------------------------------


def test_signing_page_flow(client: FlaskClient, auth: Any, session: Session,
                           minutes: Minutes) -> None:
    auth.use_language("en")
    auth.login("president")
    page = client.get(f"/documents/{minutes.document_id}/sign")
    assert page.status_code == 200
    assert b"irreversible" in page.data
    refused = client.post(f"/documents/{minutes.document_id}/sign", data={
        "passphrase": PASSPHRASES["president"], "password": PASSWORDS["president"]})
    assert refused.status_code == 422  # the confirmation box was not ticked
    assert b"cannot be undone" in refused.data
    assert stored_state(session, minutes.document_id)[3] == []
    done = client.post(f"/documents/{minutes.document_id}/sign", data={
        "passphrase": PASSPHRASES["president"], "password": PASSWORDS["president"],
        "confirm": "y"})
    assert done.status_code == 302
    assert len(stored_state(session, minutes.document_id)[3]) == 1

    auth.logout()
    auth.login("dg")
    auth.use_language("en")
    wrong = client.post(f"/documents/{minutes.document_id}/sign", data={
        "passphrase": "nope", "password": PASSWORDS["dg"], "confirm": "y"})
    assert wrong.status_code == 422
    assert b"passphrase does not open" in wrong.data
    client.post(f"/documents/{minutes.document_id}/sign", data={
        "passphrase": PASSPHRASES["dg"], "password": PASSWORDS["dg"], "confirm": "y"})
    check = client.get(f"/documents/{minutes.document_id}/check")
    assert check.status_code == 200
    assert check.data.count(b"Signature is Valid.") == 2  # pdfsig's own report, kept
    assert check.data.count(b"The signature is valid.") == 2  # its verdicts, translated
    assert check.headers["Cache-Control"].startswith("no-store")
    auth.use_language("nl")
    dutch = client.get(f"/documents/{minutes.document_id}/check").get_data(as_text=True)
    assert dutch.count("De handtekening is geldig.") == 2


def test_pending_list_shows_what_awaits_the_user(client: FlaskClient, auth: Any,
                                                 minutes: Minutes) -> None:
    auth.use_language("en")
    auth.login("president")
    page = client.get("/signatures")
    assert f"/documents/{minutes.document_id}/sign".encode() in page.data
    auth.logout()
    auth.login("secretariat")
    auth.use_language("en")
    assert client.get("/signatures").status_code == 403


def test_download_is_watermarked_and_audited(client: FlaskClient, auth: Any, session: Session,
                                             minutes: Minutes) -> None:
    auth.login("dg")
    response = client.get(f"/documents/{minutes.document_id}.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"].startswith("no-store")
    stored = stored_state(session, minutes.document_id)[0]
    assert response.data.startswith(stored) and len(response.data) > len(stored)
    assert session.scalar(select(AuditEntry.id).where(
        AuditEntry.action == "document_downloaded",
        AuditEntry.object_id == minutes.document_id)) is not None


def test_a_signer_with_an_authenticator_gives_a_fresh_code(
        session: Session, minutes: Minutes, time_machine: TimeMachineFixture) -> None:
    clock = Clock.install(time_machine)
    president = user_named(session, "president")
    totp = pyotp.TOTP(two_factor.begin_enrolment(session, president).secret)
    two_factor.confirm_enrolment(session, president, totp.at(clock.now))
    clock.next_step()
    _expect_refusal(session, minutes.document_id, "president", "Wrong password or code")
    _expect_refusal(session, minutes.document_id, "president", "Wrong password or code",
                    otp="000000")
    signature = _sign(session, minutes.document_id, "president", otp=totp.at(clock.now))
    assert signature.capacity is PRESIDENT


def _only_programs(monkeypatch: pytest.MonkeyPatch, tmp_path: Any, *names: str) -> None:
    """PATH holds only ``names`` (from this machine), as on a server lacking the others."""
    import shutil

    folder = tmp_path / "bin"
    folder.mkdir()
    for name in names:
        (folder / name).symlink_to(shutil.which(name))
    monkeypatch.setenv("PATH", str(folder))


@pytest.fixture
def sealed(session: Session, minutes: Minutes) -> int:
    _sign(session, minutes.document_id, "president")
    _sign(session, minutes.document_id, "dg")
    return minutes.document_id


def _check(session: Session, document_id: int) -> signatures.CheckReport:
    return signatures.check_document(session, signatures.load_context(session, document_id),
                                     actor=user_named(session, "dg"))


def test_trust_is_confirmed_only_when_pdfsig_agrees(session: Session, sealed: int) -> None:
    report = _check(session, sealed)
    assert report.independent.judged_trust
    assert report.independent.trusted_fields == {"Signature_president",
                                                 "Signature_director_general"}
    assert [report.trust(c) for c in report.signatures] == [signatures.Trust.confirmed] * 2


@pytest.mark.parametrize(("programs", "missing"), [
    (("pdfsig",), ("libnss3-tools",)),
    ((), ("poppler-utils", "libnss3-tools")),
])
def test_without_the_tools_trust_is_not_verified_and_the_page_says_what_to_install(
        session: Session, sealed: int, client: FlaskClient, auth: Any, tmp_path: Any,
        monkeypatch: pytest.MonkeyPatch, programs: tuple[str, ...],
        missing: tuple[str, ...]) -> None:
    _only_programs(monkeypatch, tmp_path, *programs)
    report = _check(session, sealed)
    assert report.independent.missing_packages == missing
    assert [c.trusted for c in report.signatures] == [True, True]  # pyHanko's own verdict
    assert [report.trust(c) for c in report.signatures] == [signatures.Trust.unverified] * 2
    assert not report.all_good and report.good_but_unverified

    auth.login("dg")
    auth.use_language("en")
    page = client.get(f"/documents/{sealed}/check").get_data(as_text=True)
    assert page.count("<td>not verified</td>") == 2  # the Trusted column, never "yes"
    assert "Every signature is intact, valid and from a trusted authority." not in page
    assert "trust in the signers could not be verified independently" in page
    assert f"sudo apt-get install {' '.join(missing)}" in page
    if programs:  # pdfsig ran without the centre's roots: its doubt stays beside "not verified"
        assert "Certificate issuer isn&#39;t Trusted" in page


def test_pdfsig_refusing_a_signer_trusted_by_pyhanko_is_a_failure(
        session: Session, sealed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes.signatures import signing
    monkeypatch.setattr(signing, "_trusted_fields", lambda _output: frozenset(
        {"Signature_president"}))
    report = _check(session, sealed)
    assert [report.trust(c) for c in report.signatures] == [
        signatures.Trust.confirmed, signatures.Trust.refused]
    assert not report.all_good and not report.good_but_unverified
