"""Hostile JSON (issue 13, item 5, in part): text no database can store and nesting that would
exhaust the parser are refused as a 400 in the contract's error shape, before any view runs,
and leave nothing behind."""

from __future__ import annotations

import json
import resource
import zlib
from typing import Any

import pytest
from flask.testing import FlaskClient
from flask_babel import force_locale
from report_samples import DOSSIER, TEXT, pdf_bytes
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agenda.reports.files import MAX_FILE_BYTES, IntakeError, read_upload
from council.models import AuditEntry, Dossier, SocialReport

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
