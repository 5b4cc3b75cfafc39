"""The copies of a stored PDF (minutes, extracts): the rendering itself is the kernel's
(``council.pdf``, re-exported here for the minutes' modules).

``stamp_copy`` marks the copy of a stored PDF that goes to the DG or a signer with who downloaded
it and when, as an incremental update that leaves earlier signatures valid. ``reader_copy`` makes
everyone else's copy: a new PDF of a single revision whose every page draws the reader's mark in
its own content stream, so that no earlier revision without the mark can be cut out of it.
"""

from __future__ import annotations

import html
from io import BytesIO

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer

from council.pdf import (
    ASSETS_BASE_URL,
    DATA_IMAGE_TYPES,
    MAX_DATA_IMAGE_BYTES,
    STATIC_FOLDER,
    ResourceRefused,
    format_amount,
    format_date,
    format_datetime,
    page_counter_css,
    register_pdf_helpers,
    render_pdf,
    render_pdf_template,
)

__all__ = [
    "ASSETS_BASE_URL",
    "DATA_IMAGE_TYPES",
    "MAX_DATA_IMAGE_BYTES",
    "STATIC_FOLDER",
    "ResourceRefused",
    "format_amount",
    "format_date",
    "format_datetime",
    "page_counter_css",
    "reader_copy",
    "register_pdf_helpers",
    "render_pdf",
    "render_pdf_template",
    "stamp_copy",
]

#: Annotation flags of a copy's watermark: Print (PDF/A requires it), ReadOnly, Locked,
#: LockedContents, so that viewers neither hide, move nor edit it.
_WATERMARK_FLAGS = 4 | 64 | 128 | 512


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
