"""Write the fifth held-out set (holdout5): 40 French, 28 Dutch, 28 German CPAS/OCMW/ÖSHZ reports.

``python tests/agenda/corpus/holdout5/build.py`` rewrites every file identically (fixed seeds).
Each value is annotated as it is written; before a report is written it is checked with the
evaluator's own matching (``survives``, ``_present``), and a draw that fails is drawn again.
"""

from __future__ import annotations

import json
import random
import re
import sys
import textwrap
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from stdnum import iban as stdnum_iban
from stdnum.be import nn as stdnum_nn

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))

from agenda.pseudonymise.dossier import load_dossier  # noqa: E402
from agenda.pseudonymise.evaluate import _present, survives  # noqa: E402

AUTHOR = "holdout5"
SIZES = {"fr": 40, "nl": 28, "de": 28}
PARTICLES = {"de", "van", "der", "den", "el", "da", "dos", "di", "la", "le", "von", "vanden",
             "ter", "del", "du", "des", "d", "al"}

# ----------------------------------------------------------------------------------------------
# Pools. A community gives (first name, sex, pet name or None) and surnames, so families match.
# ----------------------------------------------------------------------------------------------
COMMUNITIES = {
    "wallonia": (
        [("Stéphanie", "F", "Steph"), ("Nathalie", "F", "Nath"), ("Véronique", "F", "Véro"),
         ("Catherine", "F", "Cathy"), ("Isabelle", "F", "Isa"), ("Aurélie", "F", "Auré"),
         ("Joséphine", "F", "Jojo"), ("Emmanuel", "M", "Manu"), ("Grégory", "M", "Greg"),
         ("Philippe", "M", "Phil"), ("Sébastien", "M", "Séba"), ("Frédéric", "M", "Fred"),
         ("Jean-François", "M", None), ("Maryline", "F", None), ("Cédric", "M", None),
         ("Ludivine", "F", None), ("Kevin", "M", None), ("Océane", "F", None)],
        ["Dethier", "Lambotte", "Gérardy", "Massart", "Collignon", "Hanquet", "Warnier",
         "Piérard", "Delvaux", "Lejeune", "Wauthier", "Degraeve", "Moureau", "Renard",
         "Staquet", "Hubin", "Mathy", "Bodart", "Fontaine", "Lhoest", "Jadoul", "Closset"],
    ),
    "brussels": (
        [("Laurence", "F", "Lau"), ("Alexandre", "M", "Alex"), ("Mélanie", "F", "Mel"),
         ("Bernadette", "F", "Bernie"), ("Christian", "M", "Chris"), ("Anne-Sophie", "F", None),
         ("Olivier", "M", None), ("Sandrine", "F", None)],
        ["Vandermeulen", "Verheyden", "Goossens", "Vanderlinden", "Dewinter", "Mommaerts",
         "Schoonbroodt", "Deroover"],
    ),
    "flanders": (
        [("Jozef", "M", "Jef"), ("Franciscus", "M", "Sus"), ("Katrien", "F", "Trien"),
         ("Margriet", "F", "Griet"), ("Wouter", "M", "Wout"), ("Elisabeth", "F", "Els"),
         ("Godelieve", "F", "Lieve"), ("Hendrik", "M", "Henk"), ("Annelies", "F", None),
         ("Bart", "M", None), ("Sofie", "F", None), ("Pieterjan", "M", None),
         ("Kristof", "M", None), ("Nele", "F", None), ("Joke", "F", None), ("Dries", "M", None)],
        ["Vercauteren", "De Bruyne", "Van Damme", "Claeys", "Vermeulen", "Desmet", "Wouters",
         "Van Acker", "Verstraete", "Goethals", "Maes", "Lambrechts", "Coppens", "Van Hecke",
         "Dierickx", "Van den Eynde", "Baert", "Vanhove", "Pauwels", "Cuypers"],
    ),
    "eastbelgium": (
        [("Josef", "M", "Jupp"), ("Hubert", "M", "Hubi"), ("Hermann", "M", "Manni"),
         ("Elisabeth", "F", "Liesel"), ("Matthias", "M", "Thiss"), ("Gertrud", "F", "Gertie"),
         ("Susanne", "F", "Susi"), ("Andreas", "M", "Andi"), ("Bernhard", "M", "Bernd"),
         ("Marlene", "F", None), ("Jürgen", "M", None), ("Anneliese", "F", None),
         ("Rita", "F", None), ("Dieter", "M", None), ("Carina", "F", None),
         ("Günter", "M", None)],
        ["Kessler", "Heinen", "Margraff", "Schröder", "Kreins", "Theissen", "Backes", "Jousten",
         "Brüls", "Hilgers", "Pankert", "Reuter", "Kohnen", "Lenges", "Hennes", "Thunus",
         "Mertes", "Schommers", "Dannemark", "Velz", "Wiesemes", "Klinkenberg"],
    ),
    "moroccan": (
        [("Mohamed", "M", "Momo"), ("Abdelkader", "M", "Kader"), ("Fatima", "F", "Fati"),
         ("Khadija", "F", "Khadi"), ("Nadia", "F", None), ("Youssef", "M", None),
         ("Samira", "F", None), ("Bilal", "M", None), ("Imane", "F", None)],
        ["El Amrani", "Boulahrouz", "Azzouzi", "Chakir", "El Ouali", "Bouzambou", "Lahlou",
         "Ait Taleb", "Haddouchi", "Benali"],
    ),
    "turkish": (
        [("Mehmet", "M", "Memo"), ("Fatma", "F", None), ("Emine", "F", None),
         ("Hasan", "M", None), ("Zeynep", "F", None), ("Burak", "M", None)],
        ["Yıldırım", "Kaya", "Öztürk", "Demirci", "Aksoy", "Karakaş", "Şahin"],
    ),
    "congolese": (
        [("Bienvenu", "M", "Bibi"), ("Dieudonné", "M", "Dido"), ("Espérance", "F", "Espé"),
         ("Grâce", "F", None), ("Patience", "F", None), ("Junior", "M", None)],
        ["Mbuyi", "Kabongo", "Lukusa", "Tshibangu", "Mukendi", "Ilunga", "Nsimba"],
    ),
    "syrian": (
        [("Mohammad", "M", "Hamoudi"), ("Abdullah", "M", "Abboud"), ("Rasha", "F", None),
         ("Yara", "F", None), ("Omar", "M", None)],
        ["Alhamwi", "Haddad", "Khoury", "Al Halabi", "Darwish", "Sabbagh"],
    ),
    "afghan": (
        [("Gulalai", "F", None), ("Ahmad", "M", None), ("Zarghona", "F", None),
         ("Najibullah", "M", "Najib")],
        ["Ahmadzai", "Popal", "Sultani", "Wardak", "Rahimi"],
    ),
    "eritrean": (
        [("Filmon", "M", "Fili"), ("Semhar", "F", None), ("Yonas", "M", None),
         ("Helen", "F", None), ("Tesfaye", "M", None)],
        ["Tekle", "Ghebremariam", "Haile", "Woldemichael", "Berhane"],
    ),
    "polish": (
        [("Małgorzata", "F", "Gosia"), ("Katarzyna", "F", "Kasia"), ("Wojciech", "M", "Wojtek"),
         ("Aleksander", "M", "Olek"), ("Agnieszka", "F", None), ("Paweł", "M", None)],
        ["Nowak", "Wiśniewska", "Kowalczyk", "Zieliński", "Szymańska", "Wróbel"],
    ),
    "romanian": (
        [("Gheorghe", "M", "Ghiță"), ("Alexandru", "M", "Sandu"), ("Mihaela", "F", "Miha"),
         ("Florin", "M", None), ("Elena", "F", None)],
        ["Popescu", "Dumitrescu", "Stănescu", "Ionescu", "Munteanu"],
    ),
    "ukrainian": (
        [("Oleksandr", "M", "Sasha"), ("Olena", "F", "Lena"), ("Kateryna", "F", "Katya"),
         ("Mykola", "M", "Kolya"), ("Iryna", "F", None)],
        ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachuk", "Melnyk", "Kravets"],
    ),
    "italian": (
        [("Giuseppe", "M", "Peppe"), ("Salvatore", "M", "Totò"), ("Francesca", "F", "Franci"),
         ("Antonella", "F", None), ("Rocco", "M", None)],
        ["Russo", "Lombardi", "Scarpa", "D'Agostino", "Lo Presti", "Caruso", "Ferraro"],
    ),
    "portuguese": (
        [("Manuel", "M", "Manel"), ("António", "M", "Toninho"), ("Conceição", "F", None),
         ("Rui", "M", None), ("Fernanda", "F", None)],
        ["Ferreira", "Rodrigues", "Pinto", "Gonçalves", "Carvalho"],
    ),
}
#: where applicants of each language come from (weights follow the three regions' mix)
APPLICANT_MIX = {
    "fr": ["wallonia"] * 5 + ["brussels"] * 2 + ["moroccan", "moroccan", "turkish", "congolese",
                                                  "congolese", "syrian", "afghan", "eritrean",
                                                  "polish", "romanian", "ukrainian", "italian",
                                                  "italian", "portuguese"],
    "nl": ["flanders"] * 7 + ["moroccan", "moroccan", "turkish", "turkish", "syrian", "afghan",
                              "eritrean", "polish", "romanian", "ukrainian", "portuguese"],
    "de": ["eastbelgium"] * 7 + ["turkish", "syrian", "afghan", "eritrean", "polish",
                                 "romanian", "ukrainian", "italian", "moroccan"],
}
THIRD_PARTY_MIX = {
    "fr": ["wallonia", "wallonia", "brussels", "flanders", "moroccan", "italian", "congolese"],
    "nl": ["flanders", "flanders", "flanders", "brussels", "moroccan", "turkish"],
    "de": ["eastbelgium", "eastbelgium", "eastbelgium", "wallonia", "turkish", "polish"],
}

STREETS = {  # (full form, abbreviated form, distinctive word as the abbreviation writes it)
    "fr": [("rue des Houilleurs", "r. des Houilleurs", "Houilleurs"),
           ("avenue des Tilleuls", "av. des Tilleuls", "Tilleuls"),
           ("boulevard Tirou", "bd Tirou", "Tirou"),
           ("chaussée de la Sambrette", "chée de la Sambrette", "Sambrette"),
           ("rue Lambert-Lombard", "r. Lambert-Lombard", "Lambert-Lombard"),
           ("rue de la Briqueterie", "r. de la Briqueterie", "Briqueterie"),
           ("allée des Glycines", "all. des Glycines", "Glycines"),
           ("rue du Coron", "r. du Coron", "Coron"),
           ("place des Déportés", "pl. des Déportés", "Déportés"),
           ("rue Haute-Préalle", "r. Haute-Préalle", "Haute-Préalle")],
    "nl": [("Koolmijnlaan", "Koolmijnln.", "Koolmijnln"),
           ("Brugsesteenweg", "Brugsestwg.", "Brugsestwg"),
           ("Vlasbloemstraat", "Vlasbloemstr.", "Vlasbloemstr"),
           ("Kapelleveldstraat", "Kapelleveldstr.", "Kapelleveldstr"),
           ("Hoogpoort", "Hoogpoort", "Hoogpoort"),
           ("Dampoortstraat", "Dampoortstr.", "Dampoortstr"),
           ("Rozenhoedkaai", "Rozenhoedkaai", "Rozenhoedkaai"),
           ("Beukenhofdreef", "Beukenhofdr.", "Beukenhofdr")],
    "de": [("Hisselsgasse", "Hisselsg.", "Hisselsg"),
           ("Bergkapellstraße", "Bergkapellstr.", "Bergkapellstr"),
           ("Judenstraße", "Judenstr.", "Judenstr"),
           ("Gospertstraße", "Gospertstr.", "Gospertstr"),
           ("Hochstraße", "Hochstr.", "Hochstr"),
           ("Schilsweg", "Schilsweg", "Schilsweg"),
           ("Mühlenbachstraße", "Mühlenbachstr.", "Mühlenbachstr"),
           ("Heidberg", "Heidberg", "Heidberg")],
}
CITIES = {
    "fr": [("6000", "Charleroi"), ("4100", "Seraing"), ("4800", "Verviers"), ("5000", "Namur"),
           ("7000", "Mons"), ("7100", "La Louvière"), ("4040", "Herstal"), ("1070", "Anderlecht"),
           ("1030", "Schaerbeek"), ("7500", "Tournai"), ("4500", "Huy"), ("6700", "Arlon"),
           ("4820", "Dison")],
    "nl": [("9000", "Gent"), ("2060", "Antwerpen"), ("2800", "Mechelen"), ("3600", "Genk"),
           ("8400", "Oostende"), ("9300", "Aalst"), ("8500", "Kortrijk"), ("9160", "Lokeren"),
           ("1800", "Vilvoorde"), ("3630", "Maasmechelen"), ("3500", "Hasselt")],
    "de": [("4700", "Eupen"), ("4780", "St. Vith"), ("4720", "Kelmis"), ("4730", "Raeren"),
           ("4750", "Bütgenbach"), ("4760", "Büllingen"), ("4770", "Amel"),
           ("4790", "Burg-Reuland"), ("4710", "Lontzen")],
}
SAINT_PLACES = {"fr": ["Saint-Ghislain", "Saint-Josse-ten-Noode", "Sainte-Ode", "Saint-Hubert"],
                "nl": ["Sint-Niklaas", "Sint-Truiden", "Sint-Pieters-Leeuw"],
                "de": ["Sankt Vith"]}
INSTITUTIONS = {
    "fr": ["CPAS", "ONEM", "FOREM", "CAPAC", "Solidaris", "Partenamut", "SWDE", "ORES",
           "Famiwal", "Fedasil", "SAJ", "Engie", "Luminus", "Croix-Rouge", "ONE", "SPF Finances"],
    "nl": ["OCMW", "RVA", "VDAB", "HVW", "Helan", "CM", "Fluvius", "Kind en Gezin", "Fedasil",
           "Groeipakket", "Eneco", "Rode Kruis", "Woonhaven", "FOD Financiën", "De Watergroep"],
    "de": ["ÖSHZ", "LfA", "ADG", "Christliche Krankenkasse", "Kaleido", "Nosbau", "Fedasil",
           "Ostbelgien Familie", "Rotes Kreuz", "Jugendhilfedienst", "Ores", "Luminus",
           "Dienststelle für Selbstbestimmtes Leben", "Krankenkasse"],
}
ENERGY = {"fr": ["Engie", "Luminus", "TotalEnergies", "Mega"], "nl": ["Eneco", "Luminus", "Engie",
                                                                  "Bolt"],
          "de": ["Luminus", "Engie", "TotalEnergies"]}
PAYERS = {"fr": ["CAPAC", "FGTB", "CSC", "CGSLB"], "nl": ["HVW", "ABVV", "ACV", "ACLVB"],
          "de": ["CSC", "FGTB", "CAPAC"]}
HOSPITALS = {
    "fr": ["Hôpital Érasme", "CHU Brugmann", "Institut Jules Bordet",
           "Clinique Notre-Dame de Grâce", "CHR de la Citadelle", "Hôpital Vésale"],
    "nl": ["Jan Yperman Ziekenhuis", "AZ Jan Palfijn", "ZNA Stuivenberg", "AZ Sint-Jan",
           "Heilig Hartziekenhuis", "AZ Vesalius"],
    "de": ["St. Nikolaus-Hospital", "Klinik St. Josef", "Sankt-Elisabeth-Heim"],
}
SCHOOLS = {
    "fr": ["Athénée Léonie de Waha", "Institut Saint-Joseph", "École Jean Jaurès",
           "Athénée Royal Air Pur"],
    "nl": ["Sint-Jozefscollege", "Don Boscocollege", "Atheneum Campus Pestalozzi",
           "Sint-Lodewijkscollege"],
    "de": ["Robert-Schuman-Institut", "Pater-Damian-Sekundarschule", "Maria-Goretti-Schule",
           "Königliches Athenäum"],
}
DISEASES = {"fr": [("maladie de Crohn", "Crohn"), ("maladie d'Alzheimer", "Alzheimer"),
                   ("syndrome de Korsakoff", "Korsakoff"), ("maladie de Basedow", "Basedow"),
                   ("lymphome de Hodgkin", "Hodgkin")],
            "nl": [("ziekte van Crohn", "Crohn"), ("ziekte van Parkinson", "Parkinson"),
                   ("ziekte van Hodgkin", "Hodgkin"), ("syndroom van Guillain-Barré",
                                                          "Guillain-Barré")],
            "de": [("Morbus Bechterew", "Bechterew"), ("Parkinson-Krankheit", "Parkinson"),
                   ("Hashimoto-Thyreoiditis", "Hashimoto"), ("Morbus Crohn", "Crohn")]}
OCCUPATIONS = {"fr": ["charpentier", "boucher", "couturier", "mercier", "fermier", "boulanger"],
               "nl": ["timmerman", "slager", "kok", "schilder", "molenaar", "visser"],
               "de": ["Metzger", "Zimmermann", "Koch", "Schmied", "Maurer", "Schreiner"]}
LOOKALIKES = {"fr": ["Ascension", "Ramadan", "Mardi gras", "Pentecôte", "Assomption", "Carême"],
              "nl": ["Hemelvaart", "Allerheiligen", "Suikerfeest", "Paasmaandag", "Kerstmis"],
              "de": ["Fronleichnam", "Kirmes", "Fastnacht", "Zuckerfest", "Allerheiligen"]}
LEGAL = {"fr": ["loi du 26 mai 2002", "art. 57 § 2", "article 60 § 7", "arrêté royal du 12 "
                "décembre 1996", "art. 1675/2 du Code judiciaire", "art. 1410 du Code judiciaire"],
         "nl": ["wet van 26 mei 2002", "artikel 60 § 7", "art. 57 § 2", "koninklijk besluit "
                "van 12 december 1996", "art. 1675/2 Ger.W."],
         "de": ["Gesetz vom 26. Mai 2002", "Artikel 60 § 7", "Art. 57 § 2", "Königlicher "
                "Erlass vom 12. Dezember 1996", "Art. 1675/2 GerGB"]}
MONTHS = {"fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"],
          "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"],
          "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember"]}
MAIL_HOSTS = ["gmail.com", "hotmail.com", "outlook.be", "skynet.be", "telenet.be", "proximus.be",
              "gmx.de", "yahoo.fr"]
BE_BANKS = ["001", "063", "068", "310", "363", "732", "751", "143", "103", "979"]


# ----------------------------------------------------------------------------------------------
# Identifiers with valid checks
# ----------------------------------------------------------------------------------------------
def make_niss(rng: random.Random, birth: tuple[int, int, int]) -> str:
    year, month, day = birth
    while True:
        body = f"{year % 100:02d}{month:02d}{day:02d}{rng.randint(1, 997):03d}"
        base = int(("2" if year >= 2000 else "") + body)
        niss = body + f"{97 - base % 97:02d}"
        if stdnum_nn.is_valid(niss):
            return niss


def make_iban(rng: random.Random, country: str = "BE") -> str:
    while True:
        if country == "BE":
            account = rng.choice(BE_BANKS) + f"{rng.randint(0, 9999999):07d}"
            check = int(account) % 97 or 97
            bban = f"{account}{check:02d}"
        else:
            bank = rng.choice(["39050000", "37050198", "39060180"])
            bban = f"{bank}{rng.randint(0, 10**10 - 1):010d}"
        number = country + "00" + bban
        number = country + stdnum_iban.calc_check_digits(number) + bban
        if stdnum_iban.is_valid(number):
            return number


def grouped(number: str) -> str:
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def make_phone(rng: random.Random, kind: str) -> str:
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    return {
        "be": lambda: rng.choice([f"04{rng.randint(70, 99)} {d(2)} {d(2)} {d(2)}",
                                  f"04{rng.randint(70, 99)}/{d(2)}.{d(2)}.{d(2)}",
                                  f"+32 4{rng.randint(70, 99)} {d(2)} {d(2)} {d(2)}"]),
        "be_fixed": lambda: rng.choice([f"087 {d(2)} {d(2)} {d(2)}", f"080 {d(2)} {d(2)} {d(2)}",
                                        f"071 {d(2)} {d(2)} {d(2)}", f"09 {d(3)} {d(2)} {d(2)}"]),
        "nl": lambda: f"+31 6 {d(4)} {d(4)}",
        "de": lambda: rng.choice([f"+49 15{rng.randint(1, 9)} {d(8)}", f"0049 241 {d(6)}"]),
        "fr": lambda: f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
        "lu": lambda: f"+352 621 {d(3)} {d(3)}",
    }[kind]()


def make_plate(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTVWXYZ"
    pick = lambda n: "".join(rng.choice(letters) for _ in range(n))  # noqa: E731
    return rng.choice([f"1-{pick(3)}-{rng.randint(100, 999)}",
                       f"2-{pick(3)}-{rng.randint(100, 999)}",
                       f"AC-{pick(2)} {rng.randint(100, 9999)}",
                       f"{pick(2)}-{rng.randint(100, 999)}-{pick(2)}"])


def make_roll(rng: random.Random) -> str:
    return rng.choice([f"26/{rng.randint(1000, 9999)}/A", f"2026/RG/{rng.randint(100, 9999)}",
                       f"25/{rng.randint(100, 999)}/B", f"26A{rng.randint(1000, 9999)}"])


# ----------------------------------------------------------------------------------------------
# A report being written: every value is annotated as it is written
# ----------------------------------------------------------------------------------------------
@dataclass
class Person:
    first: str
    last: str
    sex: str
    pet: str | None
    birth: tuple[int, int, int] | None = None
    niss: str | None = None
    relation: str | None = None
    role: str | None = None

    def tokens(self, which: str = "both") -> list[str]:
        parts = " ".join([self.first if which != "last" else "",
                          self.last if which != "first" else ""])
        return [t for t in re.split(r"[\s\-']+", parts)
                if len(t) >= 3 and t.casefold() not in PARTICLES]


@dataclass
class Case:
    lang: str
    rng: random.Random
    redact: list[dict] = field(default_factory=list)
    keep: list[dict] = field(default_factory=list)

    def r(self, text: str, cat: str, known: bool, category: str, **extra) -> str:
        entry = {"text": text, "cat": cat, "known": known, "category": category, **extra}
        self.redact.append(entry)
        return text

    def k(self, text: str, cat: str, category: str | None = None) -> str:
        self.keep.append({"text": text, "cat": cat, "category": category or cat})
        return text

    def _tokens(self, person: Person, written: str, known: bool, category: str) -> None:
        for token in re.split(r"[\s\-']+", written):
            bare = token.strip(".,;:()")
            if len(bare) >= 3 and bare.casefold() not in PARTICLES:
                self.r(bare, "name", known, category, **({} if known else {"role": person.role}))

    def name(self, person: Person, known: bool, style: str = "full") -> str:
        """Write ``person`` in one of the ways reports do, annotating each token."""
        lang = self.lang
        title = {"fr": {"F": "Mme", "M": "M."}, "nl": {"F": "mevrouw", "M": "de heer"},
                 "de": {"F": "Frau", "M": "Herr"}}[lang][person.sex]
        if style == "full":
            written = f"{person.first} {person.last}"
        elif style == "title":
            written = person.last
            self._tokens(person, written, known, "name")
            return f"{title} {written}"
        elif style == "first":
            written = person.first
        elif style == "caps":
            written = f"{person.last.upper()} {person.first}"
            self._tokens(person, person.last.upper(), known, "name_allcaps")
            self._tokens(person, person.first, known, "name")
            return written
        elif style == "allcaps":
            written = f"{person.first} {person.last}".upper()
            self._tokens(person, written, known, "name_allcaps")
            return written
        elif style == "pet" and person.pet:
            self.r(person.pet, "name", known, "name_diminutive",
                   **({} if known else {"role": person.role}))
            return person.pet
        elif style == "initials":
            initials = "".join(t[0] + "." for t in re.split(r"[\s\-]+", person.first)) + \
                "".join(t[0] for t in person.tokens("last")) + "."
            return self.r(initials, "name", known, "name_initials")
        else:
            written = f"{person.first} {person.last}"
        self._tokens(person, written, known, "name")
        return written

    def date(self, when: tuple[int, int, int], style: str) -> str:
        year, month, day = when
        if style == "letters":
            return f"{day}{'.' if self.lang == 'de' else ''} {MONTHS[self.lang][month - 1]} {year}"
        sep = "." if self.lang == "de" else self.rng.choice(["/", "."])
        return f"{day:02d}{sep}{month:02d}{sep}{year}"

    def birth(self, person: Person, known: bool = True) -> str:
        style = self.rng.choice(["letters", "figures", "figures"])
        written = self.date(person.birth, style)
        forms = [written]
        if style == "letters":
            forms.append(written.rsplit(" ", 1)[0])
        self.r(None, "birth_date", known, "birth_date", forms=forms)
        return written

    def when(self, style: str | None = None) -> str:
        month = self.rng.randint(1, 5)
        written = self.date((2026, month, self.rng.randint(1, 28)),
                            style or self.rng.choice(["letters", "figures"]))
        return self.k(written, "date", "procedure_date")

    def amount(self, low: int, high: int) -> str:
        value = self.rng.randint(low * 100, high * 100) / 100
        euros, cents = f"{value:.2f}".split(".")
        if int(euros) >= 1000:
            euros = f"{euros[:-3]}.{euros[-3:]}"
        return self.k(f"{euros},{cents}", "amount")

    def pick(self, pool: list) -> object:
        return self.rng.choice(pool)


@dataclass
class Story:
    """The people and values of one report, drawn before the text is written."""
    lang: str
    ref: str
    applicant: Person
    partner: Person | None
    children: list[Person]
    street: tuple[str, str, str | None]
    number: str
    box: str | None
    postcode: str
    city: str
    phone: str
    phone_kind: str
    email: str
    iban_number: str
    third: dict[str, Person]


def draw_person(rng: random.Random, community: str, role: str | None = None,
                sex: str | None = None, last: str | None = None) -> Person:
    firsts, lasts = COMMUNITIES[community]
    choices = [f for f in firsts if sex is None or f[1] == sex]
    first, person_sex, pet = rng.choice(choices)
    return Person(first, last or rng.choice(lasts), person_sex, pet, role=role)


def email_of(rng: random.Random, person: Person) -> str:
    plain = lambda s: re.sub(r"[^a-z]", "", s.casefold().translate(str.maketrans(  # noqa: E731
        "éèêëàâäçïîôöüûıışğñățșśłńóćźżãõ", "eeeeaaaciioouuiisgnatsslnoczzao")))
    local = rng.choice([f"{plain(person.first)}.{plain(person.last)}",
                        f"{plain(person.first)[0]}{plain(person.last)}{rng.randint(1, 99)}",
                        f"{plain(person.last)}.{plain(person.first)}{rng.randint(70, 99)}"])
    return f"{local}@{rng.choice(MAIL_HOSTS)}"


ROLES = ["landlord", "doctor", "lawyer", "bailiff", "judge", "neighbour", "ex_partner",
         "employer", "teacher", "police", "psychologist", "agent", "colleague", "mediator"]


def draw_story(rng: random.Random, lang: str, newcomer: bool) -> Story:
    """Draw the people of one report (``newcomer``: a family leaving a reception centre)."""
    mix = [m for m in APPLICANT_MIX[lang] if not newcomer or m not in NATIVE]
    community = rng.choice(mix)
    applicant = draw_person(rng, community)
    year = rng.randint(1962, 2001)
    applicant.birth = (year, rng.randint(1, 12), rng.randint(1, 28))
    applicant.niss = make_niss(rng, applicant.birth)
    partner = None
    if rng.random() < 0.45:
        partner = draw_person(rng, community, sex="M" if applicant.sex == "F" else "F",
                              last=rng.choice(COMMUNITIES[community][1]))
        partner.birth = (year + rng.randint(-4, 4), rng.randint(1, 12), rng.randint(1, 28))
        partner.niss = make_niss(rng, partner.birth)
        partner.relation = "partner"
    children: list[Person] = []
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        child = draw_person(rng, community, last=applicant.last)
        if child.first in {applicant.first, *(k.first for k in children)}:
            continue
        child.birth = (rng.randint(max(year + 18, 2008), 2024), rng.randint(1, 12),
                       rng.randint(1, 28))
        child.relation = "child"
        children.append(child)
    postcode, city = rng.choice(CITIES[lang])
    kind = {"fr": rng.choice(["be", "be", "be", "fr"]), "nl": rng.choice(["be", "be", "nl"]),
            "de": rng.choice(["be", "be_fixed", "de", "lu"])}[lang]
    third: dict[str, Person] = {}
    for role in ROLES:
        while True:
            person = draw_person(rng, rng.choice(THIRD_PARTY_MIX[lang]), role=role)
            taken = {n for p in third.values() for n in (p.first, p.last)}
            if not {person.first, person.last} & taken:
                third[role] = person
                break
    return Story(lang, f"2026/{rng.randint(100, 2999):04d}", applicant, partner, children,
                 rng.choice(STREETS[lang]), str(rng.randint(1, 180)),
                 rng.choice([None, None, "2", "B", "RC"]), postcode, city,
                 make_phone(rng, kind), kind, email_of(rng, applicant), make_iban(rng), third)


NATIVE = {"wallonia", "brussels", "flanders", "eastbelgium", "italian"}
PHONE_CATEGORY = {"be": "phone", "be_fixed": "phone", "nl": "phone_nl", "de": "phone_de",
                  "fr": "phone_fr", "lu": "phone_lu"}


# ----------------------------------------------------------------------------------------------
# Known values written the ways reports write them
# ----------------------------------------------------------------------------------------------
def address(c: Case, s: Story, abbreviated: bool | None = None) -> str:
    full, short, word = s.street
    if abbreviated is None:
        abbreviated = c.rng.random() < 0.5 and word is not None
    if abbreviated and word:
        c.r(word, "address", True, "address_abbrev")
        street = short
    else:
        distinctive = word.rstrip(".") if word and full.endswith(word) else None
        distinctive = distinctive or re.sub(r"^(rue|avenue|boulevard|chaussée|allée|place)"
                                            r"( de la| des| du| de)? ", "", full)
        c.r(distinctive, "address", True, "address")
        street = full
    box = {"fr": " bte ", "nl": " bus ", "de": "/"}[c.lang] + s.box if s.box else ""
    return f"{street} {s.number}{box}, {s.postcode} {c.k(s.city, 'municipality')}"


def phone(c: Case, s: Story) -> str:
    return c.r(s.phone, "phone", True, PHONE_CATEGORY[s.phone_kind], digits=True)


def email(c: Case, s: Story) -> str:
    if c.rng.random() < 0.2:
        local, host = s.email.split("@")
        written = f"{local} (at) {host.replace('.', ' (dot) ')}"
        return c.r(written, "email", True, "email_obfuscated")
    return c.r(s.email, "email", True, "email")


def iban(c: Case, s: Story) -> str:
    written = c.rng.choice([s.iban_number, grouped(s.iban_number)])
    if c.rng.random() < 0.15:
        ocr = written[:6] + written[6:].replace("0", "O", 1).replace("1", "l", 1)
        if ocr != written:
            return c.r(ocr, "iban", True, "iban_ocr",
                       forms=[ocr, written, s.iban_number])
    return c.r(written, "iban", True, "iban", digits=True)


def niss(c: Case, person: Person) -> str:
    n = person.niss
    written = c.rng.choice([n, f"{n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}",
                            f"{n[:6]} {n[6:9]} {n[9:]}"])
    return c.r(written, "niss", True, "niss", digits=True)


def tp(c: Case, s: Story, role: str, style: str = "full") -> str:
    return c.name(s.third[role], False, style)


def tp_phone(c: Case, kind: str = "be") -> str:
    return c.r(make_phone(c.rng, kind), "phone", False, "phone" if kind.startswith("be")
               else f"phone_{kind}", digits=True)


def tp_email(c: Case, person: Person) -> str:
    return c.r(email_of(c.rng, person), "email", False, "email")


def kid_line(c: Case, child: Person) -> str:
    return f"{c.name(child, True, 'first')} ({c.birth(child)})"


class KeepBits:
    """The values that must stay, drawn once per report; each one is annotated every time a
    layout writes it (one ``keep`` entry per occurrence)."""

    def __init__(self, c: Case) -> None:
        lang = c.lang
        self.case = c
        self.disease, self.disease_word = c.pick(DISEASES[lang])
        self.values = {
            "inst": (c.pick(INSTITUTIONS[lang]), "institution", None),
            "inst2": (c.pick(INSTITUTIONS[lang]), "institution", None),
            "eponym": (c.pick(HOSPITALS[lang]), "institution", "institution_eponym"),
            "energy": (c.pick(ENERGY[lang]), "institution", None),
            "payer": (c.pick(PAYERS[lang]), "institution", None),
            "school": (c.pick(SCHOOLS[lang]), "institution", "institution_eponym"),
            "saint": (c.pick(SAINT_PLACES[lang]), "municipality", "place_saint"),
            "job": (c.pick(OCCUPATIONS[lang]), "occupation", "occupation_surname"),
            "look": (c.pick(LOOKALIKES[lang]), "word", "word_lookalike"),
            "law": (c.pick(LEGAL[lang]), "legal", None),
        }

    def __getitem__(self, key: str) -> str:
        if key == "disease":
            self.case.k(self.disease_word, "disease", "disease_eponym")
            return self.disease
        text, cat, category = self.values[key]
        return self.case.k(text, cat, category)


# ----------------------------------------------------------------------------------------------
# Layouts. Each takes the report being written and its story and returns the text.
# ----------------------------------------------------------------------------------------------
def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def household_sentence(c: Case, s: Story) -> str:
    bits = []
    if s.partner:
        companion = "sa compagne" if s.partner.sex == "F" else "son compagnon"
        bits.append({"fr": lambda: f"vit avec {companion} {c.name(s.partner, True)}",
                     "nl": lambda: f"woont samen met partner {c.name(s.partner, True)}",
                     "de": lambda: f"lebt mit {c.name(s.partner, True)} zusammen"}[c.lang]())
    if s.children:
        kids = ", ".join(kid_line(c, k) for k in s.children)
        bits.append({"fr": f"enfants : {kids}", "nl": f"kinderen: {kids}",
                     "de": f"Kinder: {kids}"}[c.lang])
    if not bits:
        return {"fr": "Isolé(e), sans enfant à charge.",
                "nl": "Alleenstaand, geen kinderen ten laste.",
                "de": "Alleinstehend, keine Kinder zu Lasten."}[c.lang]
    return "; ".join(bits) + "."


def narrative(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    return {
        "fr": lambda: (
            f"RAPPORT SOCIAL — demande d'aide (dossier {s.ref})\n\n"
            f"{c.name(a, True, 'title')} ({c.name(a, True, 'first')}), "
            f"{'née' if a.sex == 'F' else 'né'} le {c.birth(a)}, "
            f"{'domiciliée' if a.sex == 'F' else 'domicilié'} {address(c, s)}, "
            f"{household_sentence(c, s)}\n\n"
            f"L'intéressé(e) a travaillé comme {kb['job']} jusqu'en 2024 puis a été suivi(e) à "
            f"l'hôpital ({kb['eponym']}) : {kb['disease']}. Depuis le {c.when()}, plus aucun "
            f"revenu ; "
            f"le dossier est bloqué ({kb['inst']}). Le propriétaire, {tp(c, s, 'landlord')}, "
            f"réclame {c.amount(900, 2400)} € d'arriérés et menace de saisir la justice de paix. "
            f"Son médecin traitant, le Dr {tp(c, s, 'doctor', 'title').split(' ', 1)[1]}, atteste "
            f"l'incapacité. Pendant la période de {kb['look']}, la famille a été hébergée à "
            f"{kb['saint']}.\n\n"
            f"Proposition : revenu d'intégration au taux "
            f"{c.pick(['isolé', 'cohabitant', 'famille à charge'])} "
            f"({c.amount(900, 1700)} €/mois) base légale : {kb['law']} ; versement sur "
            f"{iban(c, s)}.\n"
            f"Contact : {phone(c, s)}.\n"),
        "nl": lambda: (
            f"SOCIAAL VERSLAG — dossier {s.ref}\n\n"
            f"{cap(c.name(a, True, 'title'))} {c.name(a, True, 'first')}, geboren op {c.birth(a)}, "
            f"wonende {address(c, s)}. {cap(household_sentence(c, s))}\n\n"
            f"Betrokkene werkte als {kb['job']} en wordt sinds {c.when()} behandeld in het "
            f"{kb['eponym']} ({kb['disease']}). De uitkering ({kb['inst']}) is "
            f"stopgezet. Verhuurder {tp(c, s, 'landlord')} eist {c.amount(700, 2600)} euro "
            f"achterstal. Tijdens {kb['look']} verbleef het gezin bij familie in {kb['saint']}.\n\n"
            f"Voorstel: leefloon ({c.amount(900, 1700)} euro/maand) wettelijke basis: {kb['law']}; "
            f"te storten op {iban(c, s)}. Tel. {phone(c, s)}.\n"),
        "de": lambda: (
            f"SOZIALBERICHT — Akte {s.ref}\n\n"
            f"{c.name(a, True, 'title')} ({c.name(a, True, 'first')}), geboren am {c.birth(a)}, "
            f"wohnhaft {address(c, s)}. {cap(household_sentence(c, s))}\n\n"
            f"Die Person war als {kb['job']} tätig und ist seit dem {c.when()} im {kb['eponym']} "
            f"wegen {kb['disease']} in Behandlung. Die Zahlung ({kb['inst']}) wurde "
            f"ausgesetzt. Der Vermieter, {tp(c, s, 'landlord')}, fordert {c.amount(700, 2600)} € "
            f"Mietrückstand. Über {kb['look']} wohnte die Familie bei Verwandten in "
            f"{kb['saint']}.\n\n"
            f"Vorschlag: Eingliederungseinkommen ({c.amount(900, 1700)} €/Monat) gemäß "
            f"{kb['law']}, Überweisung auf {iban(c, s)}. Tel.: {phone(c, s)}.\n"),
    }[c.lang]()


def form(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    labels = {"fr": ["Nom", "Prénom", "Date de naissance", "N° registre national", "Adresse",
                     "GSM", "E-mail", "Compte", "Organisme payeur", "Motif"],
              "nl": ["Naam", "Voornaam", "Geboortedatum", "Rijksregisternr.", "Adres", "GSM",
                     "E-mail", "Rekening", "Uitbetalingsinstelling", "Reden"],
              "de": ["Name", "Vorname", "Geburtsdatum", "NISS", "Anschrift", "Handy", "E-Mail",
                     "Konto", "Zahlstelle", "Grund"]}[c.lang]
    sep = c.pick([": ", "\t", " ....... "])
    values = [c.name(Person("", a.last.upper(), a.sex, None), True, "allcaps").strip(),
              c.name(Person(a.first, "", a.sex, None), True, "full").strip(),
              c.birth(a), niss(c, a), address(c, s), phone(c, s), email(c, s), iban(c, s),
              kb["payer"], {
                  "fr": lambda: f"frais médicaux ({kb['disease']}), {c.amount(80, 600)} €",
                  "nl": lambda: f"medische kosten ({kb['disease']}), {c.amount(80, 600)} euro",
                  "de": lambda: f"Arztkosten ({kb['disease']}), {c.amount(80, 600)} €"}[c.lang]()]
    head = {"fr": lambda: f"FORMULAIRE DE DEMANDE — {kb['inst2']} — réf. {s.ref}",
            "nl": lambda: f"AANVRAAGFORMULIER — {kb['inst2']} — ref. {s.ref}",
            "de": lambda: f"ANTRAGSFORMULAR — {kb['inst2']} — Az. {s.ref}"}[c.lang]()
    lines = [head, "", *(f"{label}{sep}{value}"
                         for label, value in zip(labels, values, strict=True))]
    tail = {"fr": lambda: f"\nRemarque : ancien {kb['job']}, suivi(e) par {kb['eponym']} ; "
                          f"{kb['law']}. "
                  f"Rendez-vous le {c.when()} avec {tp(c, s, 'colleague')}.",
            "nl": lambda: f"\nOpmerking: vroeger {kb['job']}, opgevolgd in {kb['eponym']}; "
                          f"{kb['law']}. "
                  f"Afspraak op {c.when()} met {tp(c, s, 'colleague')}.",
            "de": lambda: f"\nBemerkung: früher {kb['job']}, in Behandlung im {kb['eponym']}; "
                          f"{kb['law']}. "
                  f"Termin am {c.when()} mit {tp(c, s, 'colleague')}."}[c.lang]()
    return "\n".join(lines) + tail + "\n"


def ascii_host(city: str) -> str:
    decomposed = unicodedata.normalize("NFKD", city.casefold())
    return re.sub(r"[^a-z-]", "", decomposed.replace(" ", "-"))


def email_thread(c: Case, s: Story, kb: KeepBits) -> str:
    a, landlord = s.applicant, s.third["landlord"]
    lmail = tp_email(c, landlord)
    return {
        "fr": lambda: (
            f"De : {lmail}\nÀ : service.social@cpas-{ascii_host(s.city)}.be\n"
            f"Objet : RE: loyers impayés — {c.name(a, True, 'title')}\n\n"
            f"Bonjour,\nNous avons reçu votre courriel du {c.when()}. Nous proposons un plan "
            f"d'apurement de {c.amount(50, 250)} € par mois (intervention : {kb['inst']}).\n"
            f"Cordialement,\n{tp(c, s, 'colleague')}, assistante sociale\n\n"
            f"> Le {c.when()}, {c.name(landlord, False, 'full')} a écrit :\n"
            f"> Madame, Monsieur, votre locataire {c.name(a, True, 'full')} "
            f"({address(c, s, True)}) "
            f"me doit {c.amount(800, 3000)} €. Je ne peux plus attendre.\n"
            f"> Elle/il peut me joindre sur son GSM, mais ne répond jamais ({phone(c, s)}).\n"
            f"> --\n> {c.name(landlord, False, 'allcaps')}\n> {tp_phone(c)}\n"),
        "nl": lambda: (
            f"Van: {lmail}\nAan: sociale.dienst@ocmw-{ascii_host(s.city)}.be\n"
            f"Onderwerp: RE: huurachterstal {c.name(a, True, 'title')}\n\n"
            f"Goedemiddag,\nWij stellen een afbetalingsplan van {c.amount(50, 250)} euro per "
            f"maand voor "
            f"(afspraak {c.when()}, {kb['inst']}).\nMet vriendelijke groeten,\n"
            f"{tp(c, s, 'colleague')}\nMaatschappelijk werker\n\n"
            f"> Op {c.when()} schreef {c.name(landlord, False, 'full')}:\n"
            f"> Uw cliënt {c.name(a, True, 'full')} ({address(c, s, True)}) is mij "
            f"{c.amount(800, 3000)} euro verschuldigd. Gsm huurder: {phone(c, s)}.\n"
            f"> Groeten,\n> {c.name(landlord, False, 'first')}\n> {tp_phone(c)}\n"),
        "de": lambda: (
            f"Von: {lmail}\nAn: sozialdienst@oeshz-{ascii_host(s.city)}.be\n"
            f"Betreff: AW: Mietrückstand {c.name(a, True, 'title')}\n\n"
            f"Guten Tag,\nwir schlagen eine Ratenzahlung von {c.amount(50, 250)} € im Monat vor "
            f"(Termin am {c.when()}, {kb['inst']}).\nMit freundlichen Grüßen\n"
            f"{tp(c, s, 'colleague')}\nSozialassistentin\n\n"
            f"> Am {c.when()} schrieb {c.name(landlord, False, 'full')}:\n"
            f"> Ihr Klient {c.name(a, True, 'full')} ({address(c, s, True)}) schuldet mir "
            f"{c.amount(800, 3000)} €. Handy des Mieters: {phone(c, s)}.\n"
            f"> Gruß\n> {c.name(landlord, False, 'allcaps')}\n> {tp_phone(c, 'de')}\n"),
    }[c.lang]()


def household_table(c: Case, s: Story, kb: KeepBits) -> str:
    head = {"fr": "COMPOSITION DE MÉNAGE", "nl": "GEZINSSAMENSTELLING",
            "de": "HAUSHALTSZUSAMMENSETZUNG"}[c.lang]
    cols = {"fr": "Nom | Prénom | Né(e) le | Lien | Revenus",
            "nl": "Naam | Voornaam | Geboren | Band | Inkomen",
            "de": "Name | Vorname | Geboren | Verhältnis | Einkommen"}[c.lang]
    rel = {"fr": ["demandeur", "partenaire", "enfant"], "nl": ["aanvrager", "partner", "kind"],
           "de": ["Antragsteller", "Partner", "Kind"]}[c.lang]
    rows = []
    people = [(s.applicant, rel[0])] + ([(s.partner, rel[1])] if s.partner else []) + \
        [(k, rel[2]) for k in s.children]
    for person, relation in people:
        last = c.name(Person("", person.last.upper(), person.sex, None), True, "allcaps").strip()
        first = c.name(Person(person.first, "", person.sex, None), True, "full").strip()
        income = c.amount(600, 1800) if relation != rel[2] else "0,00"
        rows.append(f"{last} | {first} | {c.birth(person)} | {relation} | {income}")
    foot = {"fr": lambda: f"\nAdresse : {address(c, s)}. Allocations familiales : {kb['inst']}, "
                  f"{c.amount(150, 700)} €. Vérifié le {c.when()}.",
            "nl": lambda: f"\nAdres: {address(c, s)}. Groeipakket: {c.amount(150, 700)} euro. "
                  f"Nagekeken op {c.when()} ({kb['inst']}).",
            "de": lambda: f"\nAnschrift: {address(c, s)}. Familienleistungen: "
                          f"{c.amount(150, 700)} €. "
                  f"Geprüft am {c.when()} ({kb['inst']})."}[c.lang]()
    return f"{head} — {s.ref}\n\n{cols}\n" + "\n".join(rows) + foot + "\n"


def notes(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    worker = s.third["colleague"]
    def ini() -> str:
        return c.name(worker, False, "initials")

    pet = a.pet and c.rng.random() < 0.9
    call = (lambda: c.name(a, True, "pet")) if pet else (lambda: c.name(a, True, "first"))
    lines = {
        "fr": lambda: [
            f"{c.when('figures')} — {ini()} : visite à domicile. {call()} seul(e), frigo vide, "
            f"colis via {kb['inst']}.",
            f"{c.when('figures')} — {ini()} : appel de {tp(c, s, 'neighbour', 'title')} "
            f"(voisin·e), "
            f"inquiet·e ; {call()} ne sort plus depuis la période de {kb['look']}.",
            f"{c.when('figures')} — {ini()} : {call()} dit que {tp(c, s, 'ex_partner', 'first')} "
            f"(ex) ne paie plus la pension ({c.amount(150, 450)} €).",
            f"{c.when('figures')} — {ini()} : RDV {kb['eponym']}, bilan {kb['disease']}.",
        ],
        "nl": lambda: [
            f"{c.when('figures')} — {ini()}: huisbezoek. {call()} alleen thuis, koelkast leeg, "
            f"voedselpakket via {kb['inst']}.",
            f"{c.when('figures')} — {ini()}: telefoon van buur {tp(c, s, 'neighbour', 'title')}; "
            f"{call()} komt niet meer buiten sinds {kb['look']}.",
            f"{c.when('figures')} — {ini()}: volgens {call()} betaalt ex "
            f"{tp(c, s, 'ex_partner', 'first')} "
            f"geen alimentatie meer ({c.amount(150, 450)} euro).",
            f"{c.when('figures')} — {ini()}: afspraak {kb['eponym']}, opvolging {kb['disease']}.",
        ],
        "de": lambda: [
            f"{c.when('figures')} — {ini()}: Hausbesuch. {call()} allein, Kühlschrank leer, "
            f"Lebensmittel über {kb['inst']}.",
            f"{c.when('figures')} — {ini()}: Anruf von Nachbar(in) "
            f"{tp(c, s, 'neighbour', 'title')}; "
            f"{call()} geht seit {kb['look']} nicht mehr raus.",
            f"{c.when('figures')} — {ini()}: laut {call()} zahlt Ex "
            f"{tp(c, s, 'ex_partner', 'first')} "
            f"keinen Unterhalt mehr ({c.amount(150, 450)} €).",
            f"{c.when('figures')} — {ini()}: Termin {kb['eponym']}, Kontrolle {kb['disease']}.",
        ],
    }[c.lang]()
    lines.sort(key=lambda line: tuple(reversed(re.split(r"[./]", line.split(" ", 1)[0]))))
    head = {"fr": "Notes de suivi", "nl": "Opvolgingsnota's", "de": "Verlaufsnotizen"}[c.lang]
    return f"{head} — {s.ref} — {c.name(a, True, 'caps')}\n\n" + "\n".join(lines) + "\n"


def allcaps(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    body = {
        "fr": lambda: (f"OBJET : DEMANDE URGENTE POUR {c.name(a, True, 'allcaps')}, "
                       f"{address(c, s).upper()}.\n\nLE MÉNAGE EST SANS REVENUS DEPUIS LE "
                       f"{c.when('letters').upper()}. LE BAILLEUR "
                       f"{c.name(s.third['landlord'], False, 'allcaps')} "
                       f"A ENTAMÉ UNE PROCÉDURE D'EXPULSION."),
        "nl": lambda: (f"BETREFT: DRINGENDE AANVRAAG VOOR {c.name(a, True, 'allcaps')}, "
                       f"{address(c, s).upper()}.\n\nHET GEZIN HEEFT GEEN INKOMEN SINDS "
                       f"{c.when('letters').upper()}. VERHUURDER "
                       f"{c.name(s.third['landlord'], False, 'allcaps')} "
                       f"HEEFT EEN UITZETTINGSPROCEDURE OPGESTART."),
        "de": lambda: (f"BETRIFFT: DRINGENDER ANTRAG FÜR {c.name(a, True, 'allcaps')}, "
                       f"{address(c, s).upper()}.\n\nDER HAUSHALT IST SEIT DEM "
                       f"{c.when('letters').upper()} OHNE EINKOMMEN. DER VERMIETER "
                       f"{c.name(s.third['landlord'], False, 'allcaps')} HAT EINE RÄUMUNGSKLAGE "
                       f"EINGEREICHT."),
    }[c.lang]()
    return body + "\n\n" + narrative(c, s, kb)


def court_letter(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    roll = c.r(make_roll(c.rng), "court_roll", False, "court_roll")
    roll2 = c.r(make_roll(c.rng), "court_roll", False, "court_roll")
    plate = c.r(make_plate(c.rng), "plate", False, "plate")
    return {
        "fr": lambda: (
            f"RÉSUMÉ — PROCÉDURES EN COURS ({s.ref})\n\n"
            f"1. Citation en paiement, justice de paix de {c.k(s.city, 'municipality')}, R.G. "
            f"{roll} : "
            f"bailleur {tp(c, s, 'landlord')} c/ {c.name(a, True, 'caps')}, audience du "
            f"{c.when()}.\n"
            f"2. Saisie-exécution mobilière signifiée par Me "
            f"{tp(c, s, 'bailiff', 'title').split(' ', 1)[1]}, "
            f"huissier de justice ; véhicule {plate} inventorié. Montant : {c.amount(1500, 6000)} "
            f"€.\n"
            f"3. Règlement collectif de dettes ({kb['law']}), tribunal du travail, R.R. {roll2} ; "
            f"médiateur : Me {tp(c, s, 'mediator')} ; juge : {tp(c, s, 'judge', 'title')}.\n"),
        "nl": lambda: (
            f"OVERZICHT — LOPENDE PROCEDURES ({s.ref})\n\n"
            f"1. Dagvaarding vredegerecht {c.k(s.city, 'municipality')}, A.R. {roll}: verhuurder "
            f"{tp(c, s, 'landlord')} t/ {c.name(a, True, 'caps')}, zitting op {c.when()}.\n"
            f"2. Uitvoerend roerend beslag door gerechtsdeurwaarder {tp(c, s, 'bailiff')}; "
            f"voertuig "
            f"{plate} opgenomen. Bedrag: {c.amount(1500, 6000)} euro.\n"
            f"3. Collectieve schuldenregeling ({kb['law']}), arbeidsrechtbank, rolnr. {roll2}; "
            f"schuldbemiddelaar mr. {tp(c, s, 'mediator')}; rechter "
            f"{tp(c, s, 'judge', 'title')}.\n"),
        "de": lambda: (
            f"ÜBERSICHT — LAUFENDE VERFAHREN ({s.ref})\n\n"
            f"1. Ladung vor das Friedensgericht {c.k(s.city, 'municipality')}, Az. {roll}: "
            f"Vermieter "
            f"{tp(c, s, 'landlord')} gegen {c.name(a, True, 'caps')}, Sitzung am {c.when()}.\n"
            f"2. Mobiliarpfändung durch Gerichtsvollzieher {tp(c, s, 'bailiff')}; Fahrzeug {plate} "
            f"gepfändet. Betrag: {c.amount(1500, 6000)} €.\n"
            f"3. Kollektive Schuldenregelung ({kb['law']}), Arbeitsgericht Eupen, Az. {roll2}; "
            f"Schuldenvermittler RA {tp(c, s, 'mediator')}; Richter(in) "
            f"{tp(c, s, 'judge', 'title')}.\n"),
    }[c.lang]()


def police_pv(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    plate = c.r(make_plate(c.rng), "plate", False, "plate")
    pv = f"{c.pick(['CH', 'LI', 'GE', 'EU', 'NA'])}.{c.rng.randint(10, 99)}." \
         f"L{c.rng.randint(1, 9)}." \
         f"{c.rng.randint(100000, 999999)}/2026"
    return {
        "fr": lambda: (
            f"Résumé du procès-verbal {pv} (zone de police), transmis au CPAS le {c.when()}\n\n"
            f"Faits : le {c.when()}, l'inspecteur principal {tp(c, s, 'police')} est intervenu "
            f"{address(c, s)} pour un différend familial. Personne entendue : "
            f"{c.name(a, True, 'caps')}, né(e) le {c.birth(a)}. Auteur présumé : "
            f"{tp(c, s, 'ex_partner', 'allcaps')}, qui a quitté les lieux à bord du véhicule "
            f"{plate}.\n"
            f"Mesures : orientation vers : {kb['inst']}, service d'aide aux victimes. "
            f"Certificat médical du Dr {tp(c, s, 'doctor')} ({kb['eponym']}).\n"),
        "nl": lambda: (
            f"Samenvatting proces-verbaal {pv} (politiezone), aan het OCMW bezorgd op "
            f"{c.when()}\n\n"
            f"Feiten: op {c.when()} kwam hoofdinspecteur {tp(c, s, 'police')} tussen op het adres "
            f"{address(c, s)} na een familiale ruzie. Gehoorde persoon: {c.name(a, True, 'caps')}, "
            f"geboren op {c.birth(a)}. Vermoedelijke dader: {tp(c, s, 'ex_partner', 'allcaps')}, "
            f"vertrokken met voertuig {plate}.\n"
            f"Maatregelen: doorverwijzing naar {kb['inst']} en slachtofferhulp. Medisch attest van "
            f"dr. {tp(c, s, 'doctor')} ({kb['eponym']}).\n"),
        "de": lambda: (
            f"Zusammenfassung Protokoll {pv} (Polizeizone Weser-Göhl / Eifel), dem ÖSHZ "
            f"übermittelt am {c.when()}\n\n"
            f"Sachverhalt: Am {c.when()} wurde Hauptinspektor {tp(c, s, 'police')} nach "
            f"{address(c, s)} gerufen (Familienstreit). Angehört: {c.name(a, True, 'caps')}, "
            f"geboren am {c.birth(a)}. Mutmaßlicher Täter: {tp(c, s, 'ex_partner', 'allcaps')}, "
            f"mit dem Fahrzeug {plate} weggefahren.\n"
            f"Maßnahmen: Weiterleitung an {kb['inst']} und Opferhilfe. Ärztliches Attest von "
            f"Dr. {tp(c, s, 'doctor')} ({kb['eponym']}).\n"),
    }[c.lang]()


def discharge_letter(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    return {
        "fr": lambda: (
            f"{kb['eponym']} — Service de médecine interne\nLettre de sortie\n\n"
            f"Patient(e) : {c.name(a, True, 'caps')} — né(e) le {c.birth(a)} — NISS {niss(c, a)}\n"
            f"Hospitalisation du {c.when('figures')} au {c.when('figures')}.\n"
            f"Diagnostic : décompensation ({kb['disease']}). Retour à domicile "
            f"({address(c, s)}) avec passage infirmier quotidien.\n"
            f"Médecin traitant : Dr {tp(c, s, 'doctor')}. Assistante sociale de l'hôpital : "
            f"{tp(c, s, 'agent')} ({tp_phone(c, 'be_fixed')}).\n"
            f"Facture patient : {c.amount(200, 1800)} € — demande de prise en charge au CPAS "
            f"(AMU, {kb['law']}).\n"),
        "nl": lambda: (
            f"{kb['eponym']} — Dienst Inwendige Geneeskunde\nOntslagbrief\n\n"
            f"Patiënt(e): {c.name(a, True, 'caps')} — geboren {c.birth(a)} — INSZ {niss(c, a)}\n"
            f"Opname van {c.when('figures')} tot {c.when('figures')}.\n"
            f"Diagnose: opstoot van {kb['disease']}. Ontslag naar huis ({address(c, s)}) met "
            f"dagelijkse thuisverpleging.\nHuisarts: dr. {tp(c, s, 'doctor')}. Sociale dienst "
            f"ziekenhuis: {tp(c, s, 'agent')} ({tp_phone(c, 'be_fixed')}).\n"
            f"Patiëntenfactuur: {c.amount(200, 1800)} euro — tenlasteneming gevraagd aan OCMW "
            f"(DMH, {kb['law']}).\n"),
        "de": lambda: (
            f"{kb['eponym']} — Innere Abteilung\nEntlassungsbrief\n\n"
            f"Patient(in): {c.name(a, True, 'caps')} — geb. {c.birth(a)} — NISS {niss(c, a)}\n"
            f"Stationär vom {c.when('figures')} bis {c.when('figures')}.\n"
            f"Diagnose: Schub einer {kb['disease']}. Entlassung nach Hause ({address(c, s)}), "
            f"täglich häusliche Krankenpflege.\nHausarzt: Dr. {tp(c, s, 'doctor')}. "
            f"Sozialdienst der Klinik: {tp(c, s, 'agent')} ({tp_phone(c, 'be_fixed')}).\n"
            f"Patientenrechnung: {c.amount(200, 1800)} € — Kostenübernahme beim ÖSHZ beantragt "
            f"(DMH, {kb['law']}).\n"),
    }[c.lang]()


def energy_dunning(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    ean = "5414" + "".join(str(c.rng.randint(0, 9)) for _ in range(14))
    return {
        "fr": lambda: (
            f"{kb['energy']} — Service recouvrement\n{c.name(a, True, 'caps')}\n{address(c, s)}\n\n"
            f"Mise en demeure — {c.when('letters')}\nCode EAN : {ean}\n"
            f"Madame, Monsieur, malgré notre rappel, la somme de {c.amount(300, 2200)} € reste "
            f"impayée. Sans paiement sur notre compte dans les 15 jours, nous demanderons le "
            f"placement d'un compteur à budget. Votre CPAS peut intervenir.\n"
            f"Votre gestionnaire : {tp(c, s, 'agent')}, {tp_phone(c)}. "
            f"Votre e-mail : {email(c, s)}.\n"
            f"Copie transmise au CPAS (assistante : {tp(c, s, 'colleague', 'title')}).\n"),
        "nl": lambda: (
            f"{kb['energy']} — Dienst Invordering\n{c.name(a, True, 'caps')}\n{address(c, s)}\n\n"
            f"Ingebrekestelling — {c.when('letters')}\nEAN-code: {ean}\n"
            f"Geachte klant, ondanks onze herinnering blijft {c.amount(300, 2200)} euro onbetaald. "
            f"Zonder betaling binnen 15 dagen vragen wij de plaatsing van een budgetmeter aan. "
            f"Uw OCMW kan tussenkomen.\nUw dossierbeheerder: {tp(c, s, 'agent')}, {tp_phone(c)}. "
            f"Uw e-mail: {email(c, s)}.\n"
            f"Kopie aan OCMW (maatschappelijk werker {tp(c, s, 'colleague', 'title')}).\n"),
        "de": lambda: (
            f"{kb['energy']} — Forderungsmanagement\n{c.name(a, True, 'caps')}\n{address(c, s)}\n\n"
            f"Mahnung — {c.when('letters')}\nEAN-Code: {ean}\n"
            f"Sehr geehrte Kundin, sehr geehrter Kunde, trotz Erinnerung ist der Betrag von "
            f"{c.amount(300, 2200)} € offen. Ohne Zahlung binnen 15 Tagen beantragen wir einen "
            f"Budgetzähler. Ihr ÖSHZ kann helfen.\nIhr Sachbearbeiter: {tp(c, s, 'agent')}, "
            f"{tp_phone(c)}. Ihre E-Mail: {email(c, s)}.\n"
            f"Kopie an das ÖSHZ ({tp(c, s, 'colleague', 'title')}).\n"),
    }[c.lang]()


def youth_court(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    child = s.children[0] if s.children else None
    kid = kid_line(c, child) if child else {"fr": "l'enfant à naître", "nl": "het ongeboren kind",
                                            "de": "das ungeborene Kind"}[c.lang]
    roll = c.r(make_roll(c.rng), "court_roll", False, "court_roll")
    return {
        "fr": lambda: (
            f"Service de l'aide à la jeunesse (SAJ) — rapport au CPAS\nDossier SAJ {roll}\n\n"
            f"Concerne : {kid}, enfant de {c.name(a, True, 'full')}.\n"
            f"Déléguée : {tp(c, s, 'agent')}. École : {kb['school']} (titulaire : "
            f"{tp(c, s, 'teacher', 'title')}).\n"
            f"Absences injustifiées depuis le {c.when()}. La maman/le papa est d'accord avec "
            f"un accompagnement ; le père/la mère, {tp(c, s, 'ex_partner')}, vit à "
            f"{kb['saint']} et n'a plus de contact. Psychologue : {tp(c, s, 'psychologist')}.\n"
            f"Demande au CPAS : prise en charge des frais scolaires ({c.amount(120, 600)} €).\n"),
        "nl": lambda: (
            f"Jeugdrechtbank / sociale dienst jeugdrechtbank — verslag aan OCMW\nRolnummer "
            f"{roll}\n\n"
            f"Betreft: {kid}, kind van {c.name(a, True, 'full')}.\n"
            f"Consulent: {tp(c, s, 'agent')}. School: {kb['school']} (klastitularis "
            f"{tp(c, s, 'teacher', 'title')}).\n"
            f"Ongewettigde afwezigheden sinds {c.when()}. De andere ouder, "
            f"{tp(c, s, 'ex_partner')}, "
            f"woont in {kb['saint']} en heeft geen contact meer. Psycholoog: "
            f"{tp(c, s, 'psychologist')}.\nVraag aan OCMW: schoolkosten ({c.amount(120, 600)} "
            f"euro).\n"),
        "de": lambda: (
            f"Jugendhilfedienst — Bericht an das ÖSHZ\nAktenzeichen Jugendgericht {roll}\n\n"
            f"Betrifft: {kid}, Kind von {c.name(a, True, 'full')}.\n"
            f"Berater(in): {tp(c, s, 'agent')}. Schule: {kb['school']} (Klassenlehrer(in) "
            f"{tp(c, s, 'teacher', 'title')}).\n"
            f"Unentschuldigte Fehlzeiten seit dem {c.when()}. Der andere Elternteil, "
            f"{tp(c, s, 'ex_partner')}, lebt in "
            f"{c.k(c.pick(['Aachen', 'Malmedy', 'Welkenraedt']), 'municipality')} "
            f"und hat keinen Kontakt mehr. Psychologin: {tp(c, s, 'psychologist')}.\n"
            f"Antrag an das ÖSHZ: Schulkosten ({c.amount(120, 600)} €).\n"),
    }[c.lang]()


def fedasil_transfer(c: Case, s: Story, kb: KeepBits) -> str:
    a = s.applicant
    centre = {"fr": "centre d'accueil de Jumet", "nl": "opvangcentrum Klein-Kasteeltje",
              "de": "Aufnahmezentrum Manderfeld"}[c.lang]
    return {
        "fr": lambda: (
            f"FEDASIL — Fiche de transfert / sortie du {centre}\n\n"
            f"Résident(e) : {c.name(a, True, 'caps')} | né(e) le {c.birth(a)} | n° SP "
            f"{c.rng.randint(8000000, 9999999)} | NISS {niss(c, a)}\n"
            f"Composition : {household_sentence(c, s)}\n"
            f"Statut de réfugié reconnu le {c.when()}. Sortie vers logement : {address(c, s)}.\n"
            f"Assistant(e) social(e) du centre : {tp(c, s, 'agent')} "
            f"({tp_email(c, s.third['agent'])}).\n"
            f"Points d'attention : suivi ({kb['disease']}) par {kb['eponym']} ; interprète "
            f"{tp(c, s, 'colleague', 'first')}. Garantie locative demandée : "
            f"{c.amount(600, 1600)} €.\n"),
        "nl": lambda: (
            f"FEDASIL — Transferfiche / uitstroom {centre}\n\n"
            f"Bewoner: {c.name(a, True, 'caps')} | geboren {c.birth(a)} | OV-nummer "
            f"{c.rng.randint(8000000, 9999999)} | INSZ {niss(c, a)}\n"
            f"Gezin: {household_sentence(c, s)}\n"
            f"Erkend vluchteling sinds {c.when()}. Uitstroom naar woning: {address(c, s)}.\n"
            f"Maatschappelijk assistent centrum: {tp(c, s, 'agent')} "
            f"({tp_email(c, s.third['agent'])}).\n"
            f"Aandachtspunten: opvolging {kb['disease']} in {kb['eponym']}; tolk "
            f"{tp(c, s, 'colleague', 'first')}. Huurwaarborg gevraagd: {c.amount(600, 1600)} "
            f"euro.\n"),
        "de": lambda: (
            f"FEDASIL — Transferblatt / Auszug aus dem {centre}\n\n"
            f"Bewohner(in): {c.name(a, True, 'caps')} | geb. {c.birth(a)} | AS-Nr. "
            f"{c.rng.randint(8000000, 9999999)} | NISS {niss(c, a)}\n"
            f"Haushalt: {household_sentence(c, s)}\n"
            f"Als Flüchtling anerkannt am {c.when()}. Auszug in Wohnung: {address(c, s)}.\n"
            f"Sozialarbeiter(in) des Zentrums: {tp(c, s, 'agent')} "
            f"({tp_email(c, s.third['agent'])}).\n"
            f"Hinweise: Behandlung {kb['disease']} im {kb['eponym']}; Dolmetscher "
            f"{tp(c, s, 'colleague', 'first')}. Mietgarantie beantragt: {c.amount(600, 1600)} "
            f"€.\n"),
    }[c.lang]()


def file_note(c: Case, s: Story, kb: KeepBits) -> str:
    """A short internal note to the file (German 'Aktennotiz', Dutch 'dossiernota')."""
    a = s.applicant
    author = c.name(s.third["colleague"], False, "initials")
    return {
        "fr": lambda: (
            f"NOTE AU DOSSIER {s.ref}\nRédigée par : {author}  |  le {c.when('figures')}\n\n"
            f"Entretien téléphonique avec {tp(c, s, 'employer', 'title')}, employeur de "
            f"{c.name(a, True, 'title')} (article 60 § 7, poste de {kb['job']}). Le contrat se "
            f"termine le {c.when()}. Il/elle signale des absences liées à : {kb['disease']}.\n"
            f"Joignable au {tp_phone(c, 'lu')} (site au Luxembourg). À revoir avec "
            f"{c.name(a, True, 'pet' if a.pet else 'first')} ({phone(c, s)}) "
            f"(dossier {c.name(a, True, 'initials')})\n"),
        "nl": lambda: (
            f"DOSSIERNOTA {s.ref}\nOpgesteld door: {author}  |  {c.when('figures')}\n\n"
            f"Telefoongesprek met {tp(c, s, 'employer', 'title')}, werkgever van "
            f"{c.name(a, True, 'title')} (artikel 60, functie {kb['job']}). Het contract loopt af "
            f"op {c.when()}. Afwezigheden door {kb['disease']}.\nBereikbaar op "
            f"{tp_phone(c, 'nl')}. "
            f"Te bespreken met {c.name(a, True, 'pet' if a.pet else 'first')} ({phone(c, s)}) "
            f"(dossier {c.name(a, True, 'initials')})\n"),
        "de": lambda: (
            f"AKTENNOTIZ {s.ref}\nVerfasst von: {author}  |  {c.when('figures')}\n\n"
            f"Telefonat mit {tp(c, s, 'employer', 'title')}, Arbeitgeber von "
            f"{c.name(a, True, 'title')} (Artikel 60, Stelle als {kb['job']}). Der Vertrag endet "
            f"am "
            f"{c.when()}. Fehlzeiten wegen {kb['disease']}.\nErreichbar unter {tp_phone(c, 'lu')} "
            f"(Betrieb in Luxemburg). Rücksprache mit "
            f"{c.name(a, True, 'pet' if a.pet else 'first')} ({phone(c, s)}) "
            f"(Akte {c.name(a, True, 'initials')})\n"),
    }[c.lang]()


def relative(c: Case, s: Story) -> str:
    """A relative who helps, called by the pet name the family uses when there is one."""
    helper = s.third["neighbour"]
    return c.name(helper, False, "pet" if helper.pet else "full")


def liaison_sheet(c: Case, s: Story, kb: KeepBits) -> str:
    """An internal liaison sheet between the social service and the debt mediation service."""
    a = s.applicant
    rows = {"fr": ["Créancier", "Solde", "Référence"], "nl": ["Schuldeiser", "Saldo", "Referentie"],
            "de": ["Gläubiger", "Saldo", "Referenz"]}[c.lang]
    creditors = [kb["inst"], kb["inst2"], c.k(c.pick(INSTITUTIONS[c.lang]), "institution")]
    table = "\n".join(f"{name:<28}{c.amount(60, 2500):>10}   {c.rng.randint(10000, 99999)}"
                      for name in creditors)
    return {
        "fr": lambda: (
            f"FICHE DE LIAISON — Service social → Médiation de dettes\n"
            f"Usager : {c.name(a, True, 'caps')} ({s.ref}) — tél. {phone(c, s)}\n"
            f"De : {tp(c, s, 'colleague')}  À : {tp(c, s, 'mediator')}\n\n"
            f"{rows[0]:<28}{rows[1]:>10}   {rows[2]}\n{table}\n\n"
            f"Remarque : remboursements via le compte {iban(c, s)} ; prochain RDV le {c.when()}. "
            f"Un proche, "
            f"{relative(c, s)}, "
            f"aide pour les papiers.\n"),
        "nl": lambda: (
            f"VERBINDINGSFICHE — Sociale dienst → Schuldbemiddeling\n"
            f"Cliënt: {c.name(a, True, 'caps')} ({s.ref}) — tel. {phone(c, s)}\n"
            f"Van: {tp(c, s, 'colleague')}  Aan: {tp(c, s, 'mediator')}\n\n"
            f"{rows[0]:<28}{rows[1]:>10}   {rows[2]}\n{table}\n\n"
            f"Opmerking: afbetalingen via rekening {iban(c, s)}; volgende afspraak {c.when()}. "
            f"Familielid "
            f"{relative(c, s)} "
            f"helpt met de papieren.\n"),
        "de": lambda: (
            f"VERBINDUNGSBLATT — Sozialdienst → Schuldnerberatung\n"
            f"Klient(in): {c.name(a, True, 'caps')} ({s.ref}) — Tel. {phone(c, s)}\n"
            f"Von: {tp(c, s, 'colleague')}  An: {tp(c, s, 'mediator')}\n\n"
            f"{rows[0]:<28}{rows[1]:>10}   {rows[2]}\n{table}\n\n"
            f"Bemerkung: Rückzahlungen über Konto {iban(c, s)}; nächster Termin am {c.when()}. "
            f"Ein Verwandter, "
            f"{relative(c, s)}, "
            f"hilft bei den Papieren.\n"),
    }[c.lang]()


def pdf_paste(c: Case, s: Story, kb: KeepBits) -> str:
    """Text copied out of a PDF: hard line ends, a name cut at a line end, a soft hyphen, a
    page footer and header carrying the reference and the surname, a form feed."""
    body = narrative(c, s, kb)
    width = c.rng.randint(62, 80)
    lines = [line for paragraph in body.split("\n")
             for line in (textwrap.wrap(paragraph, width, break_long_words=False,
                                        break_on_hyphens=False) or [""])]
    text = "\n".join(lines)
    names = [e for e in c.redact if e["cat"] == "name" and e["category"] == "name"
             and e["text"] and len(e["text"]) >= 7 and e["text"].isalpha()]
    if names:
        entry = names[0]
        cut = len(entry["text"]) // 2
        broken = f"{entry['text'][:cut]}-\n{entry['text'][cut:]}"
        pattern = re.compile(rf"(?<!\w){re.escape(entry['text'])}(?!\w)")
        if pattern.search(text):
            text = pattern.sub(broken, text, count=1)
            entry.update(text=None, forms=[broken, entry["text"]], category="name_hyphen_break")
    if len(names) > 1 and names[-1] is not names[0] and names[-1]["text"]:
        entry = names[-1]
        cut = len(entry["text"]) // 2
        soft = f"{entry['text'][:cut]}\u00ad{entry['text'][cut:]}"
        pattern = re.compile(rf"(?<!\w){re.escape(entry['text'])}(?!\w)")
        matches = list(pattern.finditer(text))
        if matches:
            last = matches[-1]
            text = text[:last.start()] + soft + text[last.end():]
            entry.update(text=None, forms=[soft, entry["text"]], category="name_soft_hyphen")
    surname = s.applicant.last.upper()
    footer_word = {"fr": "page", "nl": "pagina", "de": "Seite"}[c.lang]
    tokens = [t for t in re.split(r"[\s\-']+", surname)
              if len(t) >= 3 and t.casefold() not in PARTICLES]
    for token in tokens:
        c.r(token, "name", True, "reference_with_name")
    footer = f"{s.ref} – {surname} – {footer_word} 1/2"
    for token in tokens:
        c.r(token, "name", True, "reference_with_name")
    header = f"CPAS/OCMW/ÖSHZ – {s.ref} – {surname}"
    lines = text.split("\n")
    middle = len(lines) // 2
    return "\n".join([*lines[:middle], "", footer, "\f" + header, "", *lines[middle:]]) + "\n"


LAYOUTS = [narrative, pdf_paste, form, email_thread, household_table, allcaps, court_letter,
           notes, police_pv, discharge_letter, energy_dunning, youth_court, fedasil_transfer,
           file_note, liaison_sheet]


# ----------------------------------------------------------------------------------------------
# Checks, dossier, writing
# ----------------------------------------------------------------------------------------------
def dossier_tokens(s: Story) -> set[str]:
    people = [s.applicant, *([s.partner] if s.partner else []), *s.children]
    tokens = {t.casefold() for p in people for t in p.tokens()}
    return tokens | {p.pet.casefold() for p in people if p.pet}


def problems(c: Case, s: Story, text: str) -> list[str]:
    found = []
    for entry in c.redact:
        if not survives(entry, text):
            found.append(f"redact not in text: {entry}")
    own = dossier_tokens(s)
    for entry in c.keep:
        if not _present(entry["text"], text):
            found.append(f"keep not in text: {entry['text']}")
        for value in c.redact:
            if survives(value, entry["text"]):
                found.append(f"keep {entry['text']!r} holds {value['text'] or value['forms']}")
        if any(_present(token, entry["text"]) for token in own):
            found.append(f"keep {entry['text']!r} holds a dossier name")
    for entry in c.redact:
        if entry["cat"] == "name" and not entry["known"] and entry["text"] \
                and entry["text"].casefold() in own:
            found.append(f"third party shares a dossier name: {entry['text']}")
    counted = Counter(e["text"] for e in c.redact
                      if e["category"] in ("name_initials", "name_diminutive"))
    for written, expected in counted.items():
        plain_written = re.escape(written.casefold())
        if len(re.findall(rf"(?<!\w){plain_written}(?!\w)", text.casefold())) != expected:
            found.append(f"initial or nickname also elsewhere: {written}")
    return found


def dossier(s: Story) -> dict:
    def person(p: Person) -> dict:
        data = {"last_name": p.last, "first_names": [p.first],
                "birth_date": "{:04d}-{:02d}-{:02d}".format(*p.birth), "sex": p.sex}
        if p.niss:
            data["niss"] = p.niss
        if p.relation:
            data["relation"] = p.relation
        return data
    return {
        "reference": s.ref, "language": s.lang, "applicant": person(s.applicant),
        "address": {"street": s.street[0], "number": s.number, "box": s.box,
                    "postcode": s.postcode, "city": s.city},
        "household": [person(p) for p in ([s.partner] if s.partner else []) + s.children],
        "contacts": {"phone": s.phone, "email": s.email, "iban": s.iban_number},
    }


def build_case(lang: str, index: int, layout) -> tuple[Story, Case, str]:
    for attempt in range(200):
        rng = random.Random(f"holdout5/{lang}/{index}/{attempt}")
        story = draw_story(rng, lang, layout is fedasil_transfer)
        case = Case(lang, rng)
        kb = KeepBits(case)
        text = layout(case, story, kb)
        if not problems(case, story, text):
            return story, case, text
    raise SystemExit(f"no clean draw for {lang} {index} ({layout.__name__}): "
                     f"{problems(case, story, text)[:3]}")


def main() -> None:
    for old in HERE.glob("h5*"):
        old.unlink()
    layouts: dict[str, Counter] = defaultdict(Counter)
    categories: dict[str, Counter] = defaultdict(Counter)
    for lang, size in SIZES.items():
        for index in range(1, size + 1):
            layout = LAYOUTS[(index - 1 + len(lang)) % len(LAYOUTS)]
            story, case, text = build_case(lang, index, layout)
            base = HERE / f"h5{lang}{index:03d}"
            base.with_suffix(".txt").write_text(text, "utf-8")
            base.with_suffix(".json").write_text(
                json.dumps(dossier(story), ensure_ascii=False, indent=1) + "\n", "utf-8")
            load_dossier(base.with_suffix(".json"))
            annotation = {"author": AUTHOR, "layout": layout.__name__,
                          "redact": case.redact, "keep": case.keep}
            (HERE / f"{base.name}.ann.json").write_text(
                json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", "utf-8")
            layouts[layout.__name__][lang] += 1
            for entry in case.redact:
                what = "known" if entry["known"] else "third party"
                categories[f"{what}: {entry['category']}"][lang] += 1
            for entry in case.keep:
                categories[f"keep: {entry['category']}"][lang] += 1
    write_sizes(layouts, categories)


def table(title: str, rows: dict[str, Counter]) -> list[str]:
    langs = list(SIZES)
    lines = [f"| {title} | " + " | ".join(langs) + " | total |",
             "|---|" + "---|" * (len(langs) + 1)]
    for key in sorted(rows):
        counts = [rows[key][lang] for lang in langs]
        lines.append(f"| {key} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
    return lines


def write_sizes(layouts: dict[str, Counter], categories: dict[str, Counter]) -> None:
    readme = HERE / "README.md"
    if not readme.exists():
        return
    sizes = ["<!-- sizes: written by build.py -->",
             "| | fr | nl | de | total |", "|---|---|---|---|---|",
             "| reports | " + " | ".join(str(n) for n in SIZES.values())
             + f" | {sum(SIZES.values())} |", "", "### Layouts", "",
             *table("layout", layouts), "", "### Annotated entries per category", "",
             *table("entry: category", categories), "<!-- end of sizes -->"]
    text = readme.read_text("utf-8")
    text = re.sub(r"<!-- sizes: written by build.py -->.*<!-- end of sizes -->",
                  lambda _: "\n".join(sizes), text, flags=re.S)
    readme.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
