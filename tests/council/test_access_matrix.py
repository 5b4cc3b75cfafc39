"""Every route × every role, with the status each must get (deny by default).

A route added to the application without an entry here makes ``test_every_route_is_listed``
fail, so that no page or API path escapes review.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from support import PASSWORDS, ROLES


def expect(default: int, **overrides: int) -> dict[str, int]:
    statuses = dict.fromkeys(ROLES, default)
    statuses.update(overrides)
    return statuses


# (endpoint, method) -> (path builder, request body, expected status per role)
Builder = Callable[[Any], str]
MATRIX: dict[tuple[str, str], tuple[Builder, dict[str, Any] | None, dict[str, int]]] = {
    ("static", "GET"): (lambda d: "/static/council.css", None, expect(200)),
    ("auth.login", "GET"): (lambda d: "/login", None, expect(302, anonymous=200)),
    ("auth.login", "POST"): (lambda d: "/login", {"username": "x", "password": "y"},
                             expect(302, anonymous=200)),
    ("auth.logout", "POST"): (lambda d: "/logout", {}, expect(302)),
    ("auth.set_language", "POST"): (lambda d: "/language", {"language": "nl"}, expect(302)),
    ("main.home", "GET"): (lambda d: "/", None, expect(200, anonymous=302, admin=302)),
    ("main.composition", "GET"): (lambda d: "/composition", None,
                                  expect(200, anonymous=302, admin=403, social_worker=403)),
    ("main.users", "GET"): (lambda d: "/admin/users", None, expect(403, anonymous=302, admin=200)),
    ("main.users", "POST"): (lambda d: "/admin/users", {}, expect(403, anonymous=302, admin=200)),
    ("main.toggle_user", "POST"): (
        lambda d: f"/admin/users/{d.user_ids['councillor10']}/disable", {},
        expect(403, anonymous=302, admin=302)),
    ("agenda.meetings", "GET"): (lambda d: "/meetings/", None,
                                 expect(200, anonymous=302, admin=403, social_worker=403)),
    ("agenda.meeting", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}", None,
        expect(200, anonymous=302, admin=403, social_worker=403, non_member=404)),
    ("agenda.item", "GET"): (
        lambda d: f"/meetings/{d.csss_meeting_id}/items/{d.csss_item_id}", None,
        expect(200, anonymous=302, admin=403, social_worker=403, non_member=404)),
    ("api.get_item", "GET"): (
        lambda d: f"/api/v1/items/{d.csss_item_id}", None,
        expect(200, anonymous=401, admin=403, social_worker=403, non_member=404)),
    ("api-docs.openapi_json", "GET"): (lambda d: "/api/v1/openapi.json", None, expect(200)),
    ("api.issue_token", "POST"): (lambda d: "/api/v1/token", "credentials",
                                  expect(200, anonymous=400)),
    ("api.list_meetings", "GET"): (lambda d: "/api/v1/meetings", None,
                                   expect(200, anonymous=401, admin=403, social_worker=403)),
    ("api.get_meeting", "GET"): (
        lambda d: f"/api/v1/meetings/{d.csss_meeting_id}", None,
        expect(200, anonymous=401, admin=403, social_worker=403, non_member=404)),
}


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
