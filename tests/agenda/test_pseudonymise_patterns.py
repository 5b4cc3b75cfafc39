"""Layer (b): validated patterns. Numbers count only when their checksum holds."""

from datetime import date

import pytest

from agenda.pseudonymise import Pseudonymiser, parse_dossier

TODAY = date(2026, 10, 1)


def run(text, language="fr", **dossier):
    data = {
        "reference": "2026/0001",
        "language": language,
        "applicant": {"last_name": "Zzyzx"},
        **dossier,
    }
    pseudonymiser = Pseudonymiser(reference_date=TODAY, use_model=False)
    return pseudonymiser.pseudonymise(text, parse_dossier(data))


def replaced(text, language="fr", **dossier):
    return [(r.original, r.replacement) for r in run(text, language, **dossier).replacements]


@pytest.mark.parametrize(
    "written",
    ["85121335656", "85.12.13-356.56", "851213 356 56", "851213-356-56", "85 12 13 356 56"],
)
def test_niss_with_any_separators(written):
    assert replaced(f"NISS : {written}.") == [(written, "[NISS]")]


def test_bis_number():
    assert replaced("BIS 90024211742") == [("90024211742", "[NISS]")]


@pytest.mark.parametrize("number", ["85121335657", "12345678901", "85.12.13-356.57"])
def test_invalid_checksum_left_alone(number):
    assert replaced(f"Dossier {number}") == []


def test_dossier_niss_removed_even_with_a_typo_elsewhere():
    text = "Registre national : 85 12 13 356 56"
    dossier = {"applicant": {"last_name": "Zzyzx", "niss": "85121335656"}}
    assert replaced(text, **dossier) == [("85 12 13 356 56", "[NISS]")]


@pytest.mark.parametrize(
    "written",
    ["BE08496374260113", "BE08 4963 7426 0113", "BE84 1286 1579 7959", "NL91ABNA0417164300"],
)
def test_iban(written):
    assert replaced(f"Compte {written}.") == [(written, "[IBAN]")]


def test_iban_with_bad_checksum_left_alone():
    assert replaced("Compte BE09 4963 7426 0113.") == []


@pytest.mark.parametrize(
    "written",
    [
        "+32 486 00 43 24",
        "0484/20.72.30",
        "0490 31 19 26",
        "0479361827",
        "02 512 34 56",
        "+32 (0)474 13 37 21",
        "0032 486 00 43 24",
        "087/65 43 21",
        "04/223.45.67",
    ],
)
def test_belgian_phones(written):
    assert replaced(f"Tél. {written} ou passer.") == [(written, "[téléphone]")]


def test_amounts_and_dates_are_not_phones():
    assert replaced("Montant 1.150,00 € le 24.09.2026, soit 0,5 %.") == []


def test_enterprise_number():
    assert replaced("Employeur : BCE 0403.170.701") == [("0403.170.701", "[n° d'entreprise]")]


def test_email_and_placeholders_by_language():
    assert replaced("Mail: jan.peeters@telenet.be", "nl") == [
        ("jan.peeters@telenet.be", "[e-mail]")
    ]
    assert replaced("Tel. 0486 00 43 24", "de") == [("0486 00 43 24", "[Telefon]")]


@pytest.mark.parametrize(
    ("language", "text", "address"),
    [
        ("fr", "Domicile : rue des Alliés 12 bte 3, 4000 Liège", "rue des Alliés 12 bte 3"),
        ("fr", "habite 37, avenue de la Closière à Gembloux", "37, avenue de la Closière"),
        ("fr", "Adresse : chaussée de Louvain 245/B, 5000 Namur", "chaussée de Louvain 245/B"),
        ("fr", "vit place Saint-Lambert 3 depuis mai", "place Saint-Lambert 3"),
        ("nl", "Adres: Kerkstraat 14 bus 2, 9000 Gent", "Kerkstraat 14 bus 2"),
        ("nl", "woont Koning Albertlaan 120, Brugge", "Koning Albertlaan 120"),
        ("nl", "op de Antwerpsesteenweg 87", "Antwerpsesteenweg 87"),
        ("de", "Anschrift: Aachener Straße 12, 4700 Eupen", "Aachener Straße 12"),
        ("de", "wohnt Bergstraße 5 Bfk. B", "Bergstraße 5 Bfk. B"),
        ("de", "wohnt Hauptstr. 10 in Eupen", "Hauptstr. 10"),
        ("de", "Am Markt 3, 4780 Sankt Vith", "Am Markt 3"),
    ],
)
def test_addresses(language, text, address):
    assert (address, {"fr": "[adresse]", "nl": "[adres]", "de": "[Adresse]"}[language]) in replaced(
        text, language
    )


def test_dossier_street_without_number():
    dossier = {"address": {"street": "avenue Blonden", "number": "140", "city": "Mons"}}
    out = run("Elle vit avenue Blonden depuis mai ; av. Blonden 140 bte 2.", **dossier).text
    assert out == "Elle vit [adresse] depuis mai ; [adresse]."


def test_the_municipality_and_the_law_stay():
    text = "CPAS de Mons, sur la base de la loi du 26 mai 2002 ; Mons, le 3 mars 2026."
    assert replaced(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date de naissance : 13.12.1985", "Date de naissance : 1985"),
        ("Madame, née le 13 décembre 1985, vit seule.", "Madame, née en 1985, vit seule."),
        ("M. X (né le 3/5/1992) est venu", "M. X (né en 1992) est venu"),
        ("°13/12/1985", "°1985"),
        ("Geboortedatum: 1985-12-13", "Geboortedatum: 1985"),
        ("geboren op 13 december 1985", "geboren in 1985"),
        ("geboren am 13. Dezember 1985", "geboren 1985"),
        ("Geburtsdatum: 13.12.85", "Geburtsdatum: 1985"),
    ],
)
def test_birth_dates_become_the_year(text, expected):
    assert run(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Elle s'est présentée le 24 septembre 2026.",
        "Demande introduite le 02.02.2026 et complétée le 03/03/2026.",
        "Octroi à partir du 1er octobre 2026 (loi du 26 mai 2002, article 14, 3°).",
        "Elle ne travaille plus depuis le 3 mars 2025.",
        "Hausbesuch am 21. September 2026.",
    ],
)
def test_procedure_dates_stay(text):
    assert run(text).text == text


def test_a_dossier_birth_date_goes_without_any_cue():
    dossier = {"applicant": {"last_name": "Zzyzx", "birth_date": "1985-12-13"}}
    assert run("Rencontré le 13/12/1985 puis le 24/09/2026.", **dossier).text == (
        "Rencontré le 1985 puis le 24/09/2026."
    )
