"""Extracts from the register of deliberations: one decided item, as the minutes word it,
rendered in the centre's language and signed by the president and the DG like the minutes.

An extract is pseudonymised by default (the item's title and deliberation as the minutes have
them). An identified extract names the applicant from the dossier's identity: only the DG and
the social worker in charge of the dossier ask for one, after re-entering their password, and
it is audited as a re-identification.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext, lazy_gettext
from flask_babel.speaklater import LazyString
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from agenda.pseudonymise import parse_dossier
from agenda.reports import identity_on, report_of_item
from council import permissions
from council.models import (
    AgendaItem,
    DocumentKind,
    Extract,
    ItemStatus,
    Minutes,
    MinutesPart,
    SignedDocument,
    User,
)
from council.refusals import Refusal
from council.services import audit
from minutes import content, dispatch
from minutes.documents import (
    PRESIDENT_AND_DG,
    confidential_notice,
    download_copy,
    new_document,
)
from minutes.loading import load_source, minutes_of
from minutes.pdf import render_pdf_template
from minutes.signatures.service import SignatureRefused, confirm_signer


class ExtractError(Refusal):
    """The extract was refused; the message says why. Nothing was stored."""


class ExtractNotFound(ExtractError):
    status = 404


class NotAllowed(ExtractError):
    status = 403


@dataclass(frozen=True)
class Applicant:
    """Who an identified extract names."""

    name: str
    reference: str


def item_for_extracts(session: Session, user: User, item_id: int,
                      need: Callable[[User, AgendaItem], bool] = permissions.can_view_extracts,
                      *, denied: LazyString | None = None) -> AgendaItem:
    """The one loader of an item for its extracts (the page, making one): ``NotAllowed`` for
    every item to roles that read no extracts; ``ExtractNotFound`` for no such item and for one
    the user may not see alike (existence is confidential); then ``NotAllowed`` (with
    ``denied`` as its message) unless ``need``, a question to ``council.permissions``, lets
    ``user`` (``denied`` is lazy: a service may run outside a request, where an eager gettext
    would fix the language for later ones)."""
    if not permissions.may_ever_view_extracts(user):
        raise NotAllowed(gettext("You do not have access to this page."))
    item = session.get(AgendaItem, item_id)
    if item is None or not permissions.can_view_extracts(user, item):
        raise ExtractNotFound(gettext("This item does not exist."))
    if not need(user, item):
        raise NotAllowed(denied or gettext("You do not have access to this page."))
    return item


def _section(session: Session, item: AgendaItem) -> tuple[content.MinutesDocument,
                                                            content.ItemSection]:
    """The item as the minutes of its part of the meeting word it: the deliberation of their
    latest revision (the draft decision while there are no minutes yet)."""
    part = MinutesPart.closed if item.is_closed_session else MinutesPart.public
    minutes = minutes_of(session, item.meeting_id, part)
    # without minutes yet, an unsaved stand-in says which meeting and part to read
    source = load_source(session, minutes or Minutes(meeting_id=item.meeting_id, part=part),
                         minutes.latest_revision if minutes else None)
    document = content.build(source.facts, language=source.language)
    section = next(s for s in document.items if s.id == item.id)
    return document, section


def _applicant(session: Session, item: AgendaItem) -> Applicant:
    report = report_of_item(session, item)
    if report is None:
        raise ExtractError(gettext(
            "This item was not built from a social report: there is no applicant to name."))
    dossier = parse_dossier(identity_on(session, report.dossier, item.meeting.sitting_day))
    return Applicant(name=dossier.applicant.full_name, reference=dossier.reference)


def make_extract(session: Session, item_id: int, *, actor: User, identified: bool = False,
                 password: str = "", otp: str | None = None, address: str = "") -> Extract:
    """Renders and stores the extract of a decided item, awaiting the president's and the DG's
    signatures. ``identified``: names the applicant (the DG and the dossier's social worker,
    after re-authentication; audited as a re-identification). Audited; one commit."""
    item = item_for_extracts(session, actor, item_id, permissions.can_make_identified_extract
                             if identified else permissions.can_make_extract,
                             denied=lazy_gettext("You may not make this extract."))
    if item.status is not ItemStatus.decided:
        raise ExtractError(gettext("Only a decided item has an extract: this one is not "
                                   "decided yet."))
    applicant = None
    if identified:
        try:
            confirm_signer(session, actor, password=password, otp=otp, address=address,
                           purpose="identified_extract")
        except SignatureRefused as refused:
            raise ExtractError(str(refused)) from None
        applicant = _applicant(session, item)
    minutes, section = _section(session, item)
    language = minutes.language
    # an identified extract is for the person concerned, outside the centre: no closed-session
    # footer; it leaves as a clean original whose dispatch is recorded (minutes.dispatch)
    pdf = render_pdf_template(
        "pdf/extract.html", language=language, minutes=minutes, section=section,
        applicant=applicant,
        confidential_notice=None if identified else confidential_notice(language))
    document = new_document(pdf, kind=DocumentKind.extract, language=language, actor=actor,
                            required_capacities=PRESIDENT_AND_DG)
    extract = Extract(item_id=item.id, is_identified=identified, document=document,
                      created_by_id=actor.id)
    session.add(extract)
    session.flush()
    if identified:
        audit.record(session, "reidentification", actor=actor, object_type="agenda_item",
                     object_id=item.id, meeting_id=item.meeting_id, purpose="extract")
    audit.record(session, "extract_created", actor=actor, object_type="extract",
                 object_id=extract.id, item_id=item.id, identified=identified)
    session.commit()
    return extract


def extracts_of(session: Session, item: AgendaItem, *, actor: User) -> list[Extract]:
    """The item's extracts ``actor`` may read, newest first (identified ones only for who may
    make them)."""
    extracts = session.scalars(
        select(Extract).where(Extract.item_id == item.id)
        .options(selectinload(Extract.document).selectinload(SignedDocument.signatures))
        .order_by(Extract.id.desc()))
    return [e for e in extracts if permissions.can_read_extract(actor, e)]


def extract_to_send(session: Session, extract_id: int, *, actor: User) -> Extract:
    """The loader of an extract to send: ``ExtractNotFound`` for no such extract and for one
    the actor may not read alike; ``NotAllowed`` unless the actor sends originals (the DG);
    ``ExtractError`` for a pseudonymised extract, which stays inside the centre."""
    extract = session.get(Extract, extract_id)
    if extract is None or not permissions.can_read_extract(actor, extract):
        raise ExtractNotFound(gettext("This extract does not exist."))
    if not permissions.can_send_original(actor, extract.document):
        raise NotAllowed(gettext("Only the director-general sends signed originals."))
    if not extract.is_identified:
        raise ExtractError(gettext("A pseudonymised extract stays inside the centre: only an "
                                   "identified extract is sent to the person concerned."))
    return extract


def extract_original(session: Session, extract: Extract, *, actor: User) -> bytes:
    """The signed identified extract as it is sent, a clean original (no reader's stamp); a
    re-identification, audited with the download."""
    try:
        pdf = dispatch.clean_original(session, extract.document, actor=actor)
    except dispatch.DispatchError as refused:
        raise _refusal(refused) from None
    audit.record(session, "reidentification", actor=actor, object_type="agenda_item",
                 object_id=extract.item_id, purpose="extract_dispatch")
    session.commit()
    return pdf


def record_extract_dispatch(session: Session, extract: Extract, data: dispatch.DispatchInput,
                            *, actor: User) -> None:
    try:
        dispatch.record_dispatch(session, extract.document, data, actor=actor)
    except dispatch.DispatchError as refused:
        raise _refusal(refused) from None


def _refusal(refused: dispatch.DispatchError) -> ExtractError:
    """A dispatch refusal as the extracts' own (the same status)."""
    kind = NotAllowed if isinstance(refused, dispatch.NotAllowed) else ExtractError
    return kind(str(refused))


def download_extract(session: Session, extract_id: int, *, actor: User) -> tuple[Extract, bytes]:
    """A watermarked copy of the extract, audited (an identified one as a re-identification
    too)."""
    extract = session.get(Extract, extract_id)
    if extract is None:
        raise ExtractNotFound(gettext("This extract does not exist."))
    if not permissions.can_read_extract(actor, extract):
        raise NotAllowed(gettext("You may not read this extract."))
    if extract.is_identified:
        audit.record(session, "reidentification", actor=actor, object_type="agenda_item",
                     object_id=extract.item_id, purpose="extract_download")
    return extract, download_copy(session, extract.document, actor=actor,
                                  meeting=extract.item.meeting)
