"""Scheduling social reports on a meeting: the item's title and draft decision, and the
meeting's pseudonym registry (encrypted), so that a person keeps their letter across items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from flask_babel import force_locale, gettext, lazy_gettext
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agenda import pseudonymise_tasks
from agenda.drafting import draft_decision, urgency_clause
from agenda.guard import guard_texts
from agenda.pseudonymise import (
    Dossier as ParsedDossier,
)
from agenda.pseudonymise import (
    PseudonymisedItem,
    Registry,
    find_leaks,
    parse_dossier,
)
from agenda.pseudonymise.identifiers import reference_carries_name
from agenda.reports.common import NotAllowed, ReportError, pseudonymise, pseudonymiser_language
from agenda.reports.intake import extract_proposal
from council import permissions
from council.clock import CENTRE_TIMEZONE
from council.crypto import decrypt_bytes, decrypt_json, encrypt_json
from council.models import (
    AgendaItem,
    Dossier,
    ItemKind,
    ItemPseudonymisation,
    ItemStatus,
    Meeting,
    MeetingPseudonymKey,
    MeetingStatus,
    ReportStatus,
    SocialReport,
    User,
)
from council.models.base import utcnow
from council.services import audit

MAX_SUBJECT_CHARS = 200


def schedule_report(
    session: Session,
    report: SocialReport,
    meeting: Meeting,
    *,
    actor: User,
    subject: str | None = None,
    urgency_reason: str | None = None,
    carried_from: AgendaItem | None = None,
) -> AgendaItem:
    """Puts a report on a meeting's agenda as an individual-aid item; see ``schedule_reports``."""
    return schedule_reports(
        session, [report], meeting, actor=actor, subjects=[subject] if subject else None,
        urgency_reason=urgency_reason, carried_from=carried_from,
    )[0]


def schedule_reports(
    session: Session,
    reports: Sequence[SocialReport],
    meeting: Meeting,
    *,
    actor: User,
    subjects: Sequence[str | None] | None = None,
    urgency_reason: str | None = None,
    carried_from: AgendaItem | None = None,
) -> list[AgendaItem]:
    """Re-pseudonymises the reports with the meeting's pseudonym registry (one batched pass;
    the same person keeps the same letter in every item of the meeting) and appends one closed
    individual-aid item per report, numbered after the existing items.

    Once the members are convened, a report is no longer on the agenda they were convened
    with: it goes on only as urgent, with ``urgency_reason`` (which passes the identity guard
    and is written into the draft decision), and is taken only after an urgency vote, as an
    item the builder adds late. ``carried_from``: the item of an earlier meeting the new one
    carries over (``agenda.meetings.service.carry_over_item``)."""
    if not permissions.can_manage_meeting(actor, meeting):
        raise NotAllowed(gettext("Only the director-general and the secretariat prepare agendas."))
    if meeting.status not in (MeetingStatus.draft, MeetingStatus.convened):
        raise ReportError(gettext("The agenda of this meeting can no longer change."))
    reason = " ".join((urgency_reason or "").split()) or None
    late = meeting.status is not MeetingStatus.draft
    if late and reason is None:
        raise ReportError(gettext(
            "The members are already convened: a report put on the agenda now must be urgent, "
            "with its reason; it is taken only after an urgency vote."))
    if reason is not None:
        guard_texts(session, {"urgency_reason": reason},
                    labels={"urgency_reason": lazy_gettext("Reason for the urgency")},
                    actor=actor, meeting=meeting, object_type="meeting", object_id=meeting.id)
    subjects = list(subjects or [None] * len(reports))
    if len(subjects) != len(reports):
        raise ValueError("one subject (or None) per report")
    for report in reports:
        if report.status is not ReportStatus.submitted:
            raise ReportError(gettext("This report is already on an agenda or withdrawn."))
        if report.organ_kind is not meeting.organ.kind:
            raise ReportError(gettext("This report is for another organ."))
    language = meeting.organ.centre.language.value
    parsed = [parse_dossier(decrypt_json(r.dossier.identity_encrypted)) for r in reports]
    shown = [shown_reference(r.dossier, dossier) for r, dossier in zip(reports, parsed,
                                                                       strict=True)]
    titles = [
        _title(language, subject, dossier, reference)
        for subject, dossier, reference in zip(subjects, parsed, shown, strict=True)
    ]
    originals = [decrypt_bytes(r.original_encrypted).decode("utf-8") for r in reports]
    pairs = list(zip(originals, parsed, strict=True))
    reference_date = meeting.starts_at.astimezone(CENTRE_TIMEZONE).date()
    pseudonymise_tasks.warm(pairs, language=pseudonymiser_language(language),
                            reference_date=reference_date)  # the model, before the lock
    # One writer per meeting from here to the commit (PostgreSQL: the meeting's row locked):
    # two workers scheduling reports of one meeting each continue the registry the other
    # stored, and number their items after the other's.
    session.execute(select(Meeting.id).where(Meeting.id == meeting.id).with_for_update())
    for report in reports:  # as they are now, under the lock: another writer may have been first
        session.refresh(report)
        if report.status is not ReportStatus.submitted:
            session.rollback()
            raise ReportError(gettext("This report is already on an agenda or withdrawn."))
    registry = load_registry(session, meeting)
    items_out, registry = pseudonymise(pairs, language=language, reference_date=reference_date,
                                       registry=registry)
    assert registry is not None  # noqa: S101 (as_meeting always returns one)
    try:
        created = _store_items(session, reports, meeting, actor, items_out,
                               list(zip(titles, shown, strict=True)), language)
        for item in created:
            _mark(item, language, reason=reason, late=late, carried_from=carried_from)
        save_registry(session, meeting, registry)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return created


def _mark(item: AgendaItem, language: str, *, reason: str | None, late: bool,
          carried_from: AgendaItem | None) -> None:
    """An urgent or late item, and the item it carries over, as ``add_item`` marks them."""
    if reason is not None:
        item.is_urgent = True
        item.draft_decision = "\n".join(filter(None, (
            item.draft_decision, urgency_clause(pseudonymiser_language(language), reason))))
    item.is_added_after_convocation = late
    if carried_from is not None:
        item.carried_from_id = carried_from.id
        item.times_on_agenda = carried_from.times_on_agenda + 1


def _key_row(session: Session, meeting: Meeting) -> MeetingPseudonymKey | None:
    return session.scalar(
        select(MeetingPseudonymKey).where(MeetingPseudonymKey.meeting_id == meeting.id)
    )


def load_registry(session: Session, meeting: Meeting) -> Registry | None:
    """The meeting's pseudonym registry (decrypted), or None before its first report."""
    row = _key_row(session, meeting)
    return Registry.from_dict(decrypt_json(row.registry_encrypted)) if row else None


def save_registry(session: Session, meeting: Meeting, registry: Registry) -> None:
    """Stores the meeting's registry, encrypted (in the caller's transaction)."""
    row = _key_row(session, meeting)
    if row is None:
        session.add(MeetingPseudonymKey(meeting_id=meeting.id,
                                        registry_encrypted=encrypt_json(registry.to_dict())))
    else:
        row.registry_encrypted = encrypt_json(registry.to_dict())
        row.updated_at = utcnow()


def shown_reference(row: Dossier, dossier: ParsedDossier) -> str:
    """The dossier's reference as councillors read it in an item's title and decision: the
    centre's own, unless it carries a name of the dossier ("DUPONT/2026/17"), then an internal
    number ("INT-00042", the dossier's number in this application) that staff look up."""
    if reference_carries_name(dossier):
        return f"INT-{row.id:05d}"
    return dossier.reference


def _title(language: str, subject: str | None, dossier: ParsedDossier, reference: str) -> str:
    with force_locale(pseudonymiser_language(language)):
        subject = " ".join((subject or "").split()) or gettext("Individual social aid")
        title = gettext("%(subject)s — file %(reference)s", subject=subject,
                        reference=reference)
    if len(subject) > MAX_SUBJECT_CHARS:
        raise ReportError(
            gettext("The subject is too long (limit: %(size)d characters).", size=MAX_SUBJECT_CHARS)
        )
    if find_leaks(subject, [dossier]):
        raise ReportError(gettext("The subject must not name the person or give their details."))
    return title


def _store_items(
    session: Session,
    reports: Sequence[SocialReport],
    meeting: Meeting,
    actor: User,
    items_out: list[PseudonymisedItem],
    titles: list[tuple[str, str]],
    language: str,
) -> list[AgendaItem]:
    last = (
        session.scalar(
            select(func.max(AgendaItem.number)).where(AgendaItem.meeting_id == meeting.id)
        )
        or 0
    )
    created = []
    for number, (report, result, (title, reference)) in enumerate(
        zip(reports, items_out, titles, strict=True), start=last + 1
    ):
        report_day = report.submitted_at.astimezone(CENTRE_TIMEZONE).date()
        item = AgendaItem(
            meeting=meeting,
            number=number,
            kind=ItemKind.individual_aid,
            title=title,
            is_closed_session=True,
            status=ItemStatus.draft,
            summary=result.text,
            draft_decision=draft_decision(
                pseudonymiser_language(language),
                proposal=extract_proposal(result.text),
                reference=reference,
                report_date=report_day,
            ),
        )
        session.add(item)
        session.flush()
        session.add(
            ItemPseudonymisation(
                item_id=item.id,
                report_id=report.id,
                machine_text=result.text,
                undone=[],
                replacements_encrypted=encrypt_json(
                    {"replacements": [asdict(r) for r in result.replacements], "key": result.key}
                ),
            )
        )
        report.status = ReportStatus.scheduled
        report.item_id = item.id
        audit.record(
            session,
            "report_scheduled",
            actor=actor,
            object_type="agenda_item",
            object_id=item.id,
            report_id=report.id,
            meeting_id=meeting.id,
        )
        created.append(item)
    session.flush()
    return created
