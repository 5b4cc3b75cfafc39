"""Minutes approved by the organ (issue 15, item 3): the first item of the organ's next meeting
approves the previous minutes by the organ's decision, recorded at the sitting by the president
or the DG: without observation, with the observations made, or by a vote when one is asked.
The approving meeting's minutes say which; "approved without observation" only when so."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session
from support import approve_minutes, user_named

from agenda.guard import IdentityInText
from council.models import (
    ItemStatus,
    MeetingStatus,
    Minutes,
    MinutesApproval,
    MinutesStatus,
    Poll,
    PollOutcome,
    PollStatus,
)
from council.models.base import utcnow
from minutes import service

#: the sentence of the demo centre's (French) minutes
WITHOUT = ("Aucune observation n'ayant été formulée, le procès-verbal de la séance précédente "
           "est approuvé.")


def _approval_sentence(session: Session, held) -> str | None:
    """What the approving meeting's own minutes say on their first item."""
    later = service.start_draft(session, held.next_meeting, actor=user_named(session, "dg"))
    document = service.build_document(session, later, later.latest_revision)
    return document.items[0].outcome


def _vote(session: Session, held, outcome: PollOutcome) -> Poll:
    """A closed vote on the approval item, as the sitting's poll machinery leaves it."""
    item = held.next_meeting.items[0]
    yes, no = (4, 0) if outcome is PollOutcome.adopted else (1, 3)
    poll = Poll(item_id=item.id, meeting_id=held.next_meeting.id, is_secret=False,
                status=PollStatus.closed, quorum_required=3, quorum_present=4,
                opened_by_id=user_named(session, "dg").id, closed_at=utcnow(),
                closed_by_id=user_named(session, "dg").id, yes_count=yes, no_count=no,
                abstain_count=0, outcome=outcome, is_decided_by_tie_rule=False)
    session.add(poll)
    item.status = ItemStatus.decided
    session.commit()
    return poll


def test_without_observation(session: Session, held, draft: Minutes) -> None:
    approve_minutes(session, held.next_meeting, actor="president")
    assert draft.status is MinutesStatus.approved
    assert draft.approval is MinutesApproval.without_observation
    assert draft.approved_by_id == user_named(session, "president").id
    assert held.next_meeting.items[0].status is ItemStatus.decided
    assert _approval_sentence(session, held) == WITHOUT


def test_with_observations(session: Session, held, draft: Minutes) -> None:
    approve_minutes(session, held.next_meeting,
                    observations="Au point 3, lire « 18 h 30 » au lieu de « 18 h ».")
    assert draft.approval is MinutesApproval.with_observations
    assert draft.approval_observations.startswith("Au point 3")
    sentence = _approval_sentence(session, held)
    assert sentence != WITHOUT and "Au point 3" in sentence


def test_by_the_vote_asked(session: Session, held, draft: Minutes) -> None:
    _vote(session, held, PollOutcome.adopted)
    approve_minutes(session, held.next_meeting)
    assert draft.approval is MinutesApproval.by_vote
    sentence = _approval_sentence(session, held)
    assert sentence != WITHOUT and sentence.startswith("Adopté")


def test_a_vote_against_leaves_them_a_draft(session: Session, held, draft: Minutes) -> None:
    _vote(session, held, PollOutcome.rejected)
    with pytest.raises(service.Conflict) as refused:
        approve_minutes(session, held.next_meeting)
    session.rollback()
    assert refused.value.code == "approval_rejected"
    assert draft.status is MinutesStatus.draft and draft.approval is None


@pytest.mark.parametrize("status", [MeetingStatus.convened, MeetingStatus.closed])
def test_only_at_the_sitting(session: Session, held, draft: Minutes,
                             status: MeetingStatus) -> None:
    held.next_meeting.status = status
    session.commit()
    with pytest.raises(service.Conflict) as refused:
        approve_minutes(session, held.next_meeting)
    session.rollback()
    assert refused.value.code == "approval_outside_sitting"
    assert draft.status is MinutesStatus.draft


def test_not_recorded_is_not_said_approved(session: Session, held, draft: Minutes) -> None:
    sentence = _approval_sentence(session, held)
    assert sentence and sentence != WITHOUT and "approuvé" not in sentence


def test_the_observations_pass_the_identity_guard(session: Session, held,
                                                  draft: Minutes) -> None:
    with pytest.raises(IdentityInText):
        approve_minutes(session, held.next_meeting,
                        observations="Claire Delvaux demande une correction.")
    session.rollback()
    assert draft.status is MinutesStatus.draft
