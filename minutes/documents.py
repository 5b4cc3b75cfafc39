"""Confidential copies of PDFs: every copy that leaves the application names who downloaded it
and when, carries the confidentiality notice of LO art. 36, and goes to the audit log (which
document, who; never its content).

``download_copy`` is the one way out for a stored ``SignedDocument`` (minutes, extracts,
letters): reuse it for every download of a signed document. The DG and the document's signers
get the signed original, stamped in an incremental update that keeps the signatures valid; any
other reader gets a reader's copy (``minutes.pdf.reader_copy``): the same pages rewritten into a
new file with the reader's mark and a copy number in every page's content, and a statement page
naming the original's signatures and SHA-256, so that the copy can be checked against the
original the DG keeps. The copy number goes to the audit log with the download.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import datetime
from io import BytesIO

from flask_babel import force_locale, gettext
from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy.orm import Session

from council import crypto, permissions
from council.models import (
    DocumentKind,
    Language,
    Meeting,
    SignatureCapacity,
    SignedDocument,
    User,
)
from council.models.base import utcnow
from council.services import audit
from minutes.pdf import format_datetime, reader_copy, render_pdf_template, stamp_copy

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


def new_copy_id() -> str:
    """A reader's copy number: 40 random bits in base 32 ("7QK2-XD4M"), easy to read out from a
    leaked copy and to look up in the audit log; it says nothing about the reader or the moment."""
    code = base64.b32encode(secrets.token_bytes(5)).decode()
    return f"{code[:4]}-{code[4:]}"


def reader_mark(user: User, language: str, copy_id: str, at: datetime) -> str:
    """The mark of a reader's copy: its number, who downloaded it and when, the notice."""
    with force_locale(language):
        return gettext("Copy %(copy)s for %(name)s, downloaded on %(moment)s. Confidential "
                       "(LO art. 36).", copy=copy_id, name=user.display_name,
                       moment=format_datetime(at, language=language))


def download_copy(session: Session, document: SignedDocument, *, actor: User,
                  meeting: Meeting | None) -> bytes:
    """The copy of ``document`` for ``actor``, audited and committed: the signed original
    stamped for them if they are the DG or one of its signers (``meeting`` tells who signs),
    else a reader's copy numbered in the audit entry. The caller checks access."""
    pdf = crypto.decrypt_bytes(document.pdf_encrypted)
    language = document.language.value
    if permissions.can_have_signed_original(actor, document, meeting):
        copy = stamp_copy(pdf, copy_mark(actor, language))
        audit.record(session, "document_downloaded", actor=actor, object_type="signed_document",
                     object_id=document.id, kind=document.kind.value, sealed=document.is_sealed,
                     copy="signed_original")
    else:
        copy_id, at = new_copy_id(), utcnow()
        statement = render_pdf_template(
            "pdf/copy_statement.html", language=language, document=document,
            reader=actor, downloaded_at=at, copy_id=copy_id,
            confidential_notice=confidential_notice(language))
        copy = reader_copy(pdf, reader_mark(actor, language, copy_id, at), statement=statement)
        audit.record(session, "document_downloaded", actor=actor, object_type="signed_document",
                     object_id=document.id, kind=document.kind.value, sealed=document.is_sealed,
                     copy="reader_copy", copy_id=copy_id, original_sha256=document.sha256)
    session.commit()
    return copy
