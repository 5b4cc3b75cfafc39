"""Intake of social reports: parsing the identity, storing the reports (encrypted) with their
pseudonymised drafts, and the lists of reports a user or a meeting sees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext, lazy_gettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from agenda.proposals import find_proposal
from agenda.pseudonymise import (
    Dossier as ParsedDossier,
)
from agenda.pseudonymise import (
    DossierError,
    PseudonymisedItem,
    parse_dossier,
)
from agenda.reports.common import (
    PSEUDONYMISER_LANGUAGES,
    REPORT_ORGANS,
    NotAllowed,
    ReportError,
    pseudonymise,
)
from agenda.reports.dossiers import (
    ReferenceTaken,
    change_identity,
    check_size,
    new_dossier,
    owned_dossiers,
)
from agenda.reports.files import IntakeError, check_text
from council import permissions
from council.crypto import encrypt_bytes
from council.models import (
    AgendaItem,
    Centre,
    Dossier,
    Language,
    Meeting,
    OrganKind,
    ReportStatus,
    SocialReport,
    User,
)
from council.refusals import Denied, NotFound
from council.services import audit
from council.typed_dates import check_typed_date


@dataclass(frozen=True)
class Submission:
    """What a social worker sends: the dossier identity (JSON), the text, the organ."""

    dossier: Any
    text: str
    organ: OrganKind = OrganKind.csss
    source_format: str = "pasted"


@dataclass(frozen=True)
class SubmittedReport:
    report: SocialReport
    #: how many doubts (possible names left) the draft has, for the social worker's attention
    doubts: int


def parse_identity(data: Any) -> ParsedDossier:
    """The dossier, validated (its size first); IntakeError naming each bad field otherwise."""
    check_size(data)
    try:
        parsed = parse_dossier(data)
    except DossierError as error:
        raise IntakeError(
            gettext("The dossier is not valid: %(errors)s", errors="; ".join(error.errors))
        ) from None
    for person in parsed.persons:
        check_typed_date(person.birth_date, lazy_gettext("A date of birth"), IntakeError,
                         birth=True)
    return parsed


def submit_report(session: Session, submission: Submission, *, actor: User) -> SubmittedReport:
    """One report from a social worker (web form or API); see ``submit_reports``."""
    return submit_reports(session, [submission], actor=actor)[0]


def submit_reports(
    session: Session, submissions: Sequence[Submission], *, actor: User
) -> list[SubmittedReport]:
    """Stores reports with their dossiers, encrypted, and their pseudonymised drafts, in one
    transaction; a later report on the same dossier reference gives it a new identity version,
    when the dossier is the actor's (``ReferenceTaken`` otherwise). Every report is checked
    before anything is stored."""
    if not permissions.can_submit_report(actor):
        raise NotAllowed(gettext("Only social workers submit reports."))
    if not submissions:
        return []
    checked = []
    for submission in submissions:
        if submission.organ not in REPORT_ORGANS:
            raise IntakeError(gettext("This organ does not decide on social reports."))
        checked.append((check_text(submission.text), parse_identity(submission.dossier)))
    owned = owned_dossiers(session, (parsed.reference for _, parsed in checked), actor=actor)
    centre = _centre(session)
    drafts, _ = pseudonymise(
        checked, language=centre.language.value, reference_date=date.today(), as_meeting=False
    )
    try:
        results = _store_reports(session, submissions, checked, drafts, owned, actor, centre)
        session.commit()
    except IntegrityError:
        # a submission running at the same moment created one of these references
        session.rollback()
        owned_dossiers(session, (parsed.reference for _, parsed in checked), actor=actor)
        raise ReferenceTaken(gettext("This dossier was created by another submission at the "
                                     "same moment: send the report again.")) from None
    except Exception:
        session.rollback()
        raise
    return results


def _store_reports(
    session: Session,
    submissions: Sequence[Submission],
    checked: list[tuple[str, ParsedDossier]],
    drafts: list[PseudonymisedItem],
    dossiers: dict[str, Dossier],
    actor: User,
    centre: Centre,
) -> list[SubmittedReport]:
    results = []
    for submission, (text, parsed), draft in zip(submissions, checked, drafts, strict=True):
        language = _stored_language(parsed.language or centre.language.value)
        dossier = dossiers.get(parsed.reference)
        if dossier is None:
            dossier = dossiers[parsed.reference] = new_dossier(
                session, reference=parsed.reference, language=language,
                identity=submission.dossier, actor=actor)
        else:
            change_identity(session, dossier, submission.dossier, language=language,
                            actor=actor)
        report = SocialReport(
            dossier=dossier,
            submitted_by_id=actor.id,
            organ_kind=submission.organ,
            source_format=submission.source_format,
            original_encrypted=encrypt_bytes(text.encode("utf-8")),
            draft_text=draft.text,
            proposal=extract_proposal(draft.text),
            status=ReportStatus.submitted,
        )
        session.add(report)
        session.flush()
        audit.record(
            session,
            "report_submitted",
            actor=actor,
            object_type="social_report",
            object_id=report.id,
            format=submission.source_format,
            organ=submission.organ.value,
        )
        results.append(SubmittedReport(report=report, doubts=len(draft.doubts)))
    return results


def _stored_language(value: str) -> Language:
    return Language(value) if value in PSEUDONYMISER_LANGUAGES else Language.fr


def extract_proposal(text: str) -> str | None:
    """The report's proposal (``agenda.proposals``: a heading, a first-person sentence or an
    amount line, never a signature or contact line); the text is already pseudonymised."""
    found = find_proposal(text)
    return found.text if found else None


def report_for(session: Session, user: User, report_id: int) -> SocialReport:
    """The loader of a report's pseudonymised draft: ``Denied`` for every report to roles
    that read none; ``NotFound`` for no such report and for one ``permissions`` keeps from
    the user alike (existence is confidential)."""
    if not permissions.may_ever_view_reports(user):
        raise Denied()
    report = session.get(SocialReport, report_id)
    if report is None or not permissions.can_view_report(user, report):
        raise NotFound()
    return report


def reports_of(session: Session, user: User) -> list[SocialReport]:
    """The social worker's own reports, newest first, with their items (one query each)."""
    return list(
        session.scalars(
            select(SocialReport)
            .where(SocialReport.submitted_by_id == user.id)
            .options(
                selectinload(SocialReport.dossier),
                selectinload(SocialReport.item).selectinload(AgendaItem.meeting),
            )
            .order_by(SocialReport.submitted_at.desc(), SocialReport.id.desc())
        )
    )


def reports_by_reference(session: Session, user: User, reference: str) -> list[SocialReport]:
    """The reports of the dossier ``reference`` that ``user`` may read
    (``permissions.can_view_report``), newest first, with their items and meetings (the
    decisions); empty for anyone else, whether the dossier exists or not."""
    reference = " ".join(reference.split())
    if not reference or not permissions.may_ever_view_reports(user):
        return []
    rows = session.scalars(
        select(SocialReport).join(Dossier, Dossier.id == SocialReport.dossier_id)
        .where(Dossier.reference == reference)
        .options(selectinload(SocialReport.dossier),
                 selectinload(SocialReport.item).selectinload(AgendaItem.meeting)
                 .selectinload(Meeting.organ))
        .order_by(SocialReport.submitted_at.desc(), SocialReport.id.desc()))
    return [report for report in rows if permissions.can_view_report(user, report)]


def unscheduled_reports(session: Session, meeting: Meeting) -> list[SocialReport]:
    """Reports waiting for the meeting's organ, oldest first."""
    return list(
        session.scalars(
            select(SocialReport)
            .where(
                SocialReport.status == ReportStatus.submitted,
                SocialReport.organ_kind == meeting.organ.kind,
            )
            .options(selectinload(SocialReport.dossier), selectinload(SocialReport.submitted_by))
            .order_by(SocialReport.submitted_at, SocialReport.id)
        )
    )


def _centre(session: Session) -> Centre:
    centre = session.scalar(select(Centre).limit(1))
    if centre is None:
        raise ReportError(gettext("The centre is not set up yet."))
    return centre
