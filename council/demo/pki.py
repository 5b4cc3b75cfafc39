"""A throwaway certificate authority for the demo and the tests.

It issues PKCS#12 bundles that ``minutes.signatures.signing`` accepts, so that the demo centre's
president and directeur général can sign minutes without a real qualified certificate. Nothing
here is meant to be trusted outside the demo and the test suite: the keys live in memory, there
is no revocation, and the CA is whatever the caller makes. Real signers upload certificates from
a real provider.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

# P-256 keys are generated in microseconds, and both pyHanko and poppler (NSS) verify ECDSA.
_CURVE = ec.SECP256R1()


@dataclass(frozen=True)
class Authority:
    """A certification authority: its self-signed certificate and its private key."""

    certificate: x509.Certificate
    private_key: ec.EllipticCurvePrivateKey

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)


def _require_period(valid_from: datetime, valid_until: datetime) -> None:
    if valid_from.tzinfo is None or valid_until.tzinfo is None:
        raise ValueError("validity dates must carry a time zone")
    if valid_until <= valid_from:
        raise ValueError("a certificate must end after it starts")


def _name(common_name: str, email: str | None = None) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    return x509.Name(attributes)


def _key_usage(*, signing: bool) -> x509.KeyUsage:
    """digitalSignature + nonRepudiation for a signer, keyCertSign + cRLSign for the CA."""
    return x509.KeyUsage(
        digital_signature=signing, content_commitment=signing, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=not signing,
        crl_sign=not signing, encipher_only=False, decipher_only=False,
    )


def make_ca(common_name: str, *, valid_from: datetime, valid_until: datetime) -> Authority:
    """A self-signed root that may sign end-entity certificates only (path length 0)."""
    _require_period(valid_from, valid_until)
    key = ec.generate_private_key(_CURVE)
    name = _name(common_name)
    public_key = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid_from)
        .not_valid_after(valid_until)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signing=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Authority(certificate=certificate, private_key=key)


def issue_signer(
    ca: Authority,
    *,
    common_name: str,
    email: str | None,
    valid_from: datetime,
    valid_until: datetime,
    passphrase: str,
) -> bytes:
    """A PKCS#12 bundle (key, certificate and the CA certificate) encrypted with ``passphrase``."""
    _require_period(valid_from, valid_until)
    if not passphrase:
        raise ValueError("a PKCS#12 bundle needs a passphrase")
    key = ec.generate_private_key(_CURVE)
    public_key = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, email))
        .issuer_name(ca.certificate.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid_from)
        .not_valid_after(valid_until)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signing=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.private_key.public_key()),
            critical=False,
        )
    )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    certificate = builder.sign(ca.private_key, hashes.SHA256())
    return pkcs12.serialize_key_and_certificates(
        name=common_name.encode(),
        key=key,
        cert=certificate,
        cas=[ca.certificate],
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode()),
    )
