"""The centre's details printed on letters (address, telephone, competent labour court)."""

from __future__ import annotations

from sqlalchemy import select

from council.models import AuditEntry, Centre

GOOD = {
    "postal_address": "Grand-Place 1, 5000 Namur",
    "phone": "081 24 60 00",
    "labour_court_name": "Tribunal du travail de Liège, division Namur",
    "labour_court_address": "Place du Palais de Justice 1, 5000 Namur",
}


def test_dg_saves_the_details_with_a_normalised_phone(client, auth, session):
    auth.login("dg")
    assert client.post("/settings/centre", data=GOOD).status_code == 302
    centre = session.scalars(select(Centre)).one()
    assert centre.phone == "+32 81 24 60 00"
    assert centre.postal_address == GOOD["postal_address"]
    assert session.scalars(select(AuditEntry).where(
        AuditEntry.action == "centre_details_updated")).one().actor_id is not None


def test_bad_phone_refused_and_nothing_changed(client, auth, session):
    before = session.scalars(select(Centre)).one().postal_address
    auth.login("dg")
    auth.use_language("en")
    response = client.post("/settings/centre", data={**GOOD, "phone": "12"},
                           follow_redirects=True)
    assert "This is not a valid telephone number." in response.get_data(as_text=True)
    session.expire_all()
    assert session.scalars(select(Centre)).one().postal_address == before


def test_every_field_is_required(client, auth):
    auth.login("dg")
    assert client.post("/settings/centre", data={**GOOD, "labour_court_address": ""}
                       ).status_code == 400
