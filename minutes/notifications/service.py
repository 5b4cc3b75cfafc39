"""Notification letters of individual-aid decisions (LO art. 62bis) and what is left to notify.

A letter names the applicant, so only the DG and the file's social worker make or read one;
each letter is generated from the decision's recorded terms and the dossier identity, stored
encrypted, and every generation and download goes to the audit log (never its content).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from flask_babel import gettext, lazy_gettext
from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session, joinedload

from agenda.pseudonymise.dossier import Dossier as DossierIdentity
from agenda.pseudonymise.dossier import parse_dossier
from agenda.reports import identity_on
from council import permissions
from council.clock import CENTRE_TIMEZONE, centre_today
from council.crypto import decrypt_bytes, decrypt_json, encrypt_bytes
from council.labels import TITLES
from council.models import (
    AgendaItem,
    AidTerms,
    Centre,
    Dossier,
    ItemKind,
    ItemStatus,
    Language,
    Meeting,
    Notification,
    NotificationMethod,
    PaymentFrequency,
    SocialReport,
    User,
)
from council.refusals import Denied, Refusal
from council.rules.notification import (
    LetterFacts,
    Mention,
    NotificationDue,
    missing_mentions,
    notification_due,
)
from council.services import audit
from council.typed_dates import check_typed_date
from minutes.pdf import render_pdf_template

#: languages a letter can be written in (the applicant's; DOMAIN.md: fr, nl, de)
LETTER_LANGUAGES = (Language.fr, Language.nl, Language.de)


class NotificationError(Refusal, ValueError):
    """A notification use case refused; the message says why, for the user."""


class NotAllowed(NotificationError):
    """Nothing to notify here for the actor: as if it did not exist."""

    status = 404


def _mention_titles() -> dict[Mention, str]:
    return {
        Mention.labour_court: gettext("the competent labour court (centre settings)"),
        Mention.labour_court_address: gettext("the labour court's address (centre settings)"),
        Mention.file_reference: gettext("the file reference"),
        Mention.contact: gettext("the social worker to contact"),
        Mention.applicant_address: gettext(
            "the applicant's postal address (street, number, postcode and municipality: "
            "correct the dossier identity)"),
        Mention.decision_date: gettext("the date of the decision"),
        Mention.aid: gettext("the aid decided"),
        Mention.reasons: gettext("the reasons of the decision"),
        Mention.amount: gettext("the amount"),
        Mention.calculation: gettext("how the amount is calculated"),
        Mention.frequency: gettext("how often it is paid"),
    }


@dataclass(frozen=True)
class Decision:
    """A decided individual-aid item with its dossier, as notification works with it."""

    item: AgendaItem
    report: SocialReport
    decided_on: date
    terms: AidTerms | None

    @property
    def dossier(self) -> Dossier:
        return self.report.dossier


@dataclass(frozen=True)
class PendingDecision:
    decision: Decision
    due: NotificationDue
    letters: int  # letters generated, none sent yet


def decided_on(meeting: Meeting) -> date:
    return meeting.sitting_day


DecisionRows = Select[tuple[AgendaItem, SocialReport, AidTerms]]


def _decision_query() -> DecisionRows:
    return (
        select(AgendaItem, SocialReport, AidTerms)
        .join(SocialReport, SocialReport.item_id == AgendaItem.id)
        .join(Dossier, Dossier.id == SocialReport.dossier_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .outerjoin(AidTerms, AidTerms.item_id == AgendaItem.id)
        .where(AgendaItem.kind == ItemKind.individual_aid,
               AgendaItem.status == ItemStatus.decided)
        .options(joinedload(AgendaItem.meeting).joinedload(Meeting.organ),
                 joinedload(SocialReport.dossier).joinedload(Dossier.social_worker))
    )


def _visible_to(query: DecisionRows, actor: User) -> DecisionRows:
    if permissions.is_dg(actor):
        return query
    return query.where(Dossier.social_worker_id == actor.id)


def load_decision(session: Session, item_id: int, *, actor: User) -> Decision:
    """The decision on ``item_id`` if ``actor`` may notify it; NotAllowed otherwise (the same
    answer for an item that does not exist, so that ids reveal nothing)."""
    row = session.execute(_decision_query().where(AgendaItem.id == item_id)).first()
    if row is None or not permissions.can_notify(actor, row.SocialReport.dossier):
        raise NotAllowed(gettext("There is no decision to notify here for you."))
    item, report, terms = row
    return Decision(item=item, report=report, decided_on=decided_on(item.meeting), terms=terms)


def decision_for(session: Session, item_id: int, *, actor: User) -> Decision:
    """The loader of a decision for the notification pages: ``Denied`` for roles without
    them, else ``load_decision``."""
    if not permissions.can_view_notifications(actor):
        raise Denied()
    return load_decision(session, item_id, actor=actor)


def awaiting_notification(session: Session, *, actor: User, today: date) -> list[PendingDecision]:
    """Decisions not notified yet (no letter recorded as sent), most urgent first; the DG sees
    the centre's, a social worker those of their files. Two queries whatever their number."""
    if not permissions.can_view_notifications(actor):
        raise NotAllowed(gettext("You may not see the decisions awaiting notification."))
    sent = exists().where(Notification.item_id == AgendaItem.id,
                          Notification.sent_at.is_not(None))
    rows = session.execute(_visible_to(_decision_query().where(~sent), actor)).all()
    generated: dict[int, int] = {}
    if rows:
        for item_id in session.scalars(select(Notification.item_id).where(
                Notification.item_id.in_([row.AgendaItem.id for row in rows]))):
            generated[item_id] = generated.get(item_id, 0) + 1
    pending = []
    for item, report, terms in rows:
        decision = Decision(item=item, report=report, decided_on=decided_on(item.meeting),
                            terms=terms)
        pending.append(PendingDecision(
            decision=decision,
            due=notification_due(decision.decided_on, max(today, decision.decided_on)),
            letters=generated.get(item.id, 0)))
    return sorted(pending, key=lambda p: (p.due.days_left, p.decision.item.id))


def letters_of(session: Session, decision: Decision) -> list[Notification]:
    return list(session.scalars(select(Notification)
                                .where(Notification.item_id == decision.item.id)
                                .order_by(Notification.id)))


@dataclass(frozen=True)
class TermsInput:
    is_granted: bool
    aid_label: str
    reasons: str | None
    legal_basis: str | None
    amount: object  # Decimal or None
    calculation: str | None
    frequency: PaymentFrequency | None
    starts_on: date | None
    ends_on: date | None


def set_terms(session: Session, item_id: int, terms: TermsInput, *, actor: User) -> AidTerms:
    """Records what the decision grants or refuses, as the letter will state it."""
    decision = load_decision(session, item_id, actor=actor)
    check_typed_date(terms.starts_on, lazy_gettext("The aid's first day"), NotificationError)
    check_typed_date(terms.ends_on, lazy_gettext("The aid's last day"), NotificationError)
    if terms.starts_on and terms.ends_on and terms.ends_on < terms.starts_on:
        raise NotificationError(gettext("The aid cannot end before it starts."))
    if terms.amount is not None and terms.amount <= 0:
        raise NotificationError(gettext("The amount must be more than zero."))
    row = decision.terms or AidTerms(item_id=item_id)
    for field in TermsInput.__dataclass_fields__:
        setattr(row, field, getattr(terms, field))
    row.updated_by_id = actor.id
    row.updated_at = datetime.now(UTC)
    session.add(row)
    audit.record(session, "aid_terms_set", actor=actor, object_type="agenda_item",
                 object_id=item_id)
    session.commit()
    return row


def postal_address(identity: DossierIdentity) -> str | None:
    """The applicant's address on one line when it is whole enough for a letter (street,
    number, postcode and municipality); None otherwise."""
    address = identity.address
    if address is None or not all((value or "").strip() for value in (
            address.street, address.number, address.postcode, address.city)):
        return None
    box = f" {address.box}" if (address.box or "").strip() else ""
    return f"{address.street} {address.number}{box}, {address.postcode} {address.city}"


def _identity(session: Session, decision: Decision) -> DossierIdentity:
    """The identity in force on the day of the decision (the caller audits any disclosure);
    when it has no whole postal address, the address of the current version, if whole: the
    social worker completed the dossier after the decision, so that the letter can go."""
    identity = parse_dossier(identity_on(session, decision.dossier, decision.decided_on))
    if postal_address(identity) is None:
        current = parse_dossier(decrypt_json(decision.dossier.identity_encrypted))
        if postal_address(current) is not None:
            identity = dataclasses.replace(identity, address=current.address)
    return identity


def _facts(centre: Centre, decision: Decision, identity: DossierIdentity) -> LetterFacts:
    terms = decision.terms
    worker = decision.dossier.social_worker
    return LetterFacts(
        labour_court=centre.labour_court_name,
        labour_court_address=centre.labour_court_address,
        file_reference=decision.dossier.reference,
        contact=worker.display_name if worker else None,
        applicant_address=postal_address(identity),
        decision_date=decision.decided_on,
        aid=terms.aid_label if terms else None,
        reasons=terms.reasons if terms else None,
        is_money=bool(terms and terms.is_granted and
                      (terms.amount is not None or terms.frequency is not None)),
        amount=terms.amount if terms else None,
        calculation=terms.calculation if terms else None,
        frequency=terms.frequency.value if terms and terms.frequency else None,
    )


def missing_for_letter(session: Session, decision: Decision) -> list[str]:
    """What the letter would lack, in words; a letter is produced only when this is empty."""
    centre = session.scalars(select(Centre)).one()
    titles = _mention_titles()
    facts = _facts(centre, decision, _identity(session, decision))
    return [titles[mention] for mention in missing_mentions(facts)]


def letter_language(dossier: Dossier) -> Language:
    return dossier.language if dossier.language in LETTER_LANGUAGES else Language.fr


def generate_letter(session: Session, item_id: int, *, actor: User,
                    today: date | None = None) -> Notification:
    """Writes the identified letter in the applicant's language and stores it, encrypted.
    Refused, with what is missing, when a mandatory mention cannot be filled in."""
    decision = load_decision(session, item_id, actor=actor)
    missing = missing_for_letter(session, decision)
    if missing:
        raise NotificationError(
            gettext("The letter would lack: %(missing)s.", missing=", ".join(missing)))
    centre = session.scalars(select(Centre)).one()
    identity = _identity(session, decision)
    language = letter_language(decision.dossier)
    pdf = render_pdf_template(
        "pdf/notification.html",
        language=language.value,
        centre=centre,
        decision=decision,
        terms=decision.terms,
        organ_title=TITLES[decision.item.meeting.organ.kind],
        identity=identity,
        social_worker=decision.dossier.social_worker,
        written_on=today or centre_today(),
        frequency_title=(TITLES[decision.terms.frequency]
                         if decision.terms and decision.terms.frequency else None),
    )
    letter = Notification(
        item_id=decision.item.id, dossier_id=decision.dossier.id, language=language,
        pdf_encrypted=encrypt_bytes(pdf), sha256=hashlib.sha256(pdf).hexdigest(),
        generated_by_id=actor.id)
    session.add(letter)
    session.flush()
    # the letter names the applicant: generating it is a re-identification
    audit.record(session, "notification_generated", actor=actor, object_type="notification",
                 object_id=letter.id, item_id=decision.item.id)
    session.commit()
    return letter


def _letter(session: Session, notification_id: int, actor: User) -> Notification:
    letter = session.get(Notification, notification_id)
    if letter is None or not permissions.can_notify(actor, letter.dossier):
        raise NotAllowed(gettext("There is no such letter for you."))
    return letter


def item_of_letter(session: Session, notification_id: int, *, actor: User) -> int:
    return _letter(session, notification_id, actor).item_id


def download_letter(session: Session, notification_id: int, *, actor: User) -> bytes:
    letter = _letter(session, notification_id, actor)
    audit.record(session, "notification_downloaded", actor=actor, object_type="notification",
                 object_id=letter.id)
    session.commit()
    return decrypt_bytes(letter.pdf_encrypted)


def record_sending(session: Session, notification_id: int, *, actor: User,
                   method: NotificationMethod, postal_reference: str | None,
                   sent_on: date) -> Notification:
    """Records that the letter left (registered mail) or was handed over against receipt."""
    letter = _letter(session, notification_id, actor)
    if letter.sent_at is not None:
        raise NotificationError(gettext("This letter is already recorded as sent."))
    decided = decided_on(letter.item.meeting)
    if sent_on < decided:
        raise NotificationError(gettext("A letter cannot be sent before the decision."))
    if sent_on > centre_today():
        raise NotificationError(gettext("The sending date cannot be in the future."))
    if method is NotificationMethod.registered_mail and not (postal_reference or "").strip():
        raise NotificationError(gettext("Give the registered letter's number."))
    sent_at = datetime.combine(sent_on, time(12), CENTRE_TIMEZONE).astimezone(UTC)
    letter.record_sending(actor, method, (postal_reference or "").strip() or None, sent_at)
    audit.record(session, "notification_sent", actor=actor, object_type="notification",
                 object_id=letter.id, method=method.value)
    session.commit()
    return letter
