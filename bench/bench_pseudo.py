"""`make bench-pseudo`: the pseudonymisation CLI on 500 reports, whole process, model load included.

Builds 500 report/dossier pairs from the evaluation corpus (tests/agenda/corpus) with the
people's names changed from one copy to the next, runs the CLI in directory mode as a separate
process, measures wall time and peak memory, and writes the figures into docs/benchmarks.md under
"## Pseudonymisation (make bench-pseudo)". Exit status 1 when the target (30 s) is missed.
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "agenda" / "corpus"
DOCS = ROOT / "docs" / "benchmarks.md"
REPORTS = 500
TARGET_SECONDS = 30.0
SECTION = "## Pseudonymisation (make bench-pseudo)"

FIRST = [
    "Amandine",
    "Bruno",
    "Cécile",
    "Dimitri",
    "Estelle",
    "Florent",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Joachim",
    "Katia",
    "Laurent",
    "Mélanie",
    "Nathan",
    "Ophélie",
    "Pascal",
    "Quentin",
    "Rania",
    "Serge",
    "Tania",
    "Ugo",
    "Vanessa",
    "Wendy",
    "Yannick",
    "Zoé",
]
LAST = [
    "Moreau",
    "Lambert",
    "Dubois",
    "Renard",
    "Claessens",
    "Mertens",
    "Haddad",
    "Kaya",
    "Van Hecke",
    "De Vos",
    "El Ouardi",
    "Nowak",
    "Ionescu",
    "Ferreira",
    "Rossi",
    "Diop",
    "Wuyts",
    "Hermans",
    "Schmit",
    "Leroy",
    "Vandenbussche",
    "Ben Amar",
    "D'Amico",
    "Fabry",
]


def _cases() -> list[tuple[str, dict, dict]]:
    cases = []
    for annotated in sorted(CORPUS.glob("*.ann.json")):
        base = annotated.with_name(annotated.name.removesuffix(".ann.json"))
        cases.append(
            (
                base.with_suffix(".txt").read_text("utf-8"),
                json.loads(base.with_suffix(".json").read_text("utf-8")),
                json.loads(annotated.read_text("utf-8")),
            )
        )
    return cases


def _renamed(text: str, dossier: dict, annotations: dict, rng: random.Random) -> tuple[str, str]:
    """The same report about other people: every annotated name part gets a new one."""
    names = {e["text"].lower() for e in annotations["redact"] if e["cat"] == "name"}
    if not names:
        return text, json.dumps(dossier, ensure_ascii=False)
    mapping = {name: rng.choice(FIRST + LAST) for name in names}
    longest_first = sorted(names, key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, longest_first))})(?!\w)", re.I)

    def swap(match: re.Match[str]) -> str:
        new = mapping[match.group().lower()]
        return new.upper() if match.group().isupper() and len(match.group()) > 1 else new

    return pattern.sub(swap, text), pattern.sub(swap, json.dumps(dossier, ensure_ascii=False))


def build_inputs(folder: Path) -> None:
    rng = random.Random(500)  # noqa: S311 - reproducible test data, not a secret
    cases = _cases()
    for number in range(REPORTS):
        text, dossier, annotations = cases[number % len(cases)]
        new_text, new_dossier = _renamed(text, dossier, annotations, rng)
        (folder / f"report{number:03d}.txt").write_text(new_text, "utf-8")
        (folder / f"report{number:03d}.json").write_text(new_dossier, "utf-8")


def command(source: Path, target: Path) -> list[str]:
    """`flask --app council pseudonymise` once the command is registered, else the module."""
    flask = ROOT / ".venv" / "bin" / "flask"
    probe = (
        subprocess.run(  # noqa: S603 - fixed arguments
            [str(flask), "--app", "council", "pseudonymise", "--help"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        if flask.exists()
        else None
    )
    if probe is not None and probe.returncode == 0:
        return [str(flask), "--app", "council", "pseudonymise", str(source), str(target)]
    return [sys.executable, "-m", "council.cli.pseudonymise", str(source), str(target)]


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = found.group(1).strip() if found else cpu
    ram = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        ram = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB" if found else ram
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} CPU(s) (nproc), {cpu}, {ram} RAM, {system}"


#: what follows this line in the section is the developers' notes, kept from run to run
NOTES = "Notes (kept by `make bench-pseudo`):"


def write_section(lines: list[str]) -> None:
    text = DOCS.read_text("utf-8") if DOCS.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    found = pattern.search(text)
    notes = found.group().partition(NOTES)[2].strip("\n") if found else ""
    section = "\n".join([SECTION, "", *lines, "", NOTES, "", notes]).rstrip("\n") + "\n"
    if found:
        text = pattern.sub(lambda _: section + "\n", text).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text, "utf-8")


def run_measured(argv: list[str], logs: Path) -> tuple[int, float, float, float]:
    """Exit status, wall seconds, CPU seconds (user and system) and peak RSS (MiB) of this one
    child process. On a machine others use, the CPU time is the comparable figure."""
    with (logs / "stdout").open("wb") as out, (logs / "stderr").open("wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=err)  # noqa: S603
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    return os.waitstatus_to_exitcode(status), seconds, cpu, usage.ru_maxrss / 1024


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-pseudo-") as tmp:
        source, target = Path(tmp) / "in", Path(tmp) / "out"
        source.mkdir()
        build_inputs(source)
        argv = command(source, target)
        load_before = os.getloadavg()[0]
        status, seconds, cpu, peak_mib = run_measured(argv, Path(tmp))
        load_after = os.getloadavg()[0]
        written = len(list(target.glob("*.txt"))) if target.exists() else 0
        if status != 0 or written != REPORTS:
            print((Path(tmp) / "stderr").read_text("utf-8"), file=sys.stderr)
            print(f"bench failed: exit {status}, {written}/{REPORTS} written", file=sys.stderr)
            return 1
    shown = " ".join(Path(a).name if a.startswith("/") else a for a in argv[:-2])
    lines = [
        f"- date: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- machine: {machine()}",
        f"- command: `{shown} IN_DIR OUT_DIR` (one meeting of {REPORTS} reports, separate"
        " process, model load included)",
        f"- inputs: {REPORTS} reports built from tests/agenda/corpus (FR/NL/DE), names changed",
        f"- wall time: {seconds:.1f} s (target ≤ {TARGET_SECONDS:.0f} s), "
        f"{REPORTS / seconds:.0f} reports/s",
        f"- CPU time of the CLI process (user + system): {cpu:.1f} s",
        f"- load average (1 min) before: {load_before:.1f}, after: {load_after:.1f}",
        f"- peak RSS of the CLI process: {peak_mib:.0f} MiB",
    ]
    write_section(lines)
    print("\n".join(lines))
    return 0 if seconds <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
