"""What crosses the task queue for the French model: the dossier's JSON form round trip, and
the actor's JSON answer equal to the pseudonymiser's own (the embedded queue runs it inline;
tests/agenda/test_queue_workers.py runs it in a worker on Redis)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from report_samples import DOSSIER, OTHER_DOSSIER, OTHER_TEXT, TEXT

from agenda import pseudonymise_tasks
from agenda.pseudonymise import Pseudonymiser, parse_dossier
from agenda.pseudonymise.wire import dossier_to_dict, item_from_dict

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


def test_the_actor_answers_what_the_pseudonymiser_gives() -> None:
    pairs = [(TEXT, parse_dossier(DOSSIER)), (OTHER_TEXT, parse_dossier(OTHER_DOSSIER))]
    today = date(2026, 11, 16)
    answer = pseudonymise_tasks.run(json.loads(json.dumps({
        "pairs": [(text, dossier_to_dict(dossier)) for text, dossier in pairs],
        "language": "fr", "date": today.isoformat(), "registry": None, "as_meeting": True})))
    inline = Pseudonymiser("fr", today).pseudonymise_meeting(pairs)
    items = [item_from_dict(item) for item in answer["items"]]
    assert [item.text for item in items] == [item.text for item in inline.items]
    assert [item.replacements for item in items] == [item.replacements for item in inline.items]
    assert answer["registry"] == inline.registry.to_dict()
