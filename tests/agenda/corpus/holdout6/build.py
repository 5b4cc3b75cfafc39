# The templates are reports whose paragraphs are long lines, and the pools read best as
# space-separated words: line length and static split() are left as written here.
# ruff: noqa: E501, SIM905
"""Write the sixth held-out set (issue 19): 96 synthetic CPAS / OCMW / ÖSHZ reports.

Run: ``.venv/bin/python tests/agenda/corpus/holdout6/build.py`` (fixed seed: same files).

Each template is a report of one layout in one language, with ``[[slot]]`` placeholders. A slot
is filled with a drawn value and annotated at that moment; the value is wrapped in marks while
the report is built so that the checks below can tell annotated text from the rest. Nothing here
comes from the pseudonymiser or the other sets: pools and phrases are this file's own.
"""

from __future__ import annotations

import json
import random
import re
import sys
import textwrap
from collections import Counter
from pathlib import Path

from stdnum import iban as stdnum_iban
from stdnum.be import nn as stdnum_nn

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path.insert(0, str(REPO))
from agenda.pseudonymise.dossier import load_dossier  # noqa: E402  (needs the repo on the path)
from agenda.pseudonymise.evaluate import _present, survives  # noqa: E402

AUTHOR = "holdout6"
SEED = 6_2026
OPEN, CLOSE, GLUE = "\x01", "\x02", "\x03"
PARTICLES = {"de", "van", "der", "den", "el", "al", "di", "da", "lo", "la", "le", "von", "ten",
             "ter", "du", "des", "dos", "vom", "zum", "ait"}

# --- people ---------------------------------------------------------------------------------
# community → (women, men, surnames); a first name may carry its pet name after a slash
COMMUNITIES = {
    "wallonia": (
        "Nathalie/Nath Sandrine/Sandy Stéphanie/Steph Véronique/Véro Isabelle/Isa Aurélie/Lili "
        "Mélanie Virginie Jessica Laetitia Manon Chloé Ginette/Ginou".split(),
        "Grégory/Greg Frédéric/Fred Sébastien/Seb Jonathan/Johnny Thierry/Titi Jérôme/Jéjé "
        "Benoît/Ben Didier Olivier Maxence Loïc Kevin".split(),
        "Lejeune Gillard Dethier Collignon Halleux Marchal Delvaux Wathelet Piron Lambotte "
        "Englebert Jacquemin Thirion Baudoux Goffin Bodart Hennuy Degrelle Warnotte Malchair "
        "Deprez Lhoest".split()),
    "brussels": (
        "Samira/Sami Yasmina/Yas Cindy Priscilla Aïcha".split(),
        "Kevin Anthony/Tony Rachid Ilias Dylan".split(),
        "Vandenbroeck Verhaegen Demeyer Van_Campenhout Dewit Vanderelst".split()),
    "flanders": (
        "Katrien/Trien Marleen/Leen Maria/Mieke Annelies Griet Sofie Lotte Nele Hilde Jana "
        "Godelieve/Lieve".split(),
        "Jozef/Jef Hendrik/Rik Lodewijk/Lowie Wouter/Wout Koen Pieter Dirk Bart Stijn Geert "
        "Jens Kobe".split(),
        "Peeters Janssens Maes Claes Goossens Wouters Verstraeten Vandaele Cools Mertens "
        "Lenaerts Bogaerts Smolders Van_Acker De_Backer Van_Hoof Verbeke Declercq "
        "Vanhoutte Callewaert".split()),
    "eastbelgium": (
        "Monika/Moni Margarete/Gretel Elisabeth/Liesel Katharina/Kathi Andrea Sabine Claudia "
        "Birgit Kerstin Ramona Heike Marita".split(),
        "Josef/Sepp Johann/Hannes Norbert/Nobbi Manfred/Manni Wolfgang/Wolfi Hubert/Hubsi "
        "Helmut Jürgen Guido Dieter Ralf Marcel".split(),
        "Kreusch Hilgers Mockel Lentz Heinen Kessler Margraff Backes Thannen Veithen "
        "Scholzen Theissen Gennen Schmitz Fickers Maraite Kohnen Kever Ortmann Peiffer "
        "Jousten Reuter".split()),
    "moroccan": (
        "Khadija Imane Nadia Fatima/Fatna Samira Houda".split(),
        "Mohamed/Simo Youssef/Youss Hamza Soufiane Abdelkader/Kader Bilal".split(),
        "El_Amrani Bouzid Benali Chakir Boukhari Ouazzani Lahlou Azzouzi El_Khattabi".split()),
    "turkish": (
        "Ayşe Elif Zeynep Emine Hatice".split(),
        "Mehmet/Memo Emre Murat Hüseyin Mustafa".split(),
        "Yılmaz Demir Kaya Aydın Çelik Öztürk Arslan Karakaya".split()),
    "congolese": (
        "Christelle Grâce Plamedi Nadège Divine".split(),
        "Dieudonné/Dido Exaucé Jean-Pierre/Jipé Nathan Patrick".split(),
        "Mbuyi Kabongo Tshibangu Ilunga Kalala Mukendi Lukusa Nsimba".split()),
    "syrian": (
        "Lina Rasha Yara Hiba Rania".split(),
        "Rami Omar Ahmad Khaled Mahmoud".split(),
        "Haddad Khoury Darwish Sabbagh Hamdan Al_Hallak".split()),
    "afghan": (
        "Zahra Mariam Fereshta Nilofar".split(),
        "Farid Sohail Wahid Jawad Naveed".split(),
        "Ahmadzai Karimi Rahimi Noori Sultani Hakimi".split()),
    "eritrean": (
        "Semhar Helen Selam Saba Luwam".split(),
        "Yonas Tesfay Filmon Mebrahtu Dawit".split(),
        "Tesfamariam Ghebremedhin Habte Kidane Tekle Weldemichael".split()),
    "polish": (
        "Agnieszka/Aga Katarzyna/Kasia Magdalena/Magda Joanna/Asia".split(),
        "Tomasz/Tomek Piotr/Piotrek Krzysztof/Krzysiek Paweł".split(),
        "Kowalczyk Nowak Wiśniewski Lewandowski Zieliński Wójcik".split()),
    "romanian": (
        "Mihaela Andreea Elena Ioana".split(),
        "Ionuț Florin Gheorghe/Ghiță Vasile Marius".split(),
        "Popescu Ionescu Munteanu Dumitrescu Constantinescu Lungu".split()),
    "ukrainian": (
        "Oksana Olena Iryna Tetiana".split(),
        "Taras Mykola Dmytro/Dima Oleksandr/Sasha Bohdan".split(),
        "Shevchenko Kovalenko Bondarenko Tkachenko Melnyk Kravchuk".split()),
    "italian": (
        "Rosaria Concetta Carmela Giuseppina/Pina".split(),
        "Giuseppe/Peppino Salvatore/Totò Antonio Calogero/Lillo".split(),
        "Russo Esposito Ferraro Cannella Scarpa Lo_Presti Di_Stefano".split()),
    "portuguese": (
        "Fernanda Conceição Ana".split(),
        "João Rui Paulo".split(),
        "Ferreira Pereira Rodrigues Gonçalves Teixeira".split()),
}
MIGRANT = ["moroccan", "turkish", "congolese", "syrian", "afghan", "eritrean", "polish",
           "romanian", "ukrainian", "italian", "portuguese"]
LOCAL = {"fr": ["wallonia", "wallonia", "brussels"], "nl": ["flanders"], "de": ["eastbelgium"]}
# the centre's own staff: written in full, never annotated (the product lets them appear)
STAFF = {
    "fr": ["Anne-Sophie Bertrand", "Quentin Dufrasne", "Carine Lambrecht", "Hélène Moutschen"],
    "nl": ["Evelien Coppens", "Tom Vanhecke", "Inge Deraedt", "Sander Pauwels"],
    "de": ["Nadine Brüls", "Stefan Rauw", "Carmen Heck", "Tobias Lejoly"],
}
DIRECTOR = {"fr": "Pascale Remy", "nl": "Filip Vanneste", "de": "Ursula Wintgens"}

# --- places ---------------------------------------------------------------------------------
# (full street type, abbreviation, distinctive word, how the word follows the type)
STREETS = {
    "fr": [("rue des", "r. des", "Coquelicots"), ("avenue des", "av. des", "Marronniers"),
           ("rue des", "r. des", "Hirondelles"), ("chaussée de", "chée de", "Tongre"),
           ("boulevard des", "bd des", "Charbonnages"), ("place des", "pl. des", "Trixhes"),
           ("rue de la", "r. de la", "Haisette"), ("avenue des", "av. des", "Glycines")],
    "nl": [("Kapelstraat", "Kapelstr.", None), ("Kerkhofstraat", "Kerkhofstr.", None),
           ("Zavelstraat", "Zavelstr.", None), ("Beukenlaan", "Beukenln.", None),
           ("Hazelaarstraat", "Hazelaarstr.", None), ("Sleedoornlaan", "Sleedoornln.", None),
           ("Vlasgaardstraat", "Vlasgaardstr.", None)],
    "de": [("Haasstraße", "Haasstr.", None), ("Klosterstraße", "Klosterstr.", None),
           ("Vennbahnstraße", "Vennbahnstr.", None), ("Talstraße", "Talstr.", None),
           ("Hufengasse", "Hufeng.", None), ("Bergkapellstraße", "Bergkapellstr.", None),
           ("Wiesenbachstraße", "Wiesenbachstr.", None)],
}
CITIES = {
    "fr": [("4000", "Liège"), ("4100", "Seraing"), ("6000", "Charleroi"), ("5000", "Namur"),
           ("4800", "Verviers"), ("7100", "La Louvière"), ("1070", "Anderlecht"),
           ("1030", "Schaerbeek"), ("4040", "Herstal"), ("7500", "Tournai"), ("4500", "Huy")],
    "nl": [("9000", "Gent"), ("9300", "Aalst"), ("3600", "Genk"), ("2800", "Mechelen"),
           ("8400", "Oostende"), ("2300", "Turnhout"), ("3500", "Hasselt"), ("9600", "Ronse")],
    "de": [("4700", "Eupen"), ("4780", "St. Vith"), ("4720", "Kelmis"), ("4730", "Raeren"),
           ("4750", "Bütgenbach"), ("4760", "Büllingen"), ("4770", "Amel"),
           ("4790", "Burg-Reuland"), ("4710", "Lontzen")],
}
OTHER_PLACES = {"fr": ["Waremme", "Ans", "Flémalle", "Châtelet", "Jemeppe-sur-Sambre"],
                "nl": ["Lokeren", "Sint-Truiden", "Zottegem", "Maasmechelen", "Deinze"],
                "de": ["Aachen", "Malmedy", "Welkenraedt", "Prüm", "Monschau"]}

# --- what must stay ---------------------------------------------------------------------------
KEEPS = {
    "fr": {
        "institution": ["ONEM", "INAMI", "Solidaris", "Partenamut", "FOREM", "SPF Finances",
                        "Famiwal", "CAPAC", "Actiris", "SPW"],
        "institution_eponym": ["CHU Ambroise Paré", "Hôpital Érasme", "Institut Jules Bordet",
                               "Hôpital Brugmann", "Athénée Léonie de Waha",
                               "Institut Marie Haps", "Clinique André Renard"],
        "place_saint": ["Clinique Saint-Joseph", "CHU Saint-Pierre", "Clinique Saint-Luc",
                        "Hôpital Sainte-Élisabeth", "Hôpital Saint-Jean"],
        "disease_eponym": ["Crohn", "Alzheimer", "Parkinson", "Korsakoff", "Basedow"],
        "occupation_surname": ["boulanger", "charpentier", "boucher", "couvreur", "meunier",
                               "berger"],
        "word_lookalike": ["Toussaint", "Noël", "Pâques", "Carnaval"],
        "legal": ["article 60, § 7 de la loi organique du 8 juillet 1976",
                  "article 1675/2 du Code judiciaire", "loi du 26 mai 2002",
                  "article 57, § 2 de la loi organique", "arrêté royal du 11 juillet 2002"],
    },
    "nl": {
        "institution": ["RVA", "RIZIV", "Helan", "VDAB", "Kind en Gezin", "Opgroeien",
                        "Fedasil", "CM", "Vlaams Woningfonds"],
        "institution_eponym": ["AZ Jan Palfijn", "Jan Yperman Ziekenhuis", "Bond Moyson",
                               "Basisschool Guido Gezelle", "Hogeschool Karel de Grote"],
        "place_saint": ["AZ Sint-Jan", "AZ Sint-Lucas", "Sint-Vincentiusziekenhuis",
                        "Sint-Andriesziekenhuis", "Sint-Trudo ziekenhuis"],
        "disease_eponym": ["Crohn", "Alzheimer", "Parkinson", "Korsakov", "Hodgkin"],
        "occupation_surname": ["bakker", "visser", "schilder", "timmerman", "slager",
                               "molenaar"],
        "word_lookalike": ["Pasen", "Allerheiligen", "Sinterklaas", "Augustus", "Kerstmis"],
        "legal": ["artikel 60, § 7 van de organieke wet van 8 juli 1976",
                  "artikel 1675/2 van het Gerechtelijk Wetboek", "wet van 26 mei 2002",
                  "artikel 57, § 2 van de OCMW-wet", "koninklijk besluit van 11 juli 2002"],
    },
    "de": {
        "institution": ["Arbeitsamt der DG", "Christliche Krankenkasse", "Kaleido",
                        "Dienststelle für Selbstbestimmtes Leben", "Nosbau", "LfA",
                        "Ministerium der DG"],
        "institution_eponym": ["Pater-Damian-Schule", "Robert-Schuman-Institut",
                               "César-Franck-Athenäum", "Maria-Goretti-Schule"],
        "place_saint": ["St. Nikolaus-Hospital", "Klinik St. Josef", "St.-Antonius-Hospital",
                        "Marienhospital Aachen"],
        "disease_eponym": ["Crohn", "Alzheimer", "Parkinson", "Korsakow", "Hashimoto"],
        "occupation_surname": ["Maurer", "Bäcker", "Schreiner", "Metzger", "Müller",
                               "Zimmermann"],
        "word_lookalike": ["August", "Ostern", "Pfingsten", "Nikolaus", "Weihnachten"],
        "legal": ["Artikel 60 § 7 des ÖSHZ-Grundlagengesetzes vom 8. Juli 1976",
                  "Artikel 1675/2 des Gerichtsgesetzbuches", "Gesetz vom 26. Mai 2002",
                  "Artikel 57 § 2 des ÖSHZ-Gesetzes", "Königlicher Erlass vom 11. Juli 2002"],
    },
}
COARSE_KEEP = {"institution": "institution", "institution_eponym": "institution",
               "place_saint": "institution", "municipality": "place",
               "disease_eponym": "medical", "occupation_surname": "occupation",
               "word_lookalike": "word", "legal": "legal", "amount": "amount",
               "procedure_date": "date"}
MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
          "décembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
          "december".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November "
          "Dezember".split(),
}
PROVIDERS = ["gmail.com", "hotmail.com", "outlook.be", "skynet.be", "proximus.be", "gmx.de",
             "live.be", "telenet.be"]
# roles the phrases give a sex ("sa sœur", "Monsieur", "die Richterin")
ROLE_SEX = {"sister": "F", "cousin": "F", "neighbour": "F", "mediator": "F", "judge": "F",
            "teacher": "F", "landlord": "M", "dead": "M", "uncle": "M", "employer": "M", "friend": "M"}
OCR_SWAP = {"0": "O", "1": "l", "5": "S", "8": "B"}


def tokens(name: str) -> list[str]:
    """The parts of a name the annotation lists: three letters or more, particles left out."""
    return [t for t in re.split(r"[\s\-]+", name) if len(t) >= 3 and t.lower() not in PARTICLES]


def mark(value: str) -> str:
    return OPEN + value + CLOSE


class Person:
    def __init__(self, rng: random.Random, community: str, sex: str | None = None,
                 last: str | None = None):
        women, men, surnames = COMMUNITIES[community]
        self.sex = sex or rng.choice("FM")
        first = rng.choice(women if self.sex == "F" else men)
        self.first, _, self.pet = first.partition("/")
        # a surname of two words is written with "_" in the pools so that split() keeps it whole
        self.last = last or rng.choice(surnames).replace("_", " ")
        if community == "polish" and self.sex == "F" and not last:
            # Polish surnames in -ski/-cki take -ska/-cka for a woman
            self.last = re.sub(r"([sc]k)i$", r"\1a", self.last)
        self.community = community


def draw_community(rng: random.Random, language: str) -> str:
    return rng.choice(LOCAL[language]) if rng.random() < 0.55 else rng.choice(MIGRANT)


def niss_for(rng: random.Random, born: tuple[int, int, int], sex: str) -> str:
    year, month, day = born
    serial = rng.randrange(1, 498) * 2 + (1 if sex == "M" else 0)
    body = f"{year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    base = int(("2" if year >= 2000 else "") + body)
    number = body + f"{97 - base % 97:02d}"
    assert stdnum_nn.is_valid(number)
    return number


def iban_for(rng: random.Random, country: str) -> str:
    while True:
        if country == "BE":
            head = f"{rng.randrange(0, 1000):03d}{rng.randrange(0, 10**7):07d}"
            bban = head + f"{int(head) % 97 or 97:02d}"
        elif country == "NL":
            bban = rng.choice(["ABNA", "RABO", "INGB", "TRIO"]) + f"{rng.randrange(10**9, 10**10)}"
        else:
            bban = f"{rng.randrange(10**7, 10**8)}{rng.randrange(10**9, 10**10)}"
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            return number


def grouped(number: str) -> str:
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def phone_for(rng: random.Random, country: str) -> tuple[str, str]:
    """(written number, category)."""
    d = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    if country == "BE":
        prefix = rng.choice(["470", "472", "475", "477", "479", "484", "486", "496", "498"])
        style = rng.randrange(4)
        rest = d(6)
        forms = [f"0{prefix} {rest[:2]} {rest[2:4]} {rest[4:]}", f"0{prefix}/{rest[:2]}.{rest[2:4]}.{rest[4:]}",
                 f"+32 {prefix} {rest[:2]} {rest[2:4]} {rest[4:]}", f"0{prefix}{rest}"]
        return forms[style], "phone"
    if country == "BEfix":
        return rng.choice([f"087 {d(2)} {d(2)} {d(2)}", f"080 {d(2)} {d(2)} {d(2)}",
                           f"04/{d(3)}.{d(2)}.{d(2)}", f"09 {d(3)} {d(2)} {d(2)}"]), "phone"
    if country == "NL":
        return rng.choice([f"+31 6 {d(8)}", f"06-{d(8)}", f"+31 6 {d(4)} {d(4)}"]), "phone_nl"
    if country == "DE":
        return rng.choice([f"+49 171 {d(7)}", f"0160 {d(7)}", f"+49 (0)241 {d(6)}"]), "phone_de"
    if country == "FR":
        return f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}", "phone_fr"
    return f"+352 621 {d(3)} {d(3)}", "phone_lu"


def plain_ascii(text: str) -> str:
    table = str.maketrans("àâäéèêëïîôöùûüçşıİğțăâńłśźżøãõ", "aaaeeeeiioouuucsiigtaanlszzoao")
    return re.sub(r"[^a-z0-9]", "", text.lower().translate(table))


class Draft:
    """One report under construction: text with marks, the annotation, the dossier."""

    def __init__(self, rng: random.Random, language: str, layout: str, number: int,
                 template: str):
        self.rng, self.language, self.layout = rng, language, layout
        self.redact: list[dict] = []
        self.keep: list[dict] = []
        self.reference = f"2026/{number:04d}"
        community = draw_community(rng, language)
        sex, _, template = template.partition("\n") if template.startswith("#") \
            else (None, "", template)
        self.applicant = Person(rng, community, sex.removeprefix("#") if sex else None)
        self.partner = Person(rng, rng.choice([community, draw_community(rng, language)]),
                              "M" if self.applicant.sex == "F" else "F")
        child_last = self.applicant.last if self.applicant.sex == "F" and rng.random() < .5 \
            else self.partner.last
        # the phrases speak of the first child as a boy ("le petit", "zoon", "der Kleine")
        while True:
            self.children = [Person(rng, community, sex, last=child_last)
                             for sex in ("M", None)]
            firsts = {p.first for p in (self.applicant, self.partner, *self.children)}
            if len(firsts) == 4:
                break
        self.born = (rng.randrange(1962, 2003), rng.randrange(1, 13), rng.randrange(1, 29))
        self.child_born = [(rng.randrange(2008, 2024), rng.randrange(1, 13), rng.randrange(1, 29))
                           for _ in self.children]
        self.niss = niss_for(rng, self.born, self.applicant.sex)
        self.iban = iban_for(rng, "BE")
        self.phone, _ = phone_for(rng, "BE")
        self.foreign_phone = phone_for(rng, {"fr": rng.choice(["FR", "LU"]), "nl": "NL",
                                             "de": "DE"}[language])
        user = plain_ascii(self.applicant.first) + rng.choice([".", "_", ""]) + \
            plain_ascii(self.applicant.last) + str(rng.randrange(10, 99))
        self.email = f"{user}@{rng.choice(PROVIDERS)}"
        self.street = rng.choice(STREETS[language])
        self.house_number = str(rng.randrange(1, 180))
        self.box = rng.choice([None, None, "2", "A", "1"])
        self.postcode, self.city = rng.choice(CITIES[language])
        self.staff = rng.choice(STAFF[language])
        self.third: dict[str, Person] = {}
        self.template = template
        self.uses = set(re.findall(r"\[\[([^\]]+)\]\]", template))

    # -- annotation helpers
    def name(self, value: str, known: bool, category: str, role: str | None = None,
             forms: list[str] | None = None) -> str:
        for token in tokens(value) if forms is None else [value]:
            entry = {"text": token, "cat": "name", "known": known, "category": category}
            if forms:
                entry = {"text": None, "cat": "name", "known": known, "category": category,
                         "forms": forms}
            if role:
                entry["role"] = role
            self.redact.append(entry)
        return mark(value)

    def value(self, written: str, cat: str, category: str, known: bool, digits=False,
              text: str | None = None, forms: list[str] | None = None) -> str:
        entry = {"text": text if text is not None else written, "cat": cat, "known": known,
                 "category": category}
        if digits:
            entry["digits"] = True
        if forms:
            entry["forms"] = forms
        self.redact.append(entry)
        return mark(written)

    def kept(self, written: str, category: str) -> str:
        self.keep.append({"text": written, "cat": COARSE_KEEP[category], "category": category})
        return mark(written)

    # -- slots
    def person_of(self, who: str) -> Person:
        if who == "a":
            return self.applicant
        if who == "p":
            return self.partner
        if who in ("c1", "c2"):
            return self.children[int(who[1]) - 1]
        if who not in self.third:
            taken = {t for p in self.everyone() for t in (p.first, p.last)}
            sex = ROLE_SEX.get(who)
            if who == "ex":
                sex = "M" if self.applicant.sex == "F" else "F"
            while True:
                person = Person(self.rng, draw_community(self.rng, self.language), sex)
                if person.first not in taken and person.last not in taken:
                    break
            self.third[who] = person
        return self.third[who]

    def everyone(self) -> list[Person]:
        return [self.applicant, self.partner, *self.children, *self.third.values()]

    def date_words(self, when: tuple[int, int, int], style: str) -> tuple[str, list[str]]:
        year, month, day = when
        months = MONTHS[self.language]
        if style == "num":
            sep = self.rng.choice("./")
            written = f"{day:02d}{sep}{month:02d}{sep}{year}"
            return written, [written]
        day_text = f"{day}." if self.language == "de" else str(day)
        short = f"{day_text} {months[month - 1]}"
        return f"{short} {year}", [f"{short} {year}", short]

    def slot(self, key: str, caps: bool) -> str:
        rng, lang = self.rng, self.language
        parts = key.split(".")
        if parts[0] == "k":
            return self.keep_slot(parts[1])
        if key in ("sw", "dg", "ref"):
            return {"sw": self.staff, "dg": DIRECTOR[lang], "ref": self.reference}[key]
        if key == "swini":
            return "".join(w[0] for w in re.split(r"[\s\-]", self.staff))
        if key in ("plate", "plate_de"):
            letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
            written = (f"{rng.randrange(1, 3)}-{letters}-{rng.randrange(100, 1000)}"
                       if key == "plate" else
                       f"{rng.choice(['AC', 'DN', 'BIT', 'EU'])}-{letters[:2]} {rng.randrange(10, 9999)}")
            return self.value(written, "plate", "plate", False)
        if key == "roll":
            n = rng.randrange(1000, 9999)
            written = rng.choice([f"26/{n}/A", f"2026/RR/{n}", f"26A{n}", f"R.G. 25/{n}/B",
                                  f"2026/AR/{n}"]).removeprefix("R.G. ")
            return self.value(written, "court_roll", "court_roll", False)
        if key == "niss":
            n = self.niss
            written = rng.choice([f"{n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}", n,
                                  f"{n[:6]} {n[6:9]} {n[9:]}", f"{n[:6]}-{n[6:9]}-{n[9:]}"])
            return self.value(written, "niss", "niss", True, digits=True)
        if key == "nissocr":
            n = self.niss
            proper = f"{n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}"
            spots = [i for i, c in enumerate(proper) if c in OCR_SWAP]
            i = rng.choice(spots)
            written = proper[:i] + OCR_SWAP[proper[i]] + proper[i + 1:]
            return self.value(written, "niss", "niss_ocr", True, text=written,
                              forms=[written, proper, n])
        if key == "iban":
            written = rng.choice([self.iban, grouped(self.iban)])
            return self.value(written, "iban", "iban", True, digits=True)
        if key == "ibanocr":
            proper = grouped(self.iban)
            spots = [i for i, c in enumerate(proper) if c in OCR_SWAP and i > 3]
            i = rng.choice(spots)
            written = proper[:i] + OCR_SWAP[proper[i]] + proper[i + 1:]
            return self.value(written, "iban", "iban_ocr", True, text=written,
                              forms=[written, proper, self.iban])
        if key == "phone":
            return self.value(self.phone, "phone", "phone", True, digits=True)
        if key == "phonefor":
            written, category = self.foreign_phone
            return self.value(written, "phone", category, True, digits=True)
        if key == "email":
            return self.value(self.email, "email", "email", True)
        if key == "emailobf":
            user, _, host = self.email.partition("@")
            domain, _, tld = host.rpartition(".")
            written = rng.choice([f"{user} [at] {domain} [dot] {tld}", f"{user} (at) {host}",
                                  f"{user} arobase {domain} point {tld}"])
            return self.value(written, "email", "email_obfuscated", True)
        if key in ("street", "streetab"):
            full, short, word = self.street
            kind = full if key == "street" else short
            category = "address" if key == "street" else "address_abbrev"
            box = f" {'bte' if lang == 'fr' else 'bus' if lang == 'nl' else 'Bf.'} {self.box}" \
                if self.box else ""
            if word:
                return f"{kind} {self.value(word, 'address', category, True)} {self.house_number}{box}"
            written = kind.removesuffix(".")
            return self.value(written, "address", category, True) + \
                ("." if kind.endswith(".") else "") + f" {self.house_number}{box}"
        if key == "city":
            return f"{self.postcode} " + self.kept(self.city, "municipality")
        if key in ("bdate", "bdatel", "c1bdate", "c2bdate"):
            when = self.born if key.startswith("b") else self.child_born[int(key[1]) - 1]
            style = "words" if key == "bdatel" else "num"
            written, forms = self.date_words(when, style)
            return self.value(written, "birth_date", "birth_date", True, text=None, forms=forms)
        # people: a.f  p.L  landlord.l  doctor.dim  c1.f ...
        who, what = parts
        person = self.person_of(who)
        known = who in ("a", "p", "c1", "c2")
        role = None if known else who
        upper = caps or what.isupper()
        suffix = "_allcaps" if upper else ""
        if what.lower() == "f":
            written = person.first.upper() if upper else person.first
            return self.name(written, known, "name" + suffix, role)
        if what.lower() == "l":
            written = person.last.upper() if upper else person.last
            return self.name(written, known, "name" + suffix, role)
        if what == "dim":
            pet = person.pet or person.first
            return self.name(pet, known, "name_diminutive" if person.pet else "name", role)
        if what == "ini":
            initials = (person.first[0] + person.last.split()[-1][0]).upper()
            entry = {"text": initials, "cat": "name", "known": known, "category": "name_initials"}
            if role:
                entry["role"] = role
            self.redact.append(entry)
            return mark(initials)
        if what in ("soft", "zw"):
            base = max(tokens(person.last) or [person.last], key=len)
            cut = len(base) // 2
            written = base[:cut] + ("\u00ad" if what == "soft" else "\u200b") + base[cut:]
            category = "name_soft_hyphen" if what == "soft" else "name_zero_width"
            return self.name(written, known, category, role, forms=[written, base])
        if what == "phone":
            written, category = phone_for(rng, rng.choice(["BE", "BE", "BEfix", "NL", "DE", "FR"]
                                                          if lang == "fr" else
                                                          ["BE", "BEfix", "DE", "DE", "LU"]
                                                          if lang == "de" else
                                                          ["BE", "BEfix", "NL"]))
            return self.value(written, "phone", category, False, digits=True)
        if what == "email":
            host = rng.choice([*PROVIDERS, "etude-huissiers.be", "avocats-liege.be", "immo-vg.be"])
            written = f"{plain_ascii(person.first)[0]}.{plain_ascii(person.last)}@{host}"
            return self.value(written, "email", "email", False)
        if what == "iban":
            written = grouped(iban_for(rng, rng.choice(["BE", "BE", "NL", "DE"])))
            return self.value(written, "iban", "iban", False, digits=True)
        raise KeyError(key)

    def keep_slot(self, category: str) -> str:
        rng, lang = self.rng, self.language
        if category == "amount":
            euros = rng.randrange(35, 4200)
            return self.kept(f"{euros:,}".replace(",", ".") + f",{rng.randrange(100):02d}",
                             "amount")
        if category == "date":
            when = (2026, rng.randrange(1, 13), rng.randrange(1, 29))
            written, _ = self.date_words(when, rng.choice(["words", "words", "num"]))
            return self.kept(written, "procedure_date")
        if category == "muni":
            return self.kept(rng.choice(OTHER_PLACES[lang] + [c for _, c in CITIES[lang]]),
                             "municipality")
        full = {"inst": "institution", "inst_ep": "institution_eponym", "saint": "place_saint",
                "disease": "disease_eponym", "occ": "occupation_surname",
                "word": "word_lookalike", "legal": "legal"}[category]
        return self.kept(rng.choice(KEEPS[lang][full]), full)

    # -- writing
    def fill(self, template: str, caps: bool = False) -> str:
        return re.sub(r"\[\[([^\]]+)\]\]", lambda m: self.slot(m.group(1), caps), template)

    def render(self) -> str:
        pieces = re.split(r"<<CAPS|CAPS>>", self.template)
        out = []
        for i, piece in enumerate(pieces):
            caps = i % 2 == 1 and self.layout == "allcaps"
            filled = self.fill(piece, caps)
            out.append(filled.upper() if caps else filled)
        text = "".join(out)
        if self.layout == "pdf_paste":
            text = self.as_pdf(text)
        return text

    def as_pdf(self, text: str) -> str:
        """Hard line ends, a page break with the footer and header carrying the reference."""
        glued = re.sub(f"{OPEN}[^{CLOSE}]*{CLOSE}", lambda m: m.group(0).replace(" ", GLUE), text)
        width = self.rng.randrange(62, 80)
        lines = []
        for paragraph in glued.split("\n"):
            lines += textwrap.wrap(paragraph, width, break_long_words=False,
                                   break_on_hyphens=False) or [""]
        cut = len(lines) // 2
        footer = {"fr": "Page 1/2", "nl": "Pagina 1/2", "de": "Seite 1/2"}[self.language]
        going_on = {"fr": "(suite)", "nl": "(vervolg)", "de": "(Fortsetzung)"}[self.language]
        lines[cut:cut] = [f"{footer} — {self.reference}", f"\f{self.reference} {going_on}"]
        return "\n".join(self.hyphenate(lines, width)).replace(GLUE, " ")

    @staticmethod
    def hyphenate(lines: list[str], width: int) -> list[str]:
        """Cut a long ordinary word that opens a line, as a PDF's justified text does (never a
        marked value: those start with a mark, not a letter)."""
        for i in range(len(lines) - 1):
            word = lines[i + 1].split(" ", 1)[0]
            if lines[i] and len(word) >= 10 and word.isalpha() \
                    and len(lines[i]) + len(word) // 2 < width + 4:
                head, tail = word[:len(word) // 2], word[len(word) // 2:]
                lines[i] += f" {head}-"
                lines[i + 1] = tail + lines[i + 1][len(word):]
        return lines

    def dossier(self) -> dict:
        def person(p: Person, born, relation=None, niss=None) -> dict:
            d = {"last_name": p.last, "first_names": [p.first], "sex": p.sex,
                 "birth_date": f"{born[0]:04d}-{born[1]:02d}-{born[2]:02d}"}
            if niss:
                d["niss"] = niss
            if relation:
                d["relation"] = relation
            return d
        household = []
        if any(u.startswith("p.") for u in self.uses):
            household.append(person(self.partner, (self.born[0] + 2, 3, 9), "partner"))
        for i, child in enumerate(self.children):
            if any(u.startswith(f"c{i + 1}") for u in self.uses):
                household.append(person(child, self.child_born[i], "child"))
        full, _, word = self.street
        return {"reference": self.reference, "language": self.language,
                "applicant": person(self.applicant, self.born, niss=self.niss),
                "address": {"street": f"{full} {word}" if word else full,
                            "number": self.house_number, "box": self.box,
                            "postcode": self.postcode, "city": self.city},
                "household": household,
                "contacts": {"phone": self.phone, "email": self.email, "iban": self.iban}}


def problems(marked: str, draft: Draft) -> list[str]:
    """What would make the annotation untrue or unfair (the brief's checks)."""
    text = marked.replace(OPEN, "").replace(CLOSE, "")
    rest = re.sub(f"{OPEN}[^{CLOSE}]*{CLOSE}", " ", marked)
    found = []
    dossier_names = {t for p in [draft.applicant, *draft.children, draft.partner]
                     for t in tokens(p.first) + tokens(p.last) + ([p.pet] if p.pet else [])}
    wordy = [e for e in draft.redact if not e.get("digits")]
    for entry in draft.redact:
        if not survives(entry, text):
            found.append(f"not in text: {entry}")
    for entry in draft.keep:
        if not _present(entry["text"], text):
            found.append(f"keep not in text: {entry}")
        for other in wordy:
            for form in other.get("forms") or [other["text"]]:
                if _present(form, entry["text"]):
                    found.append(f"keep {entry['text']} holds {form}")
        for name in dossier_names:
            if _present(name, entry["text"]):
                found.append(f"keep {entry['text']} holds dossier name {name}")
        digit_runs = re.sub(r"\D", "", entry["text"])
        for other in draft.redact:
            if other.get("digits") and re.sub(r"\D", "", other["text"]) in digit_runs:
                found.append("keep holds digits of a value to remove")
    for entry in wordy:
        for form in entry.get("forms") or [entry["text"]]:
            if entry["cat"] != "birth_date" and _present(form, rest):
                found.append(f"{form} also stands unannotated in the text")
    for name in dossier_names:
        if _present(name, rest):
            found.append(f"dossier name {name} stands unannotated in the text")
    return found


def build_one(rng: random.Random, language: str, layout: str, number: int,
              template: str) -> Draft:
    for _ in range(400):
        draft = Draft(rng, language, layout, number, template)
        marked = draft.render()
        if not problems(marked, draft):
            draft.text = marked.replace(OPEN, "").replace(CLOSE, "")
            return draft
    raise RuntimeError(f"no fair draw for {language} {layout}: {problems(marked, draft)}")


# --- phrase banks: one or two templates per layout and language -------------------------------
NARRATIVE = {
    "fr": ["""#F
RAPPORT SOCIAL — Comité spécial du service social
Réf. [[ref]]   Assistant(e) social(e) : [[sw]]

Madame [[a.f]] [[a.L]], née le [[bdatel]], domiciliée [[street]] à [[city]], sollicite une aide financière pour ses frais de chauffage.
<<CAPS
Composition du ménage : l'intéressée vit avec son compagnon, Monsieur [[p.f]] [[p.l]], et ses deux enfants, [[c1.f]] et [[c2.f]]. Le petit [[c1.dim]] est suivi en pédiatrie ([[k.saint]]) (pathologie : [[k.disease]]).
CAPS>>
Situation sociale : depuis le [[k.date]], Monsieur [[p.l]] ne travaille plus ; il était [[k.occ]] chez un indépendant de [[k.muni]]. Le propriétaire, Monsieur [[landlord.f]] [[landlord.l]] ([[landlord.phone]]), réclame un arriéré de [[k.amount]] €. La sœur de Madame, [[sister.f]] [[sister.l]], l'héberge parfois pendant les congés de [[k.word]].
<<CAPS
Proposition : octroi d'une aide de [[k.amount]] € sur base de : [[k.legal]] ; à verser sur le compte [[iban]].
CAPS>>
Le Directeur général, [[dg]]""",
           """#M
Rapport d'enquête sociale — [[ref]]

Monsieur [[a.f]] [[a.l]] (NISS [[niss]]) nous est adressé par le service social du [[k.inst_ep]]. Il vit seul [[street]], [[city]], depuis sa séparation d'avec Madame [[ex.f]] [[ex.l]].
<<CAPS
Monsieur [[a.l]] perçoit des allocations de l'[[k.inst]] ([[k.amount]] € par mois). Son médecin traitant, le docteur [[doctor.l]], atteste une pathologie lourde ([[k.disease]]).
CAPS>>
Son ancien employeur, Monsieur [[employer.f]] [[employer.l]], confirme qu'il a travaillé comme [[k.occ]] jusqu'au [[k.date]]. Ses proches l'appellent « [[a.dim]] ». Contact : [[phone]].

Avis de l'assistante sociale ([[sw]]) : favorable, base légale : [[k.legal]]."""],
    "nl": ["""#F
SOCIAAL VERSLAG — Bijzonder Comité voor de Sociale Dienst
Dossier [[ref]] — maatschappelijk werker: [[sw]]

Mevrouw [[a.f]] [[a.L]], geboren op [[bdatel]], wonende [[street]], [[city]], vraagt een tussenkomst in haar energiefactuur.
<<CAPS
Gezin: zij woont samen met de heer [[p.f]] [[p.l]] en haar kinderen [[c1.f]] en [[c2.f]]. Zoon [[c1.dim]] wordt opgevolgd in het [[k.saint]] voor de ziekte van [[k.disease]].
CAPS>>
Sinds [[k.date]] werkt de heer [[p.l]] niet meer als [[k.occ]] in [[k.muni]]. De verhuurder, de heer [[landlord.f]] [[landlord.l]] (tel. [[landlord.phone]]), vraagt een achterstal van [[k.amount]] euro. Rond [[k.word]] verblijven de kinderen bij hun tante [[sister.f]] [[sister.l]].
<<CAPS
Voorstel: steun van [[k.amount]] euro op basis van [[k.legal]], te storten op [[iban]].
CAPS>>
De algemeen directeur, [[dg]]""",
           """#M
Verslag sociaal onderzoek — [[ref]]

De heer [[a.f]] [[a.l]] (rijksregisternummer [[niss]]) werd doorverwezen door de sociale dienst van het [[k.inst_ep]]. Hij woont alleen in de [[street]] te [[city]] sinds de breuk met mevrouw [[ex.f]] [[ex.l]].
<<CAPS
De heer [[a.l]] ontvangt een uitkering van de [[k.inst]] ([[k.amount]] euro per maand). Zijn huisarts, dokter [[doctor.l]], bevestigt de ziekte van [[k.disease]].
CAPS>>
Zijn vroegere werkgever, [[employer.f]] [[employer.l]], bevestigt dat hij tot [[k.date]] als [[k.occ]] werkte. Vrienden noemen hem "[[a.dim]]". Telefoon: [[phone]].

Advies maatschappelijk werker ([[sw]]): gunstig, met toepassing van [[k.legal]]."""],
    "de": ["""#F
SOZIALBERICHT — Sonderausschuss für den Sozialdienst
Akte [[ref]] — Sozialdienst: [[sw]]

Frau [[a.f]] [[a.L]], geboren am [[bdatel]], wohnhaft [[street]], [[city]], beantragt eine Beihilfe zu den Heizkosten.
<<CAPS
Haushalt: sie lebt mit Herrn [[p.f]] [[p.l]] und den Kindern [[c1.f]] und [[c2.f]]. Der kleine [[c1.dim]] wird im [[k.saint]] wegen Morbus [[k.disease]] behandelt.
CAPS>>
Seit dem [[k.date]] arbeitet Herr [[p.l]] nicht mehr als [[k.occ]] in [[k.muni]]. Der Vermieter, Herr [[landlord.f]] [[landlord.l]] (Tel. [[landlord.phone]]), fordert einen Mietrückstand von [[k.amount]] EUR. Über [[k.word]] wohnen die Kinder bei der Tante, Frau [[sister.f]] [[sister.l]].
<<CAPS
Vorschlag: Beihilfe von [[k.amount]] EUR gemäß [[k.legal]], zu überweisen auf [[iban]].
CAPS>>
Die Generaldirektorin, [[dg]]""",
           """#M
Bericht der Sozialuntersuchung — [[ref]]

Herr [[a.f]] [[a.l]] (NISS [[niss]]) wurde vom Sozialdienst der [[k.inst_ep]] an uns verwiesen. Er wohnt seit der Trennung von Frau [[ex.f]] [[ex.l]] allein in der [[street]] in [[city]].
<<CAPS
Herr [[a.l]] bezieht Leistungen der [[k.inst]] ([[k.amount]] EUR monatlich). Sein Hausarzt, Dr. [[doctor.l]], bescheinigt Morbus [[k.disease]].
CAPS>>
Sein früherer Arbeitgeber, Herr [[employer.f]] [[employer.l]], bestätigt, dass er bis zum [[k.date]] als [[k.occ]] tätig war. Im Dorf nennt man ihn „[[a.dim]]“. Telefon: [[phone]].

Stellungnahme des Sozialdienstes ([[sw]]): positiv, in Anwendung von [[k.legal]]."""],
}

FORM = {
    "fr": ["""FICHE DE DEMANDE — CPAS — dossier [[ref]]
Nom ...................... : [[a.L]]
Prénom ................... : [[a.f]]
Né(e) le ................. : [[bdate]]
N° national .............. : [[nissocr]]
Adresse .................. : [[streetab]], [[city]]
GSM ...................... : [[phone]]
Tél. (famille à l'étranger): [[phonefor]]
E-mail ................... : [[emailobf]]
Compte ................... : [[iban]]
Organisme concerné ....... : [[k.inst]]
Personne de contact ...... : [[contact.f]] [[contact.L]] ([[contact.phone]])
Objet .................... : aide au paiement de la facture [[k.inst]] de [[k.amount]] €
Date de la demande ....... : [[k.date]]
Reçu par ................. : [[sw]]"""],
    "nl": ["""AANVRAAGFORMULIER — OCMW — dossier [[ref]]
Naam:\t[[a.L]]
Voornaam:\t[[a.f]]
Geboortedatum:\t[[bdate]]
Rijksregisternr.:\t[[nissocr]]
Adres:\t[[streetab]], [[city]]
GSM:\t[[phone]]
Tel. familie NL:\t[[phonefor]]
E-mail:\t[[emailobf]]
Rekeningnr.:\t[[iban]]
Betrokken dienst:\t[[k.inst]]
Contactpersoon:\t[[contact.f]] [[contact.L]] ([[contact.phone]])
Voorwerp:\ttussenkomst factuur [[k.amount]] euro
Datum aanvraag:\t[[k.date]]
Ontvangen door:\t[[sw]]"""],
    "de": ["""ANTRAGSFORMULAR — ÖSHZ — Akte [[ref]]
Name: [[a.L]]
Vorname: [[a.f]]
Geburtsdatum: [[bdate]]
Nationalregisternr.: [[nissocr]]
Anschrift: [[streetab]], [[city]]
Handy: [[phone]]
Tel. (Familie in DE): [[phonefor]]
E-Mail: [[emailobf]]
Konto: [[iban]]
Zuständige Stelle: [[k.inst]]
Kontaktperson: [[contact.f]] [[contact.L]] ([[contact.phone]])
Gegenstand: Übernahme einer Rechnung über [[k.amount]] EUR
Antragsdatum: [[k.date]]
Entgegengenommen von: [[sw]]"""],
}

EMAIL = {
    "fr": ["""#F
De : [[sw]] <service.social@cpas.example>
À : [[landlord.email]]
Objet : RE: loyers impayés — [[ref]]

Monsieur [[landlord.l]],
Nous avons bien reçu votre courriel. Le CPAS examine la situation de Madame [[a.l]] et reviendra vers vous après le comité du [[k.date]].
Cordialement,
[[sw]]

> Le mar. [[k.date]], [[landlord.f]] [[landlord.l]] a écrit :
> Madame, votre locataire [[a.f]] [[a.l]] ([[street]]) me doit [[k.amount]] €.
> Je ne peux plus attendre. Son ami [[friend.dim]] passe tous les soirs, le voisinage se plaint.
> --
> [[landlord.f]] [[landlord.L]]
> Gestion locative — GSM [[landlord.phone]]
> IBAN [[landlord.iban]]""",
           """#F
De : [[employer.f]] [[employer.l]] <[[employer.email]]>
Envoyé : [[k.date]]
À : [[sw]]
Objet : attestation de travail — [[a.f]] [[a.L]]

Bonjour,
Je confirme que Madame [[a.l]] a travaillé chez nous comme [[k.occ]] jusqu'au [[k.date]]. Le dernier salaire ([[k.amount]] €) a été versé sur le compte [[iban]].
Bien à vous,
[[employer.f]] [[employer.L]]
Gérant — [[employer.phone]]

-----Message d'origine-----
De : [[sw]]
Pouvez-vous nous transmettre une attestation pour Mme [[a.l]] ([[niss]]) ?"""],
    "nl": ["""#F
Van: [[sw]] <sociale.dienst@ocmw.example>
Aan: [[landlord.email]]
Onderwerp: RE: huurachterstal — [[ref]]

Geachte heer [[landlord.l]],
Wij hebben uw mail goed ontvangen. Het OCMW onderzoekt de toestand van mevrouw [[a.l]] en neemt contact op na het comité van [[k.date]].
Met vriendelijke groeten,
[[sw]]

> Op [[k.date]] schreef [[landlord.f]] [[landlord.l]]:
> Mevrouw, uw cliënte [[a.f]] [[a.l]] ([[street]]) is mij [[k.amount]] euro verschuldigd.
> Haar vriend [[friend.dim]] komt elke avond, de buren klagen.
> --
> [[landlord.f]] [[landlord.L]]
> Verhuur en beheer — GSM [[landlord.phone]]
> IBAN [[landlord.iban]]""",
           """#F
Van: [[employer.f]] [[employer.l]] <[[employer.email]]>
Verzonden: [[k.date]]
Aan: [[sw]]
Onderwerp: werkgeversattest — [[a.f]] [[a.L]]

Goedemiddag,
Ik bevestig dat mevrouw [[a.l]] bij ons als [[k.occ]] werkte tot [[k.date]]. Het laatste loon ([[k.amount]] euro) werd gestort op [[iban]].
Met vriendelijke groet,
[[employer.f]] [[employer.L]]
Zaakvoerder — [[employer.phone]]

-----Oorspronkelijk bericht-----
Van: [[sw]]
Kunt u ons een attest bezorgen voor mevrouw [[a.l]] ([[niss]])?"""],
    "de": ["""#F
Von: [[sw]] <sozialdienst@oeshz.example>
An: [[landlord.email]]
Betreff: AW: Mietrückstand — [[ref]]

Sehr geehrter Herr [[landlord.l]],
wir haben Ihre E-Mail erhalten. Das ÖSHZ prüft die Lage von Frau [[a.l]] und meldet sich nach der Sitzung vom [[k.date]].
Mit freundlichen Grüßen
[[sw]]

> Am [[k.date]] schrieb [[landlord.f]] [[landlord.l]]:
> Ihre Mieterin [[a.f]] [[a.l]] ([[street]]) schuldet mir [[k.amount]] EUR.
> Ihr Freund [[friend.dim]] kommt jeden Abend, die Nachbarn beschweren sich.
> --
> [[landlord.f]] [[landlord.L]]
> Vermietung — Handy [[landlord.phone]]
> IBAN [[landlord.iban]]""",
           """#F
Von: [[employer.f]] [[employer.l]] <[[employer.email]]>
Gesendet: [[k.date]]
An: [[sw]]
Betreff: Arbeitsbescheinigung — [[a.f]] [[a.L]]

Guten Tag,
hiermit bestätige ich, dass Frau [[a.l]] bis zum [[k.date]] bei uns als [[k.occ]] gearbeitet hat. Der letzte Lohn ([[k.amount]] EUR) wurde auf [[iban]] überwiesen.
Mit freundlichen Grüßen
[[employer.f]] [[employer.L]]
Geschäftsführer — [[employer.phone]]

-----Ursprüngliche Nachricht-----
Von: [[sw]]
Könnten Sie uns eine Bescheinigung für Frau [[a.l]] ([[niss]]) zusenden?"""],
}

HOUSEHOLD = {
    "fr": ["""#F
Composition de ménage — dossier [[ref]]
| Nom | Prénom | Lien | Naissance |
| [[a.L]] | [[a.f]] | demandeuse | [[bdate]] |
| [[p.L]] | [[p.f]] | conjoint | — |
| [[c1.L]] | [[c1.f]] | fille/fils | [[c1bdate]] |
| [[c2.L]] | [[c2.f]] | fille/fils | [[c2bdate]] |
Ressources du ménage : [[k.amount]] € ([[k.inst]]) ; allocations familiales [[k.inst]] : [[k.amount]] €.
Adresse commune : [[street]], [[city]]."""],
    "nl": ["""Gezinssamenstelling — dossier [[ref]]
Naam;Voornaam;Band;Geboren
[[a.L]];[[a.f]];aanvrager;[[bdate]]
[[p.L]];[[p.f]];partner;-
[[c1.L]];[[c1.f]];kind;[[c1bdate]]
[[c2.L]];[[c2.f]];kind;[[c2bdate]]
Inkomsten gezin: [[k.amount]] euro ([[k.inst]]); groeipakket [[k.inst]]: [[k.amount]] euro.
Adres: [[street]], [[city]]."""],
    "de": ["""Haushaltszusammensetzung — Akte [[ref]]
Name\tVorname\tVerhältnis\tGeboren
[[a.L]]\t[[a.f]]\tAntragsteller(in)\t[[bdate]]
[[p.L]]\t[[p.f]]\tPartner(in)\t-
[[c1.L]]\t[[c1.f]]\tKind\t[[c1bdate]]
[[c2.L]]\t[[c2.f]]\tKind\t[[c2bdate]]
Einkünfte: [[k.amount]] EUR ([[k.inst]]); Familienleistungen: [[k.amount]] EUR.
Anschrift: [[street]], [[city]]."""],
}

COURT = {
    "fr": ["""#F
Synthèse des procédures — [[ref]]
1. Citation du [[k.date]] à la requête de Maître [[bailiff.f]] [[bailiff.l]], huissier de justice à [[k.muni]] (réf. [[roll]]), pour un montant de [[k.amount]] €.
2. Saisie-exécution sur le véhicule de Monsieur [[p.l]] (plaque [[plate]]).
3. Requête en règlement collectif de dettes ([[k.legal]]) déposée par Maître [[lawyer.l]] ; ordonnance d'admissibilité du juge [[judge.f]] [[judge.L]], R.G. [[roll]].
4. Médiateur de dettes désigné : Madame [[mediator.f]] [[mediator.l]], [[mediator.email]]."""],
    "nl": ["""#F
Overzicht procedures — [[ref]]
1. Dagvaarding van [[k.date]] op verzoek van meester [[bailiff.f]] [[bailiff.l]], gerechtsdeurwaarder te [[k.muni]] (ref. [[roll]]), voor [[k.amount]] euro.
2. Uitvoerend beslag op de wagen van de heer [[p.l]] (nummerplaat [[plate]]).
3. Verzoekschrift collectieve schuldenregeling ([[k.legal]]) ingediend door meester [[lawyer.l]]; beschikking van toelaatbaarheid van rechter [[judge.f]] [[judge.L]], A.R. [[roll]].
4. Schuldbemiddelaar: mevrouw [[mediator.f]] [[mediator.l]], [[mediator.email]]."""],
    "de": ["""#F
Übersicht der Verfahren — [[ref]]
1. Ladung vom [[k.date]] auf Antrag des Gerichtsvollziehers [[bailiff.f]] [[bailiff.l]] in [[k.muni]] (Az. [[roll]]) über [[k.amount]] EUR.
2. Pfändung des Fahrzeugs von Herrn [[p.l]] (Kennzeichen [[plate_de]]).
3. Antrag auf kollektive Schuldenregelung ([[k.legal]]) durch Rechtsanwalt [[lawyer.l]]; Zulässigkeitsbeschluss der Richterin [[judge.f]] [[judge.L]], Az. [[roll]].
4. Schuldnerberaterin: Frau [[mediator.f]] [[mediator.l]], [[mediator.email]]."""],
}

NOTES = {
    "fr": ["""Notes de suivi — [[ref]] (AS : [[swini]])
[[k.date]] — [[swini]] : entretien avec [[a.ini]] ; « [[a.dim]] » dit que l'ex, [[ex.dim]], refuse de payer la pension.
[[k.date]] — [[swini]] : appel de [[neighbour.f]] [[neighbour.l]] (voisine), inquiète pour les enfants.
[[k.date]] — [[swini]] : [[a.ini]] apporte la facture [[k.inst]] ([[k.amount]] €). Mail perso : [[emailobf]].
[[k.date]] — [[swini]] : RDV annulé, [[c1.dim]] malade (suspicion [[k.disease]]).""",
           """#F
Journal du dossier [[ref]]
[[k.date]] ([[swini]]) VAD. [[a.dim]] seule avec [[c2.f]] ; [[c1.dim]] est chez son père ([[ex.f]] [[ex.l]]) jusqu'à [[k.word]].
[[k.date]] ([[swini]]) Tél. de Mme [[teacher.l]], institutrice de [[c2.f]] : absences répétées.
[[k.date]] ([[swini]]) [[a.ini]] a reçu un rappel de Maître [[bailiff.l]] ([[k.amount]] €), réf. [[roll]].
[[k.date]] ([[swini]]) Passage de [[friend.dim]], le copain : dit vouloir « aider [[a.dim]] ». À vérifier."""],
    "nl": ["""Opvolgnotities — [[ref]] (MW: [[swini]])
[[k.date]] — [[swini]]: gesprek met [[a.ini]]; "[[a.dim]]" zegt dat de ex, [[ex.dim]], geen alimentatie betaalt.
[[k.date]] — [[swini]]: telefoon van buurvrouw [[neighbour.f]] [[neighbour.l]], bezorgd om de kinderen.
[[k.date]] — [[swini]]: [[a.ini]] brengt factuur [[k.inst]] ([[k.amount]] euro). Privémail: [[emailobf]].
[[k.date]] — [[swini]]: afspraak afgezegd, [[c1.dim]] ziek (vermoeden [[k.disease]]).""",
           """#F
Dossierlogboek [[ref]]
[[k.date]] ([[swini]]) Huisbezoek. [[a.dim]] alleen met [[c2.f]]; [[c1.dim]] verblijft bij zijn vader ([[ex.f]] [[ex.l]]) tot [[k.word]].
[[k.date]] ([[swini]]) Telefoon van juf [[teacher.l]], leerkracht van [[c2.f]]: veel afwezigheden.
[[k.date]] ([[swini]]) [[a.ini]] kreeg een herinnering van gerechtsdeurwaarder [[bailiff.l]] ([[k.amount]] euro), ref. [[roll]].
[[k.date]] ([[swini]]) [[friend.dim]], de nieuwe vriend, kwam langs: wil "[[a.dim]] helpen". Na te gaan."""],
    "de": ["""Verlaufsnotizen — [[ref]] (SA: [[swini]])
[[k.date]] — [[swini]]: Gespräch mit [[a.ini]]; „[[a.dim]]“ sagt, der Ex, [[ex.dim]], zahlt keinen Unterhalt.
[[k.date]] — [[swini]]: Anruf der Nachbarin [[neighbour.f]] [[neighbour.l]], besorgt um die Kinder.
[[k.date]] — [[swini]]: [[a.ini]] bringt Rechnung [[k.inst]] ([[k.amount]] EUR). Private Mail: [[emailobf]].
[[k.date]] — [[swini]]: Termin abgesagt, [[c1.dim]] krank (Verdacht auf [[k.disease]]).""",
           """#F
Aktenvermerke [[ref]]
[[k.date]] ([[swini]]) Hausbesuch. [[a.dim]] allein mit [[c2.f]]; [[c1.dim]] ist bis [[k.word]] beim Vater ([[ex.f]] [[ex.l]]).
[[k.date]] ([[swini]]) Anruf von Frau [[teacher.l]], Lehrerin von [[c2.f]]: häufige Fehlzeiten.
[[k.date]] ([[swini]]) [[a.ini]] hat eine Mahnung von Gerichtsvollzieher [[bailiff.l]] erhalten ([[k.amount]] EUR), Az. [[roll]].
[[k.date]] ([[swini]]) Besuch von [[friend.dim]], dem neuen Freund: will „[[a.dim]] helfen“. Zu prüfen."""],
}

# layouts of this set's own
SOCIAL_INQUIRY = {
    "fr": ["""#F
ENQUÊTE SOCIALE — rubriques — [[ref]]
A. Identification : [[a.f]] [[a.l]], [[bdate]], NISS [[niss]].
B. Logement : [[streetab]], [[city]] ; bailleur [[landlord.f]] [[landlord.l]] ; loyer [[k.amount]] €.
C. Santé : suivie au [[k.inst_ep]] (pathologie : [[k.disease]]).
D. Emploi : ancienne [[k.occ]] ; inscrite au [[k.inst]].
E. Réseau : sa cousine [[cousin.f]] [[cousin.soft]] l'aide pour les courses.
F. Avis : favorable ([[k.legal]])."""],
    "nl": ["""SOCIAAL ONDERZOEK — rubrieken — [[ref]]
1. Identificatie: [[a.f]] [[a.l]], °[[bdate]], INSZ [[niss]].
2. Huisvesting: [[streetab]], [[city]]; verhuurder [[landlord.f]] [[landlord.l]]; huur [[k.amount]] euro.
3. Gezondheid: opgevolgd in [[k.inst_ep]] (ziekte van [[k.disease]]).
4. Werk en opleiding: vroeger [[k.occ]]; ingeschreven bij [[k.inst]].
5. Netwerk: nicht [[cousin.f]] [[cousin.soft]] helpt met boodschappen.
6. Besluit: gunstig advies ([[k.legal]])."""],
    "de": ["""SOZIALUNTERSUCHUNG — Rubriken — [[ref]]
1. Personalien: [[a.f]] [[a.l]], geb. [[bdate]], NISS [[niss]].
2. Wohnen: [[streetab]], [[city]]; Vermieter [[landlord.f]] [[landlord.l]]; Miete [[k.amount]] EUR.
3. Gesundheit: Behandlung in der [[k.inst_ep]] (Morbus [[k.disease]]).
4. Arbeit: früher [[k.occ]]; gemeldet beim [[k.inst]].
5. Umfeld: die Cousine [[cousin.f]] [[cousin.soft]] hilft beim Einkaufen.
6. Stellungnahme: positiv ([[k.legal]])."""],
}

AMU = {
    "fr": ["""Demande d'aide médicale urgente — [[ref]]
Demandeur : [[a.f]] [[a.L]], né(e) le [[bdate]], sans titre de séjour, hébergé chez [[host.f]] [[host.l]], [[street]], [[city]].
Certificat du Dr [[doctor.f]] [[doctor.l]] ([[k.saint]]) du [[k.date]] : soins urgents requis (suivi [[k.disease]]).
Coût estimé : [[k.amount]] € ; prise en charge via le SPP IS ([[k.legal]]).
Téléphone de l'hébergeur : [[host.phone]]."""],
    "nl": ["""Aanvraag dringende medische hulp — [[ref]]
Aanvrager: [[a.f]] [[a.L]], geboren [[bdate]], zonder verblijfsdocument, verblijft bij [[host.f]] [[host.l]], [[street]], [[city]].
Attest van dokter [[doctor.f]] [[doctor.l]] ([[k.saint]]) van [[k.date]]: dringende zorg nodig (opvolging [[k.disease]]).
Geraamde kost: [[k.amount]] euro; ten laste van de POD MI ([[k.legal]]).
Telefoon gastgezin: [[host.phone]]."""],
    "de": ["""Antrag auf dringende medizinische Hilfe — [[ref]]
Antragsteller(in): [[a.f]] [[a.L]], geb. [[bdate]], ohne Aufenthaltstitel, wohnt bei [[host.f]] [[host.l]], [[street]], [[city]].
Attest von Dr. [[doctor.f]] [[doctor.l]] ([[k.saint]]) vom [[k.date]]: dringende Behandlung erforderlich (Verlauf [[k.disease]]).
Geschätzte Kosten: [[k.amount]] EUR; Übernahme durch den ÖPD SI ([[k.legal]]).
Telefon der Gastfamilie: [[host.phone]]."""],
}

RENT_GUARANTEE = {
    "fr": ["""Demande de garantie locative — [[ref]]
Locataire : [[a.f]] [[a.l]] — [[phone]] — [[email]]
Nouveau logement : [[street]], [[city]] ; entrée le [[k.date]].
Bailleur : [[landlord.f]] [[landlord.L]], [[landlord.phone]], compte [[landlord.iban]].
Agence : [[agent.f]] [[agent.l]] ([[agent.email]]).
Loyer [[k.amount]] € ; garantie demandée [[k.amount]] € (lettre de garantie CPAS).
Le bail est signé par [[a.f]] et son fils [[c1.f]]."""],
    "nl": ["""#F
Aanvraag huurwaarborg — [[ref]]
Huurder: [[a.f]] [[a.l]] — [[phone]] — [[email]]
Nieuwe woning: [[street]], [[city]]; intrek op [[k.date]].
Verhuurder: [[landlord.f]] [[landlord.L]], [[landlord.phone]], rekening [[landlord.iban]].
Immokantoor: [[agent.f]] [[agent.l]] ([[agent.email]]).
Huur [[k.amount]] euro; gevraagde waarborg [[k.amount]] euro (OCMW-waarborgbrief).
Het huurcontract is ondertekend door [[a.f]] en haar zoon [[c1.f]]."""],
    "de": ["""Antrag auf Mietgarantie — [[ref]]
Mieter(in): [[a.f]] [[a.l]] — [[phone]] — [[email]]
Neue Wohnung: [[street]], [[city]]; Einzug am [[k.date]].
Vermieter: [[landlord.f]] [[landlord.L]], [[landlord.phone]], Konto [[landlord.iban]].
Immobilienbüro: [[agent.f]] [[agent.l]] ([[agent.email]]).
Miete [[k.amount]] EUR; beantragte Garantie [[k.amount]] EUR (Garantieschreiben des ÖSHZ).
Der Mietvertrag wurde von [[a.f]] und dem Sohn [[c1.f]] unterschrieben."""],
}

ART60 = {
    "fr": ["""#M
Évaluation de mise à l'emploi (article 60) — [[ref]]
Travailleur : [[a.f]] [[a.l]] ([[niss]])
Lieu de travail : [[k.inst_ep]], service technique ; tuteur : [[mentor.f]] [[mentor.l]].
Période : du [[k.date]] au [[k.date]] (contrat [[k.legal]]).
Évaluation du tuteur : ponctuel, bon contact ; « [[a.dim]] aide volontiers le [[k.occ]] de l'équipe ».
Absences : 3 jours (certificat Dr [[doctor.l]]).
Jobcoach : [[coach.f]] [[coach.l]], [[coach.phone]]."""],
    "nl": ["""#M
Evaluatie tewerkstelling (artikel 60) — [[ref]]
Werknemer: [[a.f]] [[a.l]] ([[niss]])
Werkplek: [[k.inst_ep]], technische dienst; mentor: [[mentor.f]] [[mentor.l]].
Periode: van [[k.date]] tot [[k.date]] (contract [[k.legal]]).
Evaluatie mentor: stipt, goed contact; "[[a.dim]] helpt graag de [[k.occ]] van de ploeg".
Afwezigheden: 3 dagen (attest dokter [[doctor.l]]).
Jobcoach: [[coach.f]] [[coach.l]], [[coach.phone]]."""],
    "de": ["""#M
Bewertung der Beschäftigung (Artikel 60) — [[ref]]
Arbeitnehmer(in): [[a.f]] [[a.l]] ([[niss]])
Arbeitsstelle: [[k.inst_ep]], technischer Dienst; Mentor: [[mentor.f]] [[mentor.l]].
Zeitraum: vom [[k.date]] bis zum [[k.date]] (Vertrag [[k.legal]]).
Bewertung des Mentors: pünktlich, freundlich; „[[a.dim]] hilft gern dem [[k.occ]] im Team“.
Abwesenheiten: 3 Tage (Attest Dr. [[doctor.l]]).
Jobcoach: [[coach.f]] [[coach.l]], [[coach.phone]]."""],
}

FUNERAL = {
    "fr": ["""#F
Demande d'intervention dans les frais funéraires — [[ref]]
Défunt : Monsieur [[dead.f]] [[dead.L]], époux de la demandeuse, décédé le [[k.date]] au [[k.saint]].
Demandeuse : son épouse, [[a.f]] [[a.l]], [[street]], [[city]], GSM [[phone]].
Pompes funèbres [[undertaker.l]] (contact : [[undertaker.f]] [[undertaker.l]], [[undertaker.phone]]) : devis de [[k.amount]] €.
Inhumation prévue à [[k.muni]] ; le frère du défunt, [[uncle.f]] [[uncle.zw]], ne peut pas contribuer.
Base : [[k.legal]]."""],
    "nl": ["""#F
Aanvraag tussenkomst begrafeniskosten — [[ref]]
Overledene: de heer [[dead.f]] [[dead.L]], echtgenoot van de aanvraagster, overleden op [[k.date]] in het [[k.saint]].
Aanvraagster: echtgenote [[a.f]] [[a.l]], [[street]], [[city]], gsm [[phone]].
Begrafenisonderneming [[undertaker.l]] (contact: [[undertaker.f]] [[undertaker.l]], [[undertaker.phone]]): offerte van [[k.amount]] euro.
Begrafenis in [[k.muni]]; de broer van de overledene, [[uncle.f]] [[uncle.zw]], kan niet bijdragen.
Grondslag: [[k.legal]]."""],
    "de": ["""#F
Antrag auf Beteiligung an den Bestattungskosten — [[ref]]
Verstorbener: Herr [[dead.f]] [[dead.L]], Ehemann der Antragstellerin, verstorben am [[k.date]] im [[k.saint]].
Antragstellerin: die Ehefrau, [[a.f]] [[a.l]], [[street]], [[city]], Handy [[phone]].
Bestattungen [[undertaker.l]] (Ansprechpartner: [[undertaker.f]] [[undertaker.l]], [[undertaker.phone]]): Kostenvoranschlag über [[k.amount]] EUR.
Beerdigung in [[k.muni]]; der Bruder des Verstorbenen, [[uncle.f]] [[uncle.zw]], kann nichts beitragen.
Grundlage: [[k.legal]]."""],
}

TEMPLATES = {
    language: {
        "narrative": NARRATIVE[language], "allcaps": NARRATIVE[language],
        "pdf_paste": NARRATIVE[language], "form": FORM[language],
        "email_thread": EMAIL[language], "household_table": HOUSEHOLD[language],
        "court_letter": COURT[language], "notes": NOTES[language],
        "social_inquiry": SOCIAL_INQUIRY[language], "amu_request": AMU[language],
        "rent_guarantee": RENT_GUARANTEE[language], "art60_evaluation": ART60[language],
        "funeral_costs": FUNERAL[language],
    }
    for language in ("fr", "nl", "de")
}


def main() -> None:
    rng = random.Random(SEED)
    sizes = {"fr": 40, "nl": 28, "de": 28}
    for old in HERE.glob("h6*"):
        old.unlink()
    layout_counts: Counter = Counter()
    category_counts: Counter = Counter()
    for language, size in sizes.items():
        layouts = sorted(TEMPLATES[language])
        for i in range(size):
            layout = layouts[i % len(layouts)]
            variants = TEMPLATES[language][layout]
            template = variants[(i // len(layouts)) % len(variants)]
            number = {"fr": 100, "nl": 300, "de": 500}[language] + i + 1
            draft = build_one(rng, language, layout, number, template)
            base = HERE / f"h6{language}{i + 1:03d}"
            base.with_suffix(".txt").write_text(draft.text, "utf-8")
            base.with_suffix(".json").write_text(
                json.dumps(draft.dossier(), ensure_ascii=False, indent=1) + "\n", "utf-8")
            annotation = {"author": AUTHOR, "layout": layout, "redact": draft.redact,
                          "keep": draft.keep}
            base.with_name(base.name + ".ann.json").write_text(
                json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", "utf-8")
            load_dossier(base.with_suffix(".json"))
            layout_counts[(layout, language)] += 1
            for entry in draft.redact:
                what = "known" if entry["known"] else "third party"
                category_counts[(f"{what}: {entry['category']}", language)] += 1
            for entry in draft.keep:
                category_counts[(f"keep: {entry['category']}", language)] += 1
    write_sizes(sizes, layout_counts, category_counts)


def table(header: str, counts: Counter) -> list[str]:
    rows = [f"| {header} | fr | nl | de | total |", "|---|---|---|---|---|"]
    for key in sorted({k for k, _ in counts}):
        cells = [counts[(key, lang)] for lang in ("fr", "nl", "de")]
        rows.append(f"| {key} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    return rows


def write_sizes(sizes: dict, layouts: Counter, categories: Counter) -> None:
    lines = ["<!-- sizes: written by build.py -->", "| | fr | nl | de | total |",
             "|---|---|---|---|---|",
             f"| reports | {sizes['fr']} | {sizes['nl']} | {sizes['de']} | {sum(sizes.values())} |",
             "", "### Layouts", "", *table("layout", layouts), "",
             "### Annotated entries per category", "", *table("entry: category", categories),
             "<!-- end of sizes -->"]
    readme = HERE / "README.md"
    old = readme.read_text("utf-8")
    new = re.sub(r"<!-- sizes: written by build.py -->.*<!-- end of sizes -->",
                 lambda _: "\n".join(lines), old, flags=re.S)
    readme.write_text(new, "utf-8")


if __name__ == "__main__":
    main()
