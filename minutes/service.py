"""The minutes of a meeting: a draft with append-only revisions, approval by a later meeting of
the same organ, and corrections after approval.

Legal flow:
- the DG or the secretariat starts the draft once the meeting has been held (in progress or
  closed); each save appends a ``MinutesRevision``, never changes one;
- the minutes are approved by the organ at its next meeting, through that meeting's first item
  (issue 15; DOMAIN: deemed approved without objection): the president or the DG records the
  organ's decision at the sitting (``record_organ_approval``): approved without observation,
  with the observations made, or by the vote's result when a vote was asked; never by the
  staff alone. The minutes' meeting must be closed, the approval item neither postponed nor
  withdrawn, a vote closed and adopted. The latest revision is then frozen into a
  ``SignedDocument`` that the president and the DG sign (signflow's ``sign_document``; it marks
  the minutes signed once the document is sealed);
- after approval the texts change only through a correction (``revise_after_signature``): a
  revision with a required note, frozen at once into a new document that needs both
  signatures again; the previous document stays as it was, ``superseded_by`` the new one.

Each use case commits once; a refused action raises a ``MinutesError`` with its reason and
leaves nothing changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping
from typing import Any

from flask import current_app
from flask_babel import force_locale, gettext, lazy_gettext
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from agenda.guard import guard_texts
from council import permissions
from council.models import (
    AgendaItem,
    DocumentKind,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesApproval,
    MinutesPart,
    MinutesRevision,
    MinutesStatus,
    Poll,
    PollOutcome,
    PollStatus,
    SignedDocument,
    User,
)
from council.refusals import CodedRefusal, require
from council.services import audit
from council.services.jobs import JobRun
from minutes import content as minutes_content
from minutes.documents import (
    PRESIDENT_AND_DG,
    confidential_notice,
    download_copy,
    downloader_mark,
    new_document,
)
from minutes.loading import initial_content, items_of_part, load_minutes, load_source
from minutes.pdf import render_pdf_template

#: a meeting whose minutes may be drafted: it has been held
HELD = (MeetingStatus.in_progress, MeetingStatus.closed)
TEXT_MAX = 20_000
NOTE_MAX = 1_000

Progress = Callable[[int, int], None]


class MinutesError(CodedRefusal):
    """A refused action on the minutes."""


class InvalidInput(MinutesError):
    status = 400


class Conflict(MinutesError):
    status = 409


# --- Rendering -----------------------------------------------------------------------------


def build_document(session: Session, minutes: Minutes,
                   revision: MinutesRevision | None) -> minutes_content.MinutesDocument:
    source = load_source(session, minutes, revision)
    return minutes_content.build(
        source.facts, language=source.language,
        name_voters=current_app.config["COUNCIL_MINUTES_NAME_VOTERS"])


def render_minutes_pdf(session: Session, minutes_id: int, *, revision_id: int | None = None,
                       progress: Progress | None = None, watermark: str | None = None,
                       leave_out: Collection[int] = ()) -> bytes:
    """The PDF of the minutes as of ``revision_id`` (default: the latest revision), in the
    centre's language. Runs in an application context; fit for a background job: ``progress``
    is told (steps done, steps in all) as it goes. ``watermark`` is printed across every page
    (copies). The items of ``leave_out`` (ids) keep their number and title and say only that
    the reader withdrew from them (a withdrawn member's copy)."""
    report = progress or (lambda _done, _total: None)
    report(0, 3)
    minutes = load_minutes(session, minutes_id)
    if minutes is None:
        raise LookupError(f"no minutes {minutes_id}")
    revision = (minutes.latest_revision if revision_id is None
                else next((r for r in minutes.revisions if r.id == revision_id), None))
    if revision is None:
        raise LookupError(f"no revision {revision_id} of minutes {minutes_id}")
    document = _without_items(build_document(session, minutes, revision), leave_out)
    report(1, 3)
    pdf = render_pdf_template(
        "pdf/minutes.html", language=document.language, pv=document,
        confidential_notice=(confidential_notice(document.language)
                             if minutes.part is MinutesPart.closed else None),
        watermark=watermark)
    report(3, 3)
    return pdf


def _without_items(document: minutes_content.MinutesDocument,
                   leave_out: Collection[int]) -> minutes_content.MinutesDocument:
    if not leave_out:
        return document
    with force_locale(document.language):
        withdrew = gettext("You withdrew from this item: its deliberation is not in your copy.")
    return dataclasses.replace(document, items=tuple(
        dataclasses.replace(section, events=(), paragraphs=(withdrew,), outcome=None, voters=(),
                            corrections=())
        if section.id in leave_out else section
        for section in document.items))


# --- Drafting ------------------------------------------------------------------------------


def start_draft(session: Session, meeting: Meeting, *, actor: User,
                part: MinutesPart = MinutesPart.closed) -> Minutes:
    """The first revision of a held meeting's minutes, from the items' draft decisions."""
    if meeting.status not in HELD:
        raise Conflict("meeting_not_held", gettext(
            "The minutes can be drafted once the meeting has been held."))
    if session.scalar(select(Minutes.id).where(Minutes.meeting_id == meeting.id,
                                               Minutes.part == part)) is not None:
        raise Conflict("minutes_exist", gettext("The minutes of this meeting already exist."))
    minutes = Minutes(meeting_id=meeting.id, part=part, status=MinutesStatus.draft,
                      created_by_id=actor.id)
    session.add(minutes)
    session.flush()
    revision = MinutesRevision(minutes=minutes, number=1,
                               content=initial_content(items_of_part(meeting, part)),
                               created_by_id=actor.id)
    session.add(revision)
    session.flush()
    audit.record(session, "minutes_started", actor=actor, object_type="minutes",
                 object_id=minutes.id, meeting_id=meeting.id, part=part.value)
    session.commit()
    return minutes


def _clean_text(value: Any, label: str) -> str:
    text = value if isinstance(value, str) else ""
    if "\x00" in text:
        raise InvalidInput("invalid_text", gettext("%(field)s contains a forbidden character.",
                                                   field=label))
    if len(text) > TEXT_MAX:
        raise InvalidInput("text_too_long", gettext(
            "%(field)s is too long (at most %(max)d characters).", field=label, max=TEXT_MAX))
    return text.replace("\r\n", "\n").strip()


def _revised_content(minutes: Minutes, *, introduction: str | None, closing: str | None,
                     texts: Mapping[int, str]) -> dict[str, Any]:
    """The latest content with the given texts replaced; refused for an item of another
    meeting or part, or when nothing changes."""
    latest = minutes.latest_revision
    previous: dict[str, Any] = latest.content if latest is not None else {}
    known = {str(item.id): item for item in items_of_part(minutes.meeting, minutes.part)}
    items = {key: previous.get("items", {}).get(key, item.draft_decision or "")
             for key, item in known.items()}
    for item_id, text in texts.items():
        key = str(item_id)
        if key not in known:
            raise InvalidInput("unknown_item", gettext(
                "This item is not in this part of the meeting's minutes."))
        cleaned = _clean_text(text, gettext("Item %(number)d", number=known[key].number))
        if cleaned != items[key] and not keeps_decision(known[key], cleaned):
            raise Conflict("decision_frozen", gettext(
                "Item %(number)d is decided: its deliberation may say more, but its decision "
                "stays word for word as decided. The director-general corrects a decision "
                "only by a decision revision, with its reason.", number=known[key].number))
        items[key] = cleaned
    content = {
        "introduction": (previous.get("introduction", "") if introduction is None
                         else _clean_text(introduction, gettext("The introduction"))),
        "closing": (previous.get("closing", "") if closing is None
                    else _clean_text(closing, gettext("The closing"))),
        "items": items,
    }
    if content == previous:
        raise InvalidInput("unchanged", gettext("Nothing was changed."))
    return content


def keeps_decision(item: AgendaItem, text: str) -> bool:
    """Decisions stay decided (issue 15): the deliberation of a decided item in the minutes
    holds its decision as decided, every line of it in order, whatever it adds around it."""
    if item.status is not ItemStatus.decided or not (item.draft_decision or "").strip():
        return True
    decided = minutes_content.paragraphs(item.draft_decision or "")
    lines = minutes_content.paragraphs(text)
    return any(lines[start:start + len(decided)] == decided
               for start in range(len(lines) - len(decided) + 1))


def _clean_note(note: str | None, *, required: bool) -> str | None:
    note = (note or "").strip()
    if required and not note:
        raise InvalidInput("note_required", gettext(
            "Say why the approved minutes are corrected (the note is required)."))
    if len(note) > NOTE_MAX or "\x00" in note:
        raise InvalidInput("invalid_note", gettext(
            "The note is too long (at most %(max)d characters).", max=NOTE_MAX))
    return note or None


def _guard_content(session: Session, minutes: Minutes, content: Mapping[str, Any], *,
                   note: str | None, actor: User, override_reason: str | None) -> None:
    """The identity guard on the minutes' texts (members read them, and extracts copy them):
    the introduction, the closing, each item's deliberation and the revision's note."""
    numbers = {str(item.id): item.number for item in items_of_part(minutes.meeting, minutes.part)}
    texts = {"introduction": content.get("introduction"), "closing": content.get("closing"),
             "note": note,
             **{f"item-{key}": text for key, text in content.get("items", {}).items()}}
    labels: dict[str, Any] = {
        "introduction": lazy_gettext("The introduction"),
        "closing": lazy_gettext("The closing"), "note": lazy_gettext("The note"),
        **{f"item-{key}": lazy_gettext("Item %(number)d", number=number)
           for key, number in numbers.items()}}
    guard_texts(session, texts, labels=labels, actor=actor, meeting=minutes.meeting,
                override_reason=override_reason, object_type="minutes", object_id=minutes.id)


def _append_revision(session: Session, minutes: Minutes, content: dict[str, Any],
                     note: str | None, actor: User) -> MinutesRevision:
    latest = minutes.latest_revision
    revision = MinutesRevision(minutes=minutes, number=(latest.number if latest else 0) + 1,
                               content=content, note=note, created_by_id=actor.id)
    session.add(revision)
    session.flush()
    return revision


def save_revision(session: Session, minutes: Minutes, *, actor: User,
                  introduction: str | None = None, closing: str | None = None,
                  texts: Mapping[int, str] | None = None,
                  note: str | None = None,
                  override_reason: str | None = None) -> MinutesRevision:
    """A new revision of draft minutes (the texts not given stay as they were), through the
    identity guard (``override_reason``: the DG's)."""
    if minutes.status is not MinutesStatus.draft:
        raise Conflict("minutes_approved", gettext(
            "These minutes are approved: change them through a correction, with its reason."))
    content = _revised_content(minutes, introduction=introduction, closing=closing,
                               texts=texts or {})
    clean_note = _clean_note(note, required=False)
    _guard_content(session, minutes, content, note=clean_note, actor=actor,
                   override_reason=override_reason)
    revision = _append_revision(session, minutes, content, clean_note, actor)
    audit.record(session, "minutes_revised", actor=actor, object_type="minutes",
                 object_id=minutes.id, revision=revision.number)
    session.commit()
    return revision


# --- Approval and corrections --------------------------------------------------------------


def approval_item(session: Session, meeting: Meeting) -> AgendaItem | None:
    """The approving meeting's recurring minutes-approval item (its first one)."""
    return session.scalar(select(AgendaItem).where(
        AgendaItem.meeting_id == meeting.id, AgendaItem.kind == ItemKind.minutes_approval)
        .order_by(AgendaItem.number).limit(1))


def approving_meetings(session: Session, minutes: Minutes) -> list[Meeting]:
    """Later meetings of the same organ, not cancelled: where the minutes are to be approved,
    through their first item."""
    meeting = minutes.meeting
    return list(session.scalars(select(Meeting).where(
        Meeting.organ_id == meeting.organ_id, Meeting.starts_at > meeting.starts_at,
        Meeting.status != MeetingStatus.cancelled).order_by(Meeting.starts_at)))


def minutes_to_approve(session: Session, item: AgendaItem) -> Minutes | None:
    """The minutes a minutes-approval item approves: those of the organ's previous meeting
    (the latest earlier one that was held), whatever their state; None when it has none."""
    meeting = item.meeting
    previous = (select(Meeting.id).where(Meeting.organ_id == meeting.organ_id,
                                         Meeting.starts_at < meeting.starts_at,
                                         Meeting.status.in_(HELD))
                .order_by(Meeting.starts_at.desc()).limit(1).scalar_subquery())
    minutes_id = session.scalar(select(Minutes.id).where(Minutes.meeting_id == previous,
                                                         Minutes.part == MinutesPart.closed))
    return None if minutes_id is None else load_minutes(session, minutes_id)


def approval_poll(session: Session, item: AgendaItem) -> Poll | None:
    """The vote on the approval item, if the organ was asked to vote."""
    return session.scalar(select(Poll).where(Poll.item_id == item.id))


def _check_approval(session: Session, minutes: Minutes, at_meeting: Meeting,
                    item: AgendaItem) -> Poll | None:
    """The minutes' meeting closed, the approval item of a later meeting of the same organ
    dealt with at its sitting; the vote, if one was asked, closed and adopted."""
    meeting = minutes.meeting
    if minutes.status is not MinutesStatus.draft:
        raise Conflict("already_approved", gettext("These minutes are already approved."))
    if meeting.status is not MeetingStatus.closed:
        raise Conflict("meeting_not_closed", gettext(
            "The meeting is not closed yet: its minutes cannot be approved."))
    if at_meeting.organ_id != meeting.organ_id or at_meeting.starts_at <= meeting.starts_at:
        raise InvalidInput("not_a_later_meeting", gettext(
            "Minutes are approved by a later meeting of the same organ."))
    if item.status in (ItemStatus.postponed, ItemStatus.withdrawn):
        raise Conflict("approval_item_not_dealt_with", gettext(
            "The approval of the minutes was postponed or withdrawn at that meeting."))
    poll = approval_poll(session, item)
    if poll is None and at_meeting.status is not MeetingStatus.in_progress:
        raise Conflict("approval_outside_sitting", gettext(
            "The organ approves the minutes at its sitting: record its decision while the "
            "meeting is in session."))
    if poll is not None and poll.status is not PollStatus.closed:
        raise Conflict("approval_vote_open", gettext(
            "The vote on the approval of the minutes is still open."))
    if poll is not None and poll.outcome is not PollOutcome.adopted:
        raise Conflict("approval_rejected", gettext(
            "The meeting voted against the approval of these minutes: correct the draft and "
            "put it to a later meeting."))
    return poll


def _freeze(session: Session, minutes: Minutes, revision: MinutesRevision, actor: User,
            progress: Progress | None) -> SignedDocument:
    """The revision rendered and stored as the document the president and the DG sign."""
    pdf = render_minutes_pdf(session, minutes.id, revision_id=revision.id, progress=progress)
    document = new_document(pdf, kind=DocumentKind.minutes,
                            language=minutes.meeting.organ.centre.language.value, actor=actor,
                            required_capacities=PRESIDENT_AND_DG)
    session.add(document)
    session.flush()
    # the one column of a revision set after saving: the link to its PDF
    revision.document = document
    minutes.document = document
    return document


def record_organ_approval(session: Session, item: AgendaItem, *, actor: User,
                          observations: str | None = None, override_reason: str | None = None,
                          progress: Progress | None = None) -> SignedDocument:
    """The organ's decision on the previous minutes, taken at its sitting through the first
    item of its next meeting (issue 15): recorded by whoever chairs the vote (the president or
    the DG). Without a vote, the minutes are approved without observation, or with the
    observations made (recorded, through the identity guard); when a vote was asked, its
    closed, adopted result approves them. The latest revision is then frozen into the PDF that
    the president and the DG sign. One commit; refused, nothing changes."""
    require(permissions.can_record_minutes_approval(actor, item),
            gettext("The minutes are approved by the organ: its decision is recorded by the "
                    "president or the director-general, at the sitting."))
    if item.kind is not ItemKind.minutes_approval:
        raise InvalidInput("not_an_approval_item", gettext(
            "This item does not approve minutes."))
    minutes = minutes_to_approve(session, item)
    if minutes is None:
        raise Conflict("no_minutes_to_approve", gettext(
            "The previous meeting of this organ has no minutes to approve yet."))
    poll = _check_approval(session, minutes, item.meeting, item)
    said = _clean_text(observations, gettext("The observations")) or None
    how = (MinutesApproval.by_vote if poll is not None
           else MinutesApproval.with_observations if said
           else MinutesApproval.without_observation)
    revision = minutes.latest_revision
    if revision is None:
        raise Conflict("no_revision", gettext("These minutes have no text yet."))
    guard_texts(session, {"observations": said}, labels={
        "observations": lazy_gettext("The observations")}, actor=actor, meeting=item.meeting,
        override_reason=override_reason, object_type="agenda_item", object_id=item.id)
    # a revision saved before the guard, or from a draft decision copied in: checked again
    _guard_content(session, minutes, revision.content, note=revision.note, actor=actor,
                   override_reason=None)
    document = _freeze(session, minutes, revision, actor, progress)
    minutes.approve(actor, item.meeting, how, said)
    item.status = ItemStatus.decided
    audit.record(session, "minutes_approved", actor=actor, object_type="minutes",
                 object_id=minutes.id, at_meeting_id=item.meeting_id, item_id=item.id,
                 how=how.value, revision=revision.number, document_id=document.id)
    session.commit()
    return document


def _job_minutes(run: JobRun, minutes_id: int) -> tuple[Minutes, Progress]:
    """The minutes in the job's own session, and a progress reporter for the rendering.
    Nothing of an approval or a correction is written before its PDF is rendered, so the
    reporter's commits only record the progress."""
    minutes = load_minutes(run.session, minutes_id)
    if minutes is None:
        raise LookupError(f"no minutes {minutes_id}")

    def progress(done: int, total: int) -> None:
        if run.job.total != total:
            run.set_total(total)
        if done > run.job.done:
            run.advance(done - run.job.done)

    return minutes, progress


def approve_in_background(run: JobRun, *, minutes_id: int, item_id: int,
                          **decision: Any) -> None:
    """``record_organ_approval`` as the work of a background job (``council.services.jobs``),
    for minutes too long to render within a web request."""
    _minutes, progress = _job_minutes(run, minutes_id)
    record_organ_approval(run.session, run.session.get(AgendaItem, item_id), actor=run.actor,
                          progress=progress, **decision)


def correct_in_background(run: JobRun, *, minutes_id: int, **correction: Any) -> None:
    """``revise_after_signature`` as the work of a background job, for long minutes."""
    minutes, progress = _job_minutes(run, minutes_id)
    revise_after_signature(run.session, minutes, actor=run.actor, progress=progress,
                           **correction)


def revise_after_signature(session: Session, minutes: Minutes, *, actor: User, note: str | None,
                           introduction: str | None = None, closing: str | None = None,
                           texts: Mapping[int, str] | None = None,
                           progress: Progress | None = None,
                           override_reason: str | None = None) -> SignedDocument:
    """A correction of approved (possibly signed) minutes: a new revision with its reason,
    frozen into a new document that needs both signatures again. The previous document is
    kept unchanged and points to its successor. Through the identity guard, as a draft."""
    if minutes.status is MinutesStatus.draft:
        raise Conflict("minutes_not_approved", gettext(
            "These minutes are still a draft: edit the draft instead."))
    clean_note = _clean_note(note, required=True)
    content = _revised_content(minutes, introduction=introduction, closing=closing,
                               texts=texts or {})
    _guard_content(session, minutes, content, note=clean_note, actor=actor,
                   override_reason=override_reason)
    document = _correct(session, minutes, content, clean_note, actor=actor, progress=progress)
    session.commit()
    return document


def _correct(session: Session, minutes: Minutes, content: dict[str, Any], note: str | None, *,
             actor: User, progress: Progress | None = None) -> SignedDocument:
    """A new revision of approved minutes frozen into a new document awaiting both
    signatures; the previous document stays, ``superseded_by`` the new one. Audited."""
    previous = minutes.document
    revision = _append_revision(session, minutes, content, note, actor)
    document = _freeze(session, minutes, revision, actor, progress)
    if previous is not None:
        previous.superseded_by_id = document.id
    minutes.status = MinutesStatus.approved  # awaiting the signatures of the new document
    audit.record(session, "minutes_corrected", actor=actor, object_type="minutes",
                 object_id=minutes.id, revision=revision.number, document_id=document.id,
                 superseded_document_id=previous.id if previous is not None else None,
                 was_signed=previous is not None and previous.is_sealed)
    return document


def record_decision_revision(session: Session, minutes: Minutes, *, actor: User,
                             note: str) -> SignedDocument:
    """Approved minutes record a decision revision (``minutes.decisions``): the same texts in
    a new revision whose note is the correction's reason, rendered with the correction and
    signed again. Part of the caller's unit of work (no commit)."""
    latest = minutes.latest_revision
    content = dict(latest.content) if latest is not None else initial_content(
        items_of_part(minutes.meeting, minutes.part))
    return _correct(session, minutes, content, note, actor=actor)


# --- Copies --------------------------------------------------------------------------------


def draft_copy(session: Session, minutes: Minutes, *, actor: User) -> bytes:
    """A copy of the latest draft revision, watermarked in the HTML for ``actor``; audited."""
    language = minutes.meeting.organ.centre.language.value
    pdf = render_minutes_pdf(session, minutes.id, watermark=downloader_mark(actor, language))
    revision = minutes.latest_revision
    audit.record(session, "minutes_draft_downloaded", actor=actor, object_type="minutes",
                 object_id=minutes.id, revision=revision.number if revision else None)
    session.commit()
    return pdf


def minutes_copy(session: Session, minutes: Minutes, *, actor: User) -> bytes:
    """The reader's copy of the current minutes: the document under signature (or signed) once
    approved, else the latest draft; for a member who withdrew from items, a copy without their
    deliberation (``_copy_without``). The caller checks access."""
    withdrawn = {item.id for item in session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == minutes.meeting_id)
        .options(selectinload(AgendaItem.withdrawals)))
        if permissions.is_withdrawn_from(actor, item)}
    if withdrawn:
        return _copy_without(session, minutes, withdrawn, actor=actor)
    if minutes.document is not None:
        return download_copy(session, minutes.document, actor=actor,
                             meeting=minutes.meeting)
    return draft_copy(session, minutes, actor=actor)


def _copy_without(session: Session, minutes: Minutes, withdrawn: set[int], *,
                  actor: User) -> bytes:
    """A member who withdrew from items (conflict of interest) may not take part in their
    deliberation, so their copy does not carry it: rendered from the revision in force (the
    one signed, else the latest draft) without those items' deliberation, marked for the
    reader on every page, audited."""
    revision = next((r for r in minutes.revisions
                     if minutes.document is not None and r.document_id == minutes.document.id),
                    minutes.latest_revision)
    language = minutes.meeting.organ.centre.language.value
    pdf = render_minutes_pdf(session, minutes.id,
                             revision_id=revision.id if revision else None,
                             watermark=downloader_mark(actor, language), leave_out=withdrawn)
    audit.record(session, "minutes_copy_without_withdrawn_items", actor=actor,
                 object_type="minutes", object_id=minutes.id,
                 revision=revision.number if revision else None, items=sorted(withdrawn))
    session.commit()
    return pdf
