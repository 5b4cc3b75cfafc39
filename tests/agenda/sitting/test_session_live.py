"""The live screens (agenda/sitting/views.py): the councillor's screen, the chair screen,
withdrawals closing the item to the member, and the cost of the polled fragments."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from agenda import sitting as live
from council.models import AgendaItem, ItemKind, Member, OrganMembership, Sex, User
from council.rules.attendance import Presence
from council.rules.majority import Choice

CSSS = ("president", "councillor1", "councillor2", "councillor3", "councillor4")

#: attendance, polls and ballots are recorded only in an opened sitting
pytestmark = pytest.mark.usefixtures("open_sittings")


@pytest.fixture
def users(session: Session, demo: Any) -> dict[str, User]:
    return {u.username: u for u in session.scalars(select(User))}


@pytest.fixture
def all_present(session: Session, demo: Any, users: dict[str, User]) -> Any:
    meeting = live.load_meeting(session, demo.csss_meeting_id)
    for name in CSSS:
        live.record_attendance(session, meeting, users[name].member_id, Presence.present,
                               actor=users["dg"])
    return meeting


def _no_inline_code(html: str) -> None:
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert " style=" not in html and "<style" not in html, "inline style"
    assert "hx-on" not in html


# --- Withdrawal closes the item to the member ---------------------------------------------


def test_withdrawn_member_gets_403_on_the_item_page_and_api(client: FlaskClient, auth, demo,
                                                            api_token, users) -> None:
    item_url = f"/meetings/{demo.csss_meeting_id}/items/{demo.csss_item_id}"
    auth.login("councillor1")
    auth.use_language("en")
    assert client.get(item_url).status_code == 200
    live_url = f"/meetings/{demo.csss_meeting_id}/live"
    assert f'href="{item_url}"' in client.get(live_url).get_data(as_text=True)
    response = client.post(f"/meetings/{demo.csss_meeting_id}/live/items/{demo.csss_item_id}"
                           "/withdraw", data={"reason": "my cousin's file"})
    assert response.status_code == 302
    assert client.get(item_url).status_code == 403
    headers = api_token("councillor1")
    api = client.get(f"/api/v1/items/{demo.csss_item_id}", headers=headers)
    assert api.status_code == 403 and api.json["error"] == "withdrawn"
    ballot = client.post(f"/api/v1/items/{demo.csss_item_id}/ballot", json={"choice": "yes"},
                         headers=headers)
    assert ballot.status_code == 403
    # others, and staff, still read it
    assert client.get(f"/api/v1/items/{demo.csss_item_id}",
                      headers=api_token("councillor2")).status_code == 200
    assert client.get(f"/api/v1/items/{demo.csss_item_id}",
                      headers=api_token("dg")).status_code == 200
    # the live screen says so
    page = client.get(live_url).get_data(as_text=True)
    assert "withdrawn" in page
    assert f'href="{item_url}"' not in page  # no link to an item the member left


def test_recusal_through_the_api_for_oneself_or_by_staff(client, api_token, demo,
                                                         users) -> None:
    url = f"/api/v1/items/{demo.csss_item_id}/recusal"
    own = client.post(url, json={"member_id": users["councillor2"].member_id,
                                 "reason": "my brother"}, headers=api_token("councillor2"))
    assert own.status_code == 201, own.json
    assert "reason" not in own.json  # the DG's only, even for the member who gave it
    other = client.post(url, json={"member_id": users["councillor3"].member_id, "reason": "x"},
                        headers=api_token("councillor2"))
    assert other.status_code == 403
    by_staff = client.post(url, json={"member_id": users["councillor3"].member_id,
                                      "reason": "spouse's nephew"}, headers=api_token("dg"))
    assert by_staff.status_code == 201
    assert by_staff.json["reason"] == "spouse's nephew"
    again = client.post(url, json={"member_id": users["councillor3"].member_id, "reason": "y"},
                        headers=api_token("secretariat"))
    assert again.status_code == 409
    assert client.post(url, json={"member_id": users["councillor3"].member_id, "reason": ""},
                       headers=api_token("dg")).status_code == 400


# --- The councillor's screen ----------------------------------------------------------------


def test_live_screen_follows_the_vote(client: FlaskClient, auth, demo, all_present,
                                      users, session) -> None:
    auth.login("councillor1")
    auth.use_language("en")
    url = f"/meetings/{demo.csss_meeting_id}/live"
    page = client.get(url)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    _no_inline_code(html)
    assert 'name="htmx-config"' in html and "htmx-2.0.11.min.js" in html
    assert 'hx-trigger="every 2s"' in html
    version = re.search(r'live/state\?v=([0-9a-f]+)', html).group(1)
    # nothing changed: nothing to swap
    assert client.get(f"{url}/state?v={version}", headers={"HX-Request": "true"}
                      ).status_code == 204
    item = session.get(AgendaItem, demo.csss_item_id)
    live.open_poll(session, item, actor=users["president"])
    fragment = client.get(f"{url}/state?v={version}", headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    body = fragment.get_data(as_text=True)
    assert f"Item {item.number}" in body and 'value="yes"' in body and 'hx-post=' in body
    # the proposal voted on, above the choices: the draft decision's last line
    proposal = item.draft_decision.strip().splitlines()[-1].removeprefix("Décide :").strip()
    assert f'<p class="vote-proposal" lang="fr">{escape(proposal)}</p>' in body
    assert body.index("vote-proposal") < body.index('value="yes"')
    # a tap asks to confirm: nothing stored yet, and the fragment stops polling (a swap
    # would drop the choice)
    asked = client.post(f"{url}/items/{item.id}/ballot", data={"choice": "no"},
                        headers={"HX-Request": "true"})
    asked_html = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "Your choice: No" in asked_html
    assert 'name="confirmed" value="1"' in asked_html and 'id="vote-change"' in asked_html
    assert "hx-trigger" not in asked_html and "autofocus" in asked_html
    assert not live.has_voted(session, live.load_floor(session, item.meeting).polls[item.id],
                              users["councillor1"].member_id)
    # without JavaScript, the whole page asks the same
    page_asked = client.post(f"{url}/items/{item.id}/ballot", data={"choice": "yes"})
    assert page_asked.status_code == 200
    assert "Your choice: Yes" in page_asked.get_data(as_text=True)
    # changing one's mind: back to the three choices, polling again
    again_choices = client.get(f"{url}/state", headers={"HX-Request": "true"})
    assert 'value="abstain"' in again_choices.get_data(as_text=True)
    assert 'hx-trigger="every 2s"' in again_choices.get_data(as_text=True)
    voted = client.post(f"{url}/items/{item.id}/ballot", data={"choice": "no", "confirmed": "1"},
                        headers={"HX-Request": "true"})
    assert voted.status_code == 200
    assert "Your vote is recorded" in voted.get_data(as_text=True)
    assert "You voted: No." in voted.get_data(as_text=True)
    assert 'id="vote-recorded"' in voted.get_data(as_text=True)
    assert 'value="yes"' not in voted.get_data(as_text=True)
    again = client.post(f"{url}/items/{item.id}/ballot",
                        data={"choice": "yes", "confirmed": "1"})
    assert again.status_code == 302  # refused, with a message on the page
    unknown = client.post(f"{url}/items/{item.id}/ballot", data={"choice": "maybe"},
                          headers={"HX-Request": "true"})
    assert unknown.status_code == 200


def test_expired_login_on_a_fragment_redirects_the_browser(client: FlaskClient, demo) -> None:
    response = client.get(f"/meetings/{demo.csss_meeting_id}/live/state",
                          headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response.headers["HX-Redirect"].endswith("/login")


# --- The chair screen -------------------------------------------------------------------------


def test_chair_opens_and_closes_with_confirmation(client: FlaskClient, auth, demo, all_present,
                                                  users, session) -> None:
    auth.login("president")
    auth.use_language("en")
    base = f"/meetings/{demo.csss_meeting_id}/chair"
    page = client.get(f"{base}?item={demo.csss_item_id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    _no_inline_code(html)
    assert "5 present for this item, 3 required" in html
    confirm = client.get(f"{base}/items/{demo.csss_item_id}/open")
    assert confirm.status_code == 200 and 'id="confirm"' in confirm.get_data(as_text=True)
    assert client.post(f"{base}/items/{demo.csss_item_id}/open", data={}).status_code == 302
    floor = client.get(f"{base}/floor").get_data(as_text=True)
    assert "Ballots in: 0 of 5" in floor
    # show of hands, member by member
    client.post(f"{base}/items/{demo.csss_item_id}/hands",
                data={"member_id": users["councillor1"].member_id, "choice": "yes"})
    client.post(f"{base}/items/{demo.csss_item_id}/hands",
                data={"member_id": users["councillor2"].member_id, "choice": "no"})
    floor = client.get(f"{base}/floor").get_data(as_text=True)
    assert "Ballots in: 2 of 5" in floor
    assert client.get(f"{base}/items/{demo.csss_item_id}/close").status_code == 200
    closed = client.post(f"{base}/items/{demo.csss_item_id}/close", data={},
                         follow_redirects=True)
    text = closed.get_data(as_text=True)
    assert "by 1 vote to 1" in text  # the chair reads the result in their own language


def test_secret_ballot_count_without_content(client: FlaskClient, auth, demo, users,
                                             session) -> None:
    meeting = live.load_meeting(session, demo.council_meeting_id)
    names = ("president", *(f"councillor{n}" for n in range(1, 11)))
    for name in names:
        live.record_attendance(session, meeting, users[name].member_id, Presence.present,
                               actor=users["dg"])
    item = next(i for i in meeting.items if i.kind is ItemKind.personnel)
    live.open_poll(session, item, actor=users["dg"])
    auth.login("councillor3")
    auth.use_language("en")
    client.post(f"/meetings/{meeting.id}/live/items/{item.id}/ballot",
                data={"choice": "no", "confirmed": "1"})
    screen = client.get(f"/meetings/{meeting.id}/live").get_data(as_text=True)
    assert "Your vote is recorded" in screen and "You voted" not in screen
    auth.logout()
    auth.login("dg")
    auth.use_language("en")
    floor = client.get(f"/meetings/{meeting.id}/chair/floor").get_data(as_text=True)
    assert "Ballots in: 1 of 11" in floor
    assert "hands" not in floor  # no show of hands for a secret ballot


def test_staff_record_attendance_and_withdrawals_on_the_chair_screen(
        client: FlaskClient, auth, demo, users, session) -> None:
    auth.login("secretariat")
    auth.use_language("en")
    base = f"/meetings/{demo.csss_meeting_id}/chair"
    member = users["councillor4"].member_id
    assert client.post(f"{base}/attendance", data={"member_id": member, "status": "present",
                                                   "item_id": demo.csss_item_id}
                       ).status_code == 302
    assert client.post(f"{base}/items/{demo.csss_item_id}/withdrawal",
                       data={"member_id": member, "reason": "son's file"}).status_code == 302
    floor = client.get(f"{base}/floor?item={demo.csss_item_id}").get_data(as_text=True)
    assert "withdrawn" in floor
    assert "son&#39;s file" not in floor  # why a member withdrew is the DG's only
    bad = client.post(f"{base}/attendance", data={"member_id": member, "status": "asleep"},
                      follow_redirects=True)
    assert bad.status_code == 200


# --- Cost of the polled fragments ------------------------------------------------------------


def _grow(session: Session, demo: Any, extra: int) -> None:
    """Adds members to the CSSS and items to its meeting."""
    meeting = live.load_meeting(session, demo.csss_meeting_id)
    last = max(i.number for i in meeting.items)
    centre_id = meeting.organ.centre_id
    for n in range(extra):
        member = Member(centre_id=centre_id, first_name="Extra", last_name=f"Member{n}",
                        sex=Sex.other, mandate_start=date(2025, 1, 1))
        session.add(OrganMembership(organ=meeting.organ, member=member,
                                    start_on=date(2025, 1, 1)))
        session.add(AgendaItem(meeting_id=meeting.id, number=last + n + 1, title=f"Extra {n}",
                               kind=ItemKind.general))
    session.commit()


@pytest.mark.parametrize("path", ["live/state", "chair/floor"])
def test_fragment_queries_do_not_grow(client: FlaskClient, auth, demo, session, count_queries,
                                      all_present, users, path) -> None:
    item = session.get(AgendaItem, demo.csss_item_id)
    live.open_poll(session, item, actor=users["dg"])
    auth.login("dg" if path.startswith("chair") else "councillor1")
    auth.use_language("en")
    url = f"/meetings/{demo.csss_meeting_id}/{path}"

    def queries() -> int:
        counter = count_queries()
        assert client.get(url).status_code == 200
        return counter.count

    before = queries()
    _grow(session, demo, 12)
    assert queries() == before


@pytest.mark.parametrize(("method", "path", "body", "expected"), [
    ("GET", "/meetings/{m}/items/{i}", None, 403),
    ("GET", "/meetings/{m}/live", None, 200),
    ("GET", "/meetings/{m}/live/state", None, 200),
    ("POST", "/meetings/{m}/live/items/{i}/ballot", {"choice": "yes"}, 403),
    ("POST", "/meetings/{m}/live/items/{i}/ballot", {"choice": "yes", "confirmed": "1"}, 403),
    ("GET", "/meetings/{m}/live/items/{i}/withdraw", None, 200),
    ("POST", "/meetings/{m}/live/items/{i}/withdraw", {"reason": "again"}, 409),
    ("GET", "/meetings/{m}/chair", None, 403),
    ("GET", "/api/v1/items/{i}", None, 403),
    ("POST", "/api/v1/items/{i}/ballot", {"choice": "yes"}, 403),
    ("POST", "/api/v1/items/{i}/poll", {}, 403),
    ("POST", "/api/v1/items/{i}/poll/close", None, 403),
])
def test_withdrawn_member_on_every_route(client: FlaskClient, auth, api_token, demo, users,
                                         session, all_present, method, path, body,
                                         expected) -> None:
    item = session.get(AgendaItem, demo.csss_item_id)
    live.declare_withdrawal(session, item, users["councillor1"].member_id, "cousin",
                            actor=users["councillor1"])
    live.open_poll(session, item, actor=users["dg"])
    url = path.format(m=demo.csss_meeting_id, i=demo.csss_item_id)
    if url.startswith("/api/"):
        headers = api_token("councillor1")
        response = (client.get(url, headers=headers) if method == "GET"
                    else client.post(url, json=body, headers=headers))
    else:
        auth.login("councillor1")
        response = client.get(url) if method == "GET" else client.post(url, data=body)
        if url.endswith("/live"):  # the member who withdrew does not read what is voted
            assert "vote-proposal" not in response.get_data(as_text=True)
    assert response.status_code == expected


def test_withdrawn_president_cannot_run_the_vote(client: FlaskClient, auth, api_token, demo,
                                                 users, session, all_present) -> None:
    item = session.get(AgendaItem, demo.csss_item_id)
    live.declare_withdrawal(session, item, users["president"].member_id, "nephew",
                            actor=users["dg"])
    response = client.post(f"/api/v1/items/{item.id}/poll", json={},
                           headers=api_token("president"))
    assert response.status_code == 403
    assert client.post(f"/api/v1/items/{item.id}/poll", json={},
                       headers=api_token("dg")).status_code == 201


def test_the_vote_sentence_on_screen_is_in_the_readers_language(
        client: FlaskClient, auth, demo, all_present, users, session) -> None:
    """The minutes keep the centre's French; a councillor reading in Dutch reads the result
    in Dutch (issue 16, item 6)."""
    item = session.get(AgendaItem, demo.csss_item_id)
    live.open_poll(session, item, actor=users["president"])
    for name in ("president", "councillor1", "councillor2"):
        live.cast_ballot(session, item.id, users[name].member_id, Choice.yes,
                         actor=users["president"])
    closed = live.close_poll(session, item, actor=users["president"],
                             settings=live.vote_settings(client.application.config),
                             language="fr")
    assert closed.sentence == "Adopté à l'unanimité."  # what the minutes record
    auth.login("councillor1")
    auth.use_language("nl")
    screen = client.get(f"/meetings/{demo.csss_meeting_id}/live").get_data(as_text=True)
    result = re.search(r'<p class="result-sentence"[^>]*>(.*?)</p>', screen, re.S)
    assert result, "no result on the screen"
    assert "Aangenomen" in result.group(1) and "Adopté" not in result.group(1)
