"""Signers' certificates: a PKCS#12 file uploaded once by the DG or the president, and the
certification authorities the centre trusts when it checks signatures.

The PKCS#12 file stays protected by its own passphrase, which is never stored: it is asked at
upload (to prove the file opens) and again at each signature. The file is encrypted once more
at rest (``council.crypto``).
"""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from council import permissions
from council.crypto import encrypt_bytes
from council.i18n import LANGUAGES
from council.models import SignerCertificate, TrustAnchor, User
from council.models.base import utcnow
from council.refusals import Refusal
from council.services import audit
from minutes.pdf import format_date
from minutes.signatures import signing

#: a signer's PKCS#12 file is a few kilobytes; anything larger is not one
MAX_PKCS12_BYTES = 64 * 1024


class CertificateError(Refusal):
    """The certificate was refused; the message says why, for the user. Nothing was stored."""


class NotAllowed(CertificateError):
    status = 403


class NotYours(CertificateError):
    """Another user's certificate, or none: its existence is not for the user to learn."""

    status = 404


def _display_date(moment: datetime, language: str) -> str:
    return format_date(moment, language=language if language in LANGUAGES else "en")


def check_validity(info: signing.CertificateInfo | SignerCertificate, *, now: datetime,
                   language: str) -> None:
    """Refuses a certificate outside its period of validity, saying when it ends or starts."""
    if info.not_after <= now:
        raise CertificateError(gettext(
            "This certificate expired on %(day)s: ask your provider for a new one.",
            day=_display_date(info.not_after, language)))
    if info.not_before > now:
        raise CertificateError(gettext(
            "This certificate is valid only from %(day)s.",
            day=_display_date(info.not_before, language)))


def read_uploaded(pkcs12: bytes, passphrase: str, *, now: datetime,
                  language: str) -> signing.CertificateInfo:
    """What the uploaded file holds, if it is a PKCS#12 certificate that ``passphrase`` opens
    and that is valid ``now``; otherwise ``CertificateError`` with a clear reason."""
    if not pkcs12:
        raise CertificateError(gettext("Choose your certificate file (.p12 or .pfx)."))
    if len(pkcs12) > MAX_PKCS12_BYTES:
        raise CertificateError(gettext("This file is too large to be a certificate."))
    if not passphrase:
        raise CertificateError(gettext("Give the certificate's passphrase."))
    try:
        info = signing.read_certificate(pkcs12, passphrase)
    except signing.WrongPassphrase:
        raise CertificateError(gettext(
            "The passphrase does not open this certificate.")) from None
    except signing.CertificateExpired:
        raise CertificateError(gettext(
            "This certificate has expired: ask your provider for a new one.")) from None
    except signing.CertificateNotYetValid:
        raise CertificateError(gettext("This certificate is not valid yet.")) from None
    except signing.SigningError:
        raise CertificateError(gettext(
            "This file is not a PKCS#12 certificate with its private key (.p12 or .pfx)."
        )) from None
    check_validity(info, now=now, language=language)
    return info


def active_certificate(session: Session, user: User) -> SignerCertificate | None:
    """The certificate the user signs with (the last one uploaded and not withdrawn)."""
    return session.scalar(
        select(SignerCertificate)
        .where(SignerCertificate.user_id == user.id, SignerCertificate.withdrawn_at.is_(None))
        .order_by(SignerCertificate.id.desc()).limit(1))


def upload_certificate(session: Session, *, actor: User, pkcs12: bytes, passphrase: str,
                       language: str = "en") -> SignerCertificate:
    """Stores the signer's certificate after checking that it opens and is valid; one active
    certificate per signer (withdraw the old one to upload a new one). Audited."""
    if not permissions.can_hold_certificate(actor):
        raise NotAllowed(gettext("Only the president and the director-general sign documents."))
    if active_certificate(session, actor) is not None:
        raise CertificateError(gettext(
            "You already have a signing certificate: withdraw it before uploading another."))
    info = read_uploaded(pkcs12, passphrase, now=utcnow(), language=language)
    fingerprint = info.fingerprint_sha256.lower()
    if session.scalar(select(SignerCertificate.id)
                      .where(SignerCertificate.fingerprint_sha256 == fingerprint)) is not None:
        raise CertificateError(gettext(
            "This certificate was uploaded before; a withdrawn certificate cannot be "
            "uploaded again."))
    certificate = SignerCertificate(
        user_id=actor.id, pkcs12_encrypted=encrypt_bytes(pkcs12), subject=info.subject[:400],
        issuer=info.issuer[:400], fingerprint_sha256=fingerprint, not_before=info.not_before,
        not_after=info.not_after)
    session.add(certificate)
    session.flush()
    audit.record(session, "certificate_uploaded", actor=actor,
                 object_type="signer_certificate", object_id=certificate.id,
                 fingerprint=fingerprint)
    session.commit()
    return certificate


def withdraw_certificate(session: Session, certificate_id: int, *,
                         actor: User) -> SignerCertificate:
    """The owner withdraws their certificate: it signs nothing any more (signatures already
    made stay). Audited."""
    certificate = session.get(SignerCertificate, certificate_id)
    if certificate is None or certificate.user_id != actor.id:
        raise NotYours(gettext("This is not your certificate."))
    if certificate.withdrawn_at is not None:
        raise CertificateError(gettext("This certificate is already withdrawn."))
    certificate.withdrawn_at = utcnow()
    audit.record(session, "certificate_withdrawn", actor=actor,
                 object_type="signer_certificate", object_id=certificate.id)
    session.commit()
    return certificate


def trust_roots(session: Session) -> list[bytes]:
    """The trusted authorities' certificates (PEM), for checking signatures."""
    return [pem.encode() for pem in session.scalars(
        select(TrustAnchor.certificate_pem).order_by(TrustAnchor.id))]


def add_trust_anchor(session: Session, name: str, certificate_pem: bytes) -> TrustAnchor:
    """Trusts a certification authority (the demo's own, or a provider's root). The caller
    commits."""
    certificate = x509.load_pem_x509_certificate(certificate_pem)
    anchor = TrustAnchor(name=name, certificate_pem=certificate_pem.decode(),
                         fingerprint_sha256=certificate.fingerprint(hashes.SHA256()).hex())
    session.add(anchor)
    return anchor
