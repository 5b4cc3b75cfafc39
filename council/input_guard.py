"""Refuses requests carrying a NUL character in their text: PostgreSQL text cannot hold one, so
it would otherwise fail in the database (a 500) instead of being refused (a 400). Found by
the API fuzzing (tests/council/test_api_fuzz.py) with a username of "0\\x00"."""

from __future__ import annotations

from flask import Flask, abort, request

NUL = "\x00"


def _carries_nul() -> bool:
    for values in (request.args, request.form):
        if any(NUL in value for _key, value in values.items(multi=True)):
            return True
    # JSON writes NUL as the escape \u0000 (a raw NUL byte is not valid JSON); a literal
    # backslash-u-0000 in a text is refused too, which costs nothing real
    return request.is_json and b"\\u0000" in request.get_data(cache=True)


def register_input_guard(app: Flask) -> None:
    @app.before_request
    def _refuse_nul_characters() -> None:
        if _carries_nul():
            abort(400)
