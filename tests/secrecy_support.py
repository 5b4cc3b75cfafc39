"""Helpers of the secrecy register tests: a request on a demo dossier, its identity, and what the
centre holds about it that must never leave through a disclosure."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import user_named

from council.crypto import decrypt_bytes, decrypt_json
from council.models import (
    Disclosure,
    DocumentKind,
    Dossier,
    RequesterKind,
    RequestStatus,
    SecrecyBasis,
    SecrecyRequest,
    SignedDocument,
    SocialReport,
)
from minutes import secrecy

#: the demo DG's certificate passphrase and password (council.demo, support.PASSWORDS)
DG_PASSPHRASE = "demo-sign-dg"
DG_PASSWORD = "demo-dg"


def first_dossier(session: Session) -> Dossier:
    return session.scalar(select(Dossier).order_by(Dossier.id).limit(1))


def identity_of(dossier: Dossier) -> dict[str, Any]:
    identity: dict[str, Any] = decrypt_json(dossier.identity_encrypted)
    return identity


def report_sentence(session: Session, dossier: Dossier) -> str:
    """Six consecutive words from the middle of the dossier's original social report."""
    report = session.scalar(select(SocialReport).where(SocialReport.dossier_id == dossier.id))
    words = decrypt_bytes(report.original_encrypted).decode().split()
    middle = len(words) // 2
    return " ".join(words[middle:middle + 6])


#: where a letter to the demo's prosecutor goes (issue 16: every letter has its address block)
PARQUET_ADDRESS = "Palais de Justice\nPlace du Palais de Justice 1\n5000 Namur"


def new_request(session: Session, basis: SecrecyBasis, *, by: str = "socialworker",
                dossier: Dossier | None = None, days_ago: int = 2,
                requester_kind: RequesterKind = RequesterKind.prosecutor,
                basis_reference: str | None = None,
                requester_address: str | None = PARQUET_ADDRESS) -> SecrecyRequest:
    dossier = dossier or first_dossier(session)
    return secrecy.register_request(session, secrecy.RequestInput(
        dossier_reference=dossier.reference, requester_kind=requester_kind,
        requester_name="Parquet de Namur", requester_reference="NA.99.L1.1/26", basis=basis,
        basis_reference=basis_reference, requester_address=requester_address,
        requested=f"Tout ce que vous savez sur le dossier {dossier.reference}",
        received_on=date.today() - timedelta(days=days_ago)), actor=user_named(session, by))


def disclose(session: Session, request: SecrecyRequest, status: RequestStatus, *,
             fields: tuple[str, ...] = (), consent_id: int | None = None,
             passphrase: str = DG_PASSPHRASE) -> SecrecyRequest:
    return secrecy.decide(session, request, secrecy.DecisionInput(
        status=status, reasons="Demande conforme à la base légale invoquée.", fields=fields,
        consent_id=consent_id, passphrase=passphrase, password=DG_PASSWORD),
        actor=user_named(session, "dg"))


def letters_and_disclosures(session: Session) -> tuple[int, int]:
    """How many disclosure letters and disclosures are stored (a refusal must add none)."""
    session.expire_all()
    letters = session.scalar(select(func.count()).select_from(SignedDocument)
                             .where(SignedDocument.kind == DocumentKind.secrecy_letter))
    return letters, session.scalar(select(func.count()).select_from(Disclosure))
