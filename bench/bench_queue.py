"""`make bench-queue`: 500 reports pseudonymised through the task queue (Redis) by 1, then by 2
pseudonymisation worker processes (`dramatiq council.worker --queues pseudonymise`, one
thread each), as the API's intake sends them: one encrypted message per report, the result
awaited. The workers load the French model before the clock starts. Writes both times into
docs/benchmarks.md under "## Task queue (make bench-queue)", with the machine and the date.

BENCH_REDIS_URL: the broker (default redis://127.0.0.1:6379/15); the keys live in a namespace
of their own, deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("COUNCIL_DATA_KEY", Fernet.generate_key().decode())
os.environ.setdefault("SECRET_KEY", "bench")
os.environ.pop("COUNCIL_ENV", None)

from bench_minutes import _machine, _update_docs  # noqa: E402
from queue_support import Worker, namespace  # noqa: E402
from report_samples import DOSSIER, TEXT  # noqa: E402

from agenda.pseudonymise.wire import dossier_to_dict  # noqa: E402
from agenda.pseudonymise_tasks import PSEUDONYMISE_ACTOR  # noqa: E402
from council import create_app  # noqa: E402
from council.queue import PSEUDONYMISE  # noqa: E402

SECTION = "## Task queue (make bench-queue)"
NAMES = [("Mireille", "Kabongo-Verhelst"), ("Jean-Luc", "Vandermeulen"),
         ("Fatima", "El Amrani"), ("Grégoire", "Dewolf-Lambotte"), ("Anne", "Schoonbroodt")]


def _payloads(count: int) -> list[dict[str, object]]:
    from agenda.pseudonymise import parse_dossier

    payloads = []
    for n in range(count):
        first, last = NAMES[n % len(NAMES)]
        dossier = {**DOSSIER, "reference": f"2026/{n:04d}",
                   "applicant": {**DOSSIER["applicant"], "first_names": [first],
                                 "last_name": last}}
        # every text differs, so that no worker finds its spans remembered (``ner``)
        text = (TEXT.replace("Mireille", first).replace("Kabongo-Verhelst", last)
                + f"\nSuivi par le service depuis {n + 2} semaines (rapport n° {n + 1}).")
        payloads.append({"pairs": [(text, dossier_to_dict(parse_dossier(dossier)))],
                         "language": "fr", "date": date(2026, 12, 1).isoformat(),
                         "registry": None, "as_meeting": False})
    return payloads


def _ready(workers: list[Worker], seconds: float = 180) -> None:
    """Until every worker process has booted (its model loaded)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if all(w.log.exists() and "ready for action" in w.log.read_text() for w in workers):
            return
        time.sleep(0.5)
    raise SystemExit("the workers did not boot: " + workers[0].log.read_text()[-2000:])


def _run(url: str, reports: int, workers_count: int, folder: Path) -> float:
    with namespace(url) as name:
        app = create_app({"TESTING": True, "COUNCIL_QUEUE_URL": url,
                          "COUNCIL_QUEUE_NAMESPACE": name, "DATABASE_URL": "sqlite://"})
        queue = app.extensions["council_queue"]
        workers = [Worker(url, name, folder / f"w{workers_count}-{n}.log",
                          queues=(PSEUDONYMISE,)).start() for n in range(workers_count)]
        try:
            _ready(workers)
            payloads = _payloads(reports)
            with app.app_context():
                start = time.perf_counter()
                messages = [queue.send(PSEUDONYMISE_ACTOR, payload) for payload in payloads]
                for message in messages:
                    answer = message.get_result(backend=queue.backend, block=True,
                                                timeout=600_000)
                    assert len(answer["items"]) == 1  # noqa: S101
                elapsed = time.perf_counter() - start
        finally:
            for worker in workers:
                worker.stop()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--no-write", action="store_true", help="do not update the docs")
    args = parser.parse_args()
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in (1, 2):
            load = os.getloadavg()[0]
            results[count] = (_run(url, args.reports, count, Path(folder)), load)
            print(f"{count} worker(s): {args.reports} reports in {results[count][0]:.1f} s "
                  f"(load average before: {load:.1f})", flush=True)
    one, two = results[1][0], results[2][0]
    block = "\n".join([
        SECTION, "",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {_machine()}; the 2 cores were shared with other work during the run "
        "(the load average before each run is given), so the figures are a lower bound of "
        "what two dedicated cores give",
        f"- what: {args.reports} distinct reports (one dossier and its social report each, as "
        "`POST /api/v1/reports` sends them), one encrypted message per report on Redis, each "
        "result awaited; `dramatiq` pseudonymisation workers, one process and one thread each, "
        "the French model loaded before the clock starts",
        f"- 1 worker: {one:.1f} s ({args.reports / one:.1f} reports/s; load average before "
        f"{results[1][1]:.1f})",
        f"- 2 workers: {two:.1f} s ({args.reports / two:.1f} reports/s; load average before "
        f"{results[2][1]:.1f}); speed-up ×{one / two:.2f}",
        "",
    ])
    print(block)
    if not args.no_write:
        _update_docs(block, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main())
