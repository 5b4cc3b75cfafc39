"""Finding things and every word in the reader's language (issue 16, items 6 and 7): the DG
reads the audit log in German, with labels rather than codes, filters it by date and exports
it; the secretariat, in Dutch on a phone, filters the meetings and finds a dossier's reports
by its reference; organ names follow the reader's language."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.clock import centre_today
from council.models import SocialReport


def _switch_language(page: Page, language: str) -> None:
    page.locator("#language-select").select_option(language)
    page.locator(".language-switch button").click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def _scheduled_reference(session: Session) -> str:
    report = session.scalars(select(SocialReport).where(SocialReport.item_id.is_not(None))
                             ).first()
    assert report is not None
    return report.dossier.reference


def test_dg_reads_filters_and_exports_the_audit_log_in_german(new_context, pages) -> None:
    dg = new_context("tablet").new_page()
    pages.log_in(dg, "dg")
    _switch_language(dg, "de")
    dg.goto("/audit/")
    pages.check(dg)
    table = dg.locator("main table")
    expect(table).to_contain_text("Anmeldung")  # "login", as a label
    expect(table).not_to_contain_text("login_failed")
    today = centre_today().isoformat()
    dg.locator("#filter-since").fill(today)
    dg.locator("#filter-until").fill(today)
    dg.locator("main form[role=search] button[type=submit]").click()
    dg.wait_for_url(f"**since={today}**")
    pages.check(dg)
    with dg.expect_download() as started:
        dg.locator("#audit-export").click()
    path = started.value.path()
    assert path is not None
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["Eintrag", "Wann (UTC)", "Wer", "Was"]
    assert any(row[4] == "login" and row[3] == "Anmeldung" for row in rows[1:])


def test_secretariat_filters_meetings_and_finds_a_dossier_in_dutch(live_server, new_context,
                                                                   pages) -> None:
    reference = live_server.run(_scheduled_reference)
    phone = new_context("phone").new_page()
    pages.log_in(phone, "secretariat")
    _switch_language(phone, "nl")
    # the home page names the organs in Dutch
    expect(phone.locator(".organ-list")).to_contain_text("Bijzonder comité voor de sociale dienst")
    expect(phone.locator(".organ-list")).not_to_contain_text("Comité spécial")
    phone.goto("/meetings/")
    pages.check(phone)
    phone.locator("#filter-organ").select_option("csss")
    phone.locator("#filter-status").select_option("closed")
    phone.locator("#filter-reference").fill(reference)
    phone.locator("main form[role=search] button[type=submit]").tap()
    phone.wait_for_url("**reference=**")
    found = phone.locator(".found-reports li")
    expect(found.first).to_be_visible()
    expect(phone.locator("#found-title")).to_contain_text(reference)
    rows = phone.locator("main table tbody tr")
    expect(rows.first).to_contain_text("Afgesloten")  # closed meetings only
    pages.check(phone)
    found.first.locator("a").first.tap()
    phone.wait_for_url("**/reports/*")
    pages.check(phone)
