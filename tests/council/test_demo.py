"""The demo centre exactly as ../shared/CONTRACT.md describes it."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import DEMO_TODAY, PASSWORDS

from agenda.sitting import opening_refusal
from agenda.sitting.designations import require_ready
from council.demo import DemoRefused, build_demo
from council.models import (
    AgendaItem,
    Centre,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    OrganKind,
    PoliticalGroup,
    Poll,
    Role,
    User,
)
from council.security import verify_password


def _organ_usernames(session: Session, kind: OrganKind) -> set[str]:
    centre = session.scalar(select(Centre))
    organ = next(o for o in centre.organs if o.kind is kind)
    member_ids = {m.member_id for m in organ.memberships}
    return set(session.scalars(select(User.username).where(User.member_id.in_(member_ids))))


def test_demo_centre(session: Session) -> None:
    centre = session.scalar(select(Centre))
    assert centre.region.value == "wallonia"
    assert 25_000 <= centre.population <= 35_000
    assert centre.municipal_seats == 27
    assert session.scalar(select(func.count()).select_from(PoliticalGroup)) == 4
    assert len(_organ_usernames(session, OrganKind.council)) == 11
    assert _organ_usernames(session, OrganKind.bureau) == {"president", "councillor1",
                                                           "councillor5"}
    assert _organ_usernames(session, OrganKind.csss) == {"president", "councillor1",
                                                         "councillor2", "councillor3",
                                                         "councillor4"}


def test_demo_accounts_and_roles(session: Session) -> None:
    users = {u.username: u for u in session.scalars(select(User))}
    assert set(users) == set(PASSWORDS)
    for username, password in PASSWORDS.items():
        assert verify_password(users[username].password_hash, password), username
    assert users["dg"].role is Role.dg
    assert users["secretariat"].role is Role.secretariat
    assert users["socialworker"].role is Role.social_worker
    assert users["admin"].role is Role.admin
    assert users["president"].is_president
    assert all(users[f"councillor{n}"].role is Role.councillor for n in range(1, 11))


def test_demo_meetings(session: Session) -> None:
    meetings = {m.organ.kind: m for m in session.scalars(
        select(Meeting).where(Meeting.status == MeetingStatus.convened))}
    csss, council = meetings[OrganKind.csss], meetings[OrganKind.council]
    aid = [item for item in csss.items if item.kind is ItemKind.individual_aid]
    assert aid and all(item.is_closed_session and item.summary for item in aid)
    assert csss.items[0].kind is ItemKind.minutes_approval
    personnel = [item for item in council.items if item.kind is ItemKind.personnel]
    assert personnel and all(item.is_secret_ballot for item in personnel)


def test_demo_council_meeting_ends_with_a_designation_ready_for_its_ballot(
        session: Session) -> None:
    council = next(m for m in session.scalars(select(Meeting).where(
        Meeting.status == MeetingStatus.convened)) if m.organ.kind is OrganKind.council)
    designation = council.items[-1]
    assert designation.kind is ItemKind.designation
    assert designation.is_closed_session and designation.is_secret_ballot
    assert designation.seats == 2
    # council members presented: two women and a man (the president is a woman), so the mixity
    # rule can void a ballot and the ballot can still stand
    assert [(c.name, c.sex.value) for c in designation.candidates] == [
        ("Julie Poncelet", "F"), ("Amandine Gillet", "F"), ("Youssef Amrani", "M")]
    assert all(c.member_id is not None and c.votes is None for c in designation.candidates)
    require_ready(designation)  # the president can open its ballot as soon as it is reached


def test_demo_is_idempotent(app: Flask, session: Session) -> None:
    def counts() -> tuple[int, ...]:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Centre, User, Meeting, AgendaItem, PoliticalGroup))

    before = counts()
    build_demo(session, today=DEMO_TODAY)
    assert counts() == before


def test_demo_refused_in_production(app: Flask, session: Session) -> None:
    app.config["IS_PRODUCTION"] = True
    try:
        try:
            build_demo(session, today=DEMO_TODAY)
        except DemoRefused as refused:
            assert "production" in str(refused)
        else:
            raise AssertionError("the demo ran in production")
    finally:
        app.config["IS_PRODUCTION"] = False
    assert session.scalar(select(func.count()).select_from(User)) == len(PASSWORDS)


def test_demo_items_option_builds_pseudonymised_aid_items(session: Session) -> None:
    from agenda.pseudonymise import find_leaks, parse_dossier
    from council.demo.synthetic import generate_reports

    build_demo(session, items=7, today=DEMO_TODAY)
    csss = next(m for m in session.scalars(select(Meeting).where(
        Meeting.status == MeetingStatus.convened)) if m.organ.kind is OrganKind.csss)
    aid = [item for item in csss.items if item.kind is ItemKind.individual_aid]
    assert [item.number for item in aid] == list(range(2, 9))
    dossiers = [parse_dossier(r.dossier) for r in generate_reports(7, today=DEMO_TODAY)]
    for item in aid:
        assert find_leaks(item.summary, dossiers) == []
        assert item.draft_decision.startswith("Vu la loi organique")
    assert "Madame A." in aid[0].summary


def test_demo_has_a_held_csss_meeting_with_draft_minutes_and_decisions_to_notify(
        session: Session) -> None:
    from minutes.notifications.service import awaiting_notification

    past = session.scalars(select(Meeting).where(Meeting.status == MeetingStatus.closed)).one()
    assert past.organ.kind is OrganKind.csss
    minutes = session.scalars(select(Minutes).where(Minutes.meeting_id == past.id)).one()
    assert minutes.status is MinutesStatus.draft and minutes.revisions
    decided = [item for item in past.items if item.kind is ItemKind.individual_aid]
    assert len(decided) == 3 and all(item.status is ItemStatus.decided for item in decided)
    dg = session.scalar(select(User).where(User.username == "dg"))
    pending = awaiting_notification(session, actor=dg, today=past.starts_at.date())
    assert {p.decision.item.id for p in pending} == {item.id for item in decided}


def test_demo_meetings_sit_on_the_day_it_is_built_ready_to_open(session: Session) -> None:
    convened = session.scalars(select(Meeting).where(
        Meeting.status == MeetingStatus.convened)).all()
    assert {m.organ.kind for m in convened} == {OrganKind.csss, OrganKind.council}
    for meeting in convened:
        assert meeting.day == DEMO_TODAY
        assert opening_refusal(meeting, DEMO_TODAY) is None
        assert meeting.opened_at is None and meeting.closed_at is None


def test_demo_records_no_decision_without_quorum(session: Session) -> None:
    past = session.scalars(select(Meeting).where(Meeting.status == MeetingStatus.closed)).one()
    polls = session.scalars(select(Poll).where(Poll.meeting_id == past.id)).all()
    assert polls and all(p.quorum_present >= p.quorum_required for p in polls)
    # held as a sitting is: opened at the convened hour, closed after its last vote
    assert past.opened_at == past.starts_at
    assert past.closed_at > max(p.closed_at for p in polls) > past.opened_at
