"""Every route × every role, with the status each must get (deny by default).

A route added to the application without an entry here makes ``test_every_route_is_listed``
fail, so that no page or API path escapes review.
"""

from __future__ import annotations

from typing import Any

import pytest
from access_minutes import ROUTES as MINUTES_ROUTES
from access_secrecy import ROUTES as SECRECY_ROUTES
from access_security import ROUTES as SECURITY_ROUTES
from flask import Flask
from flask.testing import FlaskClient
from support import PASSWORDS, ROLES, Routes, expect

#: the demo's first social report (the schema is created afresh for each run)
DEMO_REPORT_ID = 1

CORE_ROUTES: Routes = {
    ("static", "GET"): (lambda d: "/static/council.css", None, expect(200)),
    ("auth.login", "GET"): (lambda d: "/login", None, expect(302, anonymous=200)),
    ("auth.login", "POST"): (lambda d: "/login", {"username": "x", "password": "y"},
                             expect(302, anonymous=200)),
    ("auth.logout", "POST"): (lambda d: "/logout", {}, expect(302)),
    ("auth.set_language", "POST"): (lambda d: "/language", {"language": "nl"}, expect(302)),
    ("main.home", "GET"): (lambda d: "/", None, expect(200, anonymous=302, admin=302)),
    ("main.composition", "GET"): (lambda d: "/composition", None,
                                  expect(200, integration=403,
                                         anonymous=302, admin=403, social_worker=403)),
    ("main.users", "GET"): (lambda d: "/admin/users", None, expect(403, anonymous=302, admin=200)),
    ("main.users", "POST"): (lambda d: "/admin/users", {}, expect(403, anonymous=302, admin=200)),
    ("main.toggle_user", "POST"): (
        lambda d: f"/admin/users/{d.user_ids['councillor10']}/disable", {},
        expect(403, anonymous=302, admin=302)),
    ("agenda.meetings", "GET"): (lambda d: "/meetings/", None,
                                 expect(200, integration=403,
                                        anonymous=302, admin=403, social_worker=403)),
    ("agenda.meeting", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}", None,
        expect(200, integration=403, anonymous=302, admin=403, social_worker=403, non_member=404)),
    ("agenda.item", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}", None,
        expect(200, integration=403, anonymous=302, admin=403, social_worker=403, non_member=404)),
    ("api.get_item", "GET"): (
        lambda d: f"/api/v1/items/{d.csss_item_id}", None,
        expect(200, integration=403, anonymous=401, admin=403, social_worker=403, non_member=404)),
    ("builder.new_meeting", "GET"): (lambda d: "/meetings/new", None,
                                     expect(403, anonymous=302, dg=200, secretariat=200)),
    ("builder.new_meeting", "POST"): (lambda d: "/meetings/new", {},
                                      expect(403, anonymous=302, dg=200, secretariat=200)),
    ("builder.add_item", "POST"): (lambda d: f"/meetings/{d.csss_meeting_id}/items", {},
                                   expect(403, anonymous=302, dg=302, secretariat=302)),
    ("builder.edit_item", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/edit", None,
        expect(403, anonymous=302, dg=200, secretariat=200)),
    ("builder.edit_item", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/edit", {},
        expect(403, anonymous=302, dg=200, secretariat=200)),
    ("builder.move_item", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/move/up", {},
        expect(403, anonymous=302, dg=302, secretariat=302)),
    ("builder.remove_item", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/remove", {},
        expect(403, anonymous=302, dg=302, secretariat=302)),
    ("agenda.agenda_document", "GET"): (lambda d: f"/meetings/{d.csss_meeting_id}/agenda.pdf",
                                        None, expect(403, anonymous=302, dg=200,
                                                     secretariat=200, president=200, member=200,
                                                     non_member=404)),
    ("builder.carry_over_item", "POST"): (  # no later meeting in preparation: refused
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/carry-over",
        {"to_meeting_id": ""},
        expect(403, anonymous=302, dg=302, secretariat=302)),
    ("builder.convene", "POST"): (lambda d: f"/meetings/{d.csss_meeting_id}/convene", {},
                                  expect(403, anonymous=302, dg=302, secretariat=302)),
    ("reports.new_report", "GET"): (lambda d: "/reports/new", None,
                                    expect(403, anonymous=302, social_worker=200)),
    ("reports.new_report", "POST"): (lambda d: "/reports/new", {},  # no report: refused
                                     expect(403, anonymous=302, social_worker=422)),
    ("reports.report", "GET"): (lambda d: f"/reports/{DEMO_REPORT_ID}", None,
                                expect(403, anonymous=302, social_worker=200, dg=200,
                                       secretariat=200)),
    # the demo's first dossier is the demo social worker's
    ("reports.correct_dossier", "GET"): (lambda d: "/dossiers/1/identity", None,
                                         expect(403, anonymous=302, social_worker=200, dg=200)),
    ("reports.correct_dossier", "POST"): (lambda d: "/dossiers/1/identity", {},  # empty: 422
                                          expect(403, anonymous=302, social_worker=422, dg=422)),
    ("reports.meeting_reports", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/reports", None,
        expect(403, anonymous=302, dg=200, secretariat=200)),
    ("reports.schedule", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/reports/{DEMO_REPORT_ID}/schedule", {},
        expect(403, anonymous=302, dg=302, secretariat=302)),
    ("reports.review", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/review", None,
        expect(403, anonymous=302, dg=200, secretariat=200)),
    ("reports.toggle_replacement", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/review/replacements/0",
        {}, expect(403, anonymous=302, dg=302, secretariat=302)),
    ("reports.add_replacement", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/review/additions", {},
        expect(403, anonymous=302, dg=302, secretariat=302)),
    ("reports.remove_addition", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/review/additions/0"
                  "/remove", {}, expect(403, anonymous=302, dg=302, secretariat=302)),
    ("reports.decide_doubt", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/review/doubts", {},
        expect(403, anonymous=302, dg=302, secretariat=302)),
    ("reports.approve", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/review/approve", {},
        expect(403, anonymous=302, dg=302, secretariat=302)),
    ("reports.identity", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/identity", None,
        expect(403, anonymous=302, dg=200, social_worker=200)),
    ("reports.identity", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}/identity", {},
        expect(403, anonymous=302, dg=200, social_worker=200)),
    # the integration account submits reports too (issue 15), through the API only
    ("api.submit_report", "POST"): (lambda d: "/api/v1/reports", None,
                                    expect(403, anonymous=401, social_worker=400,
                                           integration=400)),
    ("api-docs.openapi_json", "GET"): (lambda d: "/api/v1/openapi.json", None, expect(200)),
    ("api.issue_token", "POST"): (lambda d: "/api/v1/token", "credentials",
                                  expect(200, anonymous=400)),
    ("api.list_meetings", "GET"): (lambda d: "/api/v1/meetings", None,
                                   expect(200, integration=403,
                                          anonymous=401, admin=403, social_worker=403)),
    ("api.get_meeting", "GET"): (
        lambda d: f"/api/v1/meetings/{d.csss_meeting_id}", None,
        expect(200, integration=403, anonymous=401, admin=403, social_worker=403, non_member=404)),
    # The meeting in session (issue 4): live screen, chair screen and their API.
    ("live.screen", "GET"): (lambda d: f"/meetings/{d.csss_meeting_id}/live", None,
                             expect(200, integration=403,
                                    anonymous=302, admin=403, social_worker=403,
                                    non_member=404)),
    ("live.state", "GET"): (lambda d: f"/meetings/{d.csss_meeting_id}/live/state", None,
                            expect(200, integration=403,
                                   anonymous=302, admin=403, social_worker=403,
                                   non_member=404)),
    ("live.vote", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/live/items/{d.csss_item_id}/ballot",
        {"choice": "yes", "confirmed": "1"},
        expect(403, anonymous=302, president=302, member=302, non_member=404)),
    ("live.withdraw", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/live/items/{d.csss_item_id}/withdraw", None,
        expect(403, anonymous=302, president=200, member=200, non_member=404)),
    ("live.withdraw", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/live/items/{d.csss_item_id}/withdraw",
        {"reason": "cousin of the applicant"},
        expect(403, anonymous=302, president=302, member=302, non_member=404)),
    ("live.chair", "GET"): (lambda d: f"/meetings/{d.csss_meeting_id}/chair", None,
                            expect(403, anonymous=302, dg=200, secretariat=200, president=200,
                                   non_member=404)),
    ("live.chair_floor", "GET"): (lambda d: f"/meetings/{d.csss_meeting_id}/chair/floor", None,
                                  expect(403, anonymous=302, dg=200, secretariat=200,
                                         president=200, non_member=404)),
    ("live.attendance", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/attendance",
        {"member_id": "0", "status": "present"},
        expect(403, anonymous=302, dg=302, secretariat=302, non_member=404)),
    ("live.record_withdrawal", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/withdrawal",
        {"member_id": "0", "reason": "x"},
        expect(403, anonymous=302, dg=302, secretariat=302, non_member=404)),
    ("live.open_poll", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/open", None,
        expect(403, anonymous=302, dg=200, president=200, non_member=404)),
    ("live.open_poll", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/open", {},
        expect(403, anonymous=302, dg=302, president=302, non_member=404)),
    ("live.close_poll", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/close", None,
        expect(403, anonymous=302, dg=200, president=200, non_member=404)),
    ("live.close_poll", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/close", {},
        expect(403, anonymous=302, dg=302, president=302, non_member=404)),
    ("live.urgency_vote", "POST"): (  # the demo's item is on the convened agenda: refused
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/urgency",
        {"votes_for": "1"},
        expect(403, anonymous=302, dg=302, president=302, non_member=404)),
    ("api.urgency_vote", "POST"): (
        lambda d: f"/api/v1/items/{d.csss_item_id}/urgency", {"votes_for": 1},
        expect(403, anonymous=401, dg=409, president=409, non_member=404)),
    ("live.show_of_hands", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/hands",
        {"member_id": "0", "choice": "yes"},
        expect(403, anonymous=302, dg=302, president=302, non_member=404)),
    # The sitting's state machine (issue 15): the demo's meeting is convened for today.
    ("live.open_sitting", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/open", None,
        expect(403, anonymous=302, dg=200, president=200, non_member=404)),
    ("live.open_sitting", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/open", {"all_present": "1"},
        expect(403, anonymous=302, dg=302, president=302, non_member=404)),
    ("live.roll_call", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/roll-call", {},
        expect(403, anonymous=302, dg=302, secretariat=302, president=302, non_member=404)),
    ("live.next_item", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/next", {},
        expect(403, anonymous=302, dg=302, president=302, non_member=404)),
    ("live.close_sitting", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/close", None,
        expect(403, anonymous=302, dg=200, president=200, non_member=404)),
    ("live.close_sitting", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/close", {},
        expect(403, anonymous=302, dg=302, president=302, non_member=404)),
    ("api.get_sitting", "GET"): (
        lambda d: f"/api/v1/meetings/{d.csss_meeting_id}/sitting", None,
        expect(200, integration=403, anonymous=401, admin=403, social_worker=403,
               non_member=404)),
    ("api.open_sitting", "POST"): (
        lambda d: f"/api/v1/meetings/{d.csss_meeting_id}/open", {},
        expect(403, anonymous=401, dg=200, president=200, non_member=404)),
    ("api.roll_call", "POST"): (  # the sitting is not open
        lambda d: f"/api/v1/meetings/{d.csss_meeting_id}/roll-call", None,
        expect(403, anonymous=401, dg=409, secretariat=409, president=409, non_member=404)),
    ("api.next_item", "POST"): (
        lambda d: f"/api/v1/meetings/{d.csss_meeting_id}/next-item", None,
        expect(403, anonymous=401, dg=409, president=409, non_member=404)),
    ("api.close_sitting", "POST"): (
        lambda d: f"/api/v1/meetings/{d.csss_meeting_id}/close", None,
        expect(403, anonymous=401, dg=409, president=409, non_member=404)),
    ("api.record_attendance", "POST"): (
        lambda d: f"/api/v1/meetings/{d.csss_meeting_id}/attendance",
        {"member_id": 0, "status": "present"},  # staff pass the check: the sitting is not open
        expect(403, anonymous=401, dg=409, secretariat=409, non_member=404)),
    ("api.declare_recusal", "POST"): (
        lambda d: f"/api/v1/items/{d.csss_item_id}/recusal", {"member_id": 0, "reason": "x"},
        expect(403, anonymous=401, dg=400, secretariat=400, non_member=404)),
    ("api.open_poll", "POST"): (  # nobody recorded present yet: no quorum
        lambda d: f"/api/v1/items/{d.csss_item_id}/poll", {},
        expect(403, anonymous=401, dg=409, president=409, non_member=404)),
    ("api.cast_ballot", "POST"): (  # no vote open yet
        lambda d: f"/api/v1/items/{d.csss_item_id}/ballot", {"choice": "yes"},
        expect(403, anonymous=401, president=409, member=409, non_member=404)),
    ("api.close_poll", "POST"): (
        lambda d: f"/api/v1/items/{d.csss_item_id}/poll/close", None,
        expect(403, anonymous=401, dg=409, president=409, non_member=404)),
    # Designations (issue 15, LO art. 27 §6): the demo's item is no designation, so the roles
    # allowed through are refused by the service (a flash and a redirect, or 400)
    ("designation.seats", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/seats",
        {"seats": "1"}, expect(403, anonymous=302, dg=302, secretariat=302, non_member=404)),
    ("designation.add_candidate", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/candidates",
        {"member_id": "1"}, expect(403, anonymous=302, dg=302, secretariat=302,
                                   non_member=404)),
    ("designation.remove_candidate", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/chair/items/{d.csss_item_id}/candidates/1"
                  "/remove", {}, expect(403, anonymous=302, dg=302, secretariat=302,
                                        non_member=404)),
    ("designation.ballot", "POST"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/live/items/{d.csss_item_id}"
                  "/designation-ballot", {"candidate": "1"},
        expect(403, anonymous=302, president=302, member=302, non_member=404)),
    ("api.list_candidates", "GET"): (
        lambda d: f"/api/v1/items/{d.csss_item_id}/candidates", None,
        expect(400, integration=403, anonymous=401, admin=403, social_worker=403,
               non_member=404)),
    ("api.add_candidate", "POST"): (
        lambda d: f"/api/v1/items/{d.csss_item_id}/candidates", {"member_id": 1},
        expect(403, anonymous=401, dg=400, secretariat=400, non_member=404)),
    ("api.set_seats", "POST"): (
        lambda d: f"/api/v1/items/{d.csss_item_id}/seats", {"seats": 1},
        expect(403, anonymous=401, dg=400, secretariat=400, non_member=404)),
    ("api.cast_designation_ballot", "POST"): (  # no vote open yet
        lambda d: f"/api/v1/items/{d.csss_item_id}/designation-ballot", {"candidates": [1]},
        expect(403, anonymous=401, president=409, member=409, non_member=404)),
}

MATRIX: Routes = {**CORE_ROUTES, **MINUTES_ROUTES, **SECRECY_ROUTES, **SECURITY_ROUTES}


def test_every_route_is_listed(app: Flask) -> None:
    routes = {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routes - MATRIX.keys() == set(), "routes without an access expectation"
    assert MATRIX.keys() - routes == set(), "expectations for routes that no longer exist"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", sorted(MATRIX), ids=lambda r: f"{r[1]} {r[0]}")
def test_route_as_role(route: tuple[str, str], role: str, client: FlaskClient, auth: Any,
                       api_token: Any, demo: Any) -> None:
    build, body, expected = MATRIX[route]
    endpoint, method = route
    username = ROLES[role]
    headers: dict[str, str] = {}
    if username is not None:
        if endpoint.startswith("api."):
            headers = api_token(username)
        else:
            auth.login(username)
    path = build(demo)
    if body == "credentials":
        json = {"username": username, "password": PASSWORDS[username]} if username else {}
        response = client.post(path, json=json)
    elif method == "GET":
        response = client.get(path, headers=headers)
    elif endpoint.startswith("api."):
        response = client.post(path, json=body, headers=headers)
    else:
        response = client.post(path, data=body)
    status = response.status_code
    response.close()  # static files are streamed from an open file
    assert status == expected[role]
