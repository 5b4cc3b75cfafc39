"""The work queue of the DG's and the secretariat's home page (issue 16, item 4): what waits,
each row a link, most urgent first, only what each role may see, in a fixed number of
queries."""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from typing import Any

from flask.testing import FlaskClient
from report_samples import DOSSIER, IDENTITY_VALUES, TEXT
from sqlalchemy.orm import Session
from support import csss_meeting_in_preparation, user_named

from agenda import reports
from council.clock import centre_today
from council.models import (
    AgendaItem,
    ItemKind,
    Meeting,
    MeetingStatus,
    RequesterKind,
    SecrecyBasis,
)
from council.worklist import Task, TaskKind, ordered
from minutes.secrecy import register


def _queue(client: FlaskClient) -> list[dict[str, str]]:
    """The rows of the queue: their kind (class), deadline, what and link."""
    html = client.get("/").get_data(as_text=True)
    section = re.search(r'<section class="card work-queue".*?</section>', html, re.S)
    assert section, "no work queue on the home page"
    rows = []
    for row in re.finditer(r'<tr class="task-(\w+)[^"]*">(.*?)</tr>', section.group(0), re.S):
        link = re.search(r'<a href="([^"]+)">(.*?)</a>', row.group(2), re.S)
        day = re.search(r'<time datetime="([\d-]+)"', row.group(2))
        rows.append({"kind": row.group(1), "due": day.group(1) if day else "",
                     "url": link.group(1), "label": link.group(2), "html": row.group(0)})
    return rows


def _reference(n: int) -> dict[str, Any]:
    dossier = copy.deepcopy(DOSSIER)
    dossier["reference"] = f"2026/09{n:02d}"
    return dossier


def _scene(session: Session, demo: Any, n: int = 0) -> Meeting:
    """A CSSS meeting in preparation with a report on its agenda (pseudonymisation not
    reviewed), an item whose title names the applicant (the leak guard stops it), an urgent
    decision to ratify; a report waiting; a secrecy request pending."""
    worker, dg = user_named(session, "socialworker"), user_named(session, "dg")
    meeting = csss_meeting_in_preparation(session, demo)
    meeting.starts_at += timedelta(days=n)
    scheduled = reports.submit_report(session, reports.Submission(dossier=_reference(2 * n),
                                                                  text=TEXT), actor=worker)
    reports.schedule_report(session, scheduled.report, meeting, actor=dg)
    reports.submit_report(session, reports.Submission(dossier=_reference(2 * n + 1), text=TEXT),
                          actor=worker)
    session.add_all([
        AgendaItem(meeting=meeting, number=10, kind=ItemKind.general,
                   title=f"Aide à Mireille {DOSSIER['applicant']['last_name']}"),
        AgendaItem(meeting=meeting, number=11, kind=ItemKind.ratification,
                   title="Ratification de l'aide urgente accordée par le président"),
    ])
    session.commit()
    register.register_request(session, register.RequestInput(
        dossier_reference=_reference(2 * n)["reference"], requester_kind=RequesterKind.police,
        requester_name="Zone de police", requester_reference=f"PV {n}",
        basis=SecrecyBasis.other, basis_reference="Code d'instruction criminelle",
        requested="Adresse", received_on=centre_today()), actor=dg)
    return meeting


def test_the_dg_sees_every_kind_of_work_most_urgent_first(client: FlaskClient, auth, demo,
                                                           session: Session) -> None:
    meeting = _scene(session, demo)
    auth.login("dg")
    auth.use_language("en")
    rows = _queue(client)
    kinds = {row["kind"] for row in rows}
    assert {"convocation", "review", "reports", "leak", "ratification", "notification",
            "approval", "secrecy"} <= kinds, kinds
    # the convocation's deadline is the latest legal sending date (5 jours francs)
    convocation = next(r for r in rows if r["kind"] == "convocation")
    assert convocation["due"] == (meeting.day - timedelta(days=6)).isoformat()
    assert convocation["url"] == f"/meetings/{meeting.id}"
    # the decisions to notify: 8 days after the decision (LO art. 62bis)
    notification = next(r for r in rows if r["kind"] == "notification")
    assert notification["url"].startswith("/notifications/items/")
    leak = next(r for r in rows if r["kind"] == "leak")
    assert re.search(r": \d+ items? names? a known person$", leak["label"]), leak["label"]
    assert leak["url"] == f"/meetings/{meeting.id}"
    review = next(r for r in rows if r["kind"] == "review")
    assert re.fullmatch(rf"/meetings/{meeting.id}/items/\d+/review", review["url"])
    assert next(r for r in rows if r["kind"] == "reports")["url"] == (
        f"/meetings/{meeting.id}/reports")
    # dated rows first, by deadline; undated ones after
    dues = [r["due"] for r in rows]
    dated = [d for d in dues if d]
    assert dues[:len(dated)] == sorted(dated)
    # every row a link that answers
    for row in rows:
        assert client.get(row["url"].replace("&amp;", "&")).status_code == 200, row
    # names a meeting, an item, a requester: never the person
    for value in IDENTITY_VALUES:
        assert all(value not in row["html"] for row in rows), value


def test_each_role_sees_only_its_own_work(client: FlaskClient, auth, demo,
                                          session: Session) -> None:
    _scene(session, demo)
    auth.login("secretariat")
    auth.use_language("en")
    kinds = {row["kind"] for row in _queue(client)}
    # the secretariat prepares the meetings and the minutes; notifying decisions and the
    # secrecy register are the DG's (and the social workers')
    assert {"convocation", "review", "reports", "leak", "approval"} <= kinds
    assert not kinds & {"notification", "secrecy"}
    auth.logout()
    for username in ("councillor1", "president"):
        auth.login(username)
        assert 'class="card work-queue"' not in client.get("/").get_data(as_text=True)
        auth.logout()


def test_queue_queries_do_not_grow_with_its_rows(client: FlaskClient, auth, demo,
                                                 session: Session, count_queries) -> None:
    _scene(session, demo)
    auth.login("dg")
    auth.use_language("en")

    def queries() -> tuple[int, int]:
        client.get("/")  # the same session's identity map on both sides
        counter = count_queries()
        rows = len(_queue(client))
        return counter.count, rows

    before, rows_before = queries()
    for n in range(1, 4):
        _scene(session, demo, n)
    after, rows_after = queries()
    # a convocation, a review, a leak, a ratification and a secrecy request each time (the
    # waiting reports are one row per organ)
    assert rows_after == rows_before + 3 * 5
    assert after == before


def test_ordered_puts_overdue_first_then_by_deadline_then_undated_by_age() -> None:
    today = date(2026, 11, 16)

    def task(kind: TaskKind, due: int | None, since: int | None = None) -> Task:
        return Task(kind, f"{kind.value} {due}", "/",
                    None if due is None else today + timedelta(days=due),
                    None if since is None else today - timedelta(days=since))

    tasks = [task(TaskKind.minutes, None, 3), task(TaskKind.convocation, 5),
             task(TaskKind.notification, -2), task(TaskKind.secrecy, None, 10),
             task(TaskKind.sitting, 0), task(TaskKind.review, 5)]
    assert [(t.kind, t.days_left(today)) for t in ordered(tasks)] == [
        (TaskKind.notification, -2), (TaskKind.sitting, 0), (TaskKind.convocation, 5),
        (TaskKind.review, 5), (TaskKind.secrecy, None), (TaskKind.minutes, None)]


def test_a_sitting_today_leads_the_chair_or_staff_to_it(client: FlaskClient, auth, demo,
                                                        session: Session,
                                                        time_machine) -> None:
    meeting = session.get(Meeting, demo.csss_meeting_id)
    assert meeting.status is MeetingStatus.convened
    time_machine.move_to(meeting.starts_at - timedelta(hours=2))
    auth.login("dg")
    auth.use_language("en")
    sitting = [r for r in _queue(client) if r["kind"] == "sitting"]
    # the demo convenes the CSSS and the council for the same day (issue 15, item 7)
    assert sorted(r["url"] for r in sitting) == sorted(
        f"/meetings/{meeting_id}/chair"
        for meeting_id in (demo.csss_meeting_id, demo.council_meeting_id))
    assert {r["due"] for r in sitting} == {meeting.day.isoformat()}
