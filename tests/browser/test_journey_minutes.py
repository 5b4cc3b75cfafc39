"""Journey 3: after the CSSS meeting has been held, the secretariat drafts its minutes and
records their approval by the next meeting; the president and the director-general sign the
minutes and an extract with their demo certificates; the letter notifying a decision comes out.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta

from pdfminer.high_level import extract_text
from playwright.sync_api import Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS

from agenda.reports import report_of_item
from council.crypto import decrypt_json
from council.demo import SIGNING_PASSPHRASES
from council.demo.scenario import hold_meeting
from council.models import AgendaItem, Meeting, OrganKind, User

CSSS = "Comité spécial du service social"
CLOSING = "La séance est levée à 20 h 15."


def _hold_the_demo_csss_meeting(session: Session) -> int:
    """What the secretariat and the votes recorded during the sitting (the journey of
    test_journey_meeting.py), written directly, then the meeting closed."""
    meeting = next(m for m in session.scalars(select(Meeting)) if m.organ.kind is OrganKind.csss)
    secretariat = session.scalar(select(User).where(User.username == "secretariat"))
    hold_meeting(session, meeting, recorder=secretariat)
    return meeting.id


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
    meeting_id = live_server.run(_hold_the_demo_csss_meeting)
    meeting_url = f"/meetings/{meeting_id}"

    # the next CSSS meeting, held, approves the minutes through its first item
    dg = new_context().new_page()
    pages.log_in(dg, "dg")
    next_meeting = pages.create_meeting(dg, CSSS, date.today() + timedelta(days=28))
    pages.convene(dg, next_meeting)
    secretariat = new_context().new_page()
    pages.log_in(secretariat, "secretariat")
    pages.record_presence(secretariat, next_meeting, 3)

    secretariat.goto(f"{meeting_url}/minutes")
    pages.check(secretariat)
    secretariat.locator("form[action$='/minutes/start'] button").click()
    secretariat.wait_for_url("**/minutes/edit")
    pages.check(secretariat, "minutes_edit")
    secretariat.locator("textarea[name=closing]").fill(CLOSING)
    secretariat.locator("main form button[type=submit]").click()
    expect(secretariat.locator(".flash-success")).to_be_visible()
    # the organ approves them at its sitting: the DG records its decision on the first item
    dg.goto(next_meeting)
    dg.locator("ol.agenda a.item-title").first.click()
    dg.locator("a[href$='/minutes-approval']").click()
    dg.wait_for_url("**/minutes-approval")
    pages.check(dg)
    dg.locator("main form button[type=submit]").click()
    expect(dg.locator(".flash-success")).to_be_visible()
    pages.check(dg)

    # an extract of the first individual-aid decision, pseudonymised
    dg.goto(meeting_url)
    item_href = dg.locator("ol.agenda a.item-title").nth(1).get_attribute("href") or ""
    item_id = int(item_href.rsplit("/", 1)[1])
    dg.goto(f"/items/{item_id}/extracts")
    pages.check(dg)
    dg.locator("main form button[type=submit]").click()
    expect(dg.locator(".flash-success")).to_be_visible()

    president = new_context().new_page()
    pages.log_in(president, "president")
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
