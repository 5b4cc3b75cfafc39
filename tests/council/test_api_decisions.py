"""``GET /api/v1/decisions?since=…`` (issue 15, item 5): the decisions taken on reports, back to
the social software, for the DG and the integration account only; a stable order paged by a
cursor; a constant number of queries whatever the number of decisions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import user_named

from council.models import AgendaItem, AuditEntry, Notification, SocialReport
from council.models.base import utcnow
from minutes import decisions


def _feed(client: FlaskClient, headers: dict[str, str], **query: Any) -> Any:
    response = client.get("/api/v1/decisions", query_string=query, headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def _decided_with_reports(session: Session) -> list[AgendaItem]:
    return list(session.scalars(select(AgendaItem).join(
        SocialReport, SocialReport.item_id == AgendaItem.id).where(
        AgendaItem.status == "decided").order_by(AgendaItem.id)))


def test_the_integration_account_reads_every_decision_on_a_report(
        client: FlaskClient, api_token: Any, session: Session, demo: Any) -> None:
    expected = _decided_with_reports(session)
    assert len(expected) >= 2  # the demo's past CSSS meeting
    page = _feed(client, api_token("integration"))
    assert page["next"] is None
    assert sorted(d["item_id"] for d in page["decisions"]) == [i.id for i in expected]
    first = next(d for d in page["decisions"] if d["item_id"] == demo.decided_item_id)
    item = session.get(AgendaItem, demo.decided_item_id)
    report = session.scalar(select(SocialReport).where(SocialReport.item_id == item.id))
    assert first["dossier_reference"] == report.dossier.reference
    assert first["sitting_date"] == item.meeting.day.isoformat()
    assert first["outcome"] in ("adopted", "rejected") and first["outcome_text"]
    assert first["language"] == report.dossier.language.value
    assert first["decision_text"] == item.draft_decision
    assert first["notification"] == "pending" and first["latest_revision"] is None
    entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
    assert entry.action == "decisions_read"


@pytest.mark.parametrize("username", ["secretariat", "socialworker", "president", "admin"])
def test_others_do_not_read_decisions(client: FlaskClient, api_token: Any,
                                      username: str) -> None:
    response = client.get("/api/v1/decisions", headers=api_token(username))
    assert response.status_code == 403 and response.json["error"] == "forbidden"


@pytest.mark.parametrize("query", [{"since": "yesterday"}, {"since": "2026-11-16T10:00:00"},
                                   {"limit": 0}, {"limit": 501}, {"after": 3}])
def test_bad_queries_are_400(client: FlaskClient, api_token: Any, query: dict) -> None:
    response = client.get("/api/v1/decisions", query_string=query, headers=api_token("dg"))
    assert response.status_code == 400 and "error" in response.json


def test_pages_follow_a_stable_order(client: FlaskClient, api_token: Any,
                                     session: Session) -> None:
    headers = api_token("dg")
    everything = [d["item_id"] for d in _feed(client, headers)["decisions"]]
    seen: list[int] = []
    query: dict[str, Any] = {"limit": 1}
    while True:
        page = _feed(client, headers, **query)
        seen += [d["item_id"] for d in page["decisions"]]
        if page["next"] is None:
            break
        query = {"limit": 1, **page["next"]}
    assert seen == everything and len(set(seen)) == len(seen)


def test_since_gives_what_changed_and_a_correction_comes_back(
        client: FlaskClient, api_token: Any, session: Session) -> None:
    headers = api_token("integration")
    everything = _feed(client, headers)["decisions"]
    latest = max(d["changed_at"] for d in everything)
    later = (utcnow() + timedelta(minutes=1)).isoformat()
    assert _feed(client, headers, since=latest)["decisions"]  # inclusive
    assert _feed(client, headers, since=later)["decisions"] == []
    item = _decided_with_reports(session)[0]
    decisions.revise_decision(session, item, actor=user_named(session, "dg"),
                              text=f"{item.draft_decision}\nMontant : 1.560 €.",
                              reason="Erreur matérielle.")
    since = utcnow() - timedelta(seconds=1)
    [changed] = _feed(client, headers, since=since.isoformat())["decisions"]
    assert changed["item_id"] == item.id
    assert changed["latest_revision"]["reason"] == "Erreur matérielle."
    assert changed["decision_text"].endswith("1.560 €.")
    assert changed["latest_revision"]["number"] == 1


def test_the_notification_state(client: FlaskClient, api_token: Any, session: Session) -> None:
    item = _decided_with_reports(session)[0]
    report = session.scalar(select(SocialReport).where(SocialReport.item_id == item.id))
    letter = Notification(item_id=item.id, dossier_id=report.dossier_id,
                          language=report.dossier.language, pdf_encrypted=b"-",
                          sha256="0" * 64, generated_by_id=user_named(session, "dg").id)
    session.add(letter)
    session.commit()
    headers = api_token("dg")

    def state() -> tuple[str, Any]:
        found = next(d for d in _feed(client, headers)["decisions"] if d["item_id"] == item.id)
        return found["notification"], found["notified_at"]

    assert state() == ("generated", None)
    letter.sent_at = utcnow()
    session.commit()
    assert state()[0] == "sent" and state()[1] is not None


def test_queries_do_not_grow_with_decisions(client: FlaskClient, api_token: Any,
                                            session: Session, count_queries: Any) -> None:
    headers = api_token("integration")
    dg = user_named(session, "dg")
    items = _decided_with_reports(session)
    for item in items:  # every decision corrected: the latest correction of each is read
        decisions.revise_decision(session, item, actor=dg, reason="Erreur matérielle.",
                                  text=f"{item.draft_decision}\nCorrigé.")

    def queries(limit: int) -> tuple[int, int]:
        session.expire_all()
        counter = count_queries()
        page = _feed(client, headers, limit=limit)
        assert all(d["latest_revision"] for d in page["decisions"])
        return counter.count, len(page["decisions"])

    queries(1)  # the first request of the test opens the test's savepoint
    few, one = queries(1)
    many, all_of_them = queries(500)
    assert one == 1 and all_of_them == len(items) > 1
    assert many == few
