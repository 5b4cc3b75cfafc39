"""PDF documents (minutes, extracts, letters): HTML rendered by WeasyPrint as PDF/A-3b.

Templates extend ``templates/pdf/base.html`` and are rendered in the centre's language, not the
reader's (``render_pdf_template``). WeasyPrint only ever reads the files of ``static/`` through
``ASSETS_BASE_URL``: any other URL (``file:``, another host, a ``data:`` URL that is not a small
image) stops the rendering with ``ResourceRefused``, so a template or an injected value can never
pull a local file or call out to the network.

``stamp_copy`` marks the copy of a stored PDF that goes to the DG or a signer with who downloaded
it and when, as an incremental update that leaves earlier signatures valid. ``reader_copy`` makes
everyone else's copy: a new PDF of a single revision whose every page draws the reader's mark in
its own content stream, so that no earlier revision without the mark can be cut out of it.
"""

from __future__ import annotations

import base64
import binascii
import html
import mimetypes
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import Any
from urllib.parse import unquote, urlsplit

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from flask import Flask, render_template
from flask_babel import force_locale, get_locale, gettext
from markupsafe import Markup
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer
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

#: Annotation flags of a copy's watermark: Print (PDF/A requires it), ReadOnly, Locked,
#: LockedContents, so that viewers neither hide, move nor edit it.
_WATERMARK_FLAGS = 4 | 64 | 128 | 512


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


# --- Per-download watermark -----------------------------------------------------------------

_WATERMARK_LINES = 10
_WATERMARK_PAGE = """<!doctype html>
<html lang="und"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 0; background: transparent; }}
html, body {{ margin: 0; }}
/* a box larger than the page, centred on it and turned along the diagonal */
.marks {{
  position: absolute; top: 8.5mm; left: -85mm; width: 380mm; height: 280mm;
  transform: rotate(-55deg); overflow: hidden;
  font: 12pt "DejaVu Sans", sans-serif; color: #555; opacity: 0.5;
  white-space: nowrap; line-height: 1.3;
}}
.marks p {{ margin: 0 0 22mm; }}
.marks p:nth-child(even) {{ margin-left: -60mm; }}
/* once more, level and legible, in the top margin above the running header */
.edge {{
  position: absolute; top: 3mm; left: 10mm; right: 10mm; margin: 0;
  font: 7pt "DejaVu Sans", sans-serif; color: #333; text-align: center;
}}
</style></head><body><p class="edge">{edge}</p><div class="marks">{lines}</div></body></html>
"""


def _watermark_overlay(text: str) -> bytes:
    """One transparent A4 page with ``text`` once across the top margin and repeated
    diagonally, fonts embedded by WeasyPrint."""
    # long enough lines that the turned box is covered whatever the length of the text
    paragraph = "<p>" + "   ·   ".join([html.escape(text)] * 4) + "</p>"
    return render_pdf(_WATERMARK_PAGE.format(lines=paragraph * _WATERMARK_LINES,
                                             edge=html.escape(text)), language="en")


def stamp_copy(pdf: bytes, text: str) -> bytes:
    """``pdf`` with ``text`` (who downloaded it, when, the confidentiality notice) across every
    page, added as an incremental update: one read-only stamp annotation per page showing the
    same form XObject. The signed revisions are left byte for byte, so signatures stay valid.
    """
    if not text.strip():
        raise ValueError("a copy's watermark cannot be empty")
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    overlay = PdfFileReader(BytesIO(_watermark_overlay(text)))
    appearance = writer.import_page_as_xobject(overlay, 0)
    page_count = int(writer.root["/Pages"]["/Count"])
    for page_index in range(page_count):
        page_ref = writer.find_page_for_modification(page_index)[0]
        page = page_ref.get_object()
        annotation = generic.DictionaryObject({
            pdf_name("/Type"): pdf_name("/Annot"),
            pdf_name("/Subtype"): pdf_name("/Stamp"),
            pdf_name("/Rect"): generic.ArrayObject(
                generic.FloatObject(float(edge)) for edge in page["/MediaBox"]
            ),
            pdf_name("/F"): generic.NumberObject(_WATERMARK_FLAGS),
            pdf_name("/P"): page_ref,
            pdf_name("/Contents"): generic.TextStringObject(text),
            pdf_name("/AP"): generic.DictionaryObject({pdf_name("/N"): appearance}),
        })
        writer.register_annotation(page_ref, writer.add_object(annotation))
    output = BytesIO()
    writer.write(output)
    return output.getvalue()


# --- A reader's copy: one revision, the mark in every page's content -----------------------

#: the name under which a reader's copy draws its mark; the prefix keeps it apart from the
#: names WeasyPrint gives its own resources
_MARK_NAME = "/CouncilCopyMark"
_STATEMENT_NAME = "/CouncilCopyStatement"
#: what only the signed original carries: its signature fields, their permissions and the
#: validation data of their certificates
_SIGNATURE_ENTRIES = ("/AcroForm", "/Perms", "/DSS")


def reader_copy(pdf: bytes, text: str, *, statement: bytes) -> bytes:
    """A new PDF for a reader who is not a signer: the pages of ``pdf`` as it stands, each
    drawing ``text`` (who, when, which copy) in its own content stream, then the pages of
    ``statement`` marked the same way.

    The result is written afresh as a single revision holding only what its pages show: no
    earlier revision, no signature, no form field and no unmarked page content of ``pdf`` is
    left in it, so cutting it at an ``%%EOF`` or dropping an update cannot remove the mark.
    """
    if not text.strip():
        raise ValueError("a copy's mark cannot be empty")
    # the marks are added to the original as one more revision, then only the objects that
    # revision reaches are copied into a new file: the replaced content streams, the signature
    # dictionaries and every older revision stay behind
    marked = IncrementalPdfFileWriter(BytesIO(pdf))
    mark = marked.import_page_as_xobject(PdfFileReader(BytesIO(_watermark_overlay(text))), 0)
    for page_index in range(int(marked.root["/Pages"]["/Count"])):
        page_ref, resources = marked.find_page_for_modification(page_index)
        _draw_mark(marked, page_ref, resources, mark)
    statement_reader = PdfFileReader(BytesIO(statement))
    for page_index in range(int(statement_reader.root["/Pages"]["/Count"])):
        _append_statement_page(marked, statement_reader, page_index, mark)
    for entry in _SIGNATURE_ENTRIES:
        marked.root.pop(entry, None)
    marked.update_root()
    with_marks = BytesIO()
    marked.write(with_marks)
    rewritten = copy_into_new_writer(PdfFileReader(with_marks))
    output = BytesIO()
    rewritten.write(output)
    return output.getvalue()


def _draw_mark(writer: IncrementalPdfFileWriter, page_ref: generic.IndirectObject,
               resources: generic.PdfObject, mark: generic.IndirectObject) -> None:
    """Replace the page's content by one stream: its former content, then the mark on top.
    Of the annotations only links stay: signature widgets leave with the signatures, and no
    other annotation may lay anything over the mark."""
    page = page_ref.get_object()
    contents = page["/Contents"]
    parts = contents if isinstance(contents, generic.ArrayObject) else [contents]
    content = b"".join(part.get_object().data for part in parts)
    page[pdf_name("/Contents")] = _content_stream(
        writer, b"q\n" + content + b"\nQ\nq " + _MARK_NAME.encode() + b" Do Q\n")
    page[pdf_name("/Resources")] = _with_xobjects(resources, {_MARK_NAME: mark})
    if "/Annots" in page:
        page[pdf_name("/Annots")] = generic.ArrayObject(
            annotation for annotation in page["/Annots"]
            if annotation.get_object().get("/Subtype") == "/Link")
    writer.mark_update(page_ref)


def _append_statement_page(writer: IncrementalPdfFileWriter, statement: PdfFileReader,
                           page_index: int, mark: generic.IndirectObject) -> None:
    source = statement.find_page_for_modification(page_index)[0].get_object()
    page = generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/Page"),
        pdf_name("/MediaBox"): generic.ArrayObject(
            generic.FloatObject(float(edge)) for edge in source["/MediaBox"]),
        pdf_name("/Resources"): _with_xobjects(generic.DictionaryObject(), {
            _STATEMENT_NAME: writer.import_page_as_xobject(statement, page_index),
            _MARK_NAME: mark,
        }),
        pdf_name("/Contents"): _content_stream(writer, (
            f"q {_STATEMENT_NAME} Do Q\nq {_MARK_NAME} Do Q\n").encode()),
    })
    writer.insert_page(page)


def _content_stream(writer: IncrementalPdfFileWriter, data: bytes) -> generic.IndirectObject:
    stream = generic.StreamObject(stream_data=data)
    stream.compress()
    return writer.add_object(stream)


def _with_xobjects(resources: generic.PdfObject,
                   xobjects: dict[str, generic.IndirectObject]) -> generic.DictionaryObject:
    """A copy of ``resources`` (possibly inherited or shared by other pages) with ``xobjects``
    added to its form XObjects."""
    resources = resources.get_object()
    updated = generic.DictionaryObject(resources)
    existing = resources.get("/XObject")  # dict.get: the entry as stored, maybe indirect
    named = generic.DictionaryObject(existing.get_object() if existing is not None else None)
    named.update((pdf_name(name), xobject) for name, xobject in xobjects.items())
    updated[pdf_name("/XObject")] = named
    return updated
