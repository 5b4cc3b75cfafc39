"""Notification letters of individual-aid decisions (LO art. 62bis; DOMAIN.md "Individual aid
decisions"): the letter's mandatory mentions, its language, who may make and read it, the
8-day dashboard and the recording of the sending."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from flask_babel import force_locale
from pdfminer.high_level import extract_text
from sqlalchemy import func, select
from support import user_named

from agenda.pseudonymise.dossier import parse_dossier
from agenda.reports.correction import correct_identity
from council.crypto import decrypt_json, encrypt_json
from council.models import (
    AgendaItem,
    AuditEntry,
    Centre,
    DossierIdentity,
    ItemKind,
    ItemStatus,
    Language,
    MeetingStatus,
    Notification,
    NotificationMethod,
    PaymentFrequency,
    Role,
    SocialReport,
    User,
)
from council.security import hash_password
from minutes.notifications import service as notifications
from minutes.notifications.service import NotAllowed, NotificationError, TermsInput

MONTHLY_RI = TermsInput(
    is_granted=True,
    aid_label="revenu d'intégration, catégorie 2",
    reasons="Les ressources du ménage sont inférieures au revenu d'intégration.",
    legal_basis="loi du 26 mai 2002, art. 14",
    amount=Decimal("1314.20"),
    calculation="Taux isolé, sans ressources à déduire.",
    frequency=PaymentFrequency.monthly,
    starts_on=date(2026, 11, 1),
    ends_on=None,
)


def _pdf_text(pdf: bytes) -> str:
    return " ".join(extract_text(BytesIO(pdf)).split())


@pytest.fixture(autouse=True)
def _english(app, session):
    """Service messages in English (a PDF still follows its own language)."""
    with app.test_request_context(), force_locale("en"):
        yield


@pytest.fixture
def decided(session, demo) -> list[AgendaItem]:
    """The demo CSSS meeting, held three days ago and closed: its individual-aid items are
    decided."""
    items = list(session.scalars(select(AgendaItem).where(
        AgendaItem.meeting_id == demo.csss_meeting_id,
        AgendaItem.kind == ItemKind.individual_aid).order_by(AgendaItem.number)))
    items[0].meeting.status = MeetingStatus.closed
    items[0].meeting.starts_at = datetime.now(UTC) - timedelta(days=3)
    for item in items:
        item.status = ItemStatus.decided
    session.flush()
    return items


@pytest.fixture
def dg(session) -> User:
    return user_named(session, "dg")


def _decided_on(item: AgendaItem) -> date:
    return notifications.decided_on(item.meeting)


def _of_meeting(pending, meeting_id):
    return [p for p in pending if p.decision.item.meeting_id == meeting_id]


def test_dashboard_lists_decided_aid_not_yet_notified_most_urgent_first(session, decided, dg):
    today = _decided_on(decided[0]) + timedelta(days=3)
    pending = notifications.awaiting_notification(session, actor=dg, today=today)
    ours = _of_meeting(pending, decided[0].meeting_id)
    assert [p.decision.item.id for p in ours] == [item.id for item in decided]
    assert all(p.due.days_left == 5 and not p.due.is_overdue for p in ours)
    # the demo's earlier decisions are more urgent: they come first
    days_left = [p.due.days_left for p in pending]
    assert days_left == sorted(days_left) and len(pending) > len(ours)


def test_dashboard_flags_overdue_decisions(session, decided, dg):
    late = _decided_on(decided[0]) + timedelta(days=9)
    pending = notifications.awaiting_notification(session, actor=dg, today=late)
    ours = _of_meeting(pending, decided[0].meeting_id)
    assert ours and all(p.due.is_overdue and p.due.days_left == -1 for p in ours)


def test_undecided_items_are_not_listed(session, demo, dg):
    pending = notifications.awaiting_notification(session, actor=dg, today=date(2027, 1, 1))
    assert _of_meeting(pending, demo.csss_meeting_id) == []


def test_social_worker_sees_only_own_files(session, decided):
    other = User(username="sw2", password_hash=hash_password("x" * 12),
                 role=Role.social_worker, display_name="Other Worker")
    session.add(other)
    session.flush()
    report = session.scalar(select(SocialReport).where(SocialReport.item_id == decided[0].id))
    report.dossier.social_worker_id = other.id
    session.flush()
    today = _decided_on(decided[0])
    own = notifications.awaiting_notification(
        session, actor=user_named(session, "socialworker"), today=today)
    assert decided[0].id not in {p.decision.item.id for p in own}
    assert [p.decision.item.id for p in notifications.awaiting_notification(
        session, actor=other, today=today)] == [decided[0].id]
    with pytest.raises(NotAllowed):
        notifications.generate_letter(session, decided[0].id,
                                      actor=user_named(session, "socialworker"))


@pytest.mark.parametrize("username", ["secretariat", "president", "councillor1", "admin"])
def test_only_dg_and_social_worker_may_notify(session, decided, username):
    user = user_named(session, username)
    with pytest.raises(NotAllowed):
        notifications.awaiting_notification(session, actor=user, today=date(2027, 1, 1))
    with pytest.raises(NotAllowed):
        notifications.load_decision(session, decided[0].id, actor=user)


def test_letter_refused_while_a_mention_is_missing(session, decided, dg):
    with pytest.raises(NotificationError) as refused:
        notifications.generate_letter(session, decided[0].id, actor=dg)
    assert "the aid decided" in str(refused.value)
    assert "the reasons of the decision" in str(refused.value)
    assert session.scalar(select(func.count()).select_from(Notification)) == 0


def test_letter_refused_without_the_labour_court(session, decided, dg):
    notifications.set_terms(session, decided[0].id, MONTHLY_RI, actor=dg)
    session.scalars(select(Centre)).one().labour_court_address = None
    with pytest.raises(NotificationError) as refused:
        notifications.generate_letter(session, decided[0].id, actor=dg)
    assert "labour court's address" in str(refused.value)


def test_money_terms_need_amount_calculation_and_frequency(session, decided, dg):
    half = TermsInput(**{**MONTHLY_RI.__dict__, "calculation": None, "frequency": None})
    notifications.set_terms(session, decided[0].id, half, actor=dg)
    with pytest.raises(NotificationError) as refused:
        notifications.generate_letter(session, decided[0].id, actor=dg)
    assert "how the amount is calculated" in str(refused.value)
    assert "how often it is paid" in str(refused.value)


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        (TermsInput(**{**MONTHLY_RI.__dict__, "ends_on": date(2026, 10, 1)}), "end before"),
        (TermsInput(**{**MONTHLY_RI.__dict__, "amount": Decimal("-5")}), "more than zero"),
    ],
)
def test_bad_terms_refused(session, decided, dg, terms, message):
    with pytest.raises(NotificationError, match=message):
        notifications.set_terms(session, decided[0].id, terms, actor=dg)


def test_letter_has_every_mandatory_mention_in_french(session, decided, dg):
    item = decided[0]
    notifications.set_terms(session, item.id, MONTHLY_RI, actor=dg)
    letter = notifications.generate_letter(session, item.id, actor=dg)
    report = session.scalar(select(SocialReport).where(SocialReport.item_id == item.id))
    identity = parse_dossier(decrypt_json(report.dossier.identity_encrypted))
    text = _pdf_text(notifications.download_letter(session, letter.id, actor=dg))
    centre = session.scalars(select(Centre)).one()
    for expected in (
        identity.applicant.full_name,  # identified: it goes to the applicant
        centre.labour_court_name, centre.labour_court_address,
        "trois mois", "728", "1017", "n'est pas suspensif",
        report.dossier.reference, "Claire Delvaux",
        "1 314,20 €", "chaque mois", "Taux isolé", "revenu d'intégration, catégorie 2",
        "loi du 26 mai 2002",
    ):
        assert expected in text, expected
    assert letter.language is Language.fr
    # stored encrypted: the applicant's name is not in the row
    assert identity.applicant.last_name.encode() not in letter.pdf_encrypted


def test_letter_is_in_the_applicants_language(session, decided, dg):
    item = decided[0]
    report = session.scalar(select(SocialReport).where(SocialReport.item_id == item.id))
    report.dossier.language = Language.nl
    notifications.set_terms(session, item.id, MONTHLY_RI, actor=dg)
    letter = notifications.generate_letter(session, item.id, actor=dg)
    text = _pdf_text(notifications.download_letter(session, letter.id, actor=dg))
    assert letter.language is Language.nl
    assert "drie maanden" in text and "niet opschortend" in text
    assert "trois mois" not in text


def test_refusal_letter_states_the_refusal_without_money_terms(session, decided, dg):
    refusal = TermsInput(is_granted=False, aid_label="aide financière pour un loyer",
                         reasons="Le loyer est couvert par les revenus du ménage.",
                         legal_basis=None, amount=None, calculation=None, frequency=None,
                         starts_on=None, ends_on=None)
    notifications.set_terms(session, decided[1].id, refusal, actor=dg)
    letter = notifications.generate_letter(session, decided[1].id, actor=dg)
    text = _pdf_text(notifications.download_letter(session, letter.id, actor=dg))
    assert "refuser votre demande" in text
    assert "trois mois" in text


def test_generation_and_download_are_audited_without_content(session, decided, dg):
    notifications.set_terms(session, decided[0].id, MONTHLY_RI, actor=dg)
    letter = notifications.generate_letter(session, decided[0].id, actor=dg)
    notifications.download_letter(session, letter.id, actor=dg)
    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.object_type == "notification")).all()
    assert [e.action for e in entries] == ["notification_generated", "notification_downloaded"]
    report = session.scalar(select(SocialReport).where(SocialReport.item_id == decided[0].id))
    last_name = parse_dossier(decrypt_json(report.dossier.identity_encrypted)).applicant.last_name
    assert all(last_name not in str(e.details) for e in entries)


def test_recording_the_sending_takes_the_decision_off_the_dashboard(session, decided, dg):
    item = decided[0]
    notifications.set_terms(session, item.id, MONTHLY_RI, actor=dg)
    letter = notifications.generate_letter(session, item.id, actor=dg)
    sent_on = min(_decided_on(item) + timedelta(days=2), date.today())
    notifications.record_sending(session, letter.id, actor=dg,
                                 method=NotificationMethod.registered_mail,
                                 postal_reference="RR123456789BE", sent_on=sent_on)
    pending = notifications.awaiting_notification(session, actor=dg, today=sent_on)
    assert item.id not in {p.decision.item.id for p in pending}
    with pytest.raises(NotificationError, match="already"):
        notifications.record_sending(session, letter.id, actor=dg,
                                     method=NotificationMethod.against_receipt,
                                     postal_reference=None, sent_on=sent_on)


@pytest.mark.parametrize(
    ("method", "reference", "shift", "message"),
    [
        (NotificationMethod.registered_mail, "", 0, "registered letter's number"),
        (NotificationMethod.against_receipt, None, -1, "before the decision"),
        (NotificationMethod.against_receipt, None, 400, "future"),
    ],
)
def test_bad_sending_refused_and_nothing_recorded(session, decided, dg, method, reference,
                                                  shift, message):
    item = decided[0]
    notifications.set_terms(session, item.id, MONTHLY_RI, actor=dg)
    letter = notifications.generate_letter(session, item.id, actor=dg)
    on = (_decided_on(item) if shift <= 0 else date.today()) + timedelta(days=shift)
    with pytest.raises(NotificationError, match=message):
        notifications.record_sending(session, letter.id, actor=dg, method=method,
                                     postal_reference=reference, sent_on=on)
    session.refresh(letter)
    assert letter.sent_at is None


def test_dashboard_queries_do_not_grow_with_decisions(session, decided, dg, count_queries):
    today = _decided_on(decided[0])
    counter = count_queries()
    notifications.awaiting_notification(session, actor=dg, today=today)
    with_all = counter.count
    for item in decided[1:]:
        item.status = ItemStatus.ready
    session.flush()
    counter = count_queries()
    pending = notifications.awaiting_notification(session, actor=dg, today=today)
    assert len(_of_meeting(pending, decided[0].meeting_id)) == 1
    assert counter.count == with_all


# --- pages ------------------------------------------------------------------------------------


def test_dashboard_page_flags_overdue(client, auth, session, decided):
    for item in decided:
        item.meeting.starts_at -= timedelta(days=40)
    session.flush()
    auth.login("dg")
    auth.use_language("en")
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Overdue by" in page
    assert f"/notifications/items/{decided[0].id}" in page


def test_pages_set_terms_generate_download_and_record(client, auth, session, decided):
    item = decided[0]
    auth.login("socialworker")
    auth.use_language("en")
    page = client.get(f"/notifications/items/{item.id}").get_data(as_text=True)
    assert "it would lack" in page
    response = client.post(f"/notifications/items/{item.id}", data={
        "is_granted": "y", "aid_label": "revenu d'intégration", "reasons": "Sans ressources.",
        "amount": "1314.20", "frequency": "monthly", "calculation": "Taux isolé.",
    })
    assert response.status_code == 302
    assert client.post(f"/notifications/items/{item.id}/letters").status_code == 302
    letter = session.scalars(select(Notification).where(Notification.item_id == item.id)).one()
    download = client.get(f"/notifications/letters/{letter.id}.pdf")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    assert "no-store" in download.headers["Cache-Control"]
    response = client.post(f"/notifications/letters/{letter.id}/sent", data={
        "method": "against_receipt", "sent_on": date.today().isoformat()})
    assert response.status_code == 302
    session.refresh(letter)
    assert letter.sent_at is not None and letter.method is NotificationMethod.against_receipt


def test_terms_form_errors_are_shown_not_stored(client, auth, session, decided):
    auth.login("dg")
    auth.use_language("en")
    response = client.post(f"/notifications/items/{decided[0].id}", data={
        "aid_label": "", "reasons": "", "amount": "abc"})
    assert response.status_code == 400
    assert session.scalar(select(func.count()).select_from(
        notifications.AidTerms)) == 0


@pytest.mark.parametrize("username", ["secretariat", "councillor1", "president"])
def test_letter_download_hidden_from_others(client, auth, session, decided, dg, username):
    notifications.set_terms(session, decided[0].id, MONTHLY_RI, actor=dg)
    letter = notifications.generate_letter(session, decided[0].id, actor=dg)
    auth.login(username)
    assert client.get(f"/notifications/letters/{letter.id}.pdf").status_code == 403


def test_decided_item_page_links_to_its_notification_and_extracts(client, auth, session, demo):
    item = session.get(AgendaItem, demo.decided_item_id)
    auth.login("dg")
    auth.use_language("en")
    page = client.get(f"/meetings/{item.meeting_id}/items/{item.id}").get_data(as_text=True)
    assert f"/notifications/items/{item.id}" in page
    assert f"/items/{item.id}/extracts" in page
    auth.logout()
    auth.login("councillor1")
    page = client.get(f"/meetings/{item.meeting_id}/items/{item.id}").get_data(as_text=True)
    assert "/notifications/items/" not in page


def _without_address(session, item) -> SocialReport:
    """The dossier of ``item`` as if it had been sent without an address (every version)."""
    report = session.scalar(select(SocialReport).where(SocialReport.item_id == item.id))
    identity = decrypt_json(report.dossier.identity_encrypted)
    identity.pop("address", None)
    for version in session.scalars(select(DossierIdentity).where(
            DossierIdentity.dossier_id == report.dossier_id)):
        version.identity_encrypted = encrypt_json(identity)
    report.dossier.identity_encrypted = encrypt_json(identity)
    session.flush()
    return report


def test_letter_refused_without_the_applicants_postal_address(session, decided, dg):
    """Issue 16: a letter went out with a name only in the address window."""
    item = decided[0]
    notifications.set_terms(session, item.id, MONTHLY_RI, actor=dg)
    report = _without_address(session, item)
    with pytest.raises(NotificationError) as refused:
        notifications.generate_letter(session, item.id, actor=dg)
    assert "the applicant's postal address" in str(refused.value)
    assert session.scalar(select(func.count()).select_from(Notification)) == 0
    # completed afterwards (a new version): the letter goes to that address
    identity = decrypt_json(report.dossier.identity_encrypted)
    identity["address"] = {"street": "rue des Mésanges", "number": "3", "postcode": "7000",
                           "city": "Hautrival"}
    worker = report.dossier.social_worker
    assert correct_identity(session, report.dossier, identity, actor=worker)
    letter = notifications.generate_letter(session, item.id, actor=dg)
    text = _pdf_text(notifications.download_letter(session, letter.id, actor=dg))
    assert "rue des Mésanges 3" in text and "7000 Hautrival" in text


def test_decision_page_says_the_address_is_missing_and_links_the_correction(
        client, auth, session, decided):
    item = decided[0]
    notifications.set_terms(session, item.id, MONTHLY_RI, actor=user_named(session, "dg"))
    report = _without_address(session, item)
    session.commit()
    auth.login("socialworker")
    auth.use_language("en")
    page = client.get(f"/notifications/items/{item.id}").get_data(as_text=True)
    assert "the applicant&#39;s postal address" in page
    assert f"/dossiers/{report.dossier_id}/identity" in page
