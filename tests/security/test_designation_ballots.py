"""Designation ballots (LO art. 27 §6) keep the secret of the vote as every secret ballot does
(docs/security.md): the database holds that a member voted, and apart, under a random key, a
sealed ballot of one length whatever was ticked (one candidate, two, a blank or a null
ballot), different each time even for the same ticks; nothing pairs them but what the
journal or the physical order shows, and those pair a voter only with a sealed value. Closing
keeps the votes per candidate and deletes the ballots. And a councillor cannot put candidates
on a designation: the DG or the secretariat enter them."""

from __future__ import annotations

from typing import Any

from designation_support import (
    add_designation,
    candidate_ids,
    council_in_session,
    demo_users,
)
from flask.testing import FlaskClient
from sqlalchemy import func, select

from agenda import sitting as live
from agenda.sitting.designations import DesignationBallot, cast_designation_ballot
from council.models import DesignationCandidate, SecretBallot, SecretParticipation
from council.rules.majority import Choice, VoteSettings


def test_a_designation_ballot_cannot_be_linked_to_its_voter(session, demo) -> None:
    users = demo_users(session)
    council = council_in_session(session, demo, users)
    item = add_designation(session, council, users, 2, ("councillor1", "councillor2",
                                                        "councillor3"))
    poll = live.open_poll(session, item, actor=users["president"])
    one, two = candidate_ids(item, users, "councillor1"), candidate_ids(
        item, users, "councillor1", "councillor2")
    ballots = {"councillor4": DesignationBallot(ticked=one),
               "councillor5": DesignationBallot(ticked=one),
               "councillor6": DesignationBallot(ticked=two),
               "councillor7": DesignationBallot(spoilt=Choice.blank),
               "councillor8": DesignationBallot(spoilt=Choice.null)}
    for name, ballot in ballots.items():
        cast_designation_ballot(session, item.id, users[name].member_id, ballot,
                                actor=users[name])
    sealed = list(session.scalars(select(SecretBallot.sealed_choice)
                                  .where(SecretBallot.poll_id == poll.id)))
    assert len(sealed) == len(ballots)
    # one length for every ballot: the length does not tell one tick from two, or a blank one
    assert len({len(value) for value in sealed}) == 1
    # randomised: the two identical ballots are stored differently
    assert len(set(sealed)) == len(ballots)
    # the ballot row names no member; the participation row names no choice
    assert {c.name for c in SecretBallot.__table__.columns} == {"id", "poll_id",
                                                               "sealed_choice"}
    assert {c.name for c in SecretParticipation.__table__.columns} == {"id", "poll_id",
                                                                      "member_id"}
    live.close_poll(session, item, actor=users["president"], settings=VoteSettings(),
                    language="fr")
    assert session.scalar(select(func.count()).select_from(SecretBallot)) == 0
    assert {c.name: c.votes for c in item.candidates} == {
        "Karim Bensaïd": 3, "Sophie Lambert": 1, "Thomas Verhaegen": 0}


def test_a_councillor_cannot_add_candidates(client: FlaskClient, auth: Any, api_token: Any,
                                            session, demo) -> None:
    users = demo_users(session)
    council = council_in_session(session, demo, users)
    item = add_designation(session, council, users, 1, ())
    auth.login("councillor1")
    page = client.post(f"/meetings/{council.id}/chair/items/{item.id}/candidates",
                       data={"member_id": users["councillor1"].member_id})
    assert page.status_code == 403
    auth.logout()
    for name in ("president", "councillor2"):
        api = client.post(f"/api/v1/items/{item.id}/candidates",
                          json={"member_id": users[name].member_id}, headers=api_token(name))
        assert api.status_code == 403
    assert session.scalar(select(func.count()).select_from(DesignationCandidate)
                          .where(DesignationCandidate.item_id == item.id)) == 0
    # the DG may
    dg = client.post(f"/api/v1/items/{item.id}/candidates",
                     json={"member_id": users["councillor1"].member_id},
                     headers=api_token("dg"))
    assert dg.status_code == 201 and dg.get_json()["candidates"][0]["name"] == "Karim Bensaïd"
