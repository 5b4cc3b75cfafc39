"""CPAS closed-session deliberation manager: the application factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from council.config import from_environment
from council.db import db
from council.extensions import babel, csrf, login_manager
from council.i18n import select_locale
from council.resources import CHECKOUT, resource_folder


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(resource_folder("templates")),
        static_folder=str(resource_folder("static")),
        instance_path=str(CHECKOUT / "instance"),
    )
    from council.converters import DatabaseIdConverter

    app.url_map.converters["int"] = DatabaseIdConverter
    app.config.update(from_environment(Path(app.instance_path)))
    app.config.update(overrides or {})
    if app.config["IS_PRODUCTION"]:
        app.debug = False
    if app.config["COUNCIL_TRUSTED_PROXIES"]:
        # Behind N reverse proxies, remote_addr (login throttling) is the client's address.
        from werkzeug.middleware.proxy_fix import ProxyFix

        proxies = app.config["COUNCIL_TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies)  # type: ignore[method-assign]

    db.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)

    from council import auth, errors, views
    from council.api import register_api
    from council.cli import register_commands
    from council.security_headers import register_security_headers
    from council.templating import register_template_helpers

    app.register_blueprint(auth.bp)
    app.register_blueprint(views.bp)
    from agenda.views import bp as agenda_bp

    app.register_blueprint(agenda_bp)
    from agenda.builder import bp as builder_bp

    app.register_blueprint(builder_bp)
    from agenda.reports_views import bp as reports_bp

    app.register_blueprint(reports_bp)
    from agenda.live import bp as live_bp

    app.register_blueprint(live_bp)
    from council.job_views import bp as jobs_bp

    app.register_blueprint(jobs_bp)
    from minutes.notifications_views import bp as notifications_bp

    app.register_blueprint(notifications_bp)
    from council.audit_views import bp as audit_bp

    app.register_blueprint(audit_bp)
    from council.settings_views import bp as settings_bp

    app.register_blueprint(settings_bp)
    from council.secrecy_views import bp as secrecy_bp

    app.register_blueprint(secrecy_bp)
    from minutes.signatures_views import bp as signatures_bp

    app.register_blueprint(signatures_bp)
    from minutes.views import bp as minutes_bp

    app.register_blueprint(minutes_bp)
    register_api(app)
    errors.register_error_handlers(app)
    register_template_helpers(app)
    from minutes.pdf import register_pdf_helpers

    register_pdf_helpers(app)
    from council.pictures import register_chart_helpers

    register_chart_helpers(app)
    register_security_headers(app)
    from council.input_guard import register_input_guard

    register_input_guard(app)
    register_commands(app)
    return app
