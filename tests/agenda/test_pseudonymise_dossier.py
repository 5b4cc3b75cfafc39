"""Dossier validation: a bad dossier names the field; the shared samples load."""

from pathlib import Path

import pytest

from agenda.pseudonymise import DossierError, load_dossier, parse_dossier, parse_dossier_bytes

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "pseudonymisation"
CORPUS = Path(__file__).resolve().parent / "corpus"


def minimal(**extra):
    return {"reference": "2026/0001", "applicant": {"last_name": "Diallo"}, **extra}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reference": "x", "applicant": {}}, "applicant.last_name: required"),
        ({"applicant": {"last_name": "A"}}, "reference: required"),
        (minimal(address={"postcode": "70000"}), "address.postcode: '70000' does not match"),
        (
            minimal(household=[{"last_name": "B", "relation": "cousin"}]),
            "household[0].relation: 'cousin' is not one of",
        ),
        (
            minimal(household=[{"last_name": "B", "birth_date": "2020-13-01"}]),
            "household[0].birth_date: '2020-13-01' is not a 'date'",
        ),
        (minimal(third_parties=[{"first_names": ["Jo"]}]), "third_parties[0].last_name: required"),
        (minimal(language="en"), "language: 'en' is not one of"),
        (
            {"reference": "x", "applicant": {"last_name": "A", "first_names": "Jo"}},
            "applicant.first_names: 'Jo' is not of type 'array'",
        ),
        ([], "dossier: [] is not of type 'object'"),
        (
            {"reference": "x", "applicant": {"last_name": "A", "niss": "85121335657"}},
            "applicant.niss: '85121335657' is not a valid NISS",
        ),
        (minimal(contacts={"iban": "BE00 1234"}), "contacts.iban: 'BE00 1234' is not a valid IBAN"),
        ({"reference": "x", "applicant": {"last_name": "  "}}, "applicant.last_name: empty"),
    ],
)
def test_bad_dossier_names_the_field(data, message):
    with pytest.raises(DossierError) as raised:
        parse_dossier(data)
    assert message in str(raised.value)


def test_every_bad_field_is_listed():
    data = {"reference": "x", "applicant": {}, "address": {"postcode": "1"}}
    with pytest.raises(DossierError) as raised:
        parse_dossier(data)
    assert raised.value.errors == [
        "address.postcode: '1' does not match '^[1-9][0-9]{3}$'",
        "applicant.last_name: required",
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "dossier: not valid JSON"),
        ('{"reference": "é"}'.encode("latin-1"), "dossier: not UTF-8 text"),
    ],
)
def test_unreadable_dossier(raw, message):
    with pytest.raises(DossierError, match=message):
        parse_dossier_bytes(raw)


def test_missing_file(tmp_path):
    with pytest.raises(DossierError, match="dossier: cannot read"):
        load_dossier(tmp_path / "absent.json")


def test_model_of_a_valid_dossier():
    dossier = parse_dossier(
        minimal(
            applicant={
                "last_name": "Diallo",
                "first_names": ["Naïma"],
                "birth_date": "1985-12-13",
                "niss": "85.12.13-356.56",
                "sex": "F",
            },
            household=[{"last_name": "Diallo", "first_names": ["Sami"], "relation": "child"}],
            third_parties=[{"last_name": "Tilquin", "role": "landlord"}],
        )
    )
    assert [p.relation for p in dossier.persons] == ["applicant", "child", "third_party"]
    assert dossier.applicant.full_name == "Naïma Diallo"
    assert dossier.language is None  # the caller's default applies


@pytest.mark.parametrize("folder", [SAMPLES, CORPUS])
def test_annotated_dossiers_are_valid(folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} absent")
    for path in folder.glob("*.json"):
        if not path.name.endswith(".ann.json"):
            load_dossier(path)
