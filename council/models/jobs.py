"""Long work done in the background (pseudonymising a whole agenda, rendering long minutes):
one row per job, updated as it advances so that a progress page can show it.

A job holds no file content: its error is a sentence for the user, its result a link.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from council.db import Base
from council.models.base import UTCDateTime, enum_column, utcnow
from council.models.users import User

#: a job whose progress has not moved for this long is shown as stopped (its process died)
STALE_AFTER = timedelta(minutes=10)
MAX_ERROR_CHARS = 500
MAX_RESULT_URL_CHARS = 500


class JobStatus(enum.Enum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class Job(Base):
    """A piece of long work started by a user, with its progress."""

    __tablename__ = "job"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: what the job does: a key of ``council.services.jobs.KINDS`` (e.g. "schedule_reports")
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    #: queued, running, done or failed
    status: Mapped[JobStatus] = mapped_column(
        enum_column(JobStatus), nullable=False, default=JobStatus.queued
    )
    #: steps done so far
    done: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    #: steps in all; none while the work has not counted them
    total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: the object the work is about (e.g. "meeting"), to find a job already under way
    object_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: that object's id
    object_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: who started it (only they, and the DG, see it)
    created_by_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), nullable=False, index=True
    )
    #: when it was started (UTC)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: last change of status or progress (UTC): a job stuck for long has lost its process
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: when it ended, done or failed (UTC)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: where the user finds the result (a path in the application)
    result_url: Mapped[str | None] = mapped_column(String(MAX_RESULT_URL_CHARS), nullable=True)
    #: why it failed, for the user; never file content
    error: Mapped[str | None] = mapped_column(String(MAX_ERROR_CHARS), nullable=True)

    created_by: Mapped[User] = relationship()

    __table_args__ = (
        CheckConstraint("done >= 0", name="done_not_negative"),
        CheckConstraint("total IS NULL OR total >= 0", name="total_not_negative"),
    )

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.done, JobStatus.failed)

    @property
    def is_stale(self) -> bool:
        return not self.is_finished and utcnow() - self.updated_at > STALE_AFTER

    def start(self) -> None:
        self.status = JobStatus.running
        self.updated_at = utcnow()

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        self.updated_at = utcnow()

    def finish(self, result_url: str | None) -> None:
        self.status = JobStatus.done
        self.result_url = result_url or self.result_url
        self.finished_at = self.updated_at = utcnow()

    def fail(self, error: str) -> None:
        self.status = JobStatus.failed
        self.error = error[:MAX_ERROR_CHARS]
        self.finished_at = self.updated_at = utcnow()
