"""Agenda builder use cases: the item rules, the order of the agenda, the audit."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import expect_refusal, organ_of_kind, user_named

from agenda.meetings import service as agenda
from council.models import (
    AgendaItem,
    AuditEntry,
    ItemKind,
    Meeting,
    MeetingStatus,
    OrganKind,
    User,
)

BRUSSELS = ZoneInfo("Europe/Brussels")




@pytest.fixture
def dg(session: Session) -> User:
    return user_named(session, "dg")


@pytest.fixture
def meeting(session: Session, dg: User) -> Meeting:
    return agenda.create_meeting(
        session, actor=dg, organ=organ_of_kind(session, OrganKind.council),
        starts_at=datetime(2027, 5, 20, 19, 0, tzinfo=BRUSSELS),
        place="Salle du conseil", convocation_round=1)


def _layout(meeting: Meeting) -> list[tuple[int, ItemKind, bool]]:
    return [(i.number, i.kind, i.is_closed_session)
            for i in sorted(meeting.items, key=lambda i: i.number)]


def _item_count(session: Session, meeting: Meeting) -> int:
    return session.scalar(select(func.count(AgendaItem.id))
                          .where(AgendaItem.meeting_id == meeting.id))


def test_a_new_meeting_starts_with_the_minutes_approval(session: Session, meeting: Meeting,
                                                         dg: User) -> None:
    session.expire_all()
    stored = session.get(Meeting, meeting.id)
    assert stored.starts_at == datetime(2027, 5, 20, 17, 0, tzinfo=UTC)  # 19:00 CEST
    assert stored.status is MeetingStatus.draft
    assert [(i.number, i.kind) for i in stored.items] == [(1, ItemKind.minutes_approval)]
    assert stored.items[0].title == "Approbation du procès-verbal de la séance précédente"
    entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
    assert (entry.action, entry.object_id, entry.actor_id) == ("meeting_created", meeting.id,
                                                                dg.id)


@pytest.mark.parametrize(("changes", "code"), [
    ({"starts_at": datetime(2020, 1, 9, 18, 0, tzinfo=BRUSSELS)}, "meeting_in_past"),
    ({"starts_at": datetime(2027, 1, 9, 18, 0)}, "date_required"),  # naive
    ({"place": "  "}, "place_required"),
    ({"convocation_round": 4}, "convocation_round"),
    ({"organ": None}, "organ_required"),
])
def test_bad_meetings_are_refused(session: Session, dg: User, changes: dict,
                                  code: str) -> None:
    before = session.scalar(select(func.count(Meeting.id)))
    arguments = {"organ": organ_of_kind(session, OrganKind.csss),
                 "starts_at": datetime(2027, 1, 9, 18, 0, tzinfo=BRUSSELS),
                 "place": "Salle", "convocation_round": 1, **changes}
    with pytest.raises(agenda.AgendaError) as refused:
        agenda.create_meeting(session, actor=dg, **arguments)
    session.rollback()
    assert refused.value.code == code
    assert session.scalar(select(func.count(Meeting.id))) == before


def test_personnel_items_are_forced_closed_and_secret(session: Session, meeting: Meeting,
                                                      dg: User) -> None:
    item = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.personnel,
                           title="Désignation d'un agent", is_secret_ballot=False)
    assert item.is_closed_session and item.is_secret_ballot


@pytest.mark.parametrize("kind", [ItemKind.personnel])
def test_a_public_personnel_item_is_refused_and_nothing_stored(session: Session,
                                                                meeting: Meeting, dg: User,
                                                                kind: ItemKind) -> None:
    with pytest.raises(agenda.AgendaError) as refused:
        agenda.add_item(session, meeting, actor=dg, kind=kind, title="Engagement",
                        is_closed_session=False)
    session.rollback()
    assert refused.value.code == "persons_closed_session"
    assert _item_count(session, meeting) == 1


@pytest.mark.parametrize("kind", [ItemKind.individual_aid, ItemKind.minutes_approval])
def test_individual_aid_and_minutes_are_not_added_by_hand(session: Session, meeting: Meeting,
                                                          dg: User, kind: ItemKind) -> None:
    with expect_refusal(agenda.AgendaError, "kind_not_addable"):
        agenda.add_item(session, meeting, actor=dg, kind=kind, title="X")


def test_public_items_come_first_after_the_minutes(session: Session, meeting: Meeting,
                                                   dg: User) -> None:
    agenda.add_item(session, meeting, actor=dg, kind=ItemKind.personnel, title="Personnel")
    agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="Closed general")
    agenda.add_item(session, meeting, actor=dg, kind=ItemKind.budget, title="Budget 2028",
                    is_closed_session=False)
    agenda.add_item(session, meeting, actor=dg, kind=ItemKind.policy_note, title="Note",
                    is_closed_session=False)
    assert _layout(meeting) == [
        (1, ItemKind.minutes_approval, True),
        (2, ItemKind.budget, False),
        (3, ItemKind.policy_note, False),
        (4, ItemKind.personnel, True),
        (5, ItemKind.general, True),
    ]


def test_moves_keep_the_rules_and_the_numbering(session: Session, meeting: Meeting,
                                                dg: User) -> None:
    public = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="A",
                             is_closed_session=False)
    first = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="B")
    second = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.ratification,
                             title="C")
    agenda.move_item(session, second, actor=dg, offset=-1)
    assert (first.number, second.number) == (4, 3)
    with pytest.raises(agenda.AgendaError) as refused:
        agenda.move_item(session, public, actor=dg, offset=1)  # below a closed item
    assert refused.value.code == "public_first"
    session.rollback()
    with pytest.raises(agenda.AgendaError) as refused:
        agenda.move_item(session, public, actor=dg, offset=-1)  # above the minutes
    assert refused.value.code == "minutes_first"
    session.rollback()
    with expect_refusal(agenda.AgendaError, "bad_move"):
        agenda.move_item(session, first, actor=dg, offset=1)
    session.rollback()
    session.expire_all()
    assert [i.number for i in session.get(Meeting, meeting.id).items] == [1, 2, 3, 4]


def test_making_an_item_public_moves_it_before_closed_items(session: Session,
                                                             meeting: Meeting,
                                                             dg: User) -> None:
    closed = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.personnel, title="P")
    general = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="G")
    agenda.update_item(session, general, actor=dg, title="G", kind=ItemKind.general,
                       is_closed_session=False, is_secret_ballot=False, is_urgent=False,
                       urgency_reason=None, draft_decision="Décide : oui")
    assert (general.number, closed.number) == (2, 3)
    assert general.draft_decision == "Décide : oui"


def test_a_personnel_item_cannot_be_made_public(session: Session, meeting: Meeting,
                                                dg: User) -> None:
    item = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.personnel, title="P")
    with expect_refusal(agenda.AgendaError, "persons_closed_session"):
        agenda.update_item(session, item, actor=dg, title="P", kind=ItemKind.personnel,
                           is_closed_session=False, is_secret_ballot=True, is_urgent=False,
                           urgency_reason=None, draft_decision=None)
    session.rollback()
    session.expire_all()
    assert session.get(AgendaItem, item.id).is_closed_session


def test_an_item_turned_into_personnel_gets_the_secret_ballot(session: Session,
                                                              meeting: Meeting,
                                                              dg: User) -> None:
    item = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="G")
    agenda.update_item(session, item, actor=dg, title="G", kind=ItemKind.personnel,
                       is_closed_session=True, is_secret_ballot=False, is_urgent=False,
                       urgency_reason=None, draft_decision=None)
    assert item.is_secret_ballot


def test_new_items_get_a_draft_decision_skeleton_in_the_centre_language(
        session: Session, meeting: Meeting, dg: User) -> None:
    item = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="G")
    assert item.draft_decision.startswith("Vu la loi organique")
    assert "Considérant" in item.draft_decision
    assert "Décide" in item.draft_decision


def test_urgent_items_need_their_reason(session: Session, meeting: Meeting, dg: User) -> None:
    with expect_refusal(agenda.AgendaError, "urgency_reason_required"):
        agenda.add_item(session, meeting, actor=dg, kind=ItemKind.ratification, title="R",
                        is_urgent=True, urgency_reason=" ")
    session.rollback()
    item = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.ratification, title="R",
                           is_urgent=True, urgency_reason="Expulsion prévue le 18 mai")
    assert item.is_urgent
    assert "Expulsion prévue le 18 mai" in item.draft_decision


def test_after_convocation_only_urgent_items_are_added_and_none_removed(
        session: Session, meeting: Meeting, dg: User) -> None:
    item = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="G")
    meeting.status = MeetingStatus.convened
    session.commit()
    with expect_refusal(agenda.AgendaError, "late_item_must_be_urgent"):
        agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="Late")
    session.rollback()
    urgent = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="Late",
                             is_urgent=True, urgency_reason="Délai de recours")
    assert urgent.number == 3
    with expect_refusal(agenda.AgendaError, "remove_after_convocation"):
        agenda.remove_item(session, item, actor=dg)


def test_removing_an_item_renumbers_the_agenda(session: Session, meeting: Meeting,
                                               dg: User) -> None:
    first = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="A")
    agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="B")
    agenda.remove_item(session, first, actor=dg)
    session.expire_all()
    stored = session.get(Meeting, meeting.id)
    assert [(i.number, i.title) for i in stored.items][1:] == [(2, "B")]
    entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
    assert entry.action == "agenda_item_removed"


def test_a_closed_meeting_cannot_change(session: Session, meeting: Meeting, dg: User) -> None:
    item = meeting.items[0]
    meeting.status = MeetingStatus.closed
    session.commit()
    with expect_refusal(agenda.AgendaError, "meeting_not_editable"):
        agenda.update_item(session, item, actor=dg, title="Autre", kind=item.kind,
                           is_closed_session=True, is_secret_ballot=False, is_urgent=False,
                           urgency_reason=None, draft_decision="x")
    session.rollback()
    with expect_refusal(agenda.AgendaError, "meeting_not_editable"):
        agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general, title="G")


def test_audit_entries_never_carry_titles_or_texts(session: Session, meeting: Meeting,
                                                   dg: User) -> None:
    item = agenda.add_item(session, meeting, actor=dg, kind=ItemKind.general,
                           title="Titre sensible", is_urgent=True,
                           urgency_reason="Raison sensible")
    agenda.update_item(session, item, actor=dg, title="Titre sensible 2",
                       kind=ItemKind.general, is_closed_session=True, is_secret_ballot=False,
                       is_urgent=True, urgency_reason=None, draft_decision="Décision sensible")
    entries = session.scalars(select(AuditEntry).where(AuditEntry.object_id == item.id,
                                                       AuditEntry.object_type == "agenda_item"))
    details = [str(entry.details) for entry in entries]
    assert len(details) == 2
    assert not any("sensible" in text for text in details)


@pytest.mark.parametrize(("status", "edit", "remove", "convene"), [
    (MeetingStatus.draft, True, True, True),
    (MeetingStatus.convened, True, False, True),
    (MeetingStatus.in_progress, True, False, False),
    (MeetingStatus.closed, False, False, False),
    (MeetingStatus.cancelled, False, False, False),
])
def test_what_staff_may_do_follows_the_meeting_status(session: Session, meeting: Meeting,
                                                      status: MeetingStatus, edit: bool,
                                                      remove: bool, convene: bool) -> None:
    from council import permissions

    meeting.status = status
    item = meeting.items[0]
    for username in ("dg", "secretariat"):
        user = user_named(session, username)
        assert permissions.can_edit_agenda(user, meeting) is edit
        assert permissions.can_remove_item(user, item) is remove
        assert permissions.can_convene(user, meeting) is convene
    for username in ("president", "councillor1", "socialworker", "admin"):
        user = user_named(session, username)
        assert not permissions.can_create_meeting(user)
        assert not permissions.can_edit_agenda(user, meeting)
        assert not permissions.can_remove_item(user, item)
        assert not permissions.can_convene(user, meeting)
