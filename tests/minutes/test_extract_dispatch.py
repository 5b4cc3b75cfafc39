"""An identified extract goes to the person concerned (issue 16, item 5): rendered without the
closed-session footer, downloaded by the DG as a clean original once signed, and its dispatch
recorded in place of a reader's stamp; a pseudonymised extract stays inside the centre."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from flask.testing import FlaskClient
from flask_babel import force_locale
from signing_support import PASSPHRASES, decide_item, stored_state
from sqlalchemy import select
from sqlalchemy.orm import Session
from support import PASSWORDS, user_named

from council.models import AgendaItem, AuditEntry, DispatchMethod, Extract, SignatureCapacity
from minutes import dispatch, extracts
from minutes.signatures import service as signatures


@pytest.fixture(autouse=True)
def _messages_in_english(session: Session) -> Iterator[None]:
    with force_locale("en"):
        yield


def _text(pdf: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None
    return subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True,  # noqa: S603
                          check=True).stdout.decode()


def _signed(session: Session, item: AgendaItem, *, identified: bool) -> Extract:
    dg = user_named(session, "dg")
    extract = extracts.make_extract(session, item.id, actor=dg, identified=identified,
                                    password=PASSWORDS["dg"])
    for username, capacity in (("president", SignatureCapacity.president),
                               ("dg", SignatureCapacity.director_general)):
        signatures.sign_document(session, extract.document_id,
                                 actor=user_named(session, username), capacity=capacity,
                                 passphrase=PASSPHRASES[username], password=PASSWORDS[username])
    return extract


@pytest.fixture
def decided(session: Session, demo: Any) -> AgendaItem:
    return decide_item(session, demo.csss_item_id)


def test_an_identified_extract_has_no_closed_session_mark(session: Session,
                                                          decided: AgendaItem) -> None:
    identified = _signed(session, decided, identified=True)
    internal = extracts.make_extract(session, decided.id, actor=user_named(session, "dg"))
    outside = _text(stored_state(session, identified.document_id)[0])
    inside = _text(stored_state(session, internal.document_id)[0])
    assert "art. 36" in inside and "art. 36" not in outside
    assert "Confidentiel" in inside and "Confidentiel" not in outside


def test_the_dg_sends_the_clean_original_and_records_it(session: Session,
                                                        decided: AgendaItem) -> None:
    dg = user_named(session, "dg")
    extract = extracts.extract_to_send(session, _signed(session, decided, identified=True).id,
                                       actor=dg)
    pdf = extracts.extract_original(session, extract, actor=dg)
    assert pdf == stored_state(session, extract.document_id)[0]  # no stamp
    extracts.record_extract_dispatch(session, extract, dispatch.DispatchInput(
        recipient="Madame A.\nrue des Alouettes 14\n7000 Hautrival",
        method=DispatchMethod.against_receipt, sent_on=date.today()), actor=dg)
    [sent] = dispatch.dispatches_of(session, extract.document)
    assert sent.recipient.startswith("Madame A.")
    actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[-3:] == ["document_downloaded", "reidentification", "document_dispatched"]


def test_an_unsigned_extract_is_not_sent(session: Session, decided: AgendaItem) -> None:
    dg = user_named(session, "dg")
    made = extracts.make_extract(session, decided.id, actor=dg, identified=True,
                                 password=PASSWORDS["dg"])
    extract = extracts.extract_to_send(session, made.id, actor=dg)
    with pytest.raises(extracts.ExtractError, match="not signed yet"):
        extracts.extract_original(session, extract, actor=dg)


def test_a_pseudonymised_extract_stays_inside(session: Session, decided: AgendaItem) -> None:
    extract = _signed(session, decided, identified=False)
    with pytest.raises(extracts.ExtractError, match="stays inside the centre"):
        extracts.extract_to_send(session, extract.id, actor=user_named(session, "dg"))


@pytest.mark.parametrize(("username", "status"), [
    ("socialworker", 403), ("president", 404), ("secretariat", 404), ("councillor1", 404)])
def test_only_the_dg_sends_it(client: FlaskClient, auth: Any, session: Session,
                              decided: AgendaItem, username: str, status: int) -> None:
    extract = _signed(session, decided, identified=True)
    auth.login(username)
    assert client.get(f"/extracts/{extract.id}/original.pdf").status_code == status
    assert client.post(f"/extracts/{extract.id}/dispatch", data={
        "recipient": "x", "method": "ordinary_mail",
        "sent_on": date.today().isoformat()}).status_code == status
    assert dispatch.dispatches_of(session, extract.document) == []


def test_the_extracts_page_sends_and_records(client: FlaskClient, auth: Any, session: Session,
                                             decided: AgendaItem) -> None:
    extract = _signed(session, decided, identified=True)
    auth.login("dg")
    auth.use_language("en")
    page = client.get(f"/items/{decided.id}/extracts").get_data(as_text=True)
    assert f"/extracts/{extract.id}/original.pdf" in page and "Not recorded as sent yet." in page
    original = client.get(f"/extracts/{extract.id}/original.pdf")
    assert original.status_code == 200 and original.data.startswith(b"%PDF")
    response = client.post(f"/extracts/{extract.id}/dispatch", data={
        "recipient": "Madame A.", "method": "registered_mail", "reference": "RR 42",
        "sent_on": date.today().isoformat()})
    assert response.status_code == 302
    assert "Registered letter (RR 42)" in client.get(
        f"/items/{decided.id}/extracts").get_data(as_text=True)
