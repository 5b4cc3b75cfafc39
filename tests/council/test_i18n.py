"""The four catalogs are complete and current; pages come out in the chosen language."""

from __future__ import annotations

import re
import subprocess
import sys
from gettext import GNUTranslations
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from flask.testing import FlaskClient

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("fr", "nl", "de", "en")
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
        if isinstance(message.id, tuple):
            for index, string in enumerate(message.string):
                expected[(message.id[0], index)] = string
        else:
            expected[message.id] = message.string
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
