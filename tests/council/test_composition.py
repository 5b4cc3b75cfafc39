"""The composition page: seats owed by LO art. 10 beside the members in office."""

from __future__ import annotations

from datetime import date

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.models import (
    Centre,
    Member,
    OrganKind,
    OrganMembership,
    PoliticalGroup,
    Region,
    Sex,
)
from council.services.composition import composition_report

TODAY = date(2026, 11, 16)


def test_demo_composition_matches_the_law(session: Session) -> None:
    report = composition_report(session, TODAY)
    assert report.legal_size == 11
    assert report.actual_size == 11
    assert {row.name: (row.owed, row.actual) for row in report.rows} == {
        "PS": (5, 5), "MR": (3, 3), "Ecolo": (2, 2), "Les Engagés": (1, 1)}
    assert report.mismatches == ()
    assert report.pact_seats == 7
    assert report.pact_has_majority is True


def test_a_member_in_the_wrong_group_is_flagged(session: Session, client: FlaskClient,
                                                auth) -> None:
    member = session.scalar(select(Member).where(Member.last_name == "Colin"))
    member.group = session.scalar(select(PoliticalGroup).where(PoliticalGroup.name == "MR"))
    session.commit()
    report = composition_report(session, TODAY)
    assert {row.name for row in report.mismatches} == {"MR", "Les Engagés"}
    auth.login("dg")
    auth.use_language("en")
    page = client.get("/composition").get_data(as_text=True)
    assert "4 held instead of 3" in page
    assert "0 held instead of 1" in page


def test_a_member_whose_mandate_ended_no_longer_counts(session: Session) -> None:
    member = session.scalar(select(Member).where(Member.last_name == "Hubert"))
    member.mandate_end = date(2026, 6, 30)
    session.commit()
    report = composition_report(session, TODAY)
    assert report.actual_size == 10
    assert report.is_size_mismatch
    assert {row.name for row in report.mismatches} == {"PS"}


def test_brussels_allocation_is_only_indicative(session: Session, client: FlaskClient,
                                               auth) -> None:
    centre = session.scalar(select(Centre))
    centre.region = Region.brussels
    session.commit()
    report = composition_report(session, TODAY)
    assert report.is_binding is False
    auth.login("secretariat")
    auth.use_language("en")
    page = client.get("/composition").get_data(as_text=True)
    assert "only indicative" in page


def test_composition_page_shows_groups_and_pact(client: FlaskClient, auth) -> None:
    auth.login("councillor3")
    auth.use_language("en")
    page = client.get("/composition").get_data(as_text=True)
    for name in ("PS", "MR", "Ecolo", "Les Engagés", "Isabelle Marchal"):
        assert name in page
    assert "majority reached" in page


def test_composition_queries_do_not_grow_with_members(session: Session, count_queries) -> None:
    def queries() -> int:
        session.expire_all()
        counter = count_queries()
        composition_report(session, TODAY)
        return counter.count

    before = queries()
    council = next(o for o in session.scalar(select(Centre)).organs if o.kind is OrganKind.council)
    group = session.scalar(select(PoliticalGroup).where(PoliticalGroup.name == "MR"))
    for n in range(4):
        member = Member(centre_id=council.centre_id, group=group, first_name=f"Extra{n}",
                        last_name="Member", sex=Sex.other, mandate_start=date(2025, 1, 1))
        session.add(OrganMembership(organ=council, member=member, start_on=date(2025, 1, 1)))
    session.commit()
    assert queries() == before


def test_a_pact_without_a_majority_is_never_called_lawful(session: Session, client: FlaskClient,
                                                          auth) -> None:
    """Décret of 26 April 2012: the groups of the majority pact must hold a majority of the
    council. Seats per group that match LO art. 10 are not enough then."""
    for group in session.scalars(select(PoliticalGroup)):
        group.is_in_majority_pact = group.name in ("MR", "Ecolo")
    session.commit()
    report = composition_report(session, TODAY)
    assert report.mismatches == () and not report.is_size_mismatch
    assert (report.pact_seats, report.pact_has_majority) == (5, False)
    assert report.pact_lacks_majority
    auth.login("dg")
    auth.use_language("en")
    home = client.get("/").get_data(as_text=True)
    assert "The composition matches LO art. 10" not in home
    assert "The majority pact holds no majority of the council" in home
    assert "no majority: supplementary seats may be due" in client.get(
        "/composition").get_data(as_text=True)
