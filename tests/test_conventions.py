"""Two conventions of docs/development.md, read from the code (``ast``):

- **one access policy**: no module outside ``council/permissions/`` compares roles (``x.role``,
  ``Role.…``); they ask a named function of ``permissions`` instead;
- **one refusal convention**: a service refuses with a ``council.refusals.Refusal``, never an
  HTTP exception; only pages (``views.py``, the agenda builder, the kernel's ``*_views.py`` and
  ``auth.py``), the API, the error handlers and the request guards speak HTTP;
- **one way to load and authorise**: no page or endpoint answers 403 or 404 itself
  (``abort(403)``, ``abort(404, …)``, ``…_or_404``): the object's loader, or
  ``council.refusals.require`` after a question to ``council.permissions``, raises ``Denied`` or
  ``NotFound``, which ``council.errors`` maps in one place.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("council", "agenda", "minutes")
#: where roles are compared: the access policy alone
ROLE_POLICY = "council/permissions/"
#: comparisons that decide no access, by module and function (none: even "is this the same
#: role" is asked of ``permissions.role_change``, which also says whether the DG must confirm)
NOT_ACCESS: set[tuple[str, str]] = set()
#: modules that answer HTTP themselves
HTTP_MODULES = ("council/api/", "council/errors.py", "council/input_guard.py", "council/auth.py")


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if not name.startswith("council/migrations/"):
                yield name, ast.parse(path.read_text(encoding="utf-8"), filename=name)


def _names_role(node: ast.expr) -> bool:
    """``x.role``, ``Role.dg``, ``getattr(x, "role", …)``."""
    if isinstance(node, ast.Attribute):
        return node.attr == "role" or (isinstance(node.value, ast.Name)
                                       and node.value.id == "Role")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id == "getattr" and len(node.args) >= 2:
        return isinstance(node.args[1], ast.Constant) and node.args[1].value == "role"
    return False


def role_comparisons(tree: ast.Module) -> list[int]:
    """Lines comparing a role (``==``, ``is``, ``in``, … with a role on either side)."""
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Compare)
            and any(_names_role(side) for side in (node.left, *node.comparators))]


def _is_http_module(name: str) -> bool:
    return (name.startswith(HTTP_MODULES) or name.endswith(("/views.py", "_views.py"))
            or name == "agenda/meetings/builder.py")


def http_exceptions(tree: ast.Module) -> list[int]:
    """Lines importing werkzeug's HTTP exceptions or an ``abort``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.module.startswith("werkzeug.exceptions") or any(
                    alias.name == "abort" for alias in node.names):
                found.append(node.lineno)
        elif isinstance(node, ast.Import) and any(
                alias.name.startswith("werkzeug.exceptions") for alias in node.names):
            found.append(node.lineno)
    return found


#: what loaders and refusals answer, never a page or an endpoint by hand
ACCESS_STATUSES = (403, 404)


def hand_written_access_answers(tree: ast.Module) -> list[int]:
    """Lines answering 403 or 404 by hand: ``abort(403)``, ``abort(404, error=…)`` (Flask or
    flask-smorest), ``x.get_or_404(…)`` and its kin."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = (node.func.id if isinstance(node.func, ast.Name)
                else node.func.attr if isinstance(node.func, ast.Attribute) else "")
        aborts = (name == "abort" and bool(node.args) and isinstance(node.args[0], ast.Constant)
                  and node.args[0].value in ACCESS_STATUSES)
        if aborts or name.endswith("_or_404"):
            found.append(node.lineno)
    return found


def _outside(tree: ast.Module, name: str) -> ast.Module:
    """``tree`` without the functions NOT_ACCESS names for module ``name``."""
    kept = [node for node in tree.body if not (
        isinstance(node, ast.FunctionDef) and (name, node.name) in NOT_ACCESS)]
    return ast.Module(body=kept, type_ignores=[])


def test_only_the_access_policy_compares_roles() -> None:
    found = {name: lines for name, tree in _modules()
             if not name.startswith(ROLE_POLICY)
             and (lines := role_comparisons(_outside(tree, name)))}
    assert found == {}, "ask a named function of council.permissions instead"


def test_services_refuse_without_http_exceptions() -> None:
    found = {name: lines for name, tree in _modules()
             if not _is_http_module(name) and (lines := http_exceptions(tree))}
    assert found == {}, "raise a council.refusals.Refusal; the pages and the API map it"


def test_pages_and_the_api_leave_403_and_404_to_the_loaders() -> None:
    found = {name: lines for name, tree in _modules()
             if (lines := hand_written_access_answers(tree))}
    assert found == {}, ("load with the object's loader, or ask council.permissions and "
                         "council.refusals.require: Denied and NotFound are mapped once")


@pytest.mark.parametrize(("source", "expected"), [
    ("if not permissions.can_view(user, item):\n    abort(403)", [2]),
    ("abort(404)", [1]),
    ("flask.abort(403)", [1]),
    ("abort(404, error='not_found', message=m)", [1]),
    ("item = AgendaItem.query.get_or_404(item_id)", [1]),
    ("item = db.first_or_404(select(AgendaItem))", [1]),
    ("abort(400)", []),
    ("abort(401, error='unauthorized')", []),
    ("require(permissions.can_view(user, item))", []),
])
def test_hand_written_access_answers_are_found(source: str, expected: list[int]) -> None:
    assert hand_written_access_answers(ast.parse(source)) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("ok = user.role is Role.dg", [1]),
    ("ok = Role.dg == role", [1]),
    ("ok = getattr(user, 'role', None) in ROLES", [1]),
    ("ok = permissions.is_dg(user)", []),
    ("role = Role(form.role.data)", []),
])
def test_role_comparisons_are_found(source: str, expected: list[int]) -> None:
    assert role_comparisons(ast.parse(source)) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("from werkzeug.exceptions import Forbidden", [1]),
    ("import werkzeug.exceptions", [1]),
    ("from flask import abort, g", [1]),
    ("from flask_smorest import abort", [1]),
    ("from flask import g", []),
])
def test_http_exceptions_are_found(source: str, expected: list[int]) -> None:
    assert http_exceptions(ast.parse(source)) == expected
