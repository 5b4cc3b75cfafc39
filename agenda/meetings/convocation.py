"""Convening a meeting: jours francs, the leak guard, e-mails with the agenda and an .ics, and
the record.

What a convocation carries (LO art. 30: it "contient l'ordre du jour"): the organ, the date, the
place, the agenda, that is the items' numbers and titles (neutral and pseudonymised: the titles
passed the identity guard when written, and the leak guard reads the whole agenda again before
anything is sent), as text and as a PDF attachment, and a link to the meeting page where the
files are at the members' disposal from the convocation on. Never a report's text nor a draft
decision. The .ics has the organ's name as its summary.

Delivery is all or nothing. Every check runs first and every message is built before the
first one leaves; then one SMTP connection sends them all, and only when all were accepted
are the ``Convocation`` rows written, the meeting marked convened and the audit entry added,
in one commit. If the server refuses one message, nothing is recorded and the meeting stays
as it was; the staff member is told and sends again later, and the members already reached
receive the same convocation twice (same calendar UID, so their calendar keeps one event).
We chose this over per-member delivery states because the ``Convocation`` table has none, and
a meeting that is "half convened" has no legal meaning: a convocation is due to every member.
"""

from __future__ import annotations

import smtplib
import ssl
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import icalendar
from flask import current_app
from flask_babel import force_locale, format_date, format_time, gettext
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from agenda.meetings.queries import sitting_members
from agenda.reports import LeakHit, check_leaks
from council.clock import CENTRE_TIMEZONE, centre_today
from council.models import Convocation, Meeting, MeetingStatus, Member, User
from council.models.base import utcnow
from council.pdf import render_pdf_template
from council.refusals import Refusal
from council.rules.deadlines import check_convocation, latest_sending_date, required_clear_days
from council.rules.quorum import THIRD_CONVOCATION
from council.services import audit

#: length given to the calendar event
MEETING_LENGTH = timedelta(hours=2)
CONVENABLE = (MeetingStatus.draft, MeetingStatus.convened)


#: the message of each refusal ``code``, filled with the refusal's ``params``
MESSAGES: dict[str, Callable[..., str]] = {
    "not_convenable": lambda: gettext("This meeting can no longer be convened."),
    "meeting_past": lambda: gettext("The meeting day has passed."),
    "late": lambda latest, clear_days: gettext(
        "Too late for %(days)d clear days (jours francs): the convocation had to be sent by "
        "%(date)s. Give the reason for the urgency to convene anyway.",
        days=clear_days,
        date=format_date(latest, "full"),
    ),
    "leaks": lambda hits: gettext(
        "The leak guard found identities in the agenda: correct the items listed on this page "
        "before convening."
    ),
    "no_members": lambda: gettext("Nobody sits on this organ on the meeting day."),
    "mail_failed": lambda: gettext(
        "The e-mails could not be sent (mail server unreachable or refusing): nothing was "
        "recorded. Please try again later."
    ),
}


class ConvocationError(Refusal):
    """A refused convocation. ``code`` names the reason; ``params`` fill the message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(MESSAGES[code](**params), code=code)
        self.params = params


@dataclass(frozen=True)
class Deadline:
    """The legal notice of a meeting's agenda."""

    clear_days: int
    latest_sending_date: date


@dataclass(frozen=True)
class ConvocationState:
    """What the meeting page shows staff about the convocation."""

    deadline: Deadline
    #: every convocation sent, newest first, with its member
    sent: list[Convocation]
    #: the leak guard's hits (empty: nothing found); None when the guard is not available
    leaks: list[LeakHit] | None


def meeting_day(meeting: Meeting) -> date:
    """The meeting's calendar day in Belgium (jours francs count Belgian days)."""
    return meeting.starts_at.astimezone(CENTRE_TIMEZONE).date()


def legal_deadline(meeting: Meeting) -> Deadline:
    """5 jours francs, 7 when the agenda has a budget, accounts, policy note or annual report;
    for a third convocation after two without quorum, ``COUNCIL_THIRD_CONVOCATION_CLEAR_DAYS``
    (2 by default)."""
    days = required_clear_days(
        (item.kind.value for item in meeting.items),
        third_convocation=meeting.convocation_round == THIRD_CONVOCATION,
        third_convocation_clear_days=current_app.config["COUNCIL_THIRD_CONVOCATION_CLEAR_DAYS"])
    return Deadline(days, latest_sending_date(meeting_day(meeting), days))


def convocation_state(session: Session, meeting: Meeting) -> ConvocationState:
    sent = list(
        session.scalars(
            select(Convocation)
            .where(Convocation.meeting_id == meeting.id)
            .options(selectinload(Convocation.member))
            .order_by(Convocation.sent_at.desc(), Convocation.id)
        )
    )
    leaks = check_leaks(session, meeting) if meeting.status in CONVENABLE else None
    return ConvocationState(deadline=legal_deadline(meeting), sent=sent, leaks=leaks)


def meeting_link(meeting: Meeting) -> str:
    """Absolute address of the meeting page, from ``COUNCIL_BASE_URL``."""
    path = current_app.url_map.bind("localhost").build("agenda.meeting", {"meeting_id": meeting.id})
    return current_app.config["COUNCIL_BASE_URL"].rstrip("/") + path


def calendar_file(meeting: Meeting, *, sequence: int) -> bytes:
    """An iCalendar VEVENT: stable UID per meeting, UTC start, 2 hours, place, organ name."""
    host = urlsplit(current_app.config["COUNCIL_BASE_URL"]).hostname or "localhost"
    starts_at = meeting.starts_at.astimezone(UTC)
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.id}@{host}")
    event.add("dtstamp", utcnow())
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + MEETING_LENGTH)
    event.add("summary", meeting.organ.name)
    event.add("location", meeting.place)
    event.add("url", meeting_link(meeting))
    event.add("sequence", sequence)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//CPAS deliberations//convocation//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical()


def agenda_pdf(meeting: Meeting) -> bytes:
    """The agenda as a PDF in the centre's language: the items' numbers and titles only."""
    return render_pdf_template("pdf/agenda.html", language=meeting.organ.centre.language.value,
                               meeting=meeting)


def agenda_lines(meeting: Meeting) -> str:
    """The agenda as the e-mail lists it: "2. Title (closed session)", in agenda order."""
    return "\n".join(
        gettext("%(number)d. %(title)s (%(session)s)", number=item.number, title=item.title,
                session=gettext("closed session") if item.is_closed_session
                else gettext("public session"))
        for item in meeting.items)


def build_message(
    meeting: Meeting, member: Member, email: str, language: str, *, ics: bytes,
    agenda: bytes | None = None,
) -> EmailMessage:
    """The convocation e-mail in the member's language: organ, date, place, the agenda (the
    items' titles) and the link; the agenda as a PDF attachment too (``agenda``)."""
    with force_locale(language):
        when = format_date(meeting.starts_at, "full")
        at = format_time(meeting.starts_at, "short")
        subject = gettext("Convocation: %(organ)s, %(date)s", organ=meeting.organ.name, date=when)
        body = "\n\n".join(
            (
                gettext("Dear %(name)s,", name=member.full_name),
                gettext(
                    "You are convened to the meeting of the %(organ)s on %(date)s at %(time)s.",
                    organ=meeting.organ.name,
                    date=when,
                    time=at,
                ),
                gettext("Place: %(place)s", place=meeting.place),
                gettext("Agenda:") + "\n" + agenda_lines(meeting),
                gettext("The agenda and the files are at your disposal, after logging in, at:")
                + "\n"
                + meeting_link(meeting),
                gettext("The meeting is held behind closed doors. No file is sent by e-mail: "
                        "the attached PDF is the agenda, the items' titles only."),
                gettext("The attached calendar file adds the meeting to your calendar."),
            )
        )
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = current_app.config["COUNCIL_SMTP_FROM"]
    message["To"] = email
    message["Message-ID"] = make_msgid(
        domain=urlsplit(current_app.config["COUNCIL_BASE_URL"]).hostname or "localhost"
    )
    message["Content-Language"] = language
    message.set_content(body + "\n")
    message.add_attachment(
        ics,
        maintype="text",
        subtype="calendar",
        filename="convocation.ics",
        params={"method": "PUBLISH"},
    )
    if agenda is not None:
        message.add_attachment(agenda, maintype="application", subtype="pdf",
                               filename="agenda.pdf")
    return message


def _write_outbox(outbox: Path, messages: list[EmailMessage]) -> None:
    """Development without a mail server: each message as an .eml file to open in a mail
    client (convocations carry no file content)."""
    outbox.mkdir(parents=True, exist_ok=True)
    for message in messages:
        path = outbox / f"{uuid.uuid4().hex}.eml"
        path.write_bytes(message.as_bytes())


def _deliver(messages: list[EmailMessage]) -> None:
    """Sends every message over one SMTP connection; any failure raises before recording."""
    config = current_app.config
    if config["COUNCIL_MAIL_SUPPRESS"]:
        current_app.logger.info(
            "COUNCIL_MAIL_SUPPRESS: %d convocation e-mails not sent", len(messages)
        )
        return
    if not messages:
        return
    if config["COUNCIL_MAIL_OUTBOX"]:
        _write_outbox(Path(config["COUNCIL_MAIL_OUTBOX"]), messages)
        return
    try:
        with smtplib.SMTP(
            config["COUNCIL_SMTP_HOST"], config["COUNCIL_SMTP_PORT"], timeout=30
        ) as smtp:
            if config["COUNCIL_SMTP_STARTTLS"]:
                smtp.starttls(context=ssl.create_default_context())
            if config["COUNCIL_SMTP_USER"]:
                smtp.login(config["COUNCIL_SMTP_USER"], config["COUNCIL_SMTP_PASSWORD"])
            for message in messages:
                smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        current_app.logger.warning("convocation e-mails not sent: %s", type(error).__name__)
        raise ConvocationError("mail_failed") from error


def convene(
    session: Session,
    meeting: Meeting,
    *,
    actor: User,
    sent_on: date | None = None,
    urgency_reason: str | None = None,
) -> list[Convocation]:
    """Convenes every member sitting on the organ on the meeting day; returns the new rows.

    Refused (``ConvocationError``, nothing stored, nothing sent) when the meeting is past or
    no longer convenable, when the notice is shorter than the jours francs the agenda needs
    and no urgency reason is given (``late``, with the latest legal sending date), while the
    leak guard reports any hit (``leaks``, with the hits), or when the e-mails cannot be sent.
    ``sent_on`` is the day of sending (today in Belgium by default). An urgency reason is
    recorded in ``meeting.urgency_reason`` when the notice was short. Sending again later
    (e.g. after adding an urgent item) records new rows.
    """
    if meeting.status not in CONVENABLE:
        raise ConvocationError("not_convenable")
    sent_on = sent_on or centre_today()
    day = meeting_day(meeting)
    if sent_on > day:
        raise ConvocationError("meeting_past")
    deadline = legal_deadline(meeting)
    check = check_convocation(sent_on, day, deadline.clear_days)
    reason = " ".join((urgency_reason or "").split()) or None
    if not check.in_time and reason is None:
        raise ConvocationError(
            "late", latest=check.latest_sending_date, clear_days=deadline.clear_days
        )
    hits = check_leaks(session, meeting)
    if hits:
        raise ConvocationError("leaks", hits=hits)
    memberships = sitting_members(meeting)
    if not memberships:
        raise ConvocationError("no_members")
    users = {
        user.member_id: user
        for user in session.scalars(
            select(User).where(User.member_id.in_([m.member_id for m in memberships]))
        )
    }
    previous = (
        session.scalar(
            select(func.count(func.distinct(Convocation.sent_at))).where(
                Convocation.meeting_id == meeting.id
            )
        )
        or 0
    )
    ics = calendar_file(meeting, sequence=previous)
    agenda = agenda_pdf(meeting)
    addresses: list[tuple[Member, str | None]] = []
    messages: list[EmailMessage] = []
    for membership in memberships:
        user = users.get(membership.member_id)
        email = ((user.email or "").strip() or None) if user is not None else None
        addresses.append((membership.member, email))
        if user is not None and email is not None:  # in the member's own language
            messages.append(build_message(meeting, membership.member, email,
                                          user.language.value, ics=ics, agenda=agenda))
    _deliver(messages)

    now = utcnow()
    rows = [
        Convocation(
            meeting_id=meeting.id,
            member_id=member.id,
            member=member,
            email=email,
            sent_at=now,
            sent_by_id=actor.id,
        )
        for member, email in addresses
    ]
    session.add_all(rows)
    meeting.status = MeetingStatus.convened
    meeting.convened_at = now
    if not check.in_time:
        meeting.urgency_reason = reason
    session.flush()
    audit.record(
        session,
        "meeting_convened",
        actor=actor,
        object_type="meeting",
        object_id=meeting.id,
        sent_on=sent_on.isoformat(),
        clear_days_required=deadline.clear_days,
        clear_days_given=check.clear_days_given,
        in_time=check.in_time,
        urgency=not check.in_time,
        by_email=len(messages),
        by_post=len(rows) - len(messages),
    )
    session.commit()
    return rows
