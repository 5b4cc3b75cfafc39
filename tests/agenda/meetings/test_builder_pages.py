"""The agenda builder and the convocation through the web pages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import organ_of_kind, user_named

from agenda.meetings import service as agenda
from council.models import (
    AgendaItem,
    AuditEntry,
    Convocation,
    ItemKind,
    Meeting,
    MeetingStatus,
    OrganKind,
)

BRUSSELS = ZoneInfo("Europe/Brussels")




@pytest.fixture
def meeting(session: Session) -> Meeting:
    """A council meeting in preparation, far enough ahead to be convened in time."""
    starts_at = datetime.combine(date.today() + timedelta(days=30), datetime.min.time(),
                                 tzinfo=BRUSSELS).replace(hour=19)
    return agenda.create_meeting(session, actor=user_named(session, "dg"),
                                 organ=organ_of_kind(session, OrganKind.council),
                                 starts_at=starts_at, place="Salle du conseil")


def _items(session: Session, meeting: Meeting) -> list[tuple[int, ItemKind, bool]]:
    session.expire_all()
    return [(i.number, i.kind, i.is_closed_session)
            for i in session.get(Meeting, meeting.id).items]


def test_staff_create_a_meeting_in_belgian_time(client: FlaskClient, auth,
                                                session: Session) -> None:
    auth.login("secretariat")
    assert client.get("/meetings/new").status_code == 200
    organ = organ_of_kind(session, OrganKind.csss)
    response = client.post("/meetings/new", data={
        "organ_id": organ.id, "day": "2027-01-14", "start": "18:00",
        "place": "Salle du conseil", "convocation_round": "2"})
    assert response.status_code == 302
    meeting = session.scalar(select(Meeting).order_by(Meeting.id.desc()))
    assert meeting.starts_at == datetime(2027, 1, 14, 17, 0, tzinfo=UTC)  # CET
    assert meeting.convocation_round == 2
    assert response.headers["Location"].endswith(f"/meetings/{meeting.id}")
    assert [i.kind for i in meeting.items] == [ItemKind.minutes_approval]


def test_a_meeting_in_the_past_is_refused_with_a_message(client: FlaskClient, auth,
                                                         session: Session) -> None:
    auth.login("dg")
    auth.use_language("en")
    before = session.scalar(select(func.count(Meeting.id)))
    page = client.post("/meetings/new", data={
        "organ_id": organ_of_kind(session, OrganKind.csss).id, "day": "2020-01-14",
        "start": "18:00", "place": "Salle", "convocation_round": "1"}).get_data(as_text=True)
    assert "The meeting must be in the future." in page
    assert session.scalar(select(func.count(Meeting.id))) == before


def test_items_are_added_and_ordered_through_the_page(client: FlaskClient, auth,
                                                      session: Session,
                                                      meeting: Meeting) -> None:
    auth.login("dg")
    auth.use_language("en")
    base = f"/meetings/{meeting.id}"
    client.post(f"{base}/items", data={"kind": "personnel", "title": "Engagement"})
    client.post(f"{base}/items", data={"kind": "budget", "title": "Budget",
                                       "public_session": "y"})
    assert _items(session, meeting) == [(1, ItemKind.minutes_approval, True),
                                        (2, ItemKind.budget, False),
                                        (3, ItemKind.personnel, True)]
    response = client.post(f"{base}/items", data={"kind": "personnel", "title": "Public?",
                                                   "public_session": "y"},
                           follow_redirects=True)
    assert "always dealt with in closed session" in response.get_data(as_text=True)
    assert len(_items(session, meeting)) == 3
    personnel = session.scalar(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id,
                                                        AgendaItem.number == 3))
    assert personnel.is_secret_ballot
    response = client.post(f"{base}/items/{personnel.id}/move/up", follow_redirects=True)
    assert "Public items come before closed-session items." in response.get_data(as_text=True)
    client.post(f"{base}/items/{personnel.id}/remove")
    assert len(_items(session, meeting)) == 2


def test_only_staff_see_the_builder_controls(client: FlaskClient, auth, demo) -> None:
    auth.login("councillor1")
    page = client.get(f"/meetings/{demo.csss_meeting_id}").get_data(as_text=True)
    assert "/edit" not in page and "/convene" not in page and "/move/" not in page
    auth.logout()
    auth.login("dg")
    page = client.get(f"/meetings/{demo.csss_meeting_id}").get_data(as_text=True)
    assert "/edit" in page and "/convene" in page and "/move/" in page
    assert "/remove" not in page  # convened: items no longer leave the agenda


def test_the_draft_decision_is_edited_until_the_meeting_is_closed(
        client: FlaskClient, auth, session: Session, meeting: Meeting) -> None:
    item = agenda.add_item(session, meeting, actor=user_named(session, "dg"),
                           kind=ItemKind.general, title="Règlement")
    auth.login("dg")
    auth.use_language("en")
    url = f"/meetings/{meeting.id}/items/{item.id}/edit"
    page = client.get(url).get_data(as_text=True)
    assert "Vu la loi organique" in page
    response = client.post(url, data={"kind": "general", "title": "Règlement",
                                      "draft_decision": "Vu ...\nConsidérant ...\nDécide : ok"})
    assert response.status_code == 302
    session.expire_all()
    assert session.get(AgendaItem, item.id).draft_decision.endswith("Décide : ok")
    entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
    assert (entry.action, entry.details["changed"]) == ("agenda_item_updated", "draft_decision")
    meeting = session.get(Meeting, meeting.id)
    meeting.status = MeetingStatus.closed
    session.commit()
    page = client.get(url, follow_redirects=True).get_data(as_text=True)
    assert "This meeting is closed: its agenda can no longer change." in page
    page = client.post(url, data={"kind": "general", "title": "X"},
                       follow_redirects=True).get_data(as_text=True)
    assert "This meeting is closed: its agenda can no longer change." in page
    page = client.post(f"/meetings/{meeting.id}/items", data={"kind": "general", "title": "X"},
                       follow_redirects=True).get_data(as_text=True)
    assert "This meeting is closed: its agenda can no longer change." in page
    session.expire_all()
    assert session.get(AgendaItem, item.id).title == "Règlement"
    assert len(session.get(Meeting, meeting.id).items) == 2


def test_reading_a_closed_item_for_editing_is_audited(client: FlaskClient, auth, demo,
                                                      session: Session) -> None:
    auth.login("secretariat")
    client.get(f"/meetings/{demo.csss_meeting_id}/items/{demo.csss_item_id}/edit")
    entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
    assert (entry.action, entry.object_id) == ("item_read", demo.csss_item_id)


def test_convening_through_the_page(client: FlaskClient, auth, session: Session,
                                   meeting: Meeting) -> None:
    auth.login("dg")
    auth.use_language("en")
    response = client.post(f"/meetings/{meeting.id}/convene", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Convocations sent by e-mail to 11 members; 0 to send by post." in page
    assert "Convene again" in page
    assert session.scalar(select(func.count(Convocation.id))
                          .where(Convocation.meeting_id == meeting.id)) == 11


def test_a_late_convocation_gets_the_latest_date_and_urgency_passes(
        client: FlaskClient, auth, session: Session) -> None:
    starts_at = datetime.combine(date.today() + timedelta(days=3), datetime.min.time(),
                                 tzinfo=BRUSSELS).replace(hour=19)
    meeting = agenda.create_meeting(session, actor=user_named(session, "dg"),
                                    organ=organ_of_kind(session, OrganKind.bureau),
                                    starts_at=starts_at, place="Salle")
    auth.login("dg")
    auth.use_language("en")
    page = client.post(f"/meetings/{meeting.id}/convene",
                       follow_redirects=True).get_data(as_text=True)
    assert "Too late for 5 clear days (jours francs)" in page
    assert "Not convened yet." in page
    page = client.post(f"/meetings/{meeting.id}/convene",
                       data={"convene-urgency_reason": "Expulsion imminente"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Convened in urgency: Expulsion imminente" in page


def test_builder_page_queries_do_not_grow_with_items(client: FlaskClient, auth,
                                                     session: Session, meeting: Meeting,
                                                     count_queries) -> None:
    dg = user_named(session, "dg")
    auth.login("dg")

    def queries(path: str) -> int:
        counter = count_queries()
        assert client.get(path).status_code == 200
        return counter.count

    first = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="A")
    edit = f"/meetings/{meeting.id}/items/{first.id}/edit"
    before = queries(f"/meetings/{meeting.id}"), queries(edit)
    for number in range(10):
        agenda.add_item(session, meeting, actor=dg,
                        kind=(ItemKind.personnel, ItemKind.budget)[number % 2],
                        title=f"Point {number}", is_closed_session=number % 2 == 0)
    assert (queries(f"/meetings/{meeting.id}"), queries(edit)) == before
