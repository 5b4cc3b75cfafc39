"""The agenda's pages, registered on the application by ``agenda.init_app``."""

from __future__ import annotations

from flask import Flask

from agenda import pseudonymise_tasks
from agenda.meetings import builder
from agenda.meetings import views as meeting_views
from agenda.reports import views as report_views
from agenda.sitting import designation_views
from agenda.sitting import views as sitting_views


def init_app(app: Flask) -> None:
    """The blueprints ``agenda``, ``builder``, ``reports``, ``live`` and ``designation``."""
    for blueprint in (meeting_views.bp, builder.bp, report_views.bp, sitting_views.bp,
                      designation_views.bp):
        app.register_blueprint(blueprint)
    pseudonymise_tasks.init_app(app)
