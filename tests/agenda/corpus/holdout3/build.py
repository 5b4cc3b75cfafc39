# ruff: noqa: E501 -- the phrase banks are sentences of the reports, kept one to a line
"""Write the third held-out evaluation set for the pseudonymiser (issue 19).

``python tests/agenda/corpus/holdout3/build.py`` rewrites every ``h3LLNNN.*`` file of this
folder and the sizes in README.md, identically each time (fixed seed). The pools and phrase
banks below are this set's own; nothing here was taken from the pseudonymiser or the other sets.

Every value is annotated at the moment it is written. Before a report is written it is checked
with the evaluator's own matching (``survives``, ``_present``); a draw that fails is drawn again.
"""

from __future__ import annotations

import json
import random
import re
import sys
import textwrap
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from stdnum import iban as iban_check
from stdnum.be import bis as bis_check
from stdnum.be import nn as niss_check

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path.insert(0, str(REPO))

from agenda.pseudonymise.dossier import load_dossier  # noqa: E402
from agenda.pseudonymise.evaluate import _present, survives  # noqa: E402

AUTHOR = "holdout3"
SEED = 20261208
SIZES = {"fr": 40, "nl": 28, "de": 28}
TODAY = date(2026, 10, 1)
PROTECT = "\x01"  # a space inside an annotated value: line wrapping must not cut there
SOFT_HYPHEN, ZERO_WIDTH = "\u00ad", "\u200b"
PARTICLES = {"van", "den", "der", "de", "del", "da", "das", "dos", "di", "du", "le", "la", "el",
             "al", "ait", "ten", "ter", "von", "vom", "zu", "lo", "d", "l"}

# ---------------------------------------------------------------------------------------------
# Pools. A first name is "Name" or "Name:diminutive" (the pet name people use for it).
# ---------------------------------------------------------------------------------------------

FIRST = {
    "wallonia": (
        "F", "Nathalie:Nath Stéphanie:Steph Véronique:Véro Christelle Laetitia:Laeti Séverine "
             "Aurélie Mélanie:Mel Jessica:Jess Marie-Thérèse:Maïté Bernadette:Bernie Josiane:Josy "
             "Françoise:Fanfan Isabelle:Isa Sandrine:Sandy Coralie Gaëlle Ghislaine Murielle",
        "M", "Frédéric:Fred Grégory:Greg Sébastien:Séba Emmanuel:Manu Jean-François:Jeff "
             "Philippe:Phil Thierry Pascal Michaël:Mika Benoît Ludovic:Ludo Didier Alain Raymond "
             "Jean-Claude Kevin Dylan Freddy Christian:Kiki Joseph:Jojo"),
    "flanders": (
        "F", "Annemie Katrien:Trien Maria:Mieke Hilde Griet Ingrid Veerle Liesbeth:Lies "
             "Kimberly:Kimmy Joke Nele Marleen:Leen Wilhelmina:Mien Anneleen Lotte Godelieve:Lieve "
             "Rita Jacqueline:Jacky",
        "M", "Pieter:Piet Jozef:Jef Hendrik:Rik Frans:Sus Johannes:Hannes Kurt Dirk Geert Bart "
             "Koen Steven Kristof:Stoffel Lodewijk:Lowie Wouter Jens Yannick Gilbert:Gilbke "
             "Raf Willy Petrus:Pierke"),
    "eastbelgium": (
        "F", "Marlene Monika:Moni Brigitte:Gitte Stefanie:Steffi Katharina:Kathi Gertrud:Trudi "
             "Franziska:Franzi Sabine:Bine Margarethe:Gretel Irmgard:Irmi Elisabeth:Lisbeth "
             "Nadine Vanessa Melanie Anneliese:Liesel Resi",
        "M", "Josef:Jupp Hubert:Hubi Wolfgang:Wolfi Johann:Hansi Friedhelm Heinz "
             "Karl-Heinz:Kalle Bernd Dieter Günter Erwin Norbert Alfons Manfred:Manni Reinhold "
             "Thomas:Tommi Matthias:Matze Leonhard:Leo"),
    "morocco": (
        "F", "Fatima:Fati Khadija:Khadi Naïma Samira Souad Nadia Karima Hafsa Loubna Siham",
        "M", "Mohamed:Momo Youssef:Youss Abdelkader:Kader Rachid Hamza Ilyas Zakaria:Zaki "
             "Mustapha:Mouss Brahim Soufiane"),
    "turkey": (
        "F", "Ayşe Emine Hatice Fatma Elif Zeynep Sevgi Gülsüm",
        "M", "Mehmet:Memo Mustafa:Musti Hüseyin Burak Emre Osman Yusuf Serkan"),
    "congo": (
        "F", "Grâce Merveille Glodie Nathalie:Nath Bijou Esther Jolie Déborah",
        "M", "Dieudonné:Dieudo Exaucé Trésor Blaise Fiston Patrick:Pat Héritier Junior"),
    "syria": (
        "F", "Rania Lina Yara Nour Rasha Dima Hala Ghada",
        "M", "Mohammad:Hamoudi Ahmad Omar Khaled Bassel Firas Tarek Samer"),
    "afghanistan": (
        "F", "Mariam Zahra Shabnam Gulalai Parwana Freshta",
        "M", "Farid Habib Rahmatullah Sayed Jawad Naveed Ahmad"),
    "eritrea": (
        "F", "Senait Meron Semhar Selam Helen Feven",
        "M", "Yohannes Filmon Abraham Tesfalem Dawit Biniam"),
    "poland": (
        "F", "Małgorzata:Gosia Katarzyna:Kasia Agnieszka:Aga Anna:Ania Joanna:Asia Ewelina",
        "M", "Wojciech:Wojtek Krzysztof:Krzysiek Tomasz:Tomek Piotr:Piotrek Marek Grzegorz:Grzesiek"),
    "romania": (
        "F", "Ioana Andreea Cristina Elena:Lenuța Mihaela Florentina:Florica",
        "M", "Gheorghe:Ghiță Mihai Florin Vasile:Vasilică Daniel:Dani Ionuț Costel"),
    "ukraine": (
        "F", "Olena:Lena Iryna:Ira Tetiana:Tania Nataliia:Natasha Yuliia:Yulia Oksana",
        "M", "Oleksandr:Sasha Volodymyr:Volodia Dmytro:Dima Mykola:Kolia Andrii Serhii:Seryozha"),
    "italy": (
        "F", "Francesca Concetta:Cettina Carmela:Melina Rosaria:Saretta Angela Giuseppina:Pina",
        "M", "Giuseppe:Peppe Salvatore:Totò Giovanni:Gianni Vincenzo:Enzo Antonio:Tonino Calogero"),
    "portugal": (
        "F", "Fernanda:Nanda Conceição:Sãozinha Catarina Isabel Lurdes Fátima",
        "M", "Francisco:Chico Manuel:Manel João Luís Rui Paulo Joaquim:Quim"),
}

SURNAMES = {
    "wallonia": "Dethier Lambotte Gillet Delhaye Lejeune Collard Pirard Lecomte Hubin Dumont "
                "Bastin Jacquemin Wauthier Massart Ernotte Deprez Piron Goffin Stiévenart "
                "Wilmotte Closset Lhoest Remacle Defossez Hennuy Marchal Lardinois Denoël",
    "brussels": "Vandenbroeck Vanderelst Verheyden Bogaerts Vandersmissen Dewolf Van Roy "
                "De Coster Schoonbroodt Lambrechts Van Cutsem",
    "flanders": "Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De Smet "
                "Van den Bossche Vermeulen De Clercq Verstraete Van Damme Bogaert Coppens "
                "D'Hondt Vanhoutte Verbruggen Claeys Lemmens Smets Van Hecke Vercammen",
    "eastbelgium": "Schmitz Kessler Cormann Heinen Kreutz Lentz Margraff Hilgers Thönnissen "
                   "Pauels Kohnen Theissen Jost Radermacher Veithen Backes Reuter Scholzen "
                   "Klinkenberg Mreyen Weynand Fickers Steffens Hoffmann Schiffers Offermann",
    "morocco": "El Amrani Benali Bouzid Azzouzi Chaouki El Khattabi Ouali Tahiri Haddouchi "
               "Achahbar Boukhari Ait Lahcen",
    "turkey": "Yılmaz Demir Kaya Çelik Şahin Öztürk Aydın Arslan Doğan Koç",
    "congo": "Mukendi Kabongo Tshibanda Ilunga Mbuyi Kalonji Lukusa Nsimba Mulumba Kasongo",
    "syria": "Alkhatib Haddad Al Masri Darwish Sabbagh Khoury Hamwi Najjar Tahan",
    "afghanistan": "Ahmadzai Sultani Noori Rahimi Hakimi Karimi Popal Wardak Stanekzai",
    "eritrea": "Tesfaye Ghebremedhin Tekle Habte Berhane Woldemichael Kidane Mehari",
    "poland": "Kowalsk Nowak Wiśniewsk Wójcik Kamińsk Lewandowsk Zielińsk Kaczmarek Szymańsk",
    "romania": "Popescu Ionescu Dumitru Munteanu Lungu Rusu Ciobanu Moldovan Stoica",
    "ukraine": "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Lysenko "
               "Savchuk Oliinyk",
    "italy": "Russo Esposito Romano Colombo Ricci Marino Greco Conti De Luca Mancini Lombardi "
             "Scuderi Calabrese Lo Bue",
    "portugal": "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa "
                "Fernandes Gonçalves Carvalho",
}

#: who lives in the area a CPAS of each language serves, and how often they are met
COMMUNITIES = {
    "fr": ["wallonia"] * 8 + ["brussels"] * 2 + ["morocco"] * 3 + ["congo"] * 2 + [
        "turkey", "syria", "afghanistan", "eritrea", "poland", "romania", "ukraine", "italy",
        "italy", "portugal"],
    "nl": ["flanders"] * 9 + ["brussels"] + ["morocco"] * 3 + ["turkey"] * 2 + [
        "syria", "afghanistan", "eritrea", "eritrea", "poland", "romania", "ukraine", "congo",
        "portugal"],
    "de": ["eastbelgium"] * 10 + ["wallonia"] * 2 + ["poland", "romania", "ukraine", "ukraine",
                                                      "syria", "afghanistan", "eritrea",
                                                      "turkey", "italy", "morocco"],
}

#: (street as the dossier writes it, the short forms people write, the distinctive word(s)
#: of the full and of the short form)
STREETS = {
    "fr": [
        ("rue des Coquelicots", "r. des Coquelicots"), ("avenue des Tilleuls", "av. des Tilleuls"),
        ("boulevard Tirou", "bd Tirou"), ("rue Grétry", "r. Grétry"),
        ("rue Pierreuse", "r. Pierreuse"), ("rue Émile Vandervelde", "r. É. Vandervelde"),
        ("rue du Hoyoux", "r. du Hoyoux"),
        ("rue Hocheporte", "r. Hocheporte"), ("avenue des Bouleaux", "av. des Bouleaux"),
        ("rue Joseph Wauters", "r. J. Wauters"), ("place des Franchises", "pl. des Franchises"),
        ("rue de la Briqueterie", "r. de la Briqueterie"), ("sentier des Aubépines", "sent. des Aubépines"),
    ],
    "nl": [
        ("Kapellestraat", "Kapellestr."), ("Populierenlaan", "Populierenln."),
        ("Gentsesteenweg", "Gentsestwg."), ("Koning Albertlaan", "Kon. Albertln."),
        ("Boomgaardstraat", "Boomgaardstr."), ("Turnhoutsebaan", "Turnhoutseb."),
        ("Lindenlei", "Lindenlei"), ("Kerkhofweg", "Kerkhofwg."), ("Brouwerijstraat", "Brouwerijstr."),
        ("Veldekensstraat", "Veldekensstr."), ("Pastoor Cooremansstraat", "Past. Cooremansstr."),
    ],
    "de": [
        ("Herbesthaler Straße", "Herbesthaler Str."), ("Bergkapellstraße", "Bergkapellstr."),
        ("Hookstraße", "Hookstr."), ("Gospertstraße", "Gospertstr."),
        ("Malmedyer Straße", "Malmedyer Str."), ("Klötzerbahn", "Klötzerbahn"),
        ("Rotenbergplatz", "Rotenbergpl."), ("Bütgenbacher Straße", "Bütgenbacher Str."),
        ("Lascheter Weg", "Lascheter Weg"), ("Neustraße", "Neustr."),
        ("Talstraße", "Talstr."), ("Prümer Straße", "Prümer Str."),
    ],
}
STREET_GENERIC = {"rue", "r.", "avenue", "av.", "boulevard", "bd", "chaussée", "chée", "place",
                  "pl.", "sentier", "sent.", "des", "de", "du", "la", "Straße", "Str.", "Weg",
                  "Émile", "É.", "Joseph", "J.", "Koning", "Kon.", "Pastoor", "Past.", "Louvain"}

TOWNS = {
    "fr": [("6000", "Charleroi"), ("4000", "Liège"), ("4800", "Verviers"), ("7100", "La Louvière"),
           ("4100", "Seraing"), ("5000", "Namur"), ("7000", "Mons"), ("1070", "Anderlecht"),
           ("1030", "Schaerbeek"), ("6700", "Arlon"), ("4020", "Liège"), ("1300", "Wavre")],
    "nl": [("2000", "Antwerpen"), ("9000", "Gent"), ("3600", "Genk"), ("2800", "Mechelen"),
           ("8400", "Oostende"), ("9300", "Aalst"), ("3500", "Hasselt"), ("8500", "Kortrijk"),
           ("2300", "Turnhout"), ("3000", "Leuven")],
    "de": [("4700", "Eupen"), ("4720", "Kelmis"), ("4730", "Raeren"), ("4710", "Lontzen"),
           ("4750", "Bütgenbach"), ("4760", "Büllingen"), ("4770", "Amel"),
           ("4790", "Burg-Reuland"), ("4780", "St. Vith")],
}
#: municipalities named after a saint, written as they are in that language
SAINT_PLACES = {
    "fr": ["Saint-Ghislain", "Saint-Gilles", "Molenbeek-Saint-Jean", "Saint-Josse-ten-Noode",
           "Woluwe-Saint-Pierre", "Sainte-Ode", "Saint-Nicolas", "Saint-Georges-sur-Meuse",
           "Berchem-Sainte-Agathe", "Braine-le-Comte"],
    "nl": ["Sint-Niklaas", "Sint-Truiden", "Sint-Genesius-Rode", "Sint-Katelijne-Waver",
           "Sint-Lievens-Houtem", "Sint-Agatha-Berchem", "Sint-Gillis-Waas"],
    "de": ["St. Vith", "Sankt Vith", "Saint-Vith", "Sankt Augustin"],
}
MUNICIPALITIES = {
    "fr": ["Charleroi", "Liège", "Verviers", "Namur", "Mons", "Tournai", "Huy", "Seraing",
           "Herstal", "Marche-en-Famenne", "Bastogne", "Arlon", "Anderlecht", "Schaerbeek"],
    "nl": ["Antwerpen", "Gent", "Genk", "Mechelen", "Oostende", "Aalst", "Hasselt", "Brugge",
           "Kortrijk", "Turnhout", "Leuven", "Lokeren", "Maasmechelen"],
    "de": ["Eupen", "Kelmis", "Raeren", "Lontzen", "Bütgenbach", "Büllingen", "Amel",
           "Burg-Reuland", "Aachen", "Malmedy", "Welkenraedt"],
}
INSTITUTIONS = {
    "fr": ["ONEM", "FOREM", "INAMI", "SPF Finances", "Fedasil", "Solidaris", "Mutualité chrétienne",
           "Partenamut", "CAPAC", "Famiwal", "SPF Sécurité sociale", "Croix-Rouge", "SWDE",
           "Service de médiation de dettes", "AVIQ", "Office des étrangers"],
    "nl": ["RVA", "VDAB", "RIZIV", "FOD Financiën", "Fedasil", "CM", "Helan", "Vivas",
           "HVW", "FONS", "Rode Kruis", "De Watergroep", "Dienst Vreemdelingenzaken", "Agentschap Opgroeien"],
    "de": ["LfA", "Arbeitsamt", "LIKIV", "FÖD Finanzen", "Christliche Krankenkasse",
           "Freie Krankenkasse", "Sozialistische Krankenkasse", "Kaleido Ostbelgien",
           "Dienststelle für Selbstbestimmtes Leben", "Rotes Kreuz", "Fedasil", "Ostbelgien Familienleistungen"],
}
#: institutions named after a saint or a person: hospitals and clinics, then schools
EPONYM_HOSPITALS = {
    "fr": ["CHU Saint-Pierre", "Clinique Saint-Joseph", "Hôpital Érasme", "Clinique Sainte-Élisabeth",
           "Institut Jules Bordet", "Hôpital Vincent Van Gogh", "Clinique Saint-Luc de Bouge",
           "Centre hospitalier Ambroise Paré", "Clinique André Renard"],
    "nl": ["AZ Sint-Jan", "AZ Sint-Maarten", "AZ Jan Palfijn", "Sint-Vincentiusziekenhuis",
           "PC Sint-Amedeus", "AZ Sint-Lucas", "AZ Maria Middelares", "PC Dr. Guislain"],
    "de": ["St. Nikolaus-Hospital", "Klinik St. Josef", "Alexianer Krankenhaus",
           "Luisenhospital Aachen", "Marienhospital Aachen", "Sankt Elisabeth Altenheim"],
}
EPONYM_SCHOOLS = {
    "fr": ["Collège Saint-Benoît", "Athénée Léonie de Waha", "École fondamentale Saint-Remacle",
           "Institut Sainte-Marie", "Athénée royal Jules Destrée", "Institut Saint-Laurent"],
    "nl": ["Sint-Jozefscollege", "Don Bosco Technisch Instituut", "Sint-Ursula-Instituut",
           "Koninklijk Atheneum Pieter De Somer", "Basisschool Sint-Pieter"],
    "de": ["Pater-Damian-Sekundarschule", "Robert-Schuman-Institut", "Maria-Goretti-Schule",
           "Bischöfliche Schule St. Vith", "Gemeindeschule Sankt Nikolaus"],
}
DISEASES = {
    "fr": ["maladie de Crohn", "maladie de Charcot", "syndrome de Down", "maladie de Lyme",
           "maladie de Parkinson", "syndrome d'Asperger", "maladie de Basedow",
           "maladie d'Alzheimer", "syndrome de Gilles de la Tourette"],
    "nl": ["ziekte van Crohn", "syndroom van Down", "ziekte van Lyme", "ziekte van Parkinson",
           "syndroom van Asperger", "ziekte van Alzheimer", "ziekte van Bechterew"],
    "de": ["Morbus Crohn", "Morbus Bechterew", "Parkinson-Krankheit", "Alzheimer-Demenz",
           "Down-Syndrom", "Asperger-Syndrom", "Lyme-Borreliose", "Hashimoto-Thyreoiditis"],
}
#: occupations that are also surnames somewhere, in the grammatical form the phrase needs
OCCUPATIONS = {
    "fr": ["boulanger", "charpentier", "boucher", "meunier", "couvreur", "tailleur", "berger",
           "mercier"],
    "nl": ["bakker", "slager", "smid", "kuiper", "timmerman", "schilder", "molenaar", "visser"],
    "de": ["Schreiner", "Metzger", "Maurer", "Bäcker", "Schneider", "Zimmermann", "Müller",
           "Dachdecker"],
}
LEGAL = {
    "fr": ["article 1er de la loi du 8 juillet 1976", "article 60, § 7",
           "loi du 26 mai 2002", "article 1675/2 du Code judiciaire",
           "article 57, § 2", "arrêté royal du 11 juillet 2002"],
    "nl": ["artikel 1 van de organieke wet van 8 juli 1976", "artikel 60, § 7",
           "wet van 26 mei 2002", "artikel 1675/2 van het Gerechtelijk Wetboek",
           "artikel 57, § 2", "koninklijk besluit van 11 juli 2002"],
    "de": ["Artikel 1 des Grundlagengesetzes vom 8. Juli 1976", "Artikel 60 § 7",
           "Gesetz vom 26. Mai 2002", "Artikel 1675/2 des Gerichtsgesetzbuches",
           "Artikel 57 § 2", "Königlicher Erlass vom 11. Juli 2002"],
}
UNEMPLOYMENT = {"fr": ["ONEM", "CAPAC", "FGTB", "CSC"], "nl": ["RVA", "HVW", "ABVV", "ACV"],
                "de": ["LfA", "CSC", "FGTB", "HfA"]}
HEALTH_INSURERS = {"fr": ["Solidaris", "Mutualité chrétienne", "Partenamut", "Mutualité libérale",
                          "Mutualité neutre"],
                   "nl": ["CM", "Helan", "Vivas", "Solidaris", "Liberale Mutualiteit"],
                   "de": ["Christliche Krankenkasse", "Freie Krankenkasse",
                          "Sozialistische Krankenkasse", "Neutrale Krankenkasse"]}
FAMILY_ALLOWANCES = {"fr": ["Famiwal", "Famiris", "Camille", "Parentia"],
                     "nl": ["FONS", "Infino", "Kidslife", "MyFamily"],
                     "de": ["Ministerium der Deutschsprachigen Gemeinschaft", "Familienleistungen Ostbelgien"]}
COMPANIES = {
    "fr": ["Proximus", "Engie", "Luminus", "Orange", "Cofidis", "Buy Way", "Ores", "Voo"],
    "nl": ["Proximus", "Engie", "Luminus", "Telenet", "Cofidis", "Buy Way", "Fluvius", "Eneco"],
    "de": ["Proximus", "Engie", "Luminus", "Orange", "Cofidis", "Ores", "Voo", "Mega"],
}
MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
}
MONTHS = {lang: names.split() for lang, names in MONTHS.items()}
MAIL_DOMAINS = ["gmail.com", "hotmail.com", "skynet.be", "telenet.be", "outlook.be", "yahoo.fr",
                "proximus.be", "gmx.de", "voo.be", "live.be"]

# ---------------------------------------------------------------------------------------------
# Numbers and dates in words (birth dates are sometimes written out in full)
# ---------------------------------------------------------------------------------------------

FR_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
NL_UNITS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
NL_TENS = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig", 7: "zeventig",
           8: "tachtig", 9: "negentig"}
DE_UNITS = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
DE_TENS = {2: "zwanzig", 3: "dreißig", 4: "vierzig", 5: "fünfzig", 6: "sechzig", 7: "siebzig",
           8: "achtzig", 9: "neunzig"}


def french_number(n: int) -> str:
    if n < 20:
        return FR_UNITS[n]
    if n < 70:
        tens, unit = divmod(n, 10)
        joiner = " et " if unit == 1 else "-"
        return FR_TENS[tens] + (joiner + FR_UNITS[unit] if unit else "")
    if n < 80:
        return "soixante" + (" et " if n == 71 else "-") + FR_UNITS[n - 60]
    rest = n - 80
    return "quatre-vingt" + ("s" if rest == 0 else "-" + FR_UNITS[rest])


def dutch_number(n: int) -> str:
    if n < 20:
        return NL_UNITS[n]
    tens, unit = divmod(n, 10)
    if not unit:
        return NL_TENS[tens]
    unit_word = "één" if unit == 1 else NL_UNITS[unit]
    joiner = "ën" if unit_word.endswith("e") else "en"
    return unit_word + joiner + NL_TENS[tens]


def german_number(n: int) -> str:
    if n < 20:
        return DE_UNITS[n]
    tens, unit = divmod(n, 10)
    if not unit:
        return DE_TENS[tens]
    return ("ein" if unit == 1 else DE_UNITS[unit]) + "und" + DE_TENS[tens]


def year_in_words(year: int, lang: str) -> str:
    century, rest = divmod(year, 100)
    if lang == "fr":
        if century == 19:
            return "mil neuf cent" + (" " + french_number(rest) if rest else "")
        return "deux mille" + (" " + french_number(year - 2000) if year > 2000 else "")
    if lang == "nl":
        if century == 19:
            return "negentienhonderd" + dutch_number(rest)
        return "tweeduizend" + (dutch_number(year - 2000) if year > 2000 else "")
    if century == 19:
        return "neunzehnhundert" + german_number(rest)
    return "zweitausend" + (german_number(year - 2000) if year > 2000 else "")


def day_in_words(day: int, lang: str) -> str:
    if lang == "fr":
        return "premier" if day == 1 else french_number(day)
    if lang == "nl":
        return dutch_number(day)
    special = {1: "ersten", 3: "dritten", 7: "siebten", 8: "achten"}
    if day in special:
        return special[day]
    return german_number(day) + ("ten" if day < 20 else "sten")


# ---------------------------------------------------------------------------------------------
# Identifiers with valid checks
# ---------------------------------------------------------------------------------------------

OCR_LETTERS = {"0": "O", "1": "l", "5": "S", "8": "B"}


def make_niss(rng: random.Random, born: date, sex: str, bis: bool = False) -> str:
    month = born.month + (40 if bis else 0)
    while True:
        serial = rng.randrange(1, 998)
        if (serial % 2 == 1) != (sex == "M"):
            continue
        body = f"{born:%y}{month:02d}{born.day:02d}{serial:03d}"
        base = int(("2" if born.year >= 2000 else "") + body)
        number = body + f"{97 - base % 97:02d}"
        if (bis_check if bis else niss_check).is_valid(number):
            return number


def make_iban(rng: random.Random, country: str = "BE") -> str:
    if country == "BE":
        bank = rng.choice(["001", "063", "068", "143", "310", "363", "735", "751", "973", "523"])
        account = int(bank + f"{rng.randrange(10**7):07d}")
        check = account % 97 or 97
        bban = f"{account:010d}{check:02d}"
    elif country == "DE":
        bban = f"{rng.choice(['39050000', '37050198', '39060180'])}{rng.randrange(10**9, 10**10)}"
    else:  # Luxembourg: three digits of bank, thirteen of account
        bban = f"{rng.choice(['001', '002', '019'])}{rng.randrange(10**12, 10**13)}"
    number = country + iban_check.calc_check_digits(country + "00" + bban) + bban
    assert iban_check.is_valid(number), number
    return number


def grouped(value: str, size: int = 4) -> str:
    return " ".join(value[i:i + size] for i in range(0, len(value), size))


def niss_written(number: str, rng: random.Random) -> str:
    d = number
    return rng.choice([
        f"{d[:2]}.{d[2:4]}.{d[4:6]}-{d[6:9]}.{d[9:]}", d, f"{d[:6]} {d[6:9]} {d[9:]}",
        f"{d[:2]}.{d[2:4]}.{d[4:6]}-{d[6:9]}-{d[9:]}", f"{d[:6]}-{d[6:9]}-{d[9:]}",
    ])


def with_ocr_letter(written: str, rng: random.Random) -> str | None:
    spots = [i for i, c in enumerate(written) if c in OCR_LETTERS and i > 3]
    if not spots:
        return None
    i = rng.choice(spots)
    return written[:i] + OCR_LETTERS[written[i]] + written[i + 1:]


def make_phone(rng: random.Random, country: str) -> tuple[str, list[str]]:
    """A number in its international form and the ways people write it at home."""
    r = rng.randrange
    if country == "BE":
        prefix = rng.choice(["470", "472", "475", "476", "477", "479", "484", "486", "488", "496", "498"])
        a, b, c = r(10, 100), r(10, 100), r(10, 100)
        return f"+32 {prefix} {a} {b} {c}", [
            f"0{prefix} {a} {b} {c}", f"0{prefix}/{a}.{b}.{c}", f"0{prefix}/{a}{b}{c}",
            f"0{prefix}-{a}{b}{c}", f"+32 {prefix} {a} {b} {c}", f"0032 {prefix} {a} {b} {c}",
            f"+32{prefix}{a}{b}{c}"]
    if country == "BE-fixed":
        zone = rng.choice(["087", "080", "04", "071", "065", "02", "09", "03"])
        tail = f"{r(10, 100)} {r(10, 100)} {r(10, 100)}"
        head = zone[1:]
        return f"+32 {head} {tail}", [f"{zone} {tail}", f"{zone}/{tail.replace(' ', '.')}",
                                      f"{zone}/{tail.replace(' ', '')}"]
    if country == "NL":
        digits = f"{r(10**7, 10**8)}"
        return f"+31 6 {digits}", [f"06-{digits}", f"06 {digits[:2]} {digits[2:5]} {digits[5:]}",
                                   f"+31 6 {digits[:4]} {digits[4:]}", f"+316{digits}"]
    if country == "DE":
        prefix = rng.choice(["151", "152", "160", "170", "171", "176", "179"])
        digits = f"{r(10**6, 10**7)}{r(0, 10)}"
        return f"+49 {prefix} {digits}", [f"0{prefix}/{digits}", f"0{prefix} {digits[:4]} {digits[4:]}",
                                          f"+49 {prefix} {digits}", f"0049 {prefix} {digits}"]
    if country == "FR":
        parts = [f"{r(0, 100):02d}" for _ in range(4)]
        lead = rng.choice(["6", "7"])
        return f"+33 {lead} {' '.join(parts)}", ["0" + lead + "." + ".".join(parts),
                                                 "0" + lead + " " + " ".join(parts),
                                                 f"+33 {lead} {' '.join(parts)}"]
    parts = f"{r(100, 1000)} {r(100, 1000)} {r(100, 1000)}"  # Luxembourg mobiles: 6x1 …
    return f"+352 6{parts[1:]}", [f"+352 6{parts[1:]}", f"00352 6{parts[1:]}"]


PHONE_CATEGORY = {"BE": "phone", "BE-fixed": "phone", "NL": "phone_nl", "DE": "phone_de",
                  "FR": "phone_fr", "LU": "phone_lu"}


def make_plate(rng: random.Random, lang: str) -> str:
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
    number = rng.randrange(100, 1000)
    if lang == "de" and rng.random() < 0.4:
        return f"AC-{letters[:2]} {number}"
    return rng.choice([f"1-{letters}-{number}", f"2-{letters}-{number}", f"1{letters}{number}",
                       f"1 {letters} {number}"])


def make_roll(rng: random.Random) -> str:
    n = rng.randrange(100, 9999)
    return rng.choice([f"26/{n}/A", f"26A{n}", f"2026/AR/{n}", f"26/{n}/B", f"26/{n}/C",
                       f"2026/RR/{n}"])


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

@dataclass
class Person:
    firsts: list[str]
    last: str
    sex: str
    born: date | None = None
    known: bool = True
    role: str = ""
    relation: str = ""
    pet_names: dict[str, str] = field(default_factory=dict)
    niss: str = ""
    phone_country: str = "BE"
    phone: str = ""
    phone_forms: list[str] = field(default_factory=list)
    email: str = ""
    iban: str = ""

    @property
    def first(self) -> str:
        return self.firsts[0]

    def age(self) -> int:
        born = self.born or TODAY
        return TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))


def name_tokens(name: str) -> list[str]:
    """The parts of a name that are annotated: three letters or more, particles left out."""
    parts = re.split(r"[\s\-']+", name)
    return [p for p in parts if len(p) >= 3 and p.lower() not in PARTICLES]


def parse_first(entry: str) -> tuple[str, str]:
    name, _, pet = entry.partition(":")
    return name, pet


def draw_first(rng: random.Random, community: str, sex: str) -> tuple[str, str]:
    if community == "brussels":  # Brussels families carry French or Flemish first names
        community = rng.choice(["wallonia", "flanders"])
    pool = FIRST[community]
    names = pool[1] if sex == "F" else pool[3]
    return parse_first(rng.choice(names.split()))


def draw_surname(rng: random.Random, community: str, sex: str) -> str:
    name = rng.choice(re.findall(r"(?:(?:El|Al|Ait|Van den|Van|De|Lo) )?\S+", SURNAMES[community]))
    if community == "poland" and name.endswith("sk"):
        name += "a" if sex == "F" else "i"
    return name


def draw_person(rng: random.Random, community: str, sex: str | None = None, *,
                born_between: tuple[int, int] = (1955, 2003), known: bool = True,
                last: str | None = None, role: str = "", relation: str = "") -> Person:
    sex = sex or rng.choice("FM")
    first, pet = draw_first(rng, community, sex)
    firsts = [first]
    pets = {first: pet} if pet else {}
    if known and rng.random() < 0.3:
        second, second_pet = draw_first(rng, community, sex)
        if second != first and "-" not in second + first:
            firsts.append(second)
            if second_pet:
                pets[second] = second_pet
    born = date(rng.randint(*born_between), rng.randint(1, 12), rng.randint(1, 28))
    return Person(firsts, last or draw_surname(rng, community, sex), sex, born, known, role,
                  relation, pets)


# ---------------------------------------------------------------------------------------------
# One report: every value is annotated where it is written
# ---------------------------------------------------------------------------------------------

KEEP_CAT = {"amount": "amount", "institution": "institution", "institution_eponym": "institution",
            "legal": "legal", "municipality": "municipality", "place_saint": "municipality",
            "procedure_date": "date", "disease_eponym": "disease",
            "occupation_surname": "occupation", "word_lookalike": "word"}
CIVIL = {"fr": {"F": ["Madame", "Mme"], "M": ["Monsieur", "M."]},
         "nl": {"F": ["mevrouw", "Mevr.", "mevr."], "M": ["meneer", "de heer", "dhr."]},
         "de": {"F": ["Frau"], "M": ["Herr"]}}
THIRD_PARTY_ROLES = {"L": "landlord", "X": "ex-partner", "D": "doctor", "W": "lawyer",
                     "H": "bailiff", "J": "judge", "T": "teacher", "N": "neighbour",
                     "E": "employer", "K": "creditor", "M": "medical adviser", "S": "relative",
                     "V": "mediator"}
SLOT = re.compile(r"\{(\w+)(?:\.(\w+))?\}|⟦(\w+)\|([^⟧]+)⟧")


class Missing(Exception):
    """A line names someone this household does not have: the line is left out."""


class Report:
    def __init__(self, rng: random.Random, lang: str, layout: str, number: int):
        self.rng, self.lang, self.layout, self.number = rng, lang, layout, number
        self.redact: list[dict] = []
        self.keep: list[dict] = []
        self.caps = False  # inside a paragraph written in capitals
        self.chat_days = None  # the days of a chat transcript, in order
        self.chat_format = ""
        self.artefact_rate = {"email_thread": 0.25, "pdf_paste": 0.25, "notes": 0.15,
                              "messages": 0.1, "form": 0.3}.get(layout, 0.08)
        self.communities = COMMUNITIES[lang]
        community = rng.choice(self.communities)
        self.applicant = draw_person(rng, community, role="applicant")
        self.household: list[Person] = []
        if rng.random() < 0.4:
            partner_community = community if rng.random() < 0.7 else rng.choice(self.communities)
            self.household.append(draw_person(
                rng, partner_community, "M" if self.applicant.sex == "F" else "F",
                relation="partner", role="partner"))
        family_name = (self.household[0].last if self.household and rng.random() < 0.5
                       else self.applicant.last)
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            sex = rng.choice("FM")
            child = draw_person(rng, community, sex, born_between=(2008, 2024), relation="child",
                                role="child")
            if community == "poland":
                child.last = re.sub(r"(sk)[ai]$", r"\1" + ("a" if sex == "F" else "i"), family_name)
            else:
                child.last = family_name
            if all(child.first != other.first for other in self.household):
                self.household.append(child)
        self.people: dict[str, Person | None] = {"A": self.applicant}
        partners = [p for p in self.household if p.relation == "partner"]
        self.people["P"] = partners[0] if partners else None
        children = [p for p in self.household if p.relation == "child"]
        for i in range(3):
            self.people[f"C{i + 1}"] = children[i] if i < len(children) else None
        self._identify(self.applicant, community)
        for person in partners:
            person.niss = make_niss(rng, person.born, person.sex)
        for person in children:
            person.niss = make_niss(rng, person.born, person.sex) if rng.random() < 0.4 else ""
        self.street, self.street_short = rng.choice(STREETS[lang])
        self.house = str(rng.randint(1, 240)) + rng.choice(["", "", "", "a", "b"])
        self.box = rng.choice([None, None, "1", "2", "3", "12"])
        self.postcode, self.town = rng.choice(TOWNS[lang])
        self.reference = f"2026/{rng.randint(100, 1999):04d}"
        self.reference_with_name = rng.random() < 0.35
        if self.reference_with_name:
            surname = name_tokens(self.applicant.last)[-1]
            self.reference = rng.choice([f"{self.reference}-{surname.upper()}",
                                         f"{surname.upper()}/{self.reference}",
                                         f"{self.reference} {surname}"])
        birthdays = {(p.born.day, p.born.month) for p in [self.applicant, *self.household]}
        self.dates = []
        day = date(2026, 6, 1)
        while day < date(2026, 12, 20):
            if (day.day, day.month) not in birthdays and day.weekday() < 5:
                self.dates.append(day)
            day += timedelta(days=1)
        self.keep_pools = {
            "inst": INSTITUTIONS[lang], "ep": EPONYM_HOSPITALS[lang], "school": EPONYM_SCHOOLS[lang], "dis": DISEASES[lang],
            "occ": OCCUPATIONS[lang], "muni": MUNICIPALITIES[lang], "saint": SAINT_PLACES[lang],
            "legal": LEGAL[lang], "company": COMPANIES[lang], "unemp": UNEMPLOYMENT[lang],
            "mut": HEALTH_INSURERS[lang], "fam": FAMILY_ALLOWANCES[lang]}

    # -- drawing ------------------------------------------------------------------------------

    def _identify(self, person: Person, community: str) -> None:
        rng = self.rng
        person.niss = make_niss(rng, person.born, person.sex, bis=community in {
            "syria", "afghanistan", "eritrea"} and rng.random() < 0.5)
        country = {"de": rng.choice(["BE", "BE", "DE", "LU", "BE-fixed"]),
                   "nl": rng.choice(["BE", "BE", "BE", "NL"]),
                   "fr": rng.choice(["BE", "BE", "FR", "FR", "LU", "BE-fixed"])}[self.lang]
        person.phone_country = country
        person.phone, person.phone_forms = make_phone(rng, country)
        plain = [re.sub(r"[^a-z]", "", fold(t)) for t in (person.first, name_tokens(person.last)[-1])]
        person.email = rng.choice([f"{plain[0]}.{plain[1]}{rng.randint(1, 99)}",
                                   f"{plain[0][0]}{plain[1]}", f"{plain[1]}.{plain[0]}",
                                   f"{plain[0]}{person.born:%y}"]) + "@" + rng.choice(MAIL_DOMAINS)
        person.iban = make_iban(rng, "DE" if self.lang == "de" and rng.random() < 0.25 else "BE")

    def third(self, code: str) -> Person:
        if self.people.get(code) is None and code in THIRD_PARTY_ROLES:
            # the sister, the neighbour and the teacher are women in every phrase bank
            sex = "F" if code in {"S", "N", "T"} else None
            person = draw_person(self.rng, self.rng.choice(self.communities), sex, known=False,
                                 role=THIRD_PARTY_ROLES[code])
            country = {"fr": "BE", "nl": self.rng.choice(["BE", "BE", "NL"]),
                       "de": self.rng.choice(["BE", "DE"])}[self.lang]
            person.phone_country = country
            person.phone, person.phone_forms = make_phone(self.rng, country)
            surname = re.sub(r"[^a-z]", "", fold(name_tokens(person.last)[-1]))
            addresses = [f"{fold(person.first)[0]}.{surname}@{self.rng.choice(MAIL_DOMAINS)}",
                         f"{surname}.{fold(person.first)[0]}@{self.rng.choice(MAIL_DOMAINS)}"]
            if person.role == "landlord":
                addresses.append(f"info@{surname}-immo.be")
            person.email = self.rng.choice(addresses)
            person.iban = make_iban(self.rng)
            self.people[code] = person
        person = self.people.get(code)
        if person is None:
            raise Missing(code)
        return person

    def procedure_date(self) -> date:
        return self.rng.choice(self.dates)

    # -- recording ----------------------------------------------------------------------------

    def keep_value(self, text: str, category: str) -> str:
        self.keep.append({"text": text, "cat": KEEP_CAT[category], "category": category})
        return text.replace(" ", PROTECT)

    def redact_value(self, text: str | None, cat: str, category: str, known: bool, *,
                     written: str | None = None, role: str = "", digits: bool = False,
                     forms: list[str] | None = None) -> str:
        entry = {"text": text, "cat": cat, "category": category, "known": known}
        if digits:
            entry["digits"] = True
        if forms:
            entry["forms"] = list(dict.fromkeys(forms))
        if role and not known:
            entry["role"] = role
        self.redact.append(entry)
        return (written if written is not None else text).replace(" ", PROTECT)

    def name_token(self, person: Person, token: str, *, artefacts: bool = True) -> str:
        """Write one part of a name (already in its written case) and annotate it."""
        if self.caps:
            token = token.upper()
        plain = token
        tokens = name_tokens(token)
        if not tokens:
            return token
        category = "name_allcaps" if token.isupper() else "name"
        written = token
        forms = None
        if artefacts and not self.caps and len(token) >= 5 and self.rng.random() < self.artefact_rate:
            kind = self.rng.choice(self.artefact_kinds())
            if (kind == "name_ligature" and not re.search("ff|fi|fl", token)) or (
                    kind == "name_spaced" and not token.isalpha()):
                kind = "name_soft_hyphen"
            cut = self.rng.randint(2, len(token) - 2)
            if kind == "name_soft_hyphen":
                written = token[:cut] + SOFT_HYPHEN + token[cut:]
            elif kind == "name_zero_width":
                written = token[:cut] + ZERO_WIDTH + token[cut:]
            elif kind == "name_hyphen_break":
                written = token[:cut] + "-\n" + token[cut:]
            elif kind == "name_spaced":
                written = " ".join(token.upper())
            else:
                written = (token.replace("ffi", "\ufb03").replace("ff", "\ufb00")
                           .replace("fi", "\ufb01").replace("fl", "\ufb02"))
            category, forms = kind, [written, plain]
        for part in tokens:
            self.redact.append({k: v for k, v in {
                "text": part, "cat": "name", "category": category, "known": person.known,
                "forms": ([written.replace(token, part) if part != token else written, part]
                          if forms and len(tokens) == 1 else None),
                "role": person.role if not person.known else None}.items() if v is not None})
        return written.replace(" ", PROTECT) if category == "name_spaced" else written

    def artefact_kinds(self) -> list[str]:
        kinds = {"pdf_paste": ["name_hyphen_break", "name_ligature", "name_soft_hyphen"],
                 "form": ["name_spaced", "name_soft_hyphen", "name_zero_width"],
                 "email_thread": ["name_zero_width", "name_soft_hyphen"],
                 "messages": ["name_zero_width"]}
        return kinds.get(self.layout, ["name_soft_hyphen", "name_zero_width"])

    def surname(self, person: Person, upper: bool = False) -> str:
        written = []
        for part in re.split(r"(\s+|-)", person.last):
            if not part.strip() or part == "-":
                written.append(part)
                continue
            shown = part.upper() if upper else part
            written.append(self.name_token(person, shown) if name_tokens(part) else shown)
        return "".join(written).replace(" ", PROTECT)

    def given(self, person: Person, which: list[str] | None = None) -> str:
        names = which or [person.first]
        out = []
        for name in names:
            parts = name.split("-")
            out.append("-".join(self.name_token(person, p.upper() if self.caps else p,
                                                artefacts=False) for p in parts))
        return PROTECT.join(out)

    def civil(self, person: Person) -> str:
        if person.role == "doctor" or person.role == "medical adviser":
            title = {"fr": "Dr", "nl": "dokter", "de": "Dr."}[self.lang]
        elif person.role == "lawyer":
            title = {"fr": "Me", "nl": "meester", "de": "Rechtsanwalt"}[self.lang]
        else:
            title = self.rng.choice(CIVIL[self.lang][person.sex])
        return title + PROTECT + self.surname(person)

    def initials(self, person: Person) -> str:
        first = person.first[0]
        if "-" in person.first:
            first = "-".join(p[0] + "." for p in person.first.split("-"))[:-1]
        last = name_tokens(person.last)[-1][0]
        written = self.rng.choice([f"{first}.{last}.", f"{first}{last}".replace(".", "").replace("-", "")])
        self.redact.append({"text": written, "cat": "name", "category": "name_initials",
                            "known": person.known})
        return written

    def pet_name(self, person: Person) -> str:
        pet = person.pet_names.get(person.first)
        if not pet:
            return self.given(person)
        self.redact.append({"text": pet, "cat": "name", "category": "name_diminutive",
                            "known": person.known, **({} if person.known else {"role": person.role})})
        return pet.upper() if self.caps else pet

    # -- birth dates --------------------------------------------------------------------------

    def birth_date(self, person: Person, style: str) -> str:
        born, lang, rng = person.born, self.lang, self.rng
        month = MONTHS[lang][born.month - 1]
        if style == "bd":
            written = rng.choice([f"{born:%d/%m/%Y}", f"{born:%d.%m.%Y}", f"{born:%d-%m-%y}",
                                  f"{born:%d/%m/%y}", f"{born.day}.{born.month}.{born.year}"])
            forms, category = [written], "birth_date"
        elif style == "bdl":
            day = {"fr": "1er" if born.day == 1 else str(born.day), "nl": str(born.day),
                   "de": f"{born.day}."}[lang]
            written = f"{day} {month} {born.year}"
            forms, category = [written, f"{day} {month}"], "birth_date"
        else:
            words = f"{day_in_words(born.day, lang)} {month} {year_in_words(born.year, lang)}"
            figures = f"{born.day}. {month}" if lang == "de" else f"{born.day} {month}"
            written = words
            forms, category = [words, f"{day_in_words(born.day, lang)} {month}", figures], "birth_date_words"
        if self.caps:
            written, forms = written.upper(), [f.upper() for f in forms]
        self.redact.append({"text": None, "cat": "birth_date", "category": category,
                            "known": person.known, "forms": forms})
        return written.replace(" ", PROTECT)

    # -- identifiers ----------------------------------------------------------------------------

    def phone(self, person: Person) -> str:
        written = self.rng.choice(person.phone_forms)
        category = PHONE_CATEGORY[person.phone_country]
        if person.phone_country == "BE" and re.match(r"0\d{3}[/-]", written) and self.lang == "nl":
            category = "phone_nl"  # the Flemish way of writing a Belgian mobile
        return self.redact_value(written, "phone", category, person.known, digits=True,
                                 role=person.role)

    def email(self, person: Person, obfuscated: bool | None = None) -> str:
        address = person.email
        if obfuscated is None:
            obfuscated = self.rng.random() < 0.2
        if not obfuscated:
            return self.redact_value(address, "email", "email", person.known, role=person.role)
        user, domain = address.split("@")
        host, _, tld = domain.rpartition(".")
        at, dot = self.rng.choice({
            "fr": [(" at ", " point "), (" arobase ", " point "), ("(at)", "(point)"), (" [at] ", " [dot] ")],
            "nl": [(" at ", " punt "), ("(at)", "(punt)"), (" apenstaartje ", " punt ")],
            "de": [(" ät ", " Punkt "), ("(at)", "(punkt)"), (" [at] ", " [punkt] ")]}[self.lang])
        written = user.replace(".", dot) + at + host + dot + tld
        return self.redact_value(written, "email", "email_obfuscated", person.known, role=person.role)

    def niss(self, person: Person) -> str:
        written = niss_written(person.niss, self.rng)
        if self.rng.random() < 0.25:
            misread = with_ocr_letter(written, self.rng)
            if misread:
                return self.redact_value(None, "niss", "niss_ocr", person.known, written=misread,
                                         forms=[misread, written, person.niss])
        return self.redact_value(written, "niss", "niss", person.known, digits=True)

    def iban(self, person: Person) -> str:
        written = self.rng.choice([grouped(person.iban), person.iban, grouped(person.iban)])
        if self.rng.random() < 0.2:
            misread = with_ocr_letter(written, self.rng)
            if misread:
                return self.redact_value(None, "iban", "iban_ocr", person.known, written=misread,
                                         forms=[misread, written, person.iban], role=person.role)
        return self.redact_value(written, "iban", "iban", person.known, digits=True,
                                 role=person.role)

    def address(self, style: str) -> str:
        short = style != "addrfull" and self.rng.random() < 0.5
        street = self.street_short if short else self.street
        bare = short and self.rng.random() < 0.3
        distinctive = " ".join(w for w in street.split() if w not in STREET_GENERIC).rstrip(".")
        if bare:
            street = distinctive
        box_word = {"fr": ["bte", "boîte", "/"], "nl": ["bus", "/"], "de": ["Bk.", "/"]}[self.lang]
        number = self.house
        if self.box:
            word = self.rng.choice(box_word)
            number += f"/{self.box}" if word == "/" else f" {word} {self.box}"
        if self.lang == "fr" and self.rng.random() < 0.3:
            number = "n° " + number
        category = "address_abbrev" if short or bare else "address"
        written_street = street.upper() if self.caps else street
        written_distinctive = distinctive.upper() if self.caps else distinctive
        shown = self.redact_value(written_distinctive, "address", category, True,
                                  written=written_street)
        text = f"{shown} {number}".replace(" ", PROTECT)
        if style in {"addr", "addrfull"}:
            text += ", " + self.postcode + PROTECT + self.municipality(self.town)
        return text

    def municipality(self, town: str) -> str:
        category = "place_saint" if town in SAINT_PLACES[self.lang] else "municipality"
        return self.keep_value(town.upper() if self.caps else town, category)

    def ref(self) -> str:
        if not self.reference_with_name:
            return self.reference.replace(" ", PROTECT)
        return self.redact_value(self.reference, "reference", "reference_with_name", True)

    def amount(self, plain: bool = False) -> str:
        value = self.rng.choice([self.rng.randint(25, 3000) * 1.0, self.rng.randint(2500, 450000) / 100])
        number = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        if value == int(value) and self.rng.random() < 0.5:
            number = number[:-3]
        shown = self.keep_value(number, "amount")
        if plain:
            return shown
        unit = self.rng.choice({"fr": ["€", "€", "euros", "EUR"], "nl": ["€", "euro", "EUR"],
                                "de": ["€", "Euro", "EUR"]}[self.lang])
        return f"€{PROTECT}{shown}" if unit == "€" and self.rng.random() < 0.3 else shown + PROTECT + unit

    def message_date(self) -> str:
        """The next day of a chat transcript: the days follow each other, one format."""
        if self.chat_days is None:
            start = self.rng.randrange(len(self.dates) - 30)
            self.chat_days = iter(self.dates[start:start + 30])
            self.chat_format = self.rng.choice(["%d/%m/%y", "%d/%m/%Y", "%d.%m.%y"])
        day = next(self.chat_days)
        for _ in range(self.rng.choice([0, 0, 1, 2])):
            day = next(self.chat_days)
        return self.keep_value(day.strftime(self.chat_format), "procedure_date") + ","

    def date_text(self, style: str) -> str:
        day = self.procedure_date()
        month = MONTHS[self.lang][day.month - 1]
        if style == "date":
            text = {"fr": f"{'1er' if day.day == 1 else day.day} {month} 2026",
                    "nl": f"{day.day} {month} 2026", "de": f"{day.day}. {month} 2026"}[self.lang]
        elif style == "dnum":
            text = self.rng.choice([f"{day:%d/%m/%Y}", f"{day:%d.%m.%Y}"])
        else:
            text = self.rng.choice([f"{day:%d/%m}", f"{day:%d.%m.}", f"{day:%d/%m/%y}"])
        if self.caps:
            text = text.upper()
        return self.keep_value(text, "procedure_date")

    # -- templates ----------------------------------------------------------------------------

    def person_slot(self, person: Person, style: str) -> str:
        styles = {
            "first": lambda: self.given(person),
            "firsts": lambda: self.given(person, person.firsts),
            "last": lambda: self.surname(person, upper=self.caps),
            "LAST": lambda: self.surname(person, upper=True),
            "full": lambda: self.given(person) + PROTECT + self.surname(person, upper=self.caps),
            "civil": lambda: self.civil(person),
            "caps": lambda: self.surname(person, upper=True) + PROTECT + self.given(person, person.firsts),
            "pet": lambda: self.pet_name(person),
            "init": lambda: self.initials(person),
            "age": lambda: str(person.age()),
            "bd": lambda: self.birth_date(person, "bd"),
            "bdl": lambda: self.birth_date(person, "bdl"),
            "bdw": lambda: self.birth_date(person, "bdw"),
            "niss": lambda: self.niss(person),
            "phone": lambda: self.phone(person),
            "email": lambda: self.email(person),
            "mail": lambda: self.email(person, obfuscated=False),
            "obf": lambda: self.email(person, obfuscated=True),
            "iban": lambda: self.iban(person),
            "title": lambda: self.rng.choice(CIVIL[self.lang][person.sex]),
        }
        return styles[style]()

    def value_slot(self, name: str) -> str:
        if name in self.keep_pools:
            category = {"inst": "institution", "ep": "institution_eponym", "school": "institution_eponym", "dis": "disease_eponym",
                        "occ": "occupation_surname", "muni": "municipality", "saint": "place_saint",
                        "legal": "legal", "company": "institution", "unemp": "institution",
                        "mut": "institution", "fam": "institution"}[name]
            value = self.rng.choice(self.keep_pools[name])
            return self.keep_value(value.upper() if self.caps else value, category)
        simple = {
            "addr": lambda: self.address("addr"), "addrfull": lambda: self.address("addrfull"),
            "street": lambda: self.address("street"), "town": lambda: self.municipality(self.town),
            "postcode": lambda: self.postcode, "ref": self.ref, "amt": self.amount,
            "num": lambda: self.amount(plain=True),
            "date": lambda: self.date_text("date"), "dnum": lambda: self.date_text("dnum"),
            "dshort": lambda: self.date_text("dshort"),
            "dmsg": self.message_date,
            "plate": lambda: self.redact_value(make_plate(self.rng, self.lang), "plate", "plate", False),
            "roll": lambda: self.redact_value(make_roll(self.rng), "court_roll", "court_roll", False),
        }
        return simple[name]()

    def fill(self, template: str) -> str | None:
        """The template with its slots written and annotated, or None when it names someone
        this report does not have."""
        for match in SLOT.finditer(template):
            code = match.group(1)
            if match.group(2) and code in {"P", "C1", "C2", "C3"} and self.people[code] is None:
                return None

        def write(match: re.Match) -> str:
            if match.group(3):
                return self.keep_value(match.group(4), match.group(3))
            code, style = match.group(1), match.group(2)
            if style:
                return self.person_slot(self.third(code), style)
            return self.value_slot(code)

        return SLOT.sub(write, template)

    def lines(self, templates: list[str]) -> list[str]:
        return [line for line in (self.fill(t) for t in templates) if line is not None]

    def pick(self, bank: list[str], k: int) -> list[str]:
        """``k`` sentences of ``bank`` this household can have, in the bank's order."""
        usable = [i for i, t in enumerate(bank)
                  if not any(self.people.get(m.group(1), 1) is None and m.group(2)
                             for m in SLOT.finditer(t))]
        chosen = sorted(self.rng.sample(usable, min(k, len(usable))))
        return [sentence_case(self.fill(bank[i])) for i in chosen]


def sentence_case(text: str) -> str:
    """A sentence that opens on a title ("de heer", "mevr.") starts with a capital."""
    return text[:1].upper() + text[1:]


def fold(text: str) -> str:
    """Lower case without accents, as e-mail addresses are made from names."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("ı", "i").replace("ł", "l")


# ---------------------------------------------------------------------------------------------
# Phrase banks. {X.style} writes a person (A applicant, P partner, C1..C3 children, L landlord,
# X ex-partner, D doctor, W lawyer, H bailiff, J judge, T teacher, N neighbour, E employer,
# K private creditor, M medical adviser, S relative, V debt mediator); {value} writes an
# identifier or a value to keep; ⟦category|words⟧ are words that must stay.
# ---------------------------------------------------------------------------------------------

FR = {
    "title": ["RAPPORT SOCIAL — Comité spécial du service social", "Rapport social – demande d'aide",
              "CPAS — Enquête sociale", "Service social général : rapport au Comité"],
    "head": ["Réf. : {ref}", "Demandeur : {A.civil} ({A.caps}), né(e) le {A.bd}",
             "Adresse : {addr}", "NISS : {A.niss}", "Tél. : {A.phone}"],
    "situation": [
        "{A.civil} se présente à la permanence le {date} accompagnée de sa sœur, {S.full}.",
        "Selon l'acte de naissance traduit, {A.title} {A.last} est né(e) le {A.bdw}.",
        "{A.civil} est joignable au {A.phone} ou par courriel ({A.email}).",
        "{A.title} {A.full} est arrivé(e) en Belgique il y a quatre ans et réside actuellement {street} à {town}.",
        "L'intéressé(e) vit avec {P.full}, son compagnon/sa compagne, et les enfants {C1.first} ({C1.age} ans) et {C2.first} ({C2.age} ans).",
        "{C1.first}, né(e) le {C1.bdl}, est inscrit(e) à l'école ({school}) ; son institutrice, {T.civil}, signale de nombreuses absences.",
        "Depuis la séparation d'avec {X.full}, {A.civil} assume seul(e) la charge du ménage.",
        "Le propriétaire, {L.civil}, réclame trois mois d'arriérés et menace d'introduire une requête devant la justice de paix.",
        "{A.first} a reçu un diagnostic de {dis} et est suivi(e) par {D.civil} (service de neurologie, {ep}).",
        "Elle a travaillé comme {occ} à {muni} jusqu'en mars ; son ancien employeur, {E.full}, n'a pas remis le C4.",
        "{A.civil} explique que {N.civil}, la voisine, garde {C1.pet} le mercredi après-midi.",
        "La famille a passé la ⟦word_lookalike|Toussaint⟧ chez un cousin à {saint}, faute de chauffage.",
        "Un loyer ⟦word_lookalike|modeste⟧ a été trouvé grâce à l'AIS ; le bail prend cours le {date}.",
        "Le {dshort}, {A.civil} a été reçu(e) au ⟦institution|FOREM⟧ pour un bilan de compétences.",
        "Le dossier a été présenté par le service le {date} ; {A.civil} est d'accord avec la démarche.",
        "{P.civil}, né(e) le {P.bd}, travaille à temps partiel comme {occ} et perçoit un salaire irrégulier.",
        "L'aîné(e), {C2.full}, est suivi(e) au service de santé mentale de {muni}.",
    ],
    "finance": [
        "Revenus : allocations de chômage ({unemp}) pour un montant de {amt} par mois.",
        "Charges : loyer {amt}, énergie ({company}) {amt}, frais scolaires {amt}.",
        "Le ⟦word_lookalike|Solde restant dû⟧ auprès de {company} s'élève à {amt}.",
        "Les allocations familiales ({fam}) s'élèvent à {amt} pour l'ensemble des enfants.",
        "Compte bancaire de l'intéressé(e) : {A.iban}.",
        "Le revenu n'est pas ⟦word_lookalike|constant⟧ : les mois d'intérim alternent avec des périodes sans revenu.",
    ],
    "proposal": [
        "Proposition : octroi du revenu d'intégration au taux famille à charge (base légale : {legal}), à partir du {date}.",
        "Proposition : aide sociale ponctuelle de {amt} pour la garantie locative (base légale : {legal}).",
        "Proposition : prise en charge des frais médicaux ({ep}) jusqu'au {date} ({legal}).",
        "Proposition : mise à l'emploi ({legal}) dès le {date}.",
    ],
    "sign": ["Le service social", "Pour le service social, l'assistante sociale référente",
             "Service social général – antenne de {town}"],
}
NL = {
    "title": ["SOCIAAL VERSLAG — Bijzonder Comité voor de Sociale Dienst", "Sociaal onderzoek",
              "OCMW — Verslag aan het Bijzonder Comité", "Sociale dienst: aanvraag hulpverlening"],
    "head": ["Dossier: {ref}", "Aanvrager: {A.civil} ({A.caps}), geboren op {A.bd}",
             "Adres: {addr}", "Rijksregisternummer: {A.niss}", "Tel.: {A.phone}"],
    "situation": [
        "{A.civil} meldde zich op {date} aan bij het onthaal, samen met haar zus {S.full}.",
        "Volgens de vertaalde geboorteakte is {A.civil} geboren op {A.bdw}.",
        "{A.civil} is bereikbaar op {A.phone} of via e-mail ({A.email}).",
        "{A.title} {A.full} woont sinds vier jaar in België en verblijft nu in de {street} te {town}.",
        "Betrokkene woont samen met partner {P.full} en de kinderen {C1.first} ({C1.age} jaar) en {C2.first} ({C2.age} jaar).",
        "{C1.first}, geboren op {C1.bdl}, zit in de lagere school ({school}); de leerkracht, {T.civil}, meldt veel afwezigheden.",
        "Sinds de breuk met {X.full} staat {A.civil} er alleen voor.",
        "De verhuurder, {L.civil}, eist drie maanden achterstallige huur en dreigt met een procedure bij de vrederechter.",
        "{A.first} lijdt aan {dis} en wordt gevolgd door {D.civil} ({ep}).",
        "Zij werkte als {occ} in {muni} tot maart; de vorige werkgever, {E.full}, heeft het C4-formulier nog niet bezorgd.",
        "{A.civil} vertelt dat buurvrouw {N.civil} op woensdagnamiddag op {C1.pet} past.",
        "Met ⟦word_lookalike|Kerstmis⟧ verbleef het gezin bij een neef in {saint}, omdat de verwarming defect was.",
        "Een abonnement van ⟦word_lookalike|De Lijn⟧ werd aangevraagd voor de verplaatsingen naar de ⟦institution|VDAB⟧.",
        "Op {dshort} had {A.civil} een gesprek bij de ⟦institution|VDAB⟧ over een opleiding.",
        "Het dossier werd op {date} door de dienst besproken; {A.civil} gaat akkoord.",
        "{P.civil}, geboren op {P.bd}, werkt deeltijds als {occ} en heeft een onregelmatig loon.",
        "De oudste, {C2.full}, wordt begeleid door het CGG in {muni}.",
    ],
    "finance": [
        "Inkomsten: werkloosheidsuitkering ({unemp}) van {amt} per maand.",
        "Uitgaven: huur {amt}, energie ({company}) {amt}, schoolkosten {amt}.",
        "Het openstaande saldo bij {company} bedraagt {amt}.",
        "Het groeipakket ({fam}) bedraagt {amt} voor alle kinderen samen.",
        "Rekeningnummer van betrokkene: {A.iban}.",
        "Sinds ⟦word_lookalike|Pasen⟧ is er geen vast inkomen meer: uitzendwerk wisselt af met periodes zonder loon.",
    ],
    "proposal": [
        "Voorstel: toekenning van het leefloon categorie gezin ten laste (op basis van de {legal}), vanaf {date}.",
        "Voorstel: eenmalige steun van {amt} voor de huurwaarborg, met toepassing van {legal}.",
        "Voorstel: tenlasteneming van de medische kosten ({ep}) tot {date} ({legal}).",
        "Voorstel: tewerkstelling in toepassing van {legal} vanaf {date}.",
    ],
    "sign": ["De sociale dienst", "Voor de sociale dienst, de maatschappelijk werker",
             "Sociale dienst – antenne {town}"],
}
DE = {
    "title": ["SOZIALBERICHT — Sonderausschuss für den Sozialdienst", "Sozialbericht – Antrag auf Hilfe",
              "ÖSHZ — Sozialuntersuchung", "Allgemeiner Sozialdienst: Bericht an den Sonderausschuss"],
    "head": ["Akte: {ref}", "Antragsteller/in: {A.civil} ({A.caps}), geboren am {A.bd}",
             "Anschrift: {addr}", "Nationalregisternummer: {A.niss}", "Tel.: {A.phone}"],
    "situation": [
        "{A.civil} sprach am {date} in der Sprechstunde vor, begleitet von ihrer Schwester {S.full}.",
        "Laut übersetzter Geburtsurkunde ist {A.civil} am {A.bdw} geboren.",
        "{A.civil} ist erreichbar unter {A.phone} oder per E-Mail ({A.email}).",
        "{A.title} {A.full} lebt seit vier Jahren in Belgien und wohnt derzeit in der {street} in {town}.",
        "Die Person lebt mit {P.full} und den Kindern {C1.first} ({C1.age} Jahre) und {C2.first} ({C2.age} Jahre).",
        "{C1.first}, geboren am {C1.bdl}, besucht die Schule ({school}); die Lehrerin, {T.civil}, meldet viele Fehlstunden.",
        "Seit der Trennung von {X.full} ist {A.civil} allein für den Haushalt verantwortlich.",
        "Der Vermieter, {L.civil}, fordert drei Monatsmieten nach und droht mit dem Friedensgericht.",
        "Bei {A.first} wurde {dis} festgestellt; Behandlung durch {D.civil} ({ep}).",
        "Sie arbeitete bis März als {occ} in {muni}; der frühere Arbeitgeber, {E.full}, hat das C4 nicht ausgestellt.",
        "{A.civil} erzählt, dass die Nachbarin {N.civil} mittwochs auf {C1.pet} aufpasst.",
        "Über ⟦word_lookalike|Weihnachten⟧ wohnte die Familie bei einem Cousin in {saint}, da die Heizung ausgefallen war.",
        "Im ⟦word_lookalike|Winter⟧ reicht das Einkommen nicht für Heizöl; seit ⟦word_lookalike|Rosenmontag⟧ ist der Tank leer.",
        "Am {dshort} hatte {A.civil} einen Termin beim ⟦institution|Arbeitsamt⟧ wegen einer Ausbildung.",
        "Die Akte wurde am {date} im Dienst besprochen; {A.civil} ist einverstanden.",
        "{P.civil}, geboren am {P.bd}, arbeitet in Teilzeit als {occ} und hat ein unregelmäßiges Einkommen.",
        "Das älteste Kind, {C2.full}, wird vom Beratungs- und Therapiezentrum in {muni} begleitet.",
    ],
    "finance": [
        "Einkünfte: Arbeitslosengeld ({unemp}) in Höhe von {amt} monatlich.",
        "Ausgaben: Miete {amt}, Energie ({company}) {amt}, Schulkosten {amt}.",
        "Der offene Restbetrag bei {company} beläuft sich auf {amt}.",
        "Das Kindergeld ({fam}) beträgt {amt} für alle Kinder zusammen.",
        "Kontonummer der Person: {A.iban}.",
        "Im ⟦word_lookalike|Sommer⟧ kam kein Einkommen: Zeitarbeit wechselt sich mit Zeiten ohne Lohn ab.",
    ],
    "proposal": [
        "Vorschlag: Gewährung des Eingliederungseinkommens, Kategorie Person mit Familienlast ({legal}), ab dem {date}.",
        "Vorschlag: einmalige Sozialhilfe von {amt} für die Mietgarantie gemäß {legal}.",
        "Vorschlag: Übernahme der Arztkosten ({ep}) bis zum {date} ({legal}).",
        "Vorschlag: Beschäftigung gemäß {legal} ab dem {date}.",
    ],
    "sign": ["Der Sozialdienst", "Für den Sozialdienst, die zuständige Sozialassistentin",
             "Sozialdienst – Außenstelle {town}"],
}
BANKS = {"fr": FR, "nl": NL, "de": DE}

#: the words of the other layouts, per language
FR.update({
    "form": [
        ("Nom", "{A.LAST}"), ("Prénom(s)", "{A.firsts}"), ("Date de naissance", "{A.bd}"),
        ("N° registre national", "{A.niss}"), ("Adresse", "{addr}"), ("GSM", "{A.phone}"),
        ("Courriel", "{A.email}"), ("Compte", "{A.iban}"), ("Conjoint(e)", "{P.caps}"),
        ("Né(e) le", "{P.bdl}"), ("Farde", "⟦word_lookalike|Rose⟧"), ("Mutuelle", "{mut}"),
        ("Profession", "{occ} (sans emploi)"), ("Date de la demande", "{dnum}"),
        ("Montant demandé", "{amt}"), ("Base légale", "{legal}")],
    "mail_from": "De", "mail_sent": "Envoyé", "mail_to": "À", "mail_subject": "Objet",
    "mail_service": [
        "Bonjour {L.civil},", "Nous revenons vers vous concernant {A.civil}, locataire {street}.",
        "Le CPAS examine une intervention dans les arriérés ({amt}) ; le Comité se réunit le {date}.",
        "Pourriez-vous nous confirmer le montant exact ?", "Cordialement,", "Service social – CPAS de {town}"],
    "mail_third": [
        "Madame,", "{A.title} {A.last} ne paie plus depuis le mois de juin. J'ai déjà été très patient.",
        "Je demande le versement sur mon compte {L.iban} avant le {date}, sinon je m'adresse à mon avocat, {W.civil}.",
        "Bien à vous,", "{L.full}", "{L.phone}", "{L.email}"],
    "table_head": ["Nom", "Prénom", "Lien", "Né(e) le"],
    "relations": {"applicant": "demandeur", "partner": "conjoint(e)", "child": "enfant"},
    "table_intro": "Composition de ménage (attestation de l'administration communale de {town}, {date}) :",
    "table_after": ["Revenus du ménage : {amt} (allocations de chômage, {unemp}).",
                    "Remarque : le père de {C1.first}, {X.full}, ne verse pas la pension alimentaire ({amt})."],
    "court": [
        "RÉSUMÉ DES PIÈCES JUDICIAIRES — dossier {ref}",
        "Justice de paix du canton de {muni} — requête du {date}, rôle n° {roll}.",
        "Demandeur : {L.civil}, propriétaire ; défendeur(esse) : {A.caps}, domicilié(e) {addr}.",
        "Le juge de paix, {J.civil}, a fixé l'audience au {date}.",
        "Jugement par défaut en cause de {A.caps}, né(e) le {A.bdw}, au profit de {L.full}.",
        "Exploit de l'huissier de justice {H.full} du {dnum} : saisie-exécution mobilière pour {amt}.",
        "Véhicule saisi : Opel Corsa immatriculée {plate}.",
        "Tribunal du travail : requête en règlement collectif de dettes, R.R. {roll} ; médiateur désigné : {V.civil}.",
        "Fondement : {legal}."],
    "notes_head": "Notes d'entretien — dossier {ref}",
    "notes": [
        "{dshort} : entretien avec {A.init} à la permanence. Vient avec {C1.pet}. Situation tendue avec {L.civil}.",
        "{dshort} : appel de {A.pet} ({A.phone}) : la coupure {company} est prévue le {date}.",
        "{dshort} : {A.init} transmet son adresse mail : {A.obf}.",
        "{dshort} : VAD. {P.pet} présent, collabore. Pas de chauffage. ⟦word_lookalike|Noël⟧ passé chez la belle-sœur.",
        "{dshort} : mail de {D.civil} : certificat d'incapacité jusqu'au {date}.",
        "{dshort} : contact {inst} — dossier complet, paiement attendu ({amt}).",
        "{dshort} : {A.init} en pleurs, l'ex ({X.pet}) ne rend pas {C1.first} après le week-end."],
    "messages_head": "Messages WhatsApp montrés par {A.civil} le {date} (copiés par le service)",
    "messages": [
        "[{dmsg} 08:14] {L.first} proprio: Bonjour madame le loyer de ce mois c'est pour quand?",
        "[{dmsg} 08:31] {A.pet}: bonjour je paie lundi promis, le CPAS doit répondre",
        "[{dmsg} 19:02] {L.first} proprio: ça fait 3 mois!! {amt} en tout. Je passe demain",
        "[{dmsg} 19:05] {A.pet}: svp pas devant les enfants, {C1.first} a peur",
        "[{dmsg} 21:40] {L.first} proprio: Mon numéro pour le virement c'est {L.iban}",
        "[{dmsg} 10:12] {S.pet}: {A.pet} t'inquiète je garde {C1.pet} jeudi",
        "[{dmsg} 10:13] {S.pet}: appelle moi au {S.phone}"],
    "budget_head": ["Médiation de dettes — tableau des créanciers", "Dossier {ref} — {A.civil}",
                    "Situation au {date}"],
    "budget_cols": ["Créancier", "Objet", "Montant dû", "Remboursement"],
    "budget_rows": [
        ("{company}", "fournitures", "{num}", "{num}/mois"),
        ("{company}", "crédit à la consommation", "{num}", "{num}/mois"),
        ("{ep}", "frais d'hospitalisation", "{num}", "plan à négocier"),
        ("{L.civil} (ancien propriétaire)", "arriérés de loyer", "{num}", "{num}/mois"),
        ("{K.full} (prêt familial)", "prêt privé", "{num}", "sans plan"),
        ("Huissier {H.last}", "frais d'exploit", "{num}", "—"),
        ("SPF Finances", "précompte", "{num}", "{num}/mois")],
    "budget_after": ["Disponible après charges : {amt}. Le ⟦word_lookalike|Solde disponible⟧ ne permet pas de rembourser tous les créanciers.",
                     "Le prêteur privé, {K.first}, demande ses remboursements sur {K.iban}."],
    "insurer_head": ["{mut} — Service indemnités", "Réf. affilié : {ref}",
                     "Concerne : {A.caps}, NISS {A.niss}"],
    "insurer": [
        "Madame, Monsieur,",
        "Nous vous informons que le médecin-conseil, {M.civil}, a reconnu l'incapacité de travail de {A.civil} à partir du {date}.",
        "Le diagnostic mentionné par le médecin traitant, {D.civil}, est une {dis} ; une réévaluation est prévue le {date}.",
        "L'indemnité journalière s'élève à {amt}. Les paiements sont effectués sur le compte {A.iban}.",
        "Pour toute question : {M.email}. Copie à l'affilié(e) : {A.email}.",
        "Nous vous prions d'agréer nos salutations distinguées.", "Le service indemnités"],
    "visit_head": ["PROCÈS-VERBAL DE VISITE À DOMICILE", "Dossier : {ref}", "Date : {date}",
                   "Lieu : {addr}"],
    "visit": [
        "Présents : {A.civil} ; {P.full} ; la sœur de Madame, {S.full} ; l'assistante sociale.",
        "Constatations : humidité dans la chambre de {C1.first} et {C2.first} ; chauffage au pétrole.",
        "Le propriétaire, {L.full}, était injoignable ({L.phone}).",
        "{C1.first} est suivi(e) par le centre PMS ; bulletin reçu de l'école ({school}).",
        "Un ⟦word_lookalike|hiver⟧ sans chauffage n'est pas envisageable ; devis de {E.full}, {occ}, pour {amt}.",
        "Documents remis : attestation {mut}, extraits de compte {A.iban}.",
        "Prochaine étape : présentation au Comité du {date}."],
})
NL.update({
    "form": [
        ("Naam", "{A.LAST}"), ("Voornaam", "{A.firsts}"), ("Geboortedatum", "{A.bd}"),
        ("Rijksregisternr.", "{A.niss}"), ("Adres", "{addr}"), ("GSM", "{A.phone}"),
        ("E-mail", "{A.email}"), ("Rekeningnr.", "{A.iban}"), ("Partner", "{P.caps}"),
        ("Geb. partner", "{P.bdl}"), ("Map", "⟦word_lookalike|Roos⟧"), ("Ziekenfonds", "{mut}"),
        ("Beroep", "{occ} (werkloos)"), ("Datum aanvraag", "{dnum}"),
        ("Gevraagd bedrag", "{amt}"), ("Wettelijke basis", "{legal}")],
    "mail_from": "Van", "mail_sent": "Verzonden", "mail_to": "Aan", "mail_subject": "Onderwerp",
    "mail_service": [
        "Beste {L.civil},", "Wij contacteren u in verband met {A.civil}, huurder in de {street}.",
        "Het OCMW onderzoekt een tussenkomst in de achterstallen ({amt}); het Comité vergadert op {date}.",
        "Kunt u het juiste bedrag bevestigen?", "Met vriendelijke groeten,", "Sociale dienst – OCMW {town}"],
    "mail_third": [
        "Geachte,", "{A.title} {A.last} betaalt al sinds juni niet meer. Ik ben al heel geduldig geweest.",
        "Ik vraag de storting op mijn rekening {L.iban} vóór {date}, anders schakel ik mijn advocaat in, {W.civil}.",
        "Groeten,", "{L.full}", "{L.phone}", "{L.email}"],
    "table_head": ["Naam", "Voornaam", "Relatie", "Geboren"],
    "relations": {"applicant": "aanvrager", "partner": "partner", "child": "kind"},
    "table_intro": "Gezinssamenstelling (attest van de gemeente {town}, {date}):",
    "table_after": ["Gezinsinkomen: {amt} (werkloosheidsuitkering, {unemp}).",
                    "Opmerking: de vader van {C1.first}, {X.full}, betaalt geen alimentatie ({amt})."],
    "court": [
        "SAMENVATTING GERECHTELIJKE STUKKEN — dossier {ref}",
        "Vredegerecht van het kanton {muni} — verzoekschrift van {date}, rolnummer {roll}.",
        "Eiser: {L.civil}, verhuurder; verweerder: {A.caps}, wonende {addr}.",
        "De vrederechter, {J.civil}, heeft de zitting vastgesteld op {date}.",
        "Verstekvonnis in de zaak tegen {A.caps}, geboren op {A.bdw}, ten voordele van {L.full}.",
        "Exploot van gerechtsdeurwaarder {H.full} van {dnum}: uitvoerend beslag voor {amt}.",
        "Beslagen voertuig: Renault Clio met nummerplaat {plate}.",
        "Arbeidsrechtbank: verzoek tot collectieve schuldenregeling, rolnr. {roll}; schuldbemiddelaar: {V.civil}.",
        "Grondslag: {legal}."],
    "notes_head": "Gespreksnotities — dossier {ref}",
    "notes": [
        "{dshort}: gesprek met {A.init} op het onthaal. Komt met {C1.pet}. Spanning met {L.civil}.",
        "{dshort}: telefoon van {A.pet} ({A.phone}): afsluiting {company} gepland op {date}.",
        "{dshort}: {A.init} geeft mailadres door: {A.obf}.",
        "{dshort}: huisbezoek. {P.pet} aanwezig, werkt mee. Geen verwarming sinds ⟦word_lookalike|Allerheiligen⟧.",
        "{dshort}: mail van {D.civil}: attest arbeidsongeschiktheid tot {date}.",
        "{dshort}: contact {inst} — dossier volledig, betaling verwacht ({amt}).",
        "{dshort}: {A.init} in tranen, de ex ({X.pet}) brengt {C1.first} niet terug na het weekend."],
    "messages_head": "WhatsApp-berichten getoond door {A.civil} op {date} (overgenomen door de dienst)",
    "messages": [
        "[{dmsg} 08:14] {L.first} verhuurder: Goeiemorgen, wanneer komt de huur van deze maand?",
        "[{dmsg} 08:31] {A.pet}: dag, ik betaal maandag beloofd, OCMW moet nog antwoorden",
        "[{dmsg} 19:02] {L.first} verhuurder: al 3 maanden!! {amt} in totaal. Ik kom morgen langs",
        "[{dmsg} 19:05] {A.pet}: aub niet voor de kinderen, {C1.first} is bang",
        "[{dmsg} 21:40] {L.first} verhuurder: Mijn rekening voor de overschrijving is {L.iban}",
        "[{dmsg} 10:12] {S.pet}: ⟦word_lookalike|Lieve⟧ {A.pet}, geen zorgen ik pas donderdag op {C1.pet}",
        "[{dmsg} 10:13] {S.pet}: bel me op {S.phone}"],
    "budget_head": ["Schuldbemiddeling — overzicht schuldeisers", "Dossier {ref} — {A.civil}",
                    "Toestand op {date}"],
    "budget_cols": ["Schuldeiser", "Voorwerp", "Openstaand", "Afbetaling"],
    "budget_rows": [
        ("{company}", "energie", "{num}", "{num}/maand"),
        ("{company}", "consumentenkrediet", "{num}", "{num}/maand"),
        ("{ep}", "hospitalisatiekosten", "{num}", "plan te bespreken"),
        ("{L.civil} (vorige verhuurder)", "huurachterstal", "{num}", "{num}/maand"),
        ("{K.full} (familielening)", "private lening", "{num}", "geen plan"),
        ("Gerechtsdeurwaarder {H.last}", "kosten exploot", "{num}", "—"),
        ("FOD Financiën", "belastingen", "{num}", "{num}/maand")],
    "budget_after": ["Beschikbaar na vaste kosten: {amt}; dit volstaat niet voor alle schuldeisers.",
                     "De private lener, {K.first}, vraagt terugbetaling op {K.iban}."],
    "insurer_head": ["{mut} — Dienst uitkeringen", "Ref. lid: {ref}",
                     "Betreft: {A.caps}, INSZ {A.niss}"],
    "insurer": [
        "Geachte mevrouw, geachte heer,",
        "De adviserend arts, {M.civil}, erkent de arbeidsongeschiktheid van {A.civil} vanaf {date}.",
        "De diagnose van de behandelend arts, {D.civil}, luidt {dis}; een herevaluatie volgt op {date}.",
        "De dagvergoeding bedraagt {amt}. De betalingen gebeuren op rekening {A.iban}.",
        "Vragen: {M.email}. Kopie aan het lid: {A.email}.", "Met vriendelijke groeten,", "Dienst uitkeringen"],
    "visit_head": ["VERSLAG HUISBEZOEK", "Dossier: {ref}", "Datum: {date}", "Plaats: {addr}"],
    "visit": [
        "Aanwezig: {A.civil}; {P.full}; de zus van mevrouw, {S.full}; de maatschappelijk werker.",
        "Vaststellingen: vocht in de kamer van {C1.first} en {C2.first}; verwarming met petroleumkachel.",
        "De verhuurder, {L.full}, was niet bereikbaar ({L.phone}).",
        "{C1.first} wordt gevolgd door het CLB; rapport ontvangen van de school ({school}).",
        "Een ⟦word_lookalike|winter⟧ zonder verwarming kan niet; offerte van {E.full}, {occ}, voor {amt}.",
        "Afgegeven documenten: attest {mut}, rekeninguittreksels {A.iban}.",
        "Volgende stap: voorlegging aan het Comité van {date}."],
})
DE.update({
    "form": [
        ("Name", "{A.LAST}"), ("Vorname(n)", "{A.firsts}"), ("Geburtsdatum", "{A.bd}"),
        ("Nationalregisternr.", "{A.niss}"), ("Anschrift", "{addr}"), ("Handy", "{A.phone}"),
        ("E-Mail", "{A.email}"), ("Konto", "{A.iban}"), ("Partner/in", "{P.caps}"),
        ("Geb. Partner/in", "{P.bdl}"), ("Mappe", "⟦word_lookalike|Rosa⟧"), ("Krankenkasse", "{mut}"),
        ("Beruf", "{occ} (arbeitslos)"), ("Datum des Antrags", "{dnum}"),
        ("Beantragter Betrag", "{amt}"), ("Rechtsgrundlage", "{legal}")],
    "mail_from": "Von", "mail_sent": "Gesendet", "mail_to": "An", "mail_subject": "Betreff",
    "mail_service": [
        "Guten Tag {L.civil},", "wir melden uns bezüglich {A.civil}, Mieter/in in der {street}.",
        "Das ÖSHZ prüft eine Beteiligung an den Rückständen ({amt}); der Ausschuss tagt am {date}.",
        "Könnten Sie uns den genauen Betrag bestätigen?", "Mit freundlichen Grüßen", "Sozialdienst – ÖSHZ {town}"],
    "mail_third": [
        "Sehr geehrte Damen und Herren,", "{A.title} {A.last} zahlt seit Juni nicht mehr. Ich war sehr geduldig.",
        "Ich bitte um Überweisung auf mein Konto {L.iban} bis zum {date}, sonst schalte ich meinen Anwalt ein, {W.civil}.",
        "Gruß", "{L.full}", "{L.phone}", "{L.email}"],
    "table_head": ["Name", "Vorname", "Beziehung", "Geboren"],
    "relations": {"applicant": "Antragsteller/in", "partner": "Partner/in", "child": "Kind"},
    "table_intro": "Haushaltszusammensetzung (Bescheinigung der Gemeinde {town}, {date}):",
    "table_after": ["Haushaltseinkommen: {amt} (Arbeitslosengeld, {unemp}).",
                    "Bemerkung: der Vater von {C1.first}, {X.full}, zahlt keinen Unterhalt ({amt})."],
    "court": [
        "ZUSAMMENFASSUNG DER GERICHTSUNTERLAGEN — Akte {ref}",
        "Friedensgericht des Kantons {muni} — Antragschrift vom {date}, Aktenzeichen {roll}.",
        "Kläger: {L.civil}, Vermieter; Beklagte/r: {A.caps}, wohnhaft {addr}.",
        "Der Friedensrichter, {J.civil}, hat die Sitzung auf den {date} festgesetzt.",
        "Versäumnisurteil gegen {A.caps}, geboren am {A.bdw}, zugunsten von {L.full}.",
        "Urkunde des Gerichtsvollziehers {H.full} vom {dnum}: Mobiliarpfändung für {amt}.",
        "Gepfändetes Fahrzeug: VW Golf, Kennzeichen {plate}.",
        "Arbeitsgericht Eupen: Antrag auf kollektive Schuldenregelung, Az. {roll}; Schuldenvermittler: {V.civil}.",
        "Rechtsgrundlage: {legal}."],
    "notes_head": "Gesprächsnotizen — Akte {ref}",
    "notes": [
        "{dshort}: Gespräch mit {A.init} in der Sprechstunde. Kommt mit {C1.pet}. Ärger mit {L.civil}.",
        "{dshort}: Anruf von {A.pet} ({A.phone}): Sperre {company} angekündigt für den {date}.",
        "{dshort}: {A.init} gibt Mailadresse durch: {A.obf}.",
        "{dshort}: Hausbesuch. {P.pet} anwesend, kooperativ. Seit ⟦word_lookalike|Karneval⟧ keine Heizung.",
        "{dshort}: Mail von {D.civil}: Arbeitsunfähigkeit bis zum {date}.",
        "{dshort}: Kontakt {inst} — Akte vollständig, Zahlung erwartet ({amt}).",
        "{dshort}: {A.init} weint, der Ex ({X.pet}) bringt {C1.first} nach dem Wochenende nicht zurück."],
    "messages_head": "WhatsApp-Nachrichten, gezeigt von {A.civil} am {date} (vom Dienst abgeschrieben)",
    "messages": [
        "[{dmsg} 08:14] {L.first} Vermieter: Morgen, wann kommt die Miete für diesen Monat?",
        "[{dmsg} 08:31] {A.pet}: hallo ich zahle Montag versprochen, ÖSHZ muss noch antworten",
        "[{dmsg} 19:02] {L.first} Vermieter: schon 3 Monate!! {amt} insgesamt. Ich komme morgen vorbei",
        "[{dmsg} 19:05] {A.pet}: bitte nicht vor den Kindern, {C1.first} hat Angst",
        "[{dmsg} 21:40] {L.first} Vermieter: Meine Kontonummer für die Überweisung ist {L.iban}",
        "[{dmsg} 10:12] {S.pet}: {A.pet} keine Sorge ich passe Donnerstag auf {C1.pet} auf",
        "[{dmsg} 10:13] {S.pet}: ruf mich an {S.phone}"],
    "budget_head": ["Schuldnerberatung — Gläubigerübersicht", "Akte {ref} — {A.civil}",
                    "Stand am {date}"],
    "budget_cols": ["Gläubiger", "Gegenstand", "Offen", "Rate"],
    "budget_rows": [
        ("{company}", "Energie", "{num}", "{num}/Monat"),
        ("{company}", "Verbraucherkredit", "{num}", "{num}/Monat"),
        ("{ep}", "Krankenhauskosten", "{num}", "Plan offen"),
        ("{L.civil} (früherer Vermieter)", "Mietrückstand", "{num}", "{num}/Monat"),
        ("{K.full} (Privatdarlehen)", "Darlehen", "{num}", "kein Plan"),
        ("Gerichtsvollzieher {H.last}", "Kosten", "{num}", "—"),
        ("FÖD Finanzen", "Steuern", "{num}", "{num}/Monat")],
    "budget_after": ["Verfügbar nach festen Kosten: {amt}; das reicht nicht für alle Gläubiger.",
                     "Der private Darlehensgeber, {K.first}, verlangt Zahlungen auf {K.iban}."],
    "insurer_head": ["{mut} — Dienst Entschädigungen", "Mitgliedsakte: {ref}",
                     "Betrifft: {A.caps}, NRN {A.niss}"],
    "insurer": [
        "Sehr geehrte Damen und Herren,",
        "Der Vertrauensarzt, {M.civil}, hat die Arbeitsunfähigkeit von {A.civil} ab dem {date} anerkannt.",
        "Die Diagnose des Hausarztes, {D.civil}, lautet {dis}; eine Neubewertung erfolgt am {date}.",
        "Das Tagegeld beträgt {amt}. Die Zahlungen erfolgen auf das Konto {A.iban}.",
        "Rückfragen: {M.email}. Kopie an das Mitglied: {A.email}.", "Mit freundlichen Grüßen", "Dienst Entschädigungen"],
    "visit_head": ["PROTOKOLL HAUSBESUCH", "Akte: {ref}", "Datum: {date}", "Ort: {addr}"],
    "visit": [
        "Anwesend: {A.civil}; {P.full}; die Schwester der Antragstellerin, {S.full}; die Sozialassistentin.",
        "Feststellungen: Feuchtigkeit im Zimmer von {C1.first} und {C2.first}; Heizung mit Petroleumofen.",
        "Der Vermieter, {L.full}, war nicht erreichbar ({L.phone}).",
        "{C1.first} wird von Kaleido begleitet; das Zeugnis der Schule ({school}) liegt vor.",
        "Ein ⟦word_lookalike|Winter⟧ ohne Heizung ist nicht tragbar; Kostenvoranschlag von {E.full}, {occ}, über {amt}.",
        "Übergebene Unterlagen: Bescheinigung {mut}, Kontoauszüge {A.iban}.",
        "Nächster Schritt: Vorlage im Ausschuss vom {date}."],
})

HEADINGS = {"fr": ["1. Situation sociale", "2. Situation financière", "3. Proposition"],
            "nl": ["1. Sociale toestand", "2. Financiële toestand", "3. Voorstel"],
            "de": ["1. Soziale Lage", "2. Finanzielle Lage", "3. Vorschlag"]}
PDF_HEADER = {"fr": "CPAS de {town} · Service social · {ref}", "nl": "OCMW {town} · Sociale dienst · {ref}",
              "de": "ÖSHZ {town} · Sozialdienst · {ref}"}
PDF_FOOTER = {"fr": "Page {page}/{pages} — dossier {ref}", "nl": "Pagina {page}/{pages} — dossier {ref}",
              "de": "Seite {page}/{pages} — Akte {ref}"}
SERVICE_ADDRESS = {"fr": "service.social@cpas-{slug}.be", "nl": "sociale.dienst@ocmw-{slug}.be",
                   "de": "sozialdienst@oeshz-{slug}.be"}
ADDRESSEE = {"fr": "À l'attention du CPAS de {town}", "nl": "Aan het OCMW van {town}",
             "de": "An das ÖSHZ {town}"}


# ---------------------------------------------------------------------------------------------
# Layouts
# ---------------------------------------------------------------------------------------------

SECTION_SIZES = {"situation": (4, 6), "finance": (2, 3), "proposal": (1, 1)}


def sections(r: Report, shouted: int | None = None) -> list[str]:
    """The paragraphs of a report under headings (situation, finances, proposal); the one
    numbered ``shouted`` is written in capitals."""
    paragraphs = []
    for i, (bank, (least, most)) in enumerate(SECTION_SIZES.items()):
        r.caps = i == shouted
        paragraph = " ".join(r.pick(BANKS[r.lang][bank], r.rng.randint(least, most)))
        paragraphs.append(paragraph.upper() if r.caps else paragraph)
        r.caps = False
    return paragraphs


def opening(r: Report, k: int) -> list[str]:
    bank = BANKS[r.lang]
    return [r.rng.choice(bank["title"]), "", *r.pick(bank["head"], k)]


def narrative(r: Report) -> str:
    lines = opening(r, r.rng.randint(2, 4))
    for heading, paragraph in zip(HEADINGS[r.lang], sections(r), strict=True):
        lines += ["", heading, paragraph]
    lines += ["", r.fill(r.rng.choice(BANKS[r.lang]["sign"]))]
    return "\n".join(lines)


def allcaps(r: Report) -> str:
    lines = opening(r, r.rng.randint(2, 4))
    shouted = r.rng.randrange(2)
    for i, (heading, paragraph) in enumerate(zip(HEADINGS[r.lang], sections(r, shouted), strict=True)):
        lines += ["", heading.upper() if i == shouted else heading, paragraph]
    return "\n".join(lines)


def _hyphenate(lines: list[str], r: Report, protected: set[str]) -> list[str]:
    """Cut some long ordinary words at a line end, as a PDF's justified text does."""
    out = list(lines)
    for i in range(len(out) - 1):
        words = out[i + 1].split(" ")
        word = words[0]
        if (len(word) >= 9 and word.isalpha() and word.islower() and word not in protected
                and r.rng.random() < 0.5):
            cut = r.rng.randint(4, len(word) - 4)
            out[i] += " " + word[:cut] + "-"
            out[i + 1] = word[cut:] + (" " + " ".join(words[1:]) if words[1:] else "")
    return out


def _wrap(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    for piece in paragraph.split("\n"):
        lines += textwrap.wrap(piece, width, break_long_words=False, break_on_hyphens=False) or [""]
    return lines


def pdf_paste(r: Report) -> str:
    width = r.rng.randint(62, 82)
    paragraphs = opening(r, r.rng.randint(2, 4))
    for heading, paragraph in zip(HEADINGS[r.lang], sections(r), strict=True):
        paragraphs += ["", heading, paragraph]
    protected = {w.lower() for e in r.redact + r.keep for w in re.findall(r"\w+", e["text"] or "")}
    body: list[str] = []
    for paragraph in paragraphs:
        body += _wrap(paragraph, width) if paragraph else [""]
    body = _hyphenate(body, r, protected)
    per_page = r.rng.randint(14, 22)
    pages = [body[i:i + per_page] for i in range(0, len(body), per_page)]
    while len(pages) > 1 and pages[0] and pages[0][-1].endswith("-"):
        pages[0].append(pages[1].pop(0))
    out: list[str] = []
    for number, page in enumerate(pages, 1):
        if number > 1:
            out += ["\f" + r.fill(PDF_HEADER[r.lang]), ""]
        out += page
        footer = PDF_FOOTER[r.lang].replace("{page}", str(number)).replace("{pages}", str(len(pages)))
        out += ["", r.fill(footer)]
    return "\n".join(out).replace("  ", " ").replace(". ", ".  ", r.rng.randint(0, 3))


def form(r: Report) -> str:
    separator = r.rng.choice([": ", "\t", " ....... ", " : "])
    lines = [r.rng.choice(BANKS[r.lang]["title"]), "", *r.pick(BANKS[r.lang]["head"], 1), ""]
    for label, value in BANKS[r.lang]["form"]:
        if r.rng.random() < 0.1:  # a field left blank on this form
            continue
        filled = r.fill(value)
        if filled is not None:
            lines.append(f"{label}{separator}{filled}")
    lines += ["", HEADINGS[r.lang][0], " ".join(r.pick(BANKS[r.lang]["situation"], 3))]
    return "\n".join(lines)


def email_thread(r: Report) -> str:
    bank, lang = BANKS[r.lang], r.lang
    slug = re.sub(r"[^a-z]", "", fold(r.town))
    service = SERVICE_ADDRESS[lang].format(slug=slug)
    landlord = r.third("L")
    subject = {"fr": "RE: loyer impayé", "nl": "RE: huurachterstal", "de": "AW: Mietrückstand"}[lang]
    lines = [f"{bank['mail_from']}: {service}",
             f"{bank['mail_sent']}: " + r.fill("{date}") + " 14:02",
             f"{bank['mail_to']}: " + r.fill("{L.full} <{L.mail}>"),
             f"{bank['mail_subject']}: {subject} – " + r.fill("{A.init} – {ref}"), ""]
    lines += r.lines(bank["mail_service"])
    lines += ["", "> " + f"{bank['mail_from']}: " + r.fill("{L.full} <{L.mail}>"),
              "> " + f"{bank['mail_sent']}: " + r.fill("{date}") + " 22:47", ">"]
    for line in r.lines(bank["mail_third"]):
        lines += ["> " + piece for piece in _wrap(line, 74)]
    assert landlord is r.people["L"]
    return "\n".join(lines)


def household_table(r: Report) -> str:
    bank = BANKS[r.lang]
    separator = r.rng.choice([" | ", "\t", ";", " | "])
    lines = [r.rng.choice(bank["title"]), "", *r.pick(bank["head"], 1), "",
             r.fill(bank["table_intro"]), "", separator.join(bank["table_head"])]
    for code in ["A", "P", "C1", "C2", "C3"]:
        person = r.people.get(code)
        if person is None:
            continue
        relation = bank["relations"][person.relation or "applicant"]
        style = r.rng.choice(["bd", "bd", "bdl"])
        lines.append(separator.join([r.fill(f"{{{code}.LAST}}"), r.fill(f"{{{code}.firsts}}"),
                                     relation, r.fill(f"{{{code}.{style}}}")]))
    lines += ["", *r.lines(bank["table_after"])]
    lines += ["", HEADINGS[r.lang][2], " ".join(r.pick(bank["proposal"], 1))]
    return "\n".join(lines)


def court_letter(r: Report) -> str:
    bank = BANKS[r.lang]
    lines = [*r.lines(bank["court"][:1]), "", *r.pick(bank["court"][1:], r.rng.randint(5, 7))]
    return "\n".join([*lines, "", HEADINGS[r.lang][2], " ".join(r.pick(bank["proposal"], 1))])


def notes(r: Report) -> str:
    bank = BANKS[r.lang]
    return "\n".join([r.fill(bank["notes_head"]), "", *r.pick(bank["notes"], r.rng.randint(4, 6))])


def messages(r: Report) -> str:
    bank = BANKS[r.lang]
    lines = [r.fill(bank["messages_head"]), "", *r.pick(bank["messages"], r.rng.randint(5, 7))]
    lines += ["", HEADINGS[r.lang][0], " ".join(r.pick(bank["situation"], 2))]
    return "\n".join(lines)


def budget_table(r: Report) -> str:
    bank = BANKS[r.lang]
    rows = [[r.fill(cell) for cell in row] for row in r.rng.sample(bank["budget_rows"], r.rng.randint(4, 6))]
    header = bank["budget_cols"]
    widths = [max(len(row[i]) for row in [header, *rows]) + 2 for i in range(4)]
    aligned = r.rng.random() < 0.5
    lines = [r.fill(line) for line in bank["budget_head"]] + [""]
    for row in [header, *rows]:
        lines.append("".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                     if aligned else " | ".join(row))
    lines += ["", *r.lines(bank["budget_after"])]
    lines += ["", HEADINGS[r.lang][2], " ".join(r.pick(bank["proposal"], 1))]
    return "\n".join(lines)


def insurer_letter(r: Report) -> str:
    bank = BANKS[r.lang]
    lines = [*r.lines(bank["insurer_head"]), r.fill(ADDRESSEE[r.lang]), "", *r.lines(bank["insurer"])]
    return "\n".join(lines)


def home_visit(r: Report) -> str:
    bank = BANKS[r.lang]
    lines = [*r.lines(bank["visit_head"]), "", *r.pick(bank["visit"], r.rng.randint(5, 7))]
    return "\n".join(lines)


LAYOUTS = {"narrative": narrative, "pdf_paste": pdf_paste, "form": form,
           "email_thread": email_thread, "household_table": household_table, "allcaps": allcaps,
           "court_letter": court_letter, "notes": notes, "messages": messages,
           "budget_table": budget_table, "insurer_letter": insurer_letter, "home_visit": home_visit}


# ---------------------------------------------------------------------------------------------
# Checks, files, README
# ---------------------------------------------------------------------------------------------

def word_count(needle: str, haystack: str) -> int:
    plain = re.escape(unicodedata.normalize("NFKD", needle).casefold())
    folded = unicodedata.normalize("NFKD", haystack).casefold()
    return len(re.findall(rf"(?<!\w){plain}(?!\w)", folded))


def dossier_names(r: Report) -> set[str]:
    names = set()
    for person in [r.applicant, *r.household]:
        for first in person.firsts:
            names.update(name_tokens(first))
            names.update(person.pet_names.values())
        names.update(name_tokens(person.last))
    return names


def problems(r: Report, text: str) -> list[str]:
    found = [f"not in text: {e}" for e in r.redact if not survives(e, text)]
    found += [f"keep not in text: {k['text']}" for k in r.keep if not _present(k["text"], text)]
    removable = {form for e in r.redact if not e.get("digits")
                 for form in (e.get("forms") or [e["text"]])} | dossier_names(r)
    for k in r.keep:
        found += [f"keep {k['text']!r} holds {name!r}" for name in removable if _present(name, k["text"])]
    simple = Counter((e["forms"][-1] if e.get("forms") else e["text"] or "").casefold()
                     for e in r.redact)
    for e in r.redact:
        if e["cat"] != "name" or e.get("forms"):
            continue
        inside_others = sum(word_count(e["text"], o["text"] or "") for o in r.redact
                            if o["cat"] != "name" and o["text"])
        if word_count(e["text"], text) > simple[e["text"].casefold()] + inside_others:
            found.append(f"{e['text']!r} is also an ordinary word of the text")
    return found


def person_json(person: Person) -> dict:
    data = {"last_name": person.last, "first_names": person.firsts,
            "birth_date": person.born.isoformat(), "sex": person.sex}
    if person.niss:
        data["niss"] = person.niss
    if person.relation:
        data["relation"] = person.relation
    return data


def dossier_json(r: Report) -> dict:
    a = r.applicant
    return {"reference": r.reference, "language": r.lang, "applicant": person_json(a),
            "address": {"street": r.street, "number": r.house, "box": r.box,
                        "postcode": r.postcode, "city": r.town},
            "household": [person_json(p) for p in r.household],
            "contacts": {"phone": a.phone, "email": a.email, "iban": a.iban}}


def write_case(rng: random.Random, lang: str, layout: str, number: int) -> tuple[Report, int]:
    attempts = 0
    while True:
        attempts += 1
        r = Report(rng, lang, layout, number)
        text = LAYOUTS[layout](r).replace(PROTECT, " ").rstrip() + "\n"
        if not problems(r, text):
            break
        if attempts > 200:
            raise SystemExit(f"{lang}{number}: no valid draw: {problems(r, text)[:3]}")
    base = HERE / f"h3{lang}{number:03d}"
    base.with_suffix(".txt").write_text(text, "utf-8")
    base.with_suffix(".json").write_text(
        json.dumps(dossier_json(r), ensure_ascii=False, indent=1) + "\n", "utf-8")
    load_dossier(base.with_suffix(".json"))  # raises when the product would refuse it
    annotation = {"author": AUTHOR, "layout": layout, "redact": r.redact, "keep": r.keep}
    base.with_name(base.name + ".ann.json").write_text(
        json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return r, attempts


def markdown_table(head: list[str], rows: list[list[object]]) -> list[str]:
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head),
            *("| " + " | ".join(str(c) for c in row) + " |" for row in rows)]


def sizes(reports: list[Report]) -> str:
    langs = list(SIZES)
    count = Counter((r.lang, r.layout) for r in reports)
    entries: Counter = Counter()
    for r in reports:
        for e in r.redact:
            what = "known" if e["known"] else "third party"
            entries[(f"{what}: {e['category']}", r.lang)] += 1
        for k in r.keep:
            entries[(f"keep: {k['category']}", r.lang)] += 1
    lines = ["<!-- sizes: written by build.py -->",
             *markdown_table(["", *langs, "total"], [["reports", *(SIZES[lang] for lang in langs),
                                                      sum(SIZES.values())]]),
             "", "### Layouts", "",
             *markdown_table(["layout", *langs, "total"], [
                 [layout, *(count[(lang, layout)] for lang in langs),
                  sum(count[(lang, layout)] for lang in langs)] for layout in sorted(LAYOUTS)]),
             "", "### Annotated entries per category", "",
             *markdown_table(["entry: category", *langs, "total"], [
                 [key, *(entries[(key, lang)] for lang in langs),
                  sum(entries[(key, lang)] for lang in langs)]
                 for key in sorted({key for key, _ in entries})]),
             "<!-- end of sizes -->"]
    return "\n".join(lines)


def main() -> None:
    rng = random.Random(SEED)
    for old in HERE.glob("h3*.*"):
        old.unlink()
    reports = []
    for lang, size in SIZES.items():
        layouts = [sorted(LAYOUTS)[i % len(LAYOUTS)] for i in range(size)]
        rng.shuffle(layouts)
        for number, layout in enumerate(layouts, 1):
            report, _ = write_case(rng, lang, layout, number)
            reports.append(report)
    readme = HERE / "README.md"
    if readme.exists():
        text = readme.read_text("utf-8")
        text = re.sub(r"<!-- sizes: written by build.py -->.*<!-- end of sizes -->",
                      lambda _: sizes(reports), text, flags=re.S)
        readme.write_text(text, "utf-8")
    print(f"{len(reports)} reports written")


if __name__ == "__main__":
    main()
