"""What users expect around the agenda: a print stylesheet, empty states that say what to do
next, a confirmation before convening or removing an item (neither can be undone), flash
messages by kind."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import csss_meeting_in_preparation, user_named

from agenda.meetings import service as agenda
from council.models import (
    AgendaItem,
    Convocation,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    ReportStatus,
    SocialReport,
)
from council.resources import resource_folder

PRINT_LINK = '<link rel="stylesheet" media="print" href="/static/print.css">'


@pytest.fixture
def empty_meeting(session: Session, demo: Any) -> Meeting:
    """A CSSS meeting in preparation with no item, a week after the demo's."""
    return csss_meeting_in_preparation(session, demo)


# --- print --------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["meeting", "item"])
def test_the_agenda_pages_link_the_print_stylesheet(client: FlaskClient, auth: Any, demo: Any,
                                                    page: str) -> None:
    auth.login("councillor1")
    path = f"/meetings/{demo.csss_meeting_id}"
    if page == "item":
        path += f"/items/{demo.csss_item_id}"
    html = client.get(path).get_data(as_text=True)
    assert PRINT_LINK in html
    assert '<ol class="agenda">' in html or page == "item"


def test_the_print_stylesheet_hides_the_chrome_and_keeps_items_whole(client: FlaskClient
                                                                       ) -> None:
    response = client.get("/static/print.css")
    css = response.get_data(as_text=True)
    response.close()
    assert response.status_code == 200
    hidden = css.split("{ display: none !important; }")[0]
    for selector in (".topbar", ".footer", ".button", "form", ".item-actions", ".flashes"):
        assert selector in hidden
    assert ".agenda { list-style: decimal" in css  # item numbers
    assert "break-inside: avoid" in css and "@page" in css


# --- empty states -------------------------------------------------------------------------


def test_an_empty_agenda_says_where_items_come_from(client: FlaskClient, auth: Any,
                                                    empty_meeting: Meeting) -> None:
    auth.login("dg")
    auth.use_language("en")
    html = client.get(f"/meetings/{empty_meeting.id}").get_data(as_text=True)
    assert "The agenda is empty." in html
    assert "individual-aid files come from the social reports waiting for this organ" in html
    assert f'href="/meetings/{empty_meeting.id}/reports">Reports to schedule</a>' in html


def test_no_waiting_report_says_how_reports_arrive(client: FlaskClient, auth: Any,
                                                   empty_meeting: Meeting,
                                                   session: Session) -> None:
    for report in session.scalars(select(SocialReport)):
        report.status = ReportStatus.scheduled
    session.commit()
    auth.login("dg")
    auth.use_language("en")
    html = client.get(f"/meetings/{empty_meeting.id}/reports").get_data(as_text=True)
    assert "No report is waiting for this organ." in html
    assert "Social workers submit their reports from their home page" in html
    assert f'href="/meetings/{empty_meeting.id}">Back to the meeting</a>' in html
    page = client.get(f"/meetings/{empty_meeting.id}").get_data(as_text=True)
    assert "(0 waiting)" in page and 'id="schedule-all"' not in page


def test_no_meeting_tells_a_councillor_what_to_expect(client: FlaskClient, auth: Any,
                                                      session: Session) -> None:
    for meeting in session.scalars(select(Meeting)):
        meeting.status = MeetingStatus.cancelled
    session.commit()
    auth.login("councillor1")
    auth.use_language("en")
    html = client.get("/").get_data(as_text=True)
    assert "No meeting to show." in html
    assert "appear here once the director-general schedules them" in html


def test_a_dg_without_meetings_ahead_gets_an_empty_timeline_and_a_way_on(
        client: FlaskClient, auth: Any, session: Session) -> None:
    for meeting in session.scalars(select(Meeting)):
        meeting.status = MeetingStatus.cancelled
    # and no decision waiting for its letter (the demo's past meeting has some)
    for item in session.scalars(select(AgendaItem).where(AgendaItem.status == ItemStatus.decided)):
        item.status = ItemStatus.postponed
    session.commit()
    auth.login("dg")
    auth.use_language("en")
    html = client.get("/").get_data(as_text=True)
    assert "Nothing dated in the next 42 days." in html
    assert 'href="/meetings/new">New meeting</a>' in html


# --- confirmation before convening --------------------------------------------------------


def test_convening_asks_for_confirmation_first(client: FlaskClient, auth: Any,
                                               session: Session, demo: Any) -> None:
    auth.login("dg")
    auth.use_language("en")
    meeting_page = client.get(f"/meetings/{demo.council_meeting_id}").get_data(as_text=True)
    # the meeting page links to the confirmation; it has no form that sends
    assert f'<a class="button" href="/meetings/{demo.council_meeting_id}/convene">' in meeting_page
    assert f'action="/meetings/{demo.council_meeting_id}/convene"' not in meeting_page
    before = session.scalar(select(func.count(Convocation.id)))
    page = client.get(f"/meetings/{demo.council_meeting_id}/convene").get_data(as_text=True)
    assert "Sending cannot be undone" in page
    assert "11 members will be convened." in page
    assert f'action="/meetings/{demo.council_meeting_id}/convene"' in page
    assert "Confirm: send the convocations" in page
    assert session.scalar(select(func.count(Convocation.id))) == before  # nothing sent yet


def test_a_closed_meeting_has_nothing_to_confirm(client: FlaskClient, auth: Any,
                                                 session: Session, demo: Any) -> None:
    meeting = session.get(Meeting, demo.council_meeting_id)
    meeting.status = MeetingStatus.closed
    session.commit()
    auth.login("dg")
    auth.use_language("en")
    response = client.get(f"/meetings/{meeting.id}/convene", follow_redirects=True)
    assert "This meeting can no longer be convened." in response.get_data(as_text=True)


def test_removing_an_item_asks_for_confirmation_first(client: FlaskClient, auth: Any,
                                                     session: Session,
                                                     empty_meeting: Meeting) -> None:
    item = agenda.add_item(session, empty_meeting, actor=user_named(session, "dg"),
                           kind=ItemKind.general, title="Règlement de travail",
                           is_closed_session=False)
    auth.login("dg")
    auth.use_language("en")
    path = f"/meetings/{empty_meeting.id}/items/{item.id}/remove"
    meeting_page = client.get(f"/meetings/{empty_meeting.id}").get_data(as_text=True)
    assert f'href="{path}"' in meeting_page and f'action="{path}"' not in meeting_page
    page = client.get(path).get_data(as_text=True)
    assert "Remove item 1" in page and "This cannot be undone." in page
    assert f'action="{path}"' in page
    assert session.get(AgendaItem, item.id) is not None  # asking removed nothing
    client.post(path)
    session.expire_all()
    assert session.get(AgendaItem, item.id) is None


# --- flash messages -----------------------------------------------------------------------


def test_each_flash_category_has_its_own_look() -> None:
    css = (resource_folder("static") / "council.css").read_text()
    for category in ("success", "error", "info", "warning"):
        assert f".flash-{category}" in css
        assert f".flash-{category}::before" in css  # a mark, so the kind reads without colour
