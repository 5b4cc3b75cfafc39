"""Confidential copies of PDFs: every copy that leaves the application names who downloaded it
and when, carries the confidentiality notice of LO art. 36, and goes to the audit log (which
document, who; never its content).

``download_copy`` is the one way out for a stored ``SignedDocument`` (minutes, extracts,
letters): reuse it for every download of a signed document.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from io import BytesIO

from flask_babel import force_locale, gettext
from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy.orm import Session

from council import crypto
from council.models import (
    DocumentKind,
    Language,
    SignatureCapacity,
    SignedDocument,
    User,
)
from council.models.base import utcnow
from council.services import audit
from minutes.pdf import format_datetime, stamp_copy

#: minutes and extracts are signed by the president and the DG
PRESIDENT_AND_DG = [SignatureCapacity.president.value, SignatureCapacity.director_general.value]


def confidential_notice(language: str) -> str:
    """The footer of every page of a closed-session document, in the document's language."""
    with force_locale(language):
        return gettext("Confidential: closed-session document (organic law of 8 July 1976 on "
                       "the CPAS, art. 36). Do not pass it on.")


def copy_mark(user: User, language: str, at: datetime | None = None) -> str:
    """Who downloaded a copy and when, with the confidentiality notice, in the document's
    language."""
    with force_locale(language):
        return gettext("Copy for %(name)s, downloaded on %(moment)s. Confidential (LO art. 36).",
                       name=user.display_name,
                       moment=format_datetime(at or utcnow(), language=language))


def downloader_mark(user: User, language: str, at: datetime | None = None) -> str:
    """The short mark printed across every page of a draft's copy (its footer carries the
    confidentiality notice)."""
    return f"{user.display_name} — {format_datetime(at or utcnow(), language=language)}"


def page_count(pdf: bytes) -> int:
    return int(PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Count"])


def new_document(pdf: bytes, *, kind: DocumentKind, language: str, actor: User,
                 required_capacities: list[str]) -> SignedDocument:
    """A rendered PDF stored encrypted, with its hash and page count, awaiting signatures."""
    return SignedDocument(kind=kind, language=Language(language),
                          pdf_encrypted=crypto.encrypt_bytes(pdf),
                          sha256=hashlib.sha256(pdf).hexdigest(), pages=page_count(pdf),
                          required_capacities=list(required_capacities), created_by_id=actor.id)


def download_copy(session: Session, document: SignedDocument, *, actor: User) -> bytes:
    """The stored PDF, decrypted and stamped for ``actor`` (an incremental update that keeps the
    signatures valid); the download is audited and committed. The caller checks access."""
    pdf = crypto.decrypt_bytes(document.pdf_encrypted)
    copy = stamp_copy(pdf, copy_mark(actor, document.language.value))
    audit.record(session, "document_downloaded", actor=actor, object_type="signed_document",
                 object_id=document.id, kind=document.kind.value, sealed=document.is_sealed)
    session.commit()
    return copy
