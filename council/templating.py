"""What every template may use: the access policy, enum titles, the languages."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app
from flask_babel import get_locale

from council import permissions
from council.labels import organ_title, title


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.filters["label"] = title
    app.jinja_env.filters["organ"] = organ_title

    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {
            "can": permissions,
            "get_locale": get_locale,
            "languages": current_app.config["LANGUAGES"],
        }
