"""The minutes' pages and PDF helpers, registered on the application by ``minutes.init_app``."""

from __future__ import annotations

from flask import Flask

from minutes import views as minutes_views
from minutes.notifications import views as notification_views
from minutes.pdf import register_pdf_helpers
from minutes.secrecy import views as secrecy_views
from minutes.signatures import views as signature_views


def init_app(app: Flask) -> None:
    """The blueprints ``notifications``, ``secrecy``, ``signatures`` and ``minutes``, and the
    PDF template helpers."""
    for blueprint in (notification_views.bp, secrecy_views.bp, signature_views.bp,
                      minutes_views.bp):
        app.register_blueprint(blueprint)
    register_pdf_helpers(app)
