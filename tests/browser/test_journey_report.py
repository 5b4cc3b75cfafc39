"""Journey 1: a social worker submits a report; the director-general schedules it on a new
CSSS meeting, fixes a name the pseudonymiser missed by selecting it in the text, approves the
pseudonymisation and convenes the members, who then read the item without any identity."""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import Page, expect

from council.clock import centre_today

#: "Zouzou" is a family's own pet name with no title, kinship word or listed first name near it:
#: the pseudonymiser cannot know it, the reviewer must catch it
REPORT = (
    "RAPPORT SOCIAL\n\n"
    "Madame Mireille Kabongo-Verhelst, domiciliée rue des Alouettes 14 à 7000 Hautrival, vit "
    "seule avec son fils Timothée.\n"
    "Son propriétaire, Monsieur Hector Vandeputte, réclame deux mois d'arriérés de loyer.\n"
    "Le mercredi, Zouzou garde Timothée.\n\n"
    "Proposition\n"
    "Octroi d'une aide de 450,00 € pour les arriérés de loyer.\n"
)
REFERENCE = "2026/0777"
MISSED = "Zouzou"
IDENTITIES = ("Kabongo", "Mireille", "Timothée", "Alouettes", "Vandeputte", MISSED)


def _submit_report(page: Page, pages) -> None:
    pages.log_in(page, "socialworker")
    page.goto("/reports/new")
    pages.check(page, "report_new")
    page.locator("#text").fill(REPORT)
    page.locator("#dossier-reference").fill(REFERENCE)
    page.locator("#dossier-applicant-last_name").fill("Kabongo-Verhelst")
    page.locator("#dossier-applicant-first_names").fill("Mireille")
    page.locator("#organ").select_option("csss")
    page.locator("#submit-report").click()
    expect(page.locator(".flash-success")).to_be_visible()
    draft = page.locator(".report-text").first
    expect(draft).not_to_contain_text("Kabongo")
    expect(draft).to_contain_text(MISSED)  # what the review is for
    pages.check(page)


def _select_word(page: Page, container: str, word: str) -> None:
    """Double-clicks the word in the text, as a reviewer selecting it with the mouse."""
    box = page.evaluate(
        """([selector, word]) => {
            const root = document.querySelector(selector);
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(word);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + word.length);
                const rect = range.getBoundingClientRect();
                return {x: rect.x + rect.width / 2, y: rect.y + rect.height / 2};
            }
            return null;
        }""",
        [container, word],
    )
    assert box is not None, f"{word!r} is not in {container}"
    page.mouse.dblclick(box["x"], box["y"])


def _review(page: Page, pages) -> None:
    expect(page.locator("#review-text")).to_contain_text(MISSED)
    pages.check(page, "review")
    page.locator("#review-text").scroll_into_view_if_needed()
    _select_word(page, "#review-text", MISSED)
    expect(page.locator("#text")).to_have_value(MISSED)  # copied by static/review.js
    page.locator("#category").select_option("name")
    page.locator("form[action$='/review/additions'] button[type=submit]").click()
    expect(page.locator(".flash-success")).to_be_visible()
    expect(page.locator("#review-text")).not_to_contain_text(MISSED)
    pages.check(page)
    page.locator("form[action$='/review/approve'] button[type=submit]").click()
    expect(page.locator(".flash-success")).to_be_visible()
    expect(page.locator("form[action$='/review/approve'] button")).to_be_disabled()
    pages.check(page)


def test_report_reviewed_and_convened(new_context, pages) -> None:
    worker = new_context().new_page()
    _submit_report(worker, pages)

    dg = new_context().new_page()
    pages.log_in(dg, "dg", screenshot="login")
    pages.check(dg, "home_dg")
    dg.goto("/composition")
    pages.check(dg, "composition")
    meeting_url = pages.create_meeting(dg, "Comité spécial du service social",
                                       centre_today() + timedelta(days=21))
    dg.locator("main a[href$='/reports']").click()
    dg.wait_for_url("**/reports")
    pages.check(dg)
    row = dg.locator("tr", has_text=REFERENCE)
    row.locator("input[name=subject]").fill("Aide au logement — arriérés de loyer")
    row.locator("button[type=submit]").click()
    dg.wait_for_url("**/review")
    _review(dg, pages)

    pages.convene(dg, meeting_url, screenshot="meeting_agenda")
    expect(dg.locator("#convocation .member-list li")).to_have_count(5)  # the CSSS members

    member = new_context().new_page()
    pages.log_in(member, "councillor1")
    member.goto(meeting_url)
    pages.check(member)
    member.locator("ol.agenda a", has_text="arriérés de loyer").click()
    member.wait_for_url(re.compile(r"/items/\d+$"))
    text = member.locator("main").inner_text()
    assert "Octroi d'une aide de 450,00 €" in text
    for identity in IDENTITIES:
        assert identity not in text, f"{identity!r} reached a member"
    pages.check(member)
