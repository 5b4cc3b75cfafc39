"""Issue 15, items 2, 3 and 5, replayed by the insiders who could try them.

- The DG changed an adopted decision after the vote (1.560 € → 2.560 €, "Point modifié."):
  now refused in place on the web, in the API and in the minutes; the correction is a decision
  revision with its reason, the text decided kept.
- The secretariat approved minutes by a button, without the organ: now only the organ's
  decision, recorded at its next sitting by the president or the DG, approves them.
- The integration account (the social software) submits reports and reads decisions, and
  reaches nothing else: every other endpoint of the API answers 403 or 404.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from support import user_named

from council.demo.scenario import hold_meeting
from council.models import ItemKind, ItemStatus, Meeting, MeetingStatus, MinutesStatus
from council.refusals import Denied
from minutes import service as minutes_service
from minutes.loading import minutes_of

ADOPTED = "Vu la loi organique ;\nDécide : d'accorder une aide de 1.560 € par mois."


@pytest.fixture
def adopted(session: Session, demo: Any) -> Any:
    """The demo CSSS meeting held, one aid item adopted with 1.560 €, the sitting still open."""
    meeting = session.get(Meeting, demo.csss_meeting_id)
    hold_meeting(session, meeting, recorder=user_named(session, "secretariat"))
    item = next(i for i in meeting.items if i.kind is ItemKind.individual_aid
                and i.status is ItemStatus.decided)
    item.draft_decision = ADOPTED
    meeting.status = MeetingStatus.in_progress
    session.commit()
    return item


def test_the_dg_cannot_change_an_adopted_decision_on_the_web(
        client: FlaskClient, auth: Any, session: Session, adopted: Any) -> None:
    auth.login("dg")
    auth.use_language("en")
    client.post(f"/meetings/{adopted.meeting_id}/items/{adopted.id}/edit", data={
        "kind": adopted.kind.value, "title": "Point modifié.",
        "draft_decision": ADOPTED.replace("1.560", "2.560")})
    session.expire_all()
    assert adopted.draft_decision == ADOPTED and adopted.title != "Point modifié."
    # the path that remains: a correction, kept beside the decision, with its reason
    client.post(f"/meetings/{adopted.meeting_id}/items/{adopted.id}/decision", data={
        "text": ADOPTED.replace("1.560", "2.560"), "reason": "Point modifié."})
    session.expire_all()
    assert adopted.draft_decision == ADOPTED
    assert [r.reason for r in adopted.decision_revisions] == ["Point modifié."]


def test_the_dg_cannot_change_an_adopted_decision_through_the_api(
        client: FlaskClient, api_token: Any, session: Session, adopted: Any) -> None:
    headers = api_token("dg")
    for method in ("PUT", "PATCH", "POST"):
        response = client.open(f"/api/v1/items/{adopted.id}", method=method, headers=headers,
                               json={"draft_decision": ADOPTED.replace("1.560", "2.560")})
        assert response.status_code == 405
    refused = client.post(f"/api/v1/items/{adopted.id}/decision-revisions", headers=headers,
                          json={"text": ADOPTED.replace("1.560", "2.560"), "reason": " "})
    assert refused.status_code == 400
    session.expire_all()
    assert adopted.draft_decision == ADOPTED and adopted.decision_revisions == []


def test_the_dg_cannot_change_it_in_the_minutes(session: Session, adopted: Any) -> None:
    adopted.meeting.status = MeetingStatus.closed
    session.commit()
    draft = minutes_service.start_draft(session, adopted.meeting,
                                        actor=user_named(session, "dg"))
    with pytest.raises(minutes_service.Conflict):
        minutes_service.save_revision(session, draft, actor=user_named(session, "dg"), texts={
            adopted.id: ADOPTED.replace("1.560", "2.560")})


@pytest.fixture
def previous_minutes(session: Session, demo: Any) -> Any:
    """The demo's past CSSS meeting's draft minutes, which the demo CSSS meeting approves."""
    current = session.get(Meeting, demo.csss_meeting_id)
    current.status = MeetingStatus.in_progress  # the sitting is open
    session.commit()
    item = minutes_service.approval_item(session, current)
    return item, minutes_service.minutes_to_approve(session, item)


def test_the_secretariat_cannot_approve_minutes_without_the_organ(
        client: FlaskClient, auth: Any, session: Session, demo: Any,
        previous_minutes: Any) -> None:
    item, minutes = previous_minutes
    assert minutes is not None and minutes.status is MinutesStatus.draft
    with pytest.raises(Denied):
        minutes_service.record_organ_approval(session, item,
                                              actor=user_named(session, "secretariat"))
    session.rollback()
    auth.login("secretariat")
    # the old button is gone, and the organ's page is not the secretariat's
    assert client.post(f"/meetings/{minutes.meeting_id}/minutes/approve",
                       data={"at_meeting_id": item.meeting_id}).status_code == 404
    assert client.post(f"/meetings/{item.meeting_id}/items/{item.id}/minutes-approval",
                       data={}).status_code == 403
    session.expire_all()
    assert minutes_of(session, minutes.meeting_id).status is MinutesStatus.draft
    # nor can a councillor who is not chairing
    with pytest.raises(Denied):
        minutes_service.record_organ_approval(session, item,
                                              actor=user_named(session, "councillor1"))


#: what the integration account may call, and how it is answered with the bodies below
ALLOWED = {"api.list_decisions", "api.submit_report", "api.issue_token",
           "api-docs.openapi_json"}


#: a body each endpoint parses, so that the answer is the access policy's, not the schema's
BODY: dict[str, Any] = {}
BODIES = {"api.decide_secrecy_request": {"outcome": "refused", "reasons": "x"},
          "api.record_attendance": {"member_id": 1, "status": "present"},
          "api.declare_recusal": {"member_id": 1, "reason": "x"},
          "api.cast_ballot": {"choice": "yes"},
          "api.revise_decision": {"text": "x", "reason": "y"},
          "api.set_seats": {"seats": 1},
          "api.urgency_vote": {"votes_for": 1}}


def test_the_integration_account_reaches_nothing_else(app: Flask, client: FlaskClient,
                                                      api_token: Any, demo: Any) -> None:
    headers = api_token("integration")
    ids = {"meeting_id": demo.csss_meeting_id, "item_id": demo.decided_item_id}
    tried = 0
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/") or rule.endpoint in ALLOWED:
            continue
        path = rule.rule
        for argument in rule.arguments:
            path = path.replace(f"<int:{argument}>", str(ids.get(argument, 1)))
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(path, method=method, headers=headers,
                                   json=BODIES.get(rule.endpoint, BODY))
            assert response.status_code in (403, 404), (method, path, response.status_code)
            tried += 1
    assert tried >= 10
    assert client.get("/api/v1/decisions", headers=headers).status_code == 200
