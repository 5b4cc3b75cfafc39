"""The task queue (Dramatiq): every long or heavy piece of work goes through it.

One setting chooses the broker (``COUNCIL_QUEUE_URL``):

- empty (the default: ``make demo``, ``make test``, development): Dramatiq's in-process
  ``StubBroker``; a Dramatiq ``Worker`` in the same process consumes it, started on the first
  message. No server is needed.
- ``redis://HOST:PORT/DB`` (production): Dramatiq's ``RedisBroker``, with results in the same
  Redis. Web workers only enqueue; ``dramatiq council.worker`` processes do the work (see
  docs/deploy.md). A message is acknowledged after its work: a worker killed mid-job leaves
  it unacknowledged, and another worker takes it again once the dead one's heartbeat is older
  than ``COUNCIL_QUEUE_HEARTBEAT_MS``.

Queues: ``pseudonymise`` (the French model: pseudonymising reports, the guard's person names,
scheduling a meeting's reports) and ``documents`` (rendering and freezing minutes). A worker
serving ``pseudonymise`` loads the model once, when it boots (``on_worker_boot``); a web
process never does, unless the queue is the embedded one.

Every message, and every stored result, is encrypted with the application's data key
(``COUNCIL_DATA_KEY``, ``council.crypto``): the broker holds no identity in clear.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import dramatiq
from cryptography.fernet import InvalidToken
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.encoder import Encoder, MessageData
from dramatiq.errors import DecodeError
from dramatiq.middleware import Middleware
from dramatiq.results import Results
from dramatiq.results.backends import StubBackend
from dramatiq.results.backends.redis import RedisBackend
from flask import Flask, current_app
from redis import Redis, RedisError

from council.crypto import _keyring

PSEUDONYMISE = "pseudonymise"
DOCUMENTS = "documents"
QUEUES = (PSEUDONYMISE, DOCUMENTS)


class QueueUnavailable(RuntimeError):
    """No worker answered in time, or the broker could not be reached."""


class EncryptedEncoder(Encoder):
    """Dramatiq's JSON encoding, sealed with the data key (Fernet: encrypted and
    authenticated, so a message forged without the key is refused, not run)."""

    def __init__(self, data_key: str) -> None:
        self.keyring = _keyring(data_key)

    def encode(self, data: MessageData) -> bytes:
        return self.keyring.encrypt(json.dumps(data, separators=(",", ":")).encode())

    def decode(self, data: bytes) -> MessageData:
        try:
            return json.loads(self.keyring.decrypt(data))
        except (InvalidToken, TypeError, ValueError) as error:
            # only the kind: the bytes could hold an identity
            raise DecodeError("a queue message cannot be decrypted with COUNCIL_DATA_KEY",
                              b"", error) from None


class _WorkerBoot(Middleware):
    """Runs the callbacks registered for the queues a worker process serves, once, when the
    worker boots (e.g. loading the French model for ``pseudonymise``)."""

    def __init__(self, queue: TaskQueue) -> None:
        self.queue = queue

    def after_worker_boot(self, broker: Any, worker: Any) -> None:
        served = worker.consumer_whitelist or set(broker.get_declared_queues())
        self.queue.served = set(served)
        for queue_name, callback in self.queue.boot_callbacks:
            if queue_name in served:
                callback()


@dataclass
class TaskQueue:
    """The application's broker, result backend and actors."""

    app: Flask
    broker: Any
    backend: Any
    embedded: bool
    actors: dict[str, dramatiq.Actor] = field(default_factory=dict)
    boot_callbacks: list[tuple[str, Callable[[], None]]] = field(default_factory=list)
    #: the queues this process works for, when it is a worker (empty in a web process)
    served: set[str] = field(default_factory=set)
    _embedded_worker: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def declare(self, fn: Callable[..., Any], *, name: str, queue_name: str,
                store_results: bool = False, with_app: bool = True) -> dramatiq.Actor:
        """An actor running ``fn`` in an application context (``with_app``)."""
        app = self.app

        def run(*args: Any, **kwargs: Any) -> Any:
            if not with_app:
                return fn(*args, **kwargs)
            with app.app_context():
                return fn(*args, **kwargs)

        run.__name__ = name
        # no automatic retry: a failed work says why on its job (or its caller gets 503); a
        # worker that died is another matter, its message is delivered again by the broker
        actor = dramatiq.Actor(run, broker=self.broker, actor_name=name, queue_name=queue_name,
                               priority=0, options={"max_retries": 0,
                                                    "store_results": store_results})
        self.actors[name] = actor
        return actor

    def on_worker_boot(self, queue_name: str, callback: Callable[[], None]) -> None:
        self.boot_callbacks.append((queue_name, callback))

    def works_for(self, queue_name: str) -> bool:
        """Whether work of ``queue_name`` may run in this process: the embedded queue, or a
        worker process serving that queue."""
        return self.embedded or queue_name in self.served

    def send(self, name: str, *args: Any, max_age_ms: int | None = None) -> Any:
        """Enqueues a message for the actor ``name``; with the embedded queue, starts its
        in-process worker first."""
        if self.embedded:
            self._start_embedded_worker()
        options = {"max_age": max_age_ms} if max_age_ms else {}
        try:
            return self.actors[name].send_with_options(args=args, **options)
        except (dramatiq.errors.BrokerConnectionError, RedisError) as error:
            raise QueueUnavailable(type(error).__name__) from error

    def call(self, name: str, *args: Any, timeout_ms: int) -> Any:
        """Sends a message and waits for its result; ``QueueUnavailable`` when no worker
        answers within ``timeout_ms`` (the message then expires unread: ``max_age``)."""
        message = self.send(name, *args, max_age_ms=timeout_ms)
        try:
            return message.get_result(backend=self.backend, block=True, timeout=timeout_ms)
        except (dramatiq.results.ResultTimeout, dramatiq.results.ResultFailure,
                dramatiq.errors.BrokerConnectionError, RedisError) as error:
            raise QueueUnavailable(type(error).__name__) from error

    def run_inline(self, name: str, *args: Any) -> Any:
        """Runs an actor in this thread (Dramatiq's synchronous call), for an application
        bound to one connection (the tests' transaction), which no other thread may use.
        The message still goes through the encoder, as on a broker."""
        message = self.actors[name].message(*args)
        decoded = dramatiq.Message.decode(message.encode())
        return self.actors[name](*decoded.args, **decoded.kwargs)

    def close(self) -> None:
        """Stops the embedded queue's worker, if it started."""
        with self._lock:
            if self._embedded_worker is not None:
                self._embedded_worker.stop(timeout=10_000)
                self._embedded_worker = None

    def _start_embedded_worker(self) -> None:
        with self._lock:
            if self._embedded_worker is None:
                self._embedded_worker = dramatiq.Worker(self.broker, worker_threads=1)
                self._embedded_worker.start()


def init_queue(app: Flask) -> TaskQueue:
    """The application's task queue, from ``COUNCIL_QUEUE_URL``."""
    encoder = EncryptedEncoder(app.config["COUNCIL_DATA_KEY"])
    # Dramatiq encodes every message with its global encoder; one key per process
    dramatiq.set_encoder(encoder)
    url = app.config["COUNCIL_QUEUE_URL"]
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("COUNCIL_QUEUE_URL must be empty (embedded) or a redis:// URL")
        namespace = app.config["COUNCIL_QUEUE_NAMESPACE"]
        # a request waits for its result with a blocking read: the server's own timeout
        # (COUNCIL_QUEUE_WAIT_SECONDS) ends it, not redis-py's default 5 s socket timeout
        backend = RedisBackend(client=Redis.from_url(url, socket_timeout=None), encoder=encoder,
                               namespace=f"{namespace}-results")
        broker = RedisBroker(url=url, namespace=namespace,
                             heartbeat_timeout=app.config["COUNCIL_QUEUE_HEARTBEAT_MS"],
                             maintenance_chance=app.config["COUNCIL_QUEUE_MAINTENANCE_CHANCE"])
    else:
        backend = StubBackend(encoder=encoder)
        broker = StubBroker()
    broker.add_middleware(Results(backend=backend))
    queue = TaskQueue(app=app, broker=broker, backend=backend, embedded=not url)
    broker.add_middleware(_WorkerBoot(queue))
    for name in QUEUES:
        broker.declare_queue(name)
    app.extensions["council_queue"] = queue
    return queue


def worker_app(app: Flask) -> Flask:
    """Makes ``app``'s broker the one the ``dramatiq`` command consumes (``council.worker``)."""
    queue = app.extensions["council_queue"]
    if queue.embedded:
        raise SystemExit("a queue worker needs a broker: set COUNCIL_QUEUE_URL=redis://…")
    dramatiq.set_broker(queue.broker)
    return app


def task_queue() -> TaskQueue:
    return current_app.extensions["council_queue"]
