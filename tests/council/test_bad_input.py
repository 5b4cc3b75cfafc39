"""Bad input (issue 6, item 9), beyond the intake refusals of tests/agenda/test_reports_intake.py
(binary, oversized, honest zip bomb, unknown encoding): a .docx whose zip directory understates
its document's size is refused without inflating it in memory; right-to-left text and emoji go
through intake and pseudonymisation intact; scripts and SQL fragments in titles and reports
come out escaped in the HTML pages; a body that is not UTF-8 or not JSON is a 4xx."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
import zlib
from typing import Any

import pytest
from flask.testing import FlaskClient
from report_samples import DOSSIER, docx_bytes
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from agenda.reports.files import IntakeError, read_upload
from council.models import (
    AgendaItem,
    LoginAttempt,
    OpenBallot,
    SecretParticipation,
    SocialReport,
)

DOCUMENT = "word/document.xml"
#: what the lying document.xml really unpacks to
BOMB_BYTES = 400 * 1024 * 1024


def _lying_docx(declared: int = 1000) -> bytes:
    """A valid .docx whose word/document.xml is replaced by BOMB_BYTES of XML-looking filler,
    its local header and central directory claiming ``declared`` bytes (with the CRC of those
    first bytes, so that zipfile's own check passes on a truncated read)."""
    template = zipfile.ZipFile(io.BytesIO(docx_bytes("Rapport.")))
    filler = b"<w:p/>" * (1024 * 1024 // 6)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = b"".join(deflate.compress(filler) for _ in range(BOMB_BYTES // len(filler)))
    compressed += deflate.flush()
    crc = zlib.crc32(filler[:declared])
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for info in template.infolist():
            if info.filename != DOCUMENT:
                archive.writestr(info, template.read(info))
        placeholder = zipfile.ZipInfo(DOCUMENT, date_time=(2026, 1, 1, 0, 0, 0))
        placeholder.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(placeholder, b"")
    data = bytearray(output.getvalue())
    # splice the bomb in place of the empty member, then fix both headers and the offsets
    start = _local_header(data, DOCUMENT)
    name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    body = start + 30 + name_length + extra_length
    empty_length = struct.unpack_from("<I", data, start + 18)[0]
    data[body:body + empty_length] = compressed
    struct.pack_into("<III", data, start + 14, crc, len(compressed), declared)
    growth = len(compressed) - empty_length
    central = data.index(b"PK\x01\x02", body + len(compressed))
    position = central
    while data[position:position + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        name = bytes(data[position + 46:position + 46 + name_length]).decode()
        if name == DOCUMENT:
            struct.pack_into("<III", data, position + 16, crc, len(compressed), declared)
        offset = struct.unpack_from("<I", data, position + 42)[0]
        if offset > start:
            struct.pack_into("<I", data, position + 42, offset + growth)
        position += 46 + name_length + extra_length + comment_length
    end = data.index(b"PK\x05\x06", position)
    struct.pack_into("<I", data, end + 16, central)
    return bytes(data)


def _local_header(data: bytearray, name: str) -> int:
    target = b"PK\x03\x04"
    position = data.index(target)
    while True:
        name_length = struct.unpack_from("<H", data, position + 26)[0]
        if bytes(data[position + 30:position + 30 + name_length]).decode() == name:
            return position
        position = data.index(target, position + 4)


@pytest.fixture(scope="module")
def lying_docx() -> bytes:
    return _lying_docx()


def test_the_lying_docx_is_what_it_claims(lying_docx: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(lying_docx))
    info = archive.getinfo(DOCUMENT)
    assert info.file_size == 1000  # the lie the size checks see
    assert len(lying_docx) < 2 * 1024 * 1024  # under the upload limit
    start = _local_header(bytearray(lying_docx), DOCUMENT)
    name_length, extra_length = struct.unpack_from("<HH", lying_docx, start + 26)
    body = start + 30 + name_length + extra_length
    raw = lying_docx[body:body + info.compress_size]
    limit = 10 * 1024 * 1024
    assert len(zlib.decompressobj(-15).decompress(raw, limit)) == limit  # the truth, bounded


def test_an_understated_docx_is_not_inflated_in_memory(lying_docx: bytes) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(IntakeError):
            read_upload("report.docx", lying_docx)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, f"{peak / 2**20:.0f} MiB allocated reading the upload"


RTL_AND_EMOJI = ("Le demandeur parle arabe : « مرحبا بكم في المركز » et hébreu « שלום ». "
                 "Il a envoyé 👍🏽 et 👨‍👩‍👧‍👦 par SMS. ")


def test_right_to_left_text_and_emoji_survive_intake(client: FlaskClient, api_token: Any,
                                                      session: Session) -> None:
    text = RTL_AND_EMOJI + "Madame Aline Dupont sollicite une aide pour ses arriérés de loyer."
    uploaded, kind = read_upload("report.txt", text.encode("utf-8"))
    assert (uploaded, kind) == (text, "txt")

    response = client.post("/api/v1/reports", headers=api_token("socialworker"),
                           json={"dossier": DOSSIER, "text": text, "organ": "csss"})
    assert response.status_code == 201, response.json
    report = session.scalars(select(SocialReport).order_by(SocialReport.id.desc())).first()
    for fragment in ("« مرحبا بكم في المركز »", "« שלום »", "👍🏽", "👨‍👩‍👧‍👦"):
        assert fragment in report.draft_text


HOSTILE_TITLE = "<script>alert('title')</script> Aide'); DROP TABLE agenda_item; --"
HOSTILE_SUMMARY = '<img src=x onerror="alert(1)"> 1 OR 1=1; DELETE FROM poll; -- </textarea>'


@pytest.mark.parametrize("page", ["/meetings/{meeting}", "/meetings/{meeting}/items/{item}"])
def test_scripts_and_sql_in_titles_and_reports_come_out_escaped(
        client: FlaskClient, auth: Any, session: Session, demo: Any, page: str) -> None:
    session.execute(update(AgendaItem).where(AgendaItem.id == demo.csss_item_id)
                    .values(title=HOSTILE_TITLE, summary=HOSTILE_SUMMARY))
    session.commit()
    items_before = session.scalar(select(func.count()).select_from(AgendaItem))
    auth.login("dg")
    auth.use_language("en")

    response = client.get(page.format(meeting=demo.csss_meeting_id, item=demo.csss_item_id))

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "&lt;script&gt;alert(" in html
    for raw in ("<script>alert(", "<img src=x", "-- </textarea>", 'onerror="alert'):
        assert raw not in html
    if "items" in page:
        assert "&lt;img src=x onerror=" in html
    assert session.scalar(select(func.count()).select_from(AgendaItem)) == items_before


@pytest.mark.parametrize(("body", "content_type"), [
    (b"\xff\xfe\xfa not UTF-8", "application/json"),
    (b'{"username": "dg", "password": ', "application/json"),
    (b'{"username": "\xc3\x28", "password": "x"}', "application/json"),
    (b"username=dg&password=demo-dg", "application/x-www-form-urlencoded"),
    (b"[]", "application/json"),
    (b'{"username": ["dg"], "password": {"a": 1}}', "application/json"),
    (b'{"username": "' + b"d" * 100_000 + b'", "password": "x"}', "application/json"),
])
def test_a_token_request_that_is_not_good_json_is_a_4xx(client: FlaskClient, body: bytes,
                                                       content_type: str) -> None:
    response = client.post("/api/v1/token", data=body, content_type=content_type)
    assert 400 <= response.status_code < 500
    assert set(response.json) >= {"error", "message"}


@pytest.mark.parametrize("body", [
    b"\xff\xfe not UTF-8", b'{"choice": ', b'{"choice": "yes\xc3"}', b'"yes"', b"null",
    b'{"choice": "YES"}', b'{"choice": "yes", "member_id": 3}',
])
def test_a_bad_ballot_is_a_4xx_and_records_nothing(client: FlaskClient, api_token: Any,
                                                  session: Session, demo: Any,
                                                  body: bytes) -> None:
    headers = api_token("councillor1")
    before = _ballots(session)
    response = client.post(f"/api/v1/items/{demo.csss_item_id}/ballot", data=body,
                           content_type="application/json", headers=headers)
    assert 400 <= response.status_code < 500
    assert set(response.json) >= {"error", "message"}
    assert _ballots(session) == before


def _ballots(session: Session) -> tuple[int, int]:
    return (session.scalar(select(func.count()).select_from(OpenBallot)),
            session.scalar(select(func.count()).select_from(SecretParticipation)))


@pytest.mark.parametrize("path", ["/api/v1/meetings/99999999999999999999",
                                  "/api/v1/items/2147483648", "/meetings/9223372036854775808"])
def test_an_id_beyond_the_database_range_is_a_404(client: FlaskClient, auth: Any,
                                                  api_token: Any, path: str) -> None:
    auth.login("dg")
    response = client.get(path, headers=api_token("dg"))
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert response.json["error"]


@pytest.mark.parametrize(("path", "kwargs"), [
    ("/api/v1/token", {"json": {"username": "0\x00", "password": "x"}}),
    ("/login", {"data": {"username": "dg\x00", "password": "demo-dg"}}),
    ("/login?next=%00", {"data": {"username": "dg", "password": "demo-dg"}}),
])
def test_a_nul_character_is_refused_before_the_database(client: FlaskClient, session: Session,
                                                         path: str, kwargs: Any) -> None:
    """PostgreSQL text cannot hold NUL: found by the API fuzzing as a 500 on /api/v1/token."""
    attempts = session.scalar(select(func.count()).select_from(LoginAttempt))
    response = client.post(path, **kwargs)
    assert response.status_code == 400
    if path.startswith("/api/"):
        assert response.json["error"] == "bad_request"
    assert session.scalar(select(func.count()).select_from(LoginAttempt)) == attempts
