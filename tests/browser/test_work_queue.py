"""The work queue on the home page (issue 16, item 4): the DG on a tablet and the secretariat
on a phone find what waits for them, most urgent first, and follow a row to its page. The
meeting in preparation is made through the interface; the database is only read."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.models import Meeting, MeetingStatus, OrganKind

CSSS = "Comité spécial du service social"


def _demo_csss_day(session: Session) -> date:
    """Read only: the day of the demo's convened CSSS meeting."""
    demo = next(m for m in session.scalars(select(Meeting).where(
        Meeting.status == MeetingStatus.convened)) if m.organ.kind is OrganKind.csss)
    return demo.day


def _meeting_in_preparation(page: Page, pages, day: date) -> str:
    """The DG prepares, through the interface, a CSSS meeting three weeks after the demo's,
    with an urgent decision of the president to ratify; returns its address."""
    meeting_url = pages.create_meeting(page, CSSS, day + timedelta(days=21))
    page.locator("#kind").select_option("ratification")
    page.locator("#title").fill("Ratification d'une aide urgente accordée par le président")
    page.locator("form[action$='/items'] button[type=submit]").click()
    expect(page.locator(".flash-success")).to_be_visible()
    pages.check(page)
    return meeting_url


def test_dg_and_secretariat_follow_their_work_queue(live_server, new_context, pages) -> None:
    dg = new_context("tablet").new_page()
    pages.log_in(dg, "dg")
    meeting_url = _meeting_in_preparation(dg, pages, live_server.run(_demo_csss_day))
    meeting_id = int(meeting_url.rsplit("/", 1)[1])
    dg.goto("/")
    queue = dg.locator(".work-queue")
    expect(queue.locator("h2")).to_have_text("Votre travail en attente")
    pages.check(dg, "work_queue_tablet")
    rows = queue.locator("tbody tr")
    kinds = [cls.split()[0] for cls in rows.evaluate_all("rows => rows.map(r => r.className)")]
    assert {"task-convocation", "task-ratification", "task-notification"} <= set(kinds), kinds
    # most urgent first: the deadlines never go back
    days = [d for d in rows.locator("time").evaluate_all(
        "times => times.map(t => t.getAttribute('datetime'))")]
    assert days == sorted(days)
    # a row leads to its page
    convocation = queue.locator("tr.task-convocation a").first
    expect(convocation).to_have_attribute("href", f"/meetings/{meeting_id}")
    convocation.click()
    dg.wait_for_url(f"**/meetings/{meeting_id}")
    pages.check(dg)

    secretariat = new_context("phone").new_page()
    pages.log_in(secretariat, "secretariat")
    queue = secretariat.locator(".work-queue")
    expect(queue.locator("tr.task-ratification")).to_have_count(1)
    # the decisions to notify and the secrecy register are not the secretariat's
    expect(queue.locator("tr.task-notification")).to_have_count(0)
    expect(queue.locator("tr.task-secrecy")).to_have_count(0)
    pages.check(secretariat, "work_queue_phone")
    queue.locator("tr.task-ratification a").tap()
    secretariat.wait_for_url("**/items/*")
    expect(secretariat.locator("main h1")).to_contain_text("Ratification")
    pages.check(secretariat)
