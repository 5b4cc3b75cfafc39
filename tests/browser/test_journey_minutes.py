"""Journey 3: the demo CSSS meeting of today is held through the interface (the president
opens the sitting with the roll call, puts each item to the vote, closes the sitting); the
first item approves the minutes of the previous CSSS meeting (held a fortnight ago, drafted by
the demo, finished by the secretariat) by the organ's decision, which the president records at
the sitting; the secretariat drafts today's minutes; the president and the director-general
sign the approved minutes and an extract with their demo certificates; the letter notifying
one of its decisions comes out. No meeting state is written behind the interface.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from pdfminer.high_level import extract_text
from playwright.sync_api import Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS

from agenda.reports import report_of_item
from council.crypto import decrypt_json
from council.demo import COUNCILLORS, PRESIDENT, SIGNING_PASSPHRASES
from council.models import AgendaItem, Meeting, MeetingStatus, OrganKind

CSSS = "Comité spécial du service social"
CLOSING = "La séance est levée à 20 h 15."


CSSS_MEMBERS = ("president", "councillor1", "councillor2", "councillor3", "councillor4")
NAMES = {person.username: f"{person.first_name} {person.last_name}"
         for person in (PRESIDENT, *COUNCILLORS)}


def _csss_meetings(session: Session) -> tuple[int, int]:
    """Read only: the CSSS meeting convened for today and the previous one (closed)."""
    meetings = [m for m in session.scalars(select(Meeting).order_by(Meeting.starts_at))
                if m.organ.kind is OrganKind.csss]
    today = next(m for m in meetings if m.status is MeetingStatus.convened)
    previous = next(m for m in meetings if m.status is MeetingStatus.closed)
    return today.id, previous.id


def _hold_the_sitting(page: Page, pages, meeting_url: str) -> None:
    """The president opens the sitting (all present); on its first item records the organ's
    approval of the previous minutes, without observation; takes the other items in order, has
    each one voted by show of hands, and closes the sitting."""
    pages.open_sitting(page, meeting_url)
    page.goto(meeting_url)
    page.locator("ol.agenda a.item-title").first.click()
    page.locator("a[href$='/minutes-approval']").click()
    page.wait_for_url("**/minutes-approval")
    pages.check(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".flash-success")).to_be_visible()
    pages.check(page)
    for _ in range(3):
        page.goto(f"{meeting_url}/chair")
        page.locator("#next-item").click()
        expect(page.locator(".flash-success")).to_be_visible()
        pages.open_vote(page)
        for username in CSSS_MEMBERS:
            pages.show_of_hands(page, NAMES[username], "yes")
        pages.close_vote(page)
    pages.close_sitting(page, meeting_url)


def _applicant_last_name(item_id: int) -> Callable[[Session], str]:
    def read(session: Session) -> str:
        report = report_of_item(session, session.get(AgendaItem, item_id))
        assert report is not None
        return decrypt_json(report.dossier.identity_encrypted)["applicant"]["last_name"]

    return read


def _pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    return " ".join(extract_text(io.BytesIO(pdf)).split())


def _download(page: Page, link_selector: str) -> bytes:
    with page.expect_download() as started:
        page.locator(link_selector).first.click()
    path = started.value.path()
    assert path is not None
    return path.read_bytes()


def _sign_everything_waiting(page: Page, pages, username: str, count: int) -> None:
    page.goto("/signatures")
    pages.check(page)
    for _ in range(count):
        page.goto("/signatures")
        page.locator("main a[href$='/sign']").first.click()
        page.wait_for_url("**/sign")
        pages.check(page)
        page.locator("#passphrase").fill(SIGNING_PASSPHRASES[username])
        page.locator("#password").fill(PASSWORDS[username])
        page.locator("#confirm").check()
        page.locator("main form button[type=submit]").click()
        expect(page.locator(".flash-success")).to_be_visible()
        pages.check(page)
    page.goto("/signatures")
    expect(page.locator("main a[href$='/sign']")).to_have_count(0)


def test_minutes_signed_and_decision_notified(live_server, new_context, pages) -> None:
    today_id, previous_id = live_server.run(_csss_meetings)
    sitting_url, meeting_url = f"/meetings/{today_id}", f"/meetings/{previous_id}"

    # the secretariat finishes the draft minutes of the previous meeting before the sitting
    secretariat = new_context().new_page()
    pages.log_in(secretariat, "secretariat")
    secretariat.goto(f"{meeting_url}/minutes/edit")
    pages.check(secretariat)
    secretariat.locator("textarea[name=closing]").fill(CLOSING)
    secretariat.locator("main form button[type=submit]").click()
    expect(secretariat.locator(".flash-success")).to_be_visible()

    # today's sitting, held through the chair screen, approves them through its first item
    president = new_context().new_page()
    pages.log_in(president, "president")
    _hold_the_sitting(president, pages, sitting_url)

    # its own minutes are drafted once it is closed
    secretariat.goto(f"{sitting_url}/minutes")
    pages.check(secretariat)
    secretariat.locator("form[action$='/minutes/start'] button").click()
    secretariat.wait_for_url("**/minutes/edit")
    pages.check(secretariat, "minutes_edit")
    secretariat.locator("textarea[name=closing]").fill(CLOSING)
    secretariat.locator("main form button[type=submit]").click()
    expect(secretariat.locator(".flash-success")).to_be_visible()

    dg = new_context().new_page()
    pages.log_in(dg, "dg")

    # an extract of the first individual-aid decision, pseudonymised
    dg.goto(meeting_url)
    item_href = dg.locator("ol.agenda a.item-title").nth(1).get_attribute("href") or ""
    item_id = int(item_href.rsplit("/", 1)[1])
    dg.goto(f"/items/{item_id}/extracts")
    pages.check(dg)
    dg.locator("main form button[type=submit]").click()
    expect(dg.locator(".flash-success")).to_be_visible()

    _sign_everything_waiting(president, pages, "president", 2)
    _sign_everything_waiting(dg, pages, "dg", 2)

    secretariat.goto(f"{meeting_url}/minutes")
    expect(secretariat.locator("main")).not_to_contain_text("Signatures still missing")
    pages.check(secretariat, "minutes_signed")
    assert CLOSING in _pdf_text(_download(secretariat, "a[href$='/minutes.pdf']"))

    applicant = live_server.run(_applicant_last_name(item_id))
    dg.goto(f"/items/{item_id}/extracts")
    expect(dg.locator("main table tbody tr")).to_have_count(1)
    pages.check(dg)
    extract = _pdf_text(_download(dg, "main table a[href$='.pdf']"))
    assert CSSS in extract
    assert applicant not in extract  # a pseudonymised extract never names the applicant

    # the decision's notification letter
    dg.goto("/notifications/")
    pages.check(dg)
    dg.locator(f"main a[href$='/notifications/items/{item_id}']").click()
    dg.wait_for_url(f"**/notifications/items/{item_id}")
    pages.check(dg)
    dg.locator("#is_granted").check()
    dg.locator("#aid_label").fill("Revenu d'intégration, catégorie 2")
    dg.locator("#reasons").fill("Vos ressources sont inférieures au montant du revenu "
                                "d'intégration.")
    dg.locator(f"form[action$='/notifications/items/{item_id}'] button").click()
    expect(dg.locator(".flash-success")).to_be_visible()
    dg.locator("form[action$='/letters'] button").click()
    expect(dg.locator(".flash-success")).to_be_visible()
    pages.check(dg, "notification")
    letter = _pdf_text(_download(dg, "main table a[href$='.pdf']"))
    assert applicant in letter  # the letter goes to the applicant
    assert "Revenu d'intégration, catégorie 2" in letter
