"""Intake of social reports: web form and API, every accepted format, every refusal, and the
identity stored only encrypted."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from flask.testing import FlaskClient
from report_samples import (
    APPLICANT_NISS,
    DOSSIER,
    IDENTITY_VALUES,
    TEXT,
    docx_bytes,
    dossier,
    odt_bytes,
    pdf_bytes,
    zip_bomb_docx,
)
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from council.crypto import decrypt_bytes, decrypt_json
from council.models import AuditEntry, Dossier, ReportStatus, SocialReport


def _counts(session: Session) -> tuple[int, int, int]:
    return tuple(session.scalar(select(func.count()).select_from(model))  # type: ignore[return-value]
                 for model in (Dossier, SocialReport, AuditEntry))


def _submit_api(client: FlaskClient, headers: dict[str, str], **body: Any) -> Any:
    payload = {"dossier": DOSSIER, "text": TEXT, "organ": "csss", **body}
    return client.post("/api/v1/reports", json=payload, headers=headers)


# --- API ------------------------------------------------------------------------------------


def test_api_returns_the_pseudonymised_draft(client: FlaskClient, api_token: Any,
                                             session: Session) -> None:
    response = _submit_api(client, api_token("socialworker"))
    assert response.status_code == 201, response.json
    body = response.json
    assert body["status"] == "submitted"
    assert body["dossier_reference"] == "2026/0900"
    assert body["organ"] == "csss"
    assert "Madame A." in body["pseudonymised_text"]
    assert "450,00 €" in body["pseudonymised_text"]
    assert "450,00 €" in body["proposal"]
    assert isinstance(body["doubts"], int)
    for value in IDENTITY_VALUES:
        assert value not in json.dumps(body, ensure_ascii=False), value
    report = session.get(SocialReport, body["id"])
    assert report.status is ReportStatus.submitted
    assert report.source_format == "api"


def test_identity_and_original_are_stored_only_encrypted(client: FlaskClient, api_token: Any,
                                                         session: Session) -> None:
    response = _submit_api(client, api_token("socialworker"))
    assert response.status_code == 201
    report = session.get(SocialReport, response.json["id"])
    # readable with the key...
    assert decrypt_json(report.dossier.identity_encrypted)["applicant"]["niss"] == APPLICANT_NISS
    assert "Kabongo-Verhelst" in decrypt_bytes(report.original_encrypted).decode()
    # ...and nowhere in clear in any column of any table
    connection = session.connection()
    for table in inspect(connection).get_table_names():
        for row in connection.execute(text(f'SELECT * FROM "{table}"')):  # noqa: S608
            dump = " ".join(
                value.decode("latin-1") if isinstance(value, bytes | memoryview)
                and not isinstance(value, memoryview) else
                bytes(value).decode("latin-1") if isinstance(value, memoryview) else str(value)
                for value in row)
            for secret in IDENTITY_VALUES:
                assert secret not in dump, f"{secret!r} in clear in table {table}"


def test_a_later_report_updates_the_dossier_identity(client: FlaskClient, api_token: Any,
                                                     session: Session) -> None:
    headers = api_token("socialworker")
    first = _submit_api(client, headers)
    changed = dossier(contacts={**DOSSIER["contacts"], "phone": "+32 471 99 88 77"})
    second = _submit_api(client, headers, dossier=changed)
    assert first.status_code == second.status_code == 201
    assert first.json["id"] != second.json["id"]
    rows = session.scalars(select(Dossier).where(Dossier.reference == "2026/0900")).all()
    assert len(rows) == 1
    assert decrypt_json(rows[0].identity_encrypted)["contacts"]["phone"] == "+32 471 99 88 77"
    assert rows[0].updated_at is not None


@pytest.mark.parametrize(("body", "expected"), [
    ({"dossier": dossier(applicant={"first_names": ["X"]})}, "applicant.last_name"),
    ({"dossier": dossier(applicant={"last_name": "Y", "niss": "12345678901"})},
     "applicant.niss"),
    ({"dossier": dossier(address={"postcode": "ABC"})}, "address.postcode"),
    ({"dossier": dossier(reference="R" * 41)}, "dossier.reference : plus de 40 caractères"),
    ({"text": "   "}, "Le rapport est vide."),  # the social worker's language (French)
    ({"text": "x" * 1_000_001}, "Le rapport est trop long"),
])
def test_api_bad_input_is_a_400_naming_the_problem(client: FlaskClient, api_token: Any,
                                                   session: Session, body: dict[str, Any],
                                                   expected: str) -> None:
    headers = api_token("socialworker")
    before = _counts(session)
    response = _submit_api(client, headers, **body)
    assert response.status_code == 400
    assert response.json["error"] == "invalid_report"
    assert expected in response.json["message"]
    assert _counts(session) == before


@pytest.mark.parametrize("payload", [
    {"text": TEXT, "organ": "csss"},
    {"dossier": DOSSIER, "organ": "csss"},
    {"dossier": DOSSIER, "text": TEXT, "organ": "parliament"},
    {"dossier": "not an object", "text": TEXT},
    [1, 2, 3],
])
def test_api_malformed_body_is_a_400(client: FlaskClient, api_token: Any,
                                     payload: Any) -> None:
    response = client.post("/api/v1/reports", json=payload, headers=api_token("socialworker"))
    assert response.status_code == 400
    assert set(response.json) >= {"error", "message"}


@pytest.mark.parametrize(("username", "status"), [("dg", 403), ("councillor1", 403),
                                                  ("admin", 403)])
def test_api_only_social_workers_submit(client: FlaskClient, api_token: Any, username: str,
                                        status: int) -> None:
    response = _submit_api(client, api_token(username))
    assert response.status_code == status
    assert response.json["error"] == "forbidden"


def test_api_oversized_request_is_a_clear_413(client: FlaskClient, api_token: Any) -> None:
    response = _submit_api(client, api_token("socialworker"), text="x" * (11 * 1024 * 1024))
    assert response.status_code == 413
    assert response.json["message"]


# --- web form -------------------------------------------------------------------------------


def _multipart(client: FlaskClient, path: str, data: dict[str, Any]) -> Any:
    """Encoded in memory: the test client would spool a large body to a temporary file it
    never closes (a ResourceWarning, hence an error here)."""
    fields = {key: FileStorage(value[0], filename=value[1]) if isinstance(value, tuple)
              else value for key, value in data.items()}
    boundary, body = encode_multipart(MultiDict(fields))
    return client.post(path, data=body,
                       content_type=f"multipart/form-data; boundary={boundary}")


def _post_form(client: FlaskClient, **fields: Any) -> Any:
    return _multipart(client, "/reports/new",
                      {"organ": "csss", "dossier_json": json.dumps(DOSSIER), **fields})


def test_form_page(client: FlaskClient, auth: Any) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    page = client.get("/reports/new").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page
    assert "Dossier identity (JSON)" in page


@pytest.mark.parametrize(("filename", "content", "kind"), [
    (None, None, "pasted"),
    ("report.txt", TEXT.encode("utf-8"), "txt"),
    ("report.txt", TEXT.encode("cp1252"), "txt"),
    ("report.docx", docx_bytes(TEXT), "docx"),
    ("report.odt", odt_bytes(TEXT), "odt"),
    ("report.pdf", pdf_bytes(TEXT), "pdf"),
])
def test_form_accepts_text_and_every_file_format(client: FlaskClient, auth: Any,
                                                 session: Session, filename: str | None,
                                                 content: bytes | None, kind: str) -> None:
    auth.login("socialworker")
    fields: dict[str, Any] = {"text": TEXT} if filename is None else {
        "report_file": (io.BytesIO(content), filename)}
    response = _post_form(client, **fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    report = session.scalars(select(SocialReport).order_by(SocialReport.id.desc())).first()
    assert report.source_format == kind
    assert "Madame A." in report.draft_text and "arriérés" in report.draft_text
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Madame A." in page
    for value in IDENTITY_VALUES:
        assert value not in page


def test_form_with_simple_fields_instead_of_json(client: FlaskClient, auth: Any,
                                                 session: Session) -> None:
    auth.login("socialworker")
    response = client.post("/reports/new", data={
        "organ": "csss", "text": "Madame Mireille Kabongo-Verhelst demande une aide.",
        "dossier-reference": "2026/0950", "dossier-applicant-last_name": "Kabongo-Verhelst",
        "dossier-applicant-first_names": "Mireille", "dossier-applicant-birth_date": "1984-03-12",
        "dossier-applicant-niss": APPLICANT_NISS})
    assert response.status_code == 302
    report = session.scalars(select(SocialReport).order_by(SocialReport.id.desc())).first()
    assert report.dossier.reference == "2026/0950"
    assert "Kabongo" not in report.draft_text


def test_form_accepts_an_uploaded_json_dossier(client: FlaskClient, auth: Any) -> None:
    auth.login("socialworker")
    response = _multipart(client, "/reports/new", {
        "organ": "csss", "text": TEXT,
        "dossier_file": (io.BytesIO(json.dumps(DOSSIER).encode()), "dossier.json")})
    assert response.status_code == 302


@pytest.mark.parametrize(("fields", "message"), [
    ({"text": ""}, "Paste the report's text or upload its file."),
    ({"report_file": (io.BytesIO(b""), "report.txt")}, "The file is empty."),
    ({"report_file": (io.BytesIO(b"\x00\x01binary"), "report.txt")},
     "This file is not text (binary content)."),
    ({"report_file": (io.BytesIO(b"MZ\x90\x00"), "report.exe")},
     "This type of file is not accepted"),
    ({"report_file": (io.BytesIO(b"x" * (2 * 1024 * 1024 + 1)), "report.txt")},
     "The file is too large (limit: 2 MB)."),
    ({"report_file": (io.BytesIO(zip_bomb_docx()), "report.docx")},
     "The document unpacks to more than 20 MB: refused."),
    ({"report_file": (io.BytesIO(b"PK\x03\x04 not really"), "report.docx")},
     "This file cannot be read as a DOCX document."),
    ({"report_file": (io.BytesIO(b"plain text"), "report.odt")},
     "This file cannot be read as a ODT document."),
    ({"report_file": (io.BytesIO(b"%PDF-1.4 broken"), "report.pdf")},
     "This file cannot be read as a PDF document."),
    ({"report_file": (io.BytesIO(pdf_bytes(None)), "report.pdf")}, "This PDF has no text layer"),
    ({"report_file": (io.BytesIO(b"Rapport \x81\x8d\x8f\x90"), "report.txt")},
     "The text is in an unknown encoding: save it as UTF-8 and try again."),
    ({"text": TEXT, "dossier_json": "{not json"}, "The dossier is not valid JSON (line 1"),
    ({"text": TEXT, "dossier_json": json.dumps(dossier(applicant={"first_names": ["A"]}))},
     "applicant.last_name: required"),
    ({"text": TEXT, "dossier_json": "",
      "dossier_file": (io.BytesIO(b"\xff\xfe{"), "dossier.json")},
     "The dossier file is not UTF-8 text."),
    ({"text": TEXT, "dossier_json": ""}, "Give the file reference."),
])
def test_form_refuses_bad_input_with_a_clear_message(client: FlaskClient, auth: Any,
                                                     session: Session, fields: dict[str, Any],
                                                     message: str) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    before = _counts(session)
    response = _post_form(client, **fields)
    page = response.get_data(as_text=True)
    assert response.status_code == (413 if "too large" in message else 422)
    assert message.replace("'", "&#39;") in page
    assert 'role="alert"' in page
    assert _counts(session) == before


def test_form_oversized_request_is_a_clear_413(client: FlaskClient, auth: Any) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    response = _post_form(client, report_file=(io.BytesIO(b"x" * (11 * 1024 * 1024)),
                                               "report.txt"))
    assert response.status_code == 413
    assert "The file is too large." in response.get_data(as_text=True)


def test_social_worker_home_lists_reports_with_status(client: FlaskClient, auth: Any) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    assert _post_form(client, text=TEXT).status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "2026/0900" in page
    assert "Received, not on an agenda yet" in page
    assert "On an agenda" in page  # the demo's reports
    for value in IDENTITY_VALUES:
        assert value not in page
