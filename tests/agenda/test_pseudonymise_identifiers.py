"""Identifiers in the shapes real reports give them (issue 19): court roll numbers whatever word
announces them, plates, e-mails written in words, damaged IBANs, foreign phones, dates read
with an ambiguous month or in German words, shortened street names."""

from datetime import date

import pytest

from agenda.pseudonymise import Pseudonymiser, find_leaks, identifiers, parse_dossier
from agenda.pseudonymise.identifiers import (
    find_damaged_identifiers,
    find_obfuscated_emails,
    find_plates_and_rolls,
)
from agenda.pseudonymise.identifiers import known_email_regex as _known_email_regex
from agenda.pseudonymise.numberwords import number_value
from agenda.pseudonymise.patterns import find_birth_dates, find_ibans, find_phones

TODAY = date(2026, 10, 1)


def found(finder, text, *args):
    return [text[span.start : span.end] for span in finder(text, *args)]


def pseudonymised(text, language="fr", **applicant):
    dossier = parse_dossier(
        {
            "reference": "2026/0001",
            "language": language,
            "applicant": {"last_name": "Zzyzx", **applicant},
        }
    )
    return Pseudonymiser(reference_date=TODAY, use_model=False).pseudonymise(text, dossier).text


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the shape alone, whatever word comes before it
        ("fr", "Le RCD porte le numéro 24/7702/B ; la médiatrice suit.", ["24/7702/B"]),
        ("fr", "jugement du juge du travail (RCD 23B4410).", ["23B4410"]),
        ("nl", "De schuldbemiddeling loopt onder 2023/CD/318.", ["2023/CD/318"]),
        ("nl", "vonnis (AR 24C9012) betekend", ["24C9012"]),
        ("de", "Das Verfahren läuft unter der Nummer 24/512/C.", ["24/512/C"]),
        ("de", "Urteil vom 3. Mai (AL 2024/XY/88) zugestellt", ["2024/XY/88"]),
        ("fr", "Le règlement collectif (RG 2023/QR/1207) suit son cours.", ["2023/QR/1207"]),
        # what has no chamber letter, or is a legal reference, stays
        ("fr", "Dossier CPAS 2026/0042 du 12/03/2026 : 1.234,56 €.", []),
        ("fr", "en vertu de l'article 24/1/A du règlement", []),
        ("de", "gemäß Art. 12/3/B der Satzung", []),
        ("nl", "Ref. 2026/0571 – pagina 1/2", []),
        ("fr", "la directive 2004/38/CE et le règlement (CE) n° 883/2004", []),
        ("de", "Richtlinie 2011/95/EU, Seite 3/4", []),
    ],
)
def test_court_roll_numbers_by_their_shape(language, text, expected):
    # a number both a keyword and its shape find is one span once resolved
    assert sorted(set(found(find_plates_and_rolls, text, language))) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Das Fahrzeug (K-LM 512) wurde gepfändet.", ["K-LM 512"]),
        ("de", "Ihr Auto mit dem Kennzeichen EU-A 77 steht dort.", ["EU-A 77"]),
        ("nl", "Het voertuig 1XKT207 werd verkocht.", ["1XKT207"]),
        ("fr", "sa voiture immatriculée GH-417-KP en France", ["GH-417-KP"]),
        # no word about a vehicle: a German abbreviation and a number stay
        ("de", "Gemäß KAB-B 12 der Satzung.", []),
    ],
)
def test_plates_after_a_word_about_a_vehicle(language, text, expected):
    assert found(find_plates_and_rolls, text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("écrire à paul point lenoir chez lenoir-avocats point be.",
         ["paul point lenoir chez lenoir-avocats point be"]),
        ("per Mail: greta77 bei web Punkt de, bitte.", ["greta77 bei web Punkt de"]),
        ("mailen naar tom punt claes bij proximus punt be",
         ["tom punt claes bij proximus punt be"]),
        # the words alone are ordinary
        ("Il habite chez sa mère ; ce point de vue est le sien.", []),
        ("Er wohnt bei seiner Schwester, Punkt.", []),
    ],
)
def test_e_mails_written_with_ordinary_words(text, expected):
    assert found(find_obfuscated_emails, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a justified line or a form's column leaves two spaces between the groups
        ("Compte bancaire\tBE71  O961 2345 6769", ["BE71  O961 2345 6769"]),
        ("rekening BE7l  0961  2345 6769 ", ["BE7l  0961  2345 6769"]),
        ("Compte BE71  O961 2345 6799", []),  # the checksum fails even read so
        ("IBAN BE71-O961-2345-6769.", ["BE71-O961-2345-6769"]),
        # a capital L read for a 1, the checksum deciding
        ("OP REKENING BE71 096L 2345 6769 VAN DE VERHUURDER", ["BE71 096L 2345 6769"]),
        ("OP REKENING BE71 096L 2345 6799 VAN DE VERHUURDER", []),
    ],
)
def test_damaged_ibans_with_wide_spaces(text, expected):
    assert found(find_damaged_identifiers, text, "fr", {}) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("compte du bailleur BE71  0961 2345 6769.", ["BE71  0961 2345 6769"]),
        ("rekening BE71-0961-2345-6769 van de verhuurder", ["BE71-0961-2345-6769"]),
        ("Konto BE71.0961.2345.6769 des Vermieters", ["BE71.0961.2345.6769"]),
        ("BE71 0961 2345 6769 CPAS", ["BE71 0961 2345 6769"]),
        ("compte BE71-0961-2345-6799 erroné", []),  # the checksum decides
    ],
)
def test_valid_ibans_whatever_their_gaps(text, expected):
    assert found(find_ibans, text, "fr") == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # German mobiles are 10 to 12 digits long: the prefix says "phone"
        ("de", "> Grüße\n> 0160-4471235\n", ["0160-4471235"]),
        ("de", "erreichbar unter 0176 21437788", ["0176 21437788"]),
        # a mail's date and hour is no phone, whatever the neighbour's plan says
        ("fr", "Envoyé : jeudi 05/11/2026 09:41", []),
        ("nl", "Verzonden: vrijdag 13-11-2026 10:22", []),
        ("de", "Gesendet: 05.11.2026 16:20", []),
        # a French number in pairs still is one
        ("fr", "sa sœur au 06.21.43.65.87 le soir", ["06.21.43.65.87"]),
    ],
)
def test_phones_and_what_only_looks_like_one(language, text, expected):
    assert found(find_phones, text, language) == expected


@pytest.mark.parametrize(
    ("text", "birth", "expected"),
    [
        # "jui." shortens juin and juillet: the dossier's date decides
        ("Mme X, née le 4 jui. 1979, vit seule.", date(1979, 6, 4), ["le 4 jui. 1979"]),
        ("Mme X, née le 4 jui. 1979, vit seule.", date(1979, 7, 4), ["le 4 jui. 1979"]),
        ("réunion le 4 jui. 2026", date(1979, 7, 4), []),
        # a form's or a table's separators
        ("Geburtsdatum: 4.Jul.1979", date(1979, 7, 4), ["4.Jul.1979"]),
        ("geboren op 4-jul-1979", date(1979, 7, 4), ["op 4-jul-1979"]),
        ("née le 4 fév. 1979", date(1979, 2, 4), ["le 4 fév. 1979"]),
    ],
)
def test_dates_with_a_month_name_in_their_forms(text, birth, expected):
    spans = find_birth_dates(text, {birth}, TODAY)
    assert sorted({text[s.start : s.end] for s in spans}) == expected


@pytest.mark.parametrize(
    ("words", "value"),
    [("vierundzwanzigsten", 24), ("neunzehnhundertvierundachtzig", 1984),
     ("einundzwanzig", 21), ("quatre-vingt-quatre", 84), ("vingt et un", 21)],
)
def test_german_tens_after_und_are_added(words, value):
    assert number_value(words) == value


def test_a_birth_date_in_german_words_goes():
    text = "Frau Zzyzx ist geboren am vierundzwanzigsten März neunzehnhundertachtzig."
    assert pseudonymised(text, "de", birth_date="1980-03-24") == (
        "Frau A. ist geboren 1980.")


@pytest.mark.parametrize(
    ("language", "street", "text"),
    [
        ("de", "Lindenweg", "Anschrift: Lindenw. 12, 4700 Eupen."),
        ("de", "Kirchgasse", "wohnt in der Kirchg. 7 seit Mai."),
        ("nl", "Heideweg", "woont Heidew. 3 te Lier."),
        ("de", "Parkallee", "wohnt Parkall. 9 in Eupen."),
        ("fr", "boulevard du Midi", "vit bd. du Midi 4 à Mons."),
    ],
)
def test_shortened_street_words_of_the_dossier(language, street, text):
    dossier = parse_dossier(
        {
            "reference": "2026/0001",
            "language": language,
            "applicant": {"last_name": "Zzyzx"},
            "address": {"street": street, "number": "1", "city": "Eupen"},
        }
    )
    out = Pseudonymiser(reference_date=TODAY, use_model=False).pseudonymise(text, dossier).text
    assert street[:4] not in out


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "mail reçu de jean.x60 [at] proton [point] me ; RDV fixé."),
        ("fr", "écrire à jean.x60 (at) orange (dot) fr"),
        ("fr", "courriel : jean.x60 arobase hotmail point com"),
        ("nl", "mail van jan.x97 [at] proton [punt] me; afspraak gemaakt."),
        ("nl", "jan.x97 apenstaartje telenet punt be"),
        ("de", "Mail an hans.x {at} gmx [punkt] de"),
        ("de", "hans.x Klammeraffe web punkt de"),
        ("de", "hans.x -at- posteo -dot- net"),
        ("fr", "jean.x60 [@] skynet [.] be"),
    ],
)
def test_disguised_e_mails_in_every_language(language, text):
    assert "@" not in pseudonymised(text, language)
    assert not any(word in pseudonymised(text, language) for word in ("x60", "x97", "hans.x"))


@pytest.mark.parametrize(
    "text",
    [
        "Réponse de tomaz60 [at] proton [point] me reçue.",
        "Réponse de tomaz60 at proton dot me reçue.",
        "Réponse de tomaz60 @ proton . me reçue.",
    ],
)
def test_the_dossier_e_mail_in_any_disguise_goes_and_the_guard_sees_it(text):
    contact = {"email": "tomaz60@proton.me"}
    dossier = parse_dossier({"reference": "2026/0001", "language": "fr",
                             "applicant": {"last_name": "Zzyzx"}, "contacts": contact})
    output = Pseudonymiser(reference_date=TODAY, use_model=False).pseudonymise(text, dossier).text
    assert "tomaz60" not in output
    assert [leak.category for leak in find_leaks(text, [dossier])] == ["email"]


def test_plain_words_around_at_stay():
    text = "Il est arrivé at home point final."
    assert pseudonymised(text) == text


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Belgian landlines in every grouping, allocated range or not
        ("nl", "Sociale dienst ziekenhuis (09 140 91 22).", ["09 140 91 22"]),
        ("nl", "Bel 09/140.91.22 of 09-140 91 22.", ["09/140.91.22", "09-140 91 22"]),
        ("fr", "Greffe : 02 512 34 56 ; avocat : 087/78.94.88.", ["02 512 34 56", "087/78.94.88"]),
        ("de", "Praxis 087 78 94 88, Klinik 0032 9 140 91 22", ["087 78 94 88",
                                                           "0032 9 140 91 22"]),
        # what only looks like it stays: a date, an enterprise number, amounts
        ("fr", "le 09/10/2025 ; dossier 2026/0042 ; 1.234,56 € ; page 2/14", []),
        ("nl", "Rekening 001-2345678-90 op 12.03.2026 om 09.30", []),
    ],
)
def test_belgian_landlines_by_their_grouping(language, text, expected):
    assert found(find_phones, text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "steun gevraagd op basis van art. 1675/2 Ger.W.. De verhuurder belde."),
        ("nl", "volgens artikel 58bis/1, § 2 Ger.W. en art. 1675/2, lid 3 B.W."),
        ("fr", "sur base de l'art. 1675/2, al. 3 C.jud. et de l'article 4/1 ter, 2°"),
        ("de", "gemäß Art. 1675/2 des Gerichtsgesetzbuches und § 12 Abs. 2 Ger.W."),
    ],
)
def test_a_legal_reference_is_kept_whole(language, text):
    # "Ger." could be a truncation of the dossier's Gertrude, "W." an initial
    dossier = parse_dossier({"reference": "2026/0001", "language": language,
                             "applicant": {"last_name": "Wouters", "first_names": ["Gertrude"]}})
    output = Pseudonymiser(reference_date=TODAY, use_model=False).pseudonymise(text, dossier).text
    assert output == text


@pytest.mark.parametrize(
    ("text", "found", "compiled"),
    [
        ("Contact : tomaz60@proton.me ; Tomaz60 rappelle lundi.", ["tomaz60@proton.me"], False),
        ("Tomaz60 a écrit depuis proton, sans adresse.", [], False),
        ("Contact : tomaz60@proton.me, ou tomaz60 [at] proton [point] me.",
         ["tomaz60@proton.me", "tomaz60 [at] proton [point] me"], True),
        ("Tomaz60 chez proton, me dit-il.", [], True),  # the words in order: the pattern says no
    ],
)
def test_the_long_pattern_of_the_disguises_is_compiled_only_for_a_disguise(
        monkeypatch, text, found, compiled):
    """A meeting holds hundreds of addresses, each with its own long pattern (milliseconds to
    compile): a text that writes an address plainly, or not at all, needs none of them."""
    compiling = []
    monkeypatch.setattr(identifiers, "known_email_regex",
                        lambda email: compiling.append(email) or _known_email_regex(email))
    emails = identifiers.known_email_patterns(["tomaz60@proton.me", "other.person@mail.be"])
    spans = identifiers.find_known_emails(text, "fr", emails)
    assert [text[span.start : span.end] for span in spans] == found
    assert bool(compiling) is compiled
