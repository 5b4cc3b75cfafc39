"""The normalised text the layers read, and its map back to the original offsets."""

import re
from datetime import date

import pytest

from agenda.pseudonymise import Pseudonymiser, find_leaks, parse_dossier
from agenda.pseudonymise.normalise import normalise

CASES = [
    # (original, what the layers read)
    ("Madame Ste\u00advenart vit seule.", "Madame Stevenart vit seule."),
    ("Madame Steve\u200bnart\u200d vit seule.", "Madame Stevenart vit seule."),
    ("STЕVENART Marie", "STEVENART Marie"),
    ("Ρapadopoulos", "Papadopoulos"),
    ("Monsieur Van den\nBroeck paie.", "Monsieur Van den Broeck paie."),
    ("Madame Stéve-\nnart vit.", "Madame Stévenart vit."),
    ("Marie-\nClaire paie.", "Marie-Claire paie."),
    ("Ste\u0301venart et Noe\u0308l", "Stévenart et Noël"),
    ("ｔéｌ．０４８６", "tél.0486"),
    ("le ﬁls de Madame X", "le fils de Madame X"),
    ("N’Diaye et N´Diaye", "N’Diaye et N´Diaye"),
    ("Déjà propre : 12 € et œuvre.", "Déjà propre : 12 € et œuvre."),
    ("IBAN BE30  0689 7968\t\t8711", "IBAN BE30 0689 7968 8711"),
    ("Tel. 0475   12 34 56, Feld  3", "Tel. 0475 12 34 56, Feld  3"),
]


@pytest.mark.parametrize(("original", "read"), CASES)
def test_what_the_layers_read(original, read):
    assert normalise(original).text == read


@pytest.mark.parametrize(("original", "read"), CASES)
def test_every_word_maps_back_onto_the_characters_that_show_it(original, read):
    normalised = normalise(original)
    for match in re.finditer(r"\w+", normalised.text):
        start, end = normalised.span(*match.span())
        assert normalise(original[start:end]).text == match.group()


@pytest.mark.parametrize(("original", "read"), CASES)
def test_the_map_keeps_order_and_covers_the_whole_text(original, read):
    normalised = normalise(original)
    spans = [normalised.span(i, i + 1) for i in range(len(normalised.text))]
    assert all(start < end for start, end in spans)
    assert spans == sorted(spans)
    assert normalised.span(0, len(normalised.text)) == (0, len(original))


def test_a_clean_text_keeps_its_offsets():
    normalised = normalise("Madame Diallo vit seule.")
    assert normalised.starts is None
    assert normalised.span(7, 13) == (7, 13)


def test_replacements_cover_the_hidden_characters_of_the_original():
    text = "Mme Ste\u00advenart, tél. 0486\u200b00 43 24."
    data = parse_dossier(
        {"reference": "1", "applicant": {"last_name": "Stévenart", "sex": "F"}}
    )
    item = Pseudonymiser(reference_date=date(2026, 10, 1), use_model=False).pseudonymise(
        text, data
    )
    assert item.text == "Madame A., tél. [téléphone]."
    assert [r.original for r in item.replacements] == ["Mme Ste\u00advenart", "0486\u200b00 43 24"]
    assert all(text[r.start : r.end] == r.original for r in item.replacements)


@pytest.mark.parametrize("written", [
    "BE71  0961 2345 6769", "BE71 0961  2345  6769", "BE71\u00a0\u00a00961 2345 6769",
    "BE71 0961 2345\t\t6769",
])
def test_an_account_number_with_doubled_spaces_goes_and_the_guard_sees_it(written):
    data = parse_dossier({"reference": "1", "applicant": {"last_name": "Diallo"},
                          "contacts": {"iban": "BE71096123456769"}})
    text = f"Versement sur le compte {written} chaque mois."
    item = Pseudonymiser(reference_date=date(2026, 10, 1), use_model=False).pseudonymise(
        text, data)
    assert "6769" not in item.text and "0961" not in item.text
    assert [leak.category for leak in find_leaks(text, [data])] == ["iban"]
    # an IBAN of nobody's dossier, by its checksum
    other = Pseudonymiser(reference_date=date(2026, 10, 1), use_model=False).pseudonymise(
        text, parse_dossier({"reference": "2", "applicant": {"last_name": "Zz"}}))
    assert "6769" not in other.text


def test_the_leak_guard_reads_through_hidden_characters():
    data = parse_dossier({"reference": "1", "applicant": {"last_name": "Stévenart"}})
    text = "Vu Madame Ste\u00advenart et Monsieur St\u0435venart."
    assert [(leak.text, leak.category) for leak in find_leaks(text, [data])] == [
        ("Ste\u00advenart", "name"),
        ("St\u0435venart", "name"),
    ]
