"""Error responses: JSON ``{"error", "message"}`` under /api/, a page elsewhere; never a trace."""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

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
            message = gettext("The form expired or was sent twice; please try again.")
        else:
            message = _messages().get(status, gettext("Something went wrong."))
        return render_template("error.html", status=status, message=message), status

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response | str, int]:
        # Logged by Flask with its traceback; the response never shows details.
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        if request.path.startswith(API_PREFIX):
            return api_error(500, "internal_error", gettext("Something went wrong."))
        return render_template("error.html", status=500,
                               message=gettext("Something went wrong.")), 500

