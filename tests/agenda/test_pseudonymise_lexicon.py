"""Issue 19, over-redaction: words named after saints and people stay, people still go.

Places and institutions named after a saint or a person, diseases named after people, trades
that are also surnames, holidays, labels and sentence openers: the lexicon's rules keep them;
titles, roles and the dossier still make a person of the same words."""

from datetime import date

import pytest

from agenda.pseudonymise import Pseudonymiser, find_leaks, parse_dossier
from agenda.pseudonymise.lexicon import (
    municipalities,
    named_after_saint,
    names_a_thing,
    names_institution,
)
from agenda.pseudonymise.text import fold

TODAY = date(2026, 10, 1)


def dossier(language="fr", last="Janssens", first="Ward"):
    return parse_dossier({
        "reference": "2026/0077",
        "language": language,
        "applicant": {"last_name": last, "first_names": [first], "sex": "M",
                      "birth_date": "1975-02-03"},
    })


def pseudonymised(text, language="fr", use_model=False, last="Janssens", first="Ward"):
    return Pseudonymiser(reference_date=TODAY, use_model=use_model).pseudonymise(
        text, dossier(language, last, first)).text


def _at(text, written):
    start = text.index(written)
    return text, start, start + len(written)


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("Elle habite Sankt Augustin.", "Sankt Augustin", True),
        ("Il vit à St. Vith depuis mai.", "Vith", True),
        ("Il vit à St.Vith depuis mai.", "Vith", True),
        ("Opname in Sint-Jozef.", "Jozef", True),
        ("Clinique Ste-Elisabeth", "Elisabeth", True),
        ("Saint Louis est loin.", "Saint Louis", True),
        ("Le fils de Stéphane Best.", "Stéphane Best", False),
        ("Herr Stefan Meyer kommt.", "Stefan Meyer", False),
        ("Madame Saintenoy a appelé.", "Saintenoy", False),
        ("JUSTICE DE PAIX DU CANTON DE SAINT-GILLES", "DE SAINT-GILLES", True),
        ("Monsieur Desaint a appelé.", "Desaint", False),
    ],
)
def test_named_after_saint(text, written, expected):
    text, start, _ = _at(text, written)
    assert named_after_saint(text, start) is expected


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("suivie à l'Institut Albert Schweitzer", "Albert Schweitzer", True),
        ("au Centre hospitalier Paul Janson", "Paul Janson", True),
        ("à l'Hôpital civil Marie Curie", "Marie Curie", True),
        ("à l'Institut médico-pédagogique Reine Fabiola", "Reine Fabiola", True),
        ("élève à l'Athénée royal Victor Horta", "Victor Horta", True),
        ("à l'École communale Marcel Thiry", "Marcel Thiry", True),
        ("opgenomen in het AZ Lodewijk Vermeulen", "Lodewijk Vermeulen", True),
        ("opvolging in het PC Dr. Verhaeghe", "Verhaeghe", True),
        ("in het Psychiatrisch Centrum Pater Damiaan", "Damiaan", True),
        ("naar Basisschool Pieter Coutereel", "Basisschool Pieter Coutereel", True),
        ("im Johannes-Kepler-Gymnasium", "Johannes-Kepler-Gymnasium", True),
        ("in der Hildegard-von-Bingen-Schule", "Hildegard-von-Bingen", True),
        ("im Franz Hoffmann Krankenhaus", "Franz Hoffmann", True),
        ("in het Koningin Fabiola Kinderziekenhuis", "Koningin Fabiola Kinderziekenhuis", True),
        # a person next to an institution is a person
        ("le médecin du CHU, Dr Martin", "Martin", False),
        ("la directrice de l'école, Sophie Renard", "Sophie Renard", False),
        ("Madame Anne Dupont-Leclercq", "Anne Dupont-Leclercq", False),
        ("Herr Klaus Oppenheim", "Klaus Oppenheim", False),
        ("Schule\nLisa Brandt besucht die dritte Klasse.", "Lisa Brandt", False),
        ("Contact école\tMarie Dupont", "Marie Dupont", False),
        # streets named after people
        ("rendez-vous avenue Louise", "Louise", True),
        ("au bd. Émile Jacqmain", "Émile Jacqmain", True),
        ("in de Koning Albertstraat", "Koning Albertstraat", True),
    ],
)
def test_names_institution(text, written, expected):
    assert names_institution(*_at(text, written)) is expected


@pytest.mark.parametrize(
    ("words", "previous", "expected"),
    [
        (["bechterew"], ["an", "morbus"], True),
        (["chorea", "huntington"], ["an"], True),
        (["parkinson"], ["van"], True),
        (["kahler"], ["ziekte", "van"], True),  # an eponym not in the list: the cue says so
        (["gilles", "tourette"], ["syndrome", "de"], True),
        (["pierre"], ["maladie", "de"], False),  # Pierre's illness
        (["kok"], ["werkt", "als"], True),
        (["schneiderin"], ["beruf"], True),
        (["bergere"], ["profession"], True),
        (["boulanger"], ["le"], True),
        (["meunier"], ["profession", "du", "pere"], True),
        (["cordonnier"], ["le", "metier", "de"], True),
        (["boulanger"], ["il", "est"], False),
        (["boucher"], ["emploi", "chez"], False),
        (["boucher"], ["son", "ex"], False),
        (["kok"], ["meneer"], False),
        (["toussaint"], ["de"], True),
        (["paasvakantie"], ["de"], True),
        (["herbstferien"], ["den"], True),
        (["jean", "toussaint"], [], False),
        (["clement"], ["ami"], False),
        # after a role noun a lone word is the person; a disease word keeps the disease
        (["noel"], ["son", "ami"], False),
        (["jakob"], ["sein", "sohn"], False),
        (["morbus", "crohn"], ["der", "vater"], True),
    ],
)
def test_names_a_thing(words, previous, expected):
    assert names_a_thing(words, previous) is expected


@pytest.mark.parametrize(
    ("words", "following", "expected"),
    [
        (["boulanger"], ["de", "metier"], True),
        (["bakker"], ["van", "beroep"], True),
        (["koch"], ["von", "beruf"], True),
        (["boulanger"], ["de", "mons"], False),
    ],
)
def test_a_trade_by_the_label_after_it(words, following, expected):
    assert names_a_thing(words, ["il", "est"], following) is expected


@pytest.mark.parametrize(
    "place",
    ["Amel", "Amblève", "Büllingen", "Bullange", "Kelmis", "La Calamine", "Jurbise", "Zonnebeke",
     "Lievegem", "Kruisem", "Nevele", "Jumet", "Marcinelle", "Borgerhout", "Heverlee", "Lüttich"],
)
def test_belgian_municipalities_former_ones_and_sections(place):
    assert fold(place) in municipalities()


KEPT = [
    ("fr", "Elle est suivie à l'Hôpital Érasme puis à la Clinique Reine Astrid."),
    ("fr", "Hospitalisé au Centre hospitalier universitaire Brugmann depuis mai."),
    ("fr", "Son fils fréquente l'Athénée royal Baudouin Ier et sa fille le Lycée Émile Jacqmain."),
    ("fr", "Un colis de la Fondation Roi Baudouin est arrivé."),
    ("fr", "Elle habite Saint Vith, puis St-Ghislain et Ste-Ode."),
    ("fr", "Il a été boucher, puis comme Cordonnier, ancien Menuisier."),
    ("fr", "Profession : Couturière"),
    ("fr", "Pendant les vacances de Pâques et à la Toussaint, les enfants vont chez leur tante."),
    ("fr", "Au Nouvel An et à la Mi-Carême, puis à la Saint-Nicolas, la famille se réunit."),
    ("nl", "Kleur\tRoze"),
    ("fr", "Couleur\tRose"),
    ("fr", "Il souffre du syndrome de Gilles de la Tourette, elle de Creutzfeldt-Jakob."),
    ("fr", "Elle souffre de la maladie de Lyme et du syndrome de Down."),
    ("nl", "Hij verblijft in het AZ Damiaan en daarna in het Jessa Ziekenhuis."),
    ("nl", "Opname in het Psychiatrisch Centrum Dr. Guislain te Gent."),
    ("nl", "Tijdens de Paasvakantie en met Kerstmis logeren ze bij oma."),
    ("nl", "Hij werkt als Timmerman en was vroeger Slager."),
    ("nl", "Beroep\tBrouwer"),
    ("nl", "Ze woont in Sint-Pieters-Leeuw en werkt in Sint-Genesius-Rode."),
    ("nl", "De kinderen gaan naar het Koningin Paola Kinderziekenhuis en Basisschool Pater"
     " Damiaan."),
    ("de", "Er wurde im Sankt Nikolaus-Hospital in Eupen behandelt."),
    ("de", "Die Tochter besucht die Robert-Schuman-Schule und das Albert-Schweitzer-Gymnasium."),
    ("de", "Sie wohnt in St. Vith und arbeitet in Sankt Augustin."),
    ("de", "Er leidet an Morbus Bechterew und an der Huntington-Krankheit."),
    ("de", "Sie war früher Bäuerin, dann arbeitete sie als Köchin."),
    ("de", "Beruf: Schneiderin"),
    ("de", "In den Osterferien und an Weihnachten sind die Kinder beim Vater."),
    ("de", "FRIEDENSGERICHT DES KANTONS AMEL"),
    ("fr", "JUSTICE DE PAIX DU CANTON DE SAINT-GILLES"),
    ("fr", "Le service se trouve avenue Louise, près de la place Charles Rogier."),
    ("de", "Die Dienststelle liegt in der Konrad-Adenauer-Straße, am Karl-Marx-Platz."),
    ("fr", "Suivi à l'HÔPITAL MARIE CURIE et à l'INSTITUT JULES BORDET."),
    ("nl", "Hij heeft de ziekte van Lyme, het syndroom van Down en de ziekte van Huntington."),
    ("de", "Sie hat Morbus Hodgkin, Alzheimer-Demenz und ein Asperger-Syndrom."),
    ("de", "Er ist gelernter Zimmermann und arbeitet als Maurer."),
    ("fr", "Il est Boulanger de métier. Ancienne Bouchère, elle exerce le métier de Cordonnier."),
    ("fr", "Profession du père : Meunier"),
    ("nl", "Beroep vader: Timmerman"),
    ("fr", "Atteint de Hodgkin, il suit une chimiothérapie."),
    # headings in title case and German noun pairs are no first name and surname
    ("nl", "Medische Toestand: stabiel. Vorige Week is zij gevallen."),
    ("fr", "Prochaine Étape : notaire. Dernière Visite le 12 mars."),
    ("de", "Sie bezieht Arbeitslosengeld Ende März. Er sucht Arbeit als Putzfrau Vollzeit."),
    ("de", "Sie hat Anspruch auf Kindergeld Zahlungen."),
]


@pytest.mark.parametrize(("language", "text"), KEPT)
def test_what_is_named_after_saints_and_people_stays(language, text):
    assert pseudonymised(text, language) == text


@pytest.mark.parametrize(("language", "text"), [row for row in KEPT if row[0] == "fr"])
def test_what_stays_with_the_french_model(language, text):
    assert pseudonymised(text, language, use_model=True) == text


@pytest.mark.parametrize(
    ("language", "text", "expected", "dossier"),
    [
        # the dossier's own name goes even when it is a trade, a place or a holiday (the leak
        # guard reports it written in lower case as uncertain)
        ("nl", "Meneer Kok komt maandag; Jan Kok betaalt de huur.",
         "De heer A. komt maandag; De heer A. betaalt de huur.", ("Kok", "Jan")),
        ("nl", "Beroep: Kok", "Beroep: De heer A.", ("Kok", "Jan")),
        ("fr", "Toussaint viendra après la Toussaint.", "Monsieur A. viendra après la Monsieur A.",
         ("Toussaint", "Luc")),
        ("de", "Herr Vith wohnt in Amel.", "Herr A. wohnt in Amel.", ("Vith", "Paul")),
        # titles and roles make a person of the same words
        ("fr", "Le bailleur, Monsieur Toussaint, réclame; Jean Toussaint a signé.",
         "Le bailleur, Monsieur A., réclame; Monsieur A. a signé.", None),
        ("fr", "Depuis la maladie de Pierre, son époux, elle est seule.",
         "Depuis la maladie de A., son époux, elle est seule.", None),
        ("nl", "Volgens juf Van Damme en zijn broer Brecht was het onhoudbaar.",
         "Volgens juf A. en zijn broer B. was het onhoudbaar.", None),
        ("de", "Der Vermieter, Herr Müller, und Frau Schneider",
         "Der Vermieter, Herr A., und Frau B.", None),
        ("de", "Ihr Hausarzt, Dr. Fischer, bestätigt das.", "Ihr Hausarzt, Dr. A., bestätigt das.",
         None),
        ("de", "Sie besucht ihre Freundin Maria Goretti.", "Sie besucht ihre Freundin A.", None),
        ("de", "Sein Sohn Jakob und ihr Freund Nikolaus kommen.",
         "Sein Sohn A. und ihr Freund B. kommen.", None),
        ("fr", "Son ami Noël et son fils Wilson viennent.", "Son ami A. et son fils B. viennent.",
         None),
        # a third party's name is not looked for again inside a saint's or an institution's
        ("fr", "Le propriétaire, Luc Renard, réclame. Elle est suivie à la Clinique Saint-Luc.",
         "Le propriétaire, A., réclame. Elle est suivie à la Clinique Saint-Luc.", None),
        ("fr", "Sa voisine, Marie Lambert, aide. Son fils est à l'Hôpital Marie Curie.",
         "Sa voisine, A., aide. Son fils est à l'Hôpital Marie Curie.", None),
        ("de", "Ihr Nachbar, Josef Kessler, hilft. Die Kinder gehen in die Sankt Josef-Schule.",
         "Ihr Nachbar, A., hilft. Die Kinder gehen in die Sankt Josef-Schule.", None),
    ],
)
def test_people_with_the_same_words_still_go(language, text, expected, dossier):
    last, first = dossier or ("Janssens", "Ward")
    assert pseudonymised(text, language, last=last, first=first) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a folder named by its colour, which is also a first name
        ("fr", "Visite du 3 mars.\n\nChemise Verte : fiches de paie.\nFarde Rose : extraits.",
         None),
        ("nl", "De loonfiches zitten in de map Roos, het huurcontract in de map Groen.", None),
        ("de", "Die Kontoauszüge liegen in der Mappe Rosa.", None),
        # the same first names with a surname are people
        ("fr", "Violette Lambert a téléphoné.", "A. a téléphoné."),
        ("nl", "Roos Peeters belde.", "A. belde."),
        # a German compound of an eponym and a medical noun
        ("de", "Sie hat eine Lewy-Körper-Demenz und ein Hodgkin-Lymphom.", None),
        ("de", "Herr Janssens leidet an Korsakow-Syndrom und Hashimoto-Thyreoiditis.",
         "Herr A. leidet an Korsakow-Syndrom und Hashimoto-Thyreoiditis."),
        # a holiday opening a sentence in capitals, before a first name
        ("de", "NACH WEIHNACHTEN WOHNT ANNA BEI IHRER TANTE.",
         "NACH WEIHNACHTEN A. BEI IHRER TANTE."),
    ],
)
def test_folders_diseases_and_holidays_in_whole_sentences(language, text, expected):
    assert pseudonymised(text, language) == (expected or text)


@pytest.mark.parametrize(
    ("language", "dossier", "text", "expected"),
    [
        # one word of another person's name that an institution bears is not the dossier's
        ("fr", ("Lambotte", "Maxime"), "Son fils va à l'Athénée Adolphe Max. Max va bien.",
         "Son fils va à l'Athénée Adolphe Max. Monsieur A. va bien."),
        ("fr", ("Da Silva", "Marie-Louise"), "Elle est suivie à l'Hôpital Marie Curie.", None),
        ("de", ("Kessel", "Johannes"), "Er besucht das Johannes Kepler Gymnasium.", None),
        # the dossier person's own full name after the head still goes
        ("fr", ("Da Silva", "Marie"), "Admise à l'hôpital Marie Da Silva se repose.",
         "Admise à l'hôpital Monsieur A. se repose."),
    ],
)
def test_a_dossier_first_name_inside_an_institution_named_after_someone_else(
    language, dossier, text, expected
):
    last, first = dossier
    assert pseudonymised(text, language, last=last, first=first) == (expected or text)


@pytest.mark.parametrize(
    ("language", "last", "text", "expected"),
    [
        ("nl", "Timmerman", "Meneer Timmerman werkt als timmerman.",
         "De heer A. werkt als timmerman."),
        ("nl", "Kok", "Meneer Kok werkt als kok.", "De heer A. werkt als kok."),
        ("fr", "Boulanger", "Monsieur Boulanger est boulanger.", "Monsieur A. est boulanger."),
        ("fr", "Couturier", "Monsieur Couturier est couturier.", "Monsieur A. est couturier."),
    ],
)
def test_the_dossier_surname_as_a_trade_in_lower_case_stays_and_the_guard_doubts_it(
    language, last, text, expected
):
    output = pseudonymised(text, language, last=last)
    assert output == expected
    leaks = find_leaks(output, [dossier(language, last)])
    assert [(leak.text, leak.certain) for leak in leaks] == [(last.lower(), False)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Les allocations familiales (Camille) s'élèvent à 1.912 EUR."),
        ("fr", "La caisse d'allocations familiales Camille a versé le solde."),
        ("nl", "Het groeipakket komt van Fons; een krediet bij Record."),
        ("de", "Kindergeld über Fons, Strom von Mega."),
        ("nl", "Het openstaande saldo bij Buy Way bedraagt 3.311,69 euro."),
        ("fr", "Crédits chez Cofidis, Cetelem et Buy Way; compte chez Belfius."),
        ("de", "Schulden bei Santander und Beobank, Wasser über SWDE."),
        ("fr", "Il a reçu un diagnostic de SYNDROME DE GILLES DE LA TOURETTE."),
        ("nl", "HIJ HEEFT HET SYNDROOM VAN GILLES DE LA TOURETTE EN DE ZIEKTE VAN CROHN."),
        ("de", "Er leidet am Gilles-de-la-Tourette-Syndrom."),
        ("de", "DIAGNOSE: GILLES-DE-LA-TOURETTE-SYNDROM UND MORBUS BECHTEREW."),
        ("fr", "Il souffre du syndrome de Gilles de la Tourette et de la MALADIE DE CROHN."),
    ],
)
def test_firms_named_like_people_and_eponyms_in_any_case_stay(language, text):
    assert pseudonymised(text, language) == text


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("fr", "Camille a appelé le service lundi.", "Camille"),
        ("fr", "Son fils Gilles a vu Madame Tourette.", "Tourette"),
        ("fr", "Elle a vu Mme Camille Dubois au guichet.", "Dubois"),
        ("de", "Sein Freund Gilles Lambert hilft ihm.", "Lambert"),
    ],
)
def test_the_same_words_as_people_still_go(language, text, name):
    assert name not in pseudonymised(text, language)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # religious and civil feasts and periods stay
        ("fr", "Pendant la période de Ramadan, la famille a jeûné.", None),
        ("fr", "Après Pessah et la fête de l'Aïd, elle reprend le travail.", None),
        ("nl", "Na het Suikerfeest en Pesach komt ze terug.", None),
        ("de", "Nach dem Zuckerfest und Chanukka meldet sie sich.", None),
        # school kinds stay
        ("de", "Schule: Königliches Athenäum (Klassenlehrer Herr Janssens).",
         "Schule: Königliches Athenäum (Klassenlehrer Herr A.)."),
        ("de", "Er besucht die Sekundarschule, sie die Förderschule und die Kita.", None),
        # a Marian title's first word after Notre-Dame is no person
        ("fr", "Hospitalisée à Notre-Dame de la Paix puis à Notre-Dame du Bon Secours.", None),
        ("fr", "Suivie à la Clinique Notre-Dame de Grâce (Gosselies) depuis mai.", None),
        ("nl", "Ze gaat naar school in Onze-Lieve-Vrouw van Lourdes te Aalst.", None),
        ("nl", "Opgenomen in het Onze-Lieve-Vrouwziekenhuis.", None),
        ("de", "Die Messe ist in der Kirche Unserer Lieben Frau von Lourdes.", None),
        # a person after a sentence about the church is still one
        ("fr", "Messe à Notre-Dame. Jean Janssens est venu.", "Messe à Notre-Dame. A. est venu."),
        # a civil title before a feast's word still makes it a person
        ("fr", "Monsieur Ramadan a téléphoné.", "Monsieur A. a téléphoné."),
    ],
)
def test_feasts_schools_and_marian_titles_stay(language, text, expected):
    assert pseudonymised(text, language) == (expected or text)
