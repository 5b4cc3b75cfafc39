"""PDF documents (minutes, extracts, letters, the agenda of a convocation): HTML rendered by
WeasyPrint as PDF/A-3b. Generic and safe, for every feature (``minutes.pdf`` adds the copies and
their watermarks).

Templates extend ``templates/pdf/base.html`` and are rendered in the centre's language, not the
reader's (``render_pdf_template``). WeasyPrint only ever reads the files of ``static/`` through
``ASSETS_BASE_URL``: any other URL (``file:``, another host, a ``data:`` URL that is not a small
image) stops the rendering with ``ResourceRefused``, so a template or an injected value can never
pull a local file or call out to the network.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import unquote, urlsplit

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from flask import Flask, Response, make_response, render_template
from flask_babel import force_locale, get_locale, gettext
from markupsafe import Markup
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from council.clock import CENTRE_TIMEZONE
from council.i18n import BABEL_LOCALES, catalog
from council.resources import resource_folder

STATIC_FOLDER = resource_folder("static")
#: Relative URLs in PDF templates resolve against this prefix, which the fetcher maps onto
#: ``static/``. The ``.invalid`` domain is reserved (RFC 2606) and the fetcher never opens a
#: connection: it only reads files.
ASSETS_BASE_URL = "https://pdf-assets.invalid/static/"
_ASSETS = urlsplit(ASSETS_BASE_URL)
#: ``data:`` URLs are accepted for small raster images only (a logo, a QR code)
DATA_IMAGE_TYPES = ("image/png", "image/jpeg")
MAX_DATA_IMAGE_BYTES = 256 * 1024

class ResourceRefused(Exception):
    """A PDF template referred to something outside ``static/``; nothing was fetched."""

    def __init__(self, url: str) -> None:
        shown = url if len(url) <= 120 else url[:117] + "..."
        super().__init__(f"PDF resource refused: {shown}")
        self.url = url


class _StaticAssetsFetcher(URLFetcher):
    """Serves ``ASSETS_BASE_URL`` from ``static/`` and small inline images; refuses the rest.

    ``fail_on_errors`` makes WeasyPrint stop on a refusal instead of leaving the resource out
    with a log line, so a broken or hostile template cannot go unnoticed.
    """

    def __init__(self) -> None:
        super().__init__(fail_on_errors=True)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return _data_image(url)
        return _static_file(url)


def _static_file(url: str) -> URLFetcherResponse:
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc) != (_ASSETS.scheme, _ASSETS.netloc) or parts.query:
        raise ResourceRefused(url)
    if not parts.path.startswith(_ASSETS.path):
        raise ResourceRefused(url)
    root = STATIC_FOLDER
    path = (root / unquote(parts.path[len(_ASSETS.path):])).resolve()
    # resolve() has followed "..", encoded or not, and symbolic links
    if not path.is_relative_to(root) or not path.is_file():
        raise ResourceRefused(url)
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def _data_image(url: str) -> URLFetcherResponse:
    header, _, payload = url.partition(",")
    media_type, _, encoding = header.removeprefix("data:").partition(";")
    if media_type not in DATA_IMAGE_TYPES or encoding != "base64":
        raise ResourceRefused(url)
    if len(payload) > MAX_DATA_IMAGE_BYTES * 4 // 3 + 4:
        raise ResourceRefused(url)
    try:
        body = base64.b64decode(payload, validate=True)
    except binascii.Error:
        raise ResourceRefused(url) from None
    return URLFetcherResponse(url, body, {"Content-Type": media_type})


def _check_language(language: str) -> str:
    if language not in BABEL_LOCALES:
        raise ValueError(f"no PDF language {language!r}")
    return language


def render_pdf(html_text: str, *, language: str) -> bytes:
    """``html_text`` as a PDF/A-3b document in ``language`` with its fonts embedded.

    Raises ``ResourceRefused`` if the HTML refers to anything but ``static/`` files.
    """
    document_html = HTML(
        string=html_text, base_url=ASSETS_BASE_URL, url_fetcher=_StaticAssetsFetcher()
    )
    try:
        document = document_html.render(pdf_variant="pdf/a-3b")
        # the catalog's /Lang must be there whatever the template's <html lang>
        document.metadata.lang = _check_language(language)
        return document.write_pdf(pdf_variant="pdf/a-3b")
    except FatalURLFetchingError as error:
        refusal = error.__cause__
        if isinstance(refusal, ResourceRefused):
            raise refusal from None
        raise ResourceRefused(str(error)) from refusal


def render_pdf_template(template_name: str, *, language: str, **context: Any) -> bytes:
    """Render a template extending ``pdf/base.html`` in ``language`` and make it a PDF.

    Needs an application context; gettext, the ``pdf_*`` filters and ``page_counter_css`` all
    follow ``language`` rather than the current request's language.
    """
    with force_locale(_check_language(language)):
        text = render_template(template_name, language=language, **context)
    return render_pdf(text, language=language)


def format_date(value: date, *, language: str, format: str = "long") -> str:
    """A date as written in a PDF: "5 mars 2026", "5 maart 2026", "5. März 2026"."""
    if isinstance(value, datetime):
        value = _in_centre_time(value).date()
    return babel_dates.format_date(value, format, locale=BABEL_LOCALES[_check_language(language)])


def format_datetime(value: datetime, *, language: str) -> str:
    """A moment in the centre's time zone: "5 mars 2026 à 18:30"."""
    # a CLDR pattern: the wording between date and time differs per language
    pattern = catalog(_check_language(language)).gettext("d MMMM y 'at' HH:mm")
    return babel_dates.format_datetime(
        _in_centre_time(value), pattern, locale=BABEL_LOCALES[language]
    )


def format_amount(value: Decimal | int, *, language: str, currency: str = "EUR") -> str:
    """An amount of money: "1 234,50 €" in French, "€ 1.234,50" in Dutch."""
    return babel_numbers.format_currency(
        value, currency, locale=BABEL_LOCALES[_check_language(language)]
    )


def _in_centre_time(value: datetime) -> datetime:
    if value.tzinfo is None:
        # stored moments are aware UTC; a naive one is a bug that would print a wrong hour
        raise ValueError("a naive datetime has no place in a PDF")
    return value.astimezone(CENTRE_TIMEZONE)


def _css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot close the string or the <style> element."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;!?'-()/%" else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{escaped}"'


_COUNTER_MARK = "\x00"


def page_counter_css() -> Markup:
    """CSS ``content`` for the footer "Page 2 of 7" in the current language.

    The translated sentence is split around its placeholders, which become CSS counters, so
    translators keep the whole sentence (and its word order) in one msgid.
    """
    sentence = gettext(
        "Page %(page)s of %(pages)s",
        page=f"{_COUNTER_MARK}page{_COUNTER_MARK}",
        pages=f"{_COUNTER_MARK}pages{_COUNTER_MARK}",
    )
    pieces = sentence.split(_COUNTER_MARK)
    # even pieces are text, odd ones the counter names put in by the placeholders
    parts = [
        f"counter({piece})" if index % 2 else _css_string(piece)
        for index, piece in enumerate(pieces)
        if index % 2 or piece
    ]
    return Markup(" ".join(parts))  # noqa: S704 - every text piece went through _css_string


def _current_language() -> str:
    language = str(get_locale() or "fr").split("_")[0]
    return language if language in BABEL_LOCALES else "fr"


def _in_current_language(formatter: Callable[..., str]) -> Callable[..., str]:
    def filter_(value: Any, *args: Any, **kwargs: Any) -> str:
        return formatter(value, *args, language=_current_language(), **kwargs)

    return filter_


def register_pdf_helpers(app: Flask) -> None:
    """Filters ``pdf_date``, ``pdf_datetime``, ``pdf_amount`` and the ``page_counter_css``
    global, in the language a PDF is being rendered in (see ``render_pdf_template``)."""
    app.jinja_env.filters["pdf_date"] = _in_current_language(format_date)
    app.jinja_env.filters["pdf_datetime"] = _in_current_language(format_datetime)
    app.jinja_env.filters["pdf_amount"] = _in_current_language(format_amount)
    app.jinja_env.globals["page_counter_css"] = page_counter_css


def pdf_response(pdf: bytes, filename: str) -> Response:
    """A PDF to download, never kept by a cache."""
    response = make_response(pdf)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
