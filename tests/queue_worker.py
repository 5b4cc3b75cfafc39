"""For ``dramatiq queue_worker --path tests``: a queue worker on DATABASE_URL, in the schema
named by COUNCIL_SCRATCH_SCHEMA when set, its clock running from COUNCIL_TEST_CLOCK (as
``scratch_database.wsgi_app`` for gunicorn). Production runs ``dramatiq council.worker``."""

from __future__ import annotations

import os
from datetime import datetime

import time_machine
from scratch_database import CLOCK_VARIABLE, SCHEMA_VARIABLE, app_for

from council.queue import worker_app

if os.environ.get(CLOCK_VARIABLE):
    time_machine.travel(datetime.fromisoformat(os.environ[CLOCK_VARIABLE]), tick=True).start()

app = worker_app(app_for(os.environ["DATABASE_URL"], os.environ.get(SCHEMA_VARIABLE) or None))
broker = app.extensions["council_queue"].broker
