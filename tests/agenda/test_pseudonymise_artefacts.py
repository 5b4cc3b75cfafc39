"""Issue 19: the forms real documents take (pasted text, look-alike letters, abbreviations,
foreign formats, diminutives), each observed reaching councillors, and the over-redactions."""

from datetime import date

import pytest

from agenda.pseudonymise import Pseudonymiser, Registry, parse_dossier

TODAY = date(2026, 10, 1)
STEVENART = {"last_name": "Stévenart", "first_names": ["Marie"], "sex": "F"}


def dossier(language="fr", applicant=None, **extra):
    return parse_dossier(
        {
            "reference": "2026/0042",
            "language": language,
            "applicant": applicant or STEVENART,
            **extra,
        }
    )


def pseudonymised(text, data, *, use_model=False):
    return Pseudonymiser(reference_date=TODAY, use_model=use_model).pseudonymise(text, data).text


RUE_DU_PONT = {"street": "rue du Pont", "number": "12", "postcode": "7000", "city": "Mons"}
RUE_DU_MOULIN = {"street": "rue du Moulin", "number": "201", "postcode": "7000", "city": "Mons"}
VAN_DEN_BROECK = {"last_name": "Van den Broeck", "first_names": ["Jan"], "sex": "M"}
PIETER = {"last_name": "Janssens", "first_names": ["Pieter"], "sex": "M"}


@pytest.mark.parametrize(
    ("text", "data", "expected"),
    [
        pytest.param(
            "Madame Ste\u00advenart vit seule.", dossier(), "Madame A. vit seule.",
            id="soft hyphen inside the surname",
        ),
        pytest.param(
            "STЕVENART Marie vit seule.", dossier(), "Madame A. vit seule.",
            id="Cyrillic capital Ie inside the surname",
        ),
        pytest.param(
            "Madame Stévenart et sa sœur. Madame Stеvenart paie.",
            dossier(),
            "Madame A. et sa sœur. Madame A. paie.",
            id="Cyrillic small ie inside the surname: the same person",
        ),
        pytest.param(
            "Madame Steve\u200bnart vit seule.", dossier(), "Madame A. vit seule.",
            id="zero-width space inside the surname",
        ),
        pytest.param(
            "Le bailleur écrit à Monsieur Van den\nBroeck qui répond.",
            dossier(applicant=VAN_DEN_BROECK),
            "Le bailleur écrit à Monsieur A. qui répond.",
            id="surname split across a line break",
        ),
        pytest.param(
            "Madame Stéve-\nnart vit seule.", dossier(), "Madame A. vit seule.",
            id="end-of-line hyphenation inside the surname",
        ),
        pytest.param(
            "Elle habite r. du Pont n° 12 depuis mai.",
            dossier(address=RUE_DU_PONT),
            "Elle habite [adresse] depuis mai.",
            id="abbreviated street and number sign",
        ),
        pytest.param(
            "Elle loge Moulin 201 depuis mai.",
            dossier(address=RUE_DU_MOULIN),
            "Elle loge [adresse] depuis mai.",
            id="street name and number without the street type",
        ),
        pytest.param(
            "Joignable au 06.12.34.56.78 le matin.",
            dossier(contacts={"phone": "+33 6 12 34 56 78"}),
            "Joignable au [téléphone] le matin.",
            id="French national format of a dossier phone",
        ),
        pytest.param(
            "Piet woont alleen sinds mei.",
            dossier("nl", PIETER),
            "De heer A. woont alleen sinds mei.",
            id="Dutch diminutive of the first name",
        ),
        pytest.param(
            "Elle habite à Haine-Saint-Pierre depuis 2019.",
            dossier(),
            "Elle habite à Haine-Saint-Pierre depuis 2019.",
            id="a place named after a saint is no person",
        ),
        pytest.param(
            "Madame Stévenart, née le 17/09/80, vit seule.",
            dossier(),
            "Madame A., née en 1980, vit seule.",
            id="two-digit birth year is in the past",
        ),
    ],
)
def test_forms_real_documents_take(text, data, expected):
    assert pseudonymised(text, data) == expected


@pytest.mark.parametrize(
    "text",
    ["Solde disponible : 120 EUR par mois.", "Budget mensuel\nSolde disponible 300 EUR."],
)
def test_a_budget_label_the_model_tags_as_a_person_stays(text):
    assert pseudonymised(text, dossier(), use_model=True) == text


def _family(reference, last, first, child=None):
    return parse_dossier(
        {
            "reference": reference,
            "language": "fr",
            "applicant": {"last_name": last, "first_names": [first], "sex": "F"},
            "household": [child] if child else [],
        }
    )


DUPONT = _family(
    "2026/0001",
    "Dupont",
    "Sarah",
    {"last_name": "Dupont", "first_names": ["Lina"], "birth_date": "2020-03-01",
     "relation": "child"},
)
MASSON = _family("2026/0002", "Masson", "Coralie")
FIRST_ITEM = ("Madame Dupont vit avec sa fille Lina.", DUPONT)
SECOND_ITEM = ("Madame Masson garde Lina, la fille de sa voisine, le mercredi.", MASSON)


def test_a_first_name_in_another_item_is_not_another_familys_child():
    result = Pseudonymiser(reference_date=TODAY, use_model=False).pseudonymise_meeting(
        [FIRST_ITEM, SECOND_ITEM]
    )
    assert [item.text for item in result.items] == [
        "Madame A. vit avec sa fille B. (6 ans).",
        "Madame C. garde D., la fille de sa voisine, le mercredi.",
    ]
    assert result.key["D."] == {"name": "Lina", "relation": "third_party"}


def test_a_first_name_in_an_item_added_later_gets_its_own_letter():
    pseudonymiser = Pseudonymiser(reference_date=TODAY, use_model=False)
    first = pseudonymiser.pseudonymise_meeting([FIRST_ITEM])
    later = pseudonymiser.pseudonymise_meeting([SECOND_ITEM], registry=first.registry)
    assert later.items[0].text == "Madame C. garde D., la fille de sa voisine, le mercredi."
    assert later.registry.key()["B."]["name"] == "Lina Dupont"
    assert later.registry.key()["D."]["name"] == "Lina"


def test_the_same_landlord_named_in_two_items_keeps_one_letter():
    pseudonymiser = Pseudonymiser(reference_date=TODAY, use_model=False)
    first = pseudonymiser.pseudonymise_meeting(
        [("Son propriétaire, Roland Tilquin, réclame.", DUPONT)]
    )
    later = pseudonymiser.pseudonymise_meeting(
        [("Madame Masson loue aussi chez Roland Tilquin.", MASSON)], registry=first.registry
    )
    assert later.items[0].text == "Madame B. loue aussi chez A."


@pytest.mark.parametrize(
    ("language", "address", "written"),
    [
        ("fr", ("avenue Louise", "54", "3"), "av. Louise 54 bte 3"),
        ("fr", ("avenue Louise", "54", "3"), "Av Louise n° 54/3"),
        ("fr", ("avenue Louise", "54", "3"), "Louise 54 bte 3"),
        ("fr", ("rue du Moulin", "201", None), "r. du Moulin nº201"),
        ("fr", ("rue du Moulin", "201", None), "du Moulin, 201"),
        ("nl", ("Kerkstraat", "12", "3"), "Kerkstr. 12 bus 3"),
        ("nl", ("Kerkstraat", "12", None), "Kerkstraat nr. 12"),
        ("nl", ("Stationslaan", "5", None), "Stationsln 5"),
        ("nl", ("Brusselsesteenweg", "88", None), "Brusselsestwg. 88"),
        ("de", ("Hauptstraße", "7", None), "Hauptstr. 7"),
        ("de", ("Hauptstraße", "7", None), "Hauptstrasse Nr. 7"),
        # the type word last, left out, glued or set apart; the dossier's number decides
        ("de", ("Malmedyer Straße", "73", None), "Malmedyer 73"),
        ("de", ("Aachener Straße", "12", "2"), "Aachener 12/2"),
        ("de", ("Eupener Straße", "4", None), "Eupener Nr. 4"),
        ("de", ("Malmedyer Straße", "73", None), "Malmedyerstr. 73"),
        ("de", ("Herbesthaler Weg", "9", None), "Herbesthaler-Weg 9"),
        ("nl", ("Oude Gentse Baan", "40", "1"), "Oude Gentse 40 bus 1"),
        ("nl", ("Lange Kievit Dreef", "8", None), "Lange Kievitdreef 8"),
        ("fr", ("Jeruzalem Straat", "3", None), "3, Jeruzalem"),
        # a Dutch compound shortened or split
        ("nl", ("Turnhoutsebaan", "34a", None), "Turnhoutseb 34a"),
        ("nl", ("Turnhoutsebaan", "34a", None), "Turnhoutsebn. 34a"),
        ("nl", ("Turnhoutsebaan", "34a", "2"), "Turnhoutse Baan 34a bus 2"),
        ("nl", ("Sint-Pieterskaai", "5", None), "St.-Pietersk. 5"),
        ("nl", ("Kapelsestraat", "5", None), "Kapelse Straat 5"),
        ("nl", ("Dorpsplein", "2", None), "Dorps-pl. 2"),
    ],
)
def test_a_dossier_address_by_its_parts(language, address, written):
    street, number, box = address
    data = dossier(
        language,
        address={"street": street, "number": number, "box": box, "postcode": "7000",
                 "city": "Mons"},
    )
    label = {"fr": "[adresse]", "nl": "[adres]", "de": "[Adresse]"}[language]
    assert pseudonymised(f"Sinds mei: {written}; daarna elders.", data) == (
        f"Sinds mei: {label}; daarna elders."
    )


@pytest.mark.parametrize(
    ("language", "street", "text"),
    [
        ("de", "Malmedyer Straße", "Die Malmedyer Firma zahlt 73 Euro im Monat."),
        ("de", "Malmedyer Straße", "Malmedyer 12 ist eine andere Hausnummer."),
        ("nl", "Oude Baan", "B. 73 is geen adres."),
        ("nl", "Turnhoutsebaan", "Hij betaalt 73 euro per maand."),
        ("nl", "Kerkstraat", "Kerk 73 is niet zijn adres."),
    ],
)
def test_a_dossier_street_name_without_its_number_stays(language, street, text):
    data = dossier(language, address={"street": street, "number": "73", "postcode": "4700",
                                      "city": "Eupen"})
    assert pseudonymised(text, data) == text


@pytest.mark.parametrize(
    ("dossier_phone", "written"),
    [
        ("+33 6 12 34 56 78", "06 12 34 56 78"),
        ("+33 6 12 34 56 78", "0033 6 12 34 56 78"),
        ("+33 6 12 34 56 78", "+33 (0)6.12.34.56.78"),
        ("+31 6 12345678", "06-12345678"),
        ("+49 241 123456", "0241/123456"),
        ("0486 00 43 24", "+32486004324"),
    ],
)
def test_a_dossier_phone_by_its_digits_whatever_the_national_format(dossier_phone, written):
    data = dossier(contacts={"phone": dossier_phone})
    assert pseudonymised(f"Tél. {written} le matin.", data) == "Tél. [téléphone] le matin."


def test_a_registry_saved_before_the_scopes_still_continues_its_meeting():
    """Registries stored encrypted before issue 19 have no scope nor surname: they load with
    both as they would be now, and keep their letters."""
    saved = {
        "letters": 2,
        "entries": {
            "dossier:dupont|sarah|": {"display": "Sarah Dupont", "relation": "applicant",
                                      "sex": "F", "birth_date": None, "reference": "2026/0001",
                                      "tokens": ["sarah", "dupont"], "letter": "A"},
            "third:roland tilquin": {"display": "Roland Tilquin", "relation": "third_party",
                                     "sex": None, "birth_date": None, "reference": None,
                                     "tokens": ["roland", "tilquin"], "letter": "B"},
        },
    }
    later = Pseudonymiser(reference_date=TODAY, use_model=False).pseudonymise_meeting(
        [("Madame Masson loue chez Monsieur Tilquin, comme Sarah.", MASSON)],
        registry=Registry.from_dict(saved),
    )
    assert later.items[0].text == "Madame C. loue chez Monsieur B., comme D."
    assert later.registry.key()["A."]["name"] == "Sarah Dupont"
