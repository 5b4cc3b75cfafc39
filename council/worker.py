"""The task queue's worker processes: ``dramatiq council.worker --queues pseudonymise`` (the
French model, loaded once per process when it boots) or ``--queues documents`` (minutes and
other documents). Each process builds the application from the environment, as gunicorn's
workers do, and needs ``COUNCIL_QUEUE_URL`` (a broker; docs/deploy.md)."""

from __future__ import annotations

from council.factory import create_app
from council.queue import worker_app

app = worker_app(create_app())
broker = app.extensions["council_queue"].broker
