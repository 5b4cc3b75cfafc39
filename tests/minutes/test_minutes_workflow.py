"""The minutes' use cases: drafting, append-only revisions, approval by a later meeting of the
same organ, corrections after approval; every refusal leaves nothing changed."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import approve_minutes, user_named

from council import crypto
from council.models import (
    AuditEntry,
    ItemStatus,
    Language,
    MeetingStatus,
    Minutes,
    MinutesApproval,
    MinutesRevision,
    MinutesStatus,
    SignedDocument,
)
from minutes import service


def _counts(session: Session) -> tuple[int, ...]:
    return tuple(session.scalar(select(func.count()).select_from(model))
                 for model in (Minutes, MinutesRevision, SignedDocument, AuditEntry))


def test_draft_starts_from_the_draft_decisions(session: Session, held, draft: Minutes) -> None:
    revision = draft.latest_revision
    assert draft.status is MinutesStatus.draft and revision.number == 1
    closed_items = [i for i in held.meeting.items if i.is_closed_session]
    assert revision.content["items"] == {str(i.id): i.draft_decision or "" for i in closed_items}
    assert session.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1)
                          ) == "minutes_started"


def test_revisions_are_appended_and_untouched_texts_kept(session: Session, held,
                                                         draft: Minutes) -> None:
    item = next(i for i in held.meeting.items if i.is_closed_session and i.draft_decision)
    other = next(i for i in held.meeting.items if i.is_closed_session and i.id != item.id)
    first = draft.latest_revision
    first_content = dict(first.content)
    # a decided item's deliberation says more around its decision, never less (issue 15)
    deliberation = f"Le rapport social est présenté.\n{item.draft_decision}"
    revision = service.save_revision(session, draft, actor=user_named(session, "secretariat"),
                                     texts={item.id: deliberation},
                                     introduction="La séance est ouverte à 18 h 05.",
                                     note="typo")
    assert revision.number == 2 and revision.note == "typo"
    assert revision.content["items"][str(item.id)] == deliberation
    assert revision.content["items"][str(other.id)] == first_content["items"][str(other.id)]
    session.refresh(first)
    assert first.content == first_content  # the first revision was not rewritten
    assert [r.number for r in draft.revisions] == [1, 2]


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"texts": {}}, "unchanged"),
    ({"texts": {999_999: "x"}}, "unknown_item"),
    ({"introduction": "x" * (service.TEXT_MAX + 1)}, "text_too_long"),
    ({"introduction": "null\x00byte"}, "invalid_text"),
    ({"introduction": "ok", "note": "n" * (service.NOTE_MAX + 1)}, "invalid_note"),
])
def test_bad_revisions_are_refused(session: Session, draft: Minutes, kwargs: dict,
                                   code: str) -> None:
    before = _counts(session)
    with pytest.raises(service.InvalidInput) as refused:
        service.save_revision(session, draft, actor=user_named(session, "dg"), **kwargs)
    session.rollback()
    assert refused.value.code == code and refused.value.message
    assert _counts(session) == before


def test_a_meeting_not_yet_held_gets_no_draft(session: Session, demo) -> None:
    from council.models import Meeting

    meeting = session.get(Meeting, demo.council_meeting_id)
    with pytest.raises(service.Conflict) as refused:
        service.start_draft(session, meeting, actor=user_named(session, "dg"))
    assert refused.value.code == "meeting_not_held"


def test_a_second_draft_is_refused(session: Session, held, draft: Minutes) -> None:
    with pytest.raises(service.Conflict) as refused:
        service.start_draft(session, held.meeting, actor=user_named(session, "dg"))
    assert refused.value.code == "minutes_exist"


def test_approval_freezes_the_latest_revision(session: Session, held, draft: Minutes) -> None:
    dg = user_named(session, "dg")
    document = approve_minutes(session, held.next_meeting)
    assert draft.status is MinutesStatus.approved
    assert draft.approval is MinutesApproval.without_observation
    assert draft.approved_at_meeting_id == held.next_meeting.id and draft.approved_by_id == dg.id
    assert draft.document_id == document.id == draft.latest_revision.document_id
    pdf = crypto.decrypt_bytes(document.pdf_encrypted)
    assert pdf.startswith(b"%PDF") and document.sha256 == hashlib.sha256(pdf).hexdigest()
    assert document.pages >= 1 and document.required_capacities == ["president",
                                                                     "director_general"]
    assert document.language.value == "fr"
    assert session.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1)
                          ) == "minutes_approved"


def _refused_approval(session: Session, minutes: Minutes, at_meeting, code: str) -> None:
    before = (_counts(session), minutes.status)
    with pytest.raises(service.MinutesError) as refused:
        approve_minutes(session, at_meeting)
    session.rollback()
    assert refused.value.code == code and refused.value.message
    assert (_counts(session), minutes.status) == before


def test_approving_twice_is_refused(session: Session, held, draft: Minutes) -> None:
    approve_minutes(session, held.next_meeting)
    _refused_approval(session, draft, held.next_meeting, "already_approved")


def test_approving_the_minutes_of_a_meeting_not_closed_is_refused(session: Session, held,
                                                                   draft: Minutes) -> None:
    held.meeting.status = MeetingStatus.in_progress
    session.commit()
    _refused_approval(session, draft, held.next_meeting, "meeting_not_closed")


def test_approval_needs_a_later_meeting_of_the_same_organ(session: Session, held, demo,
                                                          draft: Minutes) -> None:
    from council.models import Meeting

    # the council's meeting approves no minutes of the CSSS
    _refused_approval(session, draft, session.get(Meeting, demo.council_meeting_id),
                      "no_minutes_to_approve")
    held.next_meeting.status = MeetingStatus.convened
    session.commit()
    _refused_approval(session, draft, held.next_meeting, "approval_outside_sitting")


def test_approval_item_postponed_or_rejected_refuses(session: Session, held,
                                                     draft: Minutes) -> None:
    item = held.next_meeting.items[0]
    item.status = ItemStatus.postponed
    session.commit()
    _refused_approval(session, draft, held.next_meeting, "approval_item_not_dealt_with")


def test_approved_minutes_are_not_edited_as_a_draft(session: Session, held,
                                                    draft: Minutes) -> None:
    approve_minutes(session, held.next_meeting)
    before = _counts(session)
    with pytest.raises(service.Conflict) as refused:
        service.save_revision(session, draft, actor=user_named(session, "dg"),
                              introduction="changed")
    session.rollback()
    assert refused.value.code == "minutes_approved"
    assert _counts(session) == before


def test_a_correction_supersedes_the_document_and_needs_signatures_again(
        session: Session, held, draft: Minutes) -> None:
    dg = user_named(session, "dg")
    first = approve_minutes(session, held.next_meeting)
    first_pdf = first.pdf_encrypted
    draft.mark_signed()  # as signflow does once both signatures are on
    session.commit()

    before = _counts(session)
    with pytest.raises(service.InvalidInput) as refused:
        service.revise_after_signature(session, draft, actor=dg, note=" ",
                                       closing="Correction.")
    session.rollback()
    assert refused.value.code == "note_required" and _counts(session) == before

    second = service.revise_after_signature(session, draft, actor=dg, note="Erreur de date",
                                            closing="La séance est levée à 20 h.")
    assert second.id != first.id and draft.document_id == second.id
    assert first.superseded_by_id == second.id and first.pdf_encrypted == first_pdf
    assert draft.status is MinutesStatus.approved and second.signatures == []
    assert draft.latest_revision.note == "Erreur de date"
    assert draft.latest_revision.document_id == second.id
    assert session.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1)
                          ) == "minutes_corrected"


def test_a_draft_is_not_corrected(session: Session, draft: Minutes) -> None:
    with pytest.raises(service.Conflict) as refused:
        service.revise_after_signature(session, draft, actor=user_named(session, "dg"),
                                       note="x", closing="y")
    assert refused.value.code == "minutes_not_approved"


def test_the_demo_past_meeting_is_approved_by_the_current_one(session: Session, demo) -> None:
    from council.demo.scenario import add_past_meeting_with_minutes
    from council.models import ItemWithdrawal, Meeting
    from minutes.loading import minutes_of

    current = session.get(Meeting, demo.csss_meeting_id)
    past = add_past_meeting_with_minutes(session, current,
                                         recorder=user_named(session, "secretariat"),
                                         drafter=user_named(session, "dg"))
    assert past.status is MeetingStatus.closed and past.starts_at < current.starts_at
    assert session.scalar(select(func.count()).select_from(ItemWithdrawal).join(
        ItemWithdrawal.item).where(ItemWithdrawal.item.has(meeting_id=past.id))) == 1
    minutes = minutes_of(session, past.id)
    assert minutes.status is MinutesStatus.draft
    # refused while the current meeting is only convened, approved once it sits
    _refused_approval(session, minutes, current, "approval_outside_sitting")
    current.status = MeetingStatus.in_progress
    session.commit()
    approve_minutes(session, current, actor="president")
    # the demo's own past meeting sits on the same day: the current meeting approves one of
    # the two, the previous meeting's minutes
    approved = service.minutes_to_approve(session, service.approval_item(session, current))
    assert approved.status is MinutesStatus.approved
    assert approved.approved_at_meeting_id == current.id


def test_voters_are_named_only_when_the_setting_says_so(app, session: Session,
                                                        draft: Minutes) -> None:
    named = service.build_document(session, draft, draft.latest_revision)
    assert any(section.voters for section in named.items)
    app.config["COUNCIL_MINUTES_NAME_VOTERS"] = False
    try:
        anonymous = service.build_document(session, draft, draft.latest_revision)
    finally:
        app.config["COUNCIL_MINUTES_NAME_VOTERS"] = True
    assert all(section.voters == () for section in anonymous.items)
    assert [s.outcome for s in anonymous.items] == [s.outcome for s in named.items]


def test_the_minutes_are_written_in_the_centre_language(session: Session, held,
                                                        draft: Minutes) -> None:
    centre = held.meeting.organ.centre
    centre.language = Language.nl
    session.commit()
    document = service.build_document(session, draft, draft.latest_revision)
    assert document.language == "nl" and document.title == "Notulen van de besloten zitting"
    assert any("verlaat de zitting voor dit punt" in event
               for section in document.items for event in section.events)
