"""The layers of docs/architecture.md, read from the imports (``ast``), so that the layout keeps
showing the architecture:

- the kernel (every module of ``council/`` but the composition root) imports neither ``agenda``
  nor ``minutes``;
- ``agenda`` does not import ``minutes``;
- an import inside a function says why, in a comment on its line or on the line above (an
  import placed there to dodge an import cycle is a layering problem to solve instead).

The composition root (the application factory, the API, the CLI, the demo and its data, the
home page) is the only part of ``council/`` that may import the features.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("council", "agenda", "minutes")
FEATURES = ("agenda", "minutes")
#: modules of council/ allowed to import the features (paths relative to the repository)
COMPOSITION_ROOT = (
    "council/factory.py",
    "council/api/",
    "council/cli/",
    "council/demo/",
    "council/views.py",
)


def _imported(node: ast.Import | ast.ImportFrom, package: str) -> list[str]:
    """The absolute names an import statement imports, in the module's ``package``."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        return [node.module or ""]
    base = package.split(".")[: len(package.split(".")) - node.level + 1]
    return [".".join([*base, node.module] if node.module else base)]


def _comment_lines(source: str) -> dict[int, bool]:
    """Line number → whether the line is a comment alone, for every line with a comment."""
    lines = source.splitlines()
    return {
        token.start[0]: lines[token.start[0] - 1].lstrip().startswith("#")
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }


def _imports_in_functions(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield node


def _top(name: str) -> str:
    return name.split(".")[0]


def violations(root: Path) -> list[str]:
    """Every import of the tree under ``root`` that breaks a rule, as ``path:line: why``."""
    found: list[str] = []
    for path in sorted(p for package in PACKAGES for p in (root / package).rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        source = path.read_text("utf-8")
        tree = ast.parse(source, relative)
        parts = relative.removesuffix(".py").split("/")
        package = ".".join(parts if parts[-1] == "__init__" else parts[:-1]).removesuffix(
            ".__init__")
        layer = parts[0]
        in_kernel = layer == "council" and not relative.startswith(COMPOSITION_ROOT)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for name in _imported(node, package):
                if in_kernel and _top(name) in FEATURES:
                    found.append(f"{relative}:{node.lineno}: the kernel imports {name}")
                elif layer == "agenda" and _top(name) == "minutes":
                    found.append(f"{relative}:{node.lineno}: agenda imports {name}")
        comments = _comment_lines(source)
        for node in _imports_in_functions(tree):
            lines = range(node.lineno, (node.end_lineno or node.lineno) + 1)
            if not any(line in comments for line in lines) and not comments.get(node.lineno - 1):
                found.append(f"{relative}:{node.lineno}: an import inside a function, without a "
                             "comment saying why")
    return found


def test_the_layers_hold() -> None:
    assert violations(ROOT) == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for package in PACKAGES:
        (tmp_path / package).mkdir(exist_ok=True)
    return tmp_path


@pytest.mark.parametrize("statement", [
    "from minutes.pdf import render_pdf_template",
    "import agenda.reports",
    "from agenda import reports",
])
def test_a_planted_upward_import_in_the_kernel_fails(tmp_path: Path, statement: str) -> None:
    root = _tree(tmp_path, {"council/models/meetings.py": f'"""A model."""\n{statement}\n'})
    assert violations(root) == [
        f"council/models/meetings.py:2: the kernel imports {statement.split()[1]}"]


def test_a_relative_upward_import_is_read_as_absolute(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"agenda/reports/views.py": "from ...minutes import views\n"})
    assert violations(root) == ["agenda/reports/views.py:1: agenda imports minutes"]


def test_agenda_importing_minutes_fails(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"agenda/sitting/service.py": "from minutes.content import Vote\n"})
    assert violations(root) == ["agenda/sitting/service.py:1: agenda imports minutes.content"]


def test_the_composition_root_and_minutes_may_import_the_features(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "council/factory.py": "import agenda\nimport minutes\n",
        "council/api/minutes.py": "from minutes.loading import minutes_of\n",
        "minutes/extracts.py": "from agenda.reports import report_of_item\n",
    })
    assert violations(root) == []


def test_an_import_inside_a_function_needs_a_comment_saying_why(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"agenda/meetings/views.py": (
        "def meeting():\n"
        "    from agenda.meetings.builder import staff_context\n"
        "    return staff_context\n"
        "\n"
        "def model():\n"
        "    # the 0.5 GB French model is loaded on first use, not when the app starts\n"
        "    import spacy\n"
        "    return spacy\n"
        "\n"
        "def parser():\n"
        "    import docx  # only when a DOCX arrives\n"
        "    return docx\n"
    )})
    assert violations(root) == [
        "agenda/meetings/views.py:2: an import inside a function, without a comment saying why"]
