"""The safe alphabet of usernames (council.rules.usernames)."""

from __future__ import annotations

import pytest

from council.rules.usernames import is_safe, normalised


@pytest.mark.parametrize(("username", "safe"), [
    ("dg", True),
    ("councillor10", True),
    ("jean.dupont", True),
    ("marie-claire_2", True),
    ("rehearsal-dg", True),
    ("a" * 80, True),
    ("a" * 81, False),
    ("d", False),
    ("", False),
    ("dg\u0430", False),  # a Cyrillic a
    ("\u0430dmin", False),  # "аdmin": passes for admin on every screen
    ("jean dupont", False),
    ("jean\tdupont", False),
    ("dg\u200b", False),  # zero-width space
    ("dg\x00", False),
    ("dg\n", False),
    (".dg", False),
    ("-dg", False),
    ("_dg", False),
    ("dg@cpas", False),
    ("josé", False),
    ("ǅg", False),
    ("DG", False),  # not normalised
])
def test_is_safe(username: str, safe: bool) -> None:
    assert is_safe(username) is safe


def test_normalised() -> None:
    assert normalised("  Jean.Dupont ") == "jean.dupont"

