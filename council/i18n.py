"""The application's languages, which one a request is served in, and the catalogs documents
are written with.

Every sentence a user reads, on a page or in a document, is a gettext message of the four
catalogs in ``translations/``: pages in the reader's language (``select_locale``), documents
(minutes, letters, draft decisions, PDFs) in their own language, under Flask-Babel's
``force_locale(language)``, or, in code that runs without Flask (``minutes.content``, the vote
sentence), with ``catalog(language)``: the same compiled catalogs.
"""

from __future__ import annotations

from functools import cache

from babel.support import Translations
from flask import current_app, request, session
from flask_babel import refresh
from flask_login import current_user

from council.resources import resource_folder

#: The languages of the application and their Babel locale: Belgian conventions for the three
#: national languages, British English for reading copies. The one definition.
BABEL_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "de": "de_BE", "en": "en_GB"}
LANGUAGES = tuple(BABEL_LOCALES)


def choose_locale_per_request() -> None:
    """Forgets the locale Flask-Babel cached on the application context: it is chosen again
    for each request (``select_locale``). Where an application context outlives one request
    (a test holding one, a command serving several), the first request's language would
    otherwise stay for every later one, whoever logs in."""
    refresh()


def select_locale() -> str:
    """The user's saved choice, else the session's, else the browser's, else French."""
    languages = current_app.config["LANGUAGES"]
    if getattr(current_user, "is_authenticated", False):
        return current_user.language.value
    chosen = session.get("language")
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]


@cache
def catalog(language: str) -> Translations:
    """The compiled catalog of ``language``, for pure code writing a document in it (no Flask
    needed): ``catalog("nl").gettext("Present")``. Raises ValueError for another language."""
    if language not in BABEL_LOCALES:
        raise ValueError(f"no language {language!r}")
    return Translations.load(str(resource_folder("translations")), [language])
