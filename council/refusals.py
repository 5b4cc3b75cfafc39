"""The one convention for "refused by a rule": services raise a ``Refusal``, nothing is stored.

A refusal carries a ``code`` for machines, a translated ``message`` for people and the HTTP
``status`` the API answers with. ``council.errors`` maps it, in one place for the web and one
for the API: an API call answers ``{"error": code, "message": message}`` (with the refusal's
``details``, e.g. the quorum figures) and the status; a page flashes the message or shows it
in its form (``council.errors.refused``), and a refusal no view catches answers the error page
of its status, as ``abort(status)`` would. Each feature subclasses ``Refusal`` for its use cases
(``AgendaError``, ``SessionError``, ``SecrecyError``, …), with a ``NotAllowed`` where the actor
may not act. The pure rules of ``council/rules/`` keep their own ``RuleError`` (no Flask there).
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext


class Refusal(Exception):
    """A use case refused by a rule; ``str(refusal)`` is the message for the user."""

    #: names the rule for machines (the API's ``error``); a class default, or given per refusal
    code = "refused"
    #: the API's status for this refusal (a page may show it with another one)
    status = 400

    def __init__(self, message: str, *, code: str | None = None, **details: Any) -> None:
        super().__init__(str(message))
        self.message = str(message)
        if code is not None:
            self.code = code
        #: figures the API adds to its answer (JSON values)
        self.details = details


class Denied(Refusal):
    """The actor may not open this (``council.permissions`` says no), and may know it exists."""

    code = "forbidden"
    status = 403

    def __init__(self, message: str | None = None, *, code: str | None = None) -> None:
        super().__init__(message or gettext("You do not have access to this page."), code=code)


class NotFound(Refusal):
    """No such object, or not one the actor may see: existence itself is confidential."""

    code = "not_found"
    status = 404

    def __init__(self, message: str | None = None, *, code: str | None = None) -> None:
        super().__init__(message or gettext("This page does not exist."), code=code)


class CodedRefusal(Refusal):
    """A refusal written ``(code, message)``, the code naming the rule for each raise."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message, code=code, **details)



def require(allowed: bool, message: str | None = None) -> None:
    """``Denied`` unless ``allowed``: a page or the API asking ``council.permissions`` about an
    action on an object its loader already gave (``require(permissions.can_…(user, obj))``)."""
    if not allowed:
        raise Denied(message)
