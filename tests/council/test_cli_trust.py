"""`flask --app council trust-ca`: a provider's root becomes a trust anchor for signature checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from council.demo.pki import make_ca
from council.models import AuditEntry, TrustAnchor

NOW = datetime.now(UTC)


def _ca_file(tmp_path: Path, name: str = "ca.pem") -> Path:
    authority = make_ca("Test provider root", valid_from=NOW - timedelta(days=1),
                        valid_until=NOW + timedelta(days=365))
    path = tmp_path / name
    path.write_bytes(authority.certificate_pem)
    return path


def test_trusts_a_ca_once(app, session, tmp_path):
    path = _ca_file(tmp_path)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["trust-ca", "Provider root", str(path)])
    assert result.exit_code == 0, result.output
    anchor = session.scalars(select(TrustAnchor).where(TrustAnchor.name == "Provider root")).one()
    assert anchor.fingerprint_sha256 in result.output
    assert session.scalars(select(AuditEntry).where(
        AuditEntry.action == "trust_anchor_added")).one().object_id == anchor.id
    again = runner.invoke(args=["trust-ca", "Again", str(path)])
    assert again.exit_code == 2 and "already trusted" in again.output


def test_refuses_what_is_not_a_ca_certificate(app, session, tmp_path):
    garbage = tmp_path / "garbage.pem"
    garbage.write_bytes(b"not a certificate")
    result = app.test_cli_runner().invoke(args=["trust-ca", "X", str(garbage)])
    assert result.exit_code == 2 and "not a PEM certificate" in result.output
    assert session.scalars(select(TrustAnchor).where(TrustAnchor.name == "X")).all() == []


def test_refuses_a_signers_own_certificate(app, session, tmp_path):
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    from council.demo.pki import issue_signer

    authority = make_ca("Root", valid_from=NOW - timedelta(days=1),
                        valid_until=NOW + timedelta(days=365))
    bundle = issue_signer(authority, common_name="A signer", email=None,
                          valid_from=NOW - timedelta(days=1), valid_until=NOW + timedelta(days=30),
                          passphrase="secret-passphrase")
    _key, leaf, _chain = pkcs12.load_key_and_certificates(bundle, b"secret-passphrase")
    path = tmp_path / "leaf.pem"
    path.write_bytes(leaf.public_bytes(Encoding.PEM))
    result = app.test_cli_runner().invoke(args=["trust-ca", "Leaf", str(path)])
    assert result.exit_code == 2 and "not a certification authority" in result.output
