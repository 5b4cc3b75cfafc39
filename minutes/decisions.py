"""Decisions stay decided (issue 15, item 2): once an item is decided (its poll closed), its text
and figures are frozen (``agenda.meetings.service.require_not_decided``, the review of its
pseudonymisation, the minutes' texts); a correction is a new ``DecisionRevision`` that the DG
makes with a reason, appended beside the text decided, which stays.

The minutes record each correction: drafts print it when rendered (``minutes.content``), and
minutes already approved or signed get a correction of their own at once (a new revision with
the reason as its note, frozen into a new document that both signatories sign again; the
previous document stays as it was). The text and the reason pass the identity guard, like
every text members read. One use case, one commit, audited without the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext, lazy_gettext
from sqlalchemy import and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session, joinedload

from agenda.guard import guard_texts
from agenda.sitting.wording import outcome_sentence
from council import permissions
from council.models import (
    AgendaItem,
    DecisionRevision,
    ItemStatus,
    Language,
    Meeting,
    MinutesStatus,
    Notification,
    Poll,
    SocialReport,
    User,
)
from council.models.base import UTCDateTime
from council.refusals import CodedRefusal, require
from council.services import audit
from minutes import service as minutes_service
from minutes.loading import minutes_of
from minutes.notifications.service import letter_language

#: the longest reason of a correction
REASON_MAX = 1000
#: the longest corrected text
TEXT_MAX = minutes_service.TEXT_MAX
#: the fields the identity guard names in a refusal
GUARDED = {"text": lazy_gettext("The corrected decision"), "reason": lazy_gettext("The reason")}


class DecisionError(CodedRefusal):
    """A refused correction of a decision."""


class InvalidInput(DecisionError):
    status = 400


class Conflict(DecisionError):
    status = 409


def _cleaned(value: object, *, limit: int, required: str) -> str:
    text = (value if isinstance(value, str) else "").replace("\r\n", "\n").strip()
    if not text:
        raise InvalidInput(f"{required}_required", gettext(
            "The corrected text is required.") if required == "text" else gettext(
            "Say why the decision is corrected (the reason is required)."))
    if len(text) > limit or "\x00" in text:
        raise InvalidInput(f"invalid_{required}", gettext(
            "The text is too long or holds a forbidden character (at most %(max)d "
            "characters).", max=limit))
    return text


def revise_decision(session: Session, item: AgendaItem, *, actor: User, text: object,
                    reason: object, override_reason: str | None = None) -> DecisionRevision:
    """Appends a correction of ``item``'s decision (the DG, once decided), and records it in
    the minutes when they are approved already."""
    require(permissions.can_revise_decision(actor, item),
            gettext("Only the director-general corrects a decision."))
    if item.status is not ItemStatus.decided:
        raise Conflict("not_decided", gettext(
            "This item is not decided: its draft decision is edited on the agenda."))
    corrected = _cleaned(text, limit=TEXT_MAX, required="text")
    why = _cleaned(reason, limit=REASON_MAX, required="reason")
    if corrected == (item.decision_text or "").strip():
        raise InvalidInput("unchanged", gettext("Nothing was changed."))
    guard_texts(session, {"text": corrected, "reason": why}, labels=GUARDED, actor=actor,
                meeting=item.meeting, override_reason=override_reason,
                object_type="agenda_item", object_id=item.id)
    revision = DecisionRevision(item_id=item.id, number=len(item.decision_revisions) + 1,
                                text=corrected, reason=why, created_by_id=actor.id)
    session.add(revision)
    session.flush()
    session.expire(item, ["decision_revisions"])
    minutes = minutes_of(session, item.meeting_id)
    document_id = None
    if minutes is not None and minutes.status is not MinutesStatus.draft:
        document_id = minutes_service.record_decision_revision(session, minutes, actor=actor,
                                                               note=why).id
    audit.record(session, "decision_revised", actor=actor, object_type="agenda_item",
                 object_id=item.id, meeting_id=item.meeting_id, revision=revision.number,
                 minutes_document_id=document_id)
    session.commit()
    return revision


# --- The decisions back to the social software (issue 15, item 5) -------------------------

#: the most decisions one page of the feed gives
PAGE_MAX = 500
PAGE_DEFAULT = 100


@dataclass(frozen=True)
class FeedEntry:
    """One decision on a report as the feed gives it."""

    item: AgendaItem
    report: SocialReport
    poll: Poll | None
    changed_at: datetime
    letters: int
    sent_at: datetime | None
    latest_revision: DecisionRevision | None

    @property
    def language(self) -> Language:
        return letter_language(self.report.dossier)

    @property
    def outcome_text(self) -> str | None:
        """The verdict and the counts in the applicant's language ("Adopté à l'unanimité.")."""
        if self.poll is None or self.poll.outcome is None:
            return None
        return outcome_sentence(self.poll.stored_outcome, is_secret=self.poll.is_secret,
                                language=self.language.value)

    @property
    def decision_text(self) -> str | None:
        """The decision as it stands (``AgendaItem.decision_text``, without loading every
        revision of the item)."""
        revision = self.latest_revision
        return revision.text if revision is not None else self.item.draft_decision

    @property
    def notification(self) -> str:
        """"sent" once a letter left, "generated" when one waits to be sent, else "pending"."""
        if self.sent_at is not None:
            return "sent"
        return "generated" if self.letters else "pending"


@dataclass(frozen=True)
class FeedPage:
    entries: list[FeedEntry]
    #: the cursor of the next page (``since``, ``after``), or None when this one is the last
    next_cursor: tuple[datetime, int] | None


def decisions_since(session: Session, *, actor: User, since: datetime | None,
                    after: int | None = None, limit: int = PAGE_DEFAULT) -> FeedPage:
    """The decisions taken on reports that changed (were taken, or corrected) at or after
    ``since``, oldest change first, then by item: a stable order that pages by the cursor
    (``since``, ``after``: the last entry's change and item id). Three queries whatever the
    number of decisions: the rows (with the notification state and the latest correction's
    time as subqueries), the latest corrections, none else."""
    require(permissions.can_read_decisions(actor),
            gettext("Only the director-general and the integration account read decisions."))
    if not 1 <= limit <= PAGE_MAX:
        raise InvalidInput("bad_limit", gettext(
            "The limit is a number from 1 to %(max)d.", max=PAGE_MAX))
    if after is not None and since is None:
        raise InvalidInput("after_needs_since", gettext(
            "The cursor's item (after) goes with its time (since)."))
    corrected_at = (select(func.max(DecisionRevision.created_at))
                    .where(DecisionRevision.item_id == AgendaItem.id)
                    .correlate(AgendaItem).scalar_subquery())
    sent_at = (select(func.max(Notification.sent_at))
               .where(Notification.item_id == AgendaItem.id)
               .correlate(AgendaItem).scalar_subquery())
    letters = (select(func.count(Notification.id)).where(Notification.item_id == AgendaItem.id)
               .correlate(AgendaItem).scalar_subquery())
    # a correction always comes after the decision: the latest one is the last change
    changed = type_coerce(func.coalesce(corrected_at, Poll.closed_at, Meeting.starts_at),
                          UTCDateTime)
    query = (select(AgendaItem, SocialReport, Poll, changed.label("changed_at"),
                    type_coerce(sent_at, UTCDateTime).label("sent_at"),
                    letters.label("letters"))
             .join(SocialReport, SocialReport.item_id == AgendaItem.id)
             .join(Meeting, Meeting.id == AgendaItem.meeting_id)
             .outerjoin(Poll, Poll.item_id == AgendaItem.id)
             .where(AgendaItem.status == ItemStatus.decided)
             .options(joinedload(AgendaItem.meeting).joinedload(Meeting.organ),
                      joinedload(SocialReport.dossier))
             .order_by(changed, AgendaItem.id)
             .limit(limit + 1))
    if since is not None and after is None:
        query = query.where(changed >= since)
    elif since is not None:
        query = query.where(or_(changed > since, and_(changed == since,
                                                      AgendaItem.id > after)))
    rows = session.execute(query).all()
    page = rows[:limit]
    latest: dict[int, DecisionRevision] = {}
    if page:
        for revision in session.scalars(
                select(DecisionRevision)
                .where(DecisionRevision.item_id.in_([row.AgendaItem.id for row in page]))
                .order_by(DecisionRevision.number)):
            latest[revision.item_id] = revision
    entries = [FeedEntry(item=row.AgendaItem, report=row.SocialReport, poll=row.Poll,
                         changed_at=row.changed_at, letters=row.letters, sent_at=row.sent_at,
                         latest_revision=latest.get(row.AgendaItem.id))
               for row in page]
    audit.record(session, "decisions_read", actor=actor, object_type="decision_feed",
                 since=since.isoformat() if since else None, count=len(entries))
    session.commit()
    last = entries[-1] if len(rows) > limit else None
    return FeedPage(entries=entries,
                    next_cursor=(last.changed_at, last.item.id) if last else None)
