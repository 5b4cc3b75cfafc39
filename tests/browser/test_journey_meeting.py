"""Journey 2: the demo CSSS meeting in session, convened for today. Councillors follow it on a
tablet and on a phone, read their items, one declares a conflict of interest; the president
opens the sitting from the chair screen with the roll call "all present", the secretariat
records an exception, the president moves from item to item, opens and closes the votes and
closes the sitting; the results reach every screen without a reload (HTMX polling). Every
state is reached through the interface.

One councillor votes with the keyboard alone."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from council.demo import COUNCILLORS, PRESIDENT

NAMES = {person.username: f"{person.first_name} {person.last_name}"
         for person in (PRESIDENT, *COUNCILLORS)}
CSSS = ("president", "councillor1", "councillor2", "councillor3", "councillor4")
CONFLICT_REASON = "Le demandeur est mon voisin direct."
#: the most Tab presses the keyboard voter needs to reach the ballot from the top of the page
MAX_TABS = 60


def _csss_meeting_url(page: Page) -> str:
    """The demo CSSS meeting, found as its members find it: in their list of meetings."""
    page.goto("/meetings/")
    row = page.locator("main tr", has_text="Comité spécial du service social")
    href = row.locator("a[href*='/meetings/']").first.get_attribute("href")
    assert href, "the CSSS meeting is not listed"
    return href


def _open_live_screen(page: Page, pages, meeting_url: str) -> None:
    page.goto(f"{meeting_url}/live")
    pages.check(page)
    # a reload would wipe this: the tests read it back to prove the screen updated in place
    page.evaluate("window.__sameDocument = true")


def _same_document(page: Page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def _chair_item(page: Page, meeting_url: str, number: int) -> None:
    page.goto(f"{meeting_url}/chair")
    link = page.locator(".live-agenda a").nth(number - 1)
    href = link.get_attribute("href") or ""
    link.click()
    page.wait_for_url(lambda url: url.endswith(href))


def _open_vote(page: Page, pages, meeting_url: str, number: int) -> None:
    _chair_item(page, meeting_url, number)
    pages.open_vote(page)


def _vote_with_keyboard(page: Page, pages, choice: str) -> None:
    """Tabs from the top of the page to the ballot button and presses it."""
    target = page.locator(f"#vote-{choice}")
    expect(target).to_be_visible()
    pages.htmx_ready(page, f"#vote-{choice}")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("button => button === document.activeElement"):
            break
    else:
        raise AssertionError(f"Tab never reached #vote-{choice}")
    outline = target.evaluate("button => getComputedStyle(button).outlineStyle")
    assert outline not in ("", "none"), "the focused ballot button shows no focus ring"
    page.keyboard.press("Enter")
    # the choice is asked to be confirmed; the confirmation has the focus
    expect(page.locator("#vote-confirm")).to_be_focused()
    pages.htmx_ready(page, "#vote-confirm")
    page.keyboard.press("Enter")


def _tap_vote(page: Page, pages, choice: str) -> None:
    pages.htmx_ready(page, f"#vote-{choice}")
    page.locator(f"#vote-{choice}").tap()
    pages.htmx_ready(page, "#vote-confirm")
    page.locator("#vote-confirm").tap()


def test_councillors_vote_on_tablet_and_phone(new_context, pages) -> None:
    tablet = new_context("tablet").new_page()
    pages.log_in(tablet, "councillor1")
    meeting_url = _csss_meeting_url(tablet)
    pages.check(tablet)
    phone = new_context("phone").new_page()
    pages.log_in(phone, "councillor2")
    pages.check(phone)

    # they read their items before the meeting
    for page in (tablet, phone):
        page.goto(meeting_url)
        pages.check(page)
        page.locator("ol.agenda a").nth(1).click()
        expect(page.locator("main h1")).to_contain_text("2.")
        expect(page.locator(".report-text").first).to_be_visible()
        pages.check(page)

    # the president opens the sitting: the roll call "all present" in the same click
    chair = new_context().new_page()
    pages.log_in(chair, "president")
    pages.open_sitting(chair, meeting_url)
    expect(chair.locator(".quorum-met")).to_be_visible()
    expect(chair.locator(".live-agenda .current-item")).to_contain_text("1.")
    # the secretariat records an exception, then puts it right: the member was there after all
    secretariat = new_context().new_page()
    pages.log_in(secretariat, "secretariat")
    pages.record_attendance(secretariat, meeting_url, NAMES["councillor4"], "absent")
    pages.record_attendance(secretariat, meeting_url, NAMES["councillor4"], "present")
    # "next item": the sitting moves on to item 2
    chair.goto(f"{meeting_url}/chair")
    chair.locator("#next-item").click()
    expect(chair.locator(".flash-success")).to_be_visible()
    expect(chair.locator(".live-agenda .current-item")).to_contain_text("2.")
    pages.check(chair, "chair_sitting")

    _open_live_screen(tablet, pages, meeting_url)
    _open_live_screen(phone, pages, meeting_url)

    # councillor2 has a conflict of interest on item 3 and leaves the room for it
    phone.locator(".live-agenda li").nth(2).locator("a[href$='/withdraw']").tap()
    phone.wait_for_url("**/withdraw")
    pages.check(phone)
    phone.locator("#reason").fill(CONFLICT_REASON)
    phone.locator("main form button[type=submit]").tap()
    expect(phone.locator(".flash-success")).to_be_visible()
    third = phone.locator(".live-agenda li").nth(2)
    expect(third.locator(".badge.warning")).to_be_visible()
    expect(third.locator("a")).to_have_count(0)  # no way back to the file
    phone.evaluate("window.__sameDocument = true")

    _open_vote(chair, pages, meeting_url, 2)

    # the ballot appears on the councillors' screens by itself
    expect(tablet.locator("#vote-yes")).to_be_visible()
    pages.check(tablet, "live_tablet")
    _vote_with_keyboard(tablet, pages, "yes")
    expect(tablet.locator(".vote-done")).to_be_visible()
    expect(phone.locator("#vote-no")).to_be_visible()
    pages.check(phone, "live_phone")
    _tap_vote(phone, pages, "no")
    expect(phone.locator(".vote-done")).to_be_visible()

    chair.reload()
    for username, choice in (("president", "yes"), ("councillor3", "yes"),
                             ("councillor4", "abstain")):
        pages.show_of_hands(chair, NAMES[username], choice)
    pages.check(chair)
    pages.close_vote(chair)
    pages.check(chair, "chair_result")

    for page in (tablet, phone):
        result = page.locator("#live-state .result")
        expect(result).to_be_visible(timeout=15_000)
        expect(result.locator(".result-counts")).to_contain_text("3")
        assert _same_document(page), "the screen reloaded instead of updating in place"
        pages.check(page)

    # item 3: the withdrawn member is told so and gets no ballot
    _open_vote(chair, pages, meeting_url, 3)
    expect(tablet.locator("#vote-yes")).to_be_visible()
    expect(phone.locator("#live-state .notice")).to_contain_text("retiré")
    expect(phone.locator("#vote-yes")).to_have_count(0)
    pages.check(phone)
    _tap_vote(tablet, pages, "yes")
    expect(tablet.locator(".vote-done")).to_be_visible()
    chair.reload()
    pages.close_vote(chair)
    expect(tablet.locator("#live-state .result")).to_be_visible(timeout=15_000)
    assert _same_document(tablet) and _same_document(phone)
    # the withdrawal is on the record of the chair screen; its reason stays with the DG (the
    # minutes record that a member withdrew, not why)
    expect(chair.locator(".chair-floor li").filter(has_text=NAMES["councillor2"])
           ).to_have_count(1)
    expect(chair.locator(".chair-floor")).not_to_contain_text(CONFLICT_REASON)

    # the remaining item, then the sitting closed with its time
    chair.goto(f"{meeting_url}/chair")
    chair.locator("#next-item").click()
    expect(chair.locator(".live-agenda .current-item")).to_contain_text("4.")
    pages.open_vote(chair)
    for username in CSSS:
        pages.show_of_hands(chair, NAMES[username], "yes")
    pages.close_vote(chair)
    pages.close_sitting(chair, meeting_url)
    expect(chair.locator(".live-agenda .badge", has_text="Décidé")).to_have_count(3)
