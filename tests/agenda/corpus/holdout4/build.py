# ruff: noqa: E501 -- the phrase banks keep each sentence on one line, as it reads in a report
"""Write the fourth held-out set (holdout4): 40 fr, 28 nl, 28 de reports with dossier and annotation.

Run from the repository root: ``.venv/bin/python tests/agenda/corpus/holdout4/build.py``.
Fixed seed: the files come out the same. Each value is annotated at the moment it is written;
a report is written only when the evaluator's own matching finds every value (see check()).
"""

from __future__ import annotations

import json
import random
import re
import sys
import textwrap
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from stdnum import iban as stdnum_iban
from stdnum.be import nn as stdnum_nn

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))
from agenda.pseudonymise.evaluate import _plain, _present, survives  # noqa: E402

AUTHOR = "holdout4"
SEED = 4044
SIZES = {"fr": 40, "nl": 28, "de": 28}
# A protected space: values keep their spaces whole when a layout wraps lines, and a forced
# line break for a name cut at the end of a PDF line.
NBSP, BREAK = "\x01", "\x02"

# ---------------------------------------------------------------------------- pools
# community → (first name, pet name people use for it, sex)
FIRST = {
    "wal": [("Nathalie", "Natou", "F"), ("Sébastien", "Seb", "M"), ("Véronique", "Véro", "F"),
            ("Frédéric", "Fredo", "M"), ("Isabelle", "Isa", "F"), ("Caroline", "Caro", "F"),
            ("Laurent", "Lolo", "M"), ("Stéphanie", "Steph", "F"), ("Grégory", "Greg", "M"),
            ("Dominique", "Domi", "F"), ("Jacqueline", "Jacquie", "F"), ("Guillaume", "Guigui", "M"),
            ("Anne-Sophie", "Anso", "F"), ("Christophe", "Tof", "M"), ("Bernadette", "Bernie", "F")],
    "vl": [("Annelies", "Lies", "F"), ("Hendrik", "Rik", "M"), ("Johannes", "Hannes", "M"),
           ("Marleen", "Leen", "F"), ("Jozefien", "Fien", "F"), ("Koenraad", "Koen", "M"),
           ("Stefanie", "Steffie", "F"), ("Ludovicus", "Lode", "M"), ("Wilfried", "Fried", "M"),
           ("Godelieve", "Godje", "F"), ("Gertrude", "Trudy", "F"), ("Lambertus", "Bert", "M"),
           ("Elisabeth", "Betje", "F"), ("Wouter", "Wout", "M")],
    "ostb": [("Josef", "Sepp", "M"), ("Gertrud", "Trudi", "F"), ("Margarethe", "Gretel", "F"),
             ("Wilhelm", "Willi", "M"), ("Katharina", "Kathi", "F"), ("Franziska", "Franzi", "F"),
             ("Andreas", "Andi", "M"), ("Susanne", "Susi", "F"), ("Heinrich", "Heini", "M"),
             ("Theresia", "Resi", "F"), ("Reinhold", "Reini", "M"), ("Walburga", "Wally", "F"),
             ("Nikolaus", "Klaus", "M"), ("Bernhard", "Berni", "M")],
    # migrant communities, by origin, so that a family's names go together
    "ma": [("Fatima-Zahra", "Zahra", "F"), ("Abderrahim", "Rahim", "M"), ("Khadija", "Dija", "F"),
           ("Youssef", "Youss", "M"), ("Naoual", "Nawal", "F")],
    "tr": [("Mustafa", "Musti", "M"), ("Hüseyin", "Hüso", "M"), ("Emine", "Emoş", "F"),
           ("Zeynep", "Zeyno", "F")],
    "cd": [("Dieumerci", "Merci", "M"), ("Nsimba", "Simba", "F"), ("Jean-Pierre", "Jipé", "M"),
           ("Godelive", "Godé", "F")],
    "sy": [("Yara", "Yoyo", "F"), ("Mahmoud", "Hamoudeh", "M"), ("Rasha", "Roshi", "F")],
    "af": [("Farid", "Fafa", "M"), ("Zarmina", "Zari", "F"), ("Ahmad Shah", "Shahji", "M")],
    "er": [("Tesfay", "Tesfu", "M"), ("Semhar", "Semi", "F"), ("Yohannes", "Yoni", "M")],
    "pl": [("Agnieszka", "Aga", "F"), ("Krzysztof", "Krzyś", "M"), ("Tomasz", "Tomek", "M")],
    "ro": [("Mihaela", "Miha", "F"), ("Gheorghe", "Gică", "M"), ("Ionuț", "Ionel", "M")],
    "ua": [("Nataliya", "Natasha", "F"), ("Volodymyr", "Volodya", "M"), ("Iryna", "Irusya", "F")],
    "it": [("Francesco", "Ciccio", "M"), ("Concetta", "Tina", "F"), ("Vincenzo", "Enzo", "M")],
    "pt": [("Fernando", "Nando", "M"), ("Conceição", "São", "F"), ("Joaquim", "Quim", "M")],
}
SURNAMES = {
    "wal": ["Gilson", "Collignon", "Lecocq", "Deprez", "Jadot", "Masset", "Wathelet", "Pirard",
            "Hubaut", "Dethier", "Remacle", "Bodart", "Renard", "Lejeune", "Marchal", "Vanderhaegen",
            "Claessens", "Van Campenhout", "Duffaut", "Laffineur"],
    "vl": ["Verhaeghe", "Vercruysse", "Claeys", "Vermeulen", "De Wilde", "Goossens", "Van den Bossche",
           "Declercq", "Vanhoutte", "Dewulf", "Willaert", "Mertens", "Van Steenkiste", "Raffelsberghe"],
    "ostb": ["Kreusch", "Thönnissen", "Radermacher", "Scholzen", "Hennes", "Margraff", "Lentz",
             "Pankert", "Gennen", "Mreyen", "Backes", "Weynand", "Kirschvink", "Hoffmann"],
    "ma": ["El Amrani", "Benali", "Azzouzi", "Bouzidi", "Ouahbi", "Tahiri"],
    "tr": ["Yıldız", "Öztürk", "Çakır", "Korkmaz", "Aksoy"],
    "cd": ["Mbuyi", "Kabeya", "Tshibangu", "Mukendi", "Lukusa"],
    "sy": ["Haddad", "Al-Masri", "Sabbagh", "Kassab"],
    "af": ["Ahmadzai", "Popal", "Noorzai", "Hakimi"],
    "er": ["Tesfamariam", "Ghebremedhin", "Woldegiorgis"],
    "pl": ["Kowalczyk", "Kaczmarek", "Zając"],
    "ro": ["Popescu", "Munteanu", "Stoica"],
    "ua": ["Shevchenko", "Bondarenko", "Tkachenko"],
    "it": ["Esposito", "Di Stefano", "Caruso"],
    "pt": ["Ferreira", "Gonçalves", "Carvalho"],
}
PARTICLES = {"van", "den", "der", "de", "di", "el", "al", "le", "la", "lo", "da", "dos"}
COMMUNITY = {"fr": "wal", "nl": "vl", "de": "ostb"}

# (full street, abbreviated street, distinctive word of the full, of the abbreviated)
STREETS = {
    "fr": [("rue des Glycines", "r. des Glycines", "Glycines", "Glycines"),
           ("avenue Paul Pastur", "av. P. Pastur", "Pastur", "Pastur"),
           ("boulevard Tirou", "bd Tirou", "Tirou", "Tirou"),
           ("rue du Vertbois", "r. du Vertbois", "Vertbois", "Vertbois"),
           ("rue Jules Destrée", "r. J. Destrée", "Destrée", "Destrée"),
           ("allée des Marronniers", "all. des Marronniers", "Marronniers", "Marronniers"),
           ("chaussée de Gilly", "chée de Gilly", "Gilly", "Gilly"),
           ("rue des Hirondelles", "r. des Hirondelles", "Hirondelles", "Hirondelles")],
    "nl": [("Kapelstraat", "Kapelstr.", "Kapelstraat", "Kapelstr"),
           ("Populierenlaan", "Populierenln.", "Populierenlaan", "Populierenln"),
           ("Antwerpsesteenweg", "Antwerpse Stwg.", "Antwerpsesteenweg", "Antwerpse"),
           ("Bredabaan", "Bredabn.", "Bredabaan", "Bredabn"),
           ("Nieuwstraat", "Nieuwstr.", "Nieuwstraat", "Nieuwstr"),
           ("Koningin Astridlaan", "Kon. Astridln.", "Astridlaan", "Astridln")],
    "de": [("Aachener Straße", "Aachener Str.", "Aachener", "Aachener"),
           ("Klosterstraße", "Klosterstr.", "Klosterstraße", "Klosterstr"),
           ("Malmedyer Straße", "Malmedyer Str.", "Malmedyer", "Malmedyer"),
           ("Gospertstraße", "Gospertstr.", "Gospertstraße", "Gospertstr"),
           ("Hisselsgasse", "Hisselsg.", "Hisselsgasse", "Hisselsg"),
           ("Paveestraße", "Paveestr.", "Paveestraße", "Paveestr"),
           ("Bahnhofstraße", "Bahnhofstr.", "Bahnhofstraße", "Bahnhofstr")],
}
TOWNS = {
    "fr": [("6000", "Charleroi"), ("5000", "Namur"), ("4100", "Seraing"), ("7000", "Mons"),
           ("7100", "La Louvière"), ("4800", "Verviers"), ("1030", "Schaerbeek"), ("4040", "Herstal")],
    "nl": [("9000", "Gent"), ("2800", "Mechelen"), ("9300", "Aalst"), ("3600", "Genk"),
           ("8400", "Oostende"), ("8500", "Kortrijk"), ("9600", "Ronse"), ("2300", "Turnhout")],
    "de": [("4700", "Eupen"), ("4780", "St. Vith"), ("4720", "Kelmis"), ("4730", "Raeren"),
           ("4750", "Bütgenbach"), ("4760", "Büllingen"), ("4770", "Amel"), ("4790", "Burg-Reuland"),
           ("4710", "Lontzen")],
}
OTHER_TOWNS = {"fr": ["Liège", "Tournai", "Arlon", "Bastogne", "Wavre", "Huy", "Ixelles"],
               "nl": ["Hasselt", "Leuven", "Lokeren", "Vilvoorde", "Brugge", "Roeselare"],
               "de": ["Malmedy", "Welkenraedt", "Aachen", "Verviers", "Plombières", "Monschau"]}
SAINT_PLACES = {"fr": ["Saint-Ghislain", "Molenbeek-Saint-Jean", "Saint-Josse-ten-Noode",
                       "Braine-l'Alleud", "Saint-Hubert", "Sainte-Ode"],
                "nl": ["Sint-Niklaas", "Sint-Truiden", "Sint-Pieters-Leeuw", "Sint-Katelijne-Waver"],
                "de": ["St. Vith", "Sankt Vith"]}
INSTITUTIONS = {
    "fr": ["ONEM", "CAPAC", "FGTB", "CSC", "Solidaris", "Partenamut", "SPF Finances", "Famiwal",
           "ORES", "Proximus", "La Sambrienne", "SWDE", "Infino", "Forem"],
    "nl": ["RVA", "HVW", "ACV", "ABVV", "Helan", "Fluvius", "Groeipakket", "VDAB", "Telenet",
           "Woonhaven", "De Watergroep", "Kind en Gezin", "FOD Financiën"],
    "de": ["Arbeitsamt", "ADG", "Christliche Krankenkasse", "Nosbau", "Kaleido", "Ostbelgien Familie",
           "Proximus", "Ethias", "FÖD Finanzen", "Hilfskasse für Arbeitslosenunterstützung"],
}
EPONYM_INSTITUTIONS = {
    "fr": ["CHU Ambroise Paré", "Hôpital Erasme", "Institut Jules Bordet", "Hôpital Vésale",
           "Centre hospitalier Jean Titeca", "Hôpital Marie Curie", "Clinique Saint-Joseph"],
    "nl": ["AZ Jan Palfijn", "AZ Maria Middelares", "Jan Yperman Ziekenhuis", "AZ Sint-Jan",
           "AZ Groeninge", "Sint-Trudoziekenhuis"],
    "de": ["St. Nikolaus-Hospital", "Klinik St. Josef", "Uniklinik RWTH Aachen",
           "Marienhospital Aachen"],
}
SCHOOLS = {"fr": ["Athénée royal Vauban", "Institut Saint-Luc", "Lycée Émile Jacqmain",
                  "Athénée Émile Bockstael", "Collège Saint-Julien", "Institut Notre-Dame"],
           "nl": ["Sint-Vincentiusschool", "Sint-Jozefscollege", "Sint-Barbaracollege",
                  "Pater Damiaanschool", "Don Bosco-instituut"],
           "de": ["Robert-Schuman-Institut", "Pater-Damian-Schule", "Maria-Goretti-Schule",
                  "César-Franck-Athenäum", "Bischöfliche Schule St. Vith"]}
DISEASES = {"fr": ["maladie de Crohn", "maladie de Parkinson", "syndrome d'Asperger",
                   "maladie d'Alzheimer", "syndrome de Korsakoff", "lymphome de Hodgkin"],
            "nl": ["ziekte van Crohn", "ziekte van Parkinson", "syndroom van Asperger",
                   "ziekte van Alzheimer", "syndroom van Korsakov"],
            "de": ["Morbus Crohn", "Morbus Bechterew", "Parkinson-Krankheit", "Asperger-Syndrom",
                   "Korsakow-Syndrom", "Morbus Basedow"]}
OCCUPATIONS = {"fr": ["boulanger", "charpentier", "meunier", "maçon", "boucher", "couvreur"],
               "nl": ["bakker", "schilder", "timmerman", "slager", "kuiper", "visser"],
               "de": ["Schreiner", "Bäcker", "Metzger", "Maurer", "Schneider", "Fischer"]}
# words that look like names: holidays, seasons, adjectives people also bear as names
# (each written after "after"/"before" in the report's language)
LOOKALIKES = {"fr": [("les vacances de {}", "Pâques"), ("le congé de {}", "Toussaint"),
                     ("la {}", "Saint-Nicolas"), ("la {}", "Saint-Martin"), ("le {}", "Nouvel An"),
                     ("la fête de {}", "Noël")],
              "nl": [("{}", "Pasen"), ("{}", "Allerheiligen"), ("{}", "Kerstmis"),
                     ("{}", "Sinterklaas"), ("{}", "Pinksteren"), ("de {}", "Lente")],
              "de": [("dem {}", "Sommer"), ("{}", "Weihnachten"), ("{}", "Rosenmontag"),
                     ("dem {}", "Winter"), ("{}", "Ostern"), ("{}", "Pfingsten")]}
LEGAL = {"fr": ["art. 1er de la loi du 8 juillet 1976", "loi du 26 mai 2002",
                "art. 1675/2 du Code judiciaire", "article 57, § 1er de la loi organique",
                "art. 60, § 7 de la loi organique"],
         "nl": ["artikel 60, § 7 van de organieke wet", "wet van 26 mei 2002",
                "art. 1675/2 Ger.W.", "artikel 57 van de OCMW-wet"],
         "de": ["Artikel 60 § 7 des Grundlagengesetzes", "Gesetz vom 26. Mai 2002",
                "Art. 1675/2 des Gerichtsgesetzbuches", "Artikel 57 des ÖSHZ-Gesetzes"]}
MONTHS = {"fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"],
          "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"],
          "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember"]}
DAY_WORDS = {"fr": "premier deux trois quatre cinq six sept huit neuf dix onze douze treize "
                   "quatorze quinze seize dix-sept dix-huit dix-neuf vingt vingt-et-un vingt-deux "
                   "vingt-trois vingt-quatre vingt-cinq vingt-six vingt-sept vingt-huit "
                   "vingt-neuf trente trente-et-un",
             "nl": "één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
                   "vijftien zestien zeventien achttien negentien twintig eenentwintig "
                   "tweeëntwintig drieëntwintig vierentwintig vijfentwintig zesentwintig "
                   "zevenentwintig achtentwintig negenentwintig dertig eenendertig",
             "de": "ersten zweiten dritten vierten fünften sechsten siebten achten neunten "
                   "zehnten elften zwölften dreizehnten vierzehnten fünfzehnten sechzehnten "
                   "siebzehnten achtzehnten neunzehnten zwanzigsten einundzwanzigsten "
                   "zweiundzwanzigsten dreiundzwanzigsten vierundzwanzigsten "
                   "fünfundzwanzigsten sechsundzwanzigsten siebenundzwanzigsten "
                   "achtundzwanzigsten neunundzwanzigsten dreißigsten einunddreißigsten"}
MAIL_DOMAINS = ["gmail.com", "hotmail.com", "outlook.be", "skynet.be", "telenet.be", "gmx.de",
                "yahoo.fr", "proton.me"]
OCR_LETTER = {"0": "O", "1": "l", "5": "S", "8": "B"}
CITY_SERVICE = {"fr": "CPAS", "nl": "OCMW", "de": "ÖSHZ"}


class Redraw(Exception):
    """A draw broke one of the set's rules: draw the report again."""


def ascii_of(text: str) -> str:
    return re.sub(r"[^a-z]", "", _plain(text))


def protect(text: str) -> str:
    return text.replace(" ", NBSP)


class Person:
    def __init__(self, rng, lang, known, role, surname=None, community=None, sex=None):
        local = ["wal", "vl", "ostb"]
        migrant = [c for c in FIRST if c not in local]
        community = community or (rng.choice(migrant) if rng.random() < .4 else COMMUNITY[lang])
        self.community = community
        choices = [f for f in FIRST[community] if sex is None or f[2] == sex]
        self.first, self.pet, self.sex = rng.choice(choices)
        self.last = surname or rng.choice(SURNAMES[community])
        self.known, self.role = known, role
        self.birth = date(rng.randint(1958, 2004), rng.randint(1, 12), rng.randint(1, 28))
        self.niss = make_niss(rng, self.birth, self.sex)

    def tokens(self, part):
        words = re.split(r"[ \-]", self.last if part == "last" else self.first)
        return [w for w in words if len(w) >= 3 and w.casefold() not in PARTICLES]

    def initials(self):
        return f"{self.first[0]}.{self.tokens('last')[0][0]}."


def make_niss(rng, born, sex):
    serial = rng.randrange(1, 997, 2) if sex == "M" else rng.randrange(2, 997, 2)
    body = f"{born:%y%m%d}{serial:03d}"
    base = int(("2" if born.year >= 2000 else "") + body)
    number = body + f"{97 - base % 97:02d}"
    assert stdnum_nn.is_valid(number)
    return number


def make_iban(rng, country):
    while True:  # python-stdnum also knows which Belgian bank codes are given out
        if country == "BE":
            bank = f"{rng.randint(0, 999):03d}{rng.randint(0, 9999999):07d}"
            bban = bank + f"{int(bank) % 97 or 97:02d}"
        else:
            bban = f"{rng.randint(10000000, 99999999)}{rng.randint(0, 9999999999):010d}"
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            return number


class Report:
    """One report being written: the people, the text's values and their annotations."""

    def __init__(self, rng, lang, index):
        self.rng, self.lang, self.index = rng, lang, index
        self.redact, self.keep = [], []
        self.applicant = Person(rng, lang, True, "applicant")
        self.household = []
        if rng.random() < .45:
            partner_sex = "M" if self.applicant.sex == "F" else "F"
            same = rng.random() < .4
            self.household.append(("partner", self.household_member(
                "partner", sex=partner_sex,
                community=self.applicant.community if rng.random() < .75 else None,
                surname=self.applicant.last if same else None)))
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            child = self.household_member("child", surname=self.applicant.last,
                                          community=self.applicant.community)
            child.birth = date(rng.randint(2008, 2023), rng.randint(1, 12), rng.randint(1, 28))
            child.niss = make_niss(rng, child.birth, child.sex)
            self.household.append(("child", child))
        self.town = rng.choice(TOWNS[lang])
        self.street = rng.choice(STREETS[lang])
        self.number = str(rng.randint(1, 180))
        self.box = rng.choice([None, None, str(rng.randint(1, 12))])
        self.reference = f"2026/{rng.randint(40, 2900):04d}"
        self.phone_kind = {"fr": rng.choice(["be", "be", "be", "fr"]),
                           "nl": rng.choice(["be", "nl"]),
                           "de": rng.choice(["be", "de", "de", "lu"])}[lang]
        self.phone_text = self.make_phone(self.phone_kind)
        self.mail = (f"{ascii_of(self.applicant.first)[:4]}{ascii_of(self.applicant.last)}"
                     f"{self.applicant.birth:%y}@{rng.choice(MAIL_DOMAINS)}")
        self.iban_number = make_iban(rng, "DE" if lang == "de" and rng.random() < .25 else "BE")
        self.thirds = {}
        self.used_dates = set()

    def household_member(self, relation, **kwargs):
        """A partner or child whose first name nobody else in the household has."""
        taken = {p.first for p in self.people()}
        for _ in range(30):
            person = Person(self.rng, self.lang, True, relation, **kwargs)
            if person.first not in taken:
                return person
        raise Redraw("household names")

    def people(self):
        return [self.applicant] + [p for _, p in self.household]

    def third(self, role, community=None):
        if role not in self.thirds:
            taken = {t for p in self.people() + list(self.thirds.values())
                     for t in p.tokens("last") + p.tokens("first")}
            for _ in range(50):
                person = Person(self.rng, self.lang, False, role, community=community)
                if not taken & set(person.tokens("last") + person.tokens("first")):
                    break
            else:
                raise Redraw("third")
            self.thirds[role] = person
        return self.thirds[role]

    # -------------------------------------------------------------- annotated values
    def _entry(self, person, text, category, forms=None, cat="name"):
        entry = {"text": text, "cat": cat, "known": person.known, "category": category}
        if forms:
            entry["forms"] = forms
        if not person.known:
            entry["role"] = person.role
        self.redact.append(entry)

    def token(self, person, part, style="plain"):
        """One written name part (first or last), every token annotated."""
        written = person.first if part == "first" else person.last
        tokens = person.tokens(part)
        if style == "caps":
            written = written.upper()
        for token in tokens:
            if style in ("soft", "zw", "break", "spaced") and len(token) >= 5:
                cut = len(token) // 2
                joint = {"soft": "\u00ad", "zw": "\u200b", "break": "-" + BREAK}.get(style)
                new = " ".join(token.upper()) if style == "spaced" else token[:cut] + joint + token[cut:]
                written = written.replace(token, new, 1)
                shown = new.replace(BREAK, "\n")
                category = {"soft": "name_soft_hyphen", "zw": "name_zero_width",
                            "break": "name_hyphen_break", "spaced": "name_spaced"}[style]
                self._entry(person, token, category, [shown, token])
                continue
            if style == "lig" and re.search("ff|fi|fl", token):
                new = token.replace("ffi", "\ufb03").replace("ff", "\ufb00").replace(
                    "fi", "\ufb01").replace("fl", "\ufb02")
                written = written.replace(token, new, 1)
                self._entry(person, token, "name_ligature")
                continue
            self._entry(person, token.upper() if style == "caps" else token,
                        "name_allcaps" if style == "caps" else "name")
        return protect(written)

    def name(self, person, order="fl", style="plain"):
        if order == "fl":
            return self.token(person, "first", style) + " " + self.token(person, "last", style)
        if order == "LF":
            return self.token(person, "last", "caps") + " " + self.token(person, "first", style)
        return self.token(person, "last", style)

    def pet(self, person):
        self._entry(person, person.pet, "name_diminutive")
        return person.pet

    def initials(self, person):
        self._entry(person, person.initials(), "name_initials")
        return person.initials()

    def titled(self, person, style="plain", dative=False):
        title = {"fr": {"F": "Madame", "M": "Monsieur"}, "nl": {"F": "mevrouw", "M": "de heer"},
                 "de": {"F": "Frau", "M": "Herrn" if dative else "Herr"}}[self.lang][person.sex]
        return f"{title} {self.name(person, 'l', style)}"

    def ref_with_name(self):
        surname = self.applicant.tokens("last")[-1]
        self._entry(self.applicant, surname.upper(), "reference_with_name")
        return f"{self.reference}/{surname.upper()}"

    def birth(self, person, style="figures"):
        born = person.birth
        month = MONTHS[self.lang][born.month - 1]
        if style == "figures":
            written = self.rng.choice([f"{born:%d/%m/%Y}", f"{born:%d.%m.%Y}"])
            forms, category = [written], "birth_date"
        elif style == "letters":
            dot = "." if self.lang == "de" else ""
            day = f"{born.day}{dot} {month}"
            written, forms, category = f"{day} {born.year}", [f"{day} {born.year}", day], "birth_date"
        else:
            words = DAY_WORDS[self.lang].split()[born.day - 1]
            if self.lang == "fr" and born.day == 1:
                words = "premier"
            day = f"{born.day}{'.' if self.lang == 'de' else ''} {month}"
            written = f"{words} {month} {born.year}"
            forms, category = [written, f"{words} {month}", day], "birth_date_words"
        self.redact.append({"text": None, "cat": "birth_date", "known": person.known,
                            "category": category, "forms": forms})
        return protect(written)

    def niss(self, person, style="dots"):
        n = person.niss
        written = {"dots": f"{n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}", "bare": n,
                   "spaces": f"{n[:6]} {n[6:9]} {n[9:]}"}[style if style != "ocr" else "dots"]
        if style == "ocr":
            spots = [i for i, c in enumerate(written) if c in OCR_LETTER]
            spot = self.rng.choice(spots)
            corrected = written
            written = written[:spot] + OCR_LETTER[written[spot]] + written[spot + 1:]
            self.redact.append({"text": None, "cat": "niss", "known": person.known,
                                "category": "niss_ocr", "forms": [written, corrected, n]})
        else:
            self.redact.append({"text": written, "cat": "niss", "known": person.known,
                                "category": "niss", "digits": True})
        return protect(written)

    def iban_of(self, number, known, ocr=False, role=None):
        written = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
        entry = {"cat": "iban", "known": known}
        if role:
            entry["role"] = role
        if ocr:
            spots = [i for i, c in enumerate(written) if i > 3 and c in OCR_LETTER]
            spot = self.rng.choice(spots)
            corrected = written
            written = written[:spot] + OCR_LETTER[written[spot]] + written[spot + 1:]
            entry.update(text=None, category="iban_ocr", forms=[written, corrected, number])
        else:
            entry.update(text=written, category="iban", digits=True)
        self.redact.append(entry)
        return protect(written)

    def iban(self, ocr=False):
        return self.iban_of(self.iban_number, True, ocr)

    def make_phone(self, kind):
        r = self.rng
        digits = [r.randint(0, 9) for _ in range(8)]
        d = "".join(map(str, digits))
        if kind == "be":
            prefix = r.choice(["470", "475", "477", "486", "493", "497"])
            return r.choice([f"0{prefix} {d[:2]} {d[2:4]} {d[4:6]}", f"0{prefix}/{d[:2]}.{d[2:4]}.{d[4:6]}",
                             f"+32 {prefix} {d[:2]} {d[2:4]} {d[4:6]}"])
        if kind == "fixed_de":
            return r.choice([f"087 {d[:2]} {d[2:4]} {d[4:6]}", f"080/{d[:2]}.{d[2:4]}.{d[4:6]}"])
        if kind == "nl":
            return r.choice([f"+31 6 {d[:4]} {d[4:]}", f"06-{d}"])
        if kind == "de":
            return r.choice([f"+49 151 {d}", f"0175 {d[:3]} {d[3:]}", f"0241 {d[:6]}"])
        if kind == "fr":
            return r.choice([f"+33 6 {d[:2]} {d[2:4]} {d[4:6]} {d[6:]}", f"06 {d[:2]} {d[2:4]} {d[4:6]} {d[6:]}"])
        return f"+352 621 {d[:3]} {d[3:6]}"

    def phone(self, person=None, kind=None):
        if person is None:
            written, kind, known, role = self.phone_text, self.phone_kind, True, None
        else:
            kind = kind or {"fr": "be", "nl": "be", "de": self.rng.choice(["be", "de", "fixed_de"])}[self.lang]
            written, known, role = self.make_phone(kind), False, person.role
        category = {"be": "phone", "fixed_de": "phone"}.get(kind, f"phone_{kind}")
        entry = {"text": written, "cat": "phone", "known": known, "category": category,
                 "digits": True}
        if role:
            entry["role"] = role
        self.redact.append(entry)
        return protect(written)

    def email(self, person=None, obfuscated=False, domain=None):
        if person is None:
            address, known, role = self.mail, True, None
        else:
            address = f"{ascii_of(person.first)[0]}{ascii_of(person.last)}@{domain or self.rng.choice(MAIL_DOMAINS)}"
            known, role = False, person.role
        entry = {"cat": "email", "known": known}
        if role:
            entry["role"] = role
        if obfuscated:
            local, host = address.split("@")
            written = f"{local} [at] {host.replace('.', ' [point] ' if self.lang == 'fr' else ' [punt] ' if self.lang == 'nl' else ' [punkt] ')}"
            entry.update(text=local, category="email_obfuscated")
        else:
            written = address
            entry.update(text=address, category="email")
        self.redact.append(entry)
        return protect(written)

    def address(self, abbreviated=False, with_town=True):
        full, short, word, short_word = self.street
        street = short if abbreviated else full
        self.redact.append({"text": short_word if abbreviated else word, "cat": "address",
                            "known": True, "category": "address_abbrev" if abbreviated else "address"})
        box = {"fr": " bte ", "nl": " bus ", "de": "/"}[self.lang] + self.box if self.box else ""
        written = f"{street} {self.number}{box}"
        if with_town:
            written += f", {self.town[0]} {self.town[1]}"
        return protect(written)

    def plate(self):
        r = self.rng
        letters = "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
        written = r.choice([f"{r.randint(1, 2)}-{letters}-{r.randint(100, 999)}",
                            f"AC-{letters[:2]} {r.randint(10, 9999)}"]
                           if self.lang == "de" else [f"{r.randint(1, 2)}-{letters}-{r.randint(100, 999)}"])
        self.redact.append({"text": written, "cat": "plate", "known": False, "category": "plate"})
        return protect(written)

    def roll(self):
        r = self.rng
        written = r.choice([f"26/{r.randint(100, 4999)}/{r.choice('ABC')}", f"26{r.choice('AB')}{r.randint(100, 4999)}",
                            f"2026/AR/{r.randint(100, 4999)}"])
        self.redact.append({"text": written, "cat": "court_roll", "known": False,
                            "category": "court_roll"})
        return protect(written)

    # ------------------------------------------------------------------ kept values
    def K(self, text, category, cat=None):
        cat = cat or {"amount": "amount", "procedure_date": "date", "legal": "legal",
                      "municipality": "municipality", "place_saint": "municipality",
                      "institution": "institution", "institution_eponym": "institution",
                      "disease_eponym": "medical", "occupation_surname": "occupation",
                      "word_lookalike": "word"}[category]
        self.keep.append({"text": text, "cat": cat, "category": category})
        return protect(text)

    def amount(self, low=40, high=2400):
        value = self.rng.randint(low * 100, high * 100) / 100
        figure = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        self.K(figure, "amount")
        return protect({"fr": f"{figure} €", "nl": f"€ {figure}", "de": f"{figure} €"}[self.lang]
                       if self.rng.random() < .7 else f"{figure} EUR")

    def when(self, style=None):
        for _ in range(40):
            day = date(2025, 9, 1) + timedelta(days=self.rng.randint(0, 240))
            if (day.month, day.day) not in {(p.birth.month, p.birth.day) for p in self.people()} \
                    and day not in self.used_dates:
                break
        self.used_dates.add(day)
        style = style or self.rng.choice(["letters", "figures"])
        if style == "figures":
            return self.K(f"{day:%d/%m/%Y}" if self.lang != "de" else f"{day:%d.%m.%Y}", "procedure_date")
        month = MONTHS[self.lang][day.month - 1]
        return self.K(f"{day.day}{'.' if self.lang == 'de' else ''} {month} {day.year}", "procedure_date")

    def pick(self, category):
        bank = {"municipality": OTHER_TOWNS, "place_saint": SAINT_PLACES, "institution": INSTITUTIONS,
                "institution_eponym": EPONYM_INSTITUTIONS, "school": SCHOOLS, "disease_eponym": DISEASES,
                "occupation_surname": OCCUPATIONS, "legal": LEGAL}[category][self.lang]
        return self.K(self.rng.choice([b for b in bank if b != self.town[1]]),
                      "institution_eponym" if category == "school" else category)

    def lookalike(self):
        frame, word = self.rng.choice(LOOKALIKES[self.lang])
        self.K(word, "word_lookalike")
        return protect(frame.format(word))

    def service(self):
        return f"{CITY_SERVICE[self.lang]} {self.town[1]}"


# ---------------------------------------------------------------------------- phrase banks
def situation(r: Report) -> list[str]:
    """Two to four sentences about the household's situation, in the report's language."""
    a, rng = r.applicant, r.rng
    landlord, former = r.third("landlord"), r.third("ex-partner")
    sentences = {
        "fr": lambda: [
            f"{r.titled(a)} est arrivé{'e' if a.sex == 'F' else ''} à {r.pick('municipality')} il y a quatre ans et perçoit le revenu d'intégration depuis le {r.when()}.",
            f"Le bailleur, {r.titled(landlord)}, réclame {r.amount(300, 3000)} d'arriérés de loyer et veut récupérer le logement après {r.lookalike()}.",
            f"{r.token(a, 'first')} est suivi{'e' if a.sex == 'F' else ''} pour une {r.pick('disease_eponym')} (établissement : {r.pick('institution_eponym')}).",
            f"Son ancien employeur, une entreprise de construction, l'avait engagé{'e' if a.sex == 'F' else ''} comme aide-{r.pick('occupation_surname')} jusqu'au {r.when()}.",
            f"L'ex-conjoint{'e' if former.sex == 'F' else ''}, {r.name(former, 'fl')}, ne verse plus la part contributive de {r.amount(80, 400)} depuis {r.when()}.",
            f"Le dossier chômage est bloqué (organisme : {r.pick('institution')}) ; une aide est demandée sur base de l'{r.pick('legal')}.",
        ],
        "nl": lambda: [
            f"{r.titled(a)[0].upper()}{r.titled(a)[1:]} woont sinds vier jaar in {r.pick('municipality')} en ontvangt een leefloon sinds {r.when()}.",
            f"De verhuurder, {r.titled(landlord)}, vordert {r.amount(300, 3000)} achterstallige huur en wil de woning terug na {r.lookalike()}.",
            f"{r.token(a, 'first')} wordt opgevolgd in {r.pick('institution_eponym')} voor de {r.pick('disease_eponym')}.",
            f"Tot {r.when()} werkte {'zij' if a.sex == 'F' else 'hij'} als {r.pick('occupation_surname')} via een interimkantoor.",
            f"De ex-partner, {r.name(former, 'fl')}, betaalt sinds {r.when()} het onderhoudsgeld van {r.amount(80, 400)} niet meer.",
            f"Het dossier bij {r.pick('institution')} is nog niet afgerond; steun wordt gevraagd op basis van {r.pick('legal')}.",
        ],
        "de": lambda: [
            f"{r.titled(a)} lebt seit vier Jahren in {r.pick('municipality')} und bezieht seit dem {r.when()} das Eingliederungseinkommen.",
            f"Vermieter{'in' if landlord.sex == 'F' else ''} {r.titled(landlord)} fordert {r.amount(300, 3000)} Mietrückstand; die Wohnung soll vor {r.lookalike()} geräumt werden.",
            f"{r.token(a, 'first')} wird wegen {r.pick('disease_eponym')} behandelt ({r.pick('institution_eponym')}).",
            f"Bis zum {r.when()} war {'sie' if a.sex == 'F' else 'er'} als {r.pick('occupation_surname')} in einem Betrieb in {r.pick('municipality')} beschäftigt.",
            f"{'Die frühere Partnerin' if former.sex == 'F' else 'Der frühere Partner'}, {r.name(former, 'fl')}, zahlt seit dem {r.when()} den Unterhalt von {r.amount(80, 400)} nicht mehr.",
            f"Die Akte ({r.pick('institution')}) ist offen; eine Hilfe wird gemäß {r.pick('legal')} beantragt.",
        ],
    }
    # every sentence was built (and annotated) above, so all are used; the order varies
    chosen = sentences[r.lang]()
    rng.shuffle(chosen)
    return chosen


def family_line(r: Report, style="plain") -> str:
    parts = []
    for relation, person in r.household:
        label = {"fr": {"partner": "compagnon" if person.sex == "M" else "compagne", "child": "enfant"},
                 "nl": {"partner": "partner", "child": "kind"},
                 "de": {"partner": "Lebensgefährte" if person.sex == "M" else "Lebensgefährtin",
                        "child": "Kind"}}[r.lang][relation]
        parts.append(f"{r.name(person, 'fl', style)} ({label}, {r.birth(person)})")
    if not parts:
        return {"fr": "Personne isolée.", "nl": "Alleenstaande.", "de": "Alleinstehend."}[r.lang]
    return {"fr": "Ménage : ", "nl": "Gezin: ", "de": "Haushalt: "}[r.lang] + "; ".join(parts) + "."


def proposal(r: Report) -> str:
    return {"fr": lambda: f"Proposition : accorder une aide de {r.amount(100, 1500)} à partir du {r.when()}.",
            "nl": lambda: f"Voorstel: een steun van {r.amount(100, 1500)} toekennen vanaf {r.when()}.",
            "de": lambda: f"Vorschlag: eine Hilfe von {r.amount(100, 1500)} ab dem {r.when()} gewähren."}[r.lang]()


def identity_block(r: Report, spaced=False) -> list[str]:
    a = r.applicant
    labels = {"fr": ["Nom", "Né(e) le", "NISS", "Adresse", "GSM", "Courriel", "Compte"],
              "nl": ["Naam", "Geboren op", "Rijksregisternr.", "Adres", "Gsm", "E-mail", "Rekening"],
              "de": ["Name", "Geboren am", "NISS", "Anschrift", "Handy", "E-Mail", "Konto"]}[r.lang]
    values = [r.token(a, "last", "spaced") + " " + r.token(a, "first") if spaced else r.name(a, "LF"), r.birth(a, r.rng.choice(["figures", "letters"])),
              r.niss(a, r.rng.choice(["dots", "bare", "spaces", "ocr"])),
              r.address(r.rng.random() < .5), r.phone(), r.email(), r.iban(r.rng.random() < .2)]
    return [f"{label}: {value}" for label, value in zip(labels, values, strict=True)]


# ---------------------------------------------------------------------------- layouts
def narrative(r):
    title = {"fr": "RAPPORT SOCIAL", "nl": "SOCIAAL VERSLAG", "de": "SOZIALBERICHT"}[r.lang]
    return "\n\n".join([f"{title} — {r.service()} — {r.ref_with_name()}",
                        "\n".join(identity_block(r)), family_line(r), " ".join(situation(r)), proposal(r)])


def wrap_pdf(paragraphs, width):
    lines = []
    for paragraph in paragraphs:
        for piece in paragraph.split(BREAK):
            lines += textwrap.wrap(piece, width, break_on_hyphens=False) or [""]
        lines.append("")
    return lines


def pdf_paste(r):
    a = r.applicant
    header = {"fr": lambda: f"{r.service()} – Service social – Réf. {r.reference}",
              "nl": lambda: f"{r.service()} – Sociale dienst – Ref. {r.reference}",
              "de": lambda: f"{r.service()} – Sozialdienst – Akte {r.reference}"}[r.lang]()
    identity = identity_block(r)
    paras = [family_line(r)]
    body = situation(r)
    cut = {"fr": lambda: f"Lors de l'entretien, {r.titled(a, 'break')} explique sa situation.",
           "nl": lambda: f"Tijdens het gesprek legt {r.titled(a, 'break')} de situatie uit.",
           "de": lambda: f"Im Gespräch schildert {r.titled(a, 'break')} die Lage."}[r.lang]()
    lig = r.third("doctor")
    doc = {"fr": lambda: f"Certificat du Dr {r.name(lig, 'fl', 'lig')} joint.",
           "nl": lambda: f"Attest van dr. {r.name(lig, 'fl', 'lig')} bijgevoegd.",
           "de": lambda: f"Attest von Dr. {r.name(lig, 'fl', 'lig')} liegt bei."}[r.lang]()
    width = r.rng.randint(62, 80)
    first = wrap_pdf([*paras, cut, *body[:2]], width)
    second = wrap_pdf([*body[2:], doc, proposal(r)], width)
    return "\n".join([header, "", *identity, "", *first, f"page 1/2 — {r.reference}", "\x0c" + header, "", *second, f"page 2/2 — {r.reference}"])


def form(r):
    rows = identity_block(r, spaced=True)
    sep = r.rng.choice([": ", "\t", " ........ "])
    rows = [row.replace(": ", sep, 1) for row in rows]
    extra = {"fr": ["Situation familiale", "Revenus", "Organisme payeur", "Commune d'origine"],
             "nl": ["Gezinssituatie", "Inkomen", "Uitbetalingsinstelling", "Vorige gemeente"],
             "de": ["Familienstand", "Einkommen", "Zahlstelle", "Frühere Gemeinde"]}[r.lang]
    rows += [f"{extra[0]}{sep}{family_line(r)}", f"{extra[1]}{sep}{r.amount(600, 1800)}",
             f"{extra[2]}{sep}{r.pick('institution')}", f"{extra[3]}{sep}{r.pick('place_saint')}"]
    return "\n".join([*rows, "", " ".join(situation(r)), proposal(r)])


def email_thread(r):
    a, landlord = r.applicant, r.third("landlord")
    subj = {"fr": "Objet", "nl": "Onderwerp", "de": "Betreff"}[r.lang]
    lines = [f"De/Van/Von: {r.service().lower().replace(' ', '.')}@publilink.be",
             f"{subj}: RE: {r.initials(a)} – {r.reference}", "",
             {"fr": lambda: f"Bonjour {r.titled(landlord)},", "nl": lambda: f"Geachte {r.titled(landlord)},",
              "de": lambda: f"Sehr geehrte{'r' if landlord.sex == 'M' else ''} {r.titled(landlord)},"}[r.lang](),
             {"fr": lambda: f"Nous avons bien reçu votre courriel du {r.when()} concernant {r.titled(a)}.",
              "nl": lambda: f"Wij ontvingen uw mail van {r.when()} over {r.titled(a)}.",
              "de": lambda: f"Wir haben Ihre Mail vom {r.when()} zu {r.titled(a)} erhalten."}[r.lang](),
             {"fr": lambda: f"Le {CITY_SERVICE['fr']} prendra en charge {r.amount(200, 1200)} sur base de l'{r.pick('legal')}.",
              "nl": lambda: f"Het OCMW neemt {r.amount(200, 1200)} ten laste op basis van {r.pick('legal')}.",
              "de": lambda: f"Das ÖSHZ übernimmt {r.amount(200, 1200)} gemäß {r.pick('legal')}."}[r.lang](), "",
             f"> {r.when()}, {r.name(landlord, 'fl')} <{r.email(landlord, domain='immo-gestion.be')}>:",
             {"fr": lambda: f"> Votre locataire {r.name(a, 'l', 'caps')} n'a plus payé depuis trois mois.",
              "nl": lambda: f"> Uw cliënt {r.name(a, 'l', 'caps')} heeft al drie maanden niet betaald.",
              "de": lambda: f"> Ihr Klient {r.name(a, 'l', 'caps')} hat seit drei Monaten nicht bezahlt."}[r.lang](),
             {"fr": lambda: f"> Merci de verser sur {r.iban_of(make_iban(r.rng, 'BE'), False, role='landlord')}.",
              "nl": lambda: f"> Gelieve te storten op {r.iban_of(make_iban(r.rng, 'BE'), False, role='landlord')}.",
              "de": lambda: f"> Bitte überweisen Sie auf {r.iban_of(make_iban(r.rng, 'DE'), False, role='landlord')}."}[r.lang](),
             f"> {r.name(landlord, 'fl')}", f"> {r.phone(landlord)}"]
    return "\n".join(lines)


def household_table(r):
    sep = r.rng.choice([" | ", ";", "\t"])
    head = {"fr": ["Nom", "Prénom", "Lien", "Naissance", "NISS"],
            "nl": ["Naam", "Voornaam", "Band", "Geboorte", "INSZ"],
            "de": ["Name", "Vorname", "Bezug", "Geburt", "NISS"]}[r.lang]
    rows = [sep.join(head)]
    for relation, person in [("applicant", r.applicant), *r.household]:
        label = {"fr": {"applicant": "demandeur", "partner": "partenaire", "child": "enfant"},
                 "nl": {"applicant": "aanvrager", "partner": "partner", "child": "kind"},
                 "de": {"applicant": "Antragsteller", "partner": "Partner", "child": "Kind"}}[r.lang][relation]
        first_style = "soft" if relation != "applicant" and r.rng.random() < .4 else "plain"
        rows.append(sep.join([r.token(person, "last", "caps"), r.token(person, "first", first_style), label,
                              r.birth(person), r.niss(person, "bare")]))
    return "\n".join([f"{r.service()} — {r.reference}", "", *rows, "", " ".join(situation(r)), proposal(r)])


def allcaps(r):
    a = r.applicant
    caps = {"fr": lambda: f"OBJET : DEMANDE D'AIDE DE {r.name(a, 'fl', 'caps')} DOMICILIÉ{'E' if a.sex == 'F' else ''} À {r.town[1].upper()}.",
            "nl": lambda: f"BETREFT: AANVRAAG VAN {r.name(a, 'fl', 'caps')}, WONENDE TE {r.town[1].upper()}.",
            "de": lambda: f"BETREFF: ANTRAG VON {r.name(a, 'fl', 'caps')}, WOHNHAFT IN {r.town[1].upper()}."}[r.lang]()
    return "\n\n".join([caps, "\n".join(identity_block(r)), family_line(r),
                        " ".join(situation(r)), proposal(r)])


def court_letter(r):
    a, bailiff, judge = r.applicant, r.third("bailiff"), r.third("judge")
    text = {
        "fr": lambda: [f"Justice de paix du canton de {r.pick('municipality')} — R.G. {r.roll()}",
               f"Citation signifiée le {r.when()} par Me {r.name(bailiff, 'fl', 'soft')}, huissier de justice, à {r.titled(a, 'caps')}, né{'e' if a.sex == 'F' else ''} le {r.birth(a, 'words')}.",
               f"Le juge {r.name(judge, 'l')} a prononcé un jugement par défaut ; saisie du véhicule {r.plate()}.",
               f"Règlement collectif de dettes (rôle {r.roll()}), {r.pick('legal')} ; solde : {r.amount(800, 9000)}."],
        "nl": lambda: [f"Vredegerecht van het kanton {r.pick('municipality')} — A.R. {r.roll()}",
               f"Dagvaarding betekend op {r.when()} door gerechtsdeurwaarder {r.name(bailiff, 'fl', 'soft')} aan {r.titled(a, 'caps')}, geboren op {r.birth(a, 'words')}.",
               f"Rechter {r.name(judge, 'l')} deed uitspraak bij verstek; beslag op het voertuig {r.plate()}.",
               f"Collectieve schuldenregeling (rolnummer {r.roll()}), {r.pick('legal')}; saldo: {r.amount(800, 9000)}."],
        "de": lambda: [f"Friedensgericht des Kantons {r.pick('municipality')} — Roll. {r.roll()}",
               f"Ladung am {r.when()} durch Gerichtsvollzieher {r.name(bailiff, 'fl', 'soft')} an {r.titled(a, 'caps')}, geboren am {r.birth(a, 'words')}.",
               f"Richter {r.name(judge, 'l')} erließ ein Versäumnisurteil; Pfändung des Fahrzeugs {r.plate()}.",
               f"Kollektive Schuldenregelung (Roll {r.roll()}), {r.pick('legal')}; Restbetrag: {r.amount(800, 9000)}."],
    }[r.lang]()
    return "\n\n".join([*text, family_line(r), proposal(r)])


def notes(r):
    a, neighbour = r.applicant, r.third("neighbour")
    entries = {
        "fr": lambda: [f"{r.when('figures')} – VD avec {r.initials(a)} ; {r.pet(a)} montre les factures {r.pick('institution')}.",
               f"{r.when('figures')} – tél. de la voisine, Mme {r.name(neighbour, 'l', 'zw')} ({r.phone(neighbour)}) : {r.pet(a)} n'ouvre plus.",
               f"{r.when('figures')} – mail reçu de {r.email(obfuscated=True)} ; RDV fixé.",
               f"{r.when('figures')} – {r.initials(a)} signe le PIIS ; montant {r.amount(100, 900)}."],
        "nl": lambda: [f"{r.when('figures')} – HB bij {r.initials(a)}; {r.pet(a)} toont de facturen van {r.pick('institution')}.",
               f"{r.when('figures')} – tel. buurvrouw {r.name(neighbour, 'l', 'zw')} ({r.phone(neighbour)}): {r.pet(a)} doet niet meer open.",
               f"{r.when('figures')} – mail van {r.email(obfuscated=True)}; afspraak gemaakt.",
               f"{r.when('figures')} – {r.initials(a)} tekent het GPMI; bedrag {r.amount(100, 900)}."],
        "de": lambda: [f"{r.when('figures')} – HB bei {r.initials(a)}; {r.pet(a)} zeigt die Rechnungen der {r.pick('institution')}.",
               f"{r.when('figures')} – Anruf der Nachbarin Frau {r.name(neighbour, 'l', 'zw')} ({r.phone(neighbour)}): {r.pet(a)} öffnet nicht mehr.",
               f"{r.when('figures')} – Mail von {r.email(obfuscated=True)}; Termin vereinbart.",
               f"{r.when('figures')} – {r.initials(a)} unterschreibt das PSIP; Betrag {r.amount(100, 900)}."],
    }[r.lang]()
    return "\n".join([f"{r.service()} — {r.ref_with_name()}", "", *entries, "", family_line(r)])


# ------------------------------------------------------------- layouts of this set's own
def housing_arrears(r):
    """A social housing company's arrears letter, forwarded to the CPAS."""
    a, clerk = r.applicant, r.third("housing officer")
    company = r.K({"fr": "La Sambrienne", "nl": "Woonhaven", "de": "Nosbau"}[r.lang], "institution")
    rows = [(r.when("figures"), r.amount(350, 700)) for _ in range(3)]
    table = "\n".join(f"  {d}    {m}" for d, m in rows)
    text = {
        "fr": lambda: [f"{company} — Service contentieux", f"Locataire : {r.name(a, 'LF')} — contrat n° L-{r.rng.randint(1000, 9999)}",
               f"Logement : {r.address(True)}", "", "Madame, Monsieur,",
               f"Sauf erreur, les loyers suivants restent impayés :\n{table}",
               f"Sans paiement sur le compte de la société avant le {r.when()}, nous saisirons le juge de paix de {r.pick('municipality')}.",
               f"Votre gestionnaire, {r.name(clerk, 'fl')}, reste joignable au {r.phone(clerk)}.",
               f"Copie : {r.service()}, assistante sociale de {r.pet(a)}."],
        "nl": lambda: [f"{company} — dienst huurachterstallen", f"Huurder: {r.name(a, 'LF')} — contract nr. H-{r.rng.randint(1000, 9999)}",
               f"Woning: {r.address(True)}", "", "Geachte,",
               f"Volgende huurgelden staan nog open:\n{table}",
               f"Zonder betaling vóór {r.when()} dagvaarden wij u voor de vrederechter van {r.pick('municipality')}.",
               f"Uw dossierbeheerder, {r.name(clerk, 'fl')}, is bereikbaar op {r.phone(clerk)}.",
               f"Kopie: {r.service()}, maatschappelijk werker van {r.pet(a)}."],
        "de": lambda: [f"{company} — Mietrückstände", f"Mieter: {r.name(a, 'LF')} — Vertrag Nr. M-{r.rng.randint(1000, 9999)}",
               f"Wohnung: {r.address(True)}", "", "Sehr geehrte Damen und Herren,",
               f"folgende Mieten sind noch offen:\n{table}",
               f"Ohne Zahlung bis zum {r.when()} rufen wir das Friedensgericht {r.pick('municipality')} an.",
               f"Ihre Sachbearbeiterin, {r.name(clerk, 'fl')}, erreichen Sie unter {r.phone(clerk)}.",
               f"Kopie: {r.service()}, Sozialarbeiterin von {r.pet(a)}."],
    }[r.lang]()
    return "\n".join(text)


def school_attendance(r):
    """A school's letter about a child's absences, pasted into the report."""
    a = r.applicant
    children = [p for rel, p in r.household if rel == "child"]
    if not children:
        child = r.household_member("child", surname=a.last, community=a.community)
        child.birth = date(r.rng.randint(2010, 2019), r.rng.randint(1, 12), r.rng.randint(1, 28))
        child.niss = make_niss(r.rng, child.birth, child.sex)
        r.household.append(("child", child))
        children = [child]
    child, teacher, head = children[0], r.third("teacher"), r.third("head teacher")
    school = r.pick("school")
    text = {
        "fr": lambda: [f"{school} — Direction", f"Concerne : {r.name(child, 'fl')}, classe de 4e, né{'e' if child.sex == 'F' else ''} le {r.birth(child, 'letters')}",
               f"Depuis le {r.when()}, {r.token(child, 'first')} compte 14 demi-jours d'absence injustifiée.",
               f"Sa titulaire, Mme {r.name(teacher, 'l')}, signale qu'{'elle' if child.sex == 'F' else 'il'} arrive sans repas. Les vacances de {r.K('Carnaval', 'word_lookalike')} approchent.",
               f"Conformément au décret, nous avons informé le service compétent. {r.name(head, 'fl')}, directeur/trice.",
               "", f"Note de l'AS : le parent de {r.pet(child)} travaille la nuit comme {r.pick('occupation_surname')}.", proposal(r)],
        "nl": lambda: [f"{school} — Directie", f"Betreft: {r.name(child, 'fl')}, 4de leerjaar, geboren op {r.birth(child, 'letters')}",
               f"Sinds {r.when()} telt {r.token(child, 'first')} 14 halve dagen problematische afwezigheid.",
               f"Klastitularis {r.name(teacher, 'fl')} meldt dat het kind zonder boterhammen komt. De {r.K('krokusvakantie', 'word_lookalike')} nadert.",
               f"Wij hebben het CLB verwittigd. {r.name(head, 'fl')}, directie.",
               "", f"Nota MW: de ouder van {r.pet(child)} werkt 's nachts als {r.pick('occupation_surname')}.", proposal(r)],
        "de": lambda: [f"{school} — Schulleitung", f"Betrifft: {r.name(child, 'fl')}, 4. Schuljahr, geboren am {r.birth(child, 'letters')}",
               f"Seit dem {r.when()} hat {r.token(child, 'first')} 14 unentschuldigte halbe Fehltage.",
               f"Die Klassenlehrerin, Frau {r.name(teacher, 'l')}, meldet, dass das Kind ohne Frühstück kommt. {r.K('Rosenmontag', 'word_lookalike')} ist schulfrei.",
               f"Wir haben das Zentrum Kaleido informiert. {r.name(head, 'fl')}, Schulleitung.",
               "", f"Vermerk SA: Der Elternteil von {r.pet(child)} arbeitet nachts als {r.pick('occupation_surname')}.", proposal(r)],
    }[r.lang]()
    return "\n".join(text)


def phone_transcript(r):
    """A voicemail or phone call taken down word for word by the reception desk."""
    a, sister = r.applicant, r.third("sister")
    text = {
        "fr": lambda: [f"Message vocal — {r.when('figures')} 09 h 12 — numéro appelant {r.phone()}",
               f"« Oui bonjour, c'est {r.token(a, 'first')} {r.name(a, 'l')}… euh le dossier {r.reference}. Je voulais dire que ma sœur {r.pet(sister)}, enfin {r.name(sister, 'fl')}, va m'héberger à {r.pick('place_saint')}.",
               f"Vous pouvez la rappeler au {r.phone(sister)}. Et pour le loyer de {r.amount(300, 800)}, la {r.pick('institution')} n'a toujours rien payé. Merci, au revoir. »",
               f"Transcrit par l'accueil ; rappel prévu le {r.when()}."],
        "nl": lambda: [f"Voicemail — {r.when('figures')} 09.12 u — nummer {r.phone()}",
               f"\"Ja hallo, met {r.token(a, 'first')} {r.name(a, 'l')}… ehm dossier {r.reference}. Mijn zus {r.pet(sister)}, ja {r.name(sister, 'fl')}, laat mij bij haar in {r.pick('place_saint')} wonen.",
               f"U kan haar bellen op {r.phone(sister)}. En de huur van {r.amount(300, 800)}, {r.pick('institution')} heeft nog steeds niks betaald. Dank u, dag.\"",
               f"Uitgeschreven door het onthaal; terugbellen op {r.when()}."],
        "de": lambda: [f"Anrufbeantworter — {r.when('figures')} 9:12 Uhr — Rufnummer {r.phone()}",
               f"„Ja, guten Tag, hier ist {r.token(a, 'first')} {r.name(a, 'l')}… äh, Akte {r.reference}. Meine Schwester {r.pet(sister)}, also {r.name(sister, 'fl')}, nimmt mich in {r.pick('municipality')} auf.",
               f"Sie erreichen sie unter {r.phone(sister)}. Und die Miete von {r.amount(300, 800)}, die {r.pick('institution')} hat immer noch nichts gezahlt. Danke, tschüss.“",
               f"Abgeschrieben vom Empfang; Rückruf am {r.when()}."],
    }[r.lang]()
    return "\n\n".join([*text, family_line(r)])


def mrz_name(text):
    return re.sub(r"[^A-Z]", "<", _plain(text).upper())


def id_ocr(r):
    """An identity card or residence permit read by OCR and pasted with its machine-readable lines."""
    a = r.applicant
    card = r.rng.choice(["IDBEL", "IRBEL"])
    labels = {"fr": ("CARTE D'IDENTITÉ", "TITRE DE SÉJOUR - CARTE F"),
              "nl": ("IDENTITEITSKAART", "VERBLIJFSKAART - KAART F"),
              "de": ("PERSONALAUSWEIS", "AUFENTHALTSKARTE - KARTE F")}[r.lang]
    last_tokens, first_tokens = a.tokens("last"), a.tokens("first")
    for token in last_tokens:
        r._entry(a, mrz_name(token), "name_mrz")
    for token in first_tokens:
        r._entry(a, mrz_name(token), "name_mrz")
    mrz_last, mrz_first = mrz_name(a.last), mrz_name(a.first)
    line1 = f"{card}{r.rng.randint(100000000, 999999999)}<{a.niss}<<<<<<<<"[:30]
    line3 = f"{mrz_last}<<{mrz_first}".ljust(30, "<")[:30]
    if not line3.startswith(f"{mrz_last}<<{mrz_first}"):
        raise Redraw("mrz too long")
    r.redact.append({"text": a.niss, "cat": "niss", "known": True, "category": "niss_mrz",
                     "digits": True})
    lines = [labels[0] if card == "IDBEL" else labels[1], "BELGIË BELGIQUE BELGIEN BELGIUM",
             f"{r.token(a, 'last', 'caps')}", f"{r.token(a, 'first')}",
             f"{r.birth(a, 'figures')}   {r.pick('municipality')}",
             f"{r.niss(a, 'dots')}", "", line1, f"{a.birth:%y%m%d}0{a.sex}3103129BEL<<<<<<<<<<<8", line3,
             "", {"fr": lambda: "Copie jointe au dossier ; " + r.address(False),
                  "nl": lambda: "Kopie bij het dossier; " + r.address(False),
                  "de": lambda: "Kopie zur Akte; " + r.address(False)}[r.lang](), family_line(r), proposal(r)]
    return "\n".join(lines)


def bank_statement(r):
    """A bank statement extract shown during a budget interview, with its payees."""
    a, lender = r.applicant, r.third("private lender")
    bank = r.K({"fr": "Belfius", "nl": "KBC", "de": "Raiffeisenbank Eupen"}[r.lang], "institution")
    rows = [
        (r.when("figures"), r.K(r.rng.choice(INSTITUTIONS[r.lang]), "institution"), r.amount(50, 400)),
        (r.when("figures"), f"{r.name(lender, 'fl', 'caps')} {r.iban_of(make_iban(r.rng, 'BE'), False, role='private lender')}", r.amount(50, 400)),
        (r.when("figures"), {"fr": "Domiciliation ", "nl": "Domiciliëring ", "de": "Lastschrift "}[r.lang] + r.K(r.rng.choice(INSTITUTIONS[r.lang]), "institution"), r.amount(300, 700)),
        (r.when("figures"), f"Revenu d'intégration {r.service()}" if r.lang == "fr" else f"Leefloon {r.service()}" if r.lang == "nl" else f"EE {r.service()}", r.amount(900, 1300)),
    ]
    head = {"fr": "Extrait de compte", "nl": "Rekeninguittreksel", "de": "Kontoauszug"}[r.lang]
    text = [f"{bank} — {head} n° {r.rng.randint(1, 60)}", f"{r.iban()} — {r.name(a, 'fl', 'caps')}", ""]
    text += [f"{d}  {who:<60}  {m}" for d, who, m in rows]
    text += ["", {"fr": lambda: f"Commentaire : {r.pet(a)} rembourse chaque mois {r.titled(lender)}, ex- collègue.",
                  "nl": lambda: f"Commentaar: {r.pet(a)} betaalt elke maand terug aan {r.name(lender, 'l')}, een ex-collega.",
                  "de": lambda: f"Kommentar: {r.pet(a)} zahlt monatlich an {r.titled(lender, dative=True)} (frühere Arbeitsstelle) zurück."}[r.lang](),
             family_line(r), proposal(r)]
    return "\n".join(text)


LAYOUTS = [narrative, pdf_paste, form, email_thread, household_table, allcaps, court_letter,
           notes, housing_arrears, school_attendance, phone_transcript, id_ocr, bank_statement]


# ---------------------------------------------------------------------------- checks
def count(needle, text):
    return len(re.findall(rf"(?<!\w){re.escape(_plain(needle))}(?!\w)", _plain(text)))


def check(r: Report, text: str) -> None:
    """The set's rules, with the evaluator's own matching; Redraw when one is broken."""
    for entry in r.redact:
        if not survives(entry, text):
            raise Redraw(f"not in text: {entry}")
    for entry in r.keep:
        if not _present(entry["text"], text):
            raise Redraw(f"keep not in text: {entry}")
    dossier_words = {t for p in r.people() for t in p.tokens("first") + p.tokens("last") + [p.pet]}
    removed = {e["text"] for e in r.redact if e["text"]} | {f for e in r.redact for f in e.get("forms", [])}
    for entry in r.keep:
        if any(_present(word, entry["text"]) for word in dossier_words | removed):
            raise Redraw(f"keep holds a name: {entry}")
    # a name, pet name or initials must not also stand elsewhere in the text as another word
    annotated = Counter()
    for entry in r.redact:
        if entry["cat"] == "name":
            for form in {_plain(x) for x in [entry["text"], *entry.get("forms", [])] if x}:
                annotated[form] += 1
    for entry in r.redact:
        if entry["cat"] == "name" and entry["text"] and count(entry["text"], text) > annotated[_plain(entry["text"])]:
            raise Redraw(f"name also elsewhere: {entry['text']}")


def dossier(r: Report) -> dict:
    def person(p, relation=None):
        out = {"last_name": p.last, "first_names": [p.first], "birth_date": p.birth.isoformat(),
               "niss": p.niss, "sex": p.sex}
        if relation:
            out["relation"] = relation
        return out
    return {"reference": r.reference, "language": r.lang, "applicant": person(r.applicant),
            "address": {"street": r.street[0], "number": r.number, "box": r.box,
                        "postcode": r.town[0], "city": r.town[1]},
            "household": [person(p, rel) for rel, p in r.household],
            "contacts": {"phone": r.phone_text, "email": r.mail, "iban": r.iban_number}}


def build():
    rng = random.Random(SEED)
    layouts_table, categories = Counter(), Counter()
    for old in HERE.glob("h4*"):
        old.unlink()
    for lang, size in SIZES.items():
        for index in range(1, size + 1):
            layout = LAYOUTS[(index - 1) % len(LAYOUTS)]
            for _ in range(200):
                try:
                    r = Report(rng, lang, index)
                    text = layout(r).replace(NBSP, " ").replace(BREAK, "\n") + "\n"
                    check(r, text)
                    break
                except Redraw as why:
                    last_reason = why
                    continue
            else:
                raise SystemExit(f"cannot draw {lang} {index} {layout.__name__}: {last_reason}")
            name = f"h4{lang}{index:03d}"
            (HERE / f"{name}.txt").write_text(text, "utf-8")
            (HERE / f"{name}.json").write_text(json.dumps(dossier(r), ensure_ascii=False, indent=1) + "\n", "utf-8")
            annotation = {"author": AUTHOR, "layout": layout.__name__, "redact": r.redact, "keep": r.keep}
            (HERE / f"{name}.ann.json").write_text(json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", "utf-8")
            layouts_table[(layout.__name__, lang)] += 1
            for entry in r.redact:
                what = "known" if entry["known"] else "third party"
                categories[(f"{what}: {entry['category']}", lang)] += 1
            for entry in r.keep:
                categories[(f"keep: {entry['category']}", lang)] += 1
    write_sizes(layouts_table, categories)


def table(title, counter):
    rows = sorted({key for key, _ in counter})
    lines = [f"| {title} | fr | nl | de | total |", "|---|---|---|---|---|"]
    for row in rows:
        counts = [counter[(row, lang)] for lang in SIZES]
        lines.append(f"| {row} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
    return lines


def write_sizes(layouts_table, categories):
    readme = HERE / "README.md"
    sizes = ["<!-- sizes: written by build.py -->", "| | fr | nl | de | total |", "|---|---|---|---|---|",
             "| reports | " + " | ".join(str(n) for n in SIZES.values()) + f" | {sum(SIZES.values())} |",
             "", "### Layouts", "", *table("layout", layouts_table), "",
             "### Annotated entries per category", "", *table("entry: category", categories),
             "<!-- end of sizes -->"]
    text = readme.read_text("utf-8") if readme.exists() else "<!-- sizes: written by build.py -->\n<!-- end of sizes -->\n"
    text = re.sub(r"<!-- sizes: written by build.py -->.*<!-- end of sizes -->", lambda _: "\n".join(sizes),
                  text, flags=re.S)
    readme.write_text(text, "utf-8")


if __name__ == "__main__":
    build()
