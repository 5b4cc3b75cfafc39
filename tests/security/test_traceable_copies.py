"""Copies that stay traceable (issue 13, item 6): a reader who is neither the DG nor a signer
cannot untrace their copy of a signed document by cutting it at an earlier ``%%EOF`` or by
stripping its incremental updates.

The attack that worked: the download was the signed original plus one incremental update holding
the per-reader stamp, so the bytes up to the previous ``%%EOF`` were a valid, unmarked, signed
PDF. Now the reader's copy is one revision whose every page draws the mark in its own content;
each test cuts it wherever it can be cut and reads the text that is left.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import pytest
from flask.testing import FlaskClient
from flask_babel import force_locale, gettext
from pdfminer.high_level import extract_text
from pyhanko.pdf_utils.reader import PdfFileReader
from signing_support import PASSPHRASES, minutes_awaiting_signatures
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS, user_named

from council.crypto import decrypt_bytes
from council.labels import title
from council.models import AuditEntry, SignatureCapacity, SignedDocument
from minutes.signatures import signing
from minutes.signatures.certificates import trust_roots
from minutes.signatures.service import sign_document

#: a copy number as minutes.documents.new_copy_id writes it
COPY_ID = re.compile(r"\b([A-Z2-7]{4}-[A-Z2-7]{4})\b")


@pytest.fixture(autouse=True)
def _messages_in_english(session: Session) -> Iterator[None]:
    with force_locale("en"):
        yield


def _sign(session: Session, document_id: int, username: str,
          capacity: SignatureCapacity) -> None:
    sign_document(session, document_id, actor=user_named(session, username), capacity=capacity,
                  passphrase=PASSPHRASES[username], password=PASSWORDS[username])


@pytest.fixture
def sealed(session: Session, demo: Any) -> SignedDocument:
    """Minutes signed by the president, then by the DG."""
    document_id = minutes_awaiting_signatures(session, demo.csss_meeting_id).document_id
    _sign(session, document_id, "president", SignatureCapacity.president)
    _sign(session, document_id, "dg", SignatureCapacity.director_general)
    session.expire_all()
    document = session.get(SignedDocument, document_id)
    assert document.is_sealed
    return document


def _download(client: FlaskClient, auth: Any, username: str, document_id: int) -> bytes:
    auth.login(username)
    response = client.get(f"/documents/{document_id}.pdf")
    auth.logout()
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return response.data


def _cuts(pdf: bytes) -> list[bytes]:
    """Every prefix of ``pdf`` that ends at an ``%%EOF``: each revision a reader could keep."""
    ends = [match.end() for match in re.finditer(rb"%%EOF", pdf)]
    assert ends, "a PDF ends with %%EOF"
    return [pdf[:end] for end in ends]


def _page_texts(pdf: bytes) -> list[str]:
    pages = int(PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Count"])
    return [" ".join(extract_text(BytesIO(pdf), page_numbers=[index]).split())
            for index in range(pages)]


def _copy_id(text: str, reader_name: str, language: str = "fr") -> str:
    """The copy number in ``text``, read from the mark "Copy … for <reader>, downloaded on …"
    as written in the document's language."""
    with force_locale(language):
        mark = gettext("Copy %(copy)s for %(name)s, downloaded on %(moment)s. Confidential "
                       "(LO art. 36).", copy="\x00", name=reader_name, moment="\x01")
    before_copy, after_copy = mark.split("\x01")[0].split("\x00")
    found = re.search(re.escape(before_copy) + COPY_ID.pattern + re.escape(after_copy), text)
    assert found, text[:400]
    return found.group(1)


def test_a_readers_copy_keeps_its_mark_on_every_page_wherever_it_is_cut(
        client: FlaskClient, auth: Any, session: Session, sealed: SignedDocument) -> None:
    reader = user_named(session, "secretariat")
    copy = _download(client, auth, "secretariat", sealed.id)
    original = decrypt_bytes(sealed.pdf_encrypted)
    assert not copy.startswith(original[:len(original) // 2])  # not the original plus an update
    # one revision: nothing older to go back to, and no signature to hide behind
    assert PdfFileReader(BytesIO(copy)).xrefs.total_revisions == 1
    assert b"/ByteRange" not in copy and b"/Sig" not in copy
    copy_ids = set()
    for cut in _cuts(copy):
        reader_of_cut = PdfFileReader(BytesIO(cut))
        assert reader_of_cut.xrefs.total_revisions == 1
        pages = _page_texts(cut)
        assert len(pages) == sealed.pages + 1  # the original's pages and the statement
        assert "Procès-verbal" in pages[0]  # the original's content is there
        for text in pages:
            copy_ids.add(_copy_id(text, reader.display_name))
        for index in range(len(pages)):
            # the mark is drawn by the page's one content stream, not by an annotation
            page = reader_of_cut.find_page_for_modification(index)[0].get_object()
            assert b"/CouncilCopyMark Do" in page["/Contents"].data
            assert all(annotation.get_object()["/Subtype"] != "/Stamp"
                       for annotation in page.get("/Annots", []))
    assert len(copy_ids) == 1


def test_the_copy_number_in_the_text_is_the_one_audited_and_each_download_has_its_own(
        client: FlaskClient, auth: Any, session: Session, sealed: SignedDocument) -> None:
    reader = user_named(session, "secretariat")
    first, second = (_download(client, auth, "secretariat", sealed.id) for _ in range(2))
    numbers = [_copy_id(_page_texts(copy)[0], reader.display_name) for copy in (first, second)]
    assert numbers[0] != numbers[1]
    for number in numbers:
        entries = [entry for entry in session.scalars(select(AuditEntry).where(
            AuditEntry.action == "document_downloaded", AuditEntry.object_id == sealed.id))
            if entry.details.get("copy_id") == number]
        assert len(entries) == 1
        entry = entries[0]
        assert entry.actor_id == reader.id and entry.object_type == "signed_document"
        assert entry.details["copy"] == "reader_copy"
        assert entry.details["original_sha256"] == sealed.sha256


def test_the_statement_names_the_originals_signatures_and_fingerprint(
        client: FlaskClient, auth: Any, session: Session, sealed: SignedDocument) -> None:
    copy = _download(client, auth, "secretariat", sealed.id)
    statement = _page_texts(copy)[-1]
    # the fingerprint may wrap at any character: compare without the spaces
    assert sealed.sha256 in statement.replace(" ", "")
    assert sealed.sha256 != hashlib.sha256(copy).hexdigest()  # it names the original, not the copy
    with force_locale(sealed.language.value):
        for signature in sealed.signatures:
            assert signature.signer.display_name in statement
            assert str(title(signature.capacity)) in statement
    assert len(sealed.signatures) == 2


def test_a_councillor_reading_the_minutes_gets_a_readers_copy(
        client: FlaskClient, auth: Any, session: Session, sealed: SignedDocument,
        demo: Any) -> None:
    councillor = user_named(session, "councillor1")
    auth.login("councillor1")
    response = client.get(f"/meetings/{demo.csss_meeting_id}/minutes.pdf")
    auth.logout()
    assert response.status_code == 200
    for cut in _cuts(response.data):
        for text in _page_texts(cut):
            _copy_id(text, councillor.display_name)


@pytest.mark.parametrize("username", ["president", "dg"])
def test_the_dg_and_the_signers_still_get_the_signed_original(
        client: FlaskClient, auth: Any, session: Session, sealed: SignedDocument,
        username: str) -> None:
    original = decrypt_bytes(sealed.pdf_encrypted)
    copy = _download(client, auth, username, sealed.id)
    assert copy.startswith(original) and len(copy) > len(original)  # stamped in an update
    checks = signing.check_signatures(copy, trust_roots_pem=trust_roots(session))
    assert [(check.intact, check.valid, check.trusted) for check in checks] == [
        (True, True, True), (True, True, True)]
    entry = session.scalar(select(AuditEntry).where(
        AuditEntry.action == "document_downloaded").order_by(AuditEntry.id.desc()).limit(1))
    assert entry.actor_id == user_named(session, username).id
    assert entry.details["copy"] == "signed_original"


def test_a_president_awaited_as_signer_gets_the_original_a_secretary_does_not(
        client: FlaskClient, auth: Any, session: Session, demo: Any) -> None:
    document_id = minutes_awaiting_signatures(session, demo.csss_meeting_id).document_id
    stored = decrypt_bytes(session.get(SignedDocument, document_id).pdf_encrypted)
    assert _download(client, auth, "president", document_id).startswith(stored)
    copy = _download(client, auth, "secretariat", document_id)
    assert not copy.startswith(stored)
    with force_locale("fr"):
        assert gettext("The original bears no signature yet.") in _page_texts(copy)[-1]
