"""Works for the job tests: module-level functions, found by name as a queue worker finds
them (``council.services.jobs``). Their state is this module's, reset by ``reset()``."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy.orm import Session

from council.services import jobs
from council.services.jobs import JobRun, current_job

jobs.WORK_PACKAGES.add(__name__.split(".")[0])

#: what a reader (the progress page) saw after each step
SEEN: list[tuple[Any, ...]] = []
#: the session that reads as the progress page would
READER: list[Session] = []
HALFWAY = threading.Event()
RESUME = threading.Event()


class WorkRefused(ValueError):
    """Stands for a service's error, whose message is written for users."""


def reset() -> None:
    SEEN.clear()
    READER.clear()
    HALFWAY.clear()
    RESUME.clear()


def three_steps(run: JobRun, *, result: str) -> str:
    run.set_total(3)
    for _ in range(3):
        run.advance()
        job = current_job(READER[0], run.job.id)
        SEEN.append((job.done, job.total, job.status))
    return result


def refused_at_step_two(run: JobRun) -> None:
    run.set_total(3)
    run.actor.display_name = "renamed at step 1"
    run.advance()
    run.actor.display_name = "renamed at step 2, never committed"
    raise WorkRefused("This report is already on an agenda or withdrawn.")


def quoting_an_identity(run: JobRun) -> None:
    raise RuntimeError("Madame Dupont, NISS 85.07.30-033.61")


def must_not_run(run: JobRun) -> None:
    raise AssertionError("must not run")


def nothing(run: JobRun) -> None:
    return None


def waits_halfway(run: JobRun) -> str:
    run.set_total(2)
    run.advance()
    HALFWAY.set()
    assert RESUME.wait(10)
    run.advance()
    return "/done"


def with_item_texts(run: JobRun, *, texts: dict[int, str], note: str) -> str:
    """Keyword arguments as a minutes correction sends them (a mapping keyed by item id)."""
    SEEN.append((texts, note))
    return "/texts"
