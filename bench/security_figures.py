"""`make security-figures`: the figures of docs/security.md, measured by one pytest run.

Runs the insiders' attacks of tests/security, the access matrix, the audit and backup
tampering tests, the API fuzzing (FUZZ_EXAMPLES, default 200 per operation and role), the
crash test (CRASH_CYCLES, default 10 kills) and the secret scan: on SQLite, then again on
PostgreSQL when COUNCIL_TEST_DATABASE_URL is set. Prints the table, one column per database,
and writes it into docs/security.md under "## Figures" (``--no-write`` to skip). Exit status
1 when any of those tests failed.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docs_figures import machine, write_section

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "security.md"
SECTION = "## Figures"
TESTS = {
    "attacks": "tests/security",
    "matrix": "tests/council/test_access_matrix.py",
    "audit": "tests/council/test_audit.py",
    "backup": "tests/council/test_backup.py",
    "fuzz": "tests/council/test_api_fuzz.py",
    "crash": "tests/council/test_crash.py",
    "secrets": "tests/council/test_no_secrets.py",
}


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true", help="do not update the docs")
    return parser.parse_args()


def _run(report: Path, database_url: str | None) -> tuple[str, int]:
    environment = {**os.environ, "FUZZ_EXAMPLES": os.environ.get("FUZZ_EXAMPLES", "200"),
                   "CRASH_CYCLES": os.environ.get("CRASH_CYCLES", "10")}
    environment.pop("COUNCIL_TEST_DATABASE_URL", None)
    if database_url:
        environment["COUNCIL_TEST_DATABASE_URL"] = database_url
    command = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
               f"--junitxml={report}", *TESTS.values()]
    print("running:", " ".join(command[1:]), "on", "PostgreSQL" if database_url else "SQLite",
          flush=True)
    lines = []
    with subprocess.Popen(command, cwd=ROOT, env=environment,  # noqa: S603 (fixed arguments)
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
                          ) as pytest_run:
        for line in pytest_run.stdout or []:  # shown as it comes: the run takes minutes
            print(line, end="", flush=True)
            lines.append(line)
    return "".join(lines), pytest_run.returncode


def _outcomes(report: Path) -> list[tuple[str, str, bool]]:
    """(file, test name, passed) per test case of the JUnit report; a skipped case (one that
    needs PostgreSQL, on SQLite) is not counted."""
    cases = []
    for case in ElementTree.parse(report).iter("testcase"):  # noqa: S314 (our own report)
        if any(child.tag == "skipped" for child in case):
            continue
        failed = any(child.tag in ("failure", "error") for child in case)
        source = case.get("classname", "").replace(".", "/")
        cases.append((source, case.get("name", ""), not failed))
    return cases


def _passed(cases: list[tuple[str, str, bool]], module: str, name: str = "") -> tuple[int, int]:
    """(passed, total) of a module's tests whose name contains ``name``."""
    stem = Path(TESTS[module]).stem
    chosen = [ok for source, test, ok in cases if stem in source and name in test]
    return sum(chosen), len(chosen)


@dataclass(frozen=True)
class Figures:
    """One database's run, as the cells of the table."""

    attacks: str
    matrix: str
    tampering: str
    fuzz: str
    crash: str
    secrets: str


def _measure(database_url: str | None) -> tuple[Figures, int]:
    report = ROOT / "instance" / "security-figures.xml"
    report.parent.mkdir(exist_ok=True)
    output, status = _run(report, database_url)
    cases = _outcomes(report)
    attacks = _passed(cases, "attacks")
    matrix = _passed(cases, "matrix", "test_route_as_role")
    tampering = [_passed(cases, "audit", "detected"),
                 _passed(cases, "backup", "damaged_or_altered")]
    tamper_passed, tamper_total = (sum(p for p, _ in tampering), sum(t for _, t in tampering))
    fuzz = re.search(r"API fuzzing: (\d+) requests", output)
    crashes = re.findall(r"crash test \((\w+)\): cycles survived (\d+)/(\d+), acknowledged "
                         r"ballots (\d+), lost (\d+), duplicated (\d+)", output)
    secrets, fuzzing = _passed(cases, "secrets"), _passed(cases, "fuzz")
    crash_cells = "; ".join(f"{backend}: {survived}/{cycles} cycles, {acked} acknowledged "
                            f"ballots, lost {lost}, duplicated {duplicated}"
                            for backend, survived, cycles, acked, lost, duplicated in crashes)
    return Figures(
        attacks=f"{attacks[0]} of {attacks[1]} fail for the attacker",
        matrix=f"{matrix[0]} of {matrix[1]} cells as expected",
        tampering=f"{tamper_passed} of {tamper_total}",
        fuzz=(f"{fuzz.group(1) if fuzz else '?'} requests, "
              f"{'none' if fuzzing[0] == fuzzing[1] else 'FAILURES'}"),
        crash=crash_cells or "?",
        secrets="none found" if secrets[0] == secrets[1] else "FOUND",
    ), status


def main() -> int:
    args = _arguments()
    postgres = os.environ.get("COUNCIL_TEST_DATABASE_URL")
    runs = [("SQLite", None)] + ([("PostgreSQL", postgres)] if postgres else [])
    measured = [(name, *_measure(url)) for name, url in runs]
    names = [name for name, _, _ in measured]
    columns = [figures for _, figures, _ in measured]

    def row(label: str, field: str, command: str) -> str:
        cells = " | ".join(getattr(figures, field) for figures in columns)
        return f"| {label} | {cells} | {command} |"

    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}, Python "
        f"{platform.python_version()}, FUZZ_EXAMPLES={os.environ.get('FUZZ_EXAMPLES', '200')}"
        f", CRASH_CYCLES={os.environ.get('CRASH_CYCLES', '10')}; all rerun by "
        "`make security-figures` (with COUNCIL_TEST_DATABASE_URL for PostgreSQL; each line "
        "also by its own target).",
        "",
        f"| figure | {' | '.join(names)} | command |",
        f"|---|{'---|' * len(names)}---|",
        row("insiders' attacks replayed (tests/security)", "attacks",
            "`make test PYTEST_ARGS=tests/security`"),
        row("routes × roles checked (access matrix)", "matrix",
            "`make test PYTEST_ARGS=tests/council/test_access_matrix.py`"),
        row("tamper cases detected (audit chain, backup archives)", "tampering",
            "`make test PYTEST_ARGS=\"tests/council/test_audit.py tests/council/test_backup.py\"`"),
        row("API fuzz requests (schemathesis, DG and councillor), 5xx or schema violations",
            "fuzz", "`make fuzz-api`"),
        row("crash cycles survived (`kill -9` mid-vote), ballots lost / duplicated", "crash",
            "`make crash-test`"),
        row("secrets in the repository", "secrets", "`make secret-scan`"),
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_section(DOCS, SECTION, lines, "# Security and reliability")
    return max(status for _, _, status in measured)


if __name__ == "__main__":
    sys.exit(main())
