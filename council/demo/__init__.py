"""The demo centre of ../shared/CONTRACT.md: a Walloon CPAS of about 30,000 inhabitants.

Its accounts exist only through ``flask --app council demo``; the command refuses to run in
production, and it wipes and rebuilds the demo data each time (idempotent).

Demo-only code gathers here, in the composition root (it uses every feature): synthetic social
reports (``synthetic``), a throwaway certification authority (``pki``), a held meeting with its
draft minutes (``scenario``) and the rehearsal floor of the load and concurrency tests
(``rehearsal``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from agenda import reports as report_service
from agenda.sitting import designations
from council.clock import CENTRE_TIMEZONE, centre_today
from council.crypto import encrypt_bytes
from council.db import Base
from council.demo.pki import issue_signer, make_ca
from council.demo.scenario import add_past_meeting_with_minutes
from council.demo.synthetic import generate_reports
from council.models import (
    AgendaItem,
    Centre,
    Dossier,
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
    RequesterKind,
    Role,
    SecrecyBasis,
    Sex,
    SignerCertificate,
    User,
)
from council.security import hash_password
from minutes import secrecy
from minutes.signatures.certificates import add_trust_anchor, read_uploaded

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
    # the social software's API account (issue 15): submits reports, reads decisions
    ("integration", "demo-integration", Role.integration, "Logiciel social du CPAS"),
)
COUNCILLOR_PASSWORD = "demo-councillor"  # noqa: S105 (published demo password, CONTRACT.md)
PRESIDENT_PASSWORD = "demo-president"  # noqa: S105

DEFAULT_AID_ITEMS = 3


#: individual-aid items of the past CSSS meeting whose minutes await approval
PAST_AID_ITEMS = 3


def _aid_reports(session: Session, plan: list[tuple[Meeting, int]], today: date) -> None:
    """Individual-aid items built the way the application builds them: synthetic social
    reports submitted by the demo social worker, scheduled on each meeting of ``plan``
    (meeting, number of items; one batched pseudonymisation per meeting) and approved by the
    DG. One batch of reports for all, so that file references stay unique."""
    total = sum(count for _, count in plan)
    if total <= 0:
        return
    users = {u.username: u for u in session.scalars(
        select(User).where(User.username.in_(("socialworker", "dg"))))}
    synthetic = generate_reports(total, today=today)
    submitted = report_service.submit_reports(
        session,
        [report_service.Submission(dossier=r.dossier, text=r.text, organ=OrganKind.csss,
                                   source_format="txt") for r in synthetic],
        actor=users["socialworker"])
    start = 0
    for meeting, count in plan:
        batch = slice(start, start + count)
        start += count
        if count <= 0:
            continue
        items = report_service.schedule_reports(
            session, [s.report for s in submitted[batch]], meeting, actor=users["dg"],
            subjects=[r.title.rsplit(" — dossier ", 1)[0] for r in synthetic[batch]])
        report_service.approve_pseudonymisations(session, meeting, items, actor=users["dg"])


def _past_csss_meeting(session: Session, current: Meeting, aid_count: int, today: date) -> None:
    """The CSSS meeting two weeks before ``current``: held, closed, its minutes drafted (the
    current meeting's first item approves them) and its decisions waiting to be notified.
    Its items come from social reports, after ``current``'s own (``aid_count``)."""
    staff = {u.username: u for u in session.scalars(
        select(User).where(User.username.in_(("secretariat", "dg"))))}
    add_past_meeting_with_minutes(
        session, current, recorder=staff["secretariat"], drafter=staff["secretariat"],
        add_aid_items=lambda past: _aid_reports(
            session, [(current, aid_count), (past, PAST_AID_ITEMS)], today))


#: passphrases of the demo signers' PKCS#12 certificates (published, like the demo passwords)
SIGNING_PASSPHRASES = {"president": "demo-sign-president", "dg": "demo-sign-dg"}


def _signing_certificates(session: Session, today: date) -> None:
    """A demo certification authority, trusted by the centre, and a signing certificate
    uploaded for the president and the DG, so that the demo's minutes can be signed."""
    start = datetime.combine(min(today, centre_today()) - timedelta(days=30), time(),
                             tzinfo=CENTRE_TIMEZONE)
    # valid for three years from the later of the demo's "today" and the real one
    end = datetime.combine(max(today, centre_today()) + timedelta(days=3 * 365), time(),
                           tzinfo=CENTRE_TIMEZONE)
    authority = make_ca("CPAS de Hautrival — autorité de démonstration", valid_from=start,
                        valid_until=end + timedelta(days=365))
    add_trust_anchor(session, "Demo CA (not for real signatures)", authority.certificate_pem)
    for user in session.scalars(select(User).where(User.username.in_(SIGNING_PASSPHRASES))):
        passphrase = SIGNING_PASSPHRASES[user.username]
        bundle = issue_signer(authority, common_name=user.display_name, email=user.email,
                              valid_from=start, valid_until=end, passphrase=passphrase)
        info = read_uploaded(bundle, passphrase, now=start + timedelta(days=30), language="fr")
        session.add(SignerCertificate(
            user_id=user.id, pkcs12_encrypted=encrypt_bytes(bundle), subject=info.subject,
            issuer=info.issuer, fingerprint_sha256=info.fingerprint_sha256,
            not_before=info.not_before, not_after=info.not_after))
    session.commit()


def _secrecy_request(session: Session, today: date) -> None:
    """A prosecutor's request received by the demo social worker and referred to the DG, still
    pending (registered the way the application registers it)."""
    dossier = session.scalar(select(Dossier).order_by(Dossier.id).limit(1))
    if dossier is None:
        return
    social_worker = session.scalar(select(User).where(User.username == "socialworker"))
    secrecy.register_request(session, secrecy.RequestInput(
        dossier_reference=dossier.reference, requester_kind=RequesterKind.prosecutor,
        requester_name="Parquet du procureur du Roi de Liège",
        requester_reference="LI.12.L5.000123/26", basis=SecrecyBasis.prosecutor_request,
        requested="Adresses connues, domicile et aides octroyées ou refusées (art. 46bis/1 CIC).",
        received_on=min(today, centre_today()) - timedelta(days=3)), actor=social_worker)


#: the council members presented for the designation item's seats (two women, one man: with
#: the president, a woman, a ballot that elects the two women is void, LO art. 27 §6)
DESIGNATION_CANDIDATES = ("councillor6", "councillor8", "councillor9")
DESIGNATION_SEATS = 2


def _designation(session: Session, council: Meeting) -> None:
    """The council's last item: two members of a special committee designated by secret ballot
    (LO art. 27 §6, which covers the bureau permanent and the committees), its seats and the
    candidatures filed before the sitting entered by the DG through the service, so that the
    president can open the ballot as soon as the sitting reaches it."""
    item = AgendaItem(
        meeting=council, number=max(i.number for i in council.items) + 1,
        kind=ItemKind.designation,
        title="Comité spécial de la maison de repos « Les Charmilles » — désignation de deux "
              "membres",
        is_closed_session=True, is_secret_ballot=True, status=ItemStatus.ready,
        summary="Le conseil a créé un comité spécial pour la gestion de la maison de repos "
                "(LO art. 27bis), présidé par la présidente du CPAS. Trois membres du conseil "
                "sont présentés pour les deux sièges à pourvoir.",
        draft_decision="Désigne, au scrutin secret en un seul tour, les deux membres du comité "
                       "spécial de la maison de repos ; les deux sexes y sont représentés "
                       "(LO art. 27 §6).")
    session.add(item)
    session.commit()
    dg = session.scalar(select(User).where(User.username == "dg"))
    designations.set_seats(session, item, DESIGNATION_SEATS, actor=dg)
    for username in DESIGNATION_CANDIDATES:
        candidate = session.scalar(select(User).where(User.username == username))
        designations.add_candidate(session, item, actor=dg, member_id=candidate.member_id)


def _wipe(session: Session) -> None:
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(delete(table))


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=CENTRE_TIMEZONE)


def build_demo(session: Session, *, items: int | None = None, today: date | None = None,
               progress: Callable[[str], object] = lambda _step: None) -> str:
    """Wipes the database and builds the demo centre; ``progress`` hears one line per step."""
    if current_app.config["IS_PRODUCTION"]:
        raise DemoRefused("the demo wipes the database: refused with COUNCIL_ENV=production")
    today = today or centre_today()
    progress("wiping the database, creating the centre, its organs, members and accounts")
    _wipe(session)
    centre = Centre(name="CPAS de Hautrival", municipality="Hautrival", region=Region.wallonia,
                    language=Language.fr, population=30_412, municipal_seats=27,
                    postal_address="Rue de l'Hôtel de Ville 1, 5999 Hautrival",
                    phone="+32 81 00 00 00",
                    # demo values: a real centre enters its competent court and its address
                    labour_court_name="Tribunal du travail de Liège, division Namur",
                    labour_court_address="Place du Palais de Justice 1, 5000 Namur")
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

    # both convened meetings sit on the day the demo is built, ready to open (issue 15, item 7);
    # the CSSS one is convened once its reports are on the agenda (a report added later would
    # need urgency)
    csss_day = today
    csss = Meeting(organ=organs[OrganKind.csss], starts_at=_local(csss_day, 18),
                   place="Salle du conseil, rue de l'Hôtel de Ville 1",
                   status=MeetingStatus.draft)
    session.add(csss)
    session.add(AgendaItem(meeting=csss, number=1, kind=ItemKind.minutes_approval,
                           title="Approbation du procès-verbal de la séance précédente",
                           is_closed_session=True, status=ItemStatus.ready))
    aid_count = DEFAULT_AID_ITEMS if items is None else items

    council_day = today
    council = Meeting(organ=organs[OrganKind.council], starts_at=_local(council_day, 20),
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
    _designation(session, council)
    progress("issuing the demo signing certificates")
    _signing_certificates(session, today)
    progress("generating the demo social reports and pseudonymising them (loads the French "
             "model, about a minute)")
    _past_csss_meeting(session, csss, aid_count, today)
    csss.status = MeetingStatus.convened
    session.commit()
    _secrecy_request(session, today)
    return (f"demo centre ready: {len(COUNCILLORS) + 1} council members, "
            f"{len(STAFF) + len(COUNCILLORS) + 1} accounts, CSSS meeting on {csss_day} with "
            f"{aid_count} individual-aid items, "
            f"council meeting on {council_day} (its last item a designation by secret "
            "ballot)")
