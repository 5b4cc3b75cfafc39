"""Refuses, before any view runs, text that no view could store or parse safely, so that it is
a 400 with a clear message (in the API's error shape, or on the error page) and never a 500:

- a NUL character, in a query, a form field or a JSON string: PostgreSQL text cannot hold one
  (found by the API fuzzing, tests/council/test_api_fuzz.py, with a username of "0\\x00");
- in a JSON body, a lone surrogate (``"\\ud800abc"`` is valid JSON but no valid UTF-8 can encode
  it, so the database driver fails on it), a string longer than any the API takes, and nesting
  deeper than any request of the API needs (deep enough, Python's parser raises RecursionError).

Forms and queries cannot carry a lone surrogate: Werkzeug decodes them from UTF-8 bytes, which
cannot encode one (the bytes that would are left percent-encoded or replaced).

The JSON body is parsed once here and cached, so the view reads the same value.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, request
from flask_babel import gettext
from werkzeug.exceptions import BadRequest

NUL = "\x00"
SURROGATE = re.compile("[\ud800-\udfff]")
#: the API's deepest body is a dossier (person → addresses → address → field): far below this
MAX_JSON_DEPTH = 20
#: the API's longest string is a report's text, which the pseudonymiser caps at 1 MB of UTF-8
#: (agenda.pseudonymise.MAX_REPORT_BYTES): twice that, so that a report a little too long
#: still hears the report's own limit, and any longer string is refused here
MAX_JSON_STRING_CHARS = 2_000_000


def _form_carries_nul() -> bool:
    return any(NUL in value for values in (request.args, request.form)
               for _key, value in values.items(multi=True))


def _json_carries_nul() -> bool:
    # JSON writes NUL as the escape \u0000 (a raw NUL byte is not valid JSON); a literal
    # backslash-u-0000 in a text is refused too, which costs nothing real
    return request.is_json and b"\\u0000" in request.get_data(cache=True)


def _unstorable(value: Any) -> bool:
    """Whether a parsed JSON value nests too deeply or holds a string too long or with a lone
    surrogate (walked without recursion, so that depth itself cannot exhaust the stack)."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        current, depth = pending.pop()
        if isinstance(current, str):
            if len(current) > MAX_JSON_STRING_CHARS or SURROGATE.search(current):
                return True
            continue
        if not isinstance(current, dict | list):
            continue
        if depth > MAX_JSON_DEPTH:
            return True
        children = [*current.keys(), *current.values()] if isinstance(current, dict) else current
        pending.extend((child, depth + 1) for child in children)
    return False


def _json_is_unstorable() -> bool:
    if not request.is_json:
        return False
    try:
        value = request.get_json(silent=True)  # cached for the view
    except RecursionError:
        return True
    return _unstorable(value)


def _refusal() -> str | None:
    """Why the request cannot be taken, or None."""
    if _form_carries_nul():
        return gettext("A field holds a NUL character, which cannot be stored: remove it and "
                       "try again.")
    if _json_carries_nul() or _json_is_unstorable():
        return gettext("The request holds text that cannot be stored: a NUL character, a lone "
                       "surrogate, a text longer than %(max)d characters or data nested deeper "
                       "than %(depth)d levels.", max=MAX_JSON_STRING_CHARS, depth=MAX_JSON_DEPTH)
    return None


def register_input_guard(app: Flask) -> None:
    @app.before_request
    def _refuse_unstorable_input() -> None:
        message = _refusal()
        if message is not None:
            refused = BadRequest()
            # read by council.errors: the API's error shape, or the error page's message
            refused.data = {"error": "bad_request", "message": message}
            raise refused
