"""Hostile input (issue 13, item 5): each observation replayed, each now a clear 4xx that leaves
nothing behind, never a 500 nor a worker held.

- text no database can store (a lone surrogate, a NUL), strings longer than any the API takes
  and nesting that would exhaust the parser: a 400 in the contract's error shape before any
  view runs, on every API operation, and a 400 page with the reason for a form;
- a PDF that inflates to a gigabyte: read in a child process under limits, refused;
- refused uploads on ``/reports/new``: the form again with its message, as a 422 (413 for a file
  too large), nothing stored;
- dates out of any sane span (31 December 9999, year 1, two centuries away): refused with a
  clear message, on the meeting form, in dossiers (web and API), on the secrecy register and the
  terms of an aid decision;
- a username with a Cyrillic letter (or any character outside a safe alphabet): refused.
"""

from __future__ import annotations

import io
import json
import re
import resource
import zlib
from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from report_samples import DOSSIER, TEXT, pdf_bytes
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import organ_of_kind
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from agenda.reports.files import MAX_FILE_BYTES, IntakeError, read_upload
from council.input_guard import MAX_JSON_STRING_CHARS, SURROGATE
from council.models import (
    AidTerms,
    AuditEntry,
    Consent,
    Dossier,
    Meeting,
    OrganKind,
    SecrecyRequest,
    SocialReport,
    User,
)
from council.rules.usernames import is_safe

LONE_SURROGATE = "\\ud800abc"  # valid JSON, but no UTF-8 can encode it


def _raw(client: FlaskClient, url: str, body: str, **headers: str) -> Any:
    return client.post(url, data=body, content_type="application/json", headers=headers)


def _refused(response: Any) -> None:
    assert response.status_code == 400
    assert response.json["error"] == "bad_request" and response.json["message"]


@pytest.mark.parametrize("body", [
    f'{{"username": "{LONE_SURROGATE}", "password": "x"}}',
    f'{{"username": "dg", "password": "x{LONE_SURROGATE}"}}',
    f'{{"{LONE_SURROGATE}": "key", "username": "dg", "password": "x"}}',
    '{"username": "dg", "password": "x", "otp": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"username": "dg", "password": "x", "otp": ' + '{"a": ' * 30 + "1" + "}" * 30 + "}",
])
def test_token_request_with_unstorable_json_is_a_400(client: FlaskClient, body: str) -> None:
    _refused(_raw(client, "/api/v1/token", body))


@pytest.mark.parametrize("where", ["text", "dossier"])
def test_report_with_a_lone_surrogate_is_refused_and_nothing_is_stored(
        client: FlaskClient, api_token: Any, session: Session, where: str) -> None:
    headers = api_token("socialworker")
    payload = json.dumps({"dossier": DOSSIER, "text": TEXT, "organ": "csss"})
    marker = json.dumps(TEXT)[1:21] if where == "text" else json.dumps(DOSSIER)[2:12]
    hostile = payload.replace(marker, marker[:5] + LONE_SURROGATE + marker[5:], 1)
    assert hostile != payload
    before = [session.scalar(select(func.count()).select_from(model))
              for model in (Dossier, SocialReport, AuditEntry)]
    _refused(_raw(client, "/api/v1/reports", hostile, **headers))
    assert [session.scalar(select(func.count()).select_from(model))
            for model in (Dossier, SocialReport, AuditEntry)] == before


def test_ordinary_nesting_and_text_still_pass(client: FlaskClient, api_token: Any) -> None:
    response = client.post("/api/v1/reports", headers=api_token("socialworker"),
                           json={"dossier": DOSSIER, "text": TEXT + " Ça va, déjà vu 😊",
                                 "organ": "csss"})
    assert response.status_code == 201, response.json


def _pdf_with_stream(stream: bytes) -> bytes:
    """A one-page PDF whose content stream is ``stream`` (already Flate-compressed)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return body + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)


def _deflated_zeros(size: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = bytes(64 * 1024 * 1024)
    parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join([*parts, packer.flush()])


def test_a_pdf_that_inflates_to_a_gigabyte_is_refused_without_holding_the_worker() -> None:
    """1.2 MB on disk, 1.2 GB once inflated: read in a child process under a memory limit,
    refused with a clear message; the worker's own memory does not grow by the inflated size."""
    bomb = _pdf_with_stream(_deflated_zeros(1152 * 1024 * 1024))
    assert len(bomb) < MAX_FILE_BYTES
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with force_locale("en"), pytest.raises(IntakeError, match="too much memory or time"):
        read_upload("rapport.pdf", bomb)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 200 * 1024


def test_an_ordinary_pdf_still_reads() -> None:
    text, kind = read_upload("rapport.pdf", pdf_bytes("Situation financière du ménage."))
    assert (kind, text.split()) == ("pdf", ["Situation", "financière", "du", "ménage."])


# --- every API operation, and the forms -------------------------------------------------------

HOSTILE_JSON = {
    "lone surrogate": f'{{"reason": "{LONE_SURROGATE}"}}',
    "NUL": '{"reason": "a\\u0000b"}',
    "huge string": '{"reason": "' + "a" * (MAX_JSON_STRING_CHARS + 1) + '"}',
    "huge key": '{"' + "k" * (MAX_JSON_STRING_CHARS + 1) + '": 1}',
    "deep lists": "[" * 5000 + "]" * 5000,
    "deep objects": '{"a": ' * 30 + "1" + "}" * 30,
}


def _posted_operations(client: FlaskClient, demo: Any) -> list[str]:
    """Every POST of the OpenAPI document, on the demo's meeting and item (that the views would
    take, were the guard not there first)."""
    ids = {"meeting_id": demo.csss_meeting_id, "item_id": demo.csss_item_id, "request_id": 1}
    paths = client.get("/api/v1/openapi.json").json["paths"]
    return [path.format(**ids) for path, operations in paths.items() if "post" in operations]


def test_every_api_operation_refuses_unstorable_json(client: FlaskClient, api_token: Any,
                                                     session: Session, demo: Any) -> None:
    operations = _posted_operations(client, demo)
    assert len(operations) >= 8  # the whole API, not an empty document
    headers = api_token("dg")
    before = session.scalar(select(func.count()).select_from(AuditEntry))
    for path in operations:
        for name, body in HOSTILE_JSON.items():
            response = _raw(client, path, body, **headers)
            assert response.status_code == 400, (path, name, response.status_code)
            assert response.json["error"] == "bad_request", (path, name)
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_a_nul_in_a_query_is_a_400(client: FlaskClient, api_token: Any) -> None:
    _refused(client.get("/api/v1/meetings?x=a%00b", headers=api_token("dg")))


def _page_refused_for_nul(response: Any) -> None:
    """A 400 page that says why, in the reader's language (English before login, the account's
    French after)."""
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert ("A field holds a NUL character, which cannot be stored" in page
            or "Un champ contient un caractère NUL, qui ne peut pas être enregistré" in page)


def test_a_nul_in_a_form_field_is_a_400_page_that_says_why(client: FlaskClient, auth: Any,
                                                           session: Session) -> None:
    auth.use_language("en")
    _page_refused_for_nul(client.post("/login", data={"username": "dg\x00", "password": "x"}))
    auth.login("dg")
    before = session.scalar(select(func.count()).select_from(Meeting))
    _page_refused_for_nul(client.post("/meetings/new", data={
        "organ_id": organ_of_kind(session, OrganKind.csss).id, "day": _in_days(30),
        "start": "18:00", "place": "Salle\x00du conseil", "convocation_round": "1"}))
    assert session.scalar(select(func.count()).select_from(Meeting)) == before


def test_a_surrogate_in_form_bytes_is_stored_as_the_replacement_character(
        client: FlaskClient, auth: Any, session: Session) -> None:
    """A form is decoded from UTF-8, which cannot encode a lone surrogate: its would-be bytes
    arrive as U+FFFD (multipart) and never reach the database as a surrogate."""
    auth.login("dg")
    organ = organ_of_kind(session, OrganKind.csss)
    boundary = "hostile"
    fields = {"organ_id": str(organ.id), "day": _in_days(30), "start": "18:00",
              "convocation_round": "1"}
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                    f"{value}\r\n".encode() for name, value in fields.items())
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="place"\r\n\r\n'.encode()
             + b"Salle \xed\xa0\x80\r\n" + f"--{boundary}--\r\n".encode())
    response = client.post("/meetings/new", data=body,
                           content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 302
    meeting = session.scalars(select(Meeting).order_by(Meeting.id.desc())).first()
    assert not SURROGATE.search(meeting.place) and meeting.place.startswith("Salle")


# --- refused uploads --------------------------------------------------------------------------

def _report_counts(session: Session) -> list[int | None]:
    return [session.scalar(select(func.count()).select_from(model))
            for model in (Dossier, SocialReport, AuditEntry)]


@pytest.mark.parametrize(("upload", "status", "message"), [
    ((b"MZ\x90\x00", "report.exe"), 422, "This type of file is not accepted"),
    ((b"%PDF-1.4 broken", "report.pdf"), 422, "This file cannot be read as a PDF document."),
    ((b"x" * (MAX_FILE_BYTES + 1), "report.txt"), 413, "The file is too large (limit: 2 MB)."),
])
def test_a_refused_upload_is_a_4xx_with_the_form_and_its_message(
        client: FlaskClient, auth: Any, session: Session, upload: tuple[bytes, str],
        status: int, message: str) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    before = _report_counts(session)
    content, filename = upload
    # encoded in memory: the test client would spool a large body to a file it never closes
    boundary, body = encode_multipart(MultiDict({
        "organ": "csss", "dossier_json": json.dumps(DOSSIER),
        "report_file": FileStorage(io.BytesIO(content), filename=filename)}))
    response = client.post("/reports/new", data=body,
                           content_type=f"multipart/form-data; boundary={boundary}")
    page = response.get_data(as_text=True)
    assert response.status_code == status
    assert message in page and 'name="report_file"' in page
    assert _report_counts(session) == before


# --- dates ------------------------------------------------------------------------------------

def _in_days(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def _typed(day: str) -> str:
    """``day`` as typed: an ISO date, or ``+Ny``/``-Ny``/``+Nd`` from the suite's today (read
    when the test runs, not when it is collected)."""
    shift = re.fullmatch(r"([+-]\d+)([yd])", day)
    if shift is None:
        return day
    amount, unit = int(shift[1]), shift[2]
    today = date.today()
    return (_in_days(amount) if unit == "d"
            else today.replace(year=today.year + amount).isoformat())


@pytest.mark.parametrize(("day", "message"), [
    ("9999-12-31", "A meeting cannot be planned after"),
    ("+200y", "A meeting cannot be planned after"),
    ("+11y", "A meeting cannot be planned after"),
    ("0001-01-01", "The meeting must be in the future."),
    ("-200y", "The meeting must be in the future."),
])
def test_a_meeting_out_of_any_sane_span_is_refused(client: FlaskClient, auth: Any,
                                                   session: Session, day: str,
                                                   message: str) -> None:
    auth.login("secretariat")
    auth.use_language("en")
    before = session.scalar(select(func.count()).select_from(Meeting))
    response = client.post("/meetings/new", data={
        "organ_id": organ_of_kind(session, OrganKind.csss).id, "day": _typed(day), "start": "00:30",
        "place": "Salle du conseil", "convocation_round": "1"})
    assert response.status_code < 500
    assert message in response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Meeting)) == before


def test_a_meeting_nine_years_ahead_is_still_planned(client: FlaskClient, auth: Any,
                                                     session: Session) -> None:
    auth.login("secretariat")
    response = client.post("/meetings/new", data={
        "organ_id": organ_of_kind(session, OrganKind.csss).id, "day": _typed("+9y"),
        "start": "18:00", "place": "Salle du conseil", "convocation_round": "1"})
    assert response.status_code == 302


BIRTHS_OUT_OF_SPAN = ["0001-01-01", "9999-12-31", "-200y", "+1d"]


@pytest.mark.parametrize("birth", BIRTHS_OUT_OF_SPAN)
@pytest.mark.parametrize("person", ["applicant", "household"])
def test_a_dossier_born_out_of_any_sane_span_is_refused_by_the_api(
        client: FlaskClient, api_token: Any, session: Session, birth: str, person: str) -> None:
    dossier = json.loads(json.dumps(DOSSIER))
    (dossier["applicant"] if person == "applicant" else dossier["household"][0])[
        "birth_date"] = _typed(birth)
    headers = api_token("socialworker")
    before = _report_counts(session)
    with force_locale("en"):
        response = client.post("/api/v1/reports", headers=headers,
                               json={"dossier": dossier, "text": TEXT, "organ": "csss"})
    assert response.status_code == 400
    assert response.json["error"] == "invalid_report"
    assert response.json["message"].startswith("A date of birth must fall between")
    assert _report_counts(session) == before


@pytest.mark.parametrize("birth", ["2026-02-30", "31/12/1984", "1984-13-01", ""])
def test_a_birth_date_that_is_no_date_is_refused_by_the_api(
        client: FlaskClient, api_token: Any, session: Session, birth: str) -> None:
    dossier = json.loads(json.dumps(DOSSIER))
    dossier["applicant"]["birth_date"] = birth
    headers = api_token("socialworker")
    before = _report_counts(session)
    response = client.post("/api/v1/reports", headers=headers,
                           json={"dossier": dossier, "text": TEXT, "organ": "csss"})
    assert response.status_code == 400, response.json
    assert _report_counts(session) == before


@pytest.mark.parametrize("birth", BIRTHS_OUT_OF_SPAN)
def test_a_birth_date_out_of_any_sane_span_is_refused_by_the_form(
        client: FlaskClient, auth: Any, session: Session, birth: str) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    before = _report_counts(session)
    response = client.post("/reports/new", data={
        "organ": "csss", "text": TEXT, "dossier-reference": "2026/0951",
        "dossier-applicant-last_name": "Kabongo-Verhelst",
        "dossier-applicant-birth_date": _typed(birth)})
    assert response.status_code == 422
    assert "A date of birth must fall between" in response.get_data(as_text=True)
    assert _report_counts(session) == before


def _dossier_reference(session: Session) -> tuple[int, str]:
    dossier = session.scalars(select(Dossier).order_by(Dossier.id)).first()
    return dossier.id, dossier.reference


@pytest.mark.parametrize("day", ["0001-01-01", "-200y", "-11y"])
def test_a_secrecy_request_received_out_of_any_sane_span_is_refused(
        client: FlaskClient, auth: Any, session: Session, day: str) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    before = session.scalar(select(func.count()).select_from(SecrecyRequest))
    response = client.post("/secrecy/new", data={
        "dossier_reference": _dossier_reference(session)[1], "requester_kind": "police",
        "requester_name": "Zone de police", "basis": "necessity",
        "requested": "Adresse actuelle", "received_on": _typed(day)})
    assert response.status_code < 500
    assert "The day the request came in must fall between" in response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(SecrecyRequest)) == before


@pytest.mark.parametrize("day", ["0001-01-01", "-200y"])
def test_a_consent_dated_out_of_any_sane_span_is_refused(
        client: FlaskClient, auth: Any, session: Session, day: str) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    dossier_id, _reference = _dossier_reference(session)
    before = session.scalar(select(func.count()).select_from(Consent))
    response = client.post(f"/secrecy/dossiers/{dossier_id}/consents", follow_redirects=True,
                           data={"institution": "Mutualité", "purpose": "Soins",
                                 "given": "yes", "given_on": _typed(day)})
    assert response.status_code < 500
    assert "The consent&#39;s date must fall between" in response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Consent)) == before


@pytest.mark.parametrize(("field", "day"), [("starts_on", "9999-12-31"),
                                            ("ends_on", "+200y"),
                                            ("starts_on", "0001-01-01")])
def test_aid_terms_dated_out_of_any_sane_span_are_refused(
        client: FlaskClient, auth: Any, session: Session, demo: Any, field: str,
        day: str) -> None:
    auth.login("dg")
    auth.use_language("en")
    before = session.scalars(select(AidTerms.starts_on, AidTerms.ends_on)).all()
    response = client.post(f"/notifications/items/{demo.decided_item_id}", data={
        "is_granted": "y", "aid_label": "revenu d'intégration", "reasons": "Sans ressources.",
        "amount": "1314.20", "frequency": "monthly", "calculation": "Taux isolé.",
        field: _typed(day)})
    assert response.status_code == 400
    assert "must fall between" in response.get_data(as_text=True)
    assert session.scalars(select(AidTerms.starts_on, AidTerms.ends_on)).all() == before


# --- usernames --------------------------------------------------------------------------------

def _new_account(client: FlaskClient, username: str) -> Any:
    return client.post("/admin/users", follow_redirects=True, data={
        "username": username, "display_name": "Jean Dupont", "role": "secretariat",
        "member_id": "0", "language": "fr", "password": "a long enough password"})


@pytest.mark.parametrize("username", ["\u0430dmin2", "secr\u0435tariat2", "jean dupont",
                                      "jean\u200bdupont", "josé", "-jean"])
def test_a_username_outside_the_safe_alphabet_is_refused(client: FlaskClient, auth: Any,
                                                         session: Session,
                                                         username: str) -> None:
    auth.login("admin")
    auth.use_language("en")
    before = session.scalar(select(func.count()).select_from(User))
    page = _new_account(client, username).get_data(as_text=True)
    assert "A username has 2 to 80 characters: unaccented letters, digits" in page
    assert session.scalar(select(func.count()).select_from(User)) == before


def test_a_safe_username_is_still_created(client: FlaskClient, auth: Any,
                                          session: Session) -> None:
    auth.login("admin")
    _new_account(client, "Jean.Dupont-2")
    assert session.scalar(select(User).where(User.username == "jean.dupont-2")) is not None


def test_every_demo_account_keeps_a_safe_username(session: Session) -> None:
    assert all(is_safe(username) for username in session.scalars(select(User.username)))


def test_the_operators_command_refuses_a_username_outside_the_safe_alphabet(
        app: Flask, session: Session) -> None:
    session.scalar(select(User).where(User.username == "dg")).is_enabled = False
    session.commit()  # no enabled DG: the command would create one
    before = session.scalar(select(func.count()).select_from(User))
    refused = app.test_cli_runner().invoke(args=[
        "accounts", "create-dg", "\u0434g", "--name", "Second DG",  # a Cyrillic д
        "--password", "a-long-password"])
    assert refused.exit_code == 2
    # the refusal in French, the default language
    assert "Un nom d'utilisateur compte de 2 à 80 caractères" in refused.output
    assert session.scalar(select(func.count()).select_from(User)) == before
