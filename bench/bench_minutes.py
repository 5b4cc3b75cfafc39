"""`make bench-minutes`: the minutes (procès-verbal) PDF of the demo CSSS meeting with 100 and
500 individual-aid items.

For each size, in a scratch SQLite database of its own: builds the demo as
`flask --app council demo --items N` does, records the meeting as held (attendance, an arrival,
a departure, a withdrawal, a closed poll on every item, every fourth by secret ballot:
council.demo.scenario) and closes it, starts the draft minutes, then times
``render_minutes_pdf`` (loading, content, HTML, WeasyPrint PDF/A-3b) and counts its SQL
queries and pages; then times a reader's copy of that PDF (``download_copy`` for the
secretariat), which every download by a reader who is not a signer costs. Writes the figures
into docs/benchmarks.md under "## Minutes (make bench-minutes)". Exit status 1 when 500 items
take more than 15 s, when the time grows more than ×5.5 from 100 to 500 items, or when the
query count depends on the size.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Minutes (make bench-minutes)"
TARGET_SECONDS = 15.0
TARGET_GROWTH = 5.5
#: renders per size; the fastest counts
RENDERS = 3


def _measure(items: int) -> dict[str, float | int]:
    from sqlalchemy import event, select

    from council import create_app
    from council.db import db, state
    from council.demo import build_demo
    from council.demo.scenario import hold_meeting
    from council.migrate import upgrade
    from council.models import Meeting, MeetingStatus, Organ, OrganKind, User
    from minutes import service
    from minutes.documents import page_count

    with tempfile.TemporaryDirectory() as scratch:
        app = create_app({"DATABASE_URL": f"sqlite:///{scratch}/bench.db"})
        engine = state(app).engine
        upgrade(engine)
        with app.app_context():
            session = db.session
            started = time.perf_counter()
            build_demo(session, items=items, today=date(2026, 11, 16))
            demo_seconds = time.perf_counter() - started
            meeting = session.scalar(select(Meeting).join(Organ).where(
                Organ.kind == OrganKind.csss, Meeting.status == MeetingStatus.convened))
            users = {u.username: u for u in session.scalars(select(User))}
            hold_meeting(session, meeting, recorder=users["secretariat"], secret_every=4)
            minutes = service.start_draft(session, meeting, actor=users["dg"])
            minutes_id = minutes.id
            session.expunge_all()

            queries = 0

            def count(*_args: object) -> None:
                nonlocal queries
                queries += 1

            load_before = os.getloadavg()[0]
            # the best of a few renders: a shared machine only ever adds time
            seconds = cpu_seconds = float("inf")
            for _ in range(RENDERS):
                session.expunge_all()
                queries = 0
                event.listen(engine, "before_cursor_execute", count)
                started, cpu_started = time.perf_counter(), time.process_time()
                pdf = service.render_minutes_pdf(session, minutes_id)
                seconds = min(seconds, time.perf_counter() - started)
                cpu_seconds = min(cpu_seconds, time.process_time() - cpu_started)
                event.remove(engine, "before_cursor_execute", count)
            copy = _time_readers_copy(session, pdf, meeting_id=meeting.id)
            db.session.remove()
        engine.dispose()
    return {"items": items, "seconds": seconds, "cpu_seconds": cpu_seconds,
            "pages": page_count(pdf), "queries": queries, "bytes": len(pdf),
            "demo_seconds": demo_seconds, "load": load_before, **copy}


def _time_readers_copy(session: Any, pdf: bytes, *, meeting_id: int) -> dict[str, float | int]:
    """``download_copy`` of the rendered minutes for the secretariat, who is not a signer: a
    reader's copy (statement page, mark, the whole file rewritten), audited; the fastest of a
    few, each one a new copy with its own number."""
    from sqlalchemy import select

    from council.models import DocumentKind, Meeting, User
    from minutes.documents import PRESIDENT_AND_DG, download_copy, new_document, page_count

    session.expunge_all()
    secretariat = session.scalar(select(User).where(User.username == "secretariat"))
    dg = session.scalar(select(User).where(User.username == "dg"))
    document = new_document(pdf, kind=DocumentKind.minutes, language="fr", actor=dg,
                            required_capacities=PRESIDENT_AND_DG)
    session.add(document)
    session.commit()
    seconds = cpu_seconds = float("inf")
    for _ in range(RENDERS):
        started, cpu_started = time.perf_counter(), time.process_time()
        copy = download_copy(session, document, actor=secretariat,
                             meeting=session.get(Meeting, meeting_id))
        seconds = min(seconds, time.perf_counter() - started)
        cpu_seconds = min(cpu_seconds, time.process_time() - cpu_started)
    return {"copy_seconds": seconds, "copy_cpu_seconds": cpu_seconds,
            "copy_pages": page_count(copy), "copy_bytes": len(copy)}


def _machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    return f"{os.uname().machine}, {os.cpu_count()} CPU(s) (nproc), " + (
        model.group(1).strip() if model else "CPU model unknown")


def _update_docs(block: str, title: str = SECTION) -> None:
    """Replaces a benchmark's section of docs/benchmarks.md (this one's by default), or
    appends it."""
    document = DOCS.read_text("utf-8") if DOCS.exists() else "# Benchmarks\n"
    section = re.compile(rf"^{re.escape(title)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if section.search(document):
        document = section.sub(lambda _match: block + "\n", document).rstrip("\n") + "\n"
    else:
        document = f"{document.rstrip()}\n\n{block}"
    DOCS.write_text(document, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(100, 500))
    parser.add_argument("--no-write", action="store_true", help="do not update the docs")
    args = parser.parse_args()
    os.environ.update({"SECRET_KEY": os.urandom(16).hex(),
                       "COUNCIL_DATA_KEY": Fernet.generate_key().decode()})
    os.environ.pop("COUNCIL_ENV", None)
    sys.path.insert(0, str(ROOT))

    runs = []
    for size in args.sizes:
        print(f"[{size} items] building the demo, holding the meeting, rendering …", flush=True)
        run = _measure(size)
        print(f"[{size} items] {run['seconds']:.1f} s ({run['cpu_seconds']:.1f} s CPU), "
              f"{run['pages']} pages, "
              f"{run['queries']} queries; reader's copy {run['copy_seconds']:.1f} s "
              f"({run['copy_cpu_seconds']:.1f} s CPU)", flush=True)
        runs.append(run)
    small, large = runs
    # the rendering is single-threaded: its CPU time is what the wall time is on an idle
    # machine, and stays meaningful when other processes share the cores
    growth = large["cpu_seconds"] / small["cpu_seconds"]
    met = (large["cpu_seconds"] <= TARGET_SECONDS and growth <= TARGET_GROWTH
           and small["queries"] == large["queries"])
    lines = [
        SECTION, "",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {_machine()}",
        "- what: `render_minutes_pdf` of the demo CSSS meeting (`flask --app council demo "
        "--items N`), held with attendance, an arrival, a departure, a withdrawal and a closed "
        "poll on every item (every fourth secret): loading, content, HTML, WeasyPrint PDF/A-3b; "
        f"SQLite scratch database; the fastest of {RENDERS} renders per size",
        *(f"- {r['items']} items: {r['cpu_seconds']:.1f} s CPU ({r['seconds']:.1f} s wall, "
          f"load average {r['load']:.1f}), {r['pages']} pages, {r['bytes'] / 1024:.0f} KiB, "
          f"{r['queries']} SQL queries (demo built in {r['demo_seconds']:.0f} s, not timed)"
          for r in runs),
        *(f"- reader's copy of the {r['items']}-item minutes (`download_copy` for the "
          f"secretariat: statement page, mark on every page, file rewritten, audited; nothing "
          f"cached, each copy its own): {r['copy_cpu_seconds']:.1f} s CPU "
          f"({r['copy_seconds']:.1f} s wall), {r['copy_pages']} pages, "
          f"{r['copy_bytes'] / 1024:.0f} KiB" for r in runs),
        "- the targets are checked on the CPU time of the (single-threaded) rendering, which is "
        "its wall time on an idle machine",
        f"- growth {small['items']} → {large['items']} items: ×{growth:.2f} "
        f"(target ≤ ×{TARGET_GROWTH}); {large['items']} items target ≤ {TARGET_SECONDS:.0f} s: "
        f"{'met' if met else 'MISSED'}",
    ]
    print("\n".join(lines))
    if not args.no_write:
        _update_docs("\n".join(lines) + "\n")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
