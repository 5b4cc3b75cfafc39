"""No secret in the repository (issue 6, item 10): the files git tracks or would add (tracked
and untracked, not ignored) hold no private key, no Fernet or other 32-byte key, no cloud or
chat token, and no key, certificate store or database file. Development keys live in
``instance/``, which git ignores; tests generate theirs at run time.

``make secret-scan`` runs this test alone.
"""

from __future__ import annotations

import base64
import binascii
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
}
#: url-safe base64 of 32 bytes, standing alone: a Fernet key (COUNCIL_DATA_KEY)
FERNET_KEY = re.compile(r"(?<![A-Za-z0-9_+/=-])[A-Za-z0-9_-]{43}=(?![A-Za-z0-9_+/=-])")
SECRET_FILES = re.compile(r"(?:^|/)(?:id_rsa|id_ed25519|\.env)$|\.(?:p12|pfx|key|db|sqlite3?)$")


def _repository_files() -> list[Path]:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(  # noqa: S603 (fixed arguments)
        [git, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True).stdout.decode()
    return [ROOT / name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def _is_fernet_key(candidate: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(candidate)) == 32
    except (binascii.Error, ValueError):
        return False


def findings(root: Path, files: list[Path]) -> list[str]:
    found = []
    for path in files:
        name = path.relative_to(root).as_posix()
        if SECRET_FILES.search(name):
            found.append(f"{name}: a key, certificate store or database file")
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        for kind, pattern in PATTERNS.items():
            if pattern.search(text):
                found.append(f"{name}: {kind}")
        if any(_is_fernet_key(match) for match in FERNET_KEY.findall(text)):
            found.append(f"{name}: Fernet key")
    return found


def test_the_scanner_finds_what_it_looks_for(tmp_path: Path) -> None:
    samples = {
        # built here so that this file holds no sample itself
        "config.py": f'KEY = "{base64.urlsafe_b64encode(bytes(range(32))).decode()}"\n',
        "deploy.txt": "-----BEGIN RSA PRIVATE" + " KEY-----\nMIIE\n",
        "ci.yml": "token: ghp_" + "a1" * 18 + "\n",
        "integrity.json": '"sha512-PjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=PjCKg2rh"\n',
    }
    for name, content in samples.items():
        (tmp_path / name).write_text(content)
    (tmp_path / "signer.p12").write_bytes(b"\x30\x82")
    assert findings(tmp_path, sorted(tmp_path.iterdir())) == [
        "ci.yml: GitHub token", "config.py: Fernet key", "deploy.txt: private key",
        "signer.p12: a key, certificate store or database file"]


def test_no_secret_in_the_repository() -> None:
    files = _repository_files()
    assert len(files) > 100  # the scan saw the repository, not an empty list
    assert findings(ROOT, files) == []
