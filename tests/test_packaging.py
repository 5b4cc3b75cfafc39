"""A built wheel (a production install: pip install, then gunicorn or flask from anywhere)
carries what the application reads at run time, and serves every language."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from shutil import copytree, ignore_patterns

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "--quiet"]

# what a request and the pseudonymiser read besides code, as found in the wheel
EXPECTED = [
    "council/resources/templates/base.html",
    "council/resources/static/pdf.css",
    *(f"council/resources/translations/{language}/LC_MESSAGES/messages.mo"
      for language in ("fr", "nl", "de", "en")),
    "council/migrations/script.py.mako",
    "agenda/pseudonymise/data/first_names.txt",
    "agenda/pseudonymise/dossier.schema.json",
]

# run from a folder outside the checkout, with only the installed wheel importable as council
SERVE_LOGIN = """
import council
from council import create_app
from council.migrate import upgrade
from council.db import state
assert council.__file__.startswith(SITE), council.__file__
app = create_app({"TESTING": True})
upgrade(state(app).engine)
for language in ("fr", "nl", "de"):
    page = app.test_client().get("/login", headers={"Accept-Language": language})
    print(page.status_code, page.get_data(as_text=True).split("<h1>")[1].split("</h1>")[0])
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of the checkout, since setuptools leaves build/ in the source tree."""
    source = tmp_path_factory.mktemp("source") / "cpas-council"
    copytree(ROOT, source, ignore=ignore_patterns(
        ".git", ".venv*", "node_modules", "instance", "build", "*.egg-info", "__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([*PIP, "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist),  # noqa: S603
                    str(source)], check=True, capture_output=True, timeout=300)
    return next(dist.glob("cpas_council-*.whl"))


def test_the_wheel_carries_templates_static_files_catalogs_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in EXPECTED if name not in names] == []
    assert not any(name.endswith(".pot") for name in names)


def test_an_installed_wheel_serves_the_login_page_in_each_language(wheel: Path,
                                                                  tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run([*PIP, "install", "--no-deps", "--target", str(site), str(wheel)],  # noqa: S603
                   check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-P", "-c", f"SITE = {str(site)!r}\n{SERVE_LOGIN}"], cwd=elsewhere,
        capture_output=True, text=True, check=False, timeout=300,
        env={**os.environ, "PYTHONPATH": str(site),
             "DATABASE_URL": f"sqlite:///{tmp_path / 'council.db'}", "SECRET_KEY": "k",
             "COUNCIL_DATA_KEY": Fernet.generate_key().decode()})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["200 Se connecter", "200 Aanmelden", "200 Anmelden"]
