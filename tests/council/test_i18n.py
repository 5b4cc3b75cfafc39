"""The four catalogs are complete and current; pages come out in the chosen language; the
languages are defined once and documents speak through the catalogs, not phrase tables."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from gettext import GNUTranslations
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from flask.testing import FlaskClient

from council.i18n import BABEL_LOCALES, LANGUAGES, catalog
from council.models import Language

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("council", "agenda", "minutes")
#: the pseudonymiser (no Flask, no catalogs) keeps its language data: the words it recognises
#: and the pseudonyms it writes, declined by grammar ("mit dem Kind"), are not sentences to
#: translate
PSEUDONYMISER = "agenda/pseudonymise/"
NATIONAL = {"fr", "nl", "de"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """What the code and templates ask for today."""
    output = tmp_path_factory.mktemp("i18n") / "messages.pot"
    subprocess.run(  # noqa: S603 (fixed arguments)
        [str(Path(sys.executable).parent / "pybabel"), "extract", "--no-location", "-F",
         "babel.cfg", "-k", "_l", "-k", "lazy_gettext", "-o", str(output), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    return _catalog(output)


def _ids(message: object) -> tuple[str, ...]:
    ident = message.id  # type: ignore[attr-defined]
    return tuple(ident) if isinstance(ident, tuple) else (ident,)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language: str, extracted: Catalog) -> None:
    catalog = _catalog(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po")
    missing = [m.id for m in extracted if m.id and m.id not in catalog]
    assert missing == [], "run `make extract-messages` and translate"
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {message.id!r}"
        assert not message.fuzzy, f"fuzzy: {message.id!r}"
        wanted = set(PLACEHOLDER.findall(_ids(message)[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) <= wanted | {"%(num)d"}, message.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_its_source(language: str) -> None:
    """The .mo files are committed, so that an install without a build step (pip install,
    flask commands, gunicorn) serves every language; each must say what its .po says."""
    folder = ROOT / "translations" / language / "LC_MESSAGES"
    with (folder / "messages.mo").open("rb") as handle:
        compiled = GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    source = _catalog(folder / "messages.po")
    expected: dict[object, str] = {}
    for message in source:
        if not message.id or message.fuzzy:
            continue
        # a message with a context (pgettext) is compiled as "context\x04msgid"
        prefix = f"{message.context}\x04" if message.context else ""
        if isinstance(message.id, tuple):
            for index, string in enumerate(message.string):
                expected[(prefix + message.id[0], index)] = string
        else:
            expected[prefix + message.id] = message.string
    header = compiled.pop("")
    differing = sorted(str(key) for key in expected.keys() | compiled.keys()
                       if expected.get(key) != compiled.get(key))
    assert differing == [], "run `make translations` and commit the .mo files"
    assert f"Language: {language}" in header


def test_english_catalog_is_the_source_text() -> None:
    """English is the language of the msgids; the catalog exists so the choice is explicit."""
    catalog = _catalog(ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po")
    for message in catalog:
        if message.id:
            assert (message.string if isinstance(message.string, tuple) else (message.string,)) \
                == _ids(message), message.id


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "Composition du conseil"),
    ("nl", "Samenstelling van de raad"),
    ("de", "Zusammensetzung des Rates"),
    ("en", "Composition of the council"),
])
def test_composition_page_in_each_language(client: FlaskClient, auth, language: str,
                                           expected: str) -> None:
    auth.login("dg")
    auth.use_language(language)
    page = client.get("/composition").get_data(as_text=True)
    assert f'lang="{language}"' in page
    assert expected in page


def _modules() -> list[tuple[str, ast.AST]]:
    return [(str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8")))
            for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))]


def _strings(nodes: list[ast.expr | None]) -> set[str]:
    return {node.value for node in nodes
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_no_phrase_table_beside_the_catalogs() -> None:
    """A dict keyed by two or more of "fr", "nl", "de" is a phrase table: its sentences belong
    in the catalogs, where translators see every word (gettext under ``force_locale``, or
    ``council.i18n.catalog`` in pure code). council/i18n.py maps the languages to locales."""
    tables = [f"{path}:{node.lineno}" for path, tree in _modules()
              if not path.startswith(PSEUDONYMISER) and path != "council/i18n.py"
              for node in ast.walk(tree)
              if isinstance(node, ast.Dict) and len(_strings(node.keys) & NATIONAL) >= 2]
    assert tables == []


def test_the_languages_are_defined_once() -> None:
    """Only council/i18n.py lists the application's languages or their Babel locales; the
    stored Language enum follows it."""
    locale = re.compile(r"^[a-z]{2}_[A-Z]{2}$")
    elsewhere = [
        f"{path}:{node.lineno}" for path, tree in _modules() if path != "council/i18n.py"
        for node in ast.walk(tree)
        if (isinstance(node, ast.Tuple | ast.List | ast.Set)
            and _strings(node.elts) >= set(LANGUAGES))
        or (isinstance(node, ast.Constant) and isinstance(node.value, str)
            and locale.match(node.value))
    ]
    assert elsewhere == []
    assert tuple(language.value for language in Language) == LANGUAGES == tuple(BABEL_LOCALES)


def test_a_document_language_outside_the_catalogs_is_refused() -> None:
    assert catalog("nl").gettext("Present") == "Aanwezig"
    with pytest.raises(ValueError, match="language"):
        catalog("xx")
