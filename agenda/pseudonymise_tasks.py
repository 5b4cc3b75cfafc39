"""The French model on the task queue (``council.queue``): the pseudonymiser and the model's
person names for the identity guard run in the ``pseudonymise`` workers, which load the model
once, when they boot. A web process sends the texts (in a message encrypted with the data key)
and waits for the answer; it never loads the model, except with the embedded queue
(development, demo, tests), where it runs the same function itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from flask import Flask, current_app

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
from council.queue import PSEUDONYMISE, QueueUnavailable, task_queue

PSEUDONYMISE_ACTOR = "pseudonymise_reports"
ENTITIES_ACTOR = "person_entities"

__all__ = ["QueueUnavailable", "init_app", "person_entities", "pseudonymise", "warm"]


def init_app(app: Flask) -> None:
    """Declares the actors; a worker serving ``pseudonymise`` loads the model when it boots."""
    queue = app.extensions["council_queue"]
    queue.declare(run, name=PSEUDONYMISE_ACTOR, queue_name=PSEUDONYMISE, store_results=True,
                  with_app=False)
    queue.declare(entities, name=ENTITIES_ACTOR, queue_name=PSEUDONYMISE, store_results=True,
                  with_app=False)
    queue.on_worker_boot(PSEUDONYMISE, load_model)


def run(request: dict[str, Any]) -> dict[str, Any]:
    """Pseudonymises one request (JSON in, JSON out: what travels on the queue)."""
    pseudonymiser = Pseudonymiser(request["language"], date.fromisoformat(request["date"]))
    pairs = [(text, parse_dossier(dossier)) for text, dossier in request["pairs"]]
    if not request["as_meeting"]:
        return {"items": [item_to_dict(i) for i in pseudonymiser.pseudonymise_each(pairs)],
                "registry": None}
    registry = Registry.from_dict(request["registry"]) if request["registry"] else None
    result = pseudonymiser.pseudonymise_meeting(pairs, registry=registry)
    return {"items": [item_to_dict(i) for i in result.items],
            "registry": result.registry.to_dict()}


def entities(texts: list[str]) -> list[list[tuple[int, int]]]:
    """The model's person spans of each text."""
    return [[(start, end) for start, end in spans]
            for spans in ner.person_entities([str(text) for text in texts])]


def _wait_ms() -> int:
    return current_app.config["COUNCIL_QUEUE_WAIT_SECONDS"] * 1000


def pseudonymise(
    pairs: Sequence[tuple[str, Dossier]],
    *,
    language: str,
    reference_date: date,
    registry: Registry | None,
    as_meeting: bool,
) -> tuple[list[PseudonymisedItem], Registry | None]:
    """Runs the pseudonymiser here when this process works for the ``pseudonymise`` queue
    (an embedded queue, or a pseudonymisation worker), otherwise asks a worker and waits
    (``QueueUnavailable`` after ``COUNCIL_QUEUE_WAIT_SECONDS``)."""
    if task_queue().works_for(PSEUDONYMISE):
        pseudonymiser = Pseudonymiser(language, reference_date)
        if not as_meeting:
            return pseudonymiser.pseudonymise_each(pairs), None
        result = pseudonymiser.pseudonymise_meeting(pairs, registry=registry)
        return result.items, result.registry
    answer = task_queue().call(PSEUDONYMISE_ACTOR, {
        "pairs": [(text, dossier_to_dict(dossier)) for text, dossier in pairs],
        "language": language,
        "date": reference_date.isoformat(),
        "registry": registry.to_dict() if registry else None,
        "as_meeting": as_meeting,
    }, timeout_ms=_wait_ms())
    items = [item_from_dict(item) for item in answer["items"]]
    return items, Registry.from_dict(answer["registry"]) if answer["registry"] else None


def warm(pairs: Sequence[tuple[str, Dossier]], *, language: str, reference_date: date) -> None:
    """In a process that runs the model (a pseudonymisation worker, the embedded queue), runs
    it on the texts now, before a lock is taken (``Pseudonymiser.warm``); elsewhere nothing."""
    if task_queue().works_for(PSEUDONYMISE):
        Pseudonymiser(language, reference_date).warm(pairs)


def person_entities(texts: Sequence[str]) -> list[list[tuple[int, int]]] | None:
    """The model's person spans of each text: computed here in a pseudonymisation worker,
    asked of one from a web process with a broker; None with the embedded queue (the model
    is not loaded for the guard in development and tests: the rules only)."""
    queue = task_queue()
    if queue.embedded:
        return None
    if not texts:
        return []
    if queue.works_for(PSEUDONYMISE):
        return entities(list(texts))
    found = queue.call(ENTITIES_ACTOR, list(texts), timeout_ms=_wait_ms())
    return [[(start, end) for start, end in spans] for spans in found]
