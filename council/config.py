"""Settings from the environment, with strict checks in production."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

LANGUAGES = ("fr", "nl", "de", "en")
PRODUCTION = "production"


class ConfigError(SystemExit):
    """Refuses to start; the message is printed as one line (SystemExit prints it)."""


def _instance_secret(instance_path: Path, name: str, make: Any) -> str:
    """A development secret kept in ``instance/`` so restarts keep sessions and data readable."""
    path = instance_path / name
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


def _check_data_key(value: str) -> None:
    """One or more comma-separated Fernet keys (the first encrypts, all decrypt)."""
    keys = [key.strip() for key in value.split(",") if key.strip()]
    try:
        for key in keys:
            Fernet(key.encode())
    except ValueError:
        keys = []
    if not keys:
        raise ConfigError("COUNCIL_DATA_KEY is not a valid Fernet key (32 url-safe base64-encoded "
                          "bytes; several may be separated by commas).")


def load_config(environ: Mapping[str, str], instance_path: Path) -> dict[str, Any]:
    """Builds the Flask configuration; in production, refuses to start without the keys."""
    is_production = environ.get("COUNCIL_ENV", "development") == PRODUCTION
    secret_key = environ.get("SECRET_KEY")
    data_key = environ.get("COUNCIL_DATA_KEY")
    if is_production:
        missing = [name for name, value in (("SECRET_KEY", secret_key),
                                            ("COUNCIL_DATA_KEY", data_key)) if not value]
        if missing:
            raise ConfigError(
                f"COUNCIL_ENV=production refuses to start: set {' and '.join(missing)} "
                "in the environment."
            )
        if environ.get("FLASK_DEBUG", "0") not in ("", "0", "false", "False"):
            raise ConfigError("COUNCIL_ENV=production refuses to start in debug mode: "
                              "unset FLASK_DEBUG.")
    else:
        secret_key = secret_key or _instance_secret(
            instance_path, "secret_key", lambda: secrets.token_hex(32)
        )
        data_key = data_key or _instance_secret(
            instance_path, "data.key", lambda: Fernet.generate_key().decode()
        )
    _check_data_key(data_key)
    database_url = environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'council.db'}"
    return {
        "COUNCIL_ENV": PRODUCTION if is_production else "development",
        "IS_PRODUCTION": is_production,
        "SECRET_KEY": secret_key,
        "COUNCIL_DATA_KEY": data_key,
        "DATABASE_URL": database_url,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": is_production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": is_production,
        "PERMANENT_SESSION_LIFETIME": timedelta(
            minutes=int(environ.get("COUNCIL_IDLE_MINUTES", "30"))
        ),
        "API_TOKEN_LIFETIME": timedelta(hours=int(environ.get("COUNCIL_TOKEN_HOURS", "12"))),
        "BABEL_DEFAULT_LOCALE": "fr",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Brussels",
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).resolve().parent.parent
                                             / "translations"),
        "LANGUAGES": LANGUAGES,
        "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        "API_TITLE": "CPAS deliberation manager",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
    }


def from_environment(instance_path: Path) -> dict[str, Any]:
    return load_config(os.environ, instance_path)
