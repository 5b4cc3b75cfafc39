"""`make bench-guard`: the leak guard on a meeting's texts against a year of dossiers.

The guard (``agenda.reports.leaks``, the home page's work queue, the convocation check, the
identity guard on every save) searches every text members read for the values of the
meeting's dossiers and of the centre's dossiers of the last 12 months. This measures, in CPU
time of this process, reading the dossiers once (``LeakIndex``) and then searching the texts
of one meeting, against searching each text with the dossiers read again for it (what the
guard did before the index), on the evaluation corpus's dossiers and reports. Writes the
figures into docs/benchmarks.md under "## Leak guard (make bench-guard)"."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from docs_figures import machine, write_section

from agenda.pseudonymise import find_leaks, load_dossier
from agenda.pseudonymise.leaks import LeakIndex

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "agenda" / "corpus"
DOCS = ROOT / "docs" / "benchmarks.md"
HEADING = "## Leak guard (make bench-guard)"
#: a meeting of 40 items, three texts each (title, summary, draft decision)
TEXTS = 120
#: the per-text way, timed on fewer texts (it is slow) and scaled
SLOW_TEXTS = 12


def _cpu(work) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def main() -> int:
    dossier_paths = sorted(p for p in CORPUS.rglob("*.json") if not p.name.endswith(".ann.json"))
    dossiers = [load_dossier(path) for path in dossier_paths]
    reports = sorted(CORPUS.rglob("*.txt"))
    texts = [reports[n % len(reports)].read_text("utf-8")[:1500] for n in range(TEXTS)]
    index_seconds = _cpu(lambda: LeakIndex(dossiers))
    index = LeakIndex(dossiers)
    indexed = _cpu(lambda: [index.find(text) for text in texts])
    per_text = _cpu(lambda: [find_leaks(text, dossiers) for text in texts[:SLOW_TEXTS]])
    per_text *= TEXTS / SLOW_TEXTS
    if any(index.find(t) != find_leaks(t, dossiers) for t in texts[:SLOW_TEXTS]):
        print("the two ways disagree", file=sys.stderr)
        return 1
    lines = [
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {machine()}",
        f"- inputs: {len(dossiers)} dossiers (the evaluation corpus's), {TEXTS} texts of up to "
        f"1,500 characters (a meeting of 40 items: title, summary, draft decision)",
        f"- reading the dossiers once (`LeakIndex`): {index_seconds:.2f} s CPU",
        f"- searching the {TEXTS} texts with the index: {indexed:.2f} s CPU "
        f"({indexed / TEXTS * 1000:.1f} ms a text)",
        f"- the same with the dossiers read again for each text (`find_leaks`, the guard's way "
        f"before the index; timed on {SLOW_TEXTS} texts and scaled): {per_text:.1f} s CPU "
        f"({per_text / TEXTS * 1000:.0f} ms a text)",
        "- both ways find the same leaks (checked on the timed texts)",
    ]
    write_section(DOCS, HEADING, lines, "# Benchmarks")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
