"""The dossier identity attached to a social report: loading and validation.

The schema (a copy of ../shared/spec/dossier.schema.json, shipped with the package) is checked
first; then the values the schema only describes (NISS and IBAN checksums, blank names). Every
message names the field, e.g. ``applicant.last_name: required``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import jsonschema
from stdnum import iban as stdnum_iban
from stdnum.be import bis, nn

MAX_DOSSIER_BYTES = 1_000_000


class DossierError(ValueError):
    """A dossier that cannot be used; ``errors`` holds one message per bad field."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Person:
    last_name: str
    first_names: tuple[str, ...] = ()
    birth_date: date | None = None
    niss: str | None = None
    sex: str | None = None
    relation: str = "applicant"
    role: str | None = None

    @property
    def full_name(self) -> str:
        return " ".join((*self.first_names, self.last_name))


@dataclass(frozen=True)
class Address:
    street: str | None = None
    number: str | None = None
    box: str | None = None
    postcode: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class Contacts:
    phone: str | None = None
    email: str | None = None
    iban: str | None = None


@dataclass(frozen=True)
class Dossier:
    reference: str
    applicant: Person
    language: str | None = None  # None: the caller's default applies
    address: Address | None = None
    household: tuple[Person, ...] = ()
    third_parties: tuple[Person, ...] = ()
    contacts: Contacts = Contacts()

    @property
    def persons(self) -> tuple[Person, ...]:
        """Applicant first: when a surname is shared, a bare surname means the applicant."""
        return (self.applicant, *self.household, *self.third_parties)


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(
        resources.files("agenda.pseudonymise").joinpath("dossier.schema.json").read_text("utf-8")
    )
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def load_dossier(path: str | Path) -> Dossier:
    """Read and validate a dossier file (UTF-8 JSON)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise DossierError([f"dossier: cannot read ({error.strerror})"]) from None
    return parse_dossier_bytes(raw)


def parse_dossier_bytes(raw: bytes) -> Dossier:
    if len(raw) > MAX_DOSSIER_BYTES:
        raise DossierError([f"dossier: larger than {MAX_DOSSIER_BYTES} bytes"])
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DossierError(["dossier: not UTF-8 text"]) from None
    except json.JSONDecodeError as error:
        raise DossierError(
            [f"dossier: not valid JSON ({error.msg}, line {error.lineno})"]
        ) from None
    return parse_dossier(data)


def parse_dossier(data: object) -> Dossier:
    """Validate a decoded dossier and build the model; raises DossierError naming each field."""
    errors = [_describe(error) for error in _validator().iter_errors(data)]
    if not errors and isinstance(data, Mapping):
        errors = list(_value_errors(data))
    if errors:
        raise DossierError(sorted(set(errors)))
    return _build(cast(Mapping[str, Any], data))


def _field(path: list[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "dossier"


def _describe(error: jsonschema.ValidationError) -> str:
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, Mapping):
        missing = [key for key in error.validator_value if key not in error.instance]
        return f"{_field([*path, *missing[:1]])}: required"
    return f"{_field(path)}: {error.message}"


def _people(data: Mapping[str, Any]) -> Iterator[tuple[list[str | int], Mapping[str, Any]]]:
    yield ["applicant"], data["applicant"]
    for key in ("household", "third_parties"):
        for index, person in enumerate(data.get(key) or []):
            yield [key, index], person


def _value_errors(data: Mapping[str, Any]) -> Iterator[str]:
    if not str(data["reference"]).strip():
        yield "reference: empty"
    for path, person in _people(data):
        if not person["last_name"].strip():
            yield f"{_field([*path, 'last_name'])}: empty"
        niss = person.get("niss")
        if niss is not None and not valid_niss(niss):
            yield f"{_field([*path, 'niss'])}: {niss!r} is not a valid NISS (11 digits, mod-97)"
    iban = (data.get("contacts") or {}).get("iban")
    if iban is not None and not stdnum_iban.is_valid(iban, check_country=False):
        yield f"contacts.iban: {iban!r} is not a valid IBAN"


def valid_niss(value: str) -> bool:
    """A Belgian national register number (NISS) or BIS number: 11 digits once the usual
    separators are dropped, with a valid mod-97 check."""
    digits = re.sub(r"[\s./-]", "", value)
    return len(digits) == 11 and (nn.is_valid(digits) or bis.is_valid(digits))


def _person(data: Mapping[str, Any], relation: str) -> Person:
    birth = data.get("birth_date")
    return Person(
        last_name=data["last_name"].strip(),
        first_names=tuple(name.strip() for name in data.get("first_names") or () if name.strip()),
        birth_date=date.fromisoformat(birth) if birth else None,
        niss=data.get("niss"),
        sex=data.get("sex"),
        relation=data.get("relation", relation) if relation != "third_party" else relation,
        role=data.get("role"),
    )


def _build(data: Mapping[str, Any]) -> Dossier:
    address = data.get("address")
    contacts = data.get("contacts") or {}
    return Dossier(
        reference=str(data["reference"]),
        applicant=_person(data["applicant"], "applicant"),
        language=data.get("language"),
        address=Address(**{key: address.get(key) for key in Address.__annotations__})
        if address
        else None,
        household=tuple(_person(p, "other") for p in data.get("household") or ()),
        third_parties=tuple(_person(p, "third_party") for p in data.get("third_parties") or ()),
        contacts=Contacts(**{key: contacts.get(key) for key in Contacts.__annotations__}),
    )
