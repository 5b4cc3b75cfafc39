"""What every template may use: the access policy, enum titles, the languages."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, request
from flask_babel import get_locale
from sqlalchemy import select

from council import permissions
from council.db import db
from council.labels import organ_title, person_title, title
from council.models import Centre


def centre_language() -> str:
    """The language the centre writes its texts in (items, draft decisions, reports): pages
    mark such content with it (``lang``), so that screen readers read it right and the
    reader's language is kept for everything else. One query per request at most."""
    # kept on the request, not on ``g``: an application context may outlive a request
    cached = request.environ.get("council.centre_language")
    if cached is None:
        language = db.session.scalar(select(Centre.language).limit(1))
        cached = language.value if language is not None else "fr"
        request.environ["council.centre_language"] = cached
    return str(cached)


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.filters["label"] = title
    app.jinja_env.filters["organ"] = organ_title
    app.jinja_env.filters["person_title"] = person_title

    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {
            "can": permissions,
            "centre_language": centre_language,
            "get_locale": get_locale,
            "languages": current_app.config["LANGUAGES"],
        }
