"""The pseudonymiser as a local service: one process loads the French model (~0.5 GB) once
and serves every web worker over a Unix socket (``COUNCIL_PSEUDONYMISER_SOCKET``).

Without that setting the web process pseudonymises inline (development, demo, tests). The
socket carries identities: it is created with mode 0600, for the application's own user.
Protocol: one JSON request line, one JSON response line, per connection. A request is a
pseudonymisation (``request``), or ``{"entities": [text, ...]}``: the model's person spans of
each text, for the identity guard (``person_entities``).
"""

from __future__ import annotations

import json
import os
import socket
import socketserver
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from agenda.pseudonymise import (
    Dossier,
    PseudonymisedItem,
    Pseudonymiser,
    Registry,
    load_model,
    ner,
    parse_dossier,
)
from agenda.pseudonymise.wire import dossier_to_dict, item_from_dict, item_to_dict

#: a meeting of several hundred reports takes seconds; a stuck service must not hang a request
TIMEOUT_SECONDS = 120


class ServiceError(RuntimeError):
    """The pseudonymisation service did not answer, or answered an error."""


def run(request: dict[str, Any]) -> dict[str, Any]:
    """Pseudonymises one request (what the service does with each line it receives)."""
    if "entities" in request:
        return {"entities": ner.person_entities([str(text) for text in request["entities"]])}
    pseudonymiser = Pseudonymiser(request["language"], date.fromisoformat(request["date"]))
    pairs = [(text, parse_dossier(dossier)) for text, dossier in request["pairs"]]
    if not request["as_meeting"]:
        return {"items": [item_to_dict(i) for i in pseudonymiser.pseudonymise_each(pairs)],
                "registry": None}
    registry = Registry.from_dict(request["registry"]) if request["registry"] else None
    result = pseudonymiser.pseudonymise_meeting(pairs, registry=registry)
    return {"items": [item_to_dict(i) for i in result.items],
            "registry": result.registry.to_dict()}


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        try:
            response = {"ok": run(json.loads(self.rfile.readline()))}
        # Any failure: the caller gets its kind, never text that could hold an identity.
        except Exception as error:
            response = {"error": type(error).__name__}
        self.wfile.write(json.dumps(response, ensure_ascii=False).encode() + b"\n")


def serve(socket_path: Path) -> None:
    """Loads the model, then answers requests one at a time until interrupted."""
    load_model()
    socket_path.unlink(missing_ok=True)
    previous = os.umask(0o177)
    try:
        server = socketserver.UnixStreamServer(str(socket_path), _Handler)
    finally:
        os.umask(previous)
    with server:
        server.serve_forever()


def request(
    socket_path: str,
    pairs: Sequence[tuple[str, Dossier]],
    *,
    language: str,
    reference_date: date,
    registry: Registry | None,
    as_meeting: bool,
) -> tuple[list[PseudonymisedItem], Registry | None]:
    """Asks the service; same inputs and outputs as running the pseudonymiser inline."""
    result = _exchange(socket_path, {
        "pairs": [(text, dossier_to_dict(dossier)) for text, dossier in pairs],
        "language": language,
        "date": reference_date.isoformat(),
        "registry": registry.to_dict() if registry else None,
        "as_meeting": as_meeting,
    })
    items = [item_from_dict(item) for item in result["items"]]
    return items, Registry.from_dict(result["registry"]) if result["registry"] else None


def person_entities(socket_path: str, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """The model's person spans of each text, computed by the service."""
    if not texts:
        return []
    found = _exchange(socket_path, {"entities": list(texts)})["entities"]
    return [[(start, end) for start, end in spans] for spans in found]


def _exchange(socket_path: str, payload: dict[str, Any]) -> dict[str, Any]:
    """One request line sent, one answer line read; the answer's result."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(TIMEOUT_SECONDS)
            connection.connect(socket_path)
            connection.sendall(json.dumps(payload, ensure_ascii=False).encode() + b"\n")
            answer = json.loads(connection.makefile("rb").readline() or b"{}")
    except (OSError, ValueError) as error:
        raise ServiceError(type(error).__name__) from error
    if "ok" not in answer:
        raise ServiceError(answer.get("error", "no answer"))
    return answer["ok"]
