"""Meeting list and agenda pages."""

from __future__ import annotations

from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.models import AgendaItem, ItemKind, Meeting, OrganKind


def test_meeting_page_lists_items_and_members(client: FlaskClient, auth, demo) -> None:
    auth.login("councillor1")
    page = client.get(f"/meetings/{demo.csss_meeting_id}").get_data(as_text=True)
    assert "Madame A." not in page  # the list shows titles only, not the reports
    assert "Revenu d&#39;intégration — dossier 2026/0001" in page
    for name in ("Isabelle Marchal", "Karim Bensaïd", "Sophie Lambert", "Thomas Verhaegen",
                 "Nadia Colin"):
        assert name in page
    assert "Marc Dethier" not in page  # not on the CSSS


def test_meeting_list_queries_do_not_grow_with_meetings(client: FlaskClient, auth,
                                                        session: Session,
                                                        count_queries) -> None:
    auth.login("councillor1")

    def queries() -> int:
        session.expire_all()  # the app shares the test's session: start cold, as a request does
        counter = count_queries()
        assert client.get("/meetings/").status_code == 200
        return counter.count

    before = queries()
    template = session.scalar(select(Meeting).join(Meeting.organ).where(
        Meeting.organ.has(kind=OrganKind.csss)))
    for week in range(1, 6):
        session.add(Meeting(organ_id=template.organ_id, place=template.place,
                            starts_at=template.starts_at + timedelta(weeks=week)))
    session.commit()
    assert queries() == before


def test_meeting_page_queries_do_not_grow_with_items(client: FlaskClient, auth, demo,
                                                     session: Session, count_queries) -> None:
    auth.login("dg")

    def queries() -> int:
        counter = count_queries()
        assert client.get(f"/meetings/{demo.csss_meeting_id}").status_code == 200
        return counter.count

    before = queries()
    for number in range(10, 20):
        session.add(AgendaItem(meeting_id=demo.csss_meeting_id, number=number,
                               title=f"Point {number}", kind=ItemKind.general))
    session.commit()
    assert queries() == before


def test_item_page_shows_the_pseudonymised_report(client: FlaskClient, auth, demo) -> None:
    auth.login("councillor3")
    auth.use_language("en")
    page = client.get(f"/meetings/{demo.csss_meeting_id}/items/{demo.csss_item_id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Madame A." in text
    assert "Confidential: closed-session matter" in text
    assert page.headers["Cache-Control"] == "no-store"


def test_item_of_another_meeting_is_404(client: FlaskClient, auth, demo) -> None:
    auth.login("dg")
    response = client.get(f"/meetings/{demo.council_meeting_id}/items/{demo.csss_item_id}")
    assert response.status_code == 404


def test_meeting_page_links_to_the_live_and_chair_screens(client: FlaskClient, auth,
                                                          demo) -> None:
    live = f"/meetings/{demo.csss_meeting_id}/live"
    chair = f"/meetings/{demo.csss_meeting_id}/chair"
    auth.login("councillor1")
    page = client.get(f"/meetings/{demo.csss_meeting_id}").get_data(as_text=True)
    assert live in page and chair not in page
    auth.logout()
    auth.login("president")
    page = client.get(f"/meetings/{demo.csss_meeting_id}").get_data(as_text=True)
    assert live in page and chair in page
