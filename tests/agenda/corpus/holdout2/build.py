"""Write the second held-out evaluation set for the pseudonymiser (issue 19).

``.venv/bin/python tests/agenda/corpus/holdout2/build.py`` writes 90 synthetic reports (40 fr,
25 nl, 25 de) as ``h2LLNNN.txt`` / ``.json`` / ``.ann.json`` beside this file, and the size
tables of README.md. The seed is fixed. Every value is written into the text and annotated at
the same moment; a report whose annotation fails the evaluator's own matching is drawn again.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path.insert(0, str(REPO))

import jsonschema  # noqa: E402
from stdnum import iban as stdiban  # noqa: E402
from stdnum.be import nn as stdnn  # noqa: E402

from agenda.pseudonymise.dossier import load_dossier  # noqa: E402
from agenda.pseudonymise.evaluate import _present, survives  # noqa: E402

SEED = 20261207
SCHEMA = json.loads((REPO.parent / "shared" / "spec" / "dossier.schema.json").read_text("utf-8"))
SHY, ZWSP = "\u00ad", "\u200b"
LAYOUTS = ("narrative", "pdf_paste", "form", "email_thread", "household_table", "allcaps",
           "court_letter", "notes")
COUNTS = {"fr": 40, "nl": 25, "de": 25}

# ---------------------------------------------------------------- pools (this set's own)
# first names: (name, sex, diminutive or None)
FIRST = {
    "fr": [("Aurélie", "F", "Lili"), ("Grégory", "M", "Greg"), ("Valérie", "F", "Valou"),
           ("Christophe", "M", "Tof"), ("Nathalie", "F", "Nath"), ("Frédéric", "M", "Fredo"),
           ("Stéphanie", "F", "Steph"), ("Jérôme", "M", "Jéjé"), ("Amandine", "F", "Mandy"),
           ("Ludovic", "M", "Ludo"), ("Sandrine", "F", "Sandy"), ("Maxime", "M", "Max"),
           ("Mélissa", "F", "Méli"), ("Yasmina", "F", "Yasmi"), ("Abdelkader", "M", "Kader"),
           ("Fatoumata", "F", "Fatou"), ("Mehmet", "M", "Memo"), ("Oksana", "F", "Ksioucha"),
           ("Bogdan", "M", "Bodya"), ("Kévin", "M", None), ("Ophélie", "F", None),
           ("Jonathan", "M", "Jona"), ("Samira", "F", "Sami"), ("Dieudonné", "M", "Dido")],
    "nl": [("Wouter", "M", "Wout"), ("Annelies", "F", "Lies"), ("Geert", "M", None),
           ("Liesbeth", "F", "Betje"), ("Johannes", "M", "Hannes"), ("Marleen", "F", "Leen"),
           ("Lodewijk", "M", "Lode"), ("Josephina", "F", "Fien"), ("Franciscus", "M", "Cis"),
           ("Hilde", "F", None), ("Dirk", "M", None), ("Elke", "F", None), ("Bram", "M", None),
           ("Khadija", "F", "Dija"), ("Mustafa", "M", "Musti"), ("Agnieszka", "F", "Aga"),
           ("Emre", "M", None), ("Godelieve", "F", "Lieve"), ("Ferdinand", "M", "Nand"),
           ("Gerarda", "F", "Dada")],
    "de": [("Gertrud", "F", "Trude"), ("Heinrich", "M", "Heinz"), ("Magdalena", "F", "Leni"),
           ("Bernhard", "M", "Bernd"), ("Ursula", "F", "Uschi"), ("Dominik", "M", "Domi"),
           ("Annegret", "F", None), ("Lukas", "M", None), ("Theresia", "F", "Resi"),
           ("Reinhold", "M", None), ("Kristina", "F", "Tina"), ("Friedhelm", "M", "Friedel"),
           ("Walburga", "F", "Wally"), ("Hubertus", "M", "Huppi"), ("Leyla", "F", None),
           ("Arben", "M", None), ("Swetlana", "F", "Sweta"), ("Engelbert", "M", "Bert")],
}
# surnames: (particle or "", core)
LAST = {
    "fr": [("", "Thonon"), ("", "Lhoest"), ("", "Collignon"), ("", "Delvaux"), ("", "Piérard"),
           ("", "Wauthier"), ("", "Hennuy"), ("", "Bodart"), ("", "Masuy"), ("", "Ancion"),
           ("", "Dubuisson"), ("", "Stassart"), ("", "Jadoul"), ("", "Dethise"),
           ("", "Goffinet"), ("", "Benali"), ("El", "Amrani"), ("", "Yilmaz"), ("", "Kabongo"),
           ("", "Diallo"), ("", "Popescu"), ("", "Nowicki"), ("", "Mukendi"),
           ("", "Haddouchi"), ("", "Kowalczyk"), ("", "Ouedraogo"), ("", "Fontignies"),
           ("", "Marlière"), ("", "Bouhon"), ("", "Gillard")],
    "nl": [("", "Vanhoutte"), ("", "Claeys"), ("", "Verbeke"), ("De", "Smedt"), ("", "Goossens"),
           ("", "Wuyts"), ("Van", "Acker"), ("", "Moens"), ("", "Pauwels"), ("", "Verstraete"),
           ("", "Lenaerts"), ("", "Baert"), ("", "Declercq"), ("", "Cools"), ("", "Buyse"),
           ("", "Offermans"), ("Van der", "Straeten"), ("", "Aerts"), ("", "Boukhari"),
           ("", "Demir"), ("", "Wiśniewska"), ("", "Tshibanda"), ("", "Vandewalle"),
           ("", "Huybrechts"), ("De", "Ridder")],
    "de": [("", "Kreusch"), ("", "Mertes"), ("", "Heinen"), ("", "Backes"), ("", "Lentz"),
           ("", "Hilligsmann"), ("", "Thissen"), ("", "Kalbusch"), ("", "Jost"),
           ("", "Pankert"), ("", "Creutz"), ("", "Neycken"), ("", "Veiders"), ("", "Gennen"),
           ("", "Brüls"), ("", "Kohnen"), ("", "Scholzen"), ("", "Pfeiffer"), ("", "Krasniqi"),
           ("", "Iwanowa"), ("", "Özdemir"), ("", "Margraff"), ("", "Schifflers"),
           ("", "Rauw"), ("", "Zians")],
}
# streets: (full, abbreviated, distinctive word as the full form writes it, as abbreviated)
STREETS = {
    "fr": [("Rue des Tanneurs", "r. des Tanneurs", "Tanneurs", "Tanneurs"),
           ("Avenue des Charmilles", "av. des Charmilles", "Charmilles", "Charmilles"),
           ("Rue de la Briqueterie", "r. de la Briqueterie", "Briqueterie", "Briqueterie"),
           ("Rue du Pachy", "r. du Pachy", "Pachy", "Pachy"),
           ("Allée des Sorbiers", "all. des Sorbiers", "Sorbiers", "Sorbiers"),
           ("Rue des Houyeux", "r. des Houyeux", "Houyeux", "Houyeux"),
           ("Chaussée de la Hulpe-Haute", "chée de la Hulpe-Haute", "Hulpe-Haute",
            "Hulpe-Haute"),
           ("Boulevard des Trieux", "bd des Trieux", "Trieux", "Trieux")],
    "nl": [("Bremstraat", "Bremstr.", "Bremstraat", "Bremstr"),
           ("Meidoornlaan", "Meidoornln.", "Meidoornlaan", "Meidoornln"),
           ("Vlasgaardstraat", "Vlasgaardstr.", "Vlasgaardstraat", "Vlasgaardstr"),
           ("Hoogveldweg", "Hoogveldwg.", "Hoogveldweg", "Hoogveldwg"),
           ("Ganzendriesstraat", "Ganzendriesstr.", "Ganzendriesstraat", "Ganzendriesstr"),
           ("Kapelleveldlaan", "Kapelleveldln.", "Kapelleveldlaan", "Kapelleveldln")],
    "de": [("Mühlenbachstraße", "Mühlenbachstr.", "Mühlenbachstraße", "Mühlenbachstr"),
           ("Holunderweg", "Holunderwg.", "Holunderweg", "Holunderwg"),
           ("Talsperrenstraße", "Talsperrenstr.", "Talsperrenstraße", "Talsperrenstr"),
           ("Hasenbügelstraße", "Hasenbügelstr.", "Hasenbügelstraße", "Hasenbügelstr"),
           ("Wiesenhangweg", "Wiesenhangwg.", "Wiesenhangweg", "Wiesenhangwg")],
}
CITIES = {
    "fr": [("4100", "Seraing"), ("6200", "Châtelet"), ("5190", "Jemeppe-sur-Sambre"),
           ("6180", "Courcelles"), ("4400", "Flémalle"), ("6240", "Farciennes"),
           ("5300", "Andenne"), ("1480", "Tubize"), ("7390", "Quaregnon"), ("4040", "Herstal")],
    "nl": [("9160", "Lokeren"), ("9620", "Zottegem"), ("9500", "Geraardsbergen"),
           ("8700", "Tielt"), ("3920", "Lommel"), ("2220", "Heist-op-den-Berg")],
    "de": [("4700", "Eupen"), ("4720", "Kelmis"), ("4730", "Raeren"), ("4710", "Lontzen"),
           ("4750", "Bütgenbach"), ("4760", "Büllingen"), ("4770", "Amel")],
}
SAINT_PLACES = {
    "fr": ["Saint-Georges-sur-Meuse", "Sainte-Ode", "Saint-Josse-ten-Noode", "Saint-Léger",
           "Saint-Nicolas", "Saint-Gilles"],
    "nl": ["Sint-Gillis-Waas", "Sint-Katelijne-Waver", "Sint-Lievens-Houtem",
           "Sint-Genesius-Rode", "Sint-Amands"],
    "de": ["Sankt Vith", "St. Vith", "Saint-Vith"],
}
EPONYM_CARE = {
    "fr": ["Clinique Saint-Vincent", "Hôpital Vésale", "Centre hospitalier Jean Titeca",
           "Institut Pachéco", "Hôpital Brugmann", "Clinique Sainte-Thérèse"],
    "nl": ["AZ Sint-Blasius", "Sint-Vincentiusziekenhuis", "AZ Sint-Lucas",
           "PC Sint-Amandus", "Heilig Hartziekenhuis"],
    "de": ["St. Nikolaus-Hospital", "Albert-Schweitzer-Wohnheim", "Marienheim",
           "Klinik Sankt Elisabeth"],
}
EPONYM_SCHOOL = {
    "fr": ["Athénée Adolphe Max", "Institut Saint-Berthuin", "Haute École Léonard de Vinci",
           "École communale Arthur Rimbaud", "Collège Saint-Benoît"],
    "nl": ["Basisschool Pater Damiaan", "Sint-Jozefscollege", "Atheneum Jan Frans Willems",
           "Basisschool De Klimop"],
    "de": ["Pater-Damian-Sekundarschule", "Don-Bosco-Schule", "Maria-Goretti-Grundschule",
           "Robert-Schuman-Institut"],
}
DISEASES = {
    "fr": ["maladie de Charcot", "maladie de Paget", "syndrome de Tourette",
           "maladie de Kahler", "syndrome de Sjögren"],
    "nl": ["ziekte van Bechterew", "syndroom van Sjögren", "ziekte van Kahler",
           "syndroom van Tourette"],
    "de": ["Morbus Bechterew", "Sjögren-Syndrom", "Tourette-Syndrom", "Morbus Paget"],
}
OCCUPATIONS = {
    "fr": ["maçon", "meunier", "berger", "tailleur", "barbier", "charron"],
    "nl": ["slager", "molenaar", "schoenmaker", "kuiper", "metser"],
    "de": ["Bäcker", "Fischer", "Wagner", "Weber", "Schmied"],
}
LOOKALIKES = {
    "fr": ["la Pentecôte", "l'Ascension", "le Carnaval", "la Saint-Sylvestre", "la Chandeleur"],
    "nl": ["Pinksteren", "Hemelvaartsdag", "Krokusvakantie", "Paasvakantie", "Sinksen"],
    "de": ["Fronleichnam", "Karneval", "Heiligabend", "Neujahr", "Frühling"],
}
FOLDER_COLOURS = {"fr": "Violette", "nl": "Roos", "de": "Braun"}
LEGAL = {
    "fr": ["art. 60 §3 de la loi organique du 8 juillet 1976", "AR du 11 juillet 2002",
           "loi du 26 mai 2002 concernant le droit à l'intégration sociale",
           "art. 1675/2 du Code judiciaire", "art. 57 §1er de la loi organique"],
    "nl": ["art. 60, §3 van de organieke wet van 8 juli 1976", "KB van 11 juli 2002",
           "wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie",
           "art. 1675/2 van het Gerechtelijk Wetboek", "art. 57, §1 van de OCMW-wet"],
    "de": ["Art. 60 §3 des Grundlagengesetzes vom 8. Juli 1976",
           "Königlicher Erlass vom 11. Juli 2002",
           "Gesetz vom 26. Mai 2002 über das Recht auf soziale Eingliederung",
           "Art. 1675/2 des Gerichtsgesetzbuches", "Art. 57 §1 des ÖSHZ-Gesetzes"],
}
INSTITUTIONS = {
    "fr": ["FOREM", "ONEM", "Solidaris", "Partenamut", "CAPAC", "SPF Finances",
           "Service de médiation de dettes", "AVIQ"],
    "nl": ["VDAB", "RVA", "Helan", "CM", "HVW", "Huurdersbond", "Centrum Algemeen Welzijnswerk"],
    "de": ["Arbeitsamt", "LIKIV", "Christliche Krankenkasse", "Kaleido Ostbelgien",
           "Dienststelle für Selbstbestimmtes Leben", "Schuldnerberatung"],
}
MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
}
MAIL_DOMAINS = ["skynet.be", "voo.be", "telenet.be", "hotmail.com", "gmail.com", "proximus.be",
                "gmx.de", "outlook.be"]
# the same person's role in a report: (key, fr, nl, de)
ROLES = [("landlord", "propriétaire", "verhuurder", "Vermieter"),
         ("ex", "ex-compagnon", "ex-partner", "Ex-Partner"),
         ("neighbour", "voisine", "buurvrouw", "Nachbarin"),
         ("employer", "responsable RH", "personeelsverantwoordelijke", "Personalleiterin")]


# ---------------------------------------------------------------- words for numbers and dates
def fr_num(n: int) -> str:
    units = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
             "onze", "douze", "treize", "quatorze", "quinze", "seize"]
    tens = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
    if n < 17:
        return units[n]
    if n < 20:
        return "dix-" + units[n - 10]
    t, u = divmod(n, 10)
    if t in (7, 9):
        base = "soixante" if t == 7 else "quatre-vingt"
        return base + ("-et-" if n == 71 else "-") + fr_num(10 + u)
    if t == 8:
        return "quatre-vingts" if u == 0 else "quatre-vingt-" + units[u]
    if u == 0:
        return tens[t]
    return tens[t] + ("-et-un" if u == 1 else "-" + units[u])


def nl_num(n: int) -> str:
    units = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
             "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
             "achttien", "negentien"]
    tens = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig", 7: "zeventig",
            8: "tachtig", 9: "negentig"}
    if n < 20:
        return units[n]
    t, u = divmod(n, 10)
    if u == 0:
        return tens[t]
    unit = units[u]
    return unit + ("ën" if unit.endswith("e") else "en") + tens[t]


def de_num(n: int) -> str:
    units = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
             "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn",
             "achtzehn", "neunzehn"]
    tens = {2: "zwanzig", 3: "dreißig", 4: "vierzig", 5: "fünfzig", 6: "sechzig", 7: "siebzig",
            8: "achtzig", 9: "neunzig"}
    if n < 20:
        return units[n]
    t, u = divmod(n, 10)
    if u == 0:
        return tens[t]
    return ("ein" if u == 1 else units[u]) + "und" + tens[t]


def date_in_words(lang: str, d: date) -> tuple[str, str]:
    """(the birth date in words, its day and month in words)."""
    month = MONTHS[lang][d.month - 1]
    century, rest = divmod(d.year, 100)
    if lang == "fr":
        day = "premier" if d.day == 1 else fr_num(d.day)
        year = ("mil neuf cent" if century == 19 else "deux mille") + (
            " " + fr_num(rest) if rest else "")
        return f"le {day} {month} {year}", f"{day} {month}"
    if lang == "nl":
        day = nl_num(d.day)
        year = ("negentienhonderd" if century == 19 else "tweeduizend") + (
            nl_num(rest) if rest else "")
        return f"op {day} {month} {year}", f"{day} {month}"
    special = {1: "ersten", 3: "dritten", 7: "siebten", 8: "achten"}
    day = special.get(d.day) or de_num(d.day) + ("ten" if d.day < 20 else "sten")
    year = ("neunzehnhundert" if century == 19 else "zweitausend") + (de_num(rest) if rest else "")
    return f"am {day} {month} {year}", f"{day} {month}"


# ---------------------------------------------------------------- identifiers
OCR = {"0": "O", "1": "l", "5": "S", "8": "B"}


def make_niss(rng: random.Random, born: date, sex: str) -> str:
    seq = rng.randrange(1, 499) * 2 + (1 if sex == "M" else 0)
    base = f"{born:%y%m%d}{seq:03d}"
    check = 97 - int(("2" if born.year >= 2000 else "") + base) % 97
    niss = f"{base}{check:02d}"
    assert stdnn.is_valid(niss), niss
    return niss


def make_iban(rng: random.Random, country: str = "BE") -> str:
    """A valid IBAN (for Belgium, of a bank code stdnum knows)."""
    while True:
        number = _draw_iban(rng, country)
        if stdiban.is_valid(number):
            return number


def _draw_iban(rng: random.Random, country: str) -> str:
    if country == "BE":
        account = f"{rng.randrange(1, 999):03d}{rng.randrange(0, 10**7):07d}"
        national = int(account) % 97 or 97
        bban = f"{account}{national:02d}"
    else:
        bban = f"{rng.randrange(10**7, 10**8)}{rng.randrange(10**9, 10**10)}"
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def grouped(value: str, size: int = 4) -> str:
    return " ".join(value[i:i + size] for i in range(0, len(value), size))


def ocr(value: str, rng: random.Random) -> str | None:
    """The value with one digit read as a letter (not among the first two characters)."""
    spots = [i for i, c in enumerate(value) if c in OCR and i >= 2]
    if not spots:
        return None
    i = rng.choice(spots)
    return value[:i] + OCR[value[i]] + value[i + 1:]


def mobile(rng: random.Random, country: str) -> tuple[str, list[str]]:
    """(the dossier's form, written forms of the same number)."""
    if country == "BE":
        p = f"4{rng.choice('789')}{rng.randrange(0, 10)}"
        a, b, c = (f"{rng.randrange(0, 100):02d}" for _ in range(3))
        return f"+32 {p} {a} {b} {c}", [f"0{p} {a} {b} {c}", f"0{p}/{a}.{b}.{c}",
                                        f"+32 {p} {a}{b}{c}", f"0{p}-{a}{b[0]} {b[1]}{c}"]
    if country == "NL":
        n = f"{rng.randrange(10**7, 10**8)}"
        return f"+31 6 {n}", [f"06-{n}", f"+31 6 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
                              f"06 {n[:4]} {n[4:]}"]
    if country == "DE":
        p = rng.choice(["151", "160", "171", "176"])
        n = f"{rng.randrange(10**6, 10**7)}"
        return f"+49 {p} {n}", [f"0{p} {n}", f"0{p}/{n}", f"+49 {p} {n[:3]} {n[3:]}"]
    pairs = [f"{rng.randrange(0, 100):02d}" for _ in range(4)]
    d = rng.choice("67")
    return f"+33 {d} {' '.join(pairs)}", [f"0{d}.{'.'.join(pairs)}", f"0{d} {' '.join(pairs)}"]


def plate(rng: random.Random, lang: str) -> str:
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
    digits = f"{rng.randrange(100, 1000)}"
    lead = rng.choice("12")
    forms = [f"{lead}-{letters}-{digits}", f"{lead}{letters}{digits}", f"{lead} {letters} {digits}"]
    if lang == "de" and rng.random() < 0.3:
        return f"AC-{letters[:2]} {digits}"
    return rng.choice(forms)


def court_roll(rng: random.Random) -> str:
    yy = rng.choice([25, 26])
    n = rng.randrange(120, 4800)
    return rng.choice([f"{yy}/{n}/A", f"{yy}A{n}", f"20{yy}/AR/{n}", f"{yy}/{n}/B",
                       f"20{yy}/RR/{n}"])


# ---------------------------------------------------------------- the report being written
class Report:
    def __init__(self, lang: str):
        self.lang = lang
        self.parts: list[tuple[str, bool]] = []  # (text, protected from line breaks)
        self.redact: list[dict] = []
        self.keep: list[dict] = []
        self.caps = False
        self.pdf = False  # a PDF's font sets ligatures

    def w(self, text: str) -> None:
        self.parts.append((text.upper() if self.caps else text, False))

    def red(self, written: str, cat: str, category: str, known: bool, *, digits: bool = False,
            forms: list[str] | None = None) -> None:
        if self.caps:
            written = written.upper()
            forms = [f.upper() for f in forms] if forms else None
            if category == "name":
                category = "name_allcaps"
        entry = {"text": written, "cat": cat, "category": category, "known": known}
        if digits:
            entry["digits"] = True
        if forms:
            entry["forms"] = forms
        self.parts.append((written, True))
        self.redact.append(entry)

    def kp(self, text: str, cat: str, category: str) -> None:
        text = text.upper() if self.caps else text
        self.parts.append((text, True))
        self.keep.append({"text": text, "cat": cat, "category": category})

    def text(self) -> str:
        return "".join(t for t, _ in self.parts)

    def protected(self) -> list[bool]:
        return [p for t, p in self.parts for _ in t]


class Person:
    def __init__(self, first: str | None, particle: str, last: str, known: bool,
                 dim: str | None = None):
        self.first, self.particle, self.last, self.known, self.dim = (
            first, particle, last, known, dim)

    @property
    def full_last(self) -> str:
        return f"{self.particle} {self.last}".strip()


def write_token(r: Report, token: str, known: bool, style: str = "plain") -> None:
    """A name token, in one of the forms documents give it."""
    if style == "plain" and r.pdf and ("ff" in token or "fi" in token):
        style = "lig"
    if style == "caps":
        r.red(token.upper(), "name", "name_allcaps", known)
    elif style == "soft":
        cut = max(2, len(token) // 2)
        written = token[:cut] + SHY + token[cut:]
        r.red(written, "name", "name_soft_hyphen", known, forms=[written, token])
    elif style == "zw":
        cut = max(2, len(token) // 2 + 1)
        written = token[:cut] + ZWSP + token[cut:]
        r.red(written, "name", "name_zero_width", known, forms=[written, token])
    elif style == "break":
        cut = max(3, len(token) // 2)
        written = token[:cut] + "-\n" + token[cut:]
        r.red(written, "name", "name_hyphen_break", known, forms=[written, token])
    elif style == "lig":
        written = token.replace("ffi", "\ufb03").replace("ff", "\ufb00").replace("fi", "\ufb01")
        category = "name_ligature" if written != token else "name"
        r.red(written, "name", category, known,
              forms=[written, token] if written != token else None)
    elif style == "spaced":
        written = " ".join(token.upper())
        r.red(written, "name", "name_spaced", known, forms=[written, token])
    else:
        r.red(token, "name", "name", known)


def write_last(r: Report, p: Person, style: str = "plain") -> None:
    if p.particle:
        r.w((p.particle.upper() if style in ("caps", "spaced") else p.particle) + " ")
    write_token(r, p.last, p.known, style)


def write_full(r: Report, p: Person, style: str = "plain", caps_last: bool = False) -> None:
    if p.first:
        # an artefact falls on one token: the surname, or now and then the first name
        artefact_on_first = style in ("soft", "zw") and random.Random(p.last).random() < 0.3
        write_token(r, p.first, p.known, style if artefact_on_first else "plain")
        r.w(" ")
    if artefact_on_first:
        style = "plain"
    write_last(r, p, "caps" if caps_last and style == "plain" else style)


def initials(p: Person, rng: random.Random) -> str:
    f, last = p.first[0], p.last[0]
    return rng.choice([f"{f}.{last}.", f"{f}{last}", f"{f}. {last}."])


# ---------------------------------------------------------------- the case drawn for a report
class Case:
    def __init__(self, rng: random.Random, lang: str, number: int):
        self.rng, self.lang = rng, lang
        used_first, used_last = set(), set()

        def first(sex=None):
            pool = [f for f in FIRST[lang]
                    if f[0] not in used_first and (sex is None or f[1] == sex)]
            name, s, dim = rng.choice(pool)
            used_first.add(name)
            return name, s, dim

        def last():
            pool = [s for s in LAST[lang] if s[1] not in used_last]
            particle, core = rng.choice(pool)
            used_last.add(core)
            return particle, core

        name, sex, dim = first()
        particle, core = last()
        self.app = Person(name, particle, core, True, dim)
        self.sex = sex
        self.born = date(rng.randrange(1958, 2003), rng.randrange(1, 13), rng.randrange(1, 29))
        self.niss = make_niss(rng, self.born, sex)
        self.partner = None
        if rng.random() < 0.4:
            pname, _, pdim = first("M" if sex == "F" else "F")
            pp, pc = last() if rng.random() < 0.6 else (particle, core)
            self.partner = Person(pname, pp, pc, True, pdim)
            self.partner_born = date(self.born.year + rng.randrange(-4, 5), rng.randrange(1, 13),
                                     rng.randrange(1, 29))
        self.children = []
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            cname, _, cdim = first()
            born = date(rng.randrange(max(self.born.year + 18, 2005), 2025), rng.randrange(1, 13),
                        rng.randrange(1, 29))
            self.children.append((Person(cname, particle, core, True, cdim), born))
        self.street = rng.choice(STREETS[lang])
        self.house = str(rng.randrange(1, 240))
        self.box = rng.choice([None, None, "2", "3", "B"])
        self.postcode, self.city = rng.choice(CITIES[lang])
        country = {"fr": ["BE", "BE", "FR"], "nl": ["BE", "NL"], "de": ["BE", "DE"]}[lang]
        self.phone_country = rng.choice(country)
        self.phone, self.phone_forms = mobile(rng, self.phone_country)
        self.iban = make_iban(rng, "DE" if lang == "de" and rng.random() < 0.25 else "BE")
        domain = rng.choice(MAIL_DOMAINS)
        local = rng.choice([f"{_ascii(name)}.{_ascii(core)}", f"{_ascii(name)[0]}.{_ascii(core)}",
                            f"{_ascii(core)}{self.born:%y}"]).lower()
        self.email, self.email_local, self.email_domain = f"{local}@{domain}", local, domain
        self.ref = f"2026/{rng.randrange(100, 999):04d}-{_ascii(core).upper()}"
        self.ref_has_name = rng.random() < 0.55
        if not self.ref_has_name:
            self.ref = f"2026/{rng.randrange(100, 999):04d}"
        # third parties
        self.others = {}
        for role in ("landlord", "ex", "neighbour", "employer", "teacher", "mediator"):
            fname, _, fdim = first()
            lp, lc = last()
            self.others[role] = Person(fname, lp, lc, False, fdim)
        for role in ("doctor", "lawyer", "bailiff", "judge"):
            lp, lc = last()
            self.others[role] = Person(None, lp, lc, False)
        self.landlord_phone = mobile(rng, "BE")[1]
        self.landlord_iban = make_iban(rng, "BE")
        lo = self.others["landlord"]
        self.landlord_email = f"{_ascii(lo.first)[0].lower()}.{_ascii(lo.last).lower()}@" + \
            rng.choice(MAIL_DOMAINS)
        self.plate = plate(rng, lang)
        self.roll = court_roll(rng)
        self.roll2 = court_roll(rng)
        self.visit = date(2026, rng.randrange(1, 12), rng.randrange(1, 28))
        self.committee = self.visit + timedelta(days=rng.randrange(10, 40))

    def dossier(self) -> dict:
        def person(p: Person, born: date | None, sex: str | None = None, niss=None) -> dict:
            out = {"last_name": p.full_last, "first_names": [p.first]}
            if born:
                out["birth_date"] = born.isoformat()
            if niss:
                out["niss"] = niss
            if sex:
                out["sex"] = sex
            return out

        household = []
        if self.partner:
            household.append({**person(self.partner, self.partner_born), "relation": "partner"})
        for child, born in self.children:
            household.append({**person(child, born), "relation": "child"})
        return {
            "reference": self.ref, "language": self.lang,
            "applicant": person(self.app, self.born, self.sex, self.niss),
            "address": {"street": self.street[0], "number": self.house, "box": self.box,
                        "postcode": self.postcode, "city": self.city},
            "household": household,
            "contacts": {"phone": self.phone, "email": self.email, "iban": self.iban},
        }


def _ascii(text: str) -> str:
    import unicodedata
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


# ---------------------------------------------------------------- writing values
def procedure_date(r: Report, d: date, style: str) -> None:
    months = MONTHS[r.lang]
    text = {"slash": f"{d:%d/%m/%Y}", "short": f"{d:%d/%m}", "dots": f"{d:%d.%m.%Y}",
            "dshort": f"{d:%d.%m.}", "words": f"{d.day} {months[d.month - 1]} {d.year}"}[style]
    if r.lang == "de" and style == "words":
        text = f"{d.day}. {months[d.month - 1]} {d.year}"
    r.kp(text, "date", "procedure_date")


def birth_date(r: Report, d: date, known: bool, style: str) -> None:
    months = MONTHS[r.lang]
    if style == "words":
        written, day_month = date_in_words(r.lang, d)
        if r.caps:
            day_month = day_month.upper()
        r.red(written, "birth_date", "birth_date_words", known,
              forms=[written, day_month, f"{d.day} {months[d.month - 1]}"])
        return
    if style == "month":
        sep = ". " if r.lang == "de" else " "
        written = f"{d.day}{sep}{months[d.month - 1]} {d.year}"
        r.red(written, "birth_date", "birth_date", known,
              forms=[written, f"{d.day}{sep}{months[d.month - 1]}"])
        return
    written = {"slash": f"{d:%d/%m/%Y}", "dots": f"{d:%d.%m.%Y}", "short": f"{d:%d/%m/%y}",
               "dash": f"{d:%d-%m-%Y}"}[style]
    r.red(written, "birth_date", "birth_date", known, forms=[written])


def niss(r: Report, c: Case, use_ocr: bool = False) -> None:
    n = c.niss
    written = c.rng.choice([f"{n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}",
                            f"{n[:6]} {n[6:9]} {n[9:]}", n, f"{n[:6]}-{n[6:9]}-{n[9:]}"])
    if use_ocr:
        wrong = ocr(written, c.rng)
        if wrong:
            r.red(wrong, "niss", "niss_ocr", True, forms=[wrong, written, n])
            return
    r.red(written, "niss", "niss", True, digits=True)


def iban(r: Report, value: str, known: bool, rng: random.Random, use_ocr: bool = False) -> None:
    written = grouped(value) if rng.random() < 0.7 else value
    if use_ocr:
        wrong = ocr(written, rng)
        if wrong:
            r.red(wrong, "iban", "iban_ocr", known, forms=[wrong, written, value])
            return
    r.red(written, "iban", "iban", known, digits=True)


def phone(r: Report, c: Case, form: int | None = None) -> None:
    forms = c.phone_forms
    written = forms[form % len(forms)] if form is not None else c.rng.choice(forms)
    category = {"BE": "phone", "NL": "phone_nl", "DE": "phone_de", "FR": "phone_fr"}[
        c.phone_country]
    if c.phone_country == "BE" and "-" in written:
        category = "phone_nl" if c.lang == "nl" else "phone"
    r.red(written, "phone", category, True, digits=True)


def email(r: Report, c: Case, obfuscate: bool = False) -> None:
    if obfuscate:
        host, tld = c.email_domain.rsplit(".", 1)
        local = c.email_local
        written = {
            "fr": c.rng.choice([f"{local} [at] {host} [point] {tld}",
                                f"{local}(arobase){c.email_domain}",
                                f"{local} arobase {host} point {tld}"]),
            "nl": c.rng.choice([f"{local.replace('.', ' punt ')} at {host} punt {tld}",
                                f"{local} [at] {host} [dot] {tld}"]),
            "de": c.rng.choice([f"{local} (ät) {host} (punkt) {tld}",
                                f"{local} at {host} Punkt {tld}"]),
        }[c.lang]
        r.red(written, "email", "email_obfuscated", True)
        return
    r.red(c.email, "email", "email", True)


def address(r: Report, c: Case, abbreviated: bool = False) -> None:
    full, abbr, word, abbr_word = c.street
    box = {"fr": " bte ", "nl": " bus ", "de": " Bfk. "}[c.lang] + c.box if c.box else ""
    if abbreviated:
        shape = c.rng.choice(["abbr", "bare"]) if c.lang == "fr" else "abbr"
        if shape == "bare":
            r.red(word, "address", "address_abbrev", True)
            r.w(f" {c.house}{box}")
            return
        head, _, tail = abbr.partition(abbr_word)
        number = f" n° {c.house}" if c.lang == "fr" and c.rng.random() < 0.5 else f" {c.house}"
        r.w(head)
        r.red(abbr_word, "address", "address_abbrev", True)
        r.w(tail + number + box)
        return
    head, _, tail = full.partition(word)
    r.w(head)
    r.red(word, "address", "address", True)
    r.w(f"{tail} {c.house}{box}")


def keep(r: Report, kind: str, rng: random.Random) -> None:
    lang = r.lang
    bank = {"place_saint": (SAINT_PLACES, "municipality"),
            "institution_eponym": (EPONYM_CARE, "institution"),
            "school_eponym": (EPONYM_SCHOOL, "institution"),
            "disease_eponym": (DISEASES, "disease"), "occupation_surname": (OCCUPATIONS,
                                                                              "occupation"),
            "word_lookalike": (LOOKALIKES, "word"), "legal": (LEGAL, "legal"),
            "institution": (INSTITUTIONS, "institution")}
    pool, cat = bank[kind]
    r.kp(rng.choice(pool[lang]), cat, "institution_eponym" if kind == "school_eponym" else kind)


def amount(r: Report, rng: random.Random) -> None:
    value = rng.randrange(50, 2400) + rng.choice([0, 0.5, 0.45, 0.2, 0.87])
    whole, cents = int(value), round((value - int(value)) * 100)
    euros = f"{whole:,}".replace(",", ".")
    r.kp(rng.choice([f"{euros},{cents:02d} €", f"{euros} €", f"EUR {euros},{cents:02d}"]),
         "amount", "amount")


def municipality(r: Report, c: Case) -> None:
    r.kp(c.rng.choice([city for _, city in CITIES[c.lang] if city != c.city]), "municipality",
         "municipality")



# ---------------------------------------------------------------- phrase banks
# {slot} is a value of the case, written and annotated by SLOTS below
PARAGRAPHS = {
    "fr": [
        "{Mme} {app} se présente à la permanence le {d1}. Date de naissance : {bornm}. Vit seul(e) "
        "depuis la séparation d'avec {ex}, installé(e) à {saint}.",
        "Le ménage occupe un appartement {addr}, à {city}, loué à {landlord} pour {amount} par "
        "mois. Le propriétaire réclame un arriéré et menace de saisir la garantie locative.",
        "{Mme} {appL} est suivi(e) (diagnostic : {disease} ; établissement : {eponym}) ; le "
        "Dr {doctor} atteste une incapacité de travail jusqu'au {d2s} inclus.",
        "{child} est scolarisé(e) : {eponym2}. Son institutrice, Mme {teacher}, signale des "
        "absences répétées depuis {lookalike}.",
        "Ancien {occupation} de métier, {appF} a travaillé chez un sous-traitant ; {employer} "
        "(service du personnel) confirme la fin du contrat au {d2}.",
        "Nous proposons l'octroi d'un revenu d'intégration au taux isolé ({amount}) à partir "
        "du {d1}, en application des dispositions suivantes : {legal} ; {legal2}.",
        "Une voisine ou un voisin, {neighbour} ({nphone}), nous a appelés : {dim} "
        "n'ouvrait "
        "plus sa porte. Nous avons pu joindre l'intéressé(e) au {phone}.",
        "Compte de l'intéressé(e) : {iban}. Le loyer est versé directement au propriétaire sur "
        "le compte {lliban}.",
        "Le dossier est transmis au {inst} ; Me {lawyer} représente {appF} dans la procédure "
        "devant le juge de paix de {muni}.",
        "Le véhicule immatriculé {plate} appartient à {ex} ; il n'entre pas dans l'enquête "
        "sur les ressources.",
        "Coordonnées : {email}, {phone}. Numéro de registre national : {niss}.",
        "Farde {colour} : pièces justificatives reçues le {d1s}, dont l'avertissement-extrait "
        "de rôle et l'attestation de la mutuelle.",
        "{partner} (partenaire, né(e) {pborn}) perçoit {amount} par mois ; le couple a été "
        "reçu ensemble le {d1s}.",
        "Le médiateur de dettes, {mediator} ({medmail}), signale un plan de remboursement de "
        "{amount} par mois ; le créancier principal est {inst}.",
    ],
    "nl": [
        "{Mevr} {app} meldt zich op {d1} aan op de zitdag. Geboren {bornm}; woont "
        "alleen sinds de breuk met {ex}, die naar {saint} verhuisd is.",
        "Het gezin huurt een woning in de {addr} te {city} van {landlord}, voor {amount} per "
        "maand. De verhuurder eist een achterstal en dreigt met de huurwaarborg.",
        "{Mevr} {appL} wordt gevolgd in het {eponym} voor {disease}; dokter {doctor} attesteert "
        "arbeidsongeschiktheid tot en met {d2s}.",
        "{child} gaat naar {eponym2}. Juf {teacher} meldt dat het kind sinds de {lookalike} "
        "vaak afwezig is.",
        "{appF} werkte vroeger als {occupation} bij een onderaannemer; {employer} van de "
        "personeelsdienst bevestigt het einde van het contract op {d2}.",
        "Wij stellen voor een leefloon toe te kennen aan het tarief alleenstaande ({amount}) "
        "vanaf {d1}, op grond van: {legal}; {legal2}.",
        "Een buur, {neighbour} ({nphone}), belde ons: {dim} deed de deur niet "
        "meer open. Wij konden betrokkene bereiken op {phone}.",
        "Rekening van betrokkene: {iban}. De huur wordt rechtstreeks gestort op rekening "
        "{lliban} van de verhuurder.",
        "Het dossier gaat naar {inst}; meester {lawyer} staat {appF} bij voor de vrederechter "
        "van {muni}.",
        "Het voertuig met nummerplaat {plate} is van {ex}; het telt niet mee in het "
        "bestaansmiddelenonderzoek.",
        "Contactgegevens: {email}, {phone}. Rijksregisternummer: {niss}.",
        "Map {colour}: bewijsstukken ontvangen op {d1s}, waaronder het aanslagbiljet en het "
        "attest van het ziekenfonds.",
        "{partner} (partner, geboren {pborn}) ontvangt {amount} per maand; het koppel werd "
        "samen ontvangen op {d1s}.",
        "De schuldbemiddelaar, {mediator} ({medmail}), meldt een afbetalingsplan van {amount} "
        "per maand; de voornaamste schuldeiser is {inst}.",
    ],
    "de": [
        "{Frau} {app} spricht am {d1} in der Sprechstunde vor. Geboren: {bornm}. Lebt "
        "seit der Trennung von {ex}, der nach {saint} gezogen ist, allein.",
        "Der Haushalt mietet eine Wohnung in der {addr} in {city} bei {landlord}, für "
        "{amount} im Monat. Der Vermieter fordert Rückstände und droht mit der Mietgarantie.",
        "{Frau} {appL} wird wegen {disease} behandelt (Einrichtung: {eponym}); Dr. {doctor} "
        "bescheinigt "
        "Arbeitsunfähigkeit bis zum {d2s} einschließlich.",
        "{child} besucht die {eponym2}. Die Lehrerin, Frau {teacher}, meldet seit "
        "{lookalike} häufige Fehlzeiten.",
        "{appF} war früher als {occupation} bei einem Subunternehmer beschäftigt; {employer} "
        "(Personalabteilung) bestätigt das Vertragsende zum {d2}.",
        "Wir schlagen vor, das Eingliederungseinkommen zum Satz für Alleinstehende ({amount}) "
        "gemäß {legal} und {legal2} ab dem {d1} zu gewähren.",
        "Aus der Nachbarschaft rief {neighbour} ({nphone}) an: {dim} öffnete die Tür "
        "nicht mehr. Wir erreichten die Betroffene unter {phone}.",
        "Konto der Betroffenen: {iban}. Die Miete wird direkt auf das Konto {lliban} des "
        "Vermieters überwiesen.",
        "Die Akte geht an {inst}; Rechtsanwalt {lawyer} vertritt {appF} vor dem Friedensgericht "
        "{muni}.",
        "Das Fahrzeug mit dem Kennzeichen {plate} gehört {ex}; es zählt nicht zu den "
        "Existenzmitteln.",
        "Kontakt: {email}, {phone}. Nationalregisternummer: {niss}.",
        "Mappe {colour}: Belege am {d1s} erhalten, darunter der Steuerbescheid und die "
        "Bescheinigung der Krankenkasse.",
        "{partner} (Partner/in, geboren {pborn}) bezieht {amount} im Monat; das Paar wurde "
        "am {d1s} gemeinsam empfangen.",
        "Der Schuldnerberater, {mediator} ({medmail}), meldet einen Abzahlungsplan von "
        "{amount} monatlich; Hauptgläubiger ist {inst}.",
    ],
}
WORDS = {
    "fr": {"Mme": ("Madame", "Monsieur"), "title": "Rapport social", "ref": "Réf.",
           "visit": "Visite à domicile", "proposal": "Proposition", "page": "page",
           "from": "De", "sent": "Envoyé", "to": "À", "subject": "Objet", "service":
           "Service social du CPAS", "reply": "Bonjour, je vous remercie pour votre message.",
           "wrote": "a écrit", "hh": ("Nom", "Lien", "Date de naissance"),
           "rel": {"app": "demandeur", "partner": "conjoint(e)", "child": "enfant"},
           "fields": ("Nom", "Prénom", "Né(e) le", "NISS", "Adresse", "Téléphone", "E-mail",
                      "Compte", "Dossier"),
           "court": ("Citation devant le juge de paix", "rôle général n°", "huissier de justice",
                     "véhicule immatriculé", "audience du", "juge"),
           "note": "Entretien", "tel": "Tél."},
    "nl": {"Mme": ("Mevrouw", "De heer"), "title": "Sociaal verslag", "ref": "Ref.",
           "visit": "Huisbezoek", "proposal": "Voorstel", "page": "pagina",
           "from": "Van", "sent": "Verzonden", "to": "Aan", "subject": "Onderwerp", "service":
           "Sociale dienst OCMW", "reply": "Goedemiddag, dank voor uw bericht.",
           "wrote": "schreef", "hh": ("Naam", "Relatie", "Geboortedatum"),
           "rel": {"app": "aanvrager", "partner": "partner", "child": "kind"},
           "fields": ("Naam", "Voornaam", "Geboren op", "Rijksregisternr.", "Adres", "Telefoon",
                      "E-mail", "Rekening", "Dossier"),
           "court": ("Dagvaarding voor de vrederechter", "AR nr.", "gerechtsdeurwaarder",
                     "voertuig met nummerplaat", "zitting van", "rechter"),
           "note": "Gesprek", "tel": "Tel."},
    "de": {"Mme": ("Frau", "Herr"), "title": "Sozialbericht", "ref": "Az.",
           "visit": "Hausbesuch", "proposal": "Vorschlag", "page": "Seite",
           "from": "Von", "sent": "Gesendet", "to": "An", "subject": "Betreff", "service":
           "Sozialdienst des ÖSHZ", "reply": "Guten Tag, vielen Dank für Ihre Nachricht.",
           "wrote": "schrieb", "hh": ("Name", "Beziehung", "Geburtsdatum"),
           "rel": {"app": "Antragsteller(in)", "partner": "Partner(in)", "child": "Kind"},
           "fields": ("Name", "Vorname", "Geboren am", "NISS", "Adresse", "Telefon", "E-Mail",
                      "Konto", "Akte"),
           "court": ("Ladung vor das Friedensgericht", "Geschäftsverzeichnisnr.",
                     "Gerichtsvollzieher", "Fahrzeug mit Kennzeichen", "Sitzung vom",
                     "Richter"),
           "note": "Gespräch", "tel": "Tel."},
}
COURT_TEXT = {
    "fr": ["Par exploit de l'huissier de justice {bailiff} du {d1}, le bailleur, {landlord}, "
           "cite {Mme} {app} "
           "devant le juge de paix du canton de {muni} (rôle général n° {roll}) en paiement "
           "de {amount} d'arriérés et en résiliation du bail.",
           "L'audience d'introduction est fixée au {d2} ; le juge {judge} a accordé une remise. "
           "Une procédure en règlement collectif de dettes est pendante devant le tribunal du "
           "travail (R.G. {roll2}), en vertu de : {legal}.",
           "L'huissier a dressé un procès-verbal de saisie sur le véhicule immatriculé {plate}, "
           "utilisé par {appF} pour se rendre à son travail de {occupation}."],
    "nl": ["Bij exploot van gerechtsdeurwaarder {bailiff} van {d1} dagvaardt de verhuurder, "
           "{landlord}, {Mevr} {app} voor de vrederechter van het kanton {muni} "
           "(AR nr. {roll}) tot betaling "
           "van {amount} achterstallige huur en ontbinding van de huurovereenkomst.",
           "De inleidende zitting is vastgesteld op {d2}; rechter {judge} stond uitstel toe. "
           "Een procedure collectieve schuldenregeling loopt bij de arbeidsrechtbank (AR "
           "{roll2}), op grond van {legal}.",
           "De deurwaarder legde beslag op het voertuig met nummerplaat {plate}, dat {appF} "
           "gebruikt om naar het werk als {occupation} te gaan."],
    "de": ["Mit Zustellung des Gerichtsvollziehers {bailiff} vom {d1} lädt "
           "{landlord} (Vermieter/in) {Frau} {app} vor das Friedensgericht des Kantons {muni} "
           "(Geschäftsverzeichnisnr. {roll}) "
           "wegen {amount} Mietrückstand und Auflösung des Mietvertrags.",
           "Die Einleitungssitzung ist auf den {d2} festgesetzt; Richter {judge} gewährte "
           "Aufschub. Ein kollektives Schuldenregelungsverfahren ist beim Arbeitsgericht "
           "anhängig (Az. {roll2}), gemäß {legal}.",
           "Der Gerichtsvollzieher pfändete das Fahrzeug mit dem Kennzeichen {plate}, das "
           "{appF} für den Weg zur Arbeit als {occupation} braucht."],
}
LANDLORD_MAIL = {
    "fr": "Madame, Monsieur,\n\nJe me permets de vous écrire au sujet de {Mme} {app}, "
          "locataire de mon bien {addr}. Le loyer n'est plus payé depuis le {d1s} et "
          "l'arriéré atteint {amount}. Son ex, {ex}, occupe encore le garage. Je souhaite "
          "une solution avant {lookalike}, à défaut de quoi mon avocat, Me {lawyer}, "
          "saisira le juge de paix de {muni}.\nMerci de verser les montants sur mon compte "
          "{lliban}.\n\nBien à vous,\n",
    "nl": "Geachte,\n\nIk schrijf u over {Mevr} {app}, huurder van mijn woning in de "
          "{addr}. De huur is niet meer betaald sinds {d1s}; de achterstand bedraagt "
          "{amount}. De ex-partner, {ex}, gebruikt nog steeds de garage. Ik wil een oplossing "
          "vóór {lookalike}, anders stapt mijn advocaat, meester {lawyer}, naar de vrederechter "
          "van {muni}.\nGelieve te storten op rekening {lliban}.\n\nMet vriendelijke groet,\n",
    "de": "Sehr geehrte Damen und Herren,\n\nich schreibe Ihnen wegen {Frau} {app}, "
          "Mieter(in) meiner Wohnung in der {addr}. Die Miete ist seit dem {d1s} nicht mehr "
          "bezahlt, der Rückstand beträgt {amount}. Der Ex-Partner, {ex}, benutzt noch die "
          "Garage. Ich erwarte eine Lösung vor {lookalike}, sonst wendet sich mein Anwalt, "
          "Rechtsanwalt {lawyer}, an das Friedensgericht {muni}.\nBitte überweisen Sie auf "
          "mein Konto {lliban}.\n\nMit freundlichen Grüßen\n",
}
NOTES = {
    "fr": ["{d1s} — tél. de {ini} : pas de nouvelles du FOREM, {dim} stressée.",
           "{d2s} — RDV avec {ini} et {exdim} (ex) au sujet de la pension alimentaire.",
           "{d1s} — {ini} apporte l'attestation du Dr {doctor}. Rappel : {emailobf}."],
    "nl": ["{d1s} — tel. van {ini}: nog niets van de VDAB, {dim} is gespannen.",
           "{d2s} — afspraak met {ini} en {exdim} (ex) over het onderhoudsgeld.",
           "{d1s} — {ini} brengt het attest van dr. {doctor}. Contact: {emailobf}."],
    "de": ["{d1s} — Anruf von {ini}: noch nichts vom Arbeitsamt, {dim} ist angespannt.",
           "{d2s} — Termin mit {ini} und {exdim} (Ex) wegen Unterhalt.",
           "{d1s} — {ini} bringt das Attest von Dr. {doctor}. Kontakt: {emailobf}."],
}


def write_template(r: Report, template: str, slots: dict) -> None:
    for i, piece in enumerate(re.split(r"\{(\w+)\}", template)):
        if i % 2:
            slots[piece]()
        elif piece:
            r.w(piece)


def slots_for(r: Report, c: Case) -> dict:
    rng, lang = c.rng, c.lang
    o = c.others
    female = c.sex == "F"
    styles = ["plain"] * 12 + ["caps", "caps", "soft", "zw"]

    def person(p, style=None, caps_last=None):
        def go():
            s = style or rng.choice(styles)
            write_full(r, p, s, caps_last=rng.random() < 0.4 if caps_last is None else caps_last)
        return go

    def last(p, style=None):
        return lambda: write_last(r, p, style or rng.choice(styles))

    def first(p):
        return lambda: write_token(r, p.first, p.known, rng.choice(["plain"] * 5 + ["soft"]))

    def dim(p):
        def go():
            if p.dim:
                r.red(p.dim, "name", "name_diminutive", p.known)
            else:
                write_token(r, p.first, p.known)
        return go

    def child():
        p, born = rng.choice(c.children)
        dim(p)() if p.dim and rng.random() < 0.4 else write_token(r, p.first, True)
        r.w(" (")
        birth_date(r, born, True, rng.choice(["slash", "dots", "short"]))
        r.w(")")

    def ref():
        if c.ref_has_name:
            r.red(c.ref, "reference", "reference_with_name", True)
        else:
            r.w(c.ref)

    mme = WORDS[lang]["Mme"][0 if female else 1]
    slots = {
        "Mme": lambda: r.w(mme), "Mevr": lambda: r.w(mme), "Frau": lambda: r.w(mme),
        "app": person(c.app), "appL": last(c.app), "appF": first(c.app), "dim": dim(c.app),
        "bornm": lambda: birth_date(r, c.born, True, rng.choice(
            ["month", "words", "words", "slash", "dots", "short", "dash"])),
        "niss": lambda: niss(r, c, rng.random() < 0.3),
        "iban": lambda: iban(r, c.iban, True, rng, rng.random() < 0.3),
        "lliban": lambda: iban(r, c.landlord_iban, False, rng, rng.random() < 0.2),
        "phone": lambda: phone(r, c), "email": lambda: email(r, c),
        "emailobf": lambda: email(r, c, True),
        "addr": lambda: address(r, c, rng.random() < 0.5),
        "city": lambda: r.w(c.city),
        "landlord": person(o["landlord"]), "ex": person(o["ex"]),
        "exdim": dim(o["ex"]), "neighbour": person(o["neighbour"]),
        "employer": person(o["employer"]), "teacher": last(o["teacher"]),
        "doctor": last(o["doctor"]), "lawyer": last(o["lawyer"]),
        "bailiff": last(o["bailiff"], "caps"), "judge": last(o["judge"]),
        "nphone": lambda: r.red(rng.choice(mobile(rng, "BE")[1]), "phone",
                                "phone_nl" if lang == "nl" and rng.random() < 0.5 else "phone",
                                False, digits=True),
        "plate": lambda: r.red(c.plate, "plate", "plate", False),
        "roll": lambda: r.red(c.roll, "court_roll", "court_roll", False),
        "roll2": lambda: r.red(c.roll2, "court_roll", "court_roll", False),
        "ini": lambda: r.red(initials(c.app, rng), "name", "name_initials", True),
        "ref": ref,
        "d1": lambda: procedure_date(r, c.visit, rng.choice(["slash", "words", "dots"])),
        "d2": lambda: procedure_date(r, c.committee, rng.choice(["slash", "words", "dots"])),
        "d1s": lambda: procedure_date(r, c.visit, rng.choice(["short", "dshort", "slash"])),
        "d2s": lambda: procedure_date(r, c.committee, rng.choice(["short", "slash"])),
        "colour": lambda: r.kp(FOLDER_COLOURS[lang], "word", "word_lookalike"),
        "amount": lambda: amount(r, rng), "muni": lambda: municipality(r, c),
    }
    for kind, slot in (("place_saint", "saint"), ("institution_eponym", "eponym"),
                       ("school_eponym", "eponym2"), ("disease_eponym", "disease"),
                       ("occupation_surname", "occupation"), ("word_lookalike", "lookalike"),
                       ("legal", "legal"), ("legal", "legal2"), ("institution", "inst")):
        slots[slot] = (lambda k: lambda: keep(r, k, rng))(kind)
    if c.children:
        slots["child"] = child
    if c.partner:
        slots["partner"] = person(c.partner)
        slots["pborn"] = lambda: birth_date(r, c.partner_born, True, rng.choice(
            ["slash", "dots", "month", "words"]))
    mediator = o["mediator"]

    def medmail():
        local = f"{_ascii(mediator.first)}.{_ascii(mediator.last)}".lower()
        host = {"fr": "mediationdettes", "nl": "cawmiddenvlaanderen", "de": "vsb-eupen"}[lang]
        if rng.random() < 0.4:
            r.red(f"{local} [at] {host} [dot] be", "email", "email_obfuscated", False)
        else:
            r.red(f"{local}@{host}.be", "email", "email", False)

    slots["mediator"] = person(mediator)
    slots["medmail"] = medmail
    return slots


def paragraphs(r: Report, c: Case, slots: dict, count: int) -> None:
    bank = [t for t in PARAGRAPHS[c.lang][:5] + PARAGRAPHS[c.lang][6:]
            if all(name in slots for name in re.findall(r"\{(\w+)\}", t))]
    for template in c.rng.sample(bank, min(count, len(bank))):
        write_template(r, template, slots)
        r.w("\n\n")


# ---------------------------------------------------------------- layouts
def header(r: Report, c: Case, slots: dict) -> None:
    words = WORDS[c.lang]
    r.w(f"{words['title']} — {words['ref']} ")
    slots["ref"]()
    r.w("\n")
    r.w(f"{words['service']} ")
    r.w(f"{c.city}\n\n")


def narrative(r: Report, c: Case, slots: dict) -> None:
    header(r, c, slots)
    words = WORDS[c.lang]
    r.w(f"{words['visit']}\n\n")
    paragraphs(r, c, slots, c.rng.randrange(5, 8))
    proposal(r, c, slots)


def proposal(r: Report, c: Case, slots: dict) -> None:
    r.w(f"{WORDS[c.lang]['proposal']}\n\n")
    write_template(r, PARAGRAPHS[c.lang][5], slots)
    r.w("\n")


def pdf_paste(r: Report, c: Case, slots: dict) -> None:
    slots = dict(slots)
    r.pdf = True
    # a PDF font sets ligatures in names, and line ends cut them
    def cut_or_plain(p: Person):
        return lambda: write_full(r, p, c.rng.choice(["lig", "break", "break", "plain"]))

    slots["app"] = cut_or_plain(c.app)
    slots["appL"] = lambda: write_last(r, c.app, c.rng.choice(["break", "plain"]))
    slots["landlord"] = cut_or_plain(c.others["landlord"])
    header(r, c, slots)
    paragraphs(r, c, slots, c.rng.randrange(5, 8))
    proposal(r, c, slots)


def wrap(r: Report, c: Case, slots: dict) -> None:
    """Hard line ends, words hyphenated at line ends, a page header with the reference."""
    text, protected = r.text(), r.protected()
    width = c.rng.randrange(62, 83)
    out, column, last_space = [], 0, None
    for i, ch in enumerate(text):
        out.append(ch)
        if ch == "\n":
            column, last_space = 0, None
            continue
        column += 1
        if ch == " " and not protected[i]:
            last_space = len(out) - 1
        if column > width and last_space is not None:
            out[last_space] = "\n"
            column = len(out) - last_space - 1
            last_space = None
    lines = "".join(out).split("\n")
    # hyphenate some long plain words at line ends: move their end to the next line
    words = WORDS[c.lang]
    r.parts = []
    cut_at = len(lines) // 2
    for n, line in enumerate(lines):
        if n == cut_at and n > 3:
            r.w("\n")
            slots["ref"]()
            r.w(f" — {words['page']} 1/2\n\f{words['title']}  ")
            slots["ref"]()
            r.w(f"  {words['page']} 2/2\n\n")
        r.w(line + ("\n" if n < len(lines) - 1 else ""))
    # the page-one footer is written with the reference too
    r.w("\n\n")
    slots["ref"]()
    r.w(f" — {words['page']} 2/2\n")


def hyphenate(text: str, rng: random.Random, keep_out: list[str]) -> str:
    """Cut some long ordinary words that open a line: their head goes up to the end of the
    line before, followed by a hyphen, as a PDF's hyphenation does."""
    lines = text.split("\n")
    for i in range(1, len(lines)):
        found = re.match(r"([a-zàâçéèêëîïôûüäöß]{10,})(?![\w\u00ad\u200b-])", lines[i])
        if not found or not lines[i - 1].strip() or rng.random() > 0.5:
            continue
        word = found.group(1)
        if any(word.casefold() in k.casefold() for k in keep_out):
            continue
        at = len(word) // 2
        lines[i - 1] += f" {word[:at]}-"
        lines[i] = lines[i][at:]
    return "\n".join(lines)


def form(r: Report, c: Case, slots: dict) -> None:
    words = WORDS[c.lang]
    f = words["fields"]
    sep = c.rng.choice([":\t", " : ", " ........ "])
    header(r, c, slots)
    r.w(f[0] + sep)
    write_last(r, c.app, c.rng.choice(["spaced", "caps", "caps"]))
    r.w("\n" + f[1] + sep)
    write_token(r, c.app.first, True)
    r.w("\n" + f[2] + sep)
    birth_date(r, c.born, True, c.rng.choice(["slash", "dots", "short", "dash", "words"]))
    r.w("\n" + f[3] + sep)
    niss(r, c, c.rng.random() < 0.35)
    r.w("\n" + f[4] + sep)
    address(r, c, c.rng.random() < 0.6)
    r.w(f", {c.postcode} {c.city}\n" + f[5] + sep)
    phone(r, c)
    r.w("\n" + f[6] + sep)
    email(r, c, c.rng.random() < 0.3)
    r.w("\n" + f[7] + sep)
    iban(r, c.iban, True, c.rng, c.rng.random() < 0.35)
    r.w("\n" + f[8] + sep)
    slots["ref"]()
    r.w("\n\n")
    paragraphs(r, c, slots, c.rng.randrange(3, 5))


def email_thread(r: Report, c: Case, slots: dict) -> None:
    words = WORDS[c.lang]
    lo = c.others["landlord"]
    r.w(f"{words['from']}: {words['service']}\n{words['sent']}: ")
    procedure_date(r, c.committee, "slash")
    r.w(f"\n{words['to']}: ")
    r.red(c.landlord_email, "email", "email", False)
    r.w(f"\n{words['subject']}: RE: ")
    slots["ini"]() if c.rng.random() < 0.5 else slots["ref"]()
    # the surname pasted from a word processor keeps an invisible character
    r.w(" — ")
    write_last(r, c.app, c.rng.choice(["zw", "soft", "zw", "plain"]))
    r.w("\n\n" + words["reply"] + "\n\n")
    paragraphs(r, c, slots, c.rng.randrange(2, 4))
    r.w(f"\n{words['from']}: ")
    write_full(r, lo, c.rng.choice(["plain", "soft", "zw"]))
    r.w(f" <{c.landlord_email}>\n{words['sent']}: ")
    procedure_date(r, c.visit, "dots")
    r.w("\n\n")
    mark = len(r.parts)
    write_template(r, LANDLORD_MAIL[c.lang], slots)
    write_full(r, lo)
    r.w(f"\n{words['tel']} ")
    r.red(c.rng.choice(c.landlord_phone), "phone", "phone", False, digits=True)
    r.w("\n")
    # quote the third party's message
    r.parts[mark:] = [(("> " + t.replace("\n", "\n> ")) if i == 0 else t.replace("\n", "\n> "), p)
                      for i, (t, p) in enumerate(r.parts[mark:])]


def household_table(r: Report, c: Case, slots: dict) -> None:
    words = WORDS[c.lang]
    sep = c.rng.choice([" | ", "\t", " ; "])
    header(r, c, slots)
    r.w(sep.join(words["hh"]) + "\n")
    rows = [(c.app, c.born, "app")]
    if c.partner:
        rows.append((c.partner, c.partner_born, "partner"))
    rows += [(p, born, "child") for p, born in c.children]
    for p, born, rel in rows:
        write_last(r, p, c.rng.choice(["caps", "plain"]))
        r.w(" ")
        write_token(r, p.first, True)
        r.w(sep + words["rel"][rel] + sep)
        styles = ["slash", "dots", "short"] + (["words"] if rel == "app" else [])
        birth_date(r, born, True, c.rng.choice(styles))
        r.w("\n")
    r.w("\n")
    paragraphs(r, c, slots, c.rng.randrange(3, 6))


def allcaps(r: Report, c: Case, slots: dict) -> None:
    header(r, c, slots)
    r.caps = True
    r.w(WORDS[c.lang]["visit"] + "\n\n")
    paragraphs(r, c, slots, 3)
    r.caps = False
    paragraphs(r, c, slots, 2)


def court_letter(r: Report, c: Case, slots: dict) -> None:
    header(r, c, slots)
    r.w(WORDS[c.lang]["court"][0] + "\n\n")
    for template in COURT_TEXT[c.lang]:
        write_template(r, template, slots)
        r.w("\n\n")
    paragraphs(r, c, slots, c.rng.randrange(2, 4))


def notes(r: Report, c: Case, slots: dict) -> None:
    header(r, c, slots)
    r.w(WORDS[c.lang]["note"] + "\n\n")
    for template in NOTES[c.lang]:
        write_template(r, template, slots)
        r.w("\n")
    r.w("\n")
    paragraphs(r, c, slots, c.rng.randrange(2, 4))


WRITERS = {"narrative": narrative, "pdf_paste": pdf_paste, "form": form,
           "email_thread": email_thread, "household_table": household_table,
           "allcaps": allcaps, "court_letter": court_letter, "notes": notes}


# ---------------------------------------------------------------- checks and output
def problems(r: Report, text: str, dossier: dict) -> list[str]:
    """What would make the annotation wrong, by the evaluator's own matching."""
    found = []
    for entry in r.redact:
        if not survives(entry, text):
            found.append(f"not in text: {entry}")
    names = {e["text"] for e in r.redact if e["cat"] == "name"}
    names |= {t for p in [dossier["applicant"], *dossier["household"]]
              for t in [*p["first_names"], p["last_name"].split()[-1]] if len(t) >= 3}
    for entry in r.keep:
        if not _present(entry["text"], text):
            found.append(f"kept value not in text: {entry}")
        for other in r.redact:
            if survives(other, entry["text"]):
                found.append(f"kept {entry['text']!r} holds {other['text']!r}")
        for name in names:
            if _present(name, entry["text"]):
                found.append(f"kept {entry['text']!r} holds the name {name!r}")
    # an initial, a nickname or a short name must not also be a word of the text elsewhere
    for entry in r.redact:
        if entry["category"] in ("name_initials", "name_diminutive"):
            bare = re.sub(r"[^\w]", "", entry["text"])
            plain_words = re.findall(r"\w+", text)
            n = sum(1 for e in r.redact if e["text"] == entry["text"])
            if sum(1 for w in plain_words if w.casefold() == bare.casefold()) > n:
                found.append(f"initials or nickname also a word: {entry['text']}")
    return found


def build_one(lang: str, number: int, layout: str, rng: random.Random) -> tuple[str, dict, dict]:
    for _ in range(200):
        c = Case(rng, lang, number)
        r = Report(lang)
        slots = slots_for(r, c)
        WRITERS[layout](r, c, slots)
        if layout == "pdf_paste":
            wrap(r, c, slots)
        text = r.text()
        if layout == "pdf_paste":
            text = hyphenate(text, rng, [e["text"] for e in r.keep + r.redact])
        dossier = c.dossier()
        if not problems(r, text, dossier):
            annotation = {"author": "holdout2", "layout": layout, "redact": r.redact,
                          "keep": r.keep}
            return text, dossier, annotation
    raise RuntimeError(f"no clean draw for {lang}{number}")


def main() -> None:
    rng = random.Random(SEED)
    for old in HERE.glob("h2*.*"):
        old.unlink()
    sizes: Counter = Counter()
    layouts: Counter = Counter()
    for lang, count in COUNTS.items():
        for number in range(1, count + 1):
            layout = LAYOUTS[(number - 1) % len(LAYOUTS)]
            text, dossier, annotation = build_one(lang, number, layout, rng)
            base = HERE / f"h2{lang}{number:03d}"
            jsonschema.validate(dossier, SCHEMA)
            base.with_suffix(".txt").write_text(text, "utf-8")
            base.with_suffix(".json").write_text(
                json.dumps(dossier, ensure_ascii=False, indent=1) + "\n", "utf-8")
            load_dossier(base.with_suffix(".json"))
            HERE.joinpath(base.name + ".ann.json").write_text(
                json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", "utf-8")
            layouts[(layout, lang)] += 1
            for entry in annotation["redact"]:
                what = "known" if entry["known"] else "third party"
                sizes[(f"{what}: {entry['category']}", lang)] += 1
            for entry in annotation["keep"]:
                sizes[(f"keep: {entry['category']}", lang)] += 1
    write_sizes(sizes, layouts)


def write_sizes(sizes: Counter, layouts: Counter) -> None:
    langs = list(COUNTS)

    def table(title: str, counter: Counter) -> list[str]:
        rows = sorted({key for key, _ in counter})
        lines = [f"| {title} | " + " | ".join(langs) + " | total |",
                 "|---|" + "---|" * (len(langs) + 1)]
        for row in rows:
            values = [counter[(row, lang)] for lang in langs]
            lines.append(f"| {row} | " + " | ".join(map(str, values)) + f" | {sum(values)} |")
        return lines

    block = ["<!-- sizes: written by build.py -->",
             "| | " + " | ".join(langs) + " | total |", "|---|---|---|---|---|",
             "| reports | " + " | ".join(str(COUNTS[lang]) for lang in langs)
             + f" | {sum(COUNTS.values())} |", "", "### Layouts", "",
             *table("layout", layouts), "", "### Annotated entries per category", "",
             *table("entry: category", sizes), "<!-- end of sizes -->"]
    readme = HERE / "README.md"
    text = readme.read_text("utf-8") if readme.exists() else ""
    pattern = re.compile(r"<!-- sizes: written by build.py -->.*<!-- end of sizes -->", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: "\n".join(block), text)
    else:
        text += "\n".join(block) + "\n"
    readme.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
