"""The yearly counts of requests and the report to the council that presents them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from flask_babel import force_locale, gettext
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agenda.meetings import service as agenda
from council import permissions
from council.labels import title
from council.models import (
    AgendaItem,
    ItemKind,
    Meeting,
    MeetingStatus,
    OrganKind,
    RequestStatus,
    SecrecyBasis,
    SecrecyRequest,
    User,
)
from council.services import audit
from minutes.secrecy.register import NotAllowed, SecrecyError, local_midnight


@dataclass(frozen=True)
class YearlyCounts:
    year: int
    #: (basis, status) → number of requests received that year
    counts: dict[tuple[SecrecyBasis, RequestStatus], int]

    def of(self, basis: SecrecyBasis, status: RequestStatus) -> int:
        return self.counts.get((basis, status), 0)

    def total(self, basis: SecrecyBasis) -> int:
        return sum(self.of(basis, status) for status in RequestStatus)

    @property
    def grand_total(self) -> int:
        return sum(self.counts.values())


def yearly_counts(session: Session, year: int) -> YearlyCounts:
    """Requests received in ``year`` (Belgian time) by basis and outcome: counts only."""
    if not 2000 <= year <= 2100:
        raise SecrecyError(gettext("Choose a year between 2000 and 2100."))
    start, end = local_midnight(date(year, 1, 1)), local_midnight(date(year + 1, 1, 1))
    rows = session.execute(
        select(SecrecyRequest.basis, SecrecyRequest.status, func.count())
        .where(SecrecyRequest.received_at >= start, SecrecyRequest.received_at < end)
        .group_by(SecrecyRequest.basis, SecrecyRequest.status)
    ).all()
    counter: Counter[tuple[SecrecyBasis, RequestStatus]] = Counter()
    for basis, status, count in rows:
        counter[(basis, status)] += count
    return YearlyCounts(year=year, counts=dict(counter))


def yearly_report_text(counts: YearlyCounts) -> str:
    """The item's text: counts by basis and outcome, in the current locale; no identity."""
    lines = [gettext("Requests to lift professional secrecy received in %(year)d: %(total)d.",
                     year=counts.year, total=counts.grand_total), ""]
    for basis in SecrecyBasis:
        lines.append(gettext(
            "%(basis)s: %(total)d received; %(refused)d refused, %(partial)d partly granted, "
            "%(full)d fully granted, %(pending)d pending.",
            basis=title(basis), total=counts.total(basis),
            refused=counts.of(basis, RequestStatus.refused),
            partial=counts.of(basis, RequestStatus.partial),
            full=counts.of(basis, RequestStatus.full),
            pending=counts.of(basis, RequestStatus.pending)))
    lines += ["", gettext("The decisions were taken by the director-general; the register "
                          "holds the reasons. This report contains no identity.")]
    return "\n".join(lines)


def report_meetings(session: Session) -> list[Meeting]:
    """Council meetings in preparation, where the yearly report can be put."""
    return list(session.scalars(
        select(Meeting)
        .where(Meeting.status == MeetingStatus.draft)
        .where(Meeting.organ.has(kind=OrganKind.council))
        .order_by(Meeting.starts_at)))


def add_yearly_report(session: Session, meeting: Meeting, year: int, *,
                      actor: User) -> AgendaItem:
    """Puts the yearly counts on a council meeting in preparation as a closed-session item
    (through the agenda builder, which keeps its rules: numbering, closed items last)."""
    if not permissions.can_report_secrecy_to_council(actor):
        raise NotAllowed(gettext("Only the director-general reports on the secrecy register."))
    if meeting.organ.kind is not OrganKind.council or meeting.status is not MeetingStatus.draft:
        raise SecrecyError(gettext("Choose a council meeting in preparation."))
    counts = yearly_counts(session, year)
    with force_locale(meeting.organ.centre.language.value):
        item_title = gettext("Professional secrecy: requests to lift it in %(year)d",
                             year=year)
        text = yearly_report_text(counts)
    try:
        item = agenda.add_item(session, meeting, actor=actor, kind=ItemKind.general,
                               title=item_title, is_closed_session=True)
    except agenda.AgendaError:
        session.rollback()
        raise
    item.summary = text
    audit.record(session, "secrecy_yearly_report", actor=actor, object_type="agenda_item",
                 object_id=item.id, meeting_id=meeting.id, year=year,
                 requests=counts.grand_total)
    session.commit()
    return item
