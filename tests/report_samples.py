"""A social report and its dossier for the report tests, and the files it can arrive in."""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any


def niss(birth: str, serial: int) -> str:
    """A valid national register number (mod-97) for a birth date YYMMDD before 2000."""
    base = f"{birth}{serial:03d}"
    return f"{base}{97 - int(base) % 97:02d}"


def iban(bban10: str) -> str:
    bban = f"{bban10}{int(bban10) % 97 or 97:02d}"
    return f"BE{98 - int(bban + '111400') % 97:02d}{bban}"


APPLICANT_NISS = niss("840312", 123)
APPLICANT_IBAN = iban("0631234567")

DOSSIER: dict[str, Any] = {
    "reference": "2026/0900",
    "language": "fr",
    "applicant": {"last_name": "Kabongo-Verhelst", "first_names": ["Mireille"],
                  "birth_date": "1984-03-12", "niss": APPLICANT_NISS, "sex": "F"},
    "address": {"street": "rue des Alouettes", "number": "14", "postcode": "7000",
                "city": "Hautrival"},
    "household": [{"last_name": "Kabongo-Verhelst", "first_names": ["Timothée"],
                   "relation": "child", "birth_date": "2016-05-02"}],
    "contacts": {"phone": "+32 470 12 34 56", "email": "mireille.kabongo@example.be",
                 "iban": APPLICANT_IBAN},
}

TEXT = (
    "RAPPORT SOCIAL\n\n"
    "Madame Mireille Kabongo-Verhelst, née le 12/03/1984, domiciliée rue des Alouettes 14 à "
    "7000 Hautrival, vit seule avec son fils Timothée.\n"
    f"Compte : {APPLICANT_IBAN}. Téléphone : +32 470 12 34 56.\n"
    "Son propriétaire, Monsieur Hector Vandeputte, réclame deux mois d'arriérés de loyer. "
    "Madame Kabongo-Verhelst est suivie par le FOREM.\n\n"
    "Proposition\n"
    "Octroi d'une aide de 450,00 € pour les arriérés de loyer.\n"
)

#: values of the dossier that must never be stored in clear or shown to councillors
IDENTITY_VALUES = ("Kabongo", "Mireille", "Timothée", APPLICANT_NISS, APPLICANT_IBAN,
                   "mireille.kabongo", "Alouettes", "470 12 34 56")

OTHER_DOSSIER: dict[str, Any] = {
    "reference": "2026/0901",
    "language": "fr",
    "applicant": {"last_name": "Wauthier", "first_names": ["Grégoire"], "sex": "M"},
}
OTHER_TEXT = (
    "RAPPORT SOCIAL\n\nMonsieur Grégoire Wauthier loue un studio. Son propriétaire, Monsieur "
    "Hector Vandeputte, refuse de réparer le chauffage.\n\n"
    "Proposition\nOctroi d'une prime d'énergie de 210,00 €.\n"
)


def dossier(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(DOSSIER)
    data.update(changes)
    return data


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(text: str) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for line in text.split("\n"):
        document.text.addElement(P(text=line))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str | None) -> bytes:
    """A one-page PDF with a text layer (Helvetica, WinAnsi); no text at all when None."""
    lines = (text or "").split("\n") if text is not None else []
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
               for line in lines]
    stream = ("BT /F1 10 Tf 40 800 Td 12 TL " + " ".join(f"({line}) '" for line in escaped)
              + " ET") if lines else "0 0 m 10 10 l S"
    content = stream.encode("cp1252", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
        b" >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A small .docx whose document.xml would unpack to 50 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 50_000_000)
    return buffer.getvalue()
