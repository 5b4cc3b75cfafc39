"""`make security-figures`: the figures of docs/security.md, measured by one pytest run.

Runs the access matrix, the audit and backup tampering tests, the API fuzzing (FUZZ_EXAMPLES,
default 200 per operation and role), the crash test (CRASH_CYCLES, default 10 kills; on
PostgreSQL too when COUNCIL_TEST_DATABASE_URL is set) and the secret scan, then prints the
table and writes it into docs/security.md under "## Figures" (``--no-write`` to skip). Exit
status 1 when any of those tests failed.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from pathlib import Path

from docs_figures import machine, write_section

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "security.md"
SECTION = "## Figures"
TESTS = {
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


def _run(report: Path) -> tuple[str, int]:
    environment = {**os.environ, "FUZZ_EXAMPLES": os.environ.get("FUZZ_EXAMPLES", "200"),
                   "CRASH_CYCLES": os.environ.get("CRASH_CYCLES", "10")}
    command = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
               f"--junitxml={report}", *TESTS.values()]
    print("running:", " ".join(command[1:]), flush=True)
    lines = []
    with subprocess.Popen(command, cwd=ROOT, env=environment,  # noqa: S603 (fixed arguments)
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
                          ) as pytest_run:
        for line in pytest_run.stdout or []:  # shown as it comes: the run takes minutes
            print(line, end="", flush=True)
            lines.append(line)
    return "".join(lines), pytest_run.returncode


def _outcomes(report: Path) -> list[tuple[str, str, bool]]:
    """(file, test name, passed) per test case of the JUnit report."""
    cases = []
    for case in ElementTree.parse(report).iter("testcase"):  # noqa: S314 (our own report)
        failed = any(child.tag in ("failure", "error", "skipped") for child in case)
        source = case.get("classname", "").replace(".", "/")
        cases.append((source, case.get("name", ""), not failed))
    return cases


def _passed(cases: list[tuple[str, str, bool]], module: str, name: str = "") -> tuple[int, int]:
    """(passed, total) of a module's tests whose name contains ``name``."""
    stem = Path(TESTS[module]).stem
    chosen = [ok for source, test, ok in cases if stem in source and name in test]
    return sum(chosen), len(chosen)


def main() -> int:
    args = _arguments()
    report = ROOT / "instance" / "security-figures.xml"
    report.parent.mkdir(exist_ok=True)
    output, status = _run(report)
    cases = _outcomes(report)
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
    database = ("PostgreSQL (crash test and restores: SQLite too)"
                if os.environ.get("COUNCIL_TEST_DATABASE_URL") else "SQLite")
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}, Python "
        f"{platform.python_version()}, database "
        f"{database}"
        "; all rerun by `make security-figures` (each line also by its own target).",
        "",
        "| figure | value | command |",
        "|---|---|---|",
        f"| routes × roles checked (access matrix) | {matrix[0]} of {matrix[1]} cells as "
        "expected | `make test PYTEST_ARGS=tests/council/test_access_matrix.py` |",
        f"| tamper cases detected (audit chain, backup archives) | {tamper_passed} of "
        f"{tamper_total} | `make test PYTEST_ARGS=\"tests/council/test_audit.py "
        "tests/council/test_backup.py\"` |",
        f"| API fuzz requests (schemathesis, DG and councillor), 5xx or schema violations | "
        f"{fuzz.group(1) if fuzz else '?'} requests, "
        f"{'none' if fuzzing[0] == fuzzing[1] else 'FAILURES'} | `make fuzz-api` |",
        f"| crash cycles survived (`kill -9` mid-vote), ballots lost / duplicated | "
        f"{crash_cells or '?'} | `make crash-test` |",
        f"| secrets in the repository | {'none found' if secrets[0] == secrets[1] else 'FOUND'}"
        " | `make secret-scan` |",
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_section(DOCS, SECTION, lines, "# Security and reliability")
    return status


if __name__ == "__main__":
    sys.exit(main())
