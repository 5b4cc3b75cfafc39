"""Signed documents show who signed, in which capacity and when (issue 16, item 5): each
signature is drawn in the box its document reserved for the capacity, and stays valid."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from signing_support import PASSPHRASES, decide_item, stored_state
from sqlalchemy.orm import Session
from support import PASSWORDS, user_named

from council.models import SignatureCapacity
from minutes import extracts
from minutes.signatures import service as signatures
from minutes.signatures.signing import SIGNATURE_BOX_POINTS


def _widgets(pdf: bytes) -> dict[str, Any]:
    """The signature fields' widgets by field name, with their page and rectangle."""
    reader = PdfFileReader(BytesIO(pdf))
    found = {}
    for index in range(len(reader.root["/Pages"]["/Kids"])):
        page = reader.root["/Pages"]["/Kids"][index]
        for reference in page.get("/Annots", []):
            annotation = reference.get_object()
            if annotation.get("/FT") == "/Sig":
                found[str(annotation["/T"])] = (index, [float(v) for v in annotation["/Rect"]],
                                                annotation.get("/AP"))
    return found


def test_each_signature_is_drawn_in_its_box(session: Session, demo: Any) -> None:
    item = decide_item(session, demo.csss_item_id)
    extract = extracts.make_extract(session, item.id, actor=user_named(session, "dg"))
    for username, capacity in (("president", SignatureCapacity.president),
                               ("dg", SignatureCapacity.director_general)):
        signatures.sign_document(session, extract.document_id,
                                 actor=user_named(session, username), capacity=capacity,
                                 passphrase=PASSPHRASES[username], password=PASSWORDS[username])
    pdf = stored_state(session, extract.document_id)[0]
    widgets = _widgets(pdf)
    assert set(widgets) == {"Signature_president", "Signature_director_general"}
    (page_1, rect_1, ap_1), (page_2, rect_2, ap_2) = widgets.values()
    width, height = SIGNATURE_BOX_POINTS
    for rect, appearance in ((rect_1, ap_1), (rect_2, ap_2)):
        assert rect[2] - rect[0] == pytest.approx(width, abs=1)
        assert rect[3] - rect[1] == pytest.approx(height, abs=1)
        assert appearance is not None  # drawn: not an invisible signature
    assert page_1 == page_2 and rect_1 != rect_2  # side by side
    report = signatures.check_document(session, signatures.load_context(
        session, extract.document_id), actor=user_named(session, "dg"))
    assert report.all_good and len(report.signatures) == 2
