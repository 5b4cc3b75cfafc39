"""The application factory, the composition root: the kernel's extensions and pages, then each
feature registers its own (``agenda.init_app``, ``minutes.init_app``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

import agenda
import minutes
from council import audit_views, auth, errors, job_views, settings_views, views
from council.api import register_api
from council.cli import register_commands
from council.config import from_environment
from council.converters import DatabaseIdConverter
from council.db import db
from council.extensions import babel, csrf, login_manager
from council.i18n import choose_locale_per_request, select_locale
from council.input_guard import register_input_guard
from council.pictures import register_chart_helpers
from council.queue import init_queue
from council.resources import CHECKOUT, resource_folder
from council.security_headers import register_security_headers
from council.services import jobs
from council.templating import register_template_helpers


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(
        "council",
        template_folder=str(resource_folder("templates")),
        static_folder=str(resource_folder("static")),
        instance_path=str(CHECKOUT / "instance"),
    )
    app.url_map.converters["int"] = DatabaseIdConverter
    app.config.update(from_environment(Path(app.instance_path)))
    app.config.update(overrides or {})
    if app.config["IS_PRODUCTION"]:
        app.debug = False
    if app.config["COUNCIL_TRUSTED_PROXIES"]:
        # Behind N reverse proxies, remote_addr (login throttling) is the client's address.
        proxies = app.config["COUNCIL_TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies)  # type: ignore[method-assign]

    db.init_app(app)
    jobs.declare_actor(init_queue(app))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(choose_locale_per_request)
    login_manager.init_app(app)

    for blueprint in (auth.bp, views.bp, job_views.bp, audit_views.bp, settings_views.bp):
        app.register_blueprint(blueprint)
    agenda.init_app(app)
    minutes.init_app(app)
    register_api(app)
    errors.register_error_handlers(app)
    register_template_helpers(app)
    register_chart_helpers(app)
    register_security_headers(app)
    register_input_guard(app)
    register_commands(app)
    return app
