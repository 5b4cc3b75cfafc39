"""The leak guard's index (``LeakIndex``): the dossiers' values are read once, and a text is
then searched once, whatever the number of dossiers — the guard searches a year of the
centre's dossiers in every text of a meeting (the home page, the convocation, each save)."""

import pytest

from agenda.pseudonymise import find_leaks, parse_dossier
from agenda.pseudonymise import leaks as leaks_module
from agenda.pseudonymise.leaks import LeakIndex
from agenda.pseudonymise.patterns import street_needle, street_pattern

TEXT = (
    "Mme DIALLO (née le 13 décembre 1985), tél. 0486/00.43.24, av. Blonden 140, "
    "naima.diallo26@gmail.com ; M. Wery, Hauptstr. 5 ; N. D. signe ; un petit studio."
)


def _dossier(reference: str, last_name: str, first_name: str, street: str, phone: str,
             email: str, birth: str) -> dict:
    return {
        "reference": reference,
        "applicant": {"last_name": last_name, "first_names": [first_name], "birth_date": birth,
                      "sex": "F"},
        "address": {"street": street, "number": "5", "postcode": "4700", "city": "Eupen"},
        "contacts": {"phone": phone, "email": email},
    }


DIALLO = parse_dossier(_dossier("A1", "Diallo", "Naïma", "avenue Blonden", "+32 486 00 43 24",
                                "naima.diallo26@gmail.com", "1985-12-13"))
WERY = parse_dossier(_dossier("B2", "Wery", "Petit", "Hauptstraße", "+32 471 11 22 33",
                              "b.wery@example.be", "1990-01-02"))


def _others(count: int) -> list:
    """Dossiers whose values are nowhere in TEXT."""
    return [
        parse_dossier(_dossier(f"X{n}", f"Zzyx{n:03d}", f"Quorra{n:03d}", f"rue Vortex{n:03d}",
                               f"+32 470 {n:03d} 0{n % 10}0", f"q{n}@example.org", "1970-05-06"))
        for n in range(count)
    ]


def _by_dossier(dossiers: list) -> list:
    """What searching each dossier on its own finds, in the guard's order."""
    found = [leak for dossier in dossiers for leak in find_leaks(TEXT, [dossier])]
    return sorted(found, key=lambda leak: (leak.start, leak.end))


@pytest.mark.parametrize("others", [0, 1, 40])
def test_one_index_finds_what_each_dossier_finds(others):
    dossiers = [*_others(others // 2), DIALLO, *_others(others - others // 2), WERY]
    found = LeakIndex(dossiers).find(TEXT)
    assert found == _by_dossier(dossiers)
    assert {leak.reference for leak in found} == {"A1", "B2"}
    assert {(leak.category, leak.text) for leak in found} >= {
        ("name", "DIALLO"), ("birth_date", "13 décembre 1985"), ("phone", "0486/00.43.24"),
        ("address", "av. Blonden"), ("email", "naima.diallo26@gmail.com"), ("name", "Wery"),
        ("address", "Hauptstr."), ("name", "petit"), ("name", "N. D."),
    }


def test_a_value_two_dossiers_share_is_reported_for_each():
    twin = parse_dossier({**_dossier("C3", "Diallo", "Awa", "rue Haute", "+32 470 99 88 77",
                                     "awa@example.be", "2001-03-04")})
    found = [leak.reference for leak in LeakIndex([DIALLO, twin]).find("Madame Diallo.")]
    assert found == ["A1", "C3"]


class _Counted:
    """Where a dossier's street or e-mail stands, counting the texts searched for it."""

    def __init__(self, places, searches):
        self._places, self._searches = places, searches

    def __call__(self, folded):
        self._searches.append(folded)
        return self._places(folded)


def test_searching_a_text_does_not_grow_with_the_dossiers(monkeypatch):
    """The words of a text are looked at once each, not once per dossier; the street and
    e-mail patterns of dossiers whose words are absent are not tried."""
    looks, searches = [], []
    checked = leaks_module.may_be_short_form
    monkeypatch.setattr(leaks_module, "may_be_short_form",
                        lambda token: looks.append(token) or checked(token))
    counts = {}
    for many in (0, 200):
        index = LeakIndex([DIALLO, *_others(many), WERY])
        index._patterns = [(owner, category, needle, _Counted(places, searches))
                           for owner, category, needle, places in index._patterns]
        looks.clear()
        searches.clear()
        index.find(TEXT)
        counts[many] = (len(looks), len(searches))
    assert counts[0] == counts[200]
    assert counts[0][0] > 0 and counts[0][1] > 0


@pytest.mark.parametrize(
    ("street", "needle"),
    [
        ("avenue Blonden", "blonden"),  # the type word has abbreviations
        ("Hauptstraße", None),  # "Hauptstr.": the only word is shortened
        ("rue Saint-Lambert", "lambert"),  # "St-Lambert"
        ("Chaussée de Bruxelles", "bruxelles"),
        ("Kerkstraat", None),
        ("Rue du Moulin", "moulin"),
    ],
)
def test_the_word_every_form_of_a_street_holds(street, needle):
    assert street_needle(street) == needle
    if needle is not None:
        assert needle in street_pattern(street)
