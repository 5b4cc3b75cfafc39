"""The work queue of the DG's and the secretariat's home page: what waits for them, each row a
link, most urgent first.

Each area lists its own tasks (``agenda.worklist``: reports, review, leak guard, convocations,
sittings and ratifications; ``minutes.worklist``: minutes, signatures, notifications, secrecy
requests), asking ``council.permissions`` what the user may see, in a fixed number of queries;
the home page (``council.views``, the composition root) puts them together with ``ordered``.
A task names meetings, items and dates, never a beneficiary."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l


class TaskKind(enum.Enum):
    """What kind of work a row of the queue is; the order here breaks ties of urgency."""

    sitting = "sitting"
    notification = "notification"
    convocation = "convocation"
    leak = "leak"
    review = "review"
    reports = "reports"
    ratification = "ratification"
    secrecy = "secrecy"
    signature = "signature"
    approval = "approval"
    minutes = "minutes"


#: the column "what" of the queue (translated when shown)
KIND_TITLES = {
    TaskKind.sitting: _l("Sitting today"),
    TaskKind.notification: _l("Decision to notify"),
    TaskKind.convocation: _l("Convocation to send"),
    TaskKind.leak: _l("Stopped by the leak guard"),
    TaskKind.review: _l("Pseudonymisation to review"),
    TaskKind.reports: _l("Reports waiting"),
    TaskKind.ratification: _l("Urgent decision to ratify"),
    TaskKind.secrecy: _l("Secrecy request"),
    TaskKind.signature: _l("Minutes to sign"),
    TaskKind.approval: _l("Minutes to approve"),
    TaskKind.minutes: _l("Minutes to draft"),
}
_RANK = {kind: rank for rank, kind in enumerate(TaskKind)}


@dataclass(frozen=True)
class Task:
    """One row of the queue: what to do (``label``, translated, no identity of a beneficiary),
    where (``url``) and by when (``due``: a legal deadline or the day of the meeting; none
    when the law sets no date)."""

    kind: TaskKind
    label: str
    url: str
    due: date | None = None
    #: when the work arrived, for the order of undated rows (oldest first)
    since: date | None = None

    def days_left(self, today: date) -> int | None:
        return None if self.due is None else (self.due - today).days

    @property
    def title(self) -> str:
        return str(KIND_TITLES[self.kind])


def ordered(tasks: Iterable[Task]) -> list[Task]:
    """Most urgent first: dated rows by deadline (overdue ones first), then undated rows,
    oldest first; the kind's order breaks ties."""
    return sorted(tasks, key=lambda task: (
        task.due is None, task.due or date.max, task.since or date.max, _RANK[task.kind],
        task.label))
