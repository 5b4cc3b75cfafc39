"""Plain JSON forms of the pseudonymiser's inputs and outputs, so that it can run in a process
of its own (the French model is loaded there once, not in every web worker)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from agenda.pseudonymise.dossier import Dossier, Person
from agenda.pseudonymise.doubts import Doubt
from agenda.pseudonymise.engine import PseudonymisedItem, Replacement


def _person(person: Person, *, household: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"last_name": person.last_name,
                            "first_names": list(person.first_names)}
    if person.birth_date:
        data["birth_date"] = person.birth_date.isoformat()
    for key in ("niss", "sex", "role"):
        if getattr(person, key):
            data[key] = getattr(person, key)
    if household:
        data["relation"] = person.relation
    return data


def dossier_to_dict(dossier: Dossier) -> dict[str, Any]:
    """The dossier in the schema's shape (``parse_dossier`` reads it back)."""
    data: dict[str, Any] = {
        "reference": dossier.reference,
        "applicant": _person(dossier.applicant, household=False),
        "household": [_person(p, household=True) for p in dossier.household],
        "third_parties": [_person(p, household=False) for p in dossier.third_parties],
        "contacts": {k: v for k, v in asdict(dossier.contacts).items() if v},
    }
    if dossier.language:
        data["language"] = dossier.language
    if dossier.address:
        data["address"] = {k: v for k, v in asdict(dossier.address).items() if v}
    return data


def item_to_dict(item: PseudonymisedItem) -> dict[str, Any]:
    return {
        "text": item.text,
        "replacements": [asdict(r) for r in item.replacements],
        "key": item.key,
        "language": item.language,
        "doubts": [asdict(d) for d in item.doubts],
    }


def item_from_dict(data: dict[str, Any]) -> PseudonymisedItem:
    return PseudonymisedItem(
        text=data["text"],
        replacements=tuple(Replacement(**r) for r in data["replacements"]),
        key=data["key"],
        language=data["language"],
        doubts=tuple(Doubt(**d) for d in data["doubts"]),
    )
