"""The task queue's worker processes: ``dramatiq council.worker --queues pseudonymise`` (the
French model, loaded once per process when it boots) or ``--queues documents`` (minutes and
other documents). Each process builds the application from the environment, as gunicorn's
workers do, and needs ``COUNCIL_QUEUE_URL`` (a broker; docs/deploy.md)."""

from __future__ import annotations

import dramatiq
from flask import Flask

from council.factory import create_app


def worker_app(app: Flask) -> Flask:
    """Makes ``app``'s broker the one the ``dramatiq`` command consumes."""
    queue = app.extensions["council_queue"]
    if queue.embedded:
        raise SystemExit("a queue worker needs a broker: set COUNCIL_QUEUE_URL=redis://…")
    dramatiq.set_broker(queue.broker)
    return app


app = worker_app(create_app())
broker = app.extensions["council_queue"].broker
