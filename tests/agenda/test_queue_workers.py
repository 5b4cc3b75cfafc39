"""The French model behind the task queue, on a real Redis: a web process sends the report
(encrypted: no identity readable in the broker) and waits; with no worker, 503 and nothing
stored; with a pseudonymisation worker (its own process, the model loaded once there), the
API answers as with the embedded queue, and the identity guard gets the model's names."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dramatiq
import pytest
from flask import Flask
from flask.testing import FlaskClient
from queue_support import Worker, namespace, raw_messages, redis_url
from report_samples import DOSSIER, IDENTITY_VALUES, TEXT
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agenda import pseudonymise_tasks
from agenda.pseudonymise import ner
from council import create_app
from council.models import Dossier, SocialReport
from council.queue import PSEUDONYMISE

pytestmark = pytest.mark.redis


@pytest.fixture
def broker_queue(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    """The test application's queue swapped for one on Redis, in a namespace of its own;
    a request waits 2 s for a worker."""
    url = redis_url()
    with namespace(url) as name:
        other = create_app({"TESTING": True, "COUNCIL_QUEUE_URL": url,
                            "COUNCIL_QUEUE_NAMESPACE": name})
        monkeypatch.setitem(app.extensions, "council_queue", other.extensions["council_queue"])
        monkeypatch.setitem(app.config, "COUNCIL_QUEUE_WAIT_SECONDS", 2)
        yield url, name


def _submit(client: FlaskClient, api_token: Any) -> Any:
    return client.post("/api/v1/reports", headers=api_token("socialworker"),
                       json={"dossier": DOSSIER, "text": TEXT, "organ": "csss"})


def _stored(session: Session) -> tuple[int, int]:
    return (session.scalar(select(func.count()).select_from(Dossier)),
            session.scalar(select(func.count()).select_from(SocialReport)))


def test_no_worker_means_503_nothing_stored_and_no_identity_in_the_broker(
        client: FlaskClient, api_token: Any, session: Session,
        broker_queue: tuple[str, str]) -> None:
    url, name = broker_queue
    before = _stored(session)
    response = _submit(client, api_token)
    assert response.status_code == 503
    assert response.json["error"] == "service_unavailable"
    assert _stored(session) == before
    # the request waits in Redis for a worker: as the broker holds it, no identity is readable
    [raw] = raw_messages(url, name, PSEUDONYMISE)
    for value in (*IDENTITY_VALUES, "Kabongo-Verhelst", DOSSIER["reference"]):
        assert value.encode() not in raw
    assert b"pseudonymise_reports" not in raw  # not even what the message asks
    # yet it is the whole report, for whoever holds the data key
    message = dramatiq.Message.decode(raw)
    assert message.actor_name == "pseudonymise_reports"
    assert "Kabongo-Verhelst" in message.args[0]["pairs"][0][0]


def test_a_message_forged_without_the_key_is_refused(broker_queue: tuple[str, str]) -> None:
    with pytest.raises(dramatiq.errors.DecodeError):
        dramatiq.Message.decode(b'{"queue_name":"pseudonymise","actor_name":"run_job_step"}')


@pytest.fixture
def worker(broker_queue: tuple[str, str], tmp_path: Path) -> Iterator[Worker]:
    url, name = broker_queue
    started = Worker(url, name, tmp_path / "worker.log", queues=(PSEUDONYMISE,)).start()
    yield started
    started.stop()


@pytest.mark.slow
def test_a_pseudonymisation_worker_answers_the_api(
        app: Flask, client: FlaskClient, api_token: Any, session: Session, worker: Worker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "COUNCIL_QUEUE_WAIT_SECONDS", 120)  # the model loads

    def no_model_here() -> None:
        raise AssertionError("a web process loaded the French model")

    monkeypatch.setattr(ner, "load_model", no_model_here)
    monkeypatch.setattr(ner, "_recent", OrderedDict())
    before = _stored(session)
    response = _submit(client, api_token)
    assert response.status_code == 201, worker.log.read_text()
    draft = response.json["pseudonymised_text"]
    assert "Kabongo" not in draft and "Mireille" not in draft
    assert _stored(session) == (before[0] + 1, before[1] + 1)
    # the guard's names, from the same worker
    with app.app_context():
        [spans] = pseudonymise_tasks.person_entities(["Madame Mireille Kabongo a écrit."])
    assert "Mireille Kabongo" in "Madame Mireille Kabongo a écrit."[spans[0][0]:spans[0][1]]
