"""Error responses: JSON ``{"error", "message"}`` under /api/, a page elsewhere; never a trace.

Refusals (``council.refusals.Refusal``, raised by the services) are mapped here and nowhere else:
``_refusal`` answers the API and any page that lets a refusal through; a page that keeps the
user on a form takes the message from ``refused`` (or ``flash_refused``)."""

from __future__ import annotations

from flask import Flask, Response, flash, jsonify, render_template, request
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from council.db import db
from council.refusals import Refusal

API_PREFIX = "/api/"


def _messages() -> dict[int, str]:
    return {
        400: gettext("The request could not be understood."),
        401: gettext("Please log in."),
        403: gettext("You do not have access to this page."),
        404: gettext("This page does not exist."),
        405: gettext("This action is not allowed here."),
        409: gettext("This action conflicts with the current state."),
        413: gettext("The file is too large."),
        415: gettext("This type of content is not accepted."),
        422: gettext("Some fields are not valid."),
        429: gettext("Too many attempts; please wait a moment."),
    }


def api_error(status: int, error: str, message: str, **extra: object) -> tuple[Response, int]:
    return jsonify({"error": error, "message": message, **extra}), status


def refused(refusal: Refusal) -> str:
    """The web's mapping of a refusal a page catches: the unit of work it interrupted is undone
    (nothing half-stored), and its message is returned for the page to show."""
    db.session.rollback()
    return refusal.message


def flash_refused(refusal: Refusal) -> None:
    """``refused``, with the message flashed as an error."""
    flash(refused(refusal), "error")


def _page(status: int, message: str | None = None) -> tuple[str, int]:
    message = message or _messages().get(status, gettext("Something went wrong."))
    return render_template("error.html", status=status, message=message), status


def _error_code(exc: HTTPException) -> str:
    return (exc.name or "error").lower().replace(" ", "_").replace("'", "")


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> tuple[Response | str, int]:
        status = exc.code or 500
        data = getattr(exc, "data", None) or {}
        if request.path.startswith(API_PREFIX):
            if "messages" in data:  # webargs validation of a request body or query
                return api_error(400, "invalid_request", gettext("Some fields are not valid."),
                                 fields=data["messages"].get("json", data["messages"]))
            message = data.get("message") or _messages().get(status, exc.description or "")
            return api_error(status, data.get("error") or _error_code(exc), message)
        if isinstance(exc, CSRFError):
            return _page(status, gettext("The form expired or was sent twice; please try again."))
        return _page(status, data.get("message"))  # a message an abort gave, e.g. input_guard

    @app.errorhandler(Refusal)
    def _refusal(refusal: Refusal) -> tuple[Response | str, int]:
        """The API's mapping of every refusal; on a page, one no view caught answers as
        ``abort(status)`` would."""
        db.session.rollback()
        if request.path.startswith(API_PREFIX):
            return api_error(refusal.status, refusal.code, refusal.message, **refusal.details)
        return _page(refusal.status)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response | str, int]:
        # Logged by Flask with its traceback; the response never shows details.
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        if request.path.startswith(API_PREFIX):
            return api_error(500, "internal_error", gettext("Something went wrong."))
        return _page(500)

