"""Reading an uploaded social report: plain text, Word (.docx), OpenDocument (.odt) or a PDF
with a text layer. Every refusal is an ``IntakeError`` with a message for the user.

Limits: ``MAX_FILE_BYTES`` per uploaded file; the text itself must fit the pseudonymiser's
``MAX_REPORT_BYTES``; a .docx or .odt (zip archives) is refused before parsing when its members
would unpack to more than ``MAX_UNPACKED_BYTES`` (zip bombs), and its members are inflated in
bounded chunks up to their stated sizes only (an understated size cannot inflate more). Text
files are read as UTF-8, then as Windows-1252 only when that decodes cleanly and looks like
text.
"""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePath

import docx
from flask_babel import gettext
from odf import teletype
from odf.opendocument import load as load_odf

from agenda.pseudonymise import MAX_REPORT_BYTES, ReportError, decode_report
from agenda.reports import pdf_text
from council.refusals import Refusal

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
FORMATS = ("txt", "docx", "odt", "pdf")
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF-"
PDF_TEXT_SCRIPT = Path(pdf_text.__file__)
#: the child's CPU limit, plus its start and time spent waiting for a core
PDF_WALL_SECONDS = pdf_text.CPU_SECONDS + 10


class IntakeError(Refusal, ValueError):
    """A report or dossier that cannot be accepted; ``str(error)`` is the user's message."""

    code = "invalid_report"


class FileTooLarge(IntakeError):
    """An uploaded file over ``MAX_FILE_BYTES``."""

    status = 413

    def __init__(self) -> None:
        super().__init__(gettext("The file is too large (limit: %(size)d MB).",
                                 size=MAX_FILE_BYTES // (1024 * 1024)))


def source_format(filename: str) -> str:
    """The format named by the file's extension, or IntakeError for any other type."""
    suffix = PurePath(filename or "").suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise IntakeError(
            gettext("This type of file is not accepted: upload a .txt, .docx, .odt or .pdf file.")
        )
    return suffix


def read_upload(filename: str, data: bytes) -> tuple[str, str]:
    """The text of an uploaded report and its format (txt, docx, odt or pdf)."""
    kind = source_format(filename)
    if not data:
        raise IntakeError(gettext("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLarge
    readers: dict[str, Callable[[bytes], str]] = {
        "txt": decode_text,
        "docx": _read_docx,
        "odt": _read_odt,
        "pdf": _read_pdf,
    }
    return check_text(readers[kind](data)), kind


def check_text(text: str) -> str:
    """A report text as the pseudonymiser takes it: not blank, not too long."""
    if not text or not text.strip():
        raise IntakeError(gettext("The report is empty."))
    if len(text.encode("utf-8")) > MAX_REPORT_BYTES:
        raise IntakeError(
            gettext("The report is too long (limit: %(size)d characters).", size=MAX_REPORT_BYTES)
        )
    return text


def decode_text(raw: bytes) -> str:
    """UTF-8 (the pseudonymiser's reader); else Windows-1252 when it decodes cleanly into
    something that looks like text; else a clear refusal."""
    if b"\x00" in raw:
        raise IntakeError(gettext("This file is not text (binary content)."))
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _legacy_text(raw)
    try:
        return decode_report(raw)
    except ReportError:
        raise IntakeError(gettext("The report is empty or too long.")) from None


def _legacy_text(raw: bytes) -> str:
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise IntakeError(
            gettext("The text is in an unknown encoding: save it as UTF-8 and try again.")
        ) from None
    if not _looks_like_text(text):
        raise IntakeError(
            gettext("The text is in an unknown encoding: save it as UTF-8 and try again.")
        )
    return text


def _looks_like_text(text: str) -> bool:
    """No control characters besides line breaks and tabs, and mostly letters and spaces."""
    if not text.strip():
        return False
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    ordinary = sum(1 for c in text if c.isalnum() or c.isspace() or c in ".,;:!?'\"()-/€%")
    return controls == 0 and ordinary / len(text) >= 0.9


def _archive(data: bytes, kind: str) -> zipfile.ZipFile:
    """The .docx/.odt archive, refused before parsing when it is not one or would unpack to
    more than MAX_UNPACKED_BYTES."""
    unreadable = IntakeError(
        gettext("This file cannot be read as a %(kind)s document.", kind=kind.upper())
    )
    if not data.startswith(_ZIP_MAGIC):
        raise unreadable
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise unreadable from None
    if unpacked > MAX_UNPACKED_BYTES or len(archive.infolist()) > 1000:
        raise IntakeError(
            gettext(
                "The document unpacks to more than %(size)d MB: refused.",
                size=MAX_UNPACKED_BYTES // (1024 * 1024),
            )
        )
    return archive


def _unpacked(archive: zipfile.ZipFile, kind: str) -> bytes:
    """The archive again, its members read in bounded chunks and stored uncompressed: a member
    whose zip directory understates its size is cut at the stated size (then fails its CRC or
    the parser) instead of being inflated whole in memory by the document reader."""
    output = io.BytesIO()
    try:
        with zipfile.ZipFile(output, "w", zipfile.ZIP_STORED) as copy:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                with archive.open(info) as member, copy.open(info.filename, "w") as target:
                    while chunk := member.read(64 * 1024):
                        target.write(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError,
            NotImplementedError):
        raise IntakeError(
            gettext("This file cannot be read as a %(kind)s document.", kind=kind.upper())
        ) from None
    return output.getvalue()


def _read_docx(data: bytes) -> str:
    archive = _archive(data, "docx")
    if "word/document.xml" not in archive.namelist():
        raise IntakeError(gettext("This file cannot be read as a %(kind)s document.", kind="DOCX"))
    data = _unpacked(archive, "docx")

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on damaged files
        raise IntakeError(
            gettext("This file cannot be read as a %(kind)s document.", kind="DOCX")
        ) from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _read_odt(data: bytes) -> str:
    archive = _archive(data, "odt")
    if "content.xml" not in archive.namelist():
        raise IntakeError(gettext("This file cannot be read as a %(kind)s document.", kind="ODT"))
    data = _unpacked(archive, "odt")

    try:
        document = load_odf(io.BytesIO(data))
        # headings and paragraphs in document order
        return "\n".join(teletype.extractText(block) for block in _odt_blocks(document.text))
    except Exception:  # odfpy raises many kinds on damaged files
        raise IntakeError(
            gettext("This file cannot be read as a %(kind)s document.", kind="ODT")
        ) from None


def _odt_blocks(node: object) -> list[object]:
    """Headings and paragraphs of an ODF body, in document order."""
    blocks: list[object] = []
    for child in getattr(node, "childNodes", []):
        if getattr(child, "qname", (None, None))[1] in ("p", "h"):
            blocks.append(child)
        else:
            blocks.extend(_odt_blocks(child))
    return blocks


def _read_pdf(data: bytes) -> str:
    if not data.startswith(_PDF_MAGIC):
        raise IntakeError(gettext("This file cannot be read as a %(kind)s document.", kind="PDF"))
    try:
        child = subprocess.run(  # noqa: S603 - our own script, the PDF on standard input
            [sys.executable, "-I", str(PDF_TEXT_SCRIPT)], input=data, capture_output=True,
            timeout=PDF_WALL_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        child = None
    if child is not None and child.returncode == pdf_text.UNREADABLE:
        raise IntakeError(gettext("This file cannot be read as a %(kind)s document.", kind="PDF"))
    if child is None or child.returncode != 0:
        raise IntakeError(gettext(
            "This PDF asks too much memory or time to read: upload the document it was made "
            "from, or save it again as a simple PDF."))
    text = child.stdout.decode("utf-8")
    if not text.strip():
        raise IntakeError(
            gettext("This PDF has no text layer (a scan?): upload the document it was made from.")
        )
    return text.replace("\x0c", "\n")
