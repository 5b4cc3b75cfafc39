"""`flask --app council trust-ca NAME CA.pem`: trust the certification authority of the
signers' certificates (a provider's root), so that signature checks report them as trusted."""

from __future__ import annotations

from pathlib import Path

import click
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from flask.cli import with_appcontext
from sqlalchemy import select

from council.cli.errors import OneLineErrorCommand, OneLineUsageError
from council.db import db
from council.models import TrustAnchor
from council.services import audit
from minutes.signatures.certificates import add_trust_anchor

MAX_PEM_BYTES = 64 * 1024


def _is_authority(certificate: x509.Certificate) -> bool:
    try:
        return bool(certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


@click.command("trust-ca", cls=OneLineErrorCommand)
@click.argument("name")
@click.argument("pem_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def trust_ca_command(name: str, pem_file: Path) -> None:
    """Trust the CA certificate in PEM_FILE under NAME when checking signatures."""
    with pem_file.open("rb") as handle:
        pem = handle.read(MAX_PEM_BYTES + 1)
    if len(pem) > MAX_PEM_BYTES:
        raise OneLineUsageError(f"{pem_file}: larger than {MAX_PEM_BYTES} bytes")
    try:
        certificate = x509.load_pem_x509_certificate(pem)
    except ValueError:
        raise OneLineUsageError(f"{pem_file}: not a PEM certificate") from None
    if not _is_authority(certificate):
        raise OneLineUsageError(f"{pem_file}: not a certification authority's certificate")
    session = db.session
    fingerprint = certificate.fingerprint(hashes.SHA256()).hex()
    if session.scalar(select(TrustAnchor.id).where(
            TrustAnchor.fingerprint_sha256 == fingerprint)) is not None:
        raise OneLineUsageError(f"{pem_file}: this authority is already trusted")
    anchor = add_trust_anchor(session, name.strip()[:200] or pem_file.name, pem)
    session.flush()
    audit.record(session, "trust_anchor_added", object_type="trust_anchor", object_id=anchor.id)
    session.commit()
    click.echo(f"trusted: {anchor.name} (SHA-256 {fingerprint})")
