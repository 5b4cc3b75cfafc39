"""The organic law's rules of issue 15 (item 4) through the services: blank and null ballots,
the urgency vote on an item added after the convocation, a report scheduled late, and the third
convocation that waives the quorum only for the items put on the agenda for the third time
(DOMAIN.md "Meetings", "Quorum", "Secret ballot")."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from report_samples import DOSSIER, TEXT
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session
from support import csss_meeting_in_preparation

from agenda import reports
from agenda import sitting as live
from agenda.meetings import service as agenda
from agenda.sitting import urgency
from council.models import (
    AgendaItem,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    OpenBallot,
    ReportStatus,
    User,
)
from council.rules.attendance import Presence
from council.rules.majority import Choice, VoteSettings

CSSS = ("president", "councillor1", "councillor2", "councillor3", "councillor4")
COUNCIL = ("president", *(f"councillor{n}" for n in range(1, 11)))
TWO_THIRDS = Fraction(2, 3)


@pytest.fixture
def users(session: Session, demo: Any) -> dict[str, User]:
    return {u.username: u for u in session.scalars(select(User))}


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = live.load_meeting(session, meeting_id)
    assert meeting is not None
    return meeting


def _present(session: Session, meeting: Meeting, users: dict[str, User], *names: str) -> None:
    if not meeting.is_sitting:  # opened first, on its day, as the chair screen does
        live.open_sitting(session, meeting, actor=users["dg"])
    for name in names:
        live.record_attendance(session, meeting, users[name].member_id, Presence.present,
                               actor=users["dg"])


def _vote(session: Session, item: AgendaItem, users: dict[str, User],
          choices: dict[str, str]) -> None:
    for name, choice in choices.items():
        live.cast_ballot(session, item.id, users[name].member_id, Choice(choice),
                         actor=users[name])


# --- Blank and null ballots ----------------------------------------------------------------


def test_blank_and_null_ballots_are_counted_apart_and_not_as_votes_cast(session, demo,
                                                                        users) -> None:
    council = _meeting(session, demo.council_meeting_id)
    _present(session, council, users, *COUNCIL)
    item = next(i for i in council.items if i.kind is ItemKind.personnel)
    poll = live.open_poll(session, item, actor=users["president"])
    assert poll.is_secret
    choices = ["yes"] * 4 + ["no"] * 2 + ["abstain"] + ["blank"] * 3 + ["null"]
    _vote(session, item, users, dict(zip(COUNCIL, choices, strict=True)))
    result = live.close_poll(session, item, actor=users["president"],
                             settings=VoteSettings(), language="fr")
    # 4 yes of 6 votes cast: the majority is 4; with the 3 blank and 1 null counted it would be 6
    assert result.outcome.adopted and result.outcome.cast == 6
    assert (poll.yes_count, poll.no_count, poll.abstain_count, poll.blank_count,
            poll.null_count) == (4, 2, 1, 3, 1)
    assert result.sentence == ("Adopté au scrutin secret, par 4 voix contre 2 et 1 abstention "
                               "(3 bulletins blancs et 1 bulletin nul, qui ne sont pas des "
                               "suffrages exprimés).")
    answer = result.as_dict()
    assert (answer["blank"], answer["null"]) == (3, 1)
    assert "by_group" not in answer and "votes" not in answer


def test_an_open_vote_has_no_blank_ballot_and_the_database_refuses_one(session, demo,
                                                                      users) -> None:
    csss = _meeting(session, demo.csss_meeting_id)
    _present(session, csss, users, *CSSS)
    item = next(i for i in csss.items if i.kind is ItemKind.individual_aid)
    poll = live.open_poll(session, item, actor=users["dg"])
    for choice in ("blank", "null"):
        with pytest.raises(live.InvalidInput) as refused:
            _vote(session, item, users, {"councillor1": choice})
        assert refused.value.code == "invalid_choice"
    result = live.poll_result(session, poll, "fr")
    assert "blank" not in result.as_dict()
    member = users["councillor2"]
    savepoint = session.begin_nested()
    session.add(OpenBallot(poll_id=poll.id, member_id=member.member_id, choice=Choice.blank,
                           recorded_by_id=member.id))
    with pytest.raises((IntegrityError, StatementError)):
        session.flush()
    savepoint.rollback()


# --- Items added after the convocation: the urgency vote -----------------------------------


def _late_item(session: Session, meeting: Meeting, users: dict[str, User],
               title: str) -> AgendaItem:
    return agenda.add_item(session, meeting, actor=users["dg"], kind=ItemKind.general,
                           title=title, is_urgent=True,
                           urgency_reason="Délai de recours expirant avant la séance suivante.")


@pytest.mark.parametrize(
    ("votes_for", "declared", "required"),
    [(4, True, 4), (3, False, 4)],
    ids=["4-of-5-present-reach-two-thirds", "3-of-5-present-fall-short"],
)
def test_an_item_added_after_the_convocation_waits_for_the_urgency_vote(
        session, demo, users, votes_for, declared, required) -> None:
    """DOMAIN.md "Meetings": an item not on the agenda only in urgency declared by ⅔ of the
    members present (CDLD L1122-24; a setting for the CPAS), recorded in the minutes."""
    csss = _meeting(session, demo.csss_meeting_id)
    item = _late_item(session, csss, users, "Convention de partenariat — avenant")
    assert item.is_added_after_convocation and item.is_urgent
    _present(session, csss, users, *CSSS)
    with pytest.raises(live.Conflict) as refused:
        live.open_poll(session, item, actor=users["dg"])
    assert refused.value.code == "urgency_not_declared"
    vote = urgency.record_urgency_vote(session, item, votes_for, actor=users["president"],
                                       majority=TWO_THIRDS)
    assert (vote.present, vote.votes_for, vote.required, vote.is_declared) == (
        5, votes_for, required, declared)
    assert urgency.urgency_pending(session, item) is not declared
    with pytest.raises(live.Conflict) as again:
        urgency.record_urgency_vote(session, item, 5, actor=users["president"],
                                    majority=TWO_THIRDS)
    assert again.value.code == "urgency_voted"
    if declared:
        assert live.open_poll(session, item, actor=users["dg"]).is_open
    else:
        with pytest.raises(live.Conflict):
            live.open_poll(session, item, actor=users["dg"])


def test_the_urgency_vote_counts_only_the_members_present_and_not_withdrawn(session, demo,
                                                                          users) -> None:
    csss = _meeting(session, demo.csss_meeting_id)
    item = _late_item(session, csss, users, "Marché de fournitures — attribution")
    _present(session, csss, users, *CSSS)
    live.declare_withdrawal(session, item, users["councillor4"].member_id,
                            "Conflit d'intérêts déclaré", actor=users["councillor4"])
    with pytest.raises(live.InvalidInput) as refused:
        urgency.record_urgency_vote(session, item, 5, actor=users["dg"], majority=TWO_THIRDS)
    assert refused.value.code == "invalid_votes"
    vote = urgency.record_urgency_vote(session, item, 3, actor=users["dg"],
                                       majority=TWO_THIRDS)
    assert (vote.present, vote.required, vote.is_declared) == (4, 3, True)


def test_an_item_of_the_convened_agenda_needs_no_urgency_vote(session, demo, users) -> None:
    csss = _meeting(session, demo.csss_meeting_id)
    item = next(i for i in csss.items if i.kind is ItemKind.individual_aid)
    assert not item.is_added_after_convocation
    _present(session, csss, users, *CSSS)
    with pytest.raises(live.Conflict) as refused:
        urgency.record_urgency_vote(session, item, 5, actor=users["dg"], majority=TWO_THIRDS)
    assert refused.value.code == "urgency_not_needed"


def test_a_report_scheduled_on_a_convened_meeting_must_be_urgent(session, demo,
                                                                users) -> None:
    """Issue 15: scheduling a social report on an already convened meeting did not require
    urgency (builder items did)."""
    csss = _meeting(session, demo.csss_meeting_id)
    assert csss.status is MeetingStatus.convened
    report = reports.submit_reports(session, [reports.Submission(dossier=DOSSIER, text=TEXT)],
                                    actor=users["socialworker"])[0].report
    with pytest.raises(reports.ReportError, match="urgent"):
        reports.schedule_report(session, report, csss, actor=users["dg"])
    assert report.status is ReportStatus.submitted and report.item_id is None
    item = reports.schedule_report(session, report, csss, actor=users["dg"],
                                   urgency_reason="Expulsion fixée avant la prochaine séance.")
    assert item.is_urgent and item.is_added_after_convocation
    assert "Expulsion fixée avant la prochaine séance." in item.draft_decision
    assert urgency.urgency_pending(session, item)


# --- Third convocation: the quorum waived only for items put a third time ------------------


def test_the_third_convocation_waives_the_quorum_only_for_items_put_a_third_time(
        session, demo, users, time_machine) -> None:
    csss = _meeting(session, demo.csss_meeting_id)
    first = agenda.add_item(session, csss, actor=users["dg"], kind=ItemKind.general,
                            title="Règlement du service de médiation de dettes",
                            is_urgent=True, urgency_reason="Entrée en vigueur au 1er janvier.")
    assert first.times_on_agenda == 1
    second_meeting = csss_meeting_in_preparation(session, demo)
    second_meeting.convocation_round = 2
    session.commit()
    second = agenda.carry_over_item(session, first, second_meeting, actor=users["dg"])
    assert first.status is ItemStatus.postponed
    assert (second.times_on_agenda, second.carried_from_id) == (2, first.id)
    assert not second.is_added_after_convocation
    with pytest.raises(agenda.AgendaError) as twice:
        agenda.carry_over_item(session, first, second_meeting, actor=users["dg"])
    assert twice.value.code == "not_carriable"
    second_meeting.status = MeetingStatus.convened
    third_meeting = Meeting(organ_id=csss.organ_id, place=csss.place,
                            starts_at=second_meeting.starts_at + (second_meeting.starts_at
                                                                  - csss.starts_at),
                            status=MeetingStatus.draft, convocation_round=3)
    session.add(third_meeting)
    session.commit()
    third = agenda.carry_over_item(session, second, third_meeting, actor=users["dg"])
    fresh = agenda.add_item(session, third_meeting, actor=users["dg"], kind=ItemKind.general,
                            title="Convention avec la maison de repos")
    assert third.times_on_agenda == 3 and fresh.times_on_agenda == 1
    third_meeting.status = MeetingStatus.convened
    session.commit()
    meeting = _meeting(session, third_meeting.id)
    time_machine.move_to(meeting.starts_at)  # its sitting opens on its day
    _present(session, meeting, users, "president", "councillor1")  # 2 of 5: no majority
    floor = live.load_floor(session, meeting)
    by_id = {i.id: i for i in meeting.items}
    waived, ordinary = floor.quorum(by_id[third.id]), floor.quorum(by_id[fresh.id])
    assert (waived.met, waived.reason.value) == (True, "third_convocation")
    assert (ordinary.met, ordinary.required, ordinary.present) == (False, 3, 2)
    with pytest.raises(live.Conflict) as refused:
        live.open_poll(session, by_id[fresh.id], actor=users["dg"])
    assert refused.value.code == "no_quorum"
    assert live.open_poll(session, by_id[third.id], actor=users["dg"]).is_open


@pytest.mark.parametrize(
    "target", ["same_meeting", "convened", "other_organ", "earlier"],
)
def test_an_item_is_carried_over_only_to_a_later_meeting_in_preparation(session, demo, users,
                                                                        target) -> None:
    csss = _meeting(session, demo.csss_meeting_id)
    item = next(i for i in csss.items if i.kind is ItemKind.individual_aid)
    later = csss_meeting_in_preparation(session, demo)
    if target == "same_meeting":
        later = csss
    elif target == "convened":
        later.status = MeetingStatus.convened
    elif target == "other_organ":
        later.organ_id = session.get(Meeting, demo.council_meeting_id).organ_id
    else:
        later.starts_at = csss.starts_at - (later.starts_at - csss.starts_at)
    session.commit()
    with pytest.raises(agenda.AgendaError) as refused:
        agenda.carry_over_item(session, item, later, actor=users["dg"])
    assert refused.value.code == "carry_target"
    assert item.status is not ItemStatus.postponed


def test_a_reports_item_is_carried_over_with_its_report(session, demo, users) -> None:
    """A report's item is scheduled anew on the later meeting (pseudonymised with its
    registry): the report follows it, the earlier item stays, postponed."""
    csss = _meeting(session, demo.csss_meeting_id)
    item = next(i for i in csss.items if i.kind is ItemKind.individual_aid)
    report = agenda.meeting_reports(session, item)[0]
    later = csss_meeting_in_preparation(session, demo)
    carried = agenda.carry_over_item(session, item, later, actor=users["dg"])
    assert carried.meeting_id == later.id and carried.kind is ItemKind.individual_aid
    assert (carried.times_on_agenda, carried.carried_from_id) == (2, item.id)
    assert report.item_id == carried.id and report.status is ReportStatus.scheduled
    assert item.status is ItemStatus.postponed


# --- The chair screen and the API ----------------------------------------------------------


def test_the_chair_enters_the_urgency_vote_then_opens_the_vote(client, auth, session, demo,
                                                              users) -> None:
    csss = _meeting(session, demo.csss_meeting_id)
    item = _late_item(session, csss, users, "Convention de partenariat — avenant")
    _present(session, csss, users, *CSSS)
    auth.login("dg")
    auth.use_language("en")
    chair = f"/meetings/{csss.id}/chair"
    page = client.get(f"{chair}?item={item.id}").get_data(as_text=True)
    assert "Record the urgency vote" in page and "Open the vote" not in page
    answer = client.post(f"{chair}/items/{item.id}/urgency", data={"votes_for": "4"},
                         follow_redirects=True).get_data(as_text=True)
    assert "The urgency is declared: the item can be taken." in answer
    # the sentence of the minutes, in the centre's language, as the result of a vote
    assert ("L&#39;urgence est déclarée par 4 voix sur les 5 membres présents (4 requises)."
            in answer)
    assert "Open the vote" in answer


def test_the_api_records_the_urgency_vote(client, api_token, session, demo, users) -> None:
    csss = _meeting(session, demo.csss_meeting_id)
    item = _late_item(session, csss, users, "Convention de partenariat — avenant")
    _present(session, csss, users, *CSSS)
    headers = {**api_token("president"), "Accept-Language": "en"}
    url = f"/api/v1/items/{item.id}/urgency"
    too_many = client.post(url, json={"votes_for": 6}, headers=headers)
    assert too_many.status_code == 400
    response = client.post(url, json={"votes_for": 3}, headers=headers)
    assert response.status_code == 201, response.json
    assert response.json == {"item_id": item.id, "present": 5, "votes_for": 3, "required": 4,
                             "declared": False, "sentence": (
                                 "L'urgence n'est pas déclarée : 3 voix sur les 5 membres "
                                 "présents, 4 requises ; le point n'est pas examiné.")}
    assert client.post(url, json={"votes_for": 5}, headers=headers).status_code == 409
    poll = client.post(f"/api/v1/items/{item.id}/poll", json={}, headers=headers)
    assert poll.status_code == 409 and poll.json["error"] == "urgency_not_declared"
