"""Settings from the environment, with strict checks in production."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

from council.i18n import LANGUAGES
from council.resources import resource_folder
from council.rules.deadlines import THIRD_CONVOCATION_CLEAR_DAYS
from council.rules.errors import RuleError
from council.rules.urgency import parse_majority

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


def _flag(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


def _switch(environ: Mapping[str, str], name: str, *, default: bool) -> bool:
    """An on/off setting; a misspelt value is refused rather than read as off."""
    value = environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
        raise ConfigError(f"{name} must be on or off (1/0, true/false, yes/no; got {value!r}).")
    return _flag(value)


TIE_RULES = ("president_decides", "rejected")


def _tie_rule(environ: Mapping[str, str], name: str, default: str) -> str:
    value = environ.get(name, default).strip() or default
    if value not in TIE_RULES:
        raise ConfigError(f"{name} must be one of {', '.join(TIE_RULES)} (got {value!r}).")
    return value


def _secret_tie_rule(environ: Mapping[str, str]) -> str:
    name = "COUNCIL_TIE_RULE_SECRET"
    value = _tie_rule(environ, name, "rejected")
    if value == "president_decides":
        raise ConfigError(f"{name}=president_decides cannot work: the president's vote in a "
                          "secret ballot is secret, so it cannot break a tie. Use 'rejected' "
                          "(the default).")
    return value


def _urgency_majority(environ: Mapping[str, str]) -> Fraction:
    name = "COUNCIL_URGENCY_MAJORITY"
    value = environ.get(name, "").strip() or "2/3"
    try:
        return parse_majority(value)
    except RuleError:
        raise ConfigError(f"{name} must be a share of the members present such as 2/3, more "
                          f"than 0 and at most 1 (got {value!r}).") from None


def _count(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "").strip() or str(default)
    if not value.isdigit():
        raise ConfigError(f"{name} must be a whole number (got {value!r}).")
    return int(value)


def _positive(environ: Mapping[str, str], name: str, default: int) -> int:
    value = _count(environ, name, default)
    if value < 1:
        raise ConfigError(f"{name} must be at least 1 (got {value}).")
    return value


def _enumerate(names: list[str]) -> str:
    return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"


def load_config(environ: Mapping[str, str], instance_path: Path) -> dict[str, Any]:
    """Builds the Flask configuration; in production, refuses to start without the keys."""
    is_production = environ.get("COUNCIL_ENV", "development") == PRODUCTION
    secret_key = environ.get("SECRET_KEY")
    data_key = environ.get("COUNCIL_DATA_KEY")
    if is_production:
        missing = [name for name, value in (("SECRET_KEY", secret_key),
                                            ("COUNCIL_DATA_KEY", data_key),
                                            ("COUNCIL_BASE_URL", environ.get("COUNCIL_BASE_URL")))
                   if not value]
        if missing:
            raise ConfigError(
                f"COUNCIL_ENV=production refuses to start: set {_enumerate(missing)} "
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
        # Login throttling (council.rules.throttle), web and API alike: failures per account and
        # per client address within the window.
        "COUNCIL_LOGIN_MAX_FAILURES": _positive(environ, "COUNCIL_LOGIN_MAX_FAILURES", 5),
        "COUNCIL_LOGIN_MAX_FAILURES_PER_ADDRESS": _positive(
            environ, "COUNCIL_LOGIN_MAX_FAILURES_PER_ADDRESS", 20),
        "COUNCIL_LOGIN_WINDOW_MINUTES": _positive(environ, "COUNCIL_LOGIN_WINDOW_MINUTES", 15),
        # Two-factor authentication (council.services.two_factor) compulsory for the DG, the
        # secretariat and councillors: on by default in production only.
        "COUNCIL_REQUIRE_2FA": _switch(environ, "COUNCIL_REQUIRE_2FA", default=is_production),
        # Minutes (minutes.content): list who voted how for open votes (DOMAIN: "may"); secret
        # ballots only ever give counts.
        "COUNCIL_MINUTES_NAME_VOTERS": _switch(environ, "COUNCIL_MINUTES_NAME_VOTERS",
                                               default=True),
        # Quorum (council.rules.quorum) [V]: off, the literal reading, the base stays the
        # members in office and a withdrawn member is absent for the item; on, the members who
        # withdrew are also taken out of the base.
        "COUNCIL_QUORUM_WITHOUT_WITHDRAWN": _switch(
            environ, "COUNCIL_QUORUM_WITHOUT_WITHDRAWN", default=False),
        # Third convocation (council.rules.deadlines) [C Brussels ROI; V Wallonia]: after two
        # convocations without quorum, the third is sent this many jours francs before.
        "COUNCIL_THIRD_CONVOCATION_CLEAR_DAYS": _count(
            environ, "COUNCIL_THIRD_CONVOCATION_CLEAR_DAYS", THIRD_CONVOCATION_CLEAR_DAYS),
        # Urgency (council.rules.urgency) [V]: the share of the members present whose votes
        # declare the urgency of an item not on the agenda (CDLD L1122-24: 2/3).
        "COUNCIL_URGENCY_MAJORITY": _urgency_majority(environ),
        # Pseudonymisation review (agenda.reports.review): undoing a replacement shows a word of
        # the original report, a re-identification; the DG may, and the secretariat only in a
        # centre where it reviews with the originals (docs/security.md).
        "COUNCIL_SECRETARIAT_SEES_ORIGINALS": _switch(
            environ, "COUNCIL_SECRETARIAT_SEES_ORIGINALS", default=False),
        # Reverse proxies in front of the app whose X-Forwarded-For is trusted (ProxyFix x_for);
        # 0: none, the client address is the peer of the socket.
        "COUNCIL_TRUSTED_PROXIES": _count(environ, "COUNCIL_TRUSTED_PROXIES", 0),
        # Dates people type (council.typed_dates): meetings, letters, consents, periods of aid
        # within this many years either side of today; births within a lifetime.
        "COUNCIL_DATE_RANGE_YEARS": _positive(environ, "COUNCIL_DATE_RANGE_YEARS", 10),
        "API_TOKEN_LIFETIME": timedelta(hours=int(environ.get("COUNCIL_TOKEN_HOURS", "12"))),
        "BABEL_DEFAULT_LOCALE": "fr",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Brussels",
        "BABEL_TRANSLATION_DIRECTORIES": str(resource_folder("translations")),
        "LANGUAGES": LANGUAGES,
        "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        "API_TITLE": "CPAS deliberation manager",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
        # Convocations by e-mail (agenda.meetings.convocation); never any file content in them.
        "COUNCIL_BASE_URL": environ.get("COUNCIL_BASE_URL", "http://127.0.0.1:5000"),
        "COUNCIL_SMTP_HOST": environ.get("COUNCIL_SMTP_HOST", "localhost"),
        "COUNCIL_SMTP_PORT": int(environ.get("COUNCIL_SMTP_PORT", "25")),
        "COUNCIL_SMTP_USER": environ.get("COUNCIL_SMTP_USER", ""),
        "COUNCIL_SMTP_PASSWORD": environ.get("COUNCIL_SMTP_PASSWORD", ""),
        "COUNCIL_SMTP_STARTTLS": _flag(environ.get("COUNCIL_SMTP_STARTTLS", "0")),
        "COUNCIL_SMTP_FROM": environ.get("COUNCIL_SMTP_FROM", "cpas@localhost"),
        "COUNCIL_MAIL_SUPPRESS": _flag(environ.get("COUNCIL_MAIL_SUPPRESS", "0")),
        # The task queue's broker (council.queue, docs/deploy.md): empty, Dramatiq's embedded
        # in-process broker (development, demo, tests: no server); redis://HOST:PORT/DB in
        # production, where `dramatiq council.worker` processes do the long work.
        "COUNCIL_QUEUE_URL": environ.get("COUNCIL_QUEUE_URL", ""),
        # The prefix of this application's keys in the broker: centres sharing one Redis each
        # have their own (their workers take only their own jobs).
        "COUNCIL_QUEUE_NAMESPACE": environ.get("COUNCIL_QUEUE_NAMESPACE", "council"),
        # How long a request waits for a pseudonymisation worker before answering 503.
        "COUNCIL_QUEUE_WAIT_SECONDS": _positive(environ, "COUNCIL_QUEUE_WAIT_SECONDS", 120),
        # A worker silent for this long (ms) is dead: its unacknowledged jobs go to another.
        "COUNCIL_QUEUE_HEARTBEAT_MS": _positive(environ, "COUNCIL_QUEUE_HEARTBEAT_MS", 60000),
        # Broker maintenance (requeueing a dead worker's jobs) on this many fetches a million.
        "COUNCIL_QUEUE_MAINTENANCE_CHANCE": _positive(
            environ, "COUNCIL_QUEUE_MAINTENANCE_CHANCE", 1000),
        # Without an SMTP server configured, development writes e-mails as .eml files here.
        "COUNCIL_MAIL_OUTBOX": (
            None if is_production or environ.get("COUNCIL_SMTP_HOST")
            else environ.get("COUNCIL_MAIL_OUTBOX", str(instance_path / "outbox"))
        ),
        # Tie rules of votes (DOMAIN.md, [V]): president_decides or rejected.
        "COUNCIL_TIE_RULE_OPEN": _tie_rule(environ, "COUNCIL_TIE_RULE_OPEN", "president_decides"),
        "COUNCIL_TIE_RULE_SECRET": _secret_tie_rule(environ),
    }


def from_environment(instance_path: Path) -> dict[str, Any]:
    return load_config(os.environ, instance_path)
