"""Attendance, withdrawals, quorum and votes through the services, and what the database
stores (agenda/sitting/, council/models/session.py)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import Integer, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from agenda import sitting as live
from council.models import (
    AgendaItem,
    ItemWithdrawal,
    Meeting,
    OpenBallot,
    Poll,
    SecretBallot,
    SecretParticipation,
    User,
)
from council.models.base import UTCDateTime
from council.rules.attendance import Presence
from council.rules.majority import Choice, TieRule, VoteSettings

CSSS = ("president", "councillor1", "councillor2", "councillor3", "councillor4")

#: attendance, polls and ballots are recorded only in an opened sitting
pytestmark = pytest.mark.usefixtures("open_sittings")


@pytest.fixture
def users(session: Session, demo: Any) -> dict[str, User]:
    return {u.username: u for u in session.scalars(select(User))}


@pytest.fixture
def csss(session: Session, demo: Any) -> Meeting:
    meeting = live.load_meeting(session, demo.csss_meeting_id)
    assert meeting is not None
    return meeting


@pytest.fixture
def council(session: Session, demo: Any) -> Meeting:
    meeting = live.load_meeting(session, demo.council_meeting_id)
    assert meeting is not None
    return meeting


def _present(session: Session, meeting: Meeting, users: dict[str, User], *names: str) -> None:
    for name in names:
        live.record_attendance(session, meeting, users[name].member_id, Presence.present,
                               actor=users["dg"])


def _aid_item(meeting: Meeting) -> AgendaItem:
    return next(i for i in meeting.items if i.kind.value == "individual_aid")


def _vote(session: Session, item: AgendaItem, users: dict[str, User], **choices: str) -> None:
    for name, choice in choices.items():
        live.cast_ballot(session, item.id, users[name].member_id, Choice(choice),
                         actor=users[name])


# --- Attendance ---------------------------------------------------------------------------


def test_attendance_timeline_arrivals_and_departures(session, csss, users) -> None:
    items = sorted(csss.items, key=lambda i: i.number)
    first, second, third = items[0], items[1], items[2]
    dg = users["dg"]
    member = users["councillor1"].member_id
    live.record_attendance(session, csss, member, Presence.excused, actor=dg)
    live.record_attendance(session, csss, member, Presence.present, second.id, actor=dg)
    live.record_attendance(session, csss, member, Presence.absent, third.id, actor=dg)
    floor = live.load_floor(session, csss)
    assert [floor.presence(i)[member] for i in (first, second, third)] == [
        Presence.excused, Presence.present, Presence.absent]
    records = live.attendance_of(session, csss.id)
    assert len(records) == 3 and all(r.recorded_by_id == dg.id for r in records)
    assert all(r.recorded_at is not None for r in records)
    assert live.meeting_attendance(session, csss)[member] is Presence.excused


def test_attendance_refused_when_the_meeting_is_not_in_session(session, csss, users) -> None:
    csss.status = csss.status.__class__("closed")
    with pytest.raises(live.Conflict):
        _present(session, csss, users, "councillor1")


def test_quorum_on_the_floor_counts_the_room_less_withdrawals(session, csss, users) -> None:
    _present(session, csss, users, "president", "councillor1", "councillor2")
    item = _aid_item(csss)
    floor = live.load_floor(session, csss)
    assert (floor.quorum(item).present, floor.quorum(item).required, floor.quorum(item).met) == (
        3, 3, True)
    live.declare_withdrawal(session, item, users["councillor2"].member_id, "son-in-law",
                            actor=users["councillor2"])
    floor = live.load_floor(session, csss)
    quorum = floor.quorum(item)
    assert (quorum.present, quorum.required, quorum.met) == (2, 3, False)  # 5 in office
    with pytest.raises(live.Conflict) as refused:
        live.open_poll(session, item, actor=users["president"])
    assert refused.value.code == "no_quorum"
    assert refused.value.details == {"required": 3, "present": 2}


# --- Withdrawals ----------------------------------------------------------------------------


def test_withdrawal_record_for_the_minutes(session, csss, users) -> None:
    item = _aid_item(csss)
    live.declare_withdrawal(session, item, users["councillor3"].member_id, "  first cousin ",
                            actor=users["secretariat"])
    (withdrawal,) = live.withdrawals_of(session, csss.id)
    assert withdrawal.member.id == users["councillor3"].member_id
    assert withdrawal.read_reason() == "first cousin"
    assert withdrawal.declared_by.username == "secretariat" and withdrawal.declared_at
    with pytest.raises(live.Conflict):
        live.declare_withdrawal(session, item, users["councillor3"].member_id, "again",
                                actor=users["dg"])


@pytest.mark.parametrize("reason", ["", "   ", "x" * 1001])
def test_withdrawal_needs_a_reason(session, csss, users, reason) -> None:
    with pytest.raises(live.InvalidInput):
        live.declare_withdrawal(session, _aid_item(csss), users["councillor3"].member_id,
                                reason, actor=users["dg"])


def test_withdrawn_member_cannot_vote_and_a_voter_cannot_withdraw(session, csss, users) -> None:
    _present(session, csss, users, *CSSS)
    item = _aid_item(csss)
    live.declare_withdrawal(session, item, users["councillor4"].member_id, "neighbour",
                            actor=users["councillor4"])
    live.open_poll(session, item, actor=users["dg"])
    with pytest.raises(live.NotAllowed) as refused:
        _vote(session, item, users, councillor4="yes")
    assert refused.value.code == "withdrawn"
    _vote(session, item, users, councillor1="yes")
    with pytest.raises(live.Conflict) as late:
        live.declare_withdrawal(session, item, users["councillor1"].member_id, "late",
                                actor=users["councillor1"])
    assert late.value.code == "already_voted"


# --- Open votes -----------------------------------------------------------------------------


def test_open_vote_tally_per_group_and_per_member(session, csss, users) -> None:
    _present(session, csss, users, *CSSS)
    item = _aid_item(csss)
    live.open_poll(session, item, actor=users["president"])
    _vote(session, item, users, president="no", councillor1="yes", councillor2="yes",
          councillor3="no", councillor4="yes")
    result = live.close_poll(session, item, actor=users["president"], settings=VoteSettings(),
                             language="nl")
    assert (result.outcome.yes, result.outcome.no, result.outcome.abstain) == (3, 2, 0)
    assert result.outcome.adopted
    assert result.sentence == "Aangenomen met 3 stemmen voor en 2 tegen."
    assert result.by_group == {"PS": {"yes": 1, "no": 1, "abstain": 0},
                               "MR": {"yes": 1, "no": 0, "abstain": 0},
                               "Ecolo": {"yes": 0, "no": 1, "abstain": 0},
                               "Les Engagés": {"yes": 1, "no": 0, "abstain": 0}}
    assert result.votes is not None and result.votes[0][0].is_president
    assert item.status.value == "decided"


@pytest.mark.parametrize(("open_rule", "president", "adopted", "sentence"), [
    (TieRule.president_decides, "yes", True, "Adopté par 2 voix contre 2 et 1 abstention, la "
                                             "voix du président étant prépondérante."),
    (TieRule.president_decides, "no", False, "Rejeté par 2 voix contre 2 et 1 abstention."),
    (TieRule.rejected, "yes", False, "Rejeté par 2 voix contre 2 et 1 abstention."),
])
def test_open_tie_follows_the_setting(session, csss, users, open_rule, president, adopted,
                                      sentence) -> None:
    _present(session, csss, users, *CSSS)
    item = _aid_item(csss)
    live.open_poll(session, item, actor=users["dg"])
    other = "no" if president == "yes" else "yes"
    _vote(session, item, users, president=president, councillor1=other, councillor2=president,
          councillor3=other, councillor4="abstain")
    result = live.close_poll(session, item, actor=users["dg"],
                             settings=VoteSettings(open_tie_rule=open_rule), language="fr")
    assert result.outcome.adopted is adopted
    assert result.sentence == sentence


@pytest.mark.parametrize(("secret_rule", "adopted"), [(TieRule.rejected, False)])
def test_secret_tie_follows_the_setting(session, council, users, secret_rule, adopted) -> None:
    members = ("president", *(f"councillor{n}" for n in range(1, 11)))
    _present(session, council, users, *members)
    item = next(i for i in council.items if i.kind.value == "personnel")
    poll = live.open_poll(session, item, actor=users["president"])
    assert poll.is_secret
    choices = ["yes"] * 5 + ["no"] * 5 + ["abstain"]
    for name, choice in zip(members, choices, strict=True):
        _vote(session, item, users, **{name: choice})
    result = live.close_poll(session, item, actor=users["president"],
                             settings=VoteSettings(secret_tie_rule=secret_rule), language="fr")
    assert result.outcome.adopted is adopted
    assert result.by_group is None and result.votes is None
    assert result.sentence == "Rejeté au scrutin secret, par 5 voix contre 5 et 1 abstention."


def test_tie_rule_settings_come_from_the_configuration() -> None:
    settings = live.vote_settings({"COUNCIL_TIE_RULE_OPEN": "rejected",
                                   "COUNCIL_TIE_RULE_SECRET": "rejected"})
    assert settings == VoteSettings(open_tie_rule=TieRule.rejected,
                                    secret_tie_rule=TieRule.rejected)


def test_default_tie_settings(app) -> None:
    assert app.config["COUNCIL_TIE_RULE_OPEN"] == "president_decides"
    assert app.config["COUNCIL_TIE_RULE_SECRET"] == "rejected"


# --- One ballot per member: the database says so ------------------------------------------


def test_the_database_refuses_a_second_open_ballot(session, csss, users) -> None:
    _present(session, csss, users, *CSSS)
    item = _aid_item(csss)
    poll = live.open_poll(session, item, actor=users["dg"])
    member = users["councillor1"]
    _vote(session, item, users, councillor1="yes")
    with pytest.raises(live.Conflict) as refused:
        _vote(session, item, users, councillor1="no")
    assert refused.value.code == "already_voted"
    savepoint = session.begin_nested()
    session.add(OpenBallot(poll_id=poll.id, member_id=member.member_id, choice=Choice.no,
                           recorded_by_id=member.id))
    with pytest.raises(IntegrityError):
        session.flush()
    savepoint.rollback()


def test_the_database_refuses_a_second_secret_participation(session, council, users) -> None:
    _present(session, council, users, "president", *(f"councillor{n}" for n in range(1, 6)))
    item = next(i for i in council.items if i.kind.value == "personnel")
    poll = live.open_poll(session, item, actor=users["dg"])
    _vote(session, item, users, councillor1="yes")
    with pytest.raises(live.Conflict):
        _vote(session, item, users, councillor1="no")
    savepoint = session.begin_nested()
    session.add(SecretParticipation(poll_id=poll.id, member_id=users["councillor1"].member_id))
    with pytest.raises(IntegrityError):
        session.flush()
    savepoint.rollback()
    assert len(session.scalars(select(SecretBallot.id)
                               .where(SecretBallot.poll_id == poll.id)).all()) == 1


# --- Secret ballots keep no link between a voter and a choice ------------------------------


def test_secret_ballot_rows_cannot_be_joined_to_voters(session, council, users) -> None:
    members = ("president", *(f"councillor{n}" for n in range(1, 11)))
    _present(session, council, users, *members)
    item = next(i for i in council.items if i.kind.value == "personnel")
    poll = live.open_poll(session, item, actor=users["president"])
    choices = dict(zip(members, ["yes", "no", "abstain", "yes", "yes", "no", "yes", "no",
                                 "yes", "abstain", "yes"], strict=True))
    for name, choice in choices.items():
        _vote(session, item, users, **{name: choice})

    # The stored rows: a participation (poll, member), an anonymous ballot (poll, sealed choice).
    bind = session.connection()
    columns = {c["name"]: c for c in inspect(bind).get_columns("secret_ballot")}
    assert set(columns) == {"id", "poll_id", "sealed_choice"}
    assert set(c["name"] for c in inspect(bind).get_columns("secret_participation")) == {
        "id", "poll_id", "member_id"}
    foreign = inspect(bind).get_foreign_keys("secret_ballot")
    assert [fk["referred_table"] for fk in foreign] == ["poll"]
    for table in (SecretBallot.__table__, SecretParticipation.__table__):
        assert not any(isinstance(c.type, UTCDateTime) for c in table.columns)
        assert not any(isinstance(c.type, Integer) and c.primary_key for c in table.columns)
    participations = session.scalars(select(SecretParticipation).where(
        SecretParticipation.poll_id == poll.id)).all()
    ballots = session.scalars(select(SecretBallot).where(SecretBallot.poll_id == poll.id)).all()
    assert len(participations) == len(ballots) == len(members)
    assert all(isinstance(row.id, uuid.UUID) and row.id.version == 4
               for row in (*participations, *ballots))
    # Every choice sealed anew (random nonce): eleven different values of one length
    sealed = [ballot.sealed_choice for ballot in ballots]
    assert len(set(sealed)) == len(members) and len({len(s) for s in sealed}) == 1
    assert not any(c.value.encode() in s for s in sealed for c in Choice)
    # The only column the two tables share is the poll: joining pairs every voter with every
    # ballot of the poll, never one with one.
    pairs = session.execute(select(SecretParticipation.member_id, SecretBallot.sealed_choice)
                            .join(SecretBallot, SecretBallot.poll_id == SecretParticipation.poll_id)
                            .where(SecretParticipation.poll_id == poll.id)).all()
    assert len(pairs) == len(members) ** 2
    if bind.dialect.name == "sqlite":  # no hidden row number that follows the insertion order
        for table in ("secret_ballot", "secret_participation"):
            with pytest.raises(Exception, match="rowid"):
                session.execute(text(f"SELECT rowid FROM {table}"))  # noqa: S608

    result = live.close_poll(session, item, actor=users["president"], settings=VoteSettings(),
                             language="fr")
    # counted exactly, then only the counts are kept: the sealed choices are deleted
    assert (result.outcome.yes, result.outcome.no, result.outcome.abstain) == (
        *(list(choices.values()).count(c) for c in ("yes", "no", "abstain")),)
    assert result.by_group is None and result.votes is None
    assert session.scalar(select(SecretBallot.id).where(SecretBallot.poll_id == poll.id)) is None
    assert len(session.scalars(select(SecretParticipation).where(
        SecretParticipation.poll_id == poll.id)).all()) == len(members)


@pytest.mark.parametrize("alteration", ["copied", "deleted"])
def test_a_secret_ballot_copied_or_deleted_in_the_database_is_not_counted(
        session, council, users, alteration) -> None:
    members = ("president", *(f"councillor{n}" for n in range(1, 7)))
    _present(session, council, users, *members)
    item = next(i for i in council.items if i.kind.value == "personnel")
    poll = live.open_poll(session, item, actor=users["president"])
    for name in members:
        _vote(session, item, users, **{name: "yes"})
    ballot = session.scalars(select(SecretBallot).where(SecretBallot.poll_id == poll.id)).first()
    if alteration == "copied":  # a DBA cannot read or forge a sealed choice, but can copy one
        session.add(SecretBallot(poll_id=poll.id, sealed_choice=ballot.sealed_choice))
    else:
        session.delete(ballot)
    session.flush()
    with pytest.raises(live.Conflict) as refused:
        live.close_poll(session, item, actor=users["president"], settings=VoteSettings(),
                        language="fr")
    assert refused.value.code == "ballots_altered"
    assert session.get(Poll, poll.id).is_open


def test_secret_ballot_cannot_be_recorded_by_show_of_hands(session, council, users) -> None:
    _present(session, council, users, "president", *(f"councillor{n}" for n in range(1, 6)))
    item = next(i for i in council.items if i.kind.value == "personnel")
    live.open_poll(session, item, actor=users["president"])
    with pytest.raises(live.Conflict):
        live.cast_ballot(session, item.id, users["councillor1"].member_id, Choice.yes,
                         actor=users["president"])


def test_withdrawals_are_kept_per_item(session, csss, users) -> None:
    item = _aid_item(csss)
    live.declare_withdrawal(session, item, users["councillor1"].member_id, "uncle",
                            actor=users["councillor1"])
    assert session.scalars(select(ItemWithdrawal.member_id).where(
        ItemWithdrawal.item_id == item.id)).all() == [users["councillor1"].member_id]
    assert session.scalar(select(Poll).where(Poll.item_id == item.id)) is None
