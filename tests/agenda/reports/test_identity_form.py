"""The dossier identity as a form (issue 16, item 1): each field's rule, the form and the JSON
both ways, the intake with a household, and the correction of a dossier as a new version."""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from report_samples import APPLICANT_IBAN, APPLICANT_NISS, DOSSIER, TEXT, niss
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from agenda.reports import identity_form
from agenda.reports.dossiers import MAX_PEOPLE
from council.crypto import decrypt_json
from council.models import AuditEntry, Dossier, DossierIdentity, SocialReport

BIS_NUMBER = niss("844312", 123)  # a BIS number: the month plus 40, same mod-97 check
CHILD_NISS = niss("160502", 456)


def _errors(app: Flask, data: dict[str, str], language: str = "en") -> dict[str, list[str]]:
    """The form's errors by field name (``applicant-niss``, …) for ``data`` posted."""
    body = MultiDict({"dossier-reference": "2026/0990",
                      "dossier-applicant-last_name": "Dupont", **{
                          f"dossier-{key}": value for key, value in data.items()}})
    with app.test_request_context("/reports/new", method="POST", data=body,
                                  headers={"Accept-Language": language}):
        fields = identity_form.dossier_fields()
        fields.validate()
        return _flatten(fields.errors)


def _flatten(errors: Any, prefix: str = "") -> dict[str, list[str]]:
    if isinstance(errors, list) and not any(isinstance(e, dict | list) for e in errors):
        return {prefix: [str(e) for e in errors]} if errors else {}
    flat: dict[str, list[str]] = {}
    items = errors.items() if isinstance(errors, dict) else enumerate(errors)
    for key, value in items:
        flat.update(_flatten(value, f"{prefix}-{key}" if prefix else str(key)))
    return flat


# --- each rule, as a table -------------------------------------------------------------------

@pytest.mark.parametrize(("data", "field", "message"), [
    # the national register number: 11 digits with a mod-97 check (NISS or BIS)
    ({"applicant-niss": "84031212345"}, "applicant-niss", "not a valid national register"),
    ({"applicant-niss": "8403121234"}, "applicant-niss", "not a valid national register"),
    ({"applicant-niss": "12345678901234567890123"}, "applicant-niss", "At most 20 characters"),
    # a household member needs a last name once anything of them is given
    ({"household-0-first_names": "Léa"}, "household-0-last_name", "Give the last name."),
    ({"household-0-last_name": "Dupont", "household-0-niss": "11111111111"},
     "household-0-niss", "not a valid national register"),
    ({"household-0-last_name": "Dupont", "household-0-relation": "cousin"},
     "household-0-relation", "Not a valid choice"),
    ({"third_parties-0-role": "propriétaire"}, "third_parties-0-last_name",
     "Give the last name."),
    # the bounds of issue 14: 8 first names, 200 characters a value
    ({"applicant-first_names": ", ".join(f"N{i}" for i in range(9))},
     "applicant-first_names", "At most 8 first names."),
    ({"applicant-last_name": "x" * 201}, "applicant-last_name", "At most 200 characters."),
    ({"third_parties-0-last_name": "Durand", "third_parties-0-role": "r" * 201},
     "third_parties-0-role", "At most 200 characters."),
    ({"reference": "R" * 41}, "reference", "At most 40 characters."),
    ({"reference": ""}, "reference", "Give the file reference."),
    ({"applicant-last_name": ""}, "applicant-last_name", "Give the applicant's last name."),
    # dates: a real date, in the span of births
    ({"applicant-birth_date": "1984-02-31"}, "applicant-birth_date", "Not a valid date"),
    ({"applicant-birth_date": "0001-01-01"}, "applicant-birth_date",
     "A date of birth must fall between"),
    ({"applicant-sex": "Q"}, "applicant-sex", "Not a valid choice"),
    # the address: a Belgian postcode, and whole or empty
    ({"address-street": "rue Haute", "address-number": "3", "address-postcode": "700",
      "address-city": "Mons"}, "address-postcode", "four digits"),
    ({"address-street": "rue Haute"}, "address-city", "Complete the address"),
    # contacts: a phone number that exists, an e-mail address, an IBAN with its check
    ({"contacts-phone": "0470 12 34"}, "contacts-phone", "not a valid phone number"),
    ({"contacts-phone": "abc"}, "contacts-phone", "not a valid phone number"),
    ({"contacts-email": "mireille@"}, "contacts-email", "not a valid e-mail address"),
    ({"contacts-iban": "BE71 0961 2345 6768"}, "contacts-iban", "not a valid IBAN"),
    ({"contacts-iban": "BE68 5390 0754 7034"}, "contacts-iban", "not a valid IBAN"),  # BBAN
    ({"contacts-iban": "BE68 5390"}, "contacts-iban", "not a valid IBAN"),
])
def test_each_field_has_its_rule(app: Flask, data: dict[str, str], field: str,
                                 message: str) -> None:
    errors = _errors(app, data)
    assert field in errors, errors
    assert any(message in error for error in errors[field]), errors[field]


@pytest.mark.parametrize("data", [
    {},
    {"applicant-niss": APPLICANT_NISS},
    {"applicant-niss": "84.03.12-123." + APPLICANT_NISS[-2:]},  # as printed on the card
    {"applicant-niss": BIS_NUMBER},
    {"applicant-first_names": ", ".join(f"N{i}" for i in range(8))},
    {"contacts-phone": "0470 12 34 56"},
    {"contacts-phone": "+33 6 12 34 56 78"},
    {"contacts-phone": "065 12 34 56"},
    {"contacts-email": "mireille.kabongo@example.be"},
    {"contacts-iban": "BE71 0961 2345 6769"},
    {"contacts-iban": APPLICANT_IBAN},
    {"address-street": "rue Haute", "address-number": "3", "address-postcode": "7000",
     "address-city": "Mons"},
    {"household-0-last_name": "", "household-0-relation": "child"},  # a blank row
    {"household-0-last_name": "Dupont", "household-0-niss": CHILD_NISS,
     "household-0-birth_date": "2016-05-02", "household-0-relation": "child"},
])
def test_valid_values_pass(app: Flask, data: dict[str, str]) -> None:
    assert _errors(app, data) == {}


@pytest.mark.parametrize(("language", "message"), [
    ("fr", "numéro de registre national"),
    ("nl", "rijksregisternummer"),
    ("de", "Nationalregisternummer"),
])
def test_messages_are_in_the_users_language(app: Flask, language: str, message: str) -> None:
    errors = _errors(app, {"applicant-niss": "84031212345"}, language)
    assert message in errors["applicant-niss"][0]


def test_no_more_rows_than_the_bound(app: Flask) -> None:
    data = {f"household-{i}-last_name": f"P{i}" for i in range(MAX_PEOPLE + 5)}
    body = MultiDict({"dossier-reference": "R", "dossier-applicant-last_name": "A",
                      **{f"dossier-{k}": v for k, v in data.items()}})
    with app.test_request_context("/reports/new", method="POST", data=body):
        fields = identity_form.dossier_fields()
        assert len(fields.household.entries) == MAX_PEOPLE
        assert identity_form.change_rows(fields, "add:household")
        assert len(fields.household.entries) == MAX_PEOPLE


# --- the form and the JSON, both ways --------------------------------------------------------

def test_a_stored_dossier_comes_back_the_same_through_the_form(app: Flask) -> None:
    full = copy.deepcopy(DOSSIER)
    full["third_parties"] = [{"last_name": "Vandeputte", "first_names": ["Hector"],
                              "role": "propriétaire"}]
    with app.test_request_context("/"):
        fields = identity_form.dossier_fields(data=identity_form.form_data(full))
        assert fields.validate(), fields.errors
        assert identity_form.to_dossier(fields) == full


def test_rows_are_added_and_removed_by_buttons(app: Flask) -> None:
    body = MultiDict({"dossier-household-0-last_name": "Un",
                      "dossier-household-1-last_name": "Deux",
                      "dossier-household-2-last_name": "Trois"})
    with app.test_request_context("/reports/new", method="POST", data=body):
        fields = identity_form.dossier_fields()
        assert identity_form.change_rows(fields, "remove:household:1")
        assert [row.form.last_name.data for row in fields.household] == ["Un", "Trois"]
        assert identity_form.change_rows(fields, "add:third_parties")
        assert len(fields.third_parties.entries) == 1
        assert not identity_form.change_rows(fields, "remove:applicant:0")
        assert not identity_form.change_rows(fields, None)


# --- the intake page -------------------------------------------------------------------------

def _household_post(niss_value: str) -> dict[str, str]:
    return {
        "organ": "csss", "text": TEXT,
        "dossier-reference": "2026/0960", "dossier-language": "fr",
        "dossier-applicant-last_name": "Kabongo-Verhelst",
        "dossier-applicant-first_names": "Mireille", "dossier-applicant-sex": "F",
        "dossier-applicant-birth_date": "1984-03-12", "dossier-applicant-niss": APPLICANT_NISS,
        "dossier-address-street": "rue des Alouettes", "dossier-address-number": "14",
        "dossier-address-postcode": "7000", "dossier-address-city": "Hautrival",
        "dossier-contacts-phone": "0470 12 34 56", "dossier-contacts-iban": APPLICANT_IBAN,
        "dossier-household-0-last_name": "Kabongo-Verhelst",
        "dossier-household-0-first_names": "Timothée",
        "dossier-household-0-relation": "child",
        "dossier-household-0-birth_date": "2016-05-02",
        "dossier-household-0-niss": niss_value,
        "dossier-third_parties-0-last_name": "Vandeputte",
        "dossier-third_parties-0-first_names": "Hector",
        "dossier-third_parties-0-role": "propriétaire",
    }


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_a_bad_niss_in_the_household_is_shown_by_its_field_in_french(
        client: FlaskClient, auth: Any, session: Session) -> None:
    auth.login("socialworker")
    auth.use_language("fr")
    before = _count(session, SocialReport)
    response = client.post("/reports/new", data=_household_post("16050245600"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    error = re.search(r'<p class="field-error" id="dossier-household-0-niss-error">([^<]*)</p>',
                      page)
    assert error is not None and "registre national" in error.group(1)
    assert 'aria-describedby="dossier-household-0-niss-error"' in page
    assert "household[0]" not in page  # no JSON path
    assert 'value="Timothée"' in page and 'value="Vandeputte"' in page  # nothing lost
    assert "<details open" not in page  # the fields are not folded away
    assert _count(session, SocialReport) == before


def test_a_household_is_stored_as_the_dossiers_json(client: FlaskClient, auth: Any,
                                                    session: Session) -> None:
    auth.login("socialworker")
    response = client.post("/reports/new", data=_household_post(CHILD_NISS))
    assert response.status_code == 302, response.get_data(as_text=True)
    dossier = session.scalar(select(Dossier).where(Dossier.reference == "2026/0960"))
    identity = decrypt_json(dossier.identity_encrypted)
    assert identity["household"] == [{
        "last_name": "Kabongo-Verhelst", "first_names": ["Timothée"],
        "birth_date": "2016-05-02", "niss": CHILD_NISS, "relation": "child"}]
    assert identity["third_parties"][0]["role"] == "propriétaire"
    assert identity["address"]["postcode"] == "7000"
    assert identity["contacts"] == {"phone": "0470 12 34 56", "iban": APPLICANT_IBAN}
    report = session.scalar(select(SocialReport).where(SocialReport.dossier_id == dossier.id))
    for value in ("Kabongo", "Timothée", "Vandeputte", APPLICANT_IBAN):
        assert value not in report.draft_text


def test_adding_a_person_keeps_everything_typed(client: FlaskClient, auth: Any,
                                                session: Session) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    before = _count(session, SocialReport)
    response = client.post("/reports/new", data={**_household_post(CHILD_NISS),
                                                 "rows": "add:household"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'name="dossier-household-1-last_name"' in page
    assert 'value="Timothée"' in page and "Madame Mireille" in page
    assert "field-error" not in page
    assert _count(session, SocialReport) == before


# --- the correction --------------------------------------------------------------------------

def _submitted(client: FlaskClient, session: Session) -> Dossier:
    assert client.post("/reports/new", data=_household_post(CHILD_NISS)).status_code == 302
    return session.scalar(select(Dossier).where(Dossier.reference == "2026/0960"))


def _correcting(client: FlaskClient, auth: Any, session: Session,
                language: str) -> tuple[Dossier, dict[str, str]]:
    """A dossier submitted by the demo social worker, who corrects it in ``language``, and its
    identity's fields as submitted."""
    auth.login("socialworker")
    auth.use_language(language)
    dossier = _submitted(client, session)
    return dossier, {key: value for key, value in _household_post(CHILD_NISS).items()
                     if key.startswith("dossier-")}


def _versions(session: Session, dossier: Dossier) -> int:
    return session.scalar(select(func.count()).select_from(DossierIdentity)
                          .where(DossierIdentity.dossier_id == dossier.id))


def _audits(session: Session, action: str, dossier: Dossier) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.action == action, AuditEntry.object_id == dossier.id))


def test_the_correction_form_opens_the_identity_in_force(client: FlaskClient, auth: Any,
                                                         session: Session) -> None:
    auth.login("socialworker")
    auth.use_language("en")
    dossier = _submitted(client, session)
    report = session.scalar(select(SocialReport).where(SocialReport.dossier_id == dossier.id))
    assert f"/dossiers/{dossier.id}/identity" in client.get(
        f"/reports/{report.id}").get_data(as_text=True)
    response = client.get(f"/dossiers/{dossier.id}/identity")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("no-store")
    assert 'value="Timothée"' in page and 'value="2016-05-02"' in page
    assert 'value="propriétaire"' in page
    assert _audits(session, "dossier_identity_opened", dossier) == 1


def test_a_correction_is_a_new_audited_version(client: FlaskClient, auth: Any,
                                               session: Session) -> None:
    dossier, data = _correcting(client, auth, session, "en")
    data["dossier-reference"] = "2026/9999"  # the reference names the dossier: ignored
    data["dossier-address-street"] = "rue des Mésanges"
    data["dossier-household-1-last_name"] = "Kabongo"
    data["dossier-household-1-first_names"] = "Noé"
    data["dossier-household-1-relation"] = "child"
    response = client.post(f"/dossiers/{dossier.id}/identity", data=data)
    assert response.status_code == 302
    assert "new version" in client.get(response.headers["Location"]).get_data(as_text=True)
    session.expire_all()
    identity = decrypt_json(dossier.identity_encrypted)
    assert dossier.reference == identity["reference"] == "2026/0960"
    assert identity["address"]["street"] == "rue des Mésanges"
    assert [p["first_names"] for p in identity["household"]] == [["Timothée"], ["Noé"]]
    assert _versions(session, dossier) == 2
    assert _audits(session, "dossier_identity_changed", dossier) == 1
    # the same identity again: no new version
    assert client.post(f"/dossiers/{dossier.id}/identity", data=data).status_code == 302
    assert _versions(session, dossier) == 2


def test_a_correction_with_a_bad_value_stores_nothing(client: FlaskClient, auth: Any,
                                                      session: Session) -> None:
    dossier, data = _correcting(client, auth, session, "nl")
    data["dossier-contacts-iban"] = "BE00 0000 0000 0000"
    data["dossier-applicant-birth_date"] = (date.today() + timedelta(days=3)).isoformat()
    response = client.post(f"/dossiers/{dossier.id}/identity", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="dossier-contacts-iban-error"' in page and "IBAN" in page
    assert 'id="dossier-applicant-birth_date-error"' in page
    assert _versions(session, dossier) == 1
