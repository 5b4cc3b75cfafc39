"""The one refusal convention (council/refusals.py) and its two mappings (council/errors.py): a
refusal a service raises becomes a flash, or the page of its status, on the web, and
``{"error": code, "message": text}`` with its status (and details) through the API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from agenda import sitting
from agenda.meetings import service as agenda
from council.models import AgendaItem, Meeting
from council.refusals import CodedRefusal, Denied, NotFound, Refusal


class _Refused(Refusal):
    """A refusal no page catches."""

    code = "test_refused"
    status = 409


def _raiser(refusal: Callable[[], Refusal], change: Meeting | None = None) -> Any:
    """A service that changes ``change`` and then refuses (in the request's language)."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        if change is not None:
            change.place = "half-stored"  # what the refusal must undo
        raise refusal()
    return refuse


def test_a_refusal_carries_its_code_message_and_status() -> None:
    refusal = CodedRefusal("no_quorum", "No quorum.", required=3, present=2)
    assert (refusal.code, refusal.message, str(refusal)) == ("no_quorum", "No quorum.",
                                                              "No quorum.")
    assert refusal.status == 400 and refusal.details == {"required": 3, "present": 2}
    assert (_Refused("Busy.").code, _Refused("Busy.", code="other").code) == ("test_refused",
                                                                            "other")


def test_a_loader_refuses_with_the_pages_words_by_default(app) -> None:
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert (Denied().code, Denied().status) == ("forbidden", 403)
        assert (NotFound().code, NotFound().status) == ("not_found", 404)
        assert (NotFound().message, NotFound("No such item.").message) == (
            "This page does not exist.", "No such item.")


def test_a_refusal_caught_by_a_page_is_flashed_and_undone(
        client: FlaskClient, auth, demo, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = session.get(Meeting, demo.csss_meeting_id)
    place = meeting.place
    refuse = _raiser(lambda: agenda.AgendaError("bad_move"), meeting)
    monkeypatch.setattr(agenda, "move_item", refuse)
    auth.login("dg")
    auth.use_language("en")
    response = client.post(f"/meetings/{meeting.id}/items/{demo.csss_item_id}/move/up",
                           follow_redirects=True)
    assert response.status_code == 200
    assert "This item cannot move further." in response.get_data(as_text=True)
    session.expire_all()
    assert session.get(Meeting, meeting.id).place == place


def test_a_refusal_no_page_catches_answers_the_page_of_its_status(
        client: FlaskClient, auth, demo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(agenda, "move_item", _raiser(lambda: _Refused("Not now.")))
    auth.login("dg")
    auth.use_language("en")
    response = client.post(f"/meetings/{demo.csss_meeting_id}/items/{demo.csss_item_id}"
                           "/move/up")
    assert response.status_code == 409
    assert "This action conflicts with the current state." in response.get_data(as_text=True)


@pytest.mark.parametrize("refusal", [
    lambda: _Refused("Not now.", figure=1),
    lambda: sitting.Conflict("vote_closed", "Not now.", figure=1),
])
def test_the_api_answers_a_refusal_with_its_code_message_status_and_details(
        client: FlaskClient, api_token, demo, session: Session, refusal: Callable[[], Refusal],
        monkeypatch: pytest.MonkeyPatch) -> None:
    item = session.scalar(select(AgendaItem).where(AgendaItem.id == demo.csss_item_id))
    monkeypatch.setattr(sitting, "close_poll", _raiser(refusal, item.meeting))
    response = client.post(f"/api/v1/items/{item.id}/poll/close",
                           headers=api_token("president"))
    assert response.status_code == 409
    assert response.json == {"error": refusal().code, "message": "Not now.", "figure": 1}
    session.expire_all()
    assert session.get(Meeting, item.meeting_id).place != "half-stored"
