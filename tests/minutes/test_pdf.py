"""PDF rendering: PDF/A-3b with embedded fonts, the base template, the asset fetcher that refuses
everything outside static/, Belgian formats, and the per-download watermark."""

from __future__ import annotations

import base64
import re
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO

import pytest
from flask import Flask
from flask_babel import force_locale
from pdfminer.high_level import extract_text
from pyhanko.pdf_utils.reader import PdfFileReader

from council.pdf import (
    ResourceRefused,
    _css_string,
    format_amount,
    format_date,
    format_datetime,
    page_counter_css,
    render_pdf,
    render_pdf_template,
)
from minutes.pdf import reader_copy, stamp_copy

#: a 1x1 transparent PNG
TINY_PNG = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
).decode()

SAMPLE_TEMPLATE = """{% extends "pdf/base.html" %}
{% block title %}Procès-verbal{% endblock %}
{% block running_header %}CPAS de Sambreville · CSSS · {{ held_on|pdf_date }}{% endblock %}
{% block content %}
<h1>Procès-verbal</h1>
{% for number in range(1, 90) %}<p>Point {{ number }} : aide de {{ amount|pdf_amount }}.</p>
{% endfor %}
<p>Séance levée le {{ closed_at|pdf_datetime }}.</p>
{% endblock %}
"""


def poppler(*command: str, pdf: bytes) -> bytes:
    """The output of a poppler-utils tool reading ``pdf`` on its standard input."""
    return subprocess.run(  # noqa: S603 - fixed commands from these tests
        command, input=pdf, capture_output=True, check=True
    ).stdout


def _pages(pdf: bytes) -> list[str]:
    count = len(PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Kids"])
    # Babel separates thousands and currency with no-break spaces: compare with plain ones
    return [
        re.sub(r"[^\S\n]", " ", extract_text(BytesIO(pdf), page_numbers=[index]))
        for index in range(count)
    ]


def _xmp(pdf: bytes) -> str:
    return PdfFileReader(BytesIO(pdf)).root["/Metadata"].data.decode()


def _render_sample(app: Flask, language: str, **context: object) -> bytes:
    with app.app_context():
        template = app.jinja_env.from_string(SAMPLE_TEMPLATE)
        return render_pdf_template(
            template, language=language, held_on=date(2026, 3, 5),
            amount=Decimal("1234.5"), closed_at=datetime(2026, 3, 5, 17, 40, tzinfo=UTC),
            **context,
        )


def test_pdf_is_pdf_a_3b_with_every_font_embedded_and_its_language() -> None:
    pdf = render_pdf(
        "<h1>Extrait</h1><p>Décidé à l'unanimité — « Ça » ÄÖÜß €</p>"
        "<p style='font-family: sans-serif; font-weight: bold'>x</p>",
        language="nl",
    )
    xmp = _xmp(pdf)
    assert 'pdfaid:part="3"' in xmp or "<pdfaid:part>3</pdfaid:part>" in xmp
    assert 'pdfaid:conformance="B"' in xmp or "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    root = PdfFileReader(BytesIO(pdf)).root
    assert root["/Lang"] == "nl"
    assert root["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"

    listing = poppler("pdffonts", "-", pdf=pdf).decode().splitlines()[2:]
    assert len(listing) >= 2  # serif body and bold sans
    # columns: name type encoding emb sub uni object ID
    assert all(line.split()[-5] == "yes" for line in listing), listing


def test_base_template_repeats_header_footer_notice_and_watermark_on_every_page(
    app: Flask,
) -> None:
    """The running elements are laid out by static/pdf.css, so this also shows that the
    stylesheet came through the fetcher."""
    pdf = _render_sample(
        app, "en", confidential_notice="Confidential: professional secrecy (LO art. 36)",
        watermark="DRAFT",
    )
    pages = _pages(pdf)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "CPAS de Sambreville · CSSS · 5 March 2026" in text
        assert f"Page {number} of {len(pages)}" in text
        assert "Confidential: professional secrecy (LO art. 36)" in text
        assert "DRAFT" in text
    assert "1.234,50" not in pages[0] and "€1,234.50" in pages[0]
    assert "5 March 2026 at 18:40" in pages[-1]  # 17:40 UTC is 18:40 in Brussels in March
    assert PdfFileReader(BytesIO(pdf)).trailer["/Info"]["/Title"] == "Procès-verbal"


def test_base_template_leaves_out_notice_and_watermark_unless_given(app: Flask) -> None:
    text = "".join(_pages(_render_sample(app, "fr")))
    assert "5 mars 2026" in text and "1 234,50 €" in text
    assert "DRAFT" not in text and "secrecy" not in text


@pytest.mark.parametrize(
    "html",
    [
        '<img src="file:///etc/passwd">',
        '<link rel="stylesheet" href="http://example.com/x.css">',
        '<img src="https://example.com/pixel.png">',
        '<img src="//example.com/pixel.png">',
        '<style>@import url("https://example.com/a.css");</style>',
        '<style>@font-face { font-family: x; src: url("file:///usr/share/fonts/a.ttf"); }'
        "body { font-family: x; }</style>",
        '<base href="file:///etc/"><img src="passwd">',
        '<img src="../pyproject.toml">',
        '<img src="%2e%2e/pyproject.toml">',
        '<img src="https://pdf-assets.invalid/static/../council/config.py">',
        '<img src="pdf.css?x=1">',
        '<img src="missing.png">',
        '<img src="data:text/html;base64,PGgxPng8L2gxPg==">',
        '<img src="data:image/png,rawbytes">',
        '<object data="ftp://example.com/file"></object>',
    ],
)
def test_anything_outside_static_stops_the_rendering(html: str) -> None:
    with pytest.raises(ResourceRefused):
        render_pdf(f"<p>x</p>{html}", language="fr")


def test_static_files_and_small_inline_images_are_served() -> None:
    pdf = render_pdf(
        f'<link rel="stylesheet" href="pdf.css"><img src="data:image/png;base64,{TINY_PNG}">'
        "<p>ok</p>",
        language="fr",
    )
    page = PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Kids"][0]
    xobjects = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
    images = [x for x in xobjects if x["/Subtype"] == "/Image"]
    assert [(image["/Width"], image["/Height"]) for image in images] == [(1, 1)]


def test_refusal_names_the_url() -> None:
    with pytest.raises(ResourceRefused) as refused:
        render_pdf('<img src="file:///etc/shadow">', language="fr")
    assert refused.value.url == "file:///etc/shadow"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        render_pdf("<p>x</p>", language="es")


@pytest.mark.parametrize(
    ("language", "expected_date", "expected_moment", "expected_amount"),
    [
        ("fr", "5 mars 2026", "1 juillet 2026 à 09:05", "1 234,50 €"),
        ("nl", "5 maart 2026", "1 juli 2026 om 09:05", "€ 1.234,50"),
        ("de", "5. März 2026", "1. Juli 2026 um 09:05 Uhr", "1.234,50 €"),
        ("en", "5 March 2026", "1 July 2026 at 09:05", "€1,234.50"),
    ],
)
def test_belgian_formats(language: str, expected_date: str, expected_moment: str,
                         expected_amount: str) -> None:
    # 07:05 UTC is 09:05 in Brussels in summer
    moment = datetime(2026, 7, 1, 7, 5, tzinfo=UTC)
    assert format_date(date(2026, 3, 5), language=language) == expected_date
    assert format_datetime(moment, language=language) == expected_moment
    normalised = re.sub(r"\s", " ", format_amount(Decimal("1234.50"), language=language))
    assert normalised == expected_amount


def test_date_of_a_moment_is_the_brussels_date() -> None:
    late_evening = datetime(2026, 3, 5, 23, 30, tzinfo=UTC)  # already 6 March in Brussels
    assert format_date(late_evening, language="fr") == "6 mars 2026"


def test_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        format_datetime(datetime(2026, 3, 5, 12, 0), language="fr")


def test_page_counter_css_keeps_the_sentence_around_the_counters(app: Flask) -> None:
    with app.test_request_context(), force_locale("en"):
        assert str(page_counter_css()) == '"Page " counter(page) " of " counter(pages)'


def test_css_strings_cannot_break_out_of_the_style_element() -> None:
    escaped = _css_string('Seite </style><img src=x> "quoted" \\')
    assert escaped.startswith('"') and escaped.endswith('"')
    inner = escaped[1:-1]
    assert not set(inner) & set('<>"')
    assert "\\3c " in inner and "\\22 " in inner and "\\5c " in inner


def _annotations(pdf: bytes) -> list[list[dict]]:
    reader = PdfFileReader(BytesIO(pdf))
    return [
        [annotation.get_object() for annotation in page.get_object().get("/Annots", [])]
        for page in reader.root["/Pages"]["/Kids"]
    ]


def test_stamp_copy_adds_a_read_only_printed_watermark_to_every_page(app: Flask) -> None:
    original = _render_sample(app, "fr")
    text = "Copie de Anne Dubois — 22/11/2026 20:15 — Confidentiel (LO art. 36)"
    copy = stamp_copy(original, text)

    assert copy.startswith(original)  # an incremental update: the original bytes are untouched
    pages = _annotations(copy)
    assert len(pages) == len(_annotations(original)) >= 2
    for page_annotations in pages:
        stamps = [a for a in page_annotations if a["/Subtype"] == "/Stamp"]
        assert len(stamps) == 1
        stamp = stamps[0]
        assert stamp["/Contents"] == text
        assert stamp["/F"] & 4 and stamp["/F"] & 64  # printed, read-only
        appearance = stamp["/AP"]["/N"]
        fonts = appearance["/Resources"]["/Font"]
        assert all("/FontFile2" in font["/DescendantFonts"][0]["/FontDescriptor"]
                   for font in (f.get_object() for f in fonts.values()))
    # and a viewer draws it: poppler's rendering of the copy differs from the original's
    before, after = _raster(original), _raster(copy)
    assert len(before) == len(after)
    changed = sum(1 for old, new in zip(before, after, strict=True) if old != new)
    assert changed > len(before) // 50


def _raster(pdf: bytes) -> bytes:
    """The first page as grey pixels at 20 dpi (PGM without its header)."""
    pgm = poppler("pdftoppm", "-gray", "-r", "20", "-f", "1", "-l", "1", "-", pdf=pdf)
    return pgm.split(b"\n", 3)[3]


def test_stamp_copy_needs_a_text(app: Flask) -> None:
    with pytest.raises(ValueError, match="empty"):
        stamp_copy(render_pdf("<p>x</p>", language="fr"), "  ")


def test_reader_copy_rewrites_the_pages_with_the_mark_in_their_content(app: Flask) -> None:
    stamped = stamp_copy(_render_sample(app, "fr"), "Older stamp of someone else")
    statement = render_pdf("<p>Statement of the original</p>", language="fr")
    mark = "Copy 7QK2-XD4M for Anne Dubois"
    copy = reader_copy(stamped, mark, statement=statement)

    reader = PdfFileReader(BytesIO(copy))
    assert reader.xrefs.total_revisions == 1 and copy.count(b"%%EOF") == 1
    pages = _annotations(copy)
    assert len(pages) == len(_annotations(stamped)) + 1  # the statement comes last
    assert all(a["/Subtype"] == "/Link" for annotations in pages for a in annotations)
    texts = [" ".join(extract_text(BytesIO(copy), page_numbers=[index]).split())
             for index in range(len(pages))]
    assert all(mark in text for text in texts)
    assert "Statement of the original" in texts[-1]
    assert not any("Older stamp" in text for text in texts)
    # and a viewer draws the mark: poppler's rendering differs from the stamped input's
    assert _raster(copy) != _raster(stamped)


def test_reader_copy_needs_a_mark(app: Flask) -> None:
    pdf = render_pdf("<p>x</p>", language="fr")
    with pytest.raises(ValueError, match="empty"):
        reader_copy(pdf, " ", statement=pdf)
