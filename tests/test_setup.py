"""The set-up tools of the Makefile: the lock check and the wait for the package manager."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK_LOCK = ROOT / "tools" / "check_lock.py"
APT_INSTALL = ROOT / "tools" / "apt-install"


def _check_lock(*locks: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK_LOCK), *map(str, locks)],  # noqa: S603
                          capture_output=True, text=True, check=False, timeout=60)


def test_the_environment_is_exactly_the_lock() -> None:
    """What `make install` built holds the locked version of every package and nothing else."""
    result = _check_lock()
    assert result.returncode == 0, result.stderr
    assert "each at its locked version" in result.stdout


def test_a_version_the_lock_does_not_name_fails_the_check(tmp_path: Path) -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pytest_pin = next(line for line in lock.splitlines() if line.startswith("pytest=="))
    other = tmp_path / "other.lock"
    other.write_text(lock.replace(pytest_pin, "pytest==0.0.1 \\")
                     .replace("\ntime-machine==", "\nnot-time-machine=="), encoding="utf-8")
    result = _check_lock(other)
    assert result.returncode == 1
    assert "pytest==" in result.stderr and "the lock says 0.0.1" in result.stderr
    assert "time-machine==" in result.stderr and "not in the lock" in result.stderr
    assert "not-time-machine==" in result.stderr and "not installed" in result.stderr


def test_every_locked_package_has_a_hash() -> None:
    blocks = (ROOT / "requirements.lock").read_text(encoding="utf-8").split("\n")
    pins = [i for i, line in enumerate(blocks) if "==" in line and not line.startswith("#")]
    assert len(pins) > 100
    assert all(blocks[i + 1].strip().startswith("--hash=sha256:") for i in pins)


def test_apt_install_waits_for_the_package_managers_lock_and_says_so(tmp_path: Path) -> None:
    """Another install holding apt's lock makes the step wait, with a line saying who holds it,
    instead of failing (the lock is a stand-in file; apt-get is replaced by `true`)."""
    held = tmp_path / "lock-frontend"
    held.write_text("")
    released_at: list[float] = []
    # an fcntl lock, the kind apt and dpkg take, held by another process for two seconds
    holding = ("import fcntl, sys, time\n"
               f"handle = open({str(held)!r}, 'r+'); fcntl.lockf(handle, fcntl.LOCK_EX)\n"
               "print('held', flush=True); time.sleep(2)")
    with subprocess.Popen([sys.executable, "-c", holding],  # noqa: S603
                          stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"

        def note_release() -> None:
            holder.wait()
            released_at.append(time.monotonic())

        watcher = threading.Thread(target=note_release)
        watcher.start()
        result = subprocess.run(  # noqa: S603
            [str(APT_INSTALL), "surely-not-an-installed-package"], capture_output=True,
            text=True, check=False, timeout=60,
            env={"PATH": "/usr/bin:/bin", "APT_LOCKS": str(held), "APT_GET": "true"})
        finished_at = time.monotonic()
        watcher.join()
    assert result.returncode == 0, result.stderr
    assert "installing Debian packages: surely-not-an-installed-package" in result.stdout
    assert f"waiting for the system package manager: {sys.executable}" in result.stdout
    assert f"holds {held}" in result.stdout
    assert finished_at >= released_at[0]  # it went on only once the holder let go


def test_apt_install_does_nothing_for_installed_packages() -> None:
    result = subprocess.run([str(APT_INSTALL), "dpkg"], capture_output=True,  # noqa: S603
                            text=True, check=False, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "APT_GET": "false"})
    assert (result.returncode, result.stdout) == (0, "")
