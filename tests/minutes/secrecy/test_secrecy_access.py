"""Every role against every page of the register, beyond status codes: what each one reads.
Councillors, the secretariat and the IT administrator see the yearly counts and nothing else;
social workers see what they referred; the DG sees the whole register."""

from __future__ import annotations

from typing import Any

import pytest
from access_secrecy import DEMO_REQUEST_ID, ROUTES
from flask.testing import FlaskClient
from secrecy_support import first_dossier, new_request
from sqlalchemy.orm import Session
from support import ROLES

from council.models import SecrecyBasis, SecrecyRequest

#: the demo request's requester and what it asks (council.demo)
DEMO_REQUESTER = "Parquet du procureur du Roi de Liège"
DEMO_ASKED = "Adresses connues, domicile et aides"

def _login(auth: Any, role: str) -> None:
    username = ROLES[role]
    if username is not None:
        auth.login(username)
    auth.use_language("en")  # after logging in: the account's own language otherwise wins


# (the integration account sees no page of the register, counts included: the access matrix)
@pytest.mark.parametrize("role", [r for r in ROLES
                                  if r not in ("dg", "social_worker", "integration")])
def test_other_roles_see_the_counts_and_nothing_of_the_register(
        role: str, session: Session, client: FlaskClient, auth: Any, demo: Any) -> None:
    reference = first_dossier(session).reference
    _login(auth, role)
    for (endpoint, method), (build, _, expected) in ROUTES.items():
        if method != "GET" or not endpoint.startswith("secrecy."):
            continue
        response = client.get(build(demo))
        assert response.status_code == expected[role], endpoint
        text = response.get_data(as_text=True)
        for secret in (DEMO_REQUESTER, DEMO_ASKED, reference):
            assert secret not in text, (endpoint, secret)
    if role != "anonymous":
        counts = client.get("/secrecy/counts").get_data(as_text=True)
        assert "Requests received in" in counts
        home = client.get("/", follow_redirects=True).get_data(as_text=True)
        assert "/secrecy/counts" in home and 'href="/secrecy/"' not in home


def test_the_dg_reads_the_whole_register(session: Session, client: FlaskClient,
                                         auth: Any) -> None:
    by_dg = new_request(session, SecrecyBasis.necessity, by="dg")
    _login(auth, "dg")
    register = client.get("/secrecy/").get_data(as_text=True)
    assert DEMO_REQUESTER in register
    assert f"/secrecy/{by_dg.id}" in register and f"/secrecy/{DEMO_REQUEST_ID}" in register
    page = client.get(f"/secrecy/{DEMO_REQUEST_ID}")
    assert page.status_code == 200 and DEMO_ASKED in page.get_data(as_text=True)
    assert page.headers["Cache-Control"].startswith("no-store")
    assert "Record the decision" in page.get_data(as_text=True)


def test_the_social_worker_reads_what_they_referred_without_deciding(
        session: Session, client: FlaskClient, auth: Any) -> None:
    by_dg = new_request(session, SecrecyBasis.necessity, by="dg")
    _login(auth, "social_worker")
    register = client.get("/secrecy/").get_data(as_text=True)
    assert f"/secrecy/{DEMO_REQUEST_ID}" in register and f"/secrecy/{by_dg.id}" not in register
    page = client.get(f"/secrecy/{DEMO_REQUEST_ID}").get_data(as_text=True)
    assert DEMO_ASKED in page and "Record the decision" not in page
    assert client.post(f"/secrecy/{DEMO_REQUEST_ID}/decision",
                       data={"outcome": "refused", "reasons": "Non."}).status_code == 403
    assert session.get(SecrecyRequest, DEMO_REQUEST_ID).is_pending
