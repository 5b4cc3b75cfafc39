"""Convocation e-mails through a local SMTP server (aiosmtpd): recipients, language, the .ics,
no file content anywhere, the records, failures and the leak guard."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.message import Message
from email.policy import default as default_policy
from zoneinfo import ZoneInfo

import icalendar
import pytest
from aiosmtpd.controller import Controller
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import expect_refusal, pdf_text

from agenda.meetings import convocation
from council.crypto import encrypt_bytes, encrypt_json
from council.models import (
    AgendaItem,
    Convocation,
    Dossier,
    ItemKind,
    ItemPseudonymisation,
    Language,
    Meeting,
    MeetingStatus,
    Organ,
    OrganKind,
    SocialReport,
    User,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
CSSS_EMAILS = {f"{name}@hautrival.example" for name in
               ("president", "councillor1", "councillor2", "councillor3", "councillor4")}
SECRET_TITLE = "Aide urgente — dossier 2025/0777"
SECRET_TEXT = "Madame A. vit seule avec ses deux enfants (4 et 8 ans)."


class Mailbox:
    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd hook
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self) -> list[Message]:
        return [email.message_from_bytes(e.content, policy=default_policy)
                for e in self.envelopes]

    @property
    def recipients(self) -> set[str]:
        return {address for e in self.envelopes for address in e.rcpt_tos}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mailbox(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[Mailbox]:
    """A real SMTP server on localhost; the application sends to it."""
    box = Mailbox()
    port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setitem(app.config, "COUNCIL_MAIL_SUPPRESS", False)
    monkeypatch.setitem(app.config, "COUNCIL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setitem(app.config, "COUNCIL_MAIL_OUTBOX", None)
    monkeypatch.setitem(app.config, "COUNCIL_SMTP_PORT", port)
    monkeypatch.setitem(app.config, "COUNCIL_BASE_URL", "https://cpas.hautrival.example/")
    try:
        yield box
    finally:
        controller.stop()


@pytest.fixture
def dg(session: Session) -> User:
    return session.scalar(select(User).where(User.username == "dg"))


@pytest.fixture
def meeting(session: Session) -> Meeting:
    """A CSSS meeting on Thursday 20 May 2027 at 18:00 with a sensitive title and text."""
    organ = session.scalar(select(Organ).where(Organ.kind == OrganKind.csss))
    meeting = Meeting(organ=organ, place="Salle du conseil, rue de l'Hôtel de Ville 1",
                      starts_at=datetime(2027, 5, 20, 18, 0, tzinfo=BRUSSELS))
    session.add(meeting)
    session.add(AgendaItem(meeting=meeting, number=1, kind=ItemKind.minutes_approval,
                           title="Approbation du procès-verbal"))
    session.add(AgendaItem(meeting=meeting, number=2, kind=ItemKind.individual_aid,
                           title=SECRET_TITLE, summary=SECRET_TEXT,
                           draft_decision="Décide : octroie une aide de 500 euros."))
    session.commit()
    return meeting


def _all_text(message: Message) -> str:
    parts = [str(message["Subject"])]
    for part in message.walk():
        if not part.is_multipart():
            payload = part.get_payload(decode=True) or b""
            parts.append(payload.decode("utf-8", errors="replace"))
    return "\n".join(parts)


def _calendar(message: Message) -> icalendar.Calendar:
    attachment = next(part for part in message.iter_attachments()
                      if part.get_content_type() == "text/calendar")
    assert attachment.get_filename() == "convocation.ics"
    return icalendar.Calendar.from_ical(attachment.get_payload(decode=True))


def _agenda_attachment(message: Message) -> bytes:
    attachment = next(part for part in message.iter_attachments()
                      if part.get_content_type() == "application/pdf")
    assert attachment.get_filename() == "agenda.pdf"
    return attachment.get_payload(decode=True)


def test_each_member_gets_an_email_with_the_agenda_an_ics_and_no_file_content(
        session: Session, mailbox: Mailbox, meeting: Meeting, dg: User) -> None:
    """LO art. 30: the convocation "contient l'ordre du jour": the items' neutral titles, in
    the e-mail and as a PDF; never a report's text nor a draft decision."""
    rows = convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 10))
    assert mailbox.recipients == CSSS_EMAILS
    assert len(mailbox.envelopes) == 5
    assert {row.email for row in rows} == CSSS_EMAILS
    for message in mailbox.messages:
        text = _all_text(message)
        assert "Comité spécial du service social" in str(message["Subject"])
        assert f"https://cpas.hautrival.example/meetings/{meeting.id}" in text
        assert "Salle du conseil" in text
        body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
        assert ("Ordre du jour :\n1. Approbation du procès-verbal (huis clos)\n"
                f"2. {SECRET_TITLE} (huis clos)") in body
        agenda = pdf_text(_agenda_attachment(message))
        assert "Approbation du procès-verbal" in agenda and SECRET_TITLE in agenda
        for secret in (SECRET_TEXT, "Madame A.", "500 euros", "Décide"):
            assert secret not in text and secret not in agenda
        event = _calendar(message).walk("VEVENT")[0]
        assert str(event["UID"]) == f"meeting-{meeting.id}@cpas.hautrival.example"
        assert event.decoded("DTSTART") == datetime(2027, 5, 20, 16, 0, tzinfo=UTC)
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=2)
        assert str(event["SUMMARY"]) == "Comité spécial du service social"
        assert str(event["LOCATION"]) == "Salle du conseil, rue de l'Hôtel de Ville 1"
        assert "20 mai 2027" in str(message["Subject"])  # French: the members' language


def test_the_member_language_chooses_the_email_language(session: Session, mailbox: Mailbox,
                                                        meeting: Meeting, dg: User) -> None:
    languages = {"councillor2": Language.nl, "councillor3": Language.de,
                 "councillor4": Language.en}
    for user in session.scalars(select(User).where(User.username.in_(languages))):
        user.language = languages[user.username]
    session.commit()
    convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 10))
    subjects = {str(m["To"]): str(m["Subject"]) for m in mailbox.messages}
    assert "20 mei 2027" in subjects["councillor2@hautrival.example"]
    assert "20. Mai 2027" in subjects["councillor3@hautrival.example"]
    assert "May 20, 2027" in subjects["councillor4@hautrival.example"]
    assert "20 mai 2027" in subjects["president@hautrival.example"]
    assert subjects["councillor2@hautrival.example"].startswith("Oproeping: ")
    assert subjects["councillor3@hautrival.example"].startswith("Einberufung: ")
    assert subjects["councillor4@hautrival.example"].startswith("Convocation: ")
    assert subjects["president@hautrival.example"].startswith("Convocation : ")
    bodies = {str(m["To"]): m.get_body(("plain",)).get_content() for m in mailbox.messages}
    assert "om 18:00" in bodies["councillor2@hautrival.example"]
    assert "Die Sitzung findet unter Ausschluss" in bodies["councillor3@hautrival.example"]


def test_a_member_without_email_is_listed_to_send_by_post(
        session: Session, mailbox: Mailbox, meeting: Meeting, dg: User, client: FlaskClient,
        auth) -> None:
    user = session.scalar(select(User).where(User.username == "councillor4"))
    user.email = None
    session.commit()
    rows = convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 10))
    assert mailbox.recipients == CSSS_EMAILS - {"councillor4@hautrival.example"}
    assert [row.member.last_name for row in rows if row.email is None] == ["Colin"]
    auth.login("dg")
    auth.use_language("en")
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Nadia Colin — <strong>to send by post</strong>" in page


def test_sending_again_records_new_rows_and_a_new_sequence(session: Session, mailbox: Mailbox,
                                                           meeting: Meeting, dg: User) -> None:
    convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 10))
    session.add(AgendaItem(meeting=meeting, number=3, kind=ItemKind.general, is_urgent=True,
                           title="Point urgent"))
    session.commit()
    convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 12))
    assert session.scalar(select(func.count(Convocation.id))
                          .where(Convocation.meeting_id == meeting.id)) == 10
    sequences = [int(_calendar(m).walk("VEVENT")[0]["SEQUENCE"]) for m in mailbox.messages]
    assert sequences == [0] * 5 + [1] * 5
    uids = {str(_calendar(m).walk("VEVENT")[0]["UID"]) for m in mailbox.messages}
    assert len(uids) == 1


def test_a_mail_failure_records_nothing(session: Session, app: Flask, meeting: Meeting,
                                        dg: User, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "COUNCIL_MAIL_SUPPRESS", False)
    monkeypatch.setitem(app.config, "COUNCIL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setitem(app.config, "COUNCIL_MAIL_OUTBOX", None)
    monkeypatch.setitem(app.config, "COUNCIL_SMTP_PORT", _free_port())  # nobody listens
    with expect_refusal(convocation.ConvocationError, "mail_failed"):
        convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 10))
    session.rollback()
    session.expire_all()
    assert session.get(Meeting, meeting.id).status is MeetingStatus.draft
    assert session.scalar(select(func.count(Convocation.id))
                          .where(Convocation.meeting_id == meeting.id)) == 0


def _scheduled_report(session: Session, meeting: Meeting, *, summary: str,
                      reviewed: bool) -> AgendaItem:
    """An individual-aid item built from a dossier's report, as the intake would leave it."""
    worker = session.scalar(select(User).where(User.username == "socialworker"))
    dossier = Dossier(reference="2027/0042", language=Language.fr,
                      social_worker_id=worker.id, identity_encrypted=encrypt_json({
                          "reference": "2027/0042", "language": "fr",
                          "applicant": {"last_name": "Vandermeulen",
                                        "first_names": ["Josiane"]}}))
    item = AgendaItem(meeting=meeting, number=3, kind=ItemKind.individual_aid,
                      title="Revenu d'intégration — dossier 2027/0042", summary=summary)
    session.add_all([dossier, item])
    session.flush()
    report = SocialReport(dossier=dossier, submitted_by_id=worker.id,
                          organ_kind=OrganKind.csss, source_format="pasted",
                          original_encrypted=encrypt_bytes(b"..."), draft_text=summary,
                          item_id=item.id)
    session.add(report)
    session.flush()
    pseudonymisation = ItemPseudonymisation(item_id=item.id, report_id=report.id,
                                            replacements_encrypted=encrypt_json({}),
                                            machine_text=summary, undone=[])
    if reviewed:
        pseudonymisation.approve(session.scalar(select(User).where(User.username == "dg")))
    session.add(pseudonymisation)
    session.commit()
    return item


@pytest.mark.parametrize(("summary", "reviewed", "category"), [
    ("Madame A. demande une aide.", False, "not_reviewed"),
    ("Madame Vandermeulen demande une aide.", True, "name"),
])
def test_the_leak_guard_blocks_the_convocation(session: Session, mailbox: Mailbox,
                                               meeting: Meeting, dg: User, client: FlaskClient,
                                               auth, summary: str, reviewed: bool,
                                               category: str) -> None:
    item = _scheduled_report(session, meeting, summary=summary, reviewed=reviewed)
    with pytest.raises(convocation.ConvocationError) as refused:
        convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 10))
    session.rollback()
    assert refused.value.code == "leaks"
    assert (item.id, category) in {(hit.item_id, hit.category)
                                   for hit in refused.value.params["hits"]}
    assert mailbox.envelopes == []
    assert session.scalar(select(func.count(Convocation.id))
                          .where(Convocation.meeting_id == meeting.id)) == 0
    auth.login("dg")
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert 'id="leaks"' in page
    assert "Vandermeulen" not in page


def test_a_reviewed_clean_report_does_not_block(session: Session, mailbox: Mailbox,
                                                meeting: Meeting, dg: User) -> None:
    _scheduled_report(session, meeting, summary="Madame A. demande une aide.", reviewed=True)
    convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 10))
    assert len(mailbox.envelopes) == 5


def test_mail_settings_come_from_the_environment(tmp_path) -> None:
    from council.config import load_config

    defaults = load_config({}, tmp_path)
    assert (defaults["COUNCIL_SMTP_HOST"], defaults["COUNCIL_SMTP_PORT"]) == ("localhost", 25)
    assert defaults["COUNCIL_SMTP_STARTTLS"] is False
    assert defaults["COUNCIL_MAIL_SUPPRESS"] is False
    assert defaults["COUNCIL_BASE_URL"] == "http://127.0.0.1:5000"
    configured = load_config({"COUNCIL_SMTP_HOST": "smtp.example", "COUNCIL_SMTP_PORT": "587",
                              "COUNCIL_SMTP_STARTTLS": "true", "COUNCIL_MAIL_SUPPRESS": "1",
                              "COUNCIL_SMTP_FROM": "cpas@example.be"}, tmp_path)
    assert (configured["COUNCIL_SMTP_HOST"], configured["COUNCIL_SMTP_PORT"]) == (
        "smtp.example", 587)
    assert configured["COUNCIL_SMTP_STARTTLS"] and configured["COUNCIL_MAIL_SUPPRESS"]
    assert configured["COUNCIL_SMTP_FROM"] == "cpas@example.be"


def test_development_outbox_keeps_each_email_as_a_file(session: Session, app: Flask,
                                                       meeting: Meeting, dg: User,
                                                       tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(app.config, "COUNCIL_MAIL_SUPPRESS", False)
    monkeypatch.setitem(app.config, "COUNCIL_MAIL_OUTBOX", str(tmp_path / "outbox"))
    convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 10))
    files = sorted((tmp_path / "outbox").glob("*.eml"))
    assert len(files) == 5
    message = email.message_from_bytes(files[0].read_bytes())
    assert message["To"] in CSSS_EMAILS
    assert SECRET_TITLE not in files[0].read_text(errors="replace")


def test_the_agenda_stays_in_the_application_from_the_convocation_on(
        session: Session, meeting: Meeting, dg: User, client: FlaskClient, auth) -> None:
    """DOMAIN.md "Meetings": the files are at the members' disposal from the convocation on;
    staff see the agenda's PDF while they prepare it."""
    url = f"/meetings/{meeting.id}/agenda.pdf"
    auth.login("councillor1")
    assert client.get(url).status_code == 404  # not convened yet
    auth.logout()
    auth.login("dg")
    assert client.get(url).status_code == 200
    convocation.convene(session, meeting, actor=dg, sent_on=date(2027, 5, 10))
    auth.logout()
    auth.login("councillor1")
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    text = pdf_text(response.data)
    assert "Ordre du jour" in text and SECRET_TITLE in text and SECRET_TEXT not in text
