"""The demo centre of ../shared/CONTRACT.md: a Walloon CPAS of about 30,000 inhabitants.

Its accounts exist only through ``flask --app council demo``; the command refuses to run in
production, and it wipes and rebuilds the demo data each time (idempotent).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from council.db import Base
from council.models import (
    AgendaItem,
    Centre,
    ItemKind,
    ItemStatus,
    Language,
    Meeting,
    MeetingStatus,
    Member,
    Organ,
    OrganKind,
    OrganMembership,
    PoliticalGroup,
    Region,
    Role,
    Sex,
    User,
)
from council.security import hash_password

BRUSSELS = ZoneInfo("Europe/Brussels")
MANDATE_START = date(2025, 1, 1)


class DemoRefused(RuntimeError):
    pass


@dataclass(frozen=True)
class DemoMember:
    username: str
    first_name: str
    last_name: str
    sex: Sex
    group: str
    birth_date: date


# (name, municipal seats, electoral figure, in the majority pact, colour)
GROUPS = (
    ("PS", 12, 5_412, True, "#c8102e"),
    ("MR", 8, 3_655, False, "#0047ab"),
    ("Ecolo", 4, 1_874, True, "#2e7d32"),
    ("Les Engagés", 3, 1_402, False, "#00838f"),
)

PRESIDENT = DemoMember("president", "Isabelle", "Marchal", Sex.female, "PS", date(1968, 4, 2))
COUNCILLORS = (
    DemoMember("councillor1", "Karim", "Bensaïd", Sex.male, "PS", date(1979, 9, 14)),
    DemoMember("councillor2", "Sophie", "Lambert", Sex.female, "MR", date(1984, 1, 30)),
    DemoMember("councillor3", "Thomas", "Verhaegen", Sex.male, "Ecolo", date(1990, 6, 8)),
    DemoMember("councillor4", "Nadia", "Colin", Sex.female, "Les Engagés", date(1972, 11, 21)),
    DemoMember("councillor5", "Marc", "Dethier", Sex.male, "MR", date(1965, 3, 3)),
    DemoMember("councillor6", "Julie", "Poncelet", Sex.female, "PS", date(1988, 12, 12)),
    DemoMember("councillor7", "Didier", "Renard", Sex.male, "PS", date(1959, 7, 19)),
    DemoMember("councillor8", "Amandine", "Gillet", Sex.female, "MR", date(1993, 2, 5)),
    DemoMember("councillor9", "Youssef", "Amrani", Sex.male, "Ecolo", date(1981, 10, 27)),
    DemoMember("councillor10", "Christine", "Hubert", Sex.female, "PS", date(1970, 5, 16)),
)
CSSS_USERNAMES = ("president", "councillor1", "councillor2", "councillor3", "councillor4")
BUREAU_USERNAMES = ("president", "councillor1", "councillor5")

STAFF = (
    ("dg", "demo-dg", Role.dg, "Anne Dumont"),
    ("secretariat", "demo-secretariat", Role.secretariat, "Luc Fontaine"),
    ("socialworker", "demo-socialworker", Role.social_worker, "Claire Delvaux"),
    ("admin", "demo-admin", Role.admin, "Pierre Mathy"),
)
COUNCILLOR_PASSWORD = "demo-councillor"  # noqa: S105 (published demo password, CONTRACT.md)
PRESIDENT_PASSWORD = "demo-president"  # noqa: S105

DEFAULT_AID_ITEMS = 3


def _aid_reports(session: Session, meeting: Meeting, count: int, today: date) -> None:
    """Individual-aid items built the way the application builds them: synthetic social
    reports submitted by the demo social worker, scheduled on the meeting (one batched
    pseudonymisation for all of them) and approved by the DG."""
    from agenda.services import reports as report_service
    from agenda.synthetic import generate_reports

    if count <= 0:
        return
    users = {u.username: u for u in session.scalars(
        select(User).where(User.username.in_(("socialworker", "dg"))))}
    synthetic = generate_reports(count, today=today)
    submitted = report_service.submit_reports(
        session,
        [report_service.Submission(dossier=r.dossier, text=r.text, organ=OrganKind.csss,
                                   source_format="txt") for r in synthetic],
        actor=users["socialworker"])
    items = report_service.schedule_reports(
        session, [s.report for s in submitted], meeting, actor=users["dg"],
        subjects=[r.title.rsplit(" — dossier ", 1)[0] for r in synthetic])
    report_service.approve_pseudonymisations(session, meeting, items, actor=users["dg"])


def _wipe(session: Session) -> None:
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(delete(table))


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BRUSSELS)


def _next_weekday(after: date, weekday: int, min_days: int) -> date:
    day = after + timedelta(days=min_days)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def build_demo(session: Session, *, items: int | None = None, today: date | None = None) -> str:
    if current_app.config["IS_PRODUCTION"]:
        raise DemoRefused("the demo wipes the database: refused with COUNCIL_ENV=production")
    today = today or date.today()
    _wipe(session)
    centre = Centre(name="CPAS de Hautrival", municipality="Hautrival", region=Region.wallonia,
                    language=Language.fr, population=30_412, municipal_seats=27)
    session.add(centre)
    groups = {
        name: PoliticalGroup(centre=centre, name=name, municipal_seats=seats,
                             electoral_figure=votes, is_in_majority_pact=in_pact, colour=colour,
                             position=position)
        for position, (name, seats, votes, in_pact, colour) in enumerate(GROUPS)
    }
    organs = {
        OrganKind.council: Organ(centre=centre, kind=OrganKind.council,
                                 name="Conseil de l'action sociale"),
        OrganKind.bureau: Organ(centre=centre, kind=OrganKind.bureau, name="Bureau permanent"),
        OrganKind.csss: Organ(centre=centre, kind=OrganKind.csss,
                              name="Comité spécial du service social"),
    }
    session.add_all([*groups.values(), *organs.values()])

    for person in (PRESIDENT, *COUNCILLORS):
        member = Member(centre=centre, group=groups[person.group], first_name=person.first_name,
                        last_name=person.last_name, sex=person.sex, birth_date=person.birth_date,
                        mandate_start=MANDATE_START, is_president=person is PRESIDENT)
        session.add(OrganMembership(organ=organs[OrganKind.council], member=member,
                                    start_on=MANDATE_START))
        if person.username in CSSS_USERNAMES:
            session.add(OrganMembership(organ=organs[OrganKind.csss], member=member,
                                        start_on=MANDATE_START))
        if person.username in BUREAU_USERNAMES:
            session.add(OrganMembership(organ=organs[OrganKind.bureau], member=member,
                                        start_on=MANDATE_START))
        password = PRESIDENT_PASSWORD if person is PRESIDENT else COUNCILLOR_PASSWORD
        session.add(User(username=person.username, password_hash=hash_password(password),
                         role=Role.councillor, display_name=member.full_name,
                         email=f"{person.username}@hautrival.example", member=member))
    for username, password, role, name in STAFF:
        session.add(User(username=username, password_hash=hash_password(password), role=role,
                         display_name=name, email=f"{username}@hautrival.example"))

    csss_day = _next_weekday(today, weekday=3, min_days=7)  # a Thursday, after 5 jours francs
    csss = Meeting(organ=organs[OrganKind.csss], starts_at=_local(csss_day, 18),
                   place="Salle du conseil, rue de l'Hôtel de Ville 1",
                   status=MeetingStatus.convened)
    session.add(csss)
    session.add(AgendaItem(meeting=csss, number=1, kind=ItemKind.minutes_approval,
                           title="Approbation du procès-verbal de la séance précédente",
                           is_closed_session=True, status=ItemStatus.ready))
    aid_count = DEFAULT_AID_ITEMS if items is None else items

    council_day = _next_weekday(today, weekday=1, min_days=14)  # a Tuesday
    council = Meeting(organ=organs[OrganKind.council], starts_at=_local(council_day, 19),
                      place="Salle du conseil, rue de l'Hôtel de Ville 1",
                      status=MeetingStatus.convened)
    session.add(council)
    session.add_all([
        AgendaItem(meeting=council, number=1, kind=ItemKind.minutes_approval,
                   title="Approbation du procès-verbal de la séance précédente",
                   is_closed_session=False, status=ItemStatus.ready),
        AgendaItem(meeting=council, number=2, kind=ItemKind.general,
                   title="Règlement d'ordre intérieur — modification de l'article 12",
                   is_closed_session=False, status=ItemStatus.ready,
                   summary="Adaptation du délai d'envoi des convocations par voie électronique."),
        AgendaItem(meeting=council, number=3, kind=ItemKind.personnel,
                   title="Désignation d'un assistant social (niveau B1) — contrat à durée "
                         "indéterminée",
                   is_closed_session=True, is_secret_ballot=True, status=ItemStatus.ready,
                   summary="Trois candidatures recevables après épreuves ; le jury propose la "
                           "candidate classée première.",
                   draft_decision="Désigne la candidate classée première au poste d'assistant "
                                  "social à partir du 1er janvier 2027."),
    ])
    session.commit()
    _aid_reports(session, csss, aid_count, today)
    return (f"demo centre ready: {len(COUNCILLORS) + 1} council members, "
            f"{len(STAFF) + len(COUNCILLORS) + 1} accounts, CSSS meeting on {csss_day} with "
            f"{aid_count} individual-aid items, "
            f"council meeting on {council_day}")
