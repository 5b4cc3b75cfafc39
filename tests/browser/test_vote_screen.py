"""Voting that forgives a slip (issue 16, item 2): on a phone the proposal and every choice
show on the first screen; a tap asks to confirm the choice, which can still be changed, and
nothing is stored before the confirmation; then a large "vote recorded" panel takes the focus.
A secret ballot on the phone, an open vote with the keyboard alone on a tablet. The president
opens the sitting and the vote through the chair screen; the database is only read."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from agenda import sitting as live
from council.models import AgendaItem, ItemKind, Meeting, MeetingStatus, OrganKind, Poll

PHONE_HEIGHT = 844


def _first_item(organ: OrganKind, kind: ItemKind) -> Callable[[Session], tuple[str, int]]:
    """Read only: the address of today's meeting of ``organ`` and its first item of ``kind``."""

    def read(session: Session) -> tuple[str, int]:
        meeting = next(m for m in session.scalars(select(Meeting))
                       if m.organ.kind is organ and m.status is MeetingStatus.convened)
        item = next(i for i in meeting.items if i.kind is kind)
        return f"/meetings/{meeting.id}", item.id

    return read


def _open_vote(live_server, new_context, pages, organ: OrganKind, kind: ItemKind) -> str:
    """Through the chair screen, as test_journey_meeting.py does: the president opens the
    sitting with everyone present and opens the vote on the first item of ``kind``; returns
    the live screen's address."""
    meeting_url, item_id = live_server.run(_first_item(organ, kind))
    president = new_context().new_page()
    pages.log_in(president, "president")
    pages.open_sitting(president, meeting_url)
    president.goto(f"{meeting_url}/chair?item={item_id}")
    pages.open_vote(president)
    return f"{meeting_url}/live"


def _ballots(item_kind: ItemKind) -> Callable[[Session], int]:
    def count(session: Session) -> int:
        poll = session.scalar(select(Poll).join(AgendaItem, Poll.item_id == AgendaItem.id)
                              .where(AgendaItem.kind == item_kind))
        assert poll is not None
        return live.ballots_in(session, poll)

    return count


def _on_first_screen(locator: Locator) -> None:
    box = locator.bounding_box()
    assert box is not None and box["y"] >= 0, "not shown"
    assert box["y"] + box["height"] <= PHONE_HEIGHT, f"below the fold: {box}"


def _is_focused(page: Page, selector: str) -> bool:
    return page.locator(selector).evaluate("element => element === document.activeElement")


def test_secret_vote_on_a_phone_confirmed_after_a_change_of_mind(live_server, new_context,
                                                                 pages) -> None:
    url = _open_vote(live_server, new_context, pages, OrganKind.council, ItemKind.personnel)
    phone = new_context("phone").new_page()
    pages.log_in(phone, "councillor1")
    phone.goto(url)
    expect(phone.locator("#vote-yes")).to_be_visible()
    pages.check(phone, "vote_phone")
    # the header is one line; the item, its proposal and all three choices on the first screen
    _on_first_screen(phone.locator("#live-current"))
    if phone.locator(".vote-proposal").count():
        _on_first_screen(phone.locator(".vote-proposal"))
    for choice in ("yes", "no", "abstain"):
        _on_first_screen(phone.locator(f"#vote-{choice}"))

    # a slip: "Non" tapped, then changed before confirming
    phone.locator("#vote-no").tap()
    expect(phone.locator("#vote-confirm")).to_be_visible()
    expect(phone.locator(".vote-confirm-title")).to_contain_text("Non")
    expect(phone.locator("#vote-confirm")).to_be_focused()  # htmx moves it there
    _on_first_screen(phone.locator("#vote-confirm"))
    pages.check(phone)
    assert live_server.run(_ballots(ItemKind.personnel)) == 0, "stored before confirming"
    phone.locator("#vote-change").tap()
    expect(phone.locator("#vote-abstain")).to_be_visible()
    assert live_server.run(_ballots(ItemKind.personnel)) == 0
    # the confirmation waits, however long the member reads it (the screen stops polling)
    phone.locator("#vote-yes").tap()
    expect(phone.locator(".vote-confirm-title")).to_contain_text("Oui")
    phone.wait_for_timeout(2500)
    expect(phone.locator("#vote-confirm")).to_be_visible()
    phone.locator("#vote-confirm").tap()

    recorded = phone.locator("#vote-recorded")
    expect(recorded).to_be_visible()
    expect(recorded).to_contain_text("Votre vote est enregistré")
    expect(recorded).not_to_contain_text("Oui")  # a secret choice is not shown again
    expect(recorded).to_be_focused()
    _on_first_screen(recorded)
    pages.check(phone, "vote_recorded_phone")
    assert live_server.run(_ballots(ItemKind.personnel)) == 1
    # the screen keeps following the meeting, the panel stays
    phone.wait_for_timeout(2500)
    expect(recorded).to_be_visible()


def test_open_vote_with_the_keyboard_alone(live_server, new_context, pages) -> None:
    url = _open_vote(live_server, new_context, pages, OrganKind.csss, ItemKind.individual_aid)
    tablet = new_context("tablet").new_page()
    pages.log_in(tablet, "councillor2")
    tablet.goto(url)
    target = tablet.locator("#vote-abstain")
    expect(target).to_be_visible()
    pages.check(tablet)
    tablet.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(60):
        tablet.keyboard.press("Tab")
        if _is_focused(tablet, "#vote-abstain"):
            break
    else:
        raise AssertionError("Tab never reached the ballot")
    tablet.keyboard.press("Enter")
    expect(tablet.locator("#vote-confirm")).to_be_visible()
    expect(tablet.locator("#vote-confirm")).to_be_focused()
    # what a screen reader announces with the focused button: the choice and that it is final
    described = tablet.locator("#vote-confirm").get_attribute("aria-describedby")
    expect(tablet.locator(f"#{described}")).to_contain_text("ne pourra plus être modifié")
    pages.check(tablet)
    tablet.keyboard.press("Enter")
    recorded = tablet.locator("#vote-recorded")
    expect(recorded).to_be_visible()
    expect(recorded).to_have_attribute("role", "status")
    expect(recorded).to_contain_text("Abstention")  # an open vote: the member reads it back
    expect(recorded).to_be_focused()
    pages.check(tablet)
    assert live_server.run(_ballots(ItemKind.individual_aid)) == 1
    # the next polls keep the focus on the panel (htmx restores it by id)
    tablet.wait_for_timeout(2500)
    expect(recorded).to_be_focused()
