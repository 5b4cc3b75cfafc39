"""The task queue on a real broker, for the tests marked ``redis``: the broker's URL
(COUNCIL_TEST_REDIS_URL, which ``make test`` sets when a Redis answers on 127.0.0.1:6379), a
namespace of their own per test (emptied afterwards), and worker processes
(``dramatiq queue_worker``) that a test starts and may kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
import redis
from scratch_database import CLOCK_VARIABLE, SCHEMA_VARIABLE

REDIS_VARIABLE = "COUNCIL_TEST_REDIS_URL"
TESTS = Path(__file__).resolve().parent


def redis_url() -> str:
    """The broker's URL; the test is skipped, with the reason, when none is set or none
    answers there."""
    url = os.environ.get(REDIS_VARIABLE)
    if not url:
        pytest.skip(f"{REDIS_VARIABLE} is not set: no broker to test the queue on "
                    "(`make test` sets it when a Redis answers on 127.0.0.1:6379)")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis answers at {url} ({type(error).__name__})")
    return url


@contextmanager
def namespace(url: str) -> Iterator[str]:
    """A namespace of the broker for one test; its keys are deleted afterwards."""
    name = f"council-test-{uuid.uuid4().hex[:12]}"
    try:
        yield name
    finally:
        client = redis.Redis.from_url(url)
        for pattern in (f"{name}:*", f"{name}-results:*"):
            keys = list(client.scan_iter(pattern))
            if keys:
                client.delete(*keys)


def raw_messages(url: str, name: str, queue: str) -> list[bytes]:
    """The messages waiting in ``queue``, as the broker stores them."""
    return list(redis.Redis.from_url(url).hgetall(f"{name}:{queue}.msgs").values())


class Worker:
    """``dramatiq queue_worker`` (one process, one thread) in a process group of its own, so
    that SIGKILL takes its forked worker too."""

    def __init__(self, url: str, name: str, log: Path, *, queues: tuple[str, ...],
                 database: tuple[str, str | None] = ("sqlite://", None),
                 heartbeat_ms: int = 2000) -> None:
        self.log = log
        self.arguments = [str(Path(sys.executable).with_name("dramatiq")), "queue_worker",
                          # the checkout first: tests/council must not hide the package
                          "--path", str(TESTS.parent), str(TESTS),
                          "--processes", "1", "--threads", "1", "--queues", *queues]
        self.environment = {
            **os.environ, "COUNCIL_QUEUE_URL": url, "COUNCIL_QUEUE_NAMESPACE": name,
            "COUNCIL_QUEUE_HEARTBEAT_MS": str(heartbeat_ms),
            # maintenance on every fetch: a dead worker's messages come back within seconds
            "COUNCIL_QUEUE_MAINTENANCE_CHANCE": "1000000",
            "DATABASE_URL": database[0], SCHEMA_VARIABLE: database[1] or "",
            CLOCK_VARIABLE: datetime.now(UTC).isoformat()}
        self.environment.pop("COUNCIL_ENV", None)
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Worker:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (fixed arguments)
                self.arguments, env=self.environment, stdout=log, stderr=log,
                start_new_session=True)
        return self

    def kill(self) -> None:
        """SIGKILL to the whole group: no chance to acknowledge or clean anything."""
        self._end(signal.SIGKILL)

    def stop(self) -> None:
        """SIGTERM (a worker finishes its message), SIGKILL after 30 s."""
        try:
            self._end(signal.SIGTERM)
        except subprocess.TimeoutExpired:
            self._end(signal.SIGKILL)

    def _end(self, how: signal.Signals) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, how)
        self.process.wait(timeout=30)
