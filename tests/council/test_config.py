"""Production safety: the app refuses to start without its keys, or in debug mode."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from council.config import ConfigError, load_config

KEY = Fernet.generate_key().decode()


BASE_URL = {"COUNCIL_BASE_URL": "https://cpas.example.be"}


@pytest.mark.parametrize(("environ", "missing"), [
    ({}, "SECRET_KEY, COUNCIL_DATA_KEY and COUNCIL_BASE_URL"),
    ({"SECRET_KEY": "s", **BASE_URL}, "COUNCIL_DATA_KEY"),
    ({"COUNCIL_DATA_KEY": KEY, **BASE_URL}, "SECRET_KEY"),
    ({"COUNCIL_DATA_KEY": KEY, "SECRET_KEY": "s"}, "COUNCIL_BASE_URL"),
])
def test_production_refuses_to_start_without_keys(tmp_path: Path, environ: dict[str, str],
                                                  missing: str) -> None:
    with pytest.raises(ConfigError) as refused:
        load_config({"COUNCIL_ENV": "production", **environ}, tmp_path)
    message = str(refused.value)
    assert f"set {missing} in the environment" in message
    assert "\n" not in message


def test_production_refuses_debug(tmp_path: Path) -> None:
    environ = {"COUNCIL_ENV": "production", "SECRET_KEY": "s", "COUNCIL_DATA_KEY": KEY,
               "FLASK_DEBUG": "1", **BASE_URL}
    with pytest.raises(ConfigError, match="debug"):
        load_config(environ, tmp_path)


def test_production_turns_on_strict_settings(tmp_path: Path) -> None:
    config = load_config({"COUNCIL_ENV": "production", "SECRET_KEY": "s",
                          "COUNCIL_DATA_KEY": KEY, **BASE_URL}, tmp_path)
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert not list(tmp_path.iterdir()), "production must not generate keys on disk"


def test_development_generates_and_keeps_its_keys(tmp_path: Path) -> None:
    first = load_config({}, tmp_path)
    second = load_config({}, tmp_path)
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    assert Fernet(first["COUNCIL_DATA_KEY"].encode())  # a usable key
    assert first["DATABASE_URL"] == f"sqlite:///{tmp_path / 'council.db'}"
    assert first["SESSION_COOKIE_SECURE"] is False


def test_database_url_comes_from_the_environment(tmp_path: Path) -> None:
    url = "postgresql+psycopg://council@localhost/council"
    assert load_config({"DATABASE_URL": url}, tmp_path)["DATABASE_URL"] == url


def test_refusal_is_one_line_without_traceback(tmp_path: Path) -> None:
    """What an operator sees when starting the real app without its keys."""
    result = subprocess.run(
        [sys.executable, "-c", "from council import create_app; create_app()"],
        env={"COUNCIL_ENV": "production", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=False, timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "COUNCIL_ENV=production refuses to start: set SECRET_KEY, COUNCIL_DATA_KEY and "
        "COUNCIL_BASE_URL in the environment."
    ]


@pytest.mark.parametrize("value", ["x", " , ", f"{KEY},not-a-key"])
def test_invalid_data_key_is_refused(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError, match="COUNCIL_DATA_KEY is not a valid Fernet key"):
        load_config({"SECRET_KEY": "s", "COUNCIL_DATA_KEY": value}, tmp_path)


def test_several_data_keys_are_accepted_for_rotation(tmp_path: Path) -> None:
    value = f"{Fernet.generate_key().decode()},{KEY}"
    assert load_config({"COUNCIL_DATA_KEY": value}, tmp_path)["COUNCIL_DATA_KEY"] == value


def test_development_writes_mail_to_an_outbox_unless_smtp_is_configured(tmp_path: Path) -> None:
    assert load_config({}, tmp_path)["COUNCIL_MAIL_OUTBOX"] == str(tmp_path / "outbox")
    assert load_config({"COUNCIL_SMTP_HOST": "mail.example.be"}, tmp_path)[
        "COUNCIL_MAIL_OUTBOX"] is None
    production = {"COUNCIL_ENV": "production", "SECRET_KEY": "s", "COUNCIL_DATA_KEY": KEY,
                  **BASE_URL}
    assert load_config(production, tmp_path)["COUNCIL_MAIL_OUTBOX"] is None


def test_login_throttling_settings_have_defaults(tmp_path: Path) -> None:
    config = load_config({}, tmp_path)
    assert (config["COUNCIL_LOGIN_MAX_FAILURES"], config["COUNCIL_LOGIN_MAX_FAILURES_PER_ADDRESS"],
            config["COUNCIL_LOGIN_WINDOW_MINUTES"], config["COUNCIL_TRUSTED_PROXIES"]) == (
        5, 20, 15, 0)
    config = load_config({"COUNCIL_LOGIN_MAX_FAILURES": "3", "COUNCIL_TRUSTED_PROXIES": "1"},
                         tmp_path)
    assert (config["COUNCIL_LOGIN_MAX_FAILURES"], config["COUNCIL_TRUSTED_PROXIES"]) == (3, 1)


@pytest.mark.parametrize(("name", "value"), [
    ("COUNCIL_LOGIN_MAX_FAILURES", "0"),
    ("COUNCIL_LOGIN_WINDOW_MINUTES", "-5"),
    ("COUNCIL_LOGIN_MAX_FAILURES_PER_ADDRESS", "many"),
    ("COUNCIL_TRUSTED_PROXIES", "yes"),
])
def test_invalid_throttling_settings_are_refused(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_config({name: value}, tmp_path)


def test_a_secret_tie_left_to_the_president_is_refused_at_start(tmp_path: Path) -> None:
    """The president's vote in a secret ballot is secret: it cannot break a tie (DOMAIN.md
    "Secret ballot"); the setting used to behave silently as "rejected"."""
    with pytest.raises(ConfigError, match="COUNCIL_TIE_RULE_SECRET=president_decides cannot "
                                          "work"):
        load_config({"COUNCIL_TIE_RULE_SECRET": "president_decides"}, tmp_path)
    assert load_config({"COUNCIL_TIE_RULE_OPEN": "rejected"},
                       tmp_path)["COUNCIL_TIE_RULE_SECRET"] == "rejected"


@pytest.mark.parametrize("value", ["two thirds", "0", "3/2"], ids=["words", "zero", "over-all"])
def test_an_urgency_majority_that_is_not_a_share_is_refused_at_start(tmp_path: Path,
                                                                      value: str) -> None:
    with pytest.raises(ConfigError, match="COUNCIL_URGENCY_MAJORITY must be a share"):
        load_config({"COUNCIL_URGENCY_MAJORITY": value}, tmp_path)


def test_the_law_settings_default_to_the_texts(tmp_path: Path) -> None:
    """⅔ of the members present for the urgency (CDLD L1122-24), 2 jours francs for a third
    convocation (Brussels ROI), and both can be set."""
    config = load_config({}, tmp_path)
    assert config["COUNCIL_URGENCY_MAJORITY"] == Fraction(2, 3)
    assert config["COUNCIL_THIRD_CONVOCATION_CLEAR_DAYS"] == 2
    config = load_config({"COUNCIL_URGENCY_MAJORITY": "3/4",
                          "COUNCIL_THIRD_CONVOCATION_CLEAR_DAYS": "3"}, tmp_path)
    assert config["COUNCIL_URGENCY_MAJORITY"] == Fraction(3, 4)
    assert config["COUNCIL_THIRD_CONVOCATION_CLEAR_DAYS"] == 3
