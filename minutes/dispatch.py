"""Documents addressed outside the centre (issue 16, item 5): a letter to a prosecutor, an
identified extract for the person concerned. They are rendered without the closed-session
footer and leave as clean originals (no reader's stamp: the recipient could not use a document
marked "copy for" someone else); what traces them instead is their dispatch, recorded here: to
whom, how and when. Internal readers keep their traceable copies (``minutes.documents``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from flask_babel import format_date, gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from council import crypto, permissions
from council.clock import CENTRE_TIMEZONE, centre_today
from council.models import DispatchMethod, DocumentDispatch, SignedDocument, User
from council.refusals import Refusal
from council.services import audit

#: at most this many characters for the recipient (name and address) and the reference
MAX_RECIPIENT = 300
MAX_REFERENCE = 60


class DispatchError(Refusal, ValueError):
    """A dispatch refused; the message says why. Nothing was stored."""


class NotAllowed(DispatchError):
    status = 403


@dataclass(frozen=True)
class DispatchInput:
    recipient: str
    method: DispatchMethod
    sent_on: date
    reference: str | None = None


@dataclass(frozen=True)
class SentCopy:
    """A recorded dispatch with its recipient decrypted, for the DG's page."""

    dispatch: DocumentDispatch
    recipient: str


def _check(document: SignedDocument, actor: User) -> None:
    if not document.is_sealed:
        raise DispatchError(gettext("The document is not signed yet: it cannot be sent."))
    if not permissions.can_send_original(actor, document):
        raise NotAllowed(gettext("Only the director-general sends signed originals."))


def clean_original(session: Session, document: SignedDocument, *, actor: User) -> bytes:
    """The signed original as it is, with no stamp, for sending; audited (never the content)."""
    _check(document, actor)
    audit.record(session, "document_downloaded", actor=actor, object_type="signed_document",
                 object_id=document.id, kind=document.kind.value, sealed=True,
                 copy="clean_original")
    session.commit()
    return crypto.decrypt_bytes(document.pdf_encrypted)


def record_dispatch(session: Session, document: SignedDocument, data: DispatchInput, *,
                    actor: User) -> DocumentDispatch:
    """Records that the original left: to whom, how, when; audited (without the recipient,
    who may be the person concerned)."""
    _check(document, actor)
    recipient = "\n".join(line.strip() for line in (data.recipient or "").splitlines()
                          if line.strip())
    if not recipient or len(recipient) > MAX_RECIPIENT:
        raise DispatchError(gettext("Say to whom it was sent (at most %(max)d characters).",
                                    max=MAX_RECIPIENT))
    reference = " ".join((data.reference or "").split()) or None
    if reference is not None and len(reference) > MAX_REFERENCE:
        raise DispatchError(gettext("The reference is too long (at most %(max)d characters).",
                                    max=MAX_REFERENCE))
    if data.method is DispatchMethod.registered_mail and reference is None:
        raise DispatchError(gettext("Give the registered letter's number."))
    sealed_on = document.sealed_at.astimezone(CENTRE_TIMEZONE).date()  # type: ignore[union-attr]
    if not sealed_on <= data.sent_on <= centre_today():
        raise DispatchError(gettext(
            "The sending date falls between the signature (%(signed)s) and today.",
            signed=format_date(sealed_on, "long")))
    dispatch = DocumentDispatch(
        document_id=document.id, recipient_encrypted=crypto.encrypt_bytes(recipient.encode()),
        method=data.method, reference=reference, recorded_by_id=actor.id,
        sent_at=datetime.combine(data.sent_on, time(12), CENTRE_TIMEZONE).astimezone(UTC))
    session.add(dispatch)
    session.flush()
    audit.record(session, "document_dispatched", actor=actor, object_type="signed_document",
                 object_id=document.id, kind=document.kind.value, method=data.method.value,
                 dispatch_id=dispatch.id)
    session.commit()
    return dispatch


def dispatches_of(session: Session, document: SignedDocument) -> list[SentCopy]:
    """The document's recorded dispatches, oldest first (the caller checks access)."""
    rows = session.scalars(select(DocumentDispatch)
                           .where(DocumentDispatch.document_id == document.id)
                           .order_by(DocumentDispatch.sent_at, DocumentDispatch.id))
    return [SentCopy(row, crypto.decrypt_bytes(row.recipient_encrypted).decode())
            for row in rows]
