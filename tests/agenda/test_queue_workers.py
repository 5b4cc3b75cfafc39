"""The French model behind the task queue, on a real Redis: a web process sends the report
(encrypted: no identity readable in the broker) and waits; with no worker, 503 and nothing
stored; with a pseudonymisation worker (its own process, the model loaded once there), the
API answers as with the embedded queue, and the identity guard gets the model's names."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from datetime import date
from typing import Any

import dramatiq
import pytest
from flask import Flask
from flask.testing import FlaskClient
from queue_support import Worker, namespace, raw_messages, redis_url
from report_samples import DOSSIER, IDENTITY_VALUES, OTHER_DOSSIER, OTHER_TEXT, TEXT
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import user_named

from agenda import pseudonymise_tasks
from agenda.guard import GuardUnavailable, IdentityInText, guard_texts
from agenda.pseudonymise import Pseudonymiser, ner, parse_dossier
from council import create_app
from council.models import AgendaItem, Dossier, SocialReport
from council.queue import PSEUDONYMISE

pytestmark = pytest.mark.redis


@pytest.fixture(scope="module")
def broker() -> Iterator[tuple[str, str]]:
    """A Redis namespace for this module's tests."""
    url = redis_url()
    with namespace(url) as name:
        yield url, name


@pytest.fixture
def broker_queue(app: Flask, broker: tuple[str, str], monkeypatch: pytest.MonkeyPatch
                 ) -> tuple[str, str]:
    """The test application's queue swapped for one on Redis; a request waits 2 s."""
    url, name = broker
    other = create_app({"TESTING": True, "COUNCIL_QUEUE_URL": url,
                        "COUNCIL_QUEUE_NAMESPACE": name})
    monkeypatch.setitem(app.extensions, "council_queue", other.extensions["council_queue"])
    monkeypatch.setitem(app.config, "COUNCIL_QUEUE_WAIT_SECONDS", 2)
    return url, name


@pytest.fixture
def no_model_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any run of the model in this (web) process fails the test."""
    def refuse() -> None:
        raise AssertionError("a web process loaded the French model")

    monkeypatch.setattr(ner, "load_model", refuse)
    monkeypatch.setattr(ner, "_recent", OrderedDict())


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


@pytest.fixture(scope="module")
def worker(broker: tuple[str, str], tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Worker]:
    """A pseudonymisation worker process, as production runs it."""
    url, name = broker
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    started = Worker(url, name, log, queues=(PSEUDONYMISE,)).start()
    yield started
    started.stop()


@pytest.fixture
def waiting(app: Flask, broker_queue: tuple[str, str], worker: Worker,
            monkeypatch: pytest.MonkeyPatch) -> Worker:
    monkeypatch.setitem(app.config, "COUNCIL_QUEUE_WAIT_SECONDS", 120)  # the model loads
    return worker


@pytest.mark.slow
def test_a_pseudonymisation_worker_answers_the_api(
        client: FlaskClient, api_token: Any, session: Session, waiting: Worker,
        no_model_here: None) -> None:
    before = _stored(session)
    response = _submit(client, api_token)
    assert response.status_code == 201, waiting.log.read_text()
    draft = response.json["pseudonymised_text"]
    assert "Madame A." in draft
    for value in IDENTITY_VALUES:
        assert value not in draft
    assert _stored(session) == (before[0] + 1, before[1] + 1)


@pytest.mark.slow
def test_the_worker_gives_what_inline_gives(app: Flask, waiting: Worker) -> None:
    pairs = [(TEXT, parse_dossier(DOSSIER)), (OTHER_TEXT, parse_dossier(OTHER_DOSSIER))]
    today = date(2026, 11, 16)
    with app.app_context():
        remote, registry = pseudonymise_tasks.pseudonymise(
            pairs, language="fr", reference_date=today, registry=None, as_meeting=True)
    inline = Pseudonymiser("fr", today).pseudonymise_meeting(pairs)
    assert [item.text for item in remote] == [item.text for item in inline.items]
    assert [item.replacements for item in remote] == [item.replacements for item in inline.items]
    assert registry is not None and registry.key() == inline.registry.key()


@pytest.mark.slow
def test_the_identity_guard_asks_a_worker_for_the_models_names(
        app: Flask, session: Session, demo: Any, waiting: Worker, no_model_here: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A lone surname the rules miss: the model, in the worker, finds it; the web process never
    loads the model, and a queue no worker answers lets nothing through."""
    item = session.get(AgendaItem, demo.csss_item_id)
    texts = {"title": "La demande de Kowalczyk est reportée."}

    def guard() -> None:
        guard_texts(session, texts, labels={}, actor=user_named(session, "secretariat"),
                    meeting=item.meeting, object_type="agenda_item", object_id=item.id)

    with pytest.raises(IdentityInText) as refused:
        guard()
    assert [(hit.kind, hit.masked) for hit in refused.value.hits] == [("name", "Ko•••••••")]
    url = redis_url()
    with namespace(url) as empty:  # a queue no worker serves
        nobody = create_app({"TESTING": True, "COUNCIL_QUEUE_URL": url,
                             "COUNCIL_QUEUE_NAMESPACE": empty})
        monkeypatch.setitem(app.extensions, "council_queue",
                            nobody.extensions["council_queue"])
        monkeypatch.setitem(app.config, "COUNCIL_QUEUE_WAIT_SECONDS", 1)
        with pytest.raises(GuardUnavailable):
            guard()
