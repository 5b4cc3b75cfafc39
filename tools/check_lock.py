"""Fails when the Python environment holds anything the lock does not name at that version.

`make install` runs it right after installing, and `tests/test_lock.py` runs it in the suite, so
a version that pip resolved on its own (a dependency missing from the lock, a package added by
hand, a lock edited without reinstalling) stops the install path instead of going unnoticed.

Usage: python tools/check_lock.py [LOCK ...]   (default: requirements.lock)
Standard library only, apart from ``packaging`` for the lock's environment markers: it runs
in the project's virtual environment, where the lock installs ``packaging`` too.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
#: the project itself, installed in editable mode from the checkout, has no line in its lock
PROJECT = canonicalize_name("cpas-council")
PINNED = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)"
                    r"\s*(?:;\s*(?P<marker>[^\\]+?))?\s*\\?$")


def locked_versions(lock: Path) -> dict[str, str]:
    """The exact version the lock gives each package that applies to this interpreter."""
    versions: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PINNED.match(line)
        if match is None:
            continue
        marker = match["marker"]
        if marker and not Marker(marker).evaluate():
            continue
        versions[canonicalize_name(match["name"])] = match["version"]
    return versions


def installed_versions() -> dict[str, str]:
    return {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}


def differences(locked: dict[str, str], installed: dict[str, str]) -> list[str]:
    problems = []
    for name, version in sorted(installed.items()):
        if name == PROJECT:
            continue
        if name not in locked:
            problems.append(f"{name}=={version} is installed but not in the lock")
        elif locked[name] != version:
            problems.append(f"{name}=={version} is installed, the lock says {locked[name]}")
    problems.extend(f"{name}=={version} is in the lock but not installed"
                    for name, version in sorted(locked.items()) if name not in installed)
    return problems


def main(arguments: list[str]) -> int:
    locks = [Path(a) for a in arguments] or [ROOT / "requirements.lock"]
    locked: dict[str, str] = {}
    for lock in locks:
        locked.update(locked_versions(lock))
    problems = differences(locked, installed_versions())
    for problem in problems:
        print(f"lock check: {problem}", file=sys.stderr)
    if problems:
        print("lock check: the environment differs from the lock; `make clean install` rebuilds "
              "it from the lock, `make lock` refreshes the lock on purpose", file=sys.stderr)
        return 1
    print(f"lock check: {len(locked)} packages, each at its locked version")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
