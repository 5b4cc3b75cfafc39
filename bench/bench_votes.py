"""`make bench-votes`: councillors voting through the API under gunicorn on PostgreSQL.

Builds a rehearsal floor (council.demo.rehearsal: an organ of 60 members, all present, a
meeting of 200 items whose votes are open, every fourth by secret ballot) in its own database
(BENCH_DATABASE_URL, default the local `council_bench`; its schema is wiped), starts gunicorn
with 4 workers on the loopback, and lets 60 client threads (one per councillor) vote on every
item in their own random order: first without pause for 45 s (saturation: the ceiling), then,
on a fresh floor, with a think time between ballots (``--think-ms``, default 1 s: the paced
run, on which the target is checked), within a time limit. Reports the ballot latency (p50,
p95), ballots per second, and counts the ballots in the database: every accepted ballot stored
once, none lost or duplicated. Writes the figures into docs/benchmarks.md under
"## Votes (make bench-votes)". Exit status 1 when a ballot was lost or duplicated or when p95
of the paced run misses the target (50 ms).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from docs_figures import machine, write_section
from sqlalchemy import func, select, text

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Votes (make bench-votes)"
DEFAULT_URL = "postgresql+psycopg://council:council@127.0.0.1:5432/council_bench"
TARGET_P95_MS = 50.0
HOST = "127.0.0.1"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=60)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think-ms", type=float, default=1000.0,
                        help="pause of each councillor between two ballots in the paced run")
    parser.add_argument("--max-seconds", type=float, default=300.0)
    parser.add_argument("--saturation-seconds", type=float, default=45.0,
                        help="length of the run without think time (0 to skip it)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-write", action="store_true", help="do not update the docs")
    return parser.parse_args()


def _prepare(url: str, members: int, items: int) -> dict:
    from council import create_app
    from council.db import db, state
    from council.demo.rehearsal import build_floor
    from council.migrate import upgrade

    app = create_app({"DATABASE_URL": url})
    engine = state(app).engine
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    with app.app_context():
        floor = build_floor(db.session, members=members, items=items + 1, secret_every=4)
        db.session.remove()
    engine.dispose()
    # the last item warms the workers up (first statements compiled, connections opened)
    return {"items": floor.item_ids[:-1], "warm_up": floor.item_ids[-1],
            "tokens": list(floor.tokens.values())}


def _wait_until_up(port: int, server: subprocess.Popen, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped before answering")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/api/v1/openapi.json")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


def _vote(port: int, token: str, item_id: int, choice: str) -> tuple[int, float]:
    body = json.dumps({"choice": choice})
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("POST", f"/api/v1/items/{item_id}/ballot", body=body, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, (time.perf_counter() - started) * 1000


def _run(port: int, tokens: list[str], items: list[int], think_ms: float,
         max_seconds: float) -> tuple[list[float], dict[int, int], float]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(len(tokens))
    deadline = time.monotonic() + max_seconds

    def councillor(token: str, seed: int) -> None:
        rng = random.Random(seed)  # noqa: S311 (load pattern, not secrets)
        order = list(items)
        rng.shuffle(order)
        barrier.wait()
        for item_id in order:
            if time.monotonic() > deadline:
                break
            status, elapsed = _vote(port, token, item_id, rng.choice(("yes", "no", "abstain")))
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
            if think_ms:
                time.sleep(rng.uniform(0.5, 1.5) * think_ms / 1000)

    threads = [threading.Thread(target=councillor, args=(token, n))
               for n, token in enumerate(tokens)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, time.perf_counter() - started


def _count(url: str) -> dict[str, int]:
    from council.db import make_engine
    from council.models import OpenBallot, SecretBallot, SecretParticipation

    engine = make_engine(url)
    with engine.connect() as connection:
        def scalar(query: Any) -> int:
            return int(connection.execute(query).scalar() or 0)

        pairs = select(OpenBallot.poll_id, OpenBallot.member_id).distinct().subquery()
        secret_pairs = select(SecretParticipation.poll_id,
                              SecretParticipation.member_id).distinct().subquery()
        counts = {
            "open": scalar(select(func.count()).select_from(OpenBallot)),
            "open_distinct": scalar(select(func.count()).select_from(pairs)),
            "participations": scalar(select(func.count()).select_from(SecretParticipation)),
            "participations_distinct": scalar(select(func.count()).select_from(secret_pairs)),
            "secret_ballots": scalar(select(func.count()).select_from(SecretBallot)),
        }
    engine.dispose()
    return counts


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _phase(args: argparse.Namespace, url: str, name: str, think_ms: float,
           max_seconds: float) -> tuple[list[str], bool]:
    """One run on a fresh floor; returns its lines for the docs and whether it kept every
    ballot once and met the latency target."""
    print(f"[{name}] preparing {args.members} members and {args.items} open votes …",
          flush=True)
    floor = _prepare(url, args.members, args.items)
    load_before = os.getloadavg()[0]
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [gunicorn, "-w", str(args.workers), "-b", f"{HOST}:{args.port}", "--log-level",
         "warning", "--backlog", "256", "council:create_app()"], cwd=ROOT)
    try:
        _wait_until_up(args.port, server)
        warm = [_vote(args.port, token, floor["warm_up"], "yes")[0] for token in floor["tokens"]]
        print(f"[{name}] {args.members} councillors voting (think time {think_ms:g} ms) …",
              flush=True)
        latencies, statuses, wall = _run(args.port, floor["tokens"], floor["items"],
                                         think_ms, max_seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    load_after = os.getloadavg()[0]
    counts = _count(url)
    accepted = statuses.get(201, 0)
    stored = counts["open"] + counts["participations"] - warm.count(201)
    duplicated = (counts["open"] - counts["open_distinct"]
                  + counts["participations"] - counts["participations_distinct"]
                  + abs(counts["secret_ballots"] - counts["participations"]))
    lost = max(0, accepted - stored)
    p50, p95 = _percentile(latencies, 0.50), _percentile(latencies, 0.95)
    others = {k: v for k, v in statuses.items() if k != 201} or "none"
    lines = [
        f"### {name}: think time {think_ms:g} ms (±50 %) between a councillor's ballots, "
        f"limit {max_seconds:g} s",
        "",
        f"- ballots sent: {len(latencies)} in {wall:.1f} s; accepted (201): {accepted}; "
        f"other statuses: {others}",
        f"- ballot latency: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target ≤ "
        f"{TARGET_P95_MS:g} ms), max {max(latencies):.1f} ms, mean "
        f"{statistics.fmean(latencies):.1f} ms",
        f"- throughput: {accepted / wall if wall else 0:.0f} ballots/s",
        f"- database count: {counts['open']} open ballots, {counts['participations']} secret "
        f"participations, {counts['secret_ballots']} secret ballots (including "
        f"{warm.count(201)} warm-up ballots on an extra item, not timed); lost: {lost}, "
        f"duplicated: {duplicated}",
        f"- load average (1 min) before: {load_before:.2f}, after: {load_after:.2f}",
        "",
    ]
    print("\n".join(lines), flush=True)
    return lines, lost == 0 and duplicated == 0 and p95 <= TARGET_P95_MS


def main() -> int:
    args = _arguments()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    os.environ.update({"DATABASE_URL": url, "SECRET_KEY": os.urandom(16).hex(),
                       "COUNCIL_DATA_KEY": Fernet.generate_key().decode()})
    os.environ.pop("COUNCIL_ENV", None)
    lines = [
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {machine()}",
        f"- server: gunicorn {args.workers} sync workers on {HOST}, PostgreSQL on the same "
        "machine; the client threads (one per councillor, a new connection per ballot) run "
        "there too",
        f"- floor: {args.members} councillors, all present, {args.items} open votes (every "
        "fourth by secret ballot); each councillor votes once on every item in a random order",
        "- `make bench-votes` (`BENCH_ARGS=\"--think-ms 1000\"` etc. to change it); the target "
        "is checked on the paced run; the saturation run shows the ceiling",
        "",
    ]
    saturation: list[str] = []
    if args.saturation_seconds > 0:
        saturation, _ok = _phase(args, url, "saturation", 0.0, args.saturation_seconds)
    paced, ok = _phase(args, url, "paced", args.think_ms, args.max_seconds)
    if not args.no_write:
        write_section(DOCS, SECTION, lines + saturation + paced, "# Benchmarks")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
