"""URL converters."""

from __future__ import annotations

from typing import Any

from werkzeug.routing import IntegerConverter, Map

#: the largest value of an INTEGER column (PostgreSQL; SQLite's is larger)
MAX_DATABASE_INTEGER = 2**31 - 1


class DatabaseIdConverter(IntegerConverter):
    """``<int:…>``: a number beyond the database's INTEGER range names nothing (404) instead of
    overflowing in the database driver (500); the OpenAPI document states the maximum."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_DATABASE_INTEGER)
        super().__init__(url_map, *args, **kwargs)
