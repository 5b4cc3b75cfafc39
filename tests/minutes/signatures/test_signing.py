"""PAdES signatures: two signers one after the other, checked by pyHanko and by poppler's pdfsig;
the failures a signer can cause; tampering; downloaded copies keep their signatures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from flask_babel import force_locale
from pyhanko.pdf_utils.reader import PdfFileReader

from council.demo.pki import Authority, issue_signer, make_ca
from minutes.pdf import render_pdf, stamp_copy
from minutes.signatures.signing import (
    CertificateExpired,
    CertificateNotYetValid,
    FieldAlreadySigned,
    InvalidCertificate,
    UnreadableDocument,
    WrongPassphrase,
    check_signatures,
    pdfsig_report,
    pdfsig_verdicts,
    read_certificate,
    sign_pdf,
)

NOW = datetime.now(UTC)


@dataclass(frozen=True)
class Signer:
    pkcs12: bytes
    passphrase: str


@pytest.fixture(autouse=True)
def _english(app):
    """Messages in English whatever the catalogs say (pytest-flask pushes a request context)."""
    with force_locale("en"):
        yield


@pytest.fixture(scope="module")
def ca() -> Authority:
    return make_ca("CPAS test CA", valid_from=NOW - timedelta(days=30),
                   valid_until=NOW + timedelta(days=3650))


def _signer(ca: Authority, name: str, *, starts: timedelta = timedelta(days=-1),
            ends: timedelta = timedelta(days=365), email: str | None = None) -> Signer:
    passphrase = f"{name} passphrase"
    return Signer(
        issue_signer(ca, common_name=name, email=email, valid_from=NOW + starts,
                     valid_until=NOW + ends, passphrase=passphrase),
        passphrase,
    )


@pytest.fixture(scope="module")
def president(ca: Authority) -> Signer:
    return _signer(ca, "Anne Président", email="president@cpas.example")


@pytest.fixture(scope="module")
def dg(ca: Authority) -> Signer:
    return _signer(ca, "Bernard Directeur")


@pytest.fixture(scope="module")
def minutes_pdf() -> bytes:
    return render_pdf(
        "<h1>Procès-verbal</h1>" + "<p>Le comité décide d'octroyer l'aide.</p>" * 80,
        language="fr",
    )


def _sign(pdf: bytes, signer: Signer, field: str, **overrides: object) -> bytes:
    arguments = {"pkcs12": signer.pkcs12, "passphrase": signer.passphrase, "field_name": field,
                 "reason": "Approbation du procès-verbal", "location": "Namur", **overrides}
    return sign_pdf(pdf, **arguments)  # type: ignore[arg-type]


@dataclass(frozen=True)
class SignedTwice:
    pdf: bytes
    started: datetime
    finished: datetime


@pytest.fixture(scope="module")
def signed_twice_at(minutes_pdf: bytes, president: Signer, dg: Signer) -> SignedTwice:
    started = datetime.now(UTC)
    pdf = _sign(_sign(minutes_pdf, president, "president"), dg, "director_general")
    return SignedTwice(pdf, started, datetime.now(UTC))


@pytest.fixture(scope="module")
def signed_twice(signed_twice_at: SignedTwice) -> bytes:
    return signed_twice_at.pdf


def test_both_signatures_validate_with_pyhanko(signed_twice_at: SignedTwice,
                                              ca: Authority) -> None:
    first, second = check_signatures(signed_twice_at.pdf, trust_roots_pem=[ca.certificate_pem])
    assert (first.field_name, first.signer_common_name) == ("president", "Anne Président")
    assert (second.field_name, second.signer_common_name) == (
        "director_general", "Bernard Directeur"
    )
    for check in (first, second):
        assert check.intact and check.valid and check.trusted
        # the signing time in the signature is the moment it was made (to the second)
        assert check.signed_at is not None
        assert (signed_twice_at.started - timedelta(seconds=1) <= check.signed_at
                <= signed_twice_at.finished + timedelta(seconds=1))
    # the DG's signature came after the president's, as a permitted form-filling update
    assert (first.modification_level, first.covers_whole_document) == ("form_filling", False)
    assert (second.modification_level, second.covers_whole_document) == ("none", True)


def test_signatures_are_untrusted_without_the_root(signed_twice: bytes) -> None:
    other_root = make_ca("Another CA", valid_from=NOW - timedelta(days=1),
                         valid_until=NOW + timedelta(days=10))
    for roots in ([], [other_root.certificate_pem]):
        checks = check_signatures(signed_twice, trust_roots_pem=roots)
        assert [(c.intact, c.valid, c.trusted) for c in checks] == [(True, True, False)] * 2


def test_pdfsig_finds_both_signatures_valid(signed_twice: bytes) -> None:
    report = pdfsig_report(signed_twice)
    assert report.count("Signature Validation: Signature is Valid.") == 2
    assert report.count("Signature Type: ETSI.CAdES.detached") == 2
    assert "Signer Certificate Common Name: Anne Président" in report
    assert "Signer Certificate Common Name: Bernard Directeur" in report
    assert report.startswith("Digital Signature Info of: document.pdf")  # not the temp file
    # without the centre's roots, NSS does not know the issuer
    assert report.count("Certificate Validation: Certificate issuer isn't Trusted.") == 2


def test_pdfsig_trusts_the_signers_through_the_centres_roots(signed_twice: bytes,
                                                             ca: Authority) -> None:
    report = pdfsig_report(signed_twice, trust_roots_pem=[ca.certificate_pem])
    assert report.count("Signature Validation: Signature is Valid.") == 2
    assert report.count("Certificate Validation: Certificate is Trusted.") == 2


def test_pdfsig_judges_certificate_periods_on_the_suites_clock(
        minutes_pdf: bytes, ca: Authority) -> None:
    """A certificate valid only these three days of the suite's clock: pdfsig, a program of
    its own, runs on that clock too (tests/conftest.py), not on the machine's, which may be
    weeks or years later."""
    short = _signer(ca, "Claire Brève", starts=timedelta(days=-1), ends=timedelta(days=2))
    report = pdfsig_report(_sign(minutes_pdf, short, "president"),
                           trust_roots_pem=[ca.certificate_pem])
    assert "Certificate Validation: Certificate is Trusted." in report


def test_signed_pdf_is_still_declared_pdf_a_3b(signed_twice: bytes) -> None:
    xmp = PdfFileReader(BytesIO(signed_twice)).root["/Metadata"].data.decode()
    assert re.search(r'pdfaid:part(="|>)3', xmp)
    assert re.search(r'pdfaid:conformance(="|>)B', xmp)


def test_signing_is_an_incremental_update(minutes_pdf: bytes, signed_twice: bytes) -> None:
    assert signed_twice.startswith(minutes_pdf)


def test_tampering_breaks_every_signature(signed_twice: bytes, ca: Authority) -> None:
    # a byte of the binary comment on the second line: still a readable PDF, but not the
    # bytes that were signed
    tampered = bytearray(signed_twice)
    assert tampered[:10] == b"%PDF-1.7\n%"
    tampered[11] ^= 0x01
    checks = check_signatures(bytes(tampered), trust_roots_pem=[ca.certificate_pem])
    assert [check.intact for check in checks] == [False, False]
    assert pdfsig_report(bytes(tampered)).count("Signature is Valid.") == 0


def test_downloaded_copy_keeps_the_signatures_valid(signed_twice: bytes, ca: Authority) -> None:
    copy = stamp_copy(signed_twice, "Copie de Claire Martin — 22/11/2026 — Confidentiel")
    assert copy.startswith(signed_twice)
    checks = check_signatures(copy, trust_roots_pem=[ca.certificate_pem])
    assert [(c.intact, c.valid, c.trusted) for c in checks] == [(True, True, True)] * 2
    # pyHanko's default policy does not recognise added annotations: it reports the
    # watermark layer as an "other" change after both signatures, never as covered by them
    assert [c.covers_whole_document for c in checks] == [False, False]
    assert pdfsig_report(copy).count("Signature Validation: Signature is Valid.") == 2


def test_unsigned_pdf_has_no_signatures(minutes_pdf: bytes, ca: Authority) -> None:
    assert check_signatures(minutes_pdf, trust_roots_pem=[ca.certificate_pem]) == []


def test_read_certificate(president: Signer, ca: Authority) -> None:
    info = read_certificate(president.pkcs12, president.passphrase)
    _, certificate, _ = pkcs12.load_key_and_certificates(
        president.pkcs12, president.passphrase.encode()
    )
    assert info.common_name == "Anne Président"
    assert "CN=Anne Président" in info.subject and "president@cpas.example" in info.subject
    assert info.issuer == "CN=CPAS test CA,C=BE"
    assert info.serial == format(certificate.serial_number, "x")
    assert info.fingerprint_sha256 == certificate.fingerprint(hashes.SHA256()).hex()
    assert info.not_before <= NOW <= info.not_after
    assert info.not_after.tzinfo is not None


def test_wrong_passphrase(minutes_pdf: bytes, president: Signer) -> None:
    with pytest.raises(WrongPassphrase) as error:
        _sign(minutes_pdf, president, "president", passphrase="not the passphrase")
    assert str(error.value) == "The password of the certificate is wrong."
    with pytest.raises(WrongPassphrase):
        read_certificate(president.pkcs12, "")


@pytest.mark.parametrize(
    "data",
    [b"", b"garbage" * 100, b"%PDF-1.7\n", b"0\x03\x02\x01\x03"],
    ids=["empty", "garbage", "pdf", "asn1-but-not-pfx"],
)
def test_not_a_pkcs12_file(minutes_pdf: bytes, data: bytes) -> None:
    with pytest.raises(InvalidCertificate):
        read_certificate(data, "whatever")
    with pytest.raises(InvalidCertificate):
        sign_pdf(minutes_pdf, pkcs12=data, passphrase="whatever", field_name="x", reason="r",
                 location="l")


def test_pem_certificate_without_key_is_refused(ca: Authority) -> None:
    with pytest.raises(InvalidCertificate):
        read_certificate(ca.certificate_pem, "")


def test_certificate_not_allowed_to_sign_is_refused(ca: Authority) -> None:
    """The CA's own certificate may only sign certificates (keyCertSign), not documents."""
    bundle = pkcs12.serialize_key_and_certificates(
        b"ca", ca.private_key, ca.certificate, None,
        serialization.BestAvailableEncryption(b"ca passphrase"),
    )
    with pytest.raises(InvalidCertificate):
        read_certificate(bundle, "ca passphrase")


def test_expired_certificate(minutes_pdf: bytes, ca: Authority) -> None:
    expired = _signer(ca, "Old Signer", starts=timedelta(days=-400), ends=timedelta(days=-35))
    with pytest.raises(CertificateExpired) as error:
        _sign(minutes_pdf, expired, "president")
    assert (NOW - timedelta(days=35)).date().isoformat() in str(error.value)
    assert check_signatures(minutes_pdf, trust_roots_pem=[ca.certificate_pem]) == []


def test_certificate_not_yet_valid(minutes_pdf: bytes, ca: Authority) -> None:
    future = _signer(ca, "Future Signer", starts=timedelta(days=2), ends=timedelta(days=30))
    with pytest.raises(CertificateNotYetValid) as error:
        _sign(minutes_pdf, future, "president")
    assert (NOW + timedelta(days=2)).date().isoformat() in str(error.value)


def test_validity_is_judged_at_the_given_moment(minutes_pdf: bytes, president: Signer) -> None:
    with pytest.raises(CertificateExpired):
        _sign(minutes_pdf, president, "president", now=NOW + timedelta(days=400))
    with pytest.raises(CertificateNotYetValid):
        _sign(minutes_pdf, president, "president", now=NOW - timedelta(days=2))


def test_a_field_is_signed_once(signed_twice: bytes, president: Signer) -> None:
    with pytest.raises(FieldAlreadySigned) as error:
        _sign(signed_twice, president, "president")
    assert "president" in str(error.value)


def test_unreadable_pdf(president: Signer, ca: Authority) -> None:
    with pytest.raises(UnreadableDocument):
        _sign(b"not a pdf at all", president, "president")
    with pytest.raises(UnreadableDocument):
        check_signatures(b"%PDF-1.7\nbroken", trust_roots_pem=[ca.certificate_pem])


def test_damaged_signature_value_is_reported(signed_twice: bytes, ca: Authority) -> None:
    """The signature value itself (outside the signed bytes) overwritten with zeros."""
    damaged = bytearray(signed_twice)
    start = damaged.index(b"/Contents <") + len(b"/Contents <")
    damaged[start:start + 40] = b"0" * 40
    with pytest.raises(UnreadableDocument):
        check_signatures(bytes(damaged), trust_roots_pem=[ca.certificate_pem])
    assert "Signature is Valid." not in pdfsig_report(bytes(damaged)).split("Signature #2")[0]


def test_pdfsig_report_is_read_signature_by_signature() -> None:
    output = """Digital Signature Info of: document.pdf
Signature #1:
  - Signature Field Name: president
  - Signer Certificate Common Name: Isabelle Marchal
  - Signing Time: Dec 07 2026 18:00:00
  - Signature Validation: Signature is Valid.
  - Certificate Validation: Certificate issuer isn't Trusted.
Signature #2:
  - Signature Field Name: dg
  - Signature Validation: Digest Mismatch.
"""
    first, second = pdfsig_verdicts(output)
    assert (first.field_name, first.signer, first.signing_time) == (
        "president", "Isabelle Marchal", "Dec 07 2026 18:00:00")
    assert (first.signature, first.certificate) == (
        "Signature is Valid.", "Certificate issuer isn't Trusted.")
    assert (second.field_name, second.signer, second.signature, second.certificate) == (
        "dg", "", "Digest Mismatch.", "")
    assert pdfsig_verdicts("pdfsig: no signatures") == []
