"""The work queue on the home page (issue 16, item 4): the DG on a tablet and the secretariat
on a phone find what waits for them, most urgent first, and follow a row to its page."""

from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from council.models import AgendaItem, ItemKind, Meeting, MeetingStatus, OrganKind


def _meeting_in_preparation(session: Session) -> int:
    """A CSSS meeting in preparation, three weeks after the demo's, with an urgent decision
    of the president to ratify."""
    demo = next(m for m in session.scalars(select(Meeting).where(
        Meeting.status == MeetingStatus.convened)) if m.organ.kind is OrganKind.csss)
    meeting = Meeting(organ_id=demo.organ_id, place=demo.place,
                      starts_at=demo.starts_at + timedelta(days=21), status=MeetingStatus.draft)
    session.add(meeting)
    session.add(AgendaItem(meeting=meeting, number=1, kind=ItemKind.ratification,
                           title="Ratification d'une aide urgente accordée par le président"))
    session.commit()
    return meeting.id


def test_dg_and_secretariat_follow_their_work_queue(live_server, new_context, pages) -> None:
    meeting_id = live_server.run(_meeting_in_preparation)

    dg = new_context("tablet").new_page()
    pages.log_in(dg, "dg")
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
