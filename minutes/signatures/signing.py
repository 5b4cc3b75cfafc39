"""PAdES signatures of the minutes and extracts, made and checked with pyHanko.

A signer's PKCS#12 bundle (key and certificate, uploaded once) and its passphrase (asked at each
signature) make a PAdES baseline signature (ETSI.CAdES.detached) added as an incremental update,
so that the president and the directeur général sign one after the other and both signatures
stay valid. There is no time-stamping authority: the signing time is the one the signer claims.

Every failure a signer can cause raises a ``SigningError`` whose ``str()`` is a translated
message for them; the input is never changed (bytes in, new bytes out).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import pem
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from flask_babel import lazy_gettext as _l
from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

PDFSIG_TIMEOUT_SECONDS = 30


class SigningError(Exception):
    """A signature that cannot be made; ``str(error)`` tells the signer why, in their language."""

    message = _l("The document could not be signed.")

    def __init__(self, **values: str) -> None:
        super().__init__(str(self.message))
        self.values = values

    def __str__(self) -> str:
        # evaluated when shown, so in the language of whoever reads it
        return str(self.message) % self.values if self.values else str(self.message)


class WrongPassphrase(SigningError):
    message = _l("The password of the certificate is wrong.")


class CertificateExpired(SigningError):
    message = _l("This certificate expired on %(date)s: upload a valid certificate.")


class CertificateNotYetValid(SigningError):
    message = _l("This certificate is only valid from %(date)s.")


class InvalidCertificate(SigningError):
    message = _l(
        "This file is not a signing certificate: a PKCS#12 file (.p12 or .pfx) with the "
        "private key and a certificate allowed to sign is expected."
    )


class UnreadableDocument(SigningError):
    message = _l("The document is not a readable PDF file, or one of its signatures is damaged.")


class FieldAlreadySigned(SigningError):
    message = _l("This document already carries the signature %(field)s.")


@dataclass(frozen=True)
class CertificateInfo:
    subject: str  #: RFC 4514 form, e.g. "CN=Anne Dubois,C=BE"
    common_name: str
    issuer: str
    serial: str  #: hexadecimal
    not_before: datetime  #: aware, UTC
    not_after: datetime  #: aware, UTC
    fingerprint_sha256: str  #: hexadecimal, lower case


@dataclass(frozen=True)
class _SigningMaterial:
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: list[x509.Certificate]


def _looks_like_pkcs12(data: bytes) -> bool:
    """Whether ``data`` is a PKCS#12 structure, readable without the passphrase."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native in (
            "data", "signed_data"
        )
    except (ValueError, TypeError, KeyError, OverflowError):
        return False


def _allows_signing(certificate: x509.Certificate) -> bool:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True  # no restriction declared
    return usage.digital_signature or usage.content_commitment


def _load(pkcs12_data: bytes, passphrase: str) -> _SigningMaterial:
    if not _looks_like_pkcs12(pkcs12_data):
        raise InvalidCertificate
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(
            pkcs12_data, passphrase.encode() or None
        )
    except ValueError:
        # the structure is sound (checked above), so the password did not open it
        raise WrongPassphrase from None
    if certificate is None or not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise InvalidCertificate
    if key.public_key() != certificate.public_key() or not _allows_signing(certificate):
        raise InvalidCertificate
    return _SigningMaterial(key=key, certificate=certificate, chain=list(chain))


def _info(certificate: x509.Certificate) -> CertificateInfo:
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return CertificateInfo(
        subject=certificate.subject.rfc4514_string(),
        common_name=str(names[0].value) if names else "",
        issuer=certificate.issuer.rfc4514_string(),
        serial=format(certificate.serial_number, "x"),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        fingerprint_sha256=certificate.fingerprint(hashes.SHA256()).hex(),
    )


def read_certificate(pkcs12_data: bytes, passphrase: str) -> CertificateInfo:
    """What an uploaded PKCS#12 bundle holds; raises WrongPassphrase or InvalidCertificate."""
    return _info(_load(pkcs12_data, passphrase).certificate)


def _check_period(info: CertificateInfo, now: datetime) -> None:
    if now < info.not_before:
        raise CertificateNotYetValid(date=info.not_before.date().isoformat())
    if now > info.not_after:
        raise CertificateExpired(date=info.not_after.date().isoformat())


def _to_asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _pyhanko_signer(material: _SigningMaterial) -> signers.SimpleSigner:
    key_der = material.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return signers.SimpleSigner(
        signing_cert=_to_asn1(material.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(
            [_to_asn1(certificate) for certificate in material.chain]
        ),
    )


def _writer(pdf: bytes) -> IncrementalPdfFileWriter:
    try:
        return IncrementalPdfFileWriter(BytesIO(pdf))
    except (PdfError, ValueError, KeyError, IndexError, TypeError):
        raise UnreadableDocument from None


#: the size of the box a document reserves for each signature (templates/pdf/_signatures.html)
SIGNATURE_BOX_POINTS = (70 * 72 / 25.4, 20 * 72 / 25.4)


@dataclass(frozen=True)
class VisibleSignature:
    """Where and what a signature shows on the page: the named destination of the box the
    document reserved for it (an element's id in its template), and its appearance, a
    one-page PDF of the box's size (rendered by WeasyPrint like the documents, fonts embedded,
    in the document's language: capacity, name, moment)."""

    anchor: str
    appearance: bytes


def _named_destinations(reader: PdfFileReader) -> dict[str, Any]:
    names = reader.root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    flat = names["/Dests"].get("/Names", [])
    return {str(flat[i]): flat[i + 1] for i in range(0, len(flat) - 1, 2)}  # name, [page, …]


def _page_refs(node: Any) -> list[int]:
    """The object numbers of the pages, in order."""
    refs: list[int] = []
    kids = node["/Kids"]
    for index in range(len(kids)):
        kid = kids.raw_get(index)
        page = kid.get_object()
        if page.get("/Type") == "/Pages":
            refs.extend(_page_refs(page))
        else:
            refs.append(kid.idnum)
    return refs


def signature_box(writer: IncrementalPdfFileWriter,
                  anchor: str) -> tuple[int, tuple[int, int, int, int]] | None:
    """The page (index) and rectangle of the box ``anchor`` names, if the document has one."""
    target = _named_destinations(writer.prev).get(anchor)
    if target is None:
        return None
    page_ref, left, top = target.raw_get(0), float(target[2]), float(target[3])
    pages = _page_refs(writer.prev.root["/Pages"])
    if page_ref.idnum not in pages:
        return None
    width, height = SIGNATURE_BOX_POINTS
    return pages.index(page_ref.idnum), (round(left), round(top - height),
                                         round(left + width), round(top))


def sign_pdf(
    pdf: bytes,
    *,
    pkcs12: bytes,
    passphrase: str,
    field_name: str,
    reason: str,
    location: str,
    now: datetime | None = None,
    visible: VisibleSignature | None = None,
) -> bytes:
    """``pdf`` with one more PAdES signature in a new field ``field_name``: visible in the box
    ``visible`` names when the document reserved one (names, capacity, date), else invisible.

    The certificate must be valid at ``now`` (default: the current time); this is checked before
    anything is signed.
    """
    material = _load(pkcs12, passphrase)
    _check_period(_info(material.certificate), now or datetime.now(UTC))
    writer = _writer(pdf)
    signed_fields = fields.enumerate_sig_fields(writer, filled_status=True)
    if any(name == field_name for name, _, _ in signed_fields):
        raise FieldAlreadySigned(field=field_name)
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    box = signature_box(writer, visible.anchor) if visible else None
    output = BytesIO()
    try:
        with tempfile.TemporaryDirectory(prefix="council-stamp-") as folder:
            style = None
            if visible is not None and box is not None:
                appearance = Path(folder) / "stamp.pdf"  # pyHanko imports a page from a file
                appearance.write_bytes(visible.appearance)
                style = stamp.StaticStampStyle.from_pdf_file(str(appearance), border_width=0)
            signer = signers.PdfSigner(
                metadata, signer=_pyhanko_signer(material), stamp_style=style,
                new_field_spec=fields.SigFieldSpec(field_name, on_page=box[0], box=box[1])
                if style is not None and box is not None else None)
            signer.sign_pdf(writer, output=output)
    except PyHankoSigningError as error:
        raise SigningError from error
    except (PdfError, KeyError, IndexError, TypeError) as error:
        raise UnreadableDocument from error
    return output.getvalue()


@dataclass(frozen=True)
class SignatureCheck:
    field_name: str
    signer_common_name: str
    signed_at: datetime | None  #: as claimed by the signer (no time-stamp authority)
    intact: bool  #: the signed bytes are unchanged
    valid: bool  #: the cryptographic signature matches the signer's certificate
    trusted: bool  #: the certificate chains up to one of the given roots
    #: what was changed after this signature, as pyHanko classifies it: "none", "lta_updates",
    #: "form_filling" (e.g. a later signature), "annotations", "other" (suspicious)
    modification_level: str
    covers_whole_document: bool  #: no later revision at all


def _trust_roots(trust_roots_pem: list[bytes]) -> list[asn1_x509.Certificate]:
    roots = []
    for data in trust_roots_pem:
        for _, _, der in pem.unarmor(data, multiple=True):
            roots.append(asn1_x509.Certificate.load(der))
    return roots


def check_signatures(pdf: bytes, *, trust_roots_pem: list[bytes]) -> list[SignatureCheck]:
    """Every signature of ``pdf``, in signing order, checked against ``trust_roots_pem`` only
    (no network: no certificate, CRL or OCSP fetching)."""
    roots = _trust_roots(trust_roots_pem)
    try:
        reader = PdfFileReader(BytesIO(pdf))
        embedded = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, IndexError, TypeError):
        raise UnreadableDocument from None
    checks = []
    for signature in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            status = validate_pdf_signature(signature, context)
        except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError):
            # a signature dictionary too damaged to evaluate is reported, not raised
            checks.append(_unverifiable(signature.field_name))
            continue
        level = status.modification_level
        checks.append(SignatureCheck(
            field_name=signature.field_name,
            signer_common_name=_common_name(status.signing_cert),
            signed_at=status.signer_reported_dt,
            intact=status.intact,
            valid=status.valid,
            trusted=status.trusted,
            # no level means the difference analysis itself failed: as bad as it gets
            modification_level=level.name.lower() if level is not None else "other",
            covers_whole_document=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        ))
    return checks


def _unverifiable(field_name: str) -> SignatureCheck:
    return SignatureCheck(
        field_name=field_name, signer_common_name="", signed_at=None, intact=False, valid=False,
        trusted=False, modification_level="other", covers_whole_document=False,
    )


def _common_name(certificate: asn1_x509.Certificate) -> str:
    return str(certificate.subject.native.get("common_name", ""))


class ToolMissing(Exception):
    """A program the independent check needs is not installed; ``package`` is its Debian
    package."""

    def __init__(self, package: str) -> None:
        super().__init__(package)
        self.package = package


def _nss_database(directory: Path, trust_roots_pem: Sequence[bytes]) -> str:
    """An NSS database in ``directory`` trusting ``trust_roots_pem`` for signatures, for
    pdfsig. Raises ToolMissing without NSS's ``certutil``; CalledProcessError when it refuses
    a root."""
    directory.mkdir()
    database = f"sql:{directory}"
    commands = [["certutil", "-N", "-d", database, "--empty-password"]]
    for index, root_pem in enumerate(trust_roots_pem):
        root = directory / f"root-{index}.pem"
        root.write_bytes(root_pem)
        # C in every field: a trusted issuer for TLS, e-mail and object signing (pdfsig)
        commands.append(["certutil", "-A", "-d", database, "-n", f"root-{index}",
                         "-t", "C,C,C", "-i", str(root)])
    try:
        for command in commands:
            subprocess.run(command, capture_output=True, check=True,  # noqa: S603
                           timeout=PDFSIG_TIMEOUT_SECONDS)
    except FileNotFoundError as missing:
        raise ToolMissing("libnss3-tools") from missing
    return database


@dataclass(frozen=True)
class IndependentCheck:
    """poppler's pdfsig (NSS), a second implementation beside pyHanko, on a PDF's signatures."""

    #: what pdfsig printed, as it printed it; empty when it could not run
    output: str
    #: the fields whose signer's certificate pdfsig found trusted through the given roots
    trusted_fields: frozenset[str]
    #: Debian packages whose absence kept the check from judging trust, in install order
    missing_packages: tuple[str, ...] = ()
    #: pdfsig gave no answer in time
    timed_out: bool = False

    @property
    def judged_trust(self) -> bool:
        """Whether pdfsig ran against the centre's roots, so that its trust verdict counts."""
        return not self.missing_packages and not self.timed_out


PDFSIG_SIGNATURE = re.compile(r"^Signature #\d+:$", re.MULTILINE)
PDFSIG_FIELD = re.compile(r"^\s*- Signature Field Name: (?P<name>.*)$", re.MULTILINE)
PDFSIG_TRUSTED = "Certificate Validation: Certificate is Trusted."


PDFSIG_LINE = re.compile(r"^\s*- (?P<key>[^:\n]+): (?P<value>.*)$", re.MULTILINE)


@dataclass(frozen=True)
class PdfsigVerdict:
    """One signature as pdfsig reports it, its two verdicts as pdfsig words them (in English:
    a page translates the sentences it knows)."""

    field_name: str
    signer: str
    signing_time: str
    signature: str
    certificate: str


def pdfsig_verdicts(output: str) -> list[PdfsigVerdict]:
    """pdfsig's report read signature by signature (its "- Key: value" lines)."""
    verdicts = []
    for block in PDFSIG_SIGNATURE.split(output)[1:]:
        lines = {m["key"].strip(): m["value"].strip() for m in PDFSIG_LINE.finditer(block)}
        verdicts.append(PdfsigVerdict(
            field_name=lines.get("Signature Field Name", ""),
            signer=lines.get("Signer Certificate Common Name", ""),
            signing_time=lines.get("Signing Time", ""),
            signature=lines.get("Signature Validation", ""),
            certificate=lines.get("Certificate Validation", "")))
    return verdicts


def _trusted_fields(output: str) -> frozenset[str]:
    trusted = set()
    for block in PDFSIG_SIGNATURE.split(output)[1:]:
        field = PDFSIG_FIELD.search(block)
        if field is not None and PDFSIG_TRUSTED in block:
            trusted.add(field["name"].strip())
    return frozenset(trusted)


def independent_check(pdf: bytes, *, trust_roots_pem: Sequence[bytes]) -> IndependentCheck:
    """Runs pdfsig on ``pdf`` with an NSS database that trusts ``trust_roots_pem`` (the centre's
    trust anchors) and nothing else (with none, pdfsig's own default). Never raises for a
    missing tool: the result says what is missing, so that a page can say trust was not
    verified rather than imply it was."""
    missing: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        copy = directory / "document.pdf"
        copy.write_bytes(pdf)
        options: list[str] = []
        try:
            if trust_roots_pem:
                options = ["-nssdir", _nss_database(directory / "nss", trust_roots_pem)]
        except ToolMissing as tool:
            missing.append(tool.package)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pass  # a root NSS refuses: pdfsig then trusts nothing, and says so
        try:
            completed = subprocess.run(  # noqa: S603 - fixed program, no shell, our own file
                ["pdfsig", *options, str(copy)],  # noqa: S607 - poppler-utils is a system dependency
                capture_output=True, text=True, timeout=PDFSIG_TIMEOUT_SECONDS, check=False)
        except FileNotFoundError:
            return IndependentCheck(output="", trusted_fields=frozenset(),
                                    missing_packages=("poppler-utils", *missing))
        except subprocess.TimeoutExpired:
            return IndependentCheck(output="", trusted_fields=frozenset(), timed_out=True,
                                    missing_packages=tuple(missing))
    output = (completed.stdout + completed.stderr).replace(str(copy), "document.pdf")
    return IndependentCheck(output=output, missing_packages=tuple(missing),
                            trusted_fields=frozenset() if missing else _trusted_fields(output))


def pdfsig_report(pdf: bytes, *, trust_roots_pem: Sequence[bytes] = ()) -> str:
    """What pdfsig says about ``pdf``'s signatures, as text (tests, scripts); with
    ``trust_roots_pem`` it also judges the signers' certificates against them."""
    check = independent_check(pdf, trust_roots_pem=trust_roots_pem)
    if "poppler-utils" in check.missing_packages:
        return "pdfsig is not installed (poppler-utils)."
    if check.timed_out:
        return f"pdfsig gave no answer within {PDFSIG_TIMEOUT_SECONDS} seconds."
    return check.output
