"""Social reports: intake, scheduling on a meeting, review of the pseudonymisation,
re-identification and the leak guard.

Identities (the dossier, the original text, the replacements with the words they replaced, the
meeting's pseudonym map) are stored only encrypted (``council.crypto``); what councillors read
(``AgendaItem.summary``) is the pseudonymised text. The pseudonymiser runs in one place,
``pseudonymise``: inline in the request for now (the French model is loaded once per process and
cached by ``agenda.pseudonymise``); a background worker can take that one function over later.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from flask import current_app
from flask_babel import gettext
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from agenda import pseudonymiser_service
from agenda.intake import IntakeError, check_text
from agenda.pseudonymise import (
    Dossier as ParsedDossier,
)
from agenda.pseudonymise import (
    DossierError,
    PseudonymisedItem,
    Pseudonymiser,
    Registry,
    Replacement,
    apply_replacements,
    find_doubts,
    find_leaks,
    parse_dossier,
)
from agenda.pseudonymise.text import fold, tokenize
from agenda.pseudonymise.thirdparty import third_party_ref
from council import permissions
from council.clock import CENTRE_TIMEZONE
from council.crypto import decrypt_bytes, decrypt_json, encrypt_bytes, encrypt_json
from council.models import (
    AgendaItem,
    Centre,
    Dossier,
    ItemKind,
    ItemPseudonymisation,
    ItemStatus,
    Language,
    Meeting,
    MeetingPseudonymKey,
    MeetingStatus,
    OrganKind,
    ReportStatus,
    SocialReport,
    User,
)
from council.models.base import utcnow
from council.services import audit, two_factor
from council.services.accounts import LoginThrottled

#: dossiers received or updated within this period are looked for in every item before convening
LEAK_LOOKBACK = timedelta(days=365)
PSEUDONYMISER_LANGUAGES = ("fr", "nl", "de")
MAX_SUBJECT_CHARS = 200
MAX_ADDED_CHARS = 120
MAX_REFERENCE_CHARS = 40  # Dossier.reference
_MASK = "[•••]"
_EXCERPT_CHARS = 60

#: organs that may be asked to decide on a report
REPORT_ORGANS = (OrganKind.csss, OrganKind.bureau, OrganKind.council)


class ReportError(ValueError):
    """A use case on reports that cannot be carried out; ``str(error)`` is for the user."""


class ServiceUnavailable(ReportError):
    """The pseudonymisation service did not answer; nothing was stored."""


class NotAllowed(ReportError):
    """The actor may not do this."""


class WrongPassword(ReportError):
    """Re-identification refused: the password given is not the user's."""


# --- the pseudonymiser, in one place ------------------------------------------------------------


def pseudonymise(
    pairs: Sequence[tuple[str, ParsedDossier]],
    *,
    language: str,
    reference_date: date,
    registry: Registry | None = None,
    as_meeting: bool = True,
) -> tuple[list[PseudonymisedItem], Registry | None]:
    """Runs the pseudonymiser (one batched pass of the model for all ``pairs``).

    ``as_meeting``: the items share letters, continuing ``registry``; otherwise each report is
    pseudonymised on its own (intake drafts) and no registry is returned. Inline for now; this
    is the one function that uses the model: with ``COUNCIL_PSEUDONYMISER_SOCKET`` set, the
    pseudonymisation service (``flask --app council pseudonymiser-service``) runs it, so that
    web workers never load the model."""
    socket_path = current_app.config["COUNCIL_PSEUDONYMISER_SOCKET"]
    if socket_path:
        try:
            return pseudonymiser_service.request(
                socket_path, pairs, language=_pseudonymiser_language(language),
                reference_date=reference_date, registry=registry, as_meeting=as_meeting)
        except pseudonymiser_service.ServiceError as error:
            current_app.logger.error("pseudonymisation service failed: %s", error)
            raise ServiceUnavailable(gettext(
                "The pseudonymisation service is not available; please try again later."
            )) from error
    pseudonymiser = Pseudonymiser(_pseudonymiser_language(language), reference_date)
    if not as_meeting:
        return pseudonymiser.pseudonymise_each(pairs), None
    result = pseudonymiser.pseudonymise_meeting(pairs, registry=registry)
    return result.items, result.registry


def _pseudonymiser_language(language: str) -> str:
    return language if language in PSEUDONYMISER_LANGUAGES else "fr"


def _centre(session: Session) -> Centre:
    centre = session.scalar(select(Centre).limit(1))
    if centre is None:
        raise ReportError(gettext("The centre is not set up yet."))
    return centre


# --- intake ---------------------------------------------------------------------------------------


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
    """The dossier, validated; IntakeError naming each bad field otherwise."""
    try:
        parsed = parse_dossier(data)
    except DossierError as error:
        raise IntakeError(
            gettext("The dossier is not valid: %(errors)s", errors="; ".join(error.errors))
        ) from None
    if len(parsed.reference) > MAX_REFERENCE_CHARS:
        raise IntakeError(gettext("The dossier is not valid: %(errors)s",
                                  errors=f"reference: longer than {MAX_REFERENCE_CHARS}"))
    return parsed


def submit_report(session: Session, submission: Submission, *, actor: User) -> SubmittedReport:
    """One report from a social worker (web form or API); see ``submit_reports``."""
    return submit_reports(session, [submission], actor=actor)[0]


def submit_reports(
    session: Session, submissions: Sequence[Submission], *, actor: User
) -> list[SubmittedReport]:
    """Stores reports with their dossiers, encrypted, and their pseudonymised drafts, in one
    transaction; a later report on the same dossier reference replaces its identity. Every
    report is checked before anything is stored."""
    if not permissions.can_submit_report(actor):
        raise NotAllowed(gettext("Only social workers submit reports."))
    if not submissions:
        return []
    checked = []
    for submission in submissions:
        if submission.organ not in REPORT_ORGANS:
            raise IntakeError(gettext("This organ does not decide on social reports."))
        checked.append((check_text(submission.text), parse_identity(submission.dossier)))
    centre = _centre(session)
    drafts, _ = pseudonymise(
        checked, language=centre.language.value, reference_date=date.today(), as_meeting=False
    )
    try:
        results = _store_reports(session, submissions, checked, drafts, actor, centre)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return results


def _store_reports(
    session: Session,
    submissions: Sequence[Submission],
    checked: list[tuple[str, ParsedDossier]],
    drafts: list[PseudonymisedItem],
    actor: User,
    centre: Centre,
) -> list[SubmittedReport]:
    references = {parsed.reference for _, parsed in checked}
    dossiers = {
        d.reference: d
        for d in session.scalars(select(Dossier).where(Dossier.reference.in_(references)))
    }
    results = []
    for submission, (text, parsed), draft in zip(submissions, checked, drafts, strict=True):
        language = _stored_language(parsed.language or centre.language.value)
        dossier = dossiers.get(parsed.reference)
        if dossier is None:
            dossier = Dossier(
                reference=parsed.reference,
                language=language,
                identity_encrypted=encrypt_json(submission.dossier),
                social_worker_id=actor.id,
            )
            session.add(dossier)
            dossiers[parsed.reference] = dossier
        else:
            dossier.identity_encrypted = encrypt_json(submission.dossier)
            dossier.language = language
            dossier.updated_at = utcnow()
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


_PROPOSAL_HEADING = re.compile(
    r"^[ \t]*(?:\d+[.)][ \t]*)?(?:proposition|proposal|voorstel|vorschlag|beschlussvorschlag)"
    r"\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)


def extract_proposal(text: str) -> str | None:
    """The report's proposal: what follows its last "Proposition / Voorstel / Vorschlag"
    heading (the text is already pseudonymised)."""
    headings = list(_PROPOSAL_HEADING.finditer(text))
    if not headings:
        return None
    heading = headings[-1]
    inline = heading.group().split(":", 1)[1].strip() if ":" in heading.group() else ""
    body = "\n".join(
        line.strip() for line in text[heading.end() :].strip().splitlines() if line.strip()
    )
    proposal = "\n".join(part for part in (inline, body) if part)
    return proposal or None


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


# --- scheduling on a meeting ----------------------------------------------------------------------

SUBJECT = {
    "fr": "Aide sociale individuelle",
    "nl": "Individuele maatschappelijke hulp",
    "de": "Individuelle Sozialhilfe",
}
FILE_WORD = {"fr": "dossier", "nl": "dossier", "de": "Akte"}
DRAFT_DECISION = {
    "fr": (
        "Vu la loi organique des CPAS du 8 juillet 1976 ;\n"
        "Vu la loi du 26 mai 2002 concernant le droit à l'intégration sociale ;\n"
        "Vu la loi du 29 juillet 1991 relative à la motivation formelle des actes "
        "administratifs ;\n"
        "Vu le rapport social du {date} relatif au dossier {reference} ;\n"
        "Considérant que la situation décrite dans le rapport social justifie l'aide "
        "proposée ;\n"
        "Décide : {proposal}"
    ),
    "nl": (
        "Gelet op de organieke wet van 8 juli 1976 betreffende de OCMW's;\n"
        "Gelet op de wet van 26 mei 2002 betreffende het recht op maatschappelijke "
        "integratie;\n"
        "Gelet op de wet van 29 juli 1991 betreffende de uitdrukkelijke motivering van de "
        "bestuurshandelingen;\n"
        "Gelet op het sociaal verslag van {date} over dossier {reference};\n"
        "Overwegende dat de in het sociaal verslag beschreven toestand de voorgestelde hulp "
        "verantwoordt;\n"
        "Beslist: {proposal}"
    ),
    "de": (
        "Aufgrund des Grundlagengesetzes vom 8. Juli 1976 über die ÖSHZ;\n"
        "Aufgrund des Gesetzes vom 26. Mai 2002 über das Recht auf soziale Eingliederung;\n"
        "Aufgrund des Gesetzes vom 29. Juli 1991 über die ausdrückliche Begründung der "
        "Verwaltungsakte;\n"
        "Aufgrund des Sozialberichts vom {date} zur Akte {reference};\n"
        "In Erwägung, dass die im Sozialbericht beschriebene Lage die vorgeschlagene Hilfe "
        "rechtfertigt;\n"
        "Beschließt: {proposal}"
    ),
}
PROPOSAL_MISSING = {
    "fr": "[proposition à compléter]",
    "nl": "[voorstel aan te vullen]",
    "de": "[Vorschlag zu ergänzen]",
}


def draft_decision(
    language: str, *, proposal: str | None, reference: str, report_date: date
) -> str:
    """The draft decision (Vu / Considérant / Décide) in the centre's language."""
    language = _pseudonymiser_language(language)
    return DRAFT_DECISION[language].format(
        date=report_date.strftime("%d/%m/%Y" if language != "de" else "%d.%m.%Y"),
        reference=reference,
        proposal=proposal or PROPOSAL_MISSING[language],
    )


def schedule_report(
    session: Session,
    report: SocialReport,
    meeting: Meeting,
    *,
    actor: User,
    subject: str | None = None,
) -> AgendaItem:
    """Puts a report on a meeting's agenda as an individual-aid item; see ``schedule_reports``."""
    return schedule_reports(
        session, [report], meeting, actor=actor, subjects=[subject] if subject else None
    )[0]


def schedule_reports(
    session: Session,
    reports: Sequence[SocialReport],
    meeting: Meeting,
    *,
    actor: User,
    subjects: Sequence[str | None] | None = None,
) -> list[AgendaItem]:
    """Re-pseudonymises the reports with the meeting's pseudonym registry (one batched pass;
    the same person keeps the same letter in every item of the meeting) and appends one closed
    individual-aid item per report, numbered after the existing items."""
    if not permissions.can_manage_meeting(actor, meeting):
        raise NotAllowed(gettext("Only the director-general and the secretariat prepare agendas."))
    if meeting.status not in (MeetingStatus.draft, MeetingStatus.convened):
        raise ReportError(gettext("The agenda of this meeting can no longer change."))
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
    titles = [
        _title(language, subject, dossier)
        for subject, dossier in zip(subjects, parsed, strict=True)
    ]
    originals = [decrypt_bytes(r.original_encrypted).decode("utf-8") for r in reports]
    registry = load_registry(session, meeting)
    items_out, registry = pseudonymise(
        list(zip(originals, parsed, strict=True)),
        language=language,
        reference_date=meeting.starts_at.astimezone(CENTRE_TIMEZONE).date(),
        registry=registry,
    )
    assert registry is not None  # noqa: S101 (as_meeting always returns one)
    try:
        created = _store_items(session, reports, meeting, actor, items_out, titles, language)
        save_registry(session, meeting, registry)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return created


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


def _title(language: str, subject: str | None, dossier: ParsedDossier) -> str:
    language = _pseudonymiser_language(language)
    subject = " ".join((subject or "").split()) or SUBJECT[language]
    if len(subject) > MAX_SUBJECT_CHARS:
        raise ReportError(
            gettext("The subject is too long (limit: %(size)d characters).", size=MAX_SUBJECT_CHARS)
        )
    if find_leaks(subject, [dossier]):
        raise ReportError(gettext("The subject must not name the person or give their details."))
    return f"{subject} — {FILE_WORD[language]} {dossier.reference}"


def _store_items(
    session: Session,
    reports: Sequence[SocialReport],
    meeting: Meeting,
    actor: User,
    items_out: list[PseudonymisedItem],
    titles: list[str],
    language: str,
) -> list[AgendaItem]:
    last = (
        session.scalar(
            select(func.max(AgendaItem.number)).where(AgendaItem.meeting_id == meeting.id)
        )
        or 0
    )
    created = []
    for number, (report, result, title) in enumerate(
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
                language,
                proposal=extract_proposal(result.text),
                reference=report.dossier.reference,
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


# --- review ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A piece of the reviewed text: plain, a replacement (``index``: machine replacements by
    number, reviewer's additions as "a0", "a1"…), or an undone replacement."""

    text: str
    kind: str = "plain"  # plain, replacement, added, undone
    category: str = ""
    index: str = ""


@dataclass(frozen=True)
class Addition:
    text: str
    replacement: str
    category: str


@dataclass
class ReviewState:
    item: AgendaItem
    pseudonymisation: ItemPseudonymisation
    segments: list[Segment]
    #: every machine replacement, in order, for the undo/restore buttons
    replacements: list[Segment]
    additions: list[Addition]
    doubts: list[Any]
    leaks: list[LeakHit] = field(default_factory=list)


@dataclass
class _Loaded:
    row: ItemPseudonymisation
    original: str
    machine: list[Replacement]
    key: dict[str, Any]
    added: list[dict[str, Any]]
    dossier: ParsedDossier


def pseudonymisation_of(session: Session, item: AgendaItem) -> ItemPseudonymisation | None:
    return session.scalar(
        select(ItemPseudonymisation)
        .where(ItemPseudonymisation.item_id == item.id)
        .options(selectinload(ItemPseudonymisation.report).selectinload(SocialReport.dossier))
    )


def _load(session: Session, item: AgendaItem) -> _Loaded:
    row = pseudonymisation_of(session, item)
    if row is None:
        raise ReportError(gettext("This item was not built from a social report."))
    stored = decrypt_json(row.replacements_encrypted)
    return _Loaded(
        row=row,
        original=decrypt_bytes(row.report.original_encrypted).decode("utf-8"),
        machine=[Replacement(**r) for r in stored["replacements"]],
        key=stored.get("key", {}),
        added=decrypt_json(row.added_encrypted) if row.added_encrypted else [],
        dossier=parse_dossier(decrypt_json(row.report.dossier.identity_encrypted)),
    )


def _added_replacements(
    original: str, kept: Sequence[Replacement], added: Sequence[dict[str, Any]]
) -> list[tuple[int, Replacement]]:
    """Every occurrence of each added word (any case, any accents, whole words) outside the
    kept machine replacements, with the number of the addition it comes from."""
    folded = fold(original)
    taken = [(r.start, r.end) for r in kept]
    found = []
    for number, entry in enumerate(added):
        pattern = re.compile(rf"(?<!\w){re.escape(fold(entry['text']))}(?!\w)")
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append(
                (
                    number,
                    Replacement(
                        start,
                        end,
                        original[start:end],
                        entry["replacement"],
                        entry["category"],
                        "reviewer",
                    ),
                )
            )
    return found


def _kept(loaded: _Loaded) -> list[Replacement]:
    undone = set(loaded.row.undone)
    return [r for i, r in enumerate(loaded.machine) if i not in undone]


def _recompute(session: Session, loaded: _Loaded, *, actor: User, action: str) -> None:
    """item.summary from the original and the kept and added replacements; any change reopens
    the review; audited without the words."""
    kept = _kept(loaded)
    added = [r for _, r in _added_replacements(loaded.original, kept, loaded.added)]
    item = loaded.row.item
    item.summary = apply_replacements(loaded.original, kept + added)
    if loaded.row.is_reviewed:
        loaded.row.reviewed_at = None
        loaded.row.reviewed_by_id = None
    audit.record(session, action, actor=actor, object_type="agenda_item", object_id=item.id)
    session.commit()


def _require_review(actor: User, item: AgendaItem) -> None:
    if not permissions.can_review_item(actor, item):
        raise NotAllowed(
            gettext("Only the director-general and the secretariat review pseudonymisations.")
        )


def review_state(session: Session, item: AgendaItem, *, actor: User) -> ReviewState:
    """What the review page shows: the text in segments with every replacement marked, the
    reviewer's additions, the doubts and the leak guard's hits for this item."""
    _require_review(actor, item)
    loaded = _load(session, item)
    undone = set(loaded.row.undone)
    kept = _kept(loaded)
    added = _added_replacements(loaded.original, kept, loaded.added)
    marks: list[tuple[Replacement, str, str]] = [
        (r, "replacement", str(i)) for i, r in enumerate(loaded.machine) if i not in undone
    ]
    marks += [(r, "added", f"a{number}") for number, r in added]
    applied = [(r.start, r.end) for r, _, _ in marks]
    # an undone replacement shows its original word, unless an addition now covers part of it
    marks += [
        (r, "undone", str(i))
        for i, r in enumerate(loaded.machine)
        if i in undone and not any(s < r.end and r.start < e for s, e in applied)
    ]
    segments, position, spans = [], 0, []
    out_length = 0
    for replacement, kind, index in sorted(marks, key=lambda m: m[0].start):
        plain = loaded.original[position : replacement.start]
        if plain:
            segments.append(Segment(plain))
            out_length += len(plain)
        shown = replacement.original if kind == "undone" else replacement.replacement
        segments.append(Segment(shown, kind, replacement.category, index))
        if kind != "undone":
            spans.append((out_length, out_length + len(shown)))
        out_length += len(shown)
        position = replacement.end
    if loaded.original[position:]:
        segments.append(Segment(loaded.original[position:]))
    # The municipality stays in pseudonymised text by design: it is no doubt.
    places = {fold(place) for place in (
        session.scalar(select(Centre.municipality)),
        loaded.dossier.address.city if loaded.dossier.address else None,
    ) if place}
    doubts = [
        doubt for doubt in find_doubts(
            item.summary or "",
            ignore=spans,
            known_names=[p.full_name for p in loaded.dossier.persons],
            language=loaded.dossier.language or "fr",
        )
        if fold(doubt.text) not in places
    ]
    additions = [Addition(a["text"], a["replacement"], a["category"]) for a in loaded.added]
    leaks = [hit for hit in scan_leaks(session, item.meeting) if hit.item_id == item.id]
    audit.record(session, "item_review_read", actor=actor, object_type="agenda_item",
                 object_id=item.id)
    session.commit()
    listed = [
        Segment(r.replacement, "undone" if i in undone else "replacement", r.category, str(i))
        for i, r in enumerate(loaded.machine)
    ]
    return ReviewState(item, loaded.row, segments, listed, additions, doubts, leaks)


def toggle_replacement(session: Session, item: AgendaItem, index: int, *, actor: User) -> None:
    """Undoes a machine replacement (the original word comes back), or restores it."""
    _require_review(actor, item)
    loaded = _load(session, item)
    if not 0 <= index < len(loaded.machine):
        raise ReportError(gettext("No such replacement."))
    undone = set(loaded.row.undone)
    undone.symmetric_difference_update({index})
    loaded.row.undone = sorted(undone)
    _recompute(session, loaded, actor=actor, action="pseudonymisation_changed")


REVIEW_CATEGORIES = ("name", "other")
_OTHER_PLACEHOLDER = {
    "fr": "[donnée masquée]",
    "nl": "[gemaskeerd gegeven]",
    "de": "[verdecktes Datum]",
}


def add_replacement(
    session: Session, item: AgendaItem, text: str, *, actor: User, category: str = "name"
) -> None:
    """Replaces a word or name the machine left, everywhere in the item: a name gets a letter
    of the meeting's registry (kept in the meeting key), anything else a placeholder."""
    _require_review(actor, item)
    if category not in REVIEW_CATEGORIES:
        raise ReportError(gettext("Choose what the text is: a name or another detail."))
    text = " ".join(text.split())
    if not text or len(text) > MAX_ADDED_CHARS or not re.search(r"\w", text):
        raise ReportError(
            gettext(
                "Give the word or name to replace (at most %(size)d characters).",
                size=MAX_ADDED_CHARS,
            )
        )
    loaded = _load(session, item)
    if any(fold(a["text"]) == fold(text) for a in loaded.added):
        raise ReportError(gettext("This text is already replaced."))
    probe = [{"text": text, "replacement": "", "category": category}]
    if not _added_replacements(loaded.original, _kept(loaded), probe):
        raise ReportError(gettext("This text does not appear in the report as it stands."))
    language = _pseudonymiser_language(
        loaded.dossier.language or item.meeting.organ.centre.language.value
    )
    replacement = _OTHER_PLACEHOLDER[language]
    if category == "name":
        replacement = _letter_for(session, item.meeting, text)
    loaded.added = [*loaded.added, {"text": text, "replacement": replacement, "category": category}]
    loaded.row.added_encrypted = encrypt_json(loaded.added)
    _recompute(session, loaded, actor=actor, action="pseudonymisation_changed")


def _letter_for(session: Session, meeting: Meeting, name: str) -> str:
    """The meeting registry's letter for a name a reviewer added (a new letter, or the one of
    the same third party elsewhere in the meeting); the registry is saved, encrypted."""
    registry = load_registry(session, meeting) or Registry()
    tokens = tokenize(name)
    key = registry.canonical(third_party_ref(name, tokens)) if tokens else None
    if key is None:
        raise ReportError(
            gettext(
                "Give the word or name to replace (at most %(size)d characters).",
                size=MAX_ADDED_CHARS,
            )
        )
    letter = f"{registry.entry(key).letter}."
    save_registry(session, meeting, registry)
    return letter


def remove_addition(session: Session, item: AgendaItem, index: int, *, actor: User) -> None:
    """Takes back a replacement the reviewer added."""
    _require_review(actor, item)
    loaded = _load(session, item)
    if not 0 <= index < len(loaded.added):
        raise ReportError(gettext("No such replacement."))
    loaded.added = [a for i, a in enumerate(loaded.added) if i != index]
    loaded.row.added_encrypted = encrypt_json(loaded.added) if loaded.added else None
    _recompute(session, loaded, actor=actor, action="pseudonymisation_changed")


def approve_pseudonymisation(session: Session, item: AgendaItem, *, actor: User) -> None:
    """Approves the reviewed text: councillors may read it from now on. Refused while the leak
    guard still finds a known identity in it."""
    approve_pseudonymisations(session, item.meeting, [item], actor=actor)


def approve_pseudonymisations(
    session: Session, meeting: Meeting, items: Sequence[AgendaItem], *, actor: User
) -> None:
    """Approves several items of one meeting at once (one leak scan); refused, for all of
    them, while the leak guard finds a known identity in any."""
    for item in items:
        _require_review(actor, item)
    rows = {
        row.item_id: row
        for row in session.scalars(
            select(ItemPseudonymisation).where(
                ItemPseudonymisation.item_id.in_([item.id for item in items])
            )
        )
    }
    if len(rows) != len(items):
        raise ReportError(gettext("This item was not built from a social report."))
    wanted = set(rows)
    if any(
        hit.item_id in wanted and hit.category != "not_reviewed"
        for hit in check_leaks(session, meeting)
    ):
        raise ReportError(
            gettext("The text still shows a known identity: replace it before approving.")
        )
    for item in items:
        rows[item.id].approve(actor)
        if item.status is ItemStatus.draft:
            item.status = ItemStatus.ready
        audit.record(
            session,
            "pseudonymisation_approved",
            actor=actor,
            object_type="agenda_item",
            object_id=item.id,
        )
    session.commit()


# --- re-identification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """Who is behind an item's pseudonyms: for the DG or the file's social worker only."""

    reference: str
    key: dict[str, dict[str, str]]
    original: str


def report_of_item(session: Session, item: AgendaItem) -> SocialReport | None:
    return session.scalar(
        select(SocialReport)
        .where(SocialReport.item_id == item.id)
        .options(selectinload(SocialReport.dossier))
    )


def reidentify(session: Session, item: AgendaItem, *, actor: User, password: str,
               otp: str | None = None, address: str = "") -> Identity:
    """The identity behind an item, after the user re-authenticates (password, and a one-time
    code when they have two-factor authentication; throttled like a login); every attempt,
    granted or failed, is written to the audit log."""
    report = report_of_item(session, item)
    if report is None or not permissions.can_reidentify(actor, report):
        raise NotAllowed(gettext("You may not see the identity behind this item."))
    try:
        confirmed = two_factor.confirm_identity(session, actor, password=password, code=otp,
                                                address=address, purpose="reidentification")
    except LoginThrottled as throttled:
        raise WrongPassword(gettext("Too many attempts; please wait a moment.")) from throttled
    if not confirmed:
        audit.record(
            session,
            "reidentification_failed",
            actor=actor,
            object_type="agenda_item",
            object_id=item.id,
        )
        session.commit()
        raise WrongPassword(gettext("Wrong password or code: the identity stays hidden."))
    loaded = _load(session, item)
    key = dict(loaded.key)
    for added in loaded.added:
        if added["category"] == "name":
            key[added["replacement"]] = {"name": added["text"], "relation": "reviewer"}
    audit.record(
        session,
        "reidentification",
        actor=actor,
        object_type="agenda_item",
        object_id=item.id,
        meeting_id=item.meeting_id,
    )
    session.commit()
    return Identity(reference=report.dossier.reference, key=key, original=loaded.original)


# --- the leak guard ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LeakHit:
    """Something that blocks the convocation: a known identity value in an item's text, or an
    item whose pseudonymisation is not reviewed yet. ``where`` is an excerpt of the item's text
    around the hit with the leaked values masked; ``reference`` the dossier whose value leaked."""

    item_id: int
    item_number: int
    category: str  # name, niss, iban, phone, email, address, birth_date, or not_reviewed
    where: str
    reference: str | None = None
    certain: bool = True


def check_leaks(session: Session, meeting: Meeting) -> list[LeakHit]:
    """What blocks convening ``meeting``: every certain leak of a known identity (dossiers on
    the meeting and the centre's dossiers of the last 12 months) in any item's text, and every
    item built from a report whose pseudonymisation is not reviewed. Empty: may convene."""
    return [hit for hit in scan_leaks(session, meeting) if hit.certain]


def scan_leaks(session: Session, meeting: Meeting) -> list[LeakHit]:
    """``check_leaks`` with the uncertain hits too (a name that is also an ordinary word, in
    lower case), for the reviewer to look at. A fixed number of queries whatever the number of
    items; each dossier is decrypted once."""
    items = list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id)
            .order_by(AgendaItem.number)
        )
    )
    rows = {
        row.item_id: row
        for row in session.scalars(
            select(ItemPseudonymisation)
            .join(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id)
            .options(selectinload(ItemPseudonymisation.report))
        )
    }
    since = utcnow() - LEAK_LOOKBACK
    on_meeting = {row.report.dossier_id for row in rows.values()}
    dossier_rows = session.scalars(
        select(Dossier).where(
            or_(
                Dossier.id.in_(on_meeting), Dossier.created_at >= since, Dossier.updated_at >= since
            )
        )
    ).all()
    dossiers = [parse_dossier(decrypt_json(row.identity_encrypted)) for row in dossier_rows]
    hits: list[LeakHit] = []
    for item in items:
        row = rows.get(item.id)
        if row is not None and not row.is_reviewed:
            hits.append(LeakHit(item.id, item.number, "not_reviewed", ""))
        text = item.summary or ""
        if not text or not dossiers:
            continue
        leaks = find_leaks(text, dossiers)
        spans = [(leak.start, leak.end) for leak in leaks]
        hits += [
            LeakHit(
                item.id,
                item.number,
                leak.category,
                _masked_excerpt(text, leak.start, leak.end, spans),
                leak.reference,
                leak.certain,
            )
            for leak in leaks
        ]
    return hits


def _masked_excerpt(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """The text around [start, end) with every leaked span in it masked."""
    low, high = max(0, start - _EXCERPT_CHARS), min(len(text), end + _EXCERPT_CHARS)
    for s, e in spans:  # never cut a leaked value in half at the edges
        if s < low < e:
            low = s
        if s < high < e:
            high = e
    parts, position = [], low
    for s, e in sorted(spans):
        if e <= low or s >= high or s < position:
            continue
        parts += [text[position:s], _MASK]
        position = e
    parts.append(text[position:high])
    excerpt = " ".join("".join(parts).split())
    return ("…" if low > 0 else "") + excerpt + ("…" if high < len(text) else "")
