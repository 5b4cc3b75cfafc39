"""The pseudonymiser as a separate local service: web workers then never load the model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from flask import Flask
from flask.testing import FlaskClient
from report_samples import DOSSIER, IDENTITY_VALUES, OTHER_DOSSIER, OTHER_TEXT, TEXT
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from support import user_named

from agenda.guard import GuardUnavailable, IdentityInText, guard_texts
from agenda.pseudonymise import Pseudonymiser, parse_dossier
from agenda.pseudonymise.service import ServiceError, request
from agenda.pseudonymise.wire import dossier_to_dict
from council.models import AgendaItem, Dossier

SHARED_SAMPLE = Path(__file__).resolve().parents[3] / "shared/samples/pseudonymisation"


@pytest.mark.parametrize("data", [DOSSIER, OTHER_DOSSIER], ids=["dossier", "other"])
def test_dossier_round_trip(data: dict[str, Any]) -> None:
    dossier = parse_dossier(data)
    assert parse_dossier(dossier_to_dict(dossier)) == dossier


@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason="shared samples not beside the repo")
def test_dossier_round_trip_of_the_shared_samples() -> None:
    for path in sorted(SHARED_SAMPLE.glob("case*[0-9].json")):
        dossier = parse_dossier(json.loads(path.read_text()))
        assert parse_dossier(dossier_to_dict(dossier)) == dossier, path.name


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real command in its own process, as production runs it."""
    folder = tmp_path_factory.mktemp("service")
    socket_path = folder / "pseudonymiser.sock"
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [sys.executable, "-m", "flask", "--app", "council", "pseudonymiser-service",
         "--socket", str(socket_path)],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
             "DATABASE_URL": f"sqlite:///{folder / 'unused.db'}", "SECRET_KEY": "k",
             "COUNCIL_DATA_KEY": Fernet.generate_key().decode()},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not socket_path.exists():
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the service did not start"
            time.sleep(0.2)
        assert oct(socket_path.stat().st_mode & 0o777) == oct(0o600)
        yield str(socket_path)
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stderr:
            process.stderr.close()


def test_service_gives_what_inline_gives(service: str) -> None:
    pairs = [(TEXT, parse_dossier(DOSSIER)), (OTHER_TEXT, parse_dossier(OTHER_DOSSIER))]
    today = date(2026, 11, 16)
    remote, registry = request(service, pairs, language="fr", reference_date=today,
                               registry=None, as_meeting=True)
    inline = Pseudonymiser("fr", today).pseudonymise_meeting(pairs)
    assert [item.text for item in remote] == [item.text for item in inline.items]
    assert [item.replacements for item in remote] == [item.replacements for item in inline.items]
    assert registry is not None and registry.key() == inline.registry.key()


def test_web_workers_use_the_service_and_never_the_model(
        service: str, app: Flask, client: FlaskClient, api_token: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model_here(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the web process ran the pseudonymiser")

    monkeypatch.setattr("agenda.reports.common.Pseudonymiser", no_model_here)
    monkeypatch.setitem(app.config, "COUNCIL_PSEUDONYMISER_SOCKET", service)
    response = client.post("/api/v1/reports", headers=api_token("socialworker"),
                           json={"dossier": DOSSIER, "text": TEXT, "organ": "csss"})
    assert response.status_code == 201, response.json
    assert "Madame A." in response.json["pseudonymised_text"]
    for value in IDENTITY_VALUES:
        assert value not in response.json["pseudonymised_text"]


def test_service_down_is_a_503_and_nothing_stored(app: Flask, client: FlaskClient,
                                                  api_token: Any, tmp_path: Path,
                                                  session: Session,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "COUNCIL_PSEUDONYMISER_SOCKET", str(tmp_path / "none.sock"))
    headers = api_token("socialworker")
    response = client.post("/api/v1/reports", headers=headers,
                           json={"dossier": DOSSIER, "text": TEXT, "organ": "csss"})
    assert response.status_code == 503
    assert response.json["error"] == "service_unavailable"
    assert session.scalar(select(func.count()).select_from(Dossier).where(
        Dossier.reference == DOSSIER["reference"])) == 0


def test_request_to_a_missing_socket_raises(tmp_path: Path) -> None:
    with pytest.raises(ServiceError):
        request(str(tmp_path / "none.sock"), [], language="fr", reference_date=date.today(),
                registry=None, as_meeting=False)


def test_the_identity_guard_asks_the_service_for_the_models_names(
        service: str, app: Flask, session: Session, demo: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A lone surname the rules miss: the model, in the service, finds it; the web process
    never loads the model, and a service that does not answer lets nothing through."""
    def no_model_here() -> None:
        raise AssertionError("the web process loaded the model")

    monkeypatch.setattr("agenda.pseudonymise.ner.load_model", no_model_here)
    item = session.get(AgendaItem, demo.csss_item_id)
    texts = {"title": "La demande de Kowalczyk est reportée."}

    def guard() -> None:
        guard_texts(session, texts, labels={}, actor=user_named(session, "secretariat"),
                    meeting=item.meeting, object_type="agenda_item", object_id=item.id)

    guard()  # rules only, without the service
    monkeypatch.setitem(app.config, "COUNCIL_PSEUDONYMISER_SOCKET", service)
    with pytest.raises(IdentityInText) as refused:
        guard()
    assert [(hit.kind, hit.masked) for hit in refused.value.hits] == [("name", "Ko•••••••")]
    monkeypatch.setitem(app.config, "COUNCIL_PSEUDONYMISER_SOCKET", str(tmp_path / "none.sock"))
    with pytest.raises(GuardUnavailable):
        guard()
