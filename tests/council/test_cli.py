"""The commands of ../shared/CONTRACT.md, run through ``flask --app council``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet
from flask import Flask
from sqlalchemy import create_engine, inspect


def _flask(*args: str, database: Path) -> subprocess.CompletedProcess[str]:
    """Runs the real ``flask --app council`` entry point in a clean environment, showing every
    warning (``-W default``: deprecations included) as a user's terminal would."""
    return subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "-W", "default", "-m", "flask", "--app", "council", *args],
        capture_output=True, text=True, check=False, timeout=120,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{database}",
             "SECRET_KEY": "k", "COUNCIL_DATA_KEY": Fernet.generate_key().decode()},
    )


def test_init_db_creates_then_upgrades_the_schema(tmp_path: Path) -> None:
    database = tmp_path / "fresh.db"
    for _ in range(2):  # a second run finds nothing to do
        result = _flask("init-db", database=database)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # no warning, from us or a dependency
    engine = create_engine(f"sqlite:///{database}")
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"centre", "member", "organ", "meeting", "agenda_item", "user_account",
            "audit_entry", "alembic_version"} <= tables


def test_seats_command_is_registered(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=[
        "seats", "--size", "9", "--group", "A=8:2127", "--group", "B=8:1988",
        "--group", "C=4:1211", "--group", "D=1:638", "--pact", "B,C"])
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    assert output["seats"] == {"A": 4, "B": 3, "C": 2, "D": 0}
    assert output["pact"]["majority"] is True


def test_seats_bad_arguments_through_flask(tmp_path: Path) -> None:
    """The real entry point: one line on stderr and exit status 2, no traceback."""
    result = _flask("seats", "--size", "11", "--group", "PS=thirteen",
                    database=tmp_path / "x.db")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
