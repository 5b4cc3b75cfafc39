"""Designations through the services (LO art. 27 §6; DOMAIN.md "Secret ballot"): candidates
entered by the DG, one secret ballot in one round where each member present ticks up to as many
candidates as there are seats, the count at close (the most votes, the oldest on equal votes),
and a void result when both sexes are not represented, which puts a new ballot on the meeting."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from designation_support import (
    COUNCIL,
    add_designation,
    candidate_ids,
    council_in_session,
    demo_users,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agenda import sitting as live
from agenda.guard import IdentityInText
from agenda.sitting.designations import (
    DesignationBallot,
    add_candidate,
    cast_designation_ballot,
)
from council.models import (
    AgendaItem,
    DesignationCandidate,
    ItemKind,
    ItemStatus,
    Meeting,
    Minutes,
    MinutesPart,
    SecretBallot,
    SecretParticipation,
    Sex,
    User,
)
from council.rules.majority import Choice, VoteSettings
from minutes.content import build
from minutes.loading import load_source

# The demo's council: the president is a woman (Isabelle Marchal, born 1968); councillors 1, 3
# and 5 are men (Bensaïd 1979, Verhaegen 1990, Dethier 1965), 2 and 4 women (Lambert 1984,
# Colin 1972).


@pytest.fixture
def users(session: Session, demo: Any) -> dict[str, User]:
    return demo_users(session)


@pytest.fixture
def council(session: Session, demo: Any, users: dict[str, User]) -> Meeting:
    return council_in_session(session, demo, users)


_designation = add_designation
_ids = candidate_ids


def _ballots(session: Session, item: AgendaItem, users: dict[str, User],
             ballots: dict[str, DesignationBallot]) -> None:
    for name, ballot in ballots.items():
        cast_designation_ballot(session, item.id, users[name].member_id, ballot,
                                actor=users[name])


def _close(session: Session, item: AgendaItem, users: dict[str, User]) -> live.PollResult:
    return live.close_poll(session, item, actor=users["president"], settings=VoteSettings(),
                           language="fr")


def test_the_count_designates_the_most_voted_and_keeps_the_votes_per_candidate(
        session, council, users) -> None:
    item = _designation(session, council, users, 2, ("councillor1", "councillor2",
                                                     "councillor3"))
    poll = live.open_poll(session, item, actor=users["president"], secret=None)
    assert poll.is_secret
    bensaid, lambert = _ids(item, users, "councillor1"), _ids(item, users, "councillor2")
    both = bensaid | lambert
    _ballots(session, item, users, {
        **{name: DesignationBallot(ticked=both) for name in COUNCIL[:6]},
        "councillor6": DesignationBallot(ticked=_ids(item, users, "councillor3")),
        "councillor7": DesignationBallot(ticked=bensaid),
        "councillor8": DesignationBallot(spoilt=Choice.blank),
        "councillor9": DesignationBallot(spoilt=Choice.null),
    })
    result = _close(session, item, users)
    votes = {c.name: c.votes for c in item.candidates}
    assert votes == {"Karim Bensaïd": 7, "Sophie Lambert": 6, "Thomas Verhaegen": 1}
    assert {c.name for c in item.candidates if c.is_elected} == {"Karim Bensaïd",
                                                                 "Sophie Lambert"}
    assert result.outcome.adopted and item.status is ItemStatus.decided
    assert (poll.yes_count, poll.blank_count, poll.null_count) == (8, 1, 1)
    assert result.sentence == (
        "Au scrutin secret en un seul tour, 8 bulletins valables (1 bulletin blanc et 1 "
        "bulletin nul, qui ne sont pas des suffrages exprimés) : Karim Bensaïd, 7 voix ; "
        "Sophie Lambert, 6 voix ; Thomas Verhaegen, 1 voix. Sont désignés : Karim Bensaïd, "
        "Sophie Lambert.")
    answer = result.as_dict()["designation"]
    assert answer["void"] is False and answer["new_ballot_item_id"] is None
    # the ballots are gone; who voted stays
    assert session.scalar(select(func.count()).select_from(SecretBallot)) == 0
    assert session.scalar(select(func.count()).select_from(SecretParticipation)
                          .where(SecretParticipation.poll_id == poll.id)) == 10


def test_a_tie_elects_the_oldest_candidate(session, council, users) -> None:
    # Dethier (1965) and Verhaegen (1990) have 5 votes each for the one seat left
    item = _designation(session, council, users, 2, ("councillor2", "councillor3",
                                                     "councillor5"))
    live.open_poll(session, item, actor=users["president"])
    lambert = _ids(item, users, "councillor2")
    _ballots(session, item, users, {
        **{name: DesignationBallot(ticked=lambert | _ids(item, users, "councillor5"))
           for name in COUNCIL[:5]},
        **{name: DesignationBallot(ticked=lambert | _ids(item, users, "councillor3"))
           for name in COUNCIL[5:10]},
    })
    result = _close(session, item, users)
    assert result.outcome.adopted and result.poll.is_decided_by_tie_rule
    assert [c.name for c in item.candidates if c.is_elected] == ["Sophie Lambert",
                                                                 "Marc Dethier"]
    assert "À égalité de voix, le candidat le plus âgé est élu." in result.sentence


def test_a_void_result_for_mixity_puts_a_new_ballot_on_the_meeting(session, council,
                                                                    users) -> None:
    # the president is a woman: two women elected leave the men unrepresented
    item = _designation(session, council, users, 2, ("councillor2", "councillor4",
                                                     "councillor1"))
    live.open_poll(session, item, actor=users["president"])
    women = _ids(item, users, "councillor2", "councillor4")
    _ballots(session, item, users, {name: DesignationBallot(ticked=women)
                                    for name in COUNCIL[:7]})
    result = _close(session, item, users)
    assert not result.outcome.adopted
    assert "Le résultat est nul" in result.sentence
    assert "Sophie Lambert, Nadia Colin" in result.sentence
    new_id = result.as_dict()["designation"]["new_ballot_item_id"]
    revote = session.get(AgendaItem, new_id)
    assert revote is not None and revote.revote_of_id == item.id
    assert revote.kind is ItemKind.designation and revote.meeting_id == council.id
    assert revote.seats == 2 and revote.is_secret_ballot and revote.is_closed_session
    assert revote.number == max(i.number for i in council.items)
    assert [c.name for c in revote.candidates] == [c.name for c in item.candidates]
    assert all(c.votes is None for c in revote.candidates)
    # the new ballot is held at once, without an urgency vote, and can stand
    live.open_poll(session, revote, actor=users["president"])
    mixed = _ids(revote, users, "councillor2", "councillor1")
    _ballots(session, revote, users, {name: DesignationBallot(ticked=mixed)
                                      for name in COUNCIL[:7]})
    again = _close(session, revote, users)
    assert again.outcome.adopted
    assert again.sentence.endswith("Sont désignés : Sophie Lambert, Karim Bensaïd.")


def test_too_many_ticks_and_candidates_of_another_item_are_refused(session, council,
                                                                   users) -> None:
    item = _designation(session, council, users, 1, ("councillor1", "councillor2"))
    other = _designation(session, council, users, 1, ("councillor3", "councillor4"))
    live.open_poll(session, item, actor=users["president"])
    refusals = {
        "too_many_ticks": DesignationBallot(ticked=_ids(item, users, "councillor1",
                                                        "councillor2")),
        "unknown_candidate": DesignationBallot(ticked=_ids(other, users, "councillor3")),
        "no_candidate_ticked": DesignationBallot(),
        "invalid_choice": DesignationBallot(spoilt=Choice.yes),
    }
    for code, ballot in refusals.items():
        with pytest.raises(live.InvalidInput) as refused:
            _ballots(session, item, users, {"councillor5": ballot})
        assert refused.value.code == code
    assert session.scalar(select(func.count()).select_from(SecretParticipation)) == 0
    # a yes/no ballot is refused on a designation, and a designation ballot elsewhere
    with pytest.raises(live.InvalidInput) as refused:
        live.cast_ballot(session, item.id, users["councillor5"].member_id, Choice.yes,
                         actor=users["councillor5"])
    assert refused.value.code == "designation_ballot"


def test_a_ballot_outside_the_poll_is_refused(session, council, users) -> None:
    item = _designation(session, council, users, 1, ("councillor1", "councillor2"))
    ballot = DesignationBallot(ticked=_ids(item, users, "councillor1"))
    with pytest.raises(live.Conflict) as refused:  # not opened yet
        _ballots(session, item, users, {"councillor5": ballot})
    assert refused.value.code == "poll_not_open"
    live.open_poll(session, item, actor=users["president"])
    _ballots(session, item, users, {"councillor5": ballot})
    with pytest.raises(live.Conflict) as refused:  # a second ballot
        _ballots(session, item, users, {"councillor5": ballot})
    assert refused.value.code == "already_voted"
    with pytest.raises(live.Conflict) as refused:  # another's ballot
        cast_designation_ballot(session, item.id, users["councillor6"].member_id, ballot,
                                actor=users["president"])
    assert refused.value.code == "secret_ballot"
    _close(session, item, users)
    with pytest.raises(live.Conflict) as refused:  # closed
        _ballots(session, item, users, {"councillor7": ballot})
    assert refused.value.code == "poll_closed"


def test_the_ballot_opens_only_with_its_seats_and_candidates_of_both_sexes(
        session, council, users) -> None:
    item = _designation(session, council, users, 2, ("councillor2",))
    with pytest.raises(live.Conflict) as refused:
        live.open_poll(session, item, actor=users["president"])
    assert refused.value.code == "designation_not_ready"
    add_candidate(session, item, actor=users["dg"], member_id=users["councillor4"].member_id)
    with pytest.raises(live.Conflict) as refused:  # the president and both are women
        live.open_poll(session, item, actor=users["president"])
    assert refused.value.code == "designation_one_sex"
    # a person who is not a councillor: the name passes the identity guard (the DG's reason)
    with pytest.raises(IdentityInText):
        add_candidate(session, item, actor=users["dg"], name="Jean Dupont", sex=Sex.male,
                      birth_date=date(1970, 1, 1))
    add_candidate(session, item, actor=users["dg"], name="Jean Dupont", sex=Sex.male,
                  birth_date=date(1970, 1, 1),
                  override_reason="Candidat présenté par le groupe, mandataire public.")
    with pytest.raises(live.InvalidInput) as refused:
        live.open_poll(session, item, actor=users["president"], secret=False)
    assert refused.value.code == "secret_required"
    live.open_poll(session, item, actor=users["president"])
    with pytest.raises(live.Conflict) as refused:
        add_candidate(session, item, actor=users["dg"], name="Marie Durand", sex=Sex.female,
                      birth_date=date(1980, 1, 1))
    assert refused.value.code == "poll_exists"
    assert session.scalar(select(func.count()).select_from(DesignationCandidate)
                          .where(DesignationCandidate.item_id == item.id)) == 3


def test_the_minutes_give_the_votes_per_candidate_and_who_is_designated(session, council,
                                                                        users) -> None:
    item = _designation(session, council, users, 1, ("councillor1", "councillor2"))
    live.open_poll(session, item, actor=users["president"])
    _ballots(session, item, users, {
        "councillor3": DesignationBallot(ticked=_ids(item, users, "councillor1")),
        "councillor4": DesignationBallot(ticked=_ids(item, users, "councillor1")),
        "councillor5": DesignationBallot(ticked=_ids(item, users, "councillor2")),
    })
    result = _close(session, item, users)
    source = load_source(session, Minutes(meeting_id=council.id, part=MinutesPart.closed), None)
    facts = next(i for i in source.facts.items if i.id == item.id)
    assert facts.designation is not None and facts.designation.elected == ("Karim Bensaïd",)
    section = next(s for s in build(source.facts, language="fr").items if s.id == item.id)
    assert section.outcome == result.sentence == (
        "Au scrutin secret en un seul tour, 3 bulletins valables : Karim Bensaïd, 2 voix ; "
        "Sophie Lambert, 1 voix. Est désigné(e) : Karim Bensaïd.")


def test_the_screens_enter_candidates_and_take_a_ballot(client, auth, session, council,
                                                        users) -> None:
    item = _designation(session, council, users, 1, ("councillor1",))
    auth.login("dg")
    auth.use_language("en")
    chair = client.get(f"/meetings/{council.id}/chair?item={item.id}").get_data(as_text=True)
    assert "Designation: 1 seat(s) to fill" in chair and "Karim Bensaïd" in chair
    added = client.post(f"/meetings/{council.id}/chair/items/{item.id}/candidates",
                        data={"member_id": users["councillor2"].member_id})
    assert added.status_code == 302
    session.expire_all()
    assert [c.name for c in item.candidates] == ["Karim Bensaïd", "Sophie Lambert"]
    auth.logout()
    live.open_poll(session, item, actor=users["president"])
    auth.login("councillor3")
    auth.use_language("en")
    screen = client.get(f"/meetings/{council.id}/live").get_data(as_text=True)
    assert "tick at most 1 candidate(s)" in screen
    lambert = next(iter(_ids(item, users, "councillor2")))
    assert f'name="candidate" value="{lambert}"' in screen
    cast = client.post(f"/meetings/{council.id}/live/items/{item.id}/designation-ballot",
                       data={"candidate": str(lambert)})
    assert cast.status_code == 302
    auth.logout()
    result = _close(session, item, users)
    assert [(c["name"], c["votes"]) for c in result.as_dict()["designation"]["candidates"]] == [
        ("Karim Bensaïd", 0), ("Sophie Lambert", 1)]


def test_the_api_sets_seats_lists_candidates_and_takes_a_ballot(client, api_token, session,
                                                                council, users) -> None:
    item = _designation(session, council, users, 1, ("councillor1", "councillor2"))
    dg = api_token("dg")
    seats = client.post(f"/api/v1/items/{item.id}/seats", json={"seats": 2}, headers=dg)
    assert seats.status_code == 200 and seats.get_json()["seats"] == 2
    live.open_poll(session, item, actor=users["president"])
    voter = {**api_token("councillor3"), "Accept-Language": "en"}
    listed = client.get(f"/api/v1/items/{item.id}/candidates", headers=voter).get_json()
    ids = [c["id"] for c in listed["candidates"]]
    assert [c["name"] for c in listed["candidates"]] == ["Karim Bensaïd", "Sophie Lambert"]
    url = f"/api/v1/items/{item.id}/designation-ballot"
    late = client.post(f"/api/v1/items/{item.id}/seats", json={"seats": 1}, headers=dg)
    assert late.status_code == 409
    both_and_blank = client.post(url, json={"candidates": ids, "spoilt": "blank"}, headers=voter)
    assert both_and_blank.status_code == 400
    assert client.post(url, json={"candidates": ids}, headers=voter).status_code == 201
    assert client.post(url, json={"spoilt": "null"}, headers=voter).status_code == 409
