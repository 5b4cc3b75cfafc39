"""The API's blueprint under /api/v1 (contract in ../shared/CONTRACT.md), its bearer-token
authentication and the token it issues."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any, TypeVar

from flask import Response, current_app, g, request
from flask_babel import gettext
from flask_smorest import Api, Blueprint, abort

from council.api.schemas import (
    ErrorSchema,
    TokenRequestSchema,
    TokenSchema,
)
from council.db import db
from council.errors import api_error
from council.services import accounts, two_factor


class CouncilApi(Api):
    """flask-smorest's Api without its app-wide JSON error handler: web pages keep HTML errors,
    and API errors follow the contract's ``{"error", "message"}`` shape (``council.errors``).
    """

    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self) -> None:
        return None


blp = Blueprint("api", __name__, url_prefix="/api/v1",
                description="Meetings, items, attendance and votes of the CPAS organs.")

F = TypeVar("F", bound=Callable[..., Any])
BEARER = [{"bearerAuth": []}]


def token_required(view: F) -> F:
    """Authenticates ``Authorization: Bearer TOKEN``; the user is in ``g.api_user``."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        user = (accounts.user_for_token(db.session, token.strip())
                if scheme.lower() == "bearer" and token.strip() else None)
        if user is None:
            abort(401, error="unauthorized", message=gettext("A valid bearer token is required."))
        g.api_user = user
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def bearer_route(rule: str, method: str, errors: Mapping[int, str | tuple[Any, str]], *,
                 status: int = 200, schema: Any = None,
                 doc: dict[str, Any] | None = None) -> Callable[[F], F]:
    """An endpoint behind a bearer token: its route, its OpenAPI documentation (the answer
    ``status`` with ``schema``, then the 401 of every endpoint and the ``errors`` it names by
    status, each a description of an ``ErrorSchema`` answer or a ``(schema, description)``)
    and ``token_required``. Loading and refusing are the loaders' and services' refusals,
    answered by ``council.errors``."""

    def decorate(view: F) -> F:
        documented: Any = token_required(view)
        # listed from the highest status down, as decorators stacked in ascending order apply
        for code, error in sorted({401: "No valid token", **errors}.items(), reverse=True):
            error_schema, description = error if isinstance(error, tuple) else (ErrorSchema,
                                                                               error)
            documented = blp.alt_response(code, schema=error_schema,
                                          description=description)(documented)
        if schema is not None:
            documented = blp.response(status, schema)(documented)
        documented = blp.doc(security=BEARER, **(doc or {}))(documented)
        return blp.route(rule, methods=[method])(documented)  # type: ignore[no-any-return]

    return decorate


@blp.route("/token", methods=["POST"])
@blp.arguments(TokenRequestSchema)
@blp.response(200, TokenSchema)
@blp.alt_response(401, schema=ErrorSchema, description="Unknown user, wrong password, or a "
                  "one-time code missing or wrong (`invalid_credentials`: one answer for all, "
                  "so that it never tells a right password); `enrolment_required`: the "
                  "account must first set up two-factor authentication on the web")
@blp.alt_response(429, schema=ErrorSchema, description="Too many failed attempts for this "
                  "account or address; wait for the Retry-After header's seconds")
def issue_token(payload: dict[str, Any]) -> dict[str, Any] | Response:
    """Exchange a username, password and (with two-factor authentication) a one-time code or a
    recovery code for a bearer token."""
    try:
        user = two_factor.log_in(db.session, payload["username"], payload["password"],
                                 payload.get("otp"), source="api",
                                 address=request.remote_addr or "")
    except accounts.LoginThrottled as throttled:
        response, status = api_error(429, "too_many_attempts",
                                     gettext("Too many attempts; please wait a moment."))
        response.status_code = status
        response.headers["Retry-After"] = str(throttled.retry_after)
        return response
    except two_factor.EnrolmentRequired:
        abort(401, error="enrolment_required",
              message=gettext("This account must first set up two-factor authentication on "
                              "the web."))
    if user is None:
        abort(401, error="invalid_credentials",
              message=gettext("Unknown username, wrong password, or a one-time code (otp) "
                              "missing or wrong."))
    issued = accounts.issue_token(db.session, user, current_app.config["API_TOKEN_LIFETIME"])
    return {"token": issued.token, "expires_at": issued.expires_at}
