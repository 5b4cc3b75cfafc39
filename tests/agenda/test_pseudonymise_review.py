"""What the reviewer and the leak guard get: doubts on leftovers, leaks of known values."""

from datetime import date

import pytest

from agenda.pseudonymise import Pseudonymiser, find_doubts, find_leaks, parse_dossier

DOSSIER = parse_dossier(
    {
        "reference": "2026/0001",
        "applicant": {
            "last_name": "Diallo",
            "first_names": ["Naïma", "Océane"],
            "birth_date": "1985-12-13",
            "niss": "85121335656",
            "sex": "F",
        },
        "address": {
            "street": "avenue Blonden",
            "number": "140",
            "postcode": "7000",
            "city": "Mons",
        },
        "household": [{"last_name": "Petit", "first_names": ["Sami"], "relation": "child"}],
        "contacts": {
            "phone": "+32 486 00 43 24",
            "email": "naima.diallo26@gmail.com",
            "iban": "BE08496374260113",
        },
    }
)


@pytest.mark.parametrize(
    ("text", "reason", "found"),
    [
        ("Madame A. a rencontré Lucas hier.", "first name", "Lucas"),
        ("Le dossier est suivi par Vandamme et Fils.", "capitalised", "Vandamme"),
        ("Madame A. et Kevin Dubois sont venus.", "first name", "Kevin Dubois"),
        ("Rencontre avec Madame X le matin.", "one letter", "Madame X"),
        ("Courrier de J. Dupont reçu.", "one letter", "J. "),
        ("La famille Dialo a reçu un courrier.", "close to a known name", "Dialo"),
    ],
)
def test_doubts(text, reason, found):
    doubts = find_doubts(text, known_names=["Naïma Diallo"])
    assert (reason, found) in [(d.reason, d.text) for d in doubts]


def test_no_doubt_on_the_pseudonyms_themselves_nor_on_institutions():
    text = "Madame A. attend une décision de l'ONEM et de la Mutualité chrétienne à Mons."
    assert find_doubts(text, ignore=[(0, 9)], known_names=["Naïma Diallo"]) == []


def test_german_nouns_are_no_doubts_but_name_pairs_are():
    text = "Die Wohnung ist feucht. Danach kam Klaus Becker vorbei."
    assert [d.text for d in find_doubts(text, language="de")] == ["Klaus Becker"]


def test_item_doubts_skip_the_replacements():
    item = Pseudonymiser(use_model=False).pseudonymise(
        "Madame Diallo a vu le stagiaire Wathelet et Madame Dialo.", DOSSIER
    )
    assert item.text == "Madame A. a vu le stagiaire Wathelet et Madame B."
    assert [(d.text, d.reason) for d in item.doubts] == [("Wathelet", "capitalised")]


def test_leaks_in_any_written_form():
    text = (
        "Mme DIALLO (née le 13 décembre 1985), NISS 85 12 13 356 56, tél. 0486/00.43.24, "
        "compte BE08 4963 7426 0113, naima.diallo26@gmail.com, Avenue Blonden, oceane, Sami."
    )
    found = {(leak.category, leak.text) for leak in find_leaks(text, [DOSSIER])}
    assert found == {
        ("name", "DIALLO"),
        ("birth_date", "13 décembre 1985"),
        ("niss", "85 12 13 356 56"),
        ("phone", "0486/00.43.24"),
        ("iban", "08 4963 7426 0113"),
        ("email", "naima.diallo26@gmail.com"),
        ("name", "naima"),
        ("name", "diallo"),
        ("address", "Avenue Blonden"),
        ("name", "oceane"),
        ("name", "Sami"),
    }


def test_a_lower_case_word_is_an_uncertain_leak():
    leaks = find_leaks("Un petit studio ; Madame Petit.", [DOSSIER])
    assert [(leak.text, leak.certain) for leak in leaks] == [("petit", False), ("Petit", True)]


def test_no_leak_in_a_pseudonymised_text():
    text = open_sample_like()
    item = Pseudonymiser(reference_date=date(2026, 10, 1), use_model=False).pseudonymise(
        text, DOSSIER
    )
    assert find_leaks(item.text, [DOSSIER]) == []
    assert find_leaks(text, [DOSSIER])


def open_sample_like():
    return (
        "NOM : DIALLO\nPrénom(s) : Naïma Océane\nDate de naissance : 13.12.1985\n"
        "N° registre national : 85.12.13-356.56\nAdresse : avenue Blonden 140 bte 2, 7000 Mons\n"
        "Téléphone : +32 486 00 43 24\nCourriel : naima.diallo26@gmail.com\n"
        "Compte bancaire : BE08496374260113\nMme DIALLO Naïma vit avec son fils Sami Petit.\n"
    )


def test_places_headings_and_acronyms_are_no_doubts():
    text = "PROJET INDIVIDUALISÉ\nSuivi au PIIS ; domicile à Marche-en-Famenne puis à Sankt Vith."
    assert find_doubts(text) == []
