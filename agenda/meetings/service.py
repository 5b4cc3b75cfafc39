"""Building a meeting's agenda: one function per use case, each one commit, each audited.

Rules kept here (DOMAIN.md, "Meetings"):

- a new meeting starts with the recurring item "approval of the minutes of the previous
  meeting", which stays first;
- matters concerning persons (individual aid, personnel) are always dealt with behind closed
  doors, and personnel matters are always voted by secret ballot;
- public items come before closed-session items; numbers stay contiguous from 1;
- an item added once the members are convened must be urgent, and an urgent item needs its
  reason (written into the draft decision, where the deliberation must motivate it);
- the agenda changes until the meeting is closed; an item leaves it only before convocation;
- an item added after the convocation is not on the agenda the members were convened with: it
  is taken only after an urgency vote (``agenda.sitting.urgency``);
- an item postponed for lack of quorum is carried over to a later meeting of the organ, and
  counts the times it was put on an agenda: a third convocation deliberates without quorum
  only on the items put there for the third time (``council.rules.quorum``).
- decisions stay decided (issue 15): an item being voted on or decided keeps its title, text
  and flags; a decision is corrected only by a decision revision (``minutes.decisions``).

Refusals raise :class:`AgendaError` (a ``council.refusals.Refusal``, its message in
``MESSAGES``) before anything is stored. Audit entries never carry titles or texts (titles can
hint at a file), only kinds, flags and numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from flask_babel import force_locale, format_date, gettext, lazy_gettext
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from agenda import reports
from agenda.drafting import draft_skeleton, urgency_clause
from agenda.guard import guard_texts
from council.clock import CENTRE_TIMEZONE
from council.models import (
    AgendaItem,
    ItemKind,
    ItemPseudonymisation,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Organ,
    Poll,
    ReportStatus,
    SocialReport,
)
from council.models.base import utcnow
from council.refusals import Refusal
from council.services import audit
from council.typed_dates import typed_date_bounds

if TYPE_CHECKING:
    from council.services.jobs import JobRun

#: kinds the builder adds by hand (individual aid comes from social reports; the minutes
#: approval is added with the meeting)
ADDABLE_KINDS = (
    ItemKind.general,
    ItemKind.personnel,
    ItemKind.ratification,
    ItemKind.budget,
    ItemKind.budget_amendment,
    ItemKind.accounts,
    ItemKind.policy_note,
    ItemKind.annual_report,
    ItemKind.designation,
)
TITLE_MAX = 300
PLACE_MAX = 200
CONVOCATION_ROUNDS = (1, 2, 3)
EDITABLE = (MeetingStatus.draft, MeetingStatus.convened, MeetingStatus.in_progress)
#: an item in these states keeps the text it is voted on or was decided on
FROZEN_ITEMS = (ItemStatus.voting, ItemStatus.decided)


#: the message of each refusal ``code``, filled with the refusal's ``params``
MESSAGES: dict[str, Callable[..., str]] = {
    "meeting_not_editable": lambda: gettext(
        "This meeting is closed: its agenda can no longer change."
    ),
    "kind_not_addable": lambda: gettext("This kind of item cannot be added here."),
    "title_required": lambda max: gettext(
        "The title is required (at most %(max)d characters).", max=max
    ),
    "persons_closed_session": lambda: gettext(
        "Matters concerning persons (individual aid, personnel) are always dealt with in "
        "closed session."
    ),
    "urgency_reason_required": lambda: gettext("An urgent item needs the reason for the urgency."),
    "late_item_must_be_urgent": lambda: gettext(
        "The members are already convened: an item added now must be urgent, with its reason."
    ),
    "kind_fixed": lambda: gettext("The kind of this item cannot be changed."),
    "bad_move": lambda: gettext("This item cannot move further."),
    "minutes_first": lambda: gettext("The approval of the minutes stays the first item."),
    "public_first": lambda: gettext("Public items come before closed-session items."),
    "remove_after_convocation": lambda: gettext(
        "The members are already convened: the item can no longer be removed."
    ),
    "organ_required": lambda: gettext("Choose an organ."),
    "date_required": lambda: gettext("Enter the date and the time."),
    "meeting_in_past": lambda: gettext("The meeting must be in the future."),
    "meeting_too_far": lambda latest: gettext(
        "A meeting cannot be planned after %(latest)s.", latest=latest
    ),
    "place_required": lambda max: gettext(
        "The place is required (at most %(max)d characters).", max=max
    ),
    "convocation_round": lambda: gettext("The convocation is the first, second or third."),
    "not_carriable": lambda: gettext(
        "Only an item of a convened meeting, not yet voted on, decided or withdrawn, can be "
        "carried over to another meeting."
    ),
    "carry_target": lambda: gettext(
        "Carry the item over to a later meeting of the same organ, still in preparation (not "
        "yet convened)."
    ),
    "decision_frozen": lambda: gettext(
        "This item is being voted on or is decided: its text and figures stay as they were "
        "decided. The director-general corrects a decision only by a decision revision, with "
        "its reason."
    ),
}


class AgendaError(Refusal):
    """A refused change. ``code`` names the rule; ``params`` fill the message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(MESSAGES[code](**params), code=code)
        self.params = params


#: the item's texts the identity guard reads, named as the form names them (lazy: translated
#: only for a refusal, in the reader's language)
GUARDED_FIELDS = {"title": lazy_gettext("Title"), "draft_decision": lazy_gettext("Draft decision")}


def _centre_locale(meeting: Meeting) -> str:
    return meeting.organ.centre.language.value


def _require_editable(meeting: Meeting) -> None:
    if meeting.status not in EDITABLE:
        raise AgendaError("meeting_not_editable")


def _clean_title(title: str | None) -> str:
    cleaned = " ".join((title or "").split())
    if not cleaned or len(cleaned) > TITLE_MAX:
        raise AgendaError("title_required", max=TITLE_MAX)
    return cleaned


def _session_flags(
    kind: ItemKind, *, is_closed_session: bool, is_secret_ballot: bool
) -> tuple[bool, bool]:
    """(closed session, secret ballot) after the rules: persons → closed; personnel and
    designations → secret."""
    if kind.is_about_persons and not is_closed_session:
        raise AgendaError("persons_closed_session")
    return is_closed_session, is_secret_ballot or kind.is_secret_only


def _urgency(is_urgent: bool, reason: str | None) -> str | None:
    cleaned = (reason or "").strip()
    if is_urgent and not cleaned:
        raise AgendaError("urgency_reason_required")
    return cleaned if is_urgent else None


def _order_key(item: AgendaItem) -> tuple[bool, bool]:
    """Minutes approval first, then public items, then closed-session items."""
    return (item.kind is not ItemKind.minutes_approval, item.is_closed_session)


def _renumber(session: Session, ordered: list[AgendaItem]) -> None:
    """Numbers 1..n in this order. Two flushes, so that the (meeting, number) uniqueness holds
    at every intermediate step on every backend."""
    changed = [
        (item, number) for number, item in enumerate(ordered, start=1) if item.number != number
    ]
    if not changed:
        return
    for item, _number in changed:
        item.number = -item.number
    session.flush()
    for item, number in changed:
        item.number = number
    session.flush()


def _normalise(session: Session, meeting: Meeting) -> None:
    """Moves items to where the rules want them, keeping their relative order otherwise."""
    _renumber(session, sorted(meeting.items, key=lambda item: (*_order_key(item), item.number)))


def create_meeting(
    session: Session,
    *,
    actor: Any,
    organ: Organ | None,
    starts_at: datetime,
    place: str | None,
    convocation_round: int = 1,
) -> Meeting:
    """A meeting in preparation, with its first item: the approval of the previous minutes.

    ``starts_at`` must be timezone-aware (the form enters Europe/Brussels local time); it is
    stored in UTC.
    """
    if organ is None:
        raise AgendaError("organ_required")
    if starts_at.tzinfo is None:
        raise AgendaError("date_required")
    if starts_at <= utcnow():
        raise AgendaError("meeting_in_past")
    latest = typed_date_bounds()[1]
    if starts_at.astimezone(CENTRE_TIMEZONE).date() > latest:
        raise AgendaError("meeting_too_far", latest=format_date(latest, "long"))
    cleaned_place = " ".join((place or "").split())
    if not cleaned_place or len(cleaned_place) > PLACE_MAX:
        raise AgendaError("place_required", max=PLACE_MAX)
    if convocation_round not in CONVOCATION_ROUNDS:
        raise AgendaError("convocation_round")
    meeting = Meeting(
        organ=organ,
        starts_at=starts_at,
        place=cleaned_place,
        convocation_round=convocation_round,
        status=MeetingStatus.draft,
    )
    session.add(meeting)
    with force_locale(organ.centre.language.value):
        title = gettext("Approval of the minutes of the previous meeting")
    session.add(
        AgendaItem(
            meeting=meeting,
            number=1,
            kind=ItemKind.minutes_approval,
            title=title,
            is_closed_session=True,
            is_secret_ballot=False,
        )
    )
    session.flush()
    audit.record(
        session,
        "meeting_created",
        actor=actor,
        object_type="meeting",
        object_id=meeting.id,
        organ_id=organ.id,
        starts_at=starts_at.isoformat(),
        convocation_round=convocation_round,
    )
    session.commit()
    return meeting


def add_item(
    session: Session,
    meeting: Meeting,
    *,
    actor: Any,
    kind: ItemKind,
    title: str | None,
    is_closed_session: bool = True,
    is_secret_ballot: bool = False,
    is_urgent: bool = False,
    urgency_reason: str | None = None,
    override_reason: str | None = None,
) -> AgendaItem:
    """Adds an item where the rules put it (public items before closed-session ones), with a
    draft decision skeleton (Vu / Considérant / Décide) in the centre's language. The title
    and the urgency's reason pass the identity guard (``override_reason``: the DG's)."""
    _require_editable(meeting)
    if kind not in ADDABLE_KINDS:
        raise AgendaError("kind_not_addable")
    cleaned_title = _clean_title(title)
    closed, secret = _session_flags(
        kind, is_closed_session=is_closed_session, is_secret_ballot=is_secret_ballot
    )
    reason = _urgency(is_urgent, urgency_reason)
    if meeting.status is not MeetingStatus.draft and reason is None:
        raise AgendaError("late_item_must_be_urgent")
    draft = draft_skeleton(_centre_locale(meeting), urgency_reason=reason)
    guard_texts(session, {"title": cleaned_title, "draft_decision": draft}, labels=GUARDED_FIELDS,
                actor=actor, meeting=meeting, override_reason=override_reason,
                object_type="meeting", object_id=meeting.id)
    item = AgendaItem(
        meeting=meeting,
        number=max((i.number for i in meeting.items), default=0) + 1,
        kind=kind,
        title=cleaned_title,
        is_closed_session=closed,
        is_secret_ballot=secret,
        is_urgent=reason is not None,
        is_added_after_convocation=meeting.status is not MeetingStatus.draft,
        draft_decision=draft,
    )
    session.add(item)
    session.flush()
    _normalise(session, meeting)
    audit.record(
        session,
        "agenda_item_added",
        actor=actor,
        object_type="agenda_item",
        object_id=item.id,
        meeting_id=meeting.id,
        kind=kind.value,
        number=item.number,
        closed_session=closed,
        secret_ballot=secret,
        urgent=reason is not None,
    )
    session.commit()
    return item


def require_not_decided(item: AgendaItem) -> None:
    """Decisions stay decided: no change of an item being voted on or decided."""
    if item.status in FROZEN_ITEMS:
        raise AgendaError("decision_frozen")


def update_item(
    session: Session,
    item: AgendaItem,
    *,
    actor: Any,
    title: str | None,
    kind: ItemKind,
    is_closed_session: bool,
    is_secret_ballot: bool,
    is_urgent: bool,
    urgency_reason: str | None,
    draft_decision: str | None,
    override_reason: str | None = None,
) -> AgendaItem:
    """Changes an item and its draft decision while the meeting is not closed. Individual-aid
    items and the minutes approval keep their kind; a change of session moves the item. The
    title and the draft decision pass the identity guard (``override_reason``: the DG's); a
    new text on an item whose pseudonymisation was approved sends it back to review."""
    meeting = item.meeting
    _require_editable(meeting)
    require_not_decided(item)
    fixed = (ItemKind.individual_aid, ItemKind.minutes_approval)
    if kind is not item.kind and (item.kind in fixed or kind not in ADDABLE_KINDS):
        raise AgendaError("kind_fixed")
    cleaned_title = _clean_title(title)
    closed, secret = _session_flags(
        kind, is_closed_session=is_closed_session, is_secret_ballot=is_secret_ballot
    )
    reason = _urgency(is_urgent, urgency_reason) if is_urgent and not item.is_urgent else None
    if item.is_urgent and not is_urgent and meeting.status is not MeetingStatus.draft:
        raise AgendaError("late_item_must_be_urgent")
    decision = (draft_decision or "").replace("\r\n", "\n").strip() or None
    if reason is not None:
        clause = urgency_clause(_centre_locale(meeting), reason)
        decision = "\n".join(filter(None, (decision, clause)))
    changed = sorted(
        name
        for name, old, new in (
            ("title", item.title, cleaned_title),
            ("kind", item.kind, kind),
            ("closed_session", item.is_closed_session, closed),
            ("secret_ballot", item.is_secret_ballot, secret),
            ("urgent", item.is_urgent, is_urgent),
            ("draft_decision", item.draft_decision, decision),
        )
        if old != new
    )
    if not changed:
        return item
    guard_texts(session, {"title": cleaned_title, "draft_decision": decision},
                labels=GUARDED_FIELDS, actor=actor, meeting=meeting,
                override_reason=override_reason, object_type="agenda_item", object_id=item.id)
    reviewed = item.pseudonymisation
    back_to_review = (reviewed is not None and reviewed.is_reviewed
                      and bool({"title", "draft_decision"} & set(changed)))
    if back_to_review:
        reviewed.reopen()
    item.title, item.kind = cleaned_title, kind
    item.is_closed_session, item.is_secret_ballot = closed, secret
    item.is_urgent, item.draft_decision = is_urgent, decision
    session.flush()
    _normalise(session, meeting)
    audit.record(
        session,
        "agenda_item_updated",
        actor=actor,
        object_type="agenda_item",
        object_id=item.id,
        meeting_id=meeting.id,
        changed=",".join(changed),
        number=item.number,
        back_to_review=back_to_review,
    )
    session.commit()
    return item


def move_item(session: Session, item: AgendaItem, *, actor: Any, offset: int) -> AgendaItem:
    """Moves an item one place up (-1) or down (+1), within the rules: the minutes approval
    stays first and public items stay before closed-session items."""
    meeting = item.meeting
    _require_editable(meeting)
    if offset not in (-1, 1):
        raise AgendaError("bad_move")
    ordered = sorted(meeting.items, key=lambda i: i.number)
    index = ordered.index(item)
    target = index + offset
    if not 0 <= target < len(ordered):
        raise AgendaError("bad_move")
    ordered[index], ordered[target] = ordered[target], ordered[index]
    keys = [_order_key(i) for i in ordered]
    if keys != sorted(keys):
        minutes_moved = ItemKind.minutes_approval in (ordered[index].kind, ordered[target].kind)
        raise AgendaError("minutes_first" if minutes_moved else "public_first")
    before = item.number
    _renumber(session, ordered)
    audit.record(
        session,
        "agenda_item_moved",
        actor=actor,
        object_type="agenda_item",
        object_id=item.id,
        meeting_id=meeting.id,
        from_number=before,
        to_number=item.number,
    )
    session.commit()
    return item


def remove_item(session: Session, item: AgendaItem, *, actor: Any) -> None:
    """Takes an item off the agenda before convocation. A social report scheduled on it goes
    back to the reports waiting for a meeting (its text stays with the report)."""
    meeting = item.meeting
    if meeting.status is not MeetingStatus.draft:
        raise AgendaError("remove_after_convocation")
    for report in meeting_reports(session, item):
        report.item_id = None
        report.status = ReportStatus.submitted
    session.execute(delete(ItemPseudonymisation).where(ItemPseudonymisation.item_id == item.id))
    number, kind, item_id = item.number, item.kind, item.id
    meeting.items.remove(item)
    session.delete(item)
    session.flush()
    _renumber(session, sorted(meeting.items, key=lambda i: i.number))
    audit.record(
        session,
        "agenda_item_removed",
        actor=actor,
        object_type="agenda_item",
        object_id=item_id,
        meeting_id=meeting.id,
        kind=kind.value,
        number=number,
    )
    session.commit()


#: where an item that can be carried over stands: on a convened agenda, not voted on
CARRIABLE_ITEM = (ItemStatus.draft, ItemStatus.ready)
#: the meetings whose items can be carried over: the members were convened to them
CARRIED_FROM = (MeetingStatus.convened, MeetingStatus.in_progress, MeetingStatus.closed)


def carry_over_item(session: Session, item: AgendaItem, to_meeting: Meeting, *,
                    actor: Any) -> AgendaItem:
    """Postpones an item for lack of quorum and puts it on the agenda of a later meeting of
    the same organ, still in preparation: the new item counts one more time on an agenda
    (``times_on_agenda``), so that a third convocation deliberates on it whatever the number
    present. A report's item is scheduled anew (pseudonymised with the new meeting's
    registry, to review again); another item is copied with its texts."""
    meeting = item.meeting
    if (meeting.status not in CARRIED_FROM or item.status not in CARRIABLE_ITEM
            or item.kind is ItemKind.minutes_approval
            or session.scalar(select(Poll.id).where(Poll.item_id == item.id)) is not None):
        raise AgendaError("not_carriable")
    if (to_meeting.id == meeting.id or to_meeting.organ_id != meeting.organ_id
            or to_meeting.status is not MeetingStatus.draft
            or to_meeting.starts_at <= meeting.starts_at):
        raise AgendaError("carry_target")
    report = next(iter(meeting_reports(session, item)), None)
    item.status = ItemStatus.postponed
    # the audit entry first: a report's item is scheduled by ``schedule_report``, which commits
    audit.record(session, "agenda_item_carried_over", actor=actor, object_type="agenda_item",
                 object_id=item.id, meeting_id=meeting.id, to_meeting_id=to_meeting.id,
                 times_on_agenda=item.times_on_agenda + 1)
    if report is not None:
        report.item_id = None
        report.status = ReportStatus.submitted
        session.flush()
        return reports.schedule_report(session, report, to_meeting, actor=actor,
                                       carried_from=item)
    carried = AgendaItem(
        meeting=to_meeting, number=max((i.number for i in to_meeting.items), default=0) + 1,
        kind=item.kind, title=item.title, is_closed_session=item.is_closed_session,
        is_secret_ballot=item.is_secret_ballot, summary=item.summary,
        draft_decision=item.draft_decision, carried_from_id=item.id,
        times_on_agenda=item.times_on_agenda + 1)
    session.add(carried)
    session.flush()
    _normalise(session, to_meeting)
    session.commit()
    return carried


def carry_targets(session: Session, meeting: Meeting) -> list[Meeting]:
    """The meetings the items of ``meeting`` could be carried over to: later, of the same
    organ, in preparation; none while the members are not convened to ``meeting``."""
    if meeting.status not in CARRIED_FROM:
        return []
    return list(session.scalars(
        select(Meeting).where(Meeting.organ_id == meeting.organ_id,
                              Meeting.status == MeetingStatus.draft,
                              Meeting.starts_at > meeting.starts_at)
        .order_by(Meeting.starts_at)))


def meeting_reports(session: Session, item: AgendaItem) -> list[SocialReport]:
    """The social reports scheduled on an item (at most one)."""
    return list(session.scalars(select(SocialReport).where(SocialReport.item_id == item.id)))


def schedule_waiting_reports(run: JobRun, meeting_id: int) -> str | None:
    """Background work (``council.services.jobs``): every report waiting for the meeting's
    organ goes on its agenda, oldest first, one step (one message of the queue, one commit)
    per report, so that the pseudonymisation workers share them. Each is pseudonymised with
    the meeting's pseudonym registry, under the meeting's lock (``reports.schedule_reports``),
    so a person keeps their letter across the items whichever worker takes which report; the
    leak guard still checks the whole agenda before convening."""
    meeting = run.session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    run.spread([partial(schedule_waiting_report, meeting_id=meeting_id, report_id=report.id)
                for report in reports.unscheduled_reports(run.session, meeting)])
    return None


def schedule_waiting_report(run: JobRun, meeting_id: int, report_id: int) -> None:
    """One step of ``schedule_waiting_reports``: the report on the agenda, counted in the same
    commit. A report already on this meeting's agenda was stored, and counted, by another
    delivery of the step (a worker taken for dead; ``schedule_reports`` reads the report again
    under the meeting's lock); one withdrawn meanwhile is left as it is."""
    meeting = run.session.get(Meeting, meeting_id)
    report = run.session.get(SocialReport, report_id)
    if meeting is None or report is None:
        return
    run.count_with_next_commit()
    try:
        reports.schedule_report(run.session, report, meeting, actor=run.actor)
    except reports.ReportError:
        run.session.rollback()
        report = run.session.get(SocialReport, report_id, populate_existing=True)
        if report is not None and report.item is not None \
                and report.item.meeting_id == meeting_id:
            run.counted_by_another_delivery()
        elif report is not None and report.status is ReportStatus.submitted:
            raise
