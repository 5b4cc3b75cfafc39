"""Which language a request is served in."""

from __future__ import annotations

from flask import current_app, request, session
from flask_login import current_user


def select_locale() -> str:
    """The user's saved choice, else the session's, else the browser's, else French."""
    languages = current_app.config["LANGUAGES"]
    if getattr(current_user, "is_authenticated", False):
        return current_user.language.value
    chosen = session.get("language")
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]
