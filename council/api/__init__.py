"""The HTTP API under /api/v1 (contract in ../shared/CONTRACT.md), bearer-token authenticated:
one module per resource, all on the blueprint of ``council.api.base``."""

from __future__ import annotations

from flask import Flask

from council.api import (
    decisions,  # noqa: F401 (GET /decisions, POST /items/{id}/decision-revisions)
    designations,  # noqa: F401 (designation candidates and ballots)
    meetings,  # noqa: F401 (GET /meetings, /meetings/{id}, /items/{id})
    minutes,  # noqa: F401 (GET /meetings/{id}/minutes.pdf)
    reports,  # noqa: F401 (adds POST /reports to blp)
    secrecy,  # noqa: F401 (POST /secrecy/requests/{id}/decision)
    session,  # noqa: F401 (attendance, recusal, poll, ballot, close)
    sitting,  # noqa: F401 (open and close the sitting, roll call, next item)
)
from council.api.base import CouncilApi, blp
from council.extensions import csrf


def register_api(app: Flask) -> None:
    api = CouncilApi(app)
    csrf.exempt(blp)  # bearer tokens, not cookies: no cross-site request can carry them
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    api.register_blueprint(blp)
