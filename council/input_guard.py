"""Refuses, before any view runs, text that no view could store or parse safely, so that it is
a 400 and never a 500:

- a NUL character: PostgreSQL text cannot hold one (found by the API fuzzing,
  tests/council/test_api_fuzz.py, with a username of "0\\x00");
- in a JSON body, a lone surrogate (``"\\ud800abc"`` is valid JSON but no valid UTF-8 can encode
  it, so the database driver fails on it) and nesting deeper than any request of the API needs
  (deep enough, Python's parser raises RecursionError).

The JSON body is parsed once here and cached, so the view reads the same value.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, abort, request

NUL = "\x00"
SURROGATE = re.compile("[\ud800-\udfff]")
#: the API's deepest body is a dossier (person → addresses → address → field): far below this
MAX_JSON_DEPTH = 20


def _carries_nul() -> bool:
    for values in (request.args, request.form):
        if any(NUL in value for _key, value in values.items(multi=True)):
            return True
    # JSON writes NUL as the escape \u0000 (a raw NUL byte is not valid JSON); a literal
    # backslash-u-0000 in a text is refused too, which costs nothing real
    return request.is_json and b"\\u0000" in request.get_data(cache=True)


def _unstorable(value: Any) -> bool:
    """Whether a parsed JSON value nests too deeply or holds a lone surrogate (walked without
    recursion, so that depth itself cannot exhaust the stack)."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        current, depth = pending.pop()
        if isinstance(current, str):
            if SURROGATE.search(current):
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


def register_input_guard(app: Flask) -> None:
    @app.before_request
    def _refuse_unstorable_input() -> None:
        if _carries_nul() or _json_is_unstorable():
            abort(400)
