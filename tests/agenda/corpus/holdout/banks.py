"""Pools and phrase banks of the held-out set (issue 19), written for this set only.

A template is text a social worker could write, with two kinds of marks that build.py expands
and annotates at once:

- ``{slot}``: a value drawn for the report (a person's name in some written form, an identifier,
  a date of the procedure, an amount…); build.py's ``Report.slot`` lists them;
- ``[[words|category]]``: words that must stay, with their class (``word_lookalike``,
  ``occupation_surname``, ``institution``…).

A template is used only when the report has every person its slots name (a partner, a child).
"""

# --- people -------------------------------------------------------------------------------
# (first name, sex, diminutive or None): the diminutives are how colleagues, family and the
# person themselves write the name in notes and e-mails
FIRST_NAMES = {
    "fr": [
        ("Amandine", "F", None), ("Bastien", "M", None), ("Céline", "F", None),
        ("Damien", "M", None), ("Élodie", "F", None), ("Gaëtan", "M", None),
        ("Laetitia", "F", None), ("Ludovic", "M", None), ("Maryline", "F", None),
        ("Nadège", "F", None), ("Quentin", "M", None), ("Rachida", "F", None),
        ("Samir", "M", None), ("Tatiana", "F", None), ("Yannick", "M", None),
        ("Zakaria", "M", None), ("Fatoumata", "F", None), ("Mamadou", "M", None),
        ("Ioana", "F", None), ("Bogdan", "M", None), ("Naïma", "F", None),
        ("Youssef", "M", None), ("Ornella", "F", None), ("Giuseppe", "M", None),
        ("Mégane", "F", None), ("Dylan", "M", None), ("Gilles", "M", None),
        ("Agathe", "F", None), ("Hubert", "M", None),
        ("Sébastien", "M", "Séba"), ("Emmanuel", "M", "Manu"), ("Isabelle", "F", "Isa"),
        ("Béatrice", "F", "Béa"), ("Maximilien", "M", "Max"), ("Abdelkader", "M", "Kader"),
        ("Dominique", "F", "Domi"), ("Marie-Thérèse", "F", "Maïté"), ("Florence", "F", "Flo"),
        ("Stéphanie", "F", "Steph"), ("Christophe", "M", "Chris"), ("Gabrielle", "F", "Gaby"),
        ("Laurence", "F", "Lolo"), ("Nicolas", "M", "Nico"), ("Joséphine", "F", "Fifi"),
    ],
    "nl": [
        ("Jolien", "F", None), ("Wannes", "M", None), ("Lotte", "F", None),
        ("Brecht", "M", None), ("Femke", "F", None), ("Joris", "M", None),
        ("Stijn", "M", None), ("Hanne", "F", None), ("Kobe", "M", None),
        ("Evi", "F", None), ("Bram", "M", None), ("Nele", "F", None),
        ("Arne", "M", None), ("Mirthe", "F", None), ("Tuur", "M", None),
        ("Sien", "F", None), ("Dries", "M", None), ("Ilse", "F", None),
        ("Emre", "M", None), ("Zeynep", "F", None), ("Agnieszka", "F", None),
        ("Cornelis", "M", "Kees"), ("Wilhelmina", "F", "Mien"), ("Hendrik", "M", "Rik"),
        ("Johannes", "M", "Hans"), ("Catharina", "F", "Trien"), ("Franciscus", "M", "Sus"),
        ("Elisabeth", "F", "Lies"), ("Bartholomeus", "M", "Bart"), ("Jacobus", "M", "Koos"),
        ("Wouter", "M", "Wout"), ("Antonius", "M", "Toon"), ("Albertus", "M", "Bert"),
        ("Jozefien", "F", "Fien"), ("Margaretha", "F", "Grietje"), ("Theodora", "F", "Dora"),
    ],
    "de": [
        ("Heike", "F", None), ("Dirk", "M", None), ("Sabine", "F", None),
        ("Uwe", "M", None), ("Manuela", "F", None), ("Ralf", "M", None),
        ("Silke", "F", None), ("Torsten", "M", None), ("Anja", "F", None),
        ("Marco", "M", None), ("Yvonne", "F", None), ("Finn", "M", None),
        ("Mia", "F", None), ("Leon", "M", None), ("Jana", "F", None),
        ("Volker", "M", None), ("Svetlana", "F", None), ("Mehmet", "M", None),
        ("Wolfgang", "M", "Wolfi"), ("Friedrich", "M", "Fritz"), ("Johannes", "M", "Hannes"),
        ("Katharina", "F", "Kathi"), ("Margarete", "F", "Gretel"), ("Franziska", "F", "Franzi"),
        ("Magdalena", "F", "Leni"), ("Gertrud", "F", "Trude"), ("Alexander", "M", "Sascha"),
        ("Barbara", "F", "Babsi"), ("Michael", "M", "Michi"), ("Andreas", "M", "Andi"),
        ("Susanne", "F", "Susi"), ("Dorothea", "F", "Thea"),
    ],
}
CHILD_NAMES = {
    "fr": ["Inès", "Noah", "Inaya", "Timéo", "Maëlle", "Ilyes", "Zélie", "Aurèle", "Nora",
           "Rayan", "Louane", "Elio", "Anaïs", "Kylian", "Lyna", "Mathéo", "Alya", "Sacha"],
    "nl": ["Fleur", "Lowie", "Ona", "Vic", "Marthe", "Staf", "Lien", "Mats", "Billie",
           "Warre", "Roos", "Nand", "Yara", "Rune", "Amira", "Senne", "Liv", "Jules"],
    "de": ["Emma", "Luca", "Lena", "Jonas", "Hannah", "Elias", "Marie", "Noel", "Clara",
           "Matteo", "Ida", "Paul", "Lia", "Milan", "Frieda", "Theo", "Amelie", "Nils"],
}
SURNAMES = {
    "fr": ["Delhaye", "Lambotte", "Renquin", "Delvaux", "Piérard", "Hennuy", "Gobert",
           "Wauthier", "Baudoux", "Houbion", "Stassart", "Pirotte", "Dessart", "Bouhy",
           "Collignon", "Lecocq", "Mathy", "Hanquet", "Noirhomme", "Thirion", "Lhoest",
           "Gillard", "Rasquin", "Mbuyi", "Kabeya", "Tshibanda", "Benali", "Öztürk",
           "Popescu", "Rossi", "Da Costa", "Van den Eynde", "de Hemptinne", "Le Clercq",
           "Raffin", "Ruffin", "Giffard", "Lambert", "Georges", "Duchêne", "Grandjean", "Wéry",
           "Warnier"],
    "nl": ["Vanhoutte", "De Clercq", "Verhaegen", "Van Hecke", "Lambrechts", "Sels",
           "Dierckx", "Moens", "Van Roey", "Thys", "Bogaerts", "Cools", "De Vos", "Heylen",
           "Vercammen", "Van Tendeloo", "Schepens", "Coppens", "De Meyer", "Verlinden",
           "Van Goethem", "Nuyts", "Smolders", "D'Hondt", "Vandenbroucke", "Yilmaz",
           "Kowalski", "Steffens", "Van Geffen", "Hoffman", "Buyse", "Wuyts", "Van Looy",
           "Slabbinck"],
    "de": ["Kreins", "Schröder", "Heinen", "Jost", "Pankert", "Backes", "Cremer", "Freches",
           "Gennen", "Lamberty", "Mockel", "Nelles", "Rauw", "Sarlette", "Schmitz",
           "Theissen", "Wiesemes", "Xhonneux", "Zanzen", "Schiffers", "Hilligsmann",
           "Meyers", "Kohnen", "Öcal", "Weynand", "Dederichs", "Brüll", "Loffet",
           "Pfeiffer", "Hoffmann"],
}
PARTICLES = {"van", "den", "der", "de", "le", "la", "du", "des", "von", "zu", "el", "da", "dos",
             "di", "ten", "ter", "d"}

# --- places and addresses -----------------------------------------------------------------
# (municipality, postcode): the applicant lives there and its CPAS writes the report
MUNICIPALITIES = {
    "fr": [("Fleurus", "6220"), ("Gembloux", "5030"), ("Jodoigne", "1370"), ("Couvin", "5660"),
           ("Dinant", "5500"), ("Bastogne", "6600"), ("Ath", "7800"), ("Soignies", "7060"),
           ("Binche", "7130"), ("Châtelet", "6200"), ("Wavre", "1300"), ("Herstal", "4040"),
           ("Seraing", "4100"), ("Huy", "4500"), ("Waremme", "4300"), ("Hannut", "4280"),
           ("Andenne", "5300"), ("Saint-Hubert", "6870"), ("Mont-Saint-Guibert", "1435"),
           ("Saint-Georges-sur-Meuse", "4470")],
    "nl": [("Lokeren", "9160"), ("Mol", "2400"), ("Geel", "2440"), ("Herentals", "2200"),
           ("Tienen", "3300"), ("Diest", "3290"), ("Ieper", "8900"), ("Tielt", "8700"),
           ("Deinze", "9800"), ("Zottegem", "9620"), ("Ninove", "9400"), ("Lommel", "3920"),
           ("Maaseik", "3680"), ("Bilzen", "3740"), ("Tongeren", "3700"),
           ("Sint-Truiden", "3800"), ("Sint-Katelijne-Waver", "2860"),
           ("Sint-Pieters-Leeuw", "1600")],
    "de": [("Eupen", "4700"), ("Kelmis", "4720"), ("Lontzen", "4710"), ("Raeren", "4730"),
           ("Bütgenbach", "4750"), ("Büllingen", "4760"), ("Amel", "4770"),
           ("Burg-Reuland", "4790"), ("Sankt Vith", "4780")],
}
SAINT_PLACES = {
    "fr": ["Saint-Hubert", "Sainte-Ode", "Saint-Léger", "Saint-Georges-sur-Meuse",
           "Saint-Gilles", "Woluwe-Saint-Lambert", "Mont-Saint-Guibert", "Berchem-Sainte-Agathe",
           "Saint-Josse-ten-Noode", "Saint-Servais", "Sainte-Walburge"],
    "nl": ["Sint-Truiden", "Sint-Katelijne-Waver", "Sint-Pieters-Leeuw", "Sint-Martens-Latem",
           "Sint-Amandsberg", "Sint-Gillis-Waas", "Sint-Lievens-Houtem", "Sint-Kruis",
           "Sint-Andries", "Sint-Denijs-Westrem", "Sint-Genesius-Rode"],
    "de": ["Sankt Vith", "St. Vith"],
}
OTHER_PLACES = {
    "fr": ["Charleroi", "Namur", "Liège", "Mons", "Nivelles", "Arlon", "Marche-en-Famenne",
           "Verviers", "Tournai", "Ottignies"],
    "nl": ["Gent", "Leuven", "Hasselt", "Mechelen", "Aalst", "Kortrijk", "Turnhout", "Brugge",
           "Antwerpen", "Genk"],
    "de": ["Aachen", "Malmedy", "Verviers", "Welkenraedt", "Monschau", "Lüttich", "Prüm"],
}
# (street as the dossier writes it, its distinctive word, abbreviated forms of the whole street;
# "{n}" is the house number)
STREETS = {
    "fr": [("Rue des Glycines", "Glycines", ["r. des Glycines {n}", "Glycines {n}"]),
           ("Avenue des Aubépines", "Aubépines", ["av. des Aubépines {n}", "Av. Aubépines {n}"]),
           ("Rue du Fourneau", "Fourneau", ["r. du Fourneau n° {n}", "Fourneau {n}"]),
           ("Rue de la Briqueterie", "Briqueterie", ["r. de la Briqueterie {n}",
                                                     "Briqueterie {n}"]),
           ("Rue des Houilleurs", "Houilleurs", ["r. des Houilleurs {n}", "Houilleurs {n}"]),
           ("Allée des Merisiers", "Merisiers", ["all. des Merisiers {n}", "Merisiers {n}"]),
           ("Boulevard des Hirondelles", "Hirondelles", ["bd des Hirondelles {n}",
                                                         "Bd Hirondelles {n}"]),
           ("Rue de la Verrerie", "Verrerie", ["r. de la Verrerie n°{n}", "Verrerie {n}"]),
           ("Chemin des Aulnes", "Aulnes", ["ch. des Aulnes {n}", "Ch. Aulnes {n}"]),
           ("Square des Noisetiers", "Noisetiers", ["sq. des Noisetiers {n}",
                                                    "Noisetiers {n}"]),
           ("Rue des Charbonnages", "Charbonnages", ["r. des Charbonnages {n}",
                                                     "Charbonnages {n}"]),
           ("Avenue de la Clairière", "Clairière", ["av. de la Clairière {n}",
                                                    "Clairière {n}"])],
    "nl": [("Populierenlaan", "Populierenlaan", ["Populierenln. {n}"]),
           ("Klaprooslaan", "Klaprooslaan", ["Klaproosln {n}"]),
           ("Wilgenstraat", "Wilgenstraat", ["Wilgenstr. {n}"]),
           ("Bremstraat", "Bremstraat", ["Bremstr. {n}"]),
           ("Beukenhofdreef", "Beukenhofdreef", ["Beukenhofdr. {n}"]),
           ("Lijsterbesstraat", "Lijsterbesstraat", ["Lijsterbesstr. {n}"]),
           ("Nachtegalenlaan", "Nachtegalenlaan", ["Nachtegalenln. {n}"]),
           ("Vlasbloemstraat", "Vlasbloemstraat", ["Vlasbloemstr. {n}"]),
           ("Ganzenhoekweg", "Ganzenhoekweg", ["Ganzenhoekwg. {n}"]),
           ("Spoorwegstraat", "Spoorwegstraat", ["Spoorwegstr. {n}"])],
    "de": [("Talstraße", "Talstraße", ["Talstr. {n}"]),
           ("Heidgasse", "Heidgasse", ["Heidg. {n}"]),
           ("Schützenstraße", "Schützenstraße", ["Schützenstr. {n}"]),
           ("Ginsterweg", "Ginsterweg", ["Ginsterw. {n}"]),
           ("Kapellenstraße", "Kapellenstraße", ["Kapellenstr. {n}"]),
           ("Hufengasse", "Hufengasse", ["Hufeng. {n}"]),
           ("Hasenacker", "Hasenacker", ["Hasenacker {n}"]),
           ("Eichenfeldstraße", "Eichenfeldstraße", ["Eichenfeldstr. {n}"]),
           ("Mühlenbachweg", "Mühlenbachweg", ["Mühlenbachw. {n}"])],
}
BOX_WORD = {"fr": ["bte", "boîte", "bt"], "nl": ["bus", "bus", "b"], "de": ["Bfk.", "Bfk."]}

# --- values that must stay ----------------------------------------------------------------
INSTITUTIONS = {
    "fr": ["FOREM", "ONEM", "INAMI", "SPF Finances", "Mutualité chrétienne", "Solidaris",
           "Partenamut", "Famiwal", "Fedasil", "Office des étrangers", "AVIQ", "SPP IS"],
    "nl": ["VDAB", "RVA", "CM", "Bond Moyson", "Kind en Gezin", "Groeipakket",
           "FOD Financiën", "Dienst Vreemdelingenzaken", "Fedasil", "RIZIV", "Helan"],
    "de": ["Arbeitsamt der DG", "Christliche Krankenkasse", "LKK", "Kaleido Ostbelgien",
           "Dienststelle für Selbstbestimmtes Leben", "Ministerium der DG", "LIKIV",
           "Steuerverwaltung", "Fedasil", "Familienkasse Ostbelgien"],
}
EPONYM_INSTITUTIONS = {
    "fr": ["Hôpital Erasme", "Institut Jules Bordet", "Hôpital Marie Curie", "Hôpital Vésale",
           "Hôpital Brugmann", "Hôpital psychiatrique Jean Titeca", "Hôpital Saint-Luc",
           "Institut Albert Ier"],
    "nl": ["AZ Sint-Jan", "AZ Jan Portaels", "Jan Yperman Ziekenhuis", "Sint-Trudoziekenhuis",
           "AZ Sint-Lucas", "PC Sint-Amedeus", "AZ Maria Middelares", "Sint-Vincentiusziekenhuis",
           "Heilig Hartziekenhuis"],
    "de": ["Klinik St. Josef", "Klinik Sankt Nikolaus", "Tagesklinik St. Elisabeth",
           "Psychiatrische Klinik Marienheim"],
}
# schools named after a saint or a person (a child goes there): they stay too
EPONYM_SCHOOLS = {
    "fr": ["Institut Don Bosco", "Athénée royal Jules Destrée", "Institut Sainte-Marie",
           "Institut Saint-Joseph", "École Saint-Exupéry", "Athénée Léonard de Vinci"],
    "nl": ["Sint-Jozefsinstituut", "Sint-Victorinstituut", "basisschool Sint-Maarten",
           "Pater Damiaanschool", "Guido Gezelle-school", "Sint-Ursula-Instituut"],
    "de": ["Maria-Goretti-Schule", "Robert-Schuman-Schule", "Pfarrschule St. Martin",
           "Kolping-Bildungsstätte", "Sankt-Josef-Schule"],
}
# the person's health insurer
MUTUALITIES = {
    "fr": ["Mutualité chrétienne", "Solidaris", "Partenamut", "Mutualité neutre", "CAAMI"],
    "nl": ["CM", "Helan", "Solidaris", "Liberale Mutualiteit", "HZIV"],
    "de": ["Christliche Krankenkasse", "Sozialistische Krankenkasse", "Freie Krankenkasse",
           "HKIV"],
}
DISEASES = {  # "article|words that stay"
    "fr": ["une |maladie de Huntington", "un |syndrome de Korsakoff", "un |syndrome de Down",
           "une |maladie de Ménière", "un |syndrome de Sjögren", "un |syndrome de Guillain-Barré",
           "une |maladie de Charcot", "un |syndrome de Raynaud", "une |maladie de Dupuytren",
           "un |syndrome de Cushing", "une |maladie de Wilson"],
    "nl": ["de |ziekte van Huntington", "het |syndroom van Korsakov", "het |syndroom van Down",
           "de |ziekte van Ménière", "het |syndroom van Tourette", "de |ziekte van Lyme",
           "de |ziekte van Addison", "het |syndroom van Marfan"],
    "de": ["|Korsakow-Syndrom", "|Down-Syndrom", "|Chorea Huntington", "|Morbus Menière",
           "|Tourette-Syndrom", "|Hashimoto-Thyreoiditis", "|Morbus Addison", "|Marfan-Syndrom"],
}
OCCUPATIONS = {
    "fr": ["couvreur", "charpentier", "boucher", "cordonnier", "jardinier", "fermier"],
    "nl": ["schilder", "kok", "brouwer", "visser", "slager", "smid"],
    "de": ["Schreiner", "Metzger", "Maurer", "Gärtner", "Schneider", "Fleischer"],
}
LEGAL = {
    "fr": ["article 57, § 1er de la loi organique du 8 juillet 1976",
           "article 14, § 1er, 3° de la loi du 26 mai 2002",
           "article 60, § 7 de la loi organique du 8 juillet 1976",
           "loi du 26 mai 2002 concernant le droit à l'intégration sociale",
           "arrêté royal du 11 juillet 2002", "article 1675/2 du Code judiciaire",
           "loi du 2 avril 1965"],
    "nl": ["artikel 57, § 1 van de organieke wet van 8 juli 1976",
           "artikel 14, § 1, 2° van de wet van 26 mei 2002",
           "artikel 60, § 7 van de organieke wet", "KB van 11 juli 2002",
           "wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie",
           "artikel 1675/2 van het Gerechtelijk Wetboek"],
    "de": ["Artikel 57, § 1 des ÖSHZ-Grundlagengesetzes vom 8. Juli 1976",
           "Artikel 14, § 1, 1° des Gesetzes vom 26. Mai 2002",
           "Artikel 60, § 7 des Grundlagengesetzes", "Königlicher Erlass vom 11. Juli 2002",
           "Artikel 1675/2 des Gerichtsgesetzbuches"],
}
COURTS = {
    "fr": ["justice de paix du canton de {city}", "tribunal du travail de {other_city}",
           "tribunal de première instance de {other_city}",
           "tribunal de la famille de {other_city}"],
    "nl": ["vredegerecht van het kanton {city}", "arbeidsrechtbank {other_city}",
           "rechtbank van eerste aanleg {other_city}", "familierechtbank {other_city}"],
    "de": ["Friedensgericht des Kantons {city}", "Arbeitsgericht Eupen",
           "Gericht Erster Instanz Eupen", "Familiengericht Eupen"],
}

# --- languages' words ---------------------------------------------------------------------
WORDS = {
    "fr": {
        "cpas": "CPAS de {city}", "report": "Rapport social",
        "committee": "Comité spécial du service social", "ref": "Réf.", "page": "page {i}/{n}",
        "title_f": ["Madame", "Mme"], "title_m": ["Monsieur", "M."],
        "headings": ["Composition de ménage", "Situation sociale", "Logement",
                     "Situation financière", "Santé", "Analyse", "Proposition"],
        "form": {"last": "Nom", "first": "Prénom(s)", "birth": "Date de naissance",
                 "niss": "N° registre national", "address": "Adresse", "phone": "GSM",
                 "email": "Courriel", "iban": "Compte bancaire", "job": "Profession",
                 "health": "Mutualité", "reason": "Motif de la demande",
                 "household": "Composition du ménage", "color": "Couleur du dossier"},
        "table": ("Nom", "Lien", "Date de naissance"),
        "relations": {"applicant": "demandeur·se", "partner": "conjoint·e", "child_F": "fille",
                      "child_M": "fils", "parent": "mère/père", "sibling": "frère/sœur"},
        "mail": ("De", "Envoyé", "À", "Objet", "Message d'origine"),
        "mail_subjects": ["Demande d'aide – dossier {A_init}", "RE: loyer {date}",
                          "TR: attestation {A_init}", "Suivi dossier {ref}"],
        "weekdays": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
        "age": "{n} ans", "notes": "Notes d'entretien",
        "court_title": "Synthèse des pièces judiciaires",
    },
    "nl": {
        "cpas": "OCMW {city}", "report": "Sociaal verslag",
        "committee": "Bijzonder Comité voor de Sociale Dienst", "ref": "Ref.",
        "page": "pagina {i}/{n}", "title_f": ["mevrouw", "mevr."], "title_m": ["meneer", "dhr."],
        "headings": ["Gezinssamenstelling", "Sociale situatie", "Huisvesting",
                     "Financiële toestand", "Gezondheid", "Analyse", "Voorstel"],
        "form": {"last": "Naam", "first": "Voornaam", "birth": "Geboortedatum",
                 "niss": "Rijksregisternummer", "address": "Adres", "phone": "Gsm",
                 "email": "E-mail", "iban": "Rekeningnummer", "job": "Beroep",
                 "health": "Ziekenfonds", "reason": "Reden van de aanvraag",
                 "household": "Gezinssamenstelling", "color": "Kleur dossiermap"},
        "table": ("Naam", "Relatie", "Geboortedatum"),
        "relations": {"applicant": "aanvrager", "partner": "partner", "child_F": "dochter",
                      "child_M": "zoon", "parent": "ouder", "sibling": "broer/zus"},
        "mail": ("Van", "Verzonden", "Aan", "Onderwerp", "Oorspronkelijk bericht"),
        "mail_subjects": ["Aanvraag steun – dossier {A_init}", "RE: huur {date}",
                          "FW: attest {A_init}", "Opvolging dossier {ref}"],
        "weekdays": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
        "age": "{n} jaar", "notes": "Gespreksnotities",
        "court_title": "Samenvatting van de gerechtelijke stukken",
    },
    "de": {
        "cpas": "ÖSHZ {city}", "report": "Sozialbericht",
        "committee": "Sonderausschuss für den Sozialdienst", "ref": "Az.",
        "page": "Seite {i}/{n}", "title_f": ["Frau"], "title_m": ["Herr"],
        "headings": ["Haushaltszusammensetzung", "Soziale Lage", "Wohnung",
                     "Finanzielle Lage", "Gesundheit", "Beurteilung", "Vorschlag"],
        "form": {"last": "Name", "first": "Vorname(n)", "birth": "Geburtsdatum",
                 "niss": "Nationalregisternummer", "address": "Anschrift", "phone": "Handy",
                 "email": "E-Mail", "iban": "Bankverbindung", "job": "Beruf",
                 "health": "Krankenkasse", "reason": "Grund des Antrags",
                 "household": "Haushalt", "color": "Farbe der Akte"},
        "table": ("Name", "Verhältnis", "Geburtsdatum"),
        "relations": {"applicant": "Antragsteller/in", "partner": "Partner/in",
                      "child_F": "Tochter", "child_M": "Sohn", "parent": "Elternteil",
                      "sibling": "Geschwister"},
        "mail": ("Von", "Gesendet", "An", "Betreff", "Ursprüngliche Nachricht"),
        "mail_subjects": ["Antrag auf Hilfe – Akte {A_init}", "AW: Miete {date}",
                          "WG: Bescheinigung {A_init}", "Akte {ref}"],
        "weekdays": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
        "age": "{n} Jahre", "notes": "Gesprächsnotizen",
        "court_title": "Zusammenfassung der Gerichtsunterlagen",
    },
}
# a colour in a form field that is also a first name somewhere: it stays
COLOURS = {"fr": ["Rose", "Violette", "Olive"], "nl": ["Roze", "Oranje", "Groen"],
           "de": ["Rosa", "Flieder", "Oliv"]}

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
}

# --- phrase banks -------------------------------------------------------------------------
FR = {
    "intro": [
        "{A_formal} s'est présenté(e) à la permanence sociale le {date}, orientée par le "
        "service de médiation de dettes.",
        "Nous avons rencontré {A_full} lors d'une visite à domicile le {date}.",
        "La demande de {A_first} a été introduite le {date} par l'intermédiaire du "
        "[[FOREM|institution]].",
        "{A_caps} sollicite l'aide du CPAS depuis son arrivée à {city}.",
        "Le dossier de {A_formal} a été transmis le {date} par le service social de "
        "l'[[{inst_eponym}|institution_eponym]].",
    ],
    "family": [
        "{A_formal} vit avec {P_full}, son compagnon depuis huit ans, et leur enfant {C}.",
        "{A_first} élève seul(e) {C} ; l'autre parent, {T_ex}, ne verse plus la part contributive "
        "de {amount} € fixée par le tribunal de la famille.",
        "Le ménage compte {P_first}, sans revenu, et {C}, scolarisé à l'{school_eponym}.",
        "Son [[cousin germain|word_lookalike]], {T_cousin}, l'héberge provisoirement à "
        "{other_city}.",
        "{A_formal}, que tout le monde appelle « {A_dim} », accompagne {C_first} à chaque "
        "consultation de l'[[ONE|institution]].",
        "{P_formal} a quitté le domicile le {date} ; {A_first} garde {C}.",
    ],
    "housing": [
        "Le logement situé {street} est insalubre selon le rapport du service communal du "
        "{date}.",
        "Le bailleur, {T_landlord}, réclame un arriéré de {amount} € et menace de saisir la "
        "justice de paix.",
        "Le loyer de {amount} € est versé sur le compte du propriétaire, {T_landlord_iban}.",
        "{T_landlord} joignable au {T_landlord_phone}, accepte un plan d'apurement de "
        "{amount} € par mois.",
        "L'intéressé(e) a déménagé {street}, {postcode} {city}, le {date}.",
        "Le ménage a quitté {saint_place} pour {city} après l'expulsion du {date}.",
        "Un [[hiver clément|word_lookalike]] a permis de limiter la consommation de mazout "
        "({amount} € pour l'année).",
    ],
    "income": [
        "Seul revenu : une allocation de chômage de {amount} € versée par la CAPAC ; "
        "l'[[ONEM|institution]] a notifié une exclusion à partir du {date}.",
        "{A_formal} a travaillé comme [[{occupation}|occupation_surname]] jusqu'en "
        "2023, puis a été reconnu en incapacité par l'[[INAMI|institution]].",
        "Ancien [[{occupation}|occupation_surname]], {P_first} cherche une formation "
        "auprès du [[FOREM|institution]].",
        "Les allocations familiales ([[Famiwal|institution]]) s'élèvent à {amount} € par "
        "mois.",
        "[[Prudence|word_lookalike]] toutefois : une dette de {amount} € auprès de "
        "[[SPF Finances|institution]] reste ouverte.",
        "Le [[Solde restant dû|word_lookalike]] au fournisseur d'énergie est de "
        "{amount} €.",
        "Employeur : {T_employer}, qui confirme un temps partiel à {amount} € nets par mois.",
    ],
    "health": [
        "{A_formal} est atteint(e) d'{disease}, diagnostiqué(e) à l'{inst_eponym}.",
        "Le médecin traitant, {T_doctor}, atteste {disease} chez {P_first}.",
        "{C} présente {disease} ; un suivi est organisé à l'{inst_eponym}.",
        "Les frais médicaux s'élèvent à {amount} € ; la [[Mutualité chrétienne|institution]] "
        "n'intervient que partiellement.",
    ],
    "third": [
        "Le voisin, {T_neighbour}, signale des nuisances depuis [[Pâques|word_lookalike]].",
        "L'avocate désignée, {T_lawyer}, peut être jointe au {T_lawyer_phone} ou à "
        "{T_lawyer_email}.",
        "L'huissier {T_bailiff} a signifié un commandement de payer le {date}.",
        "La voiture de {T_ex} ({plate}) stationne chaque soir devant le domicile.",
        "[[Patience|word_lookalike]] est demandée au créancier, {T_creditor}, jusqu'au "
        "{date}.",
    ],
    "court": [
        "Par citation du {date}, {T_landlord} demande la résolution du bail devant la "
        "{court} (rôle n° {roll}).",
        "L'audience est fixée au {date} ; {T_lawyer} représentera {A_formal}.",
        "Le jugement du {date} (R.G. {roll}) condamne {A_caps} au paiement de "
        "{amount} €.",
        "Le procès-verbal de police mentionne le véhicule immatriculé {plate}, au nom de "
        "{P_full}.",
        "Le véhicule {plate} a été saisi par l'huissier {T_bailiff} le {date}.",
        "Le dossier de règlement collectif de dettes porte le numéro {roll} ; le médiateur "
        "est {T_mediator}.",
        "La requête vise {A_caps}, né(e) le {bdate_words}, domicilié(e) {street}.",
    ],
    "identity": [
        "{A_full}, né(e) le {bdate}, NISS {niss}.",
        "Compte de l'intéressé(e) : {iban}.",
        "Elle est joignable au {phone} et par courriel ({email}).",
        "Adresse : {street}, {postcode} {city}.",
        "{A_formal} est né(e) le {bdate_words}.",
        "Pour les versements, {A_first} a communiqué le compte {iban}.",
        "Contact : {phone} – {email}.",
        "N° national de {A_first} : {niss}.",
        "{A_caps} (NISS {niss}) est inscrit(e) au registre de la population de {city} "
        "depuis 2019.",
    ],
    "mail_applicant": [
        "Bonjour, je vous écris pour mon loyer de {month} qui n'est pas payé.",
        "Je vous envoie l'attestation de l'{school_eponym} pour {C_first}.",
        "Mon numéro a changé, c'est le {phone}.",
        "Pouvez-vous verser l'aide sur mon compte {iban} ?",
        "Je ne sais plus quoi faire, le propriétaire passe tous les jours.",
    ],
    "mail_third": [
        "Madame, je vous informe que l'arriéré de votre protégée s'élève à {amount} €.",
        "Veuillez trouver en annexe le décompte des charges au {date}.",
        "Le bail prend fin le {date} si rien n'est réglé.",
    ],
    "mail_reply": [
        "Bonjour {A_first}, nous avons bien reçu vos documents.",
        "Votre dossier sera présenté au Comité du {date}.",
        "Merci de nous transmettre l'avertissement-extrait de rôle du [[SPF Finances|"
        "institution]].",
        "Bonjour, le CPAS prendra contact avec {T_landlord} avant le {date}.",
    ],
    "notes": [
        "{date} : VAD, {A_init} présent(e), {C_first} malade.",
        "{date} : tél. de {A_dim}, pas de nouvelles de l'[[ONEM|institution]].",
        "{date} : RDV annulé par {A_init}.",
        "{date} : {T_landlord} appelle, réclame {amount} €.",
        "{date} : entretien avec {A_dim} et {P_first} ; dettes {amount} €.",
        "{date} : mail du conseil de {A_init}, audience fixée (RG {roll}).",
    ],
    "proposal": [
        "Octroi du revenu d'intégration au taux famille à charge à partir du {date}, soit "
        "{amount} € par mois ({legal}).",
        "Octroi d'une aide sociale de {amount} € pour l'arriéré de loyer ({legal}).",
        "Prise en charge des frais médicaux à concurrence de {amount} € ({legal}).",
        "Mise à l'emploi sous {legal} auprès de l'[[{inst_eponym}|institution_eponym]].",
    ],
    "caps": [
        "Le comité décide d'octroyer à {A_full} une aide de {amount} € à partir du {date}.",
        "{A_caps} s'engage à rembourser {amount} € par mois au propriétaire {T_landlord}.",
        "Avis favorable du travailleur social pour {A_formal}, domicilié(e) à {city}.",
    ],
}

NL = {
    "intro": [
        "{A_formal} kwam op {date} naar de zitdag van de sociale dienst.",
        "Op {date} legden we een huisbezoek af bij {A_full}.",
        "De aanvraag van {A_first} werd op {date} doorgestuurd door de [[VDAB|institution]].",
        "{A_caps} vraagt steun sinds de verhuis naar {city}.",
        "{A_formal} werd doorverwezen door de sociale dienst van het "
        "[[{inst_eponym}|institution_eponym]].",
    ],
    "family": [
        "{A_formal} woont samen met {P_full} en hun kind {C}.",
        "{A_first} voedt {C} alleen op; de andere ouder, {T_ex}, betaalt het onderhoudsgeld van "
        "{amount} euro niet meer.",
        "Het gezin bestaat uit {P_first}, zonder inkomen, en {C}, die schoolloopt in het "
        "{school_eponym}.",
        "{A_formal}, door iedereen '{A_dim}' genoemd, gaat met {C_first} naar "
        "[[Kind en Gezin|institution]].",
        "Sinds [[Allerheiligen|word_lookalike]] verblijft {A_first} bij een neef, "
        "{T_cousin}, in {other_city}.",
    ],
    "housing": [
        "De woning in de {street} is ongezond volgens het verslag van {date}.",
        "De verhuurder, {T_landlord}, eist een achterstal van {amount} euro.",
        "De huur van {amount} euro wordt gestort op de rekening van de eigenaar, "
        "{T_landlord_iban}.",
        "{T_landlord} (gsm {T_landlord_phone}) aanvaardt een afbetaling van {amount} euro "
        "per maand.",
        "Sinds {date} woont het gezin in de {street}, {postcode} {city}.",
        "Het gezin verhuisde na de uithuiszetting van {date} van {saint_place} naar {city}.",
        "De aangetekende brief van [[De Post|word_lookalike]] kwam pas na [[Pasen|"
        "word_lookalike]] aan.",
        "De thuisverpleging van het [[Wit-Gele Kruis|institution]] komt drie keer per week.",
    ],
    "income": [
        "Enig inkomen: een werkloosheidsuitkering van {amount} euro; de [[RVA|institution]] "
        "schorst vanaf {date}.",
        "{A_formal} werkte als [[{occupation}|occupation_surname]] tot 2022 en is nu "
        "arbeidsongeschikt.",
        "{P_first} was vroeger [[{occupation}|occupation_surname]] en zoekt een opleiding.",
        "Het [[Groeipakket|institution]] bedraagt {amount} euro per maand.",
        "De werkgever, {T_employer}, bevestigt een deeltijds contract van {amount} euro netto.",
        "Er blijft een schuld van {amount} euro bij [[FOD Financiën|institution]].",
    ],
    "health": [
        "{A_formal} lijdt aan {disease}, vastgesteld in het "
        "[[{inst_eponym}|institution_eponym]].",
        "De huisarts, {T_doctor}, stelt bij {P_first} {disease} vast.",
        "{C} heeft {disease} en wordt gevolgd in het "
        "[[{inst_eponym}|institution_eponym]].",
        "De medische kosten bedragen {amount} euro; de [[CM|institution]] komt gedeeltelijk "
        "tussen.",
    ],
    "third": [
        "De buurman, {T_neighbour}, klaagt over lawaai sinds [[Kerstmis|word_lookalike]].",
        "De advocaat, {T_lawyer}, is bereikbaar op {T_lawyer_phone} of via "
        "{T_lawyer_email}.",
        "Gerechtsdeurwaarder {T_bailiff} betekende op {date} een bevel tot betalen.",
        "De wagen van {T_ex} ({plate}) staat elke avond voor de deur.",
        "Schuldeiser {T_creditor} wacht tot {date}.",
    ],
    "court": [
        "Bij dagvaarding van {date} vraagt {T_landlord} de ontbinding van de huur voor het "
        "{court} (rolnummer {roll}).",
        "De zitting is vastgesteld op {date}; {T_lawyer} vertegenwoordigt {A_formal}.",
        "Het vonnis van {date} (A.R. {roll}) veroordeelt {A_caps} tot betaling van "
        "{amount} euro.",
        "Het pv van de politie vermeldt het voertuig met nummerplaat {plate}, op naam van "
        "{P_full}.",
        "Het voertuig {plate} werd op {date} in beslag genomen door {T_bailiff}.",
        "Het dossier collectieve schuldenregeling heeft nummer {roll}; schuldbemiddelaar is "
        "{T_mediator}.",
        "Het verzoekschrift betreft {A_caps}, geboren op {bdate_words}, wonende {street}.",
    ],
    "identity": [
        "{A_full}, geboren op {bdate}, rijksregisternummer {niss}.",
        "Rekening van betrokkene: {iban}.",
        "Bereikbaar op {phone} en via e-mail ({email}).",
        "Adres: {street}, {postcode} {city}.",
        "{A_formal} is geboren op {bdate_words}.",
        "Voor de betalingen gaf {A_first} rekening {iban} op.",
        "Contact: {phone} – {email}.",
        "Rijksregisternummer van {A_first}: {niss}.",
        "{A_caps} (RRN {niss}) is sinds 2019 ingeschreven in {city}.",
    ],
    "mail_applicant": [
        "Dag, ik schrijf u voor mijn huur van {month} die niet betaald is.",
        "Hierbij het attest van het {school_eponym} voor {C_first}.",
        "Mijn nummer is veranderd, het is nu {phone}.",
        "Kunt u de steun op mijn rekening {iban} storten?",
        "Ik weet niet meer wat te doen, de eigenaar komt elke dag langs.",
    ],
    "mail_third": [
        "Mevrouw, de achterstal van uw cliënte bedraagt {amount} euro.",
        "In bijlage de afrekening van de kosten op {date}.",
        "De huur eindigt op {date} als er niets geregeld wordt.",
    ],
    "mail_reply": [
        "Dag {A_first}, we hebben uw documenten goed ontvangen.",
        "Uw dossier komt op het Comité van {date}.",
        "Gelieve ons het aanslagbiljet van [[FOD Financiën|institution]] te bezorgen.",
        "Het OCMW neemt contact op met {T_landlord} voor {date}.",
    ],
    "notes": [
        "{date}: huisbezoek, {A_init} aanwezig, {C_first} ziek.",
        "{date}: tel. van {A_dim}, nog geen nieuws van de [[RVA|institution]].",
        "{date}: afspraak afgezegd door {A_init}.",
        "{date}: {T_landlord} belt, eist {amount} euro.",
        "{date}: gesprek met {A_dim} en {P_first}; schulden {amount} euro.",
        "{date}: mail van de advocaat van {A_init}, zitting vastgesteld (AR {roll}).",
    ],
    "proposal": [
        "Toekenning van het leefloon categorie gezinslast vanaf {date}, {amount} euro per "
        "maand ({legal}).",
        "Toekenning van een financiële steun van {amount} euro voor de huurachterstal "
        "({legal}).",
        "Tenlasteneming van de medische kosten tot {amount} euro ({legal}).",
        "Tewerkstelling volgens {legal} bij het [[{inst_eponym}|institution_eponym]].",
    ],
    "caps": [
        "Het comité beslist {A_full} een steun van {amount} euro toe te kennen vanaf {date}.",
        "{A_caps} verbindt zich ertoe {amount} euro per maand terug te betalen aan "
        "{T_landlord}.",
        "Gunstig advies van de maatschappelijk werker voor {A_formal}, wonende te {city}.",
    ],
}

DE = {
    "intro": [
        "{A_formal} sprach am {date} in der Sprechstunde des Sozialdienstes vor.",
        "Am {date} fand ein Hausbesuch bei {A_full} statt.",
        "Der Antrag von {A_first} wurde am {date} vom [[Arbeitsamt der DG|institution]] "
        "weitergeleitet.",
        "{A_caps} bittet seit dem Umzug nach {city} um Unterstützung.",
        "{A_formal} wurde vom Sozialdienst der {inst_eponym} an "
        "uns verwiesen.",
    ],
    "family": [
        "{A_formal} lebt mit {P_full} und dem gemeinsamen Kind {C}.",
        "{A_first} erzieht {C} allein; der andere Elternteil, {T_ex}, zahlt den Unterhalt von "
        "{amount} Euro nicht mehr.",
        "Zum Haushalt gehören {P_first}, ohne Einkommen, und {C}, Schulkind der "
        "{school_eponym}.",
        "{A_formal}, von allen „{A_dim}“ genannt, geht mit {C_first} zu "
        "[[Kaleido Ostbelgien|institution]].",
        "Seit [[Pfingsten|word_lookalike]] wohnt {A_first} bei einem Cousin, {T_cousin}, in "
        "{other_city}.",
        "[[Lange|word_lookalike]] war unklar, ob {P_first} zurückkehrt.",
    ],
    "housing": [
        "Die Wohnung in der {street} ist laut Bericht vom {date} gesundheitsschädlich.",
        "Der Vermieter, {T_landlord}, fordert Rückstände von {amount} Euro.",
        "Die Miete von {amount} Euro wird auf das Konto des Eigentümers überwiesen, "
        "{T_landlord_iban}.",
        "{T_landlord} (Tel. {T_landlord_phone}) ist mit einer Ratenzahlung von {amount} "
        "Euro im Monat einverstanden.",
        "Seit dem {date} wohnt die Familie in der {street}, {postcode} {city}.",
        "Nach der Räumung vom {date} zog die Familie von {saint_place} nach {city}.",
        "[[Kurz|word_lookalike]] vor [[Rosenmontag|word_lookalike]] wurde der Strom "
        "abgestellt.",
        "Im [[Herbst|word_lookalike]] stiegen die Heizkosten auf {amount} Euro.",
    ],
    "income": [
        "Einziges Einkommen: Arbeitslosengeld von {amount} Euro; das "
        "[[Arbeitsamt der DG|institution]] sperrt ab dem {date}.",
        "{A_formal} arbeitete bis 2022 als [[{occupation}|occupation_surname]] und ist "
        "nun arbeitsunfähig.",
        "{P_first} war früher [[{occupation}|occupation_surname]] und sucht eine Ausbildung.",
        "Das Kindergeld der [[Familienkasse Ostbelgien|institution]] beträgt {amount} Euro.",
        "Der Arbeitgeber, {T_employer}, bestätigt eine Teilzeitstelle mit {amount} Euro "
        "netto.",
        "Bei der [[Steuerverwaltung|institution]] bleibt eine Schuld von {amount} Euro.",
    ],
    "health": [
        "{A_formal} leidet an [[{disease}|disease_eponym]], festgestellt in der "
        "[[{inst_eponym}|institution_eponym]].",
        "Der Hausarzt, {T_doctor}, stellt bei {P_first} die Diagnose {disease}.",
        "{C} hat {disease} und wird in der {inst_eponym} betreut.",
        "Die Arztkosten betragen {amount} Euro; die [[Christliche Krankenkasse|"
        "institution]] übernimmt einen Teil.",
    ],
    "third": [
        "Der Nachbar, {T_neighbour}, beschwert sich seit [[Ostern|word_lookalike]] über Lärm.",
        "Die Anwältin, {T_lawyer}, ist unter {T_lawyer_phone} oder {T_lawyer_email} "
        "erreichbar.",
        "Gerichtsvollzieher {T_bailiff} stellte am {date} einen Zahlungsbefehl zu.",
        "Das Auto von {T_ex} ({plate}) steht jeden Abend vor der Tür.",
        "Der Gläubiger, {T_creditor}, wartet bis zum {date}.",
    ],
    "court": [
        "Mit Ladung vom {date} beantragt {T_landlord} vor dem {court} die Auflösung des "
        "Mietvertrags (Listennummer {roll}).",
        "Die Sitzung ist auf den {date} festgesetzt; {T_lawyer} vertritt {A_formal}.",
        "Das Urteil vom {date} (AL {roll}) verurteilt {A_caps} zur Zahlung von {amount} "
        "Euro.",
        "Das Polizeiprotokoll nennt das Fahrzeug mit dem Kennzeichen {plate}, zugelassen auf "
        "{P_full}.",
        "Das Fahrzeug {plate} wurde am {date} von {T_bailiff} gepfändet.",
        "Die kollektive Schuldenregelung läuft unter der Nummer {roll}; Schuldenvermittler "
        "ist {T_mediator}.",
        "Der Antrag betrifft {A_caps}, geboren {bdate_words}, wohnhaft {street}.",
    ],
    "identity": [
        "{A_full}, geboren am {bdate}, Nationalregisternummer {niss}.",
        "Konto der Betroffenen: {iban}.",
        "Erreichbar unter {phone} und per E-Mail ({email}).",
        "Anschrift: {street}, {postcode} {city}.",
        "{A_formal} ist geboren {bdate_words}.",
        "Für die Zahlungen nannte {A_first} das Konto {iban}.",
        "Kontakt: {phone} – {email}.",
        "Nationalregisternummer von {A_first}: {niss}.",
        "{A_caps} (NRN {niss}) ist seit 2019 in {city} gemeldet.",
    ],
    "mail_applicant": [
        "Guten Tag, ich schreibe wegen meiner Miete für {month}, die nicht bezahlt ist.",
        "Anbei die Bescheinigung der {school_eponym} für {C_first}.",
        "Meine Nummer hat sich geändert, sie lautet jetzt {phone}.",
        "Können Sie die Hilfe auf mein Konto {iban} überweisen?",
        "Ich weiß nicht mehr weiter, der Vermieter kommt jeden Tag.",
    ],
    "mail_third": [
        "Sehr geehrte Damen und Herren, der Rückstand Ihrer Klientin beträgt {amount} Euro.",
        "Anbei die Nebenkostenabrechnung zum {date}.",
        "Der Mietvertrag endet am {date}, wenn nichts geregelt wird.",
    ],
    "mail_reply": [
        "Guten Tag {A_first}, wir haben Ihre Unterlagen erhalten.",
        "Ihre Akte wird dem Ausschuss am {date} vorgelegt.",
        "Bitte senden Sie uns den Steuerbescheid der [[Steuerverwaltung|institution]].",
        "Das ÖSHZ nimmt vor dem {date} Kontakt mit {T_landlord} auf.",
    ],
    "notes": [
        "{date}: Hausbesuch, {A_init} anwesend, {C_first} krank.",
        "{date}: Anruf von {A_dim}, noch keine Antwort vom [[Arbeitsamt der DG|institution]].",
        "{date}: Termin von {A_init} abgesagt.",
        "{date}: {T_landlord} ruft an, fordert {amount} Euro.",
        "{date}: Gespräch mit {A_dim} und {P_first}; Schulden {amount} Euro.",
        "{date}: Mail des Anwalts von {A_init}, Sitzung festgesetzt (AL {roll}).",
    ],
    "proposal": [
        "Gewährung des Eingliederungseinkommens Kategorie 3 ab dem {date}, {amount} Euro "
        "monatlich ({legal}).",
        "Gewährung einer Sozialhilfe von {amount} Euro für die Mietrückstände ({legal}).",
        "Übernahme der Arztkosten bis {amount} Euro ({legal}).",
        "Beschäftigung gemäß {legal} in der {inst_eponym}.",
    ],
    "caps": [
        "Der Ausschuss beschließt, {A_full} ab dem {date} eine Hilfe von {amount} Euro zu "
        "gewähren.",
        "{A_caps} verpflichtet sich, {T_landlord} monatlich {amount} Euro zurückzuzahlen.",
        "Positive Stellungnahme der Sozialarbeiterin für {A_formal}, wohnhaft in {city}.",
    ],
}
BANKS = {"fr": FR, "nl": NL, "de": DE}

# the third parties a report may name, by role: (title of a woman, title of a man) per language
ROLES = ["landlord", "ex", "cousin", "neighbour", "lawyer", "bailiff", "creditor", "doctor",
         "employer", "mediator"]
ROLE_TITLES = {
    "fr": {"doctor": ("Dr", "Dr"), "lawyer": ("Me", "Me"), "bailiff": ("Me", "Me")},
    "nl": {"doctor": ("dr.", "dr."), "lawyer": ("mr.", "mr."), "bailiff": ("meester",
                                                                           "meester")},
    "de": {"doctor": ("Dr.", "Dr."), "lawyer": ("Frau", "Herr"), "bailiff": ("Frau", "Herr")},
}
MAIL_DOMAINS = {
    "fr": ["gmail.com", "hotmail.com", "skynet.be", "proximus.be", "voo.be", "yahoo.fr"],
    "nl": ["telenet.be", "gmail.com", "proximus.be", "hotmail.com", "outlook.be"],
    "de": ["gmx.de", "web.de", "t-online.de", "gmail.com", "skynet.be"],
}
# how people hide an address from robots: (at, dot) written in words, per language
OBFUSCATIONS = {
    "fr": [(" [at] ", " [point] "), ("(arobase)", "."), (" chez ", " point "), ("(at)", "(.)")],
    "nl": [(" [apenstaartje] ", " [punt] "), (" at ", " punt "), ("(at)", ".")],
    "de": [(" (ät) ", " (punkt) "), (" bei ", " Punkt "), ("[at]", "[dot]")],
}
