"""Write the held-out evaluation set of the pseudonymiser (issue 19).

``.venv/bin/python tests/agenda/corpus/holdout/build.py`` writes 150 synthetic reports (70 fr,
40 nl, 40 de) next to this file: ``hoLLNNN.txt``, ``hoLLNNN.json`` (dossier) and
``hoLLNNN.ann.json`` (annotation), and the size tables of README.md. The seed is fixed.

Every value is annotated when it is written (``Report.slot``), never searched for afterwards;
before a report is written its annotation is checked with the evaluator's own matching (every
value to remove and to keep is in the text, no value to keep contains a name to remove) and
its dossier with the product's loader and the schema. A draw that fails is drawn again.
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import banks
import jsonschema
from banks import WORDS
from stdnum import iban as stdnum_iban
from stdnum.be import iban as be_iban
from stdnum.be import nn

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path.insert(0, str(REPO))
from agenda.pseudonymise.dossier import load_dossier  # noqa: E402
from agenda.pseudonymise.evaluate import _plain, _present, survives  # noqa: E402

SCHEMA = json.loads((REPO.parent / "shared" / "spec" / "dossier.schema.json").read_text("utf-8"))
AUTHOR = "holdout"
SEED = "holdout-2026-12"
COUNTS = {"fr": 70, "nl": 40, "de": 40}
TODAY = date(2026, 12, 1)
LAYOUTS = ["narrative", "pdf_paste", "form", "email_thread", "household_table", "allcaps",
           "court_letter", "notes"]

# marks inside the text being composed: a recorded value is one unit for the line wrapper,
# and a name cut at a line end is cut where BREAK stands
OPEN, CLOSE, BREAK = "\x02", "\x03", "\x04"
# a word of the wrapped text: recorded values whole, with what sticks to them ("(", "),")
TOKEN = re.compile(rf"(?:[^\s{OPEN}]*{OPEN}[^{CLOSE}]*{CLOSE})+[^\s{OPEN}]*|\S+")
SOFT_HYPHEN, ZERO_WIDTH = "\u00ad", "\u200b"
LIGATURES = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"),
             ("fl", "\ufb02")]
OCR_LETTERS = {"0": "O", "1": "l", "5": "S", "8": "B", "2": "Z", "6": "G"}
KEEP_CAT = {"word_lookalike": "word", "occupation_surname": "occupation",
            "disease_eponym": "disease", "place_saint": "municipality",
            "institution_eponym": "institution", "procedure_date": "date"}
SAINT = re.compile(r"\b(Saint|Sainte|Sint|Sankt|St\.)\b")


# --- numbers and dates in words ---------------------------------------------------------
def _fr_number(n: int) -> str:
    units = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
             "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"]
    tens = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
    if n <= 16:
        return units[n]
    if n < 20:
        return "dix-" + units[n - 10]
    if n < 70:
        ten, unit = n // 10 * 10, n % 10
        if unit == 0:
            return tens[ten]
        return f"{tens[ten]} et un" if unit == 1 else f"{tens[ten]}-{units[unit]}"
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + _fr_number(n - 60)
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + _fr_number(n - 80)


def _nl_number(n: int) -> str:
    units = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
             "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
             "achttien", "negentien"]
    tens = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
            "negentig"]
    if n < 20:
        return units[n]
    unit = n % 10
    if unit == 0:
        return tens[n // 10]
    joint = "ën" if units[unit].endswith("e") else "en"
    return units[unit] + joint + tens[n // 10]


def _de_number(n: int) -> str:
    units = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
             "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn",
             "achtzehn", "neunzehn"]
    tens = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig",
            "achtzig", "neunzig"]
    if n < 20:
        return units[n]
    unit = n % 10
    if unit == 0:
        return tens[n // 10]
    return ("ein" if unit == 1 else units[unit]) + "und" + tens[n // 10]


def _de_ordinal(n: int) -> str:
    special = {1: "ersten", 3: "dritten", 7: "siebten", 8: "achten"}
    if n in special:
        return special[n]
    word = _de_number(n)
    return word + ("sten" if n >= 20 else "ten")


def year_in_words(language: str, year: int, rng: random.Random) -> str:
    rest = year % 100
    if language == "fr":
        head = rng.choice(["mil neuf cent", "mille neuf cent"]) if year < 2000 else "deux mille"
        return f"{head} {_fr_number(rest)}" if rest else head
    if language == "nl":
        head = "negentienhonderd" if year < 2000 else "tweeduizend"
        return head + (_nl_number(rest) if rest else "")
    head = "neunzehnhundert" if year < 2000 else "zweitausend"
    return head + (_de_number(rest) if rest else "")


# --- identifiers --------------------------------------------------------------------------
def make_niss(birth: date, sex: str, rng: random.Random) -> str:
    serial = rng.randrange(1, 997)
    if (serial % 2 == 1) != (sex == "M"):
        serial += 1
    base = f"{birth:%y%m%d}{serial:03d}"
    prefix = "2" if birth.year >= 2000 else ""
    number = base + f"{97 - int(prefix + base) % 97:02d}"
    assert nn.is_valid(number)
    return number


def make_be_iban(rng: random.Random) -> str:
    bank = rng.choice(["001", "063", "068", "310", "363", "734", "751", "973", "143", "088"])
    account = bank + f"{rng.randrange(10**7):07d}"
    check = int(account) % 97 or 97
    bban = f"{account}{check:02d}"
    number = "BE" + stdnum_iban.calc_check_digits("BE00" + bban) + bban
    assert be_iban.is_valid(number)
    return number


def make_de_iban(rng: random.Random) -> str:
    bban = rng.choice(["39050000", "39060180", "37010050"]) + f"{rng.randrange(10**10):010d}"
    number = "DE" + stdnum_iban.calc_check_digits("DE00" + bban) + bban
    assert stdnum_iban.is_valid(number)
    return number


def group(text: str, size: int = 4) -> str:
    return " ".join(text[i:i + size] for i in range(0, len(text), size))


@dataclass
class Phone:
    """A mobile or fixed number: the country it belongs to and its national digits."""

    country: str  # be, nl, de, fr
    national: str  # with the leading 0

    @property
    def category(self) -> str:
        return "phone" if self.country == "be" else f"phone_{self.country}"

    def dossier_form(self) -> str:
        code = {"be": "32", "nl": "31", "de": "49", "fr": "33"}[self.country]
        return f"+{code} {group(self.national[1:], 3)}"

    def written(self, rng: random.Random) -> tuple[str, str]:
        """(as written, what the annotation holds: the written form from its first digit
        after a "(0)", since the evaluator's runs of digits stop at a parenthesis)."""
        d = self.national
        if self.country == "be" and d.startswith("04"):
            forms = [f"{d[:4]} {d[4:6]} {d[6:8]} {d[8:]}", f"{d[:4]}/{d[4:6]}.{d[6:8]}.{d[8:]}",
                     f"{d[:4]}/{d[4:]}", f"{d[:4]} {d[4:7]} {d[7:]}", f"{d[:4]}-{d[4:7]} {d[7:]}",
                     f"+32 {d[1:4]} {d[4:6]} {d[6:8]} {d[8:]}", f"0032 {d[1:4]}/{d[4:]}",
                     f"+32 (0){d[1:4]} {d[4:6]} {d[6:8]} {d[8:]}"]
        elif self.country == "be":
            forms = [f"{d[:3]} {d[3:5]} {d[5:7]} {d[7:]}", f"{d[:3]}/{d[3:5]}.{d[5:7]}.{d[7:]}",
                     f"{d[:3]}/{d[3:]}", f"+32 {d[1:3]} {d[3:6]} {d[6:]}"]
        elif self.country == "nl":
            forms = [f"{d[:2]}-{d[2:]}", f"{d[:2]} {d[2:6]} {d[6:]}", f"+31 {d[1]} {d[2:]}",
                     f"+31 (0){d[1]} {d[2:6]} {d[6:]}", f"0031 {d[1]} {d[2:]}"]
        elif self.country == "de":
            forms = [f"{d[:4]} {d[4:]}", f"{d[:4]}/{d[4:]}", f"{d[:4]}-{d[4:]}",
                     f"+49 {d[1:4]} {d[4:]}", f"+49 (0){d[1:4]} {d[4:]}", f"0049 {d[1:4]} {d[4:]}"]
        else:
            pairs = [d[i:i + 2] for i in range(0, 10, 2)]
            forms = [".".join(pairs), " ".join(pairs), f"+33 {d[1]} " + " ".join(pairs[1:]),
                     f"0033 {d[1]} " + " ".join(pairs[1:]), "-".join(pairs)]
        written = rng.choice(forms)
        annotated = written.split("(0)", 1)[1] if "(0)" in written else written
        return written, annotated


def make_phone(country: str, rng: random.Random) -> Phone:
    def digits(n: int) -> str:
        return "".join(str(rng.randrange(10)) for _ in range(n))

    if country == "be":
        if rng.random() < 0.8:
            return Phone("be", rng.choice(["0470", "0472", "0475", "0477", "0479", "0484",
                                           "0485", "0486", "0494", "0496", "0499"]) + digits(6))
        return Phone("be", rng.choice(["071", "081", "087", "080", "067", "064", "014", "011",
                                       "016", "051", "057"]) + digits(6))
    if country == "nl":
        return Phone("nl", "06" + rng.choice("12345") + digits(7))
    if country == "de":
        return Phone("de", rng.choice(["0151", "0160", "0170", "0171", "0176", "0157"])
                     + digits(7))
    return Phone("fr", rng.choice(["06", "07"]) + digits(8))


# --- people -------------------------------------------------------------------------------
@dataclass
class Person:
    first_names: list[str]
    last_name: str
    sex: str
    birth: date
    relation: str  # applicant, partner, child, parent, or a third party's role
    diminutive: str | None = None
    known: bool = True
    phone: Phone | None = None
    email: str | None = None
    iban: str | None = None

    def age(self) -> int:
        return TODAY.year - self.birth.year - ((TODAY.month, TODAY.day)
                                               < (self.birth.month, self.birth.day))


def name_tokens(written: str) -> list[str]:
    """The parts of a name the annotation lists: three letters or more, particles left out
    (the shared README's rule)."""
    return [t for t in re.split(r"[ \-'’]", written)
            if len(t) >= 3 and t.lower() not in banks.PARTICLES]


def random_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


# --- a report being written ---------------------------------------------------------------
@dataclass
class Report:
    language: str
    layout: str
    rng: random.Random
    redact: list[dict] = field(default_factory=list)
    keep: list[dict] = field(default_factory=list)
    caps: bool = False  # inside a paragraph written in capitals
    third: dict[str, Person] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rng, language = self.rng, self.language
        self.words = WORDS[language]
        self.bank = banks.BANKS[language]
        self.used: set[str] = set()
        self.city, self.postcode = rng.choice(banks.MUNICIPALITIES[language])
        self.street, self.street_core, self.street_short = rng.choice(banks.STREETS[language])
        self.number = str(rng.randrange(1, 240))
        self.box = str(rng.randrange(1, 12)) if rng.random() < 0.3 else None
        # ages that fit together: parents 18 to 45 years older than their children, partners
        # within ten years of each other, a parent living in only with an adult applicant
        children = rng.choice([0, 1, 1, 2, 2, 3])
        self.applicant = self.person("applicant", rng.choice("FM"),
                                     *((1972, 2003) if children else (1950, 2004)))
        born = self.applicant.birth.year
        self.partner = self.person("partner", "M" if self.applicant.sex == "F" else "F",
                                   max(1950, born - 10), min(2004, born + 10),
                                   family=self.applicant.last_name
                                   if rng.random() < 0.3 else None) \
            if rng.random() < 0.45 else None
        # children carry the applicant's surname, now and then the partner's
        family = self.partner.last_name if self.partner and rng.random() < 0.3 else \
            self.applicant.last_name
        self.children = [self.person("child", rng.choice("FM"), max(2008, born + 18),
                                     min(2025, born + 45), family=family)
                         for _ in range(children)]
        self.household = [*([self.partner] if self.partner else []), *self.children]
        if born >= 1975 and rng.random() < 0.15:
            self.household.append(self.person("parent", rng.choice("FM"), born - 40, born - 20))
        self.niss = make_niss(self.applicant.birth, self.applicant.sex, rng)
        self.partner_niss = (make_niss(self.partner.birth, self.partner.sex, rng)
                             if self.partner and rng.random() < 0.5 else None)
        self.iban = make_de_iban(rng) if language == "de" and rng.random() < 0.3 else \
            make_be_iban(rng)
        # a number of the neighbouring country now and then (cross-border workers)
        self.phone = make_phone(language if rng.random() < 0.3 else "be", rng)
        self.email = self.mail_address(self.applicant)
        self.applicant.phone, self.applicant.email = self.phone, self.email
        number = f"2026/{rng.randrange(1, 2000):04d}"
        self.reference = (f"{number}-{self.applicant.last_name.upper().replace(' ', '')}"
                          if rng.random() < 0.35 else number)
        # the report's name artefacts: what its source (PDF, word processor, scan) does
        artefacts = {"pdf_paste": ["break", "break", "lig", "soft"],
                     "email_thread": ["zw", "soft"], "form": ["spaced", "soft", "zw"],
                     "narrative": ["soft", "zw", "break"],
                     "household_table": ["soft", "zw", "lig"]}.get(self.layout, ["soft", "zw"])
        self.artefacts = rng.sample(artefacts, k=min(2, len(artefacts)))
        taken = {(p.birth.day, p.birth.month) for p in [self.applicant, *self.household]}
        self.procedure_days = [d for d in (random_day(rng, date(2026, 6, 1), date(2027, 1, 31))
                                           for _ in range(40))
                               if (d.day, d.month) not in taken and d.weekday() < 5]

    # people
    def person(self, relation: str, sex: str, first_year: int, last_year: int,
               family: str | None = None) -> Person:
        """A person whose name shares no token with the others of the report (``family``:
        the surname, when it is one of the household's)."""
        rng = self.rng
        if relation == "child":
            pool = [(n, sex, None) for n in banks.CHILD_NAMES[self.language]]
        else:
            pool = [f for f in banks.FIRST_NAMES[self.language] if f[1] == sex]
        if relation in ("applicant", "partner") and rng.random() < 0.5:
            pool = [f for f in pool if f[2]] or pool
        for _ in range(200):
            first, _, diminutive = rng.choice(pool)
            firsts = [first]
            if relation in ("applicant", "partner") and rng.random() < 0.3:
                firsts.append(rng.choice([f[0] for f in pool if f[0] != first]))
            last = family or rng.choice(banks.SURNAMES[self.language])
            tokens = {t.casefold() for part in [*firsts, diminutive or ""]
                      for t in name_tokens(part)}
            last_tokens = {t.casefold() for t in name_tokens(last)}
            if tokens & self.used or (not family and last_tokens & self.used):
                continue
            self.used |= tokens | last_tokens
            birth = random_day(rng, date(first_year, 1, 1), date(last_year, 12, 31))
            return Person(firsts, last, sex, birth, relation, diminutive)
        raise RuntimeError("no distinct name left")

    def third_party(self, role: str) -> Person:
        if role not in self.third:
            rng = self.rng
            sex = rng.choice("FM")
            person = self.person(role, sex, 1945, 1998)
            person.known = False
            person.phone = make_phone("be" if rng.random() < 0.6 else self.language, rng)
            person.email = self.mail_address(person, professional=role in (
                "lawyer", "bailiff", "doctor", "mediator", "employer"))
            person.iban = make_be_iban(rng)
            self.third[role] = person
        return self.third[role]

    def mail_address(self, person: Person, professional: bool = False) -> str:
        rng = self.rng
        first = plain_ascii(person.first_names[0]).replace(" ", "")
        last = plain_ascii(person.last_name).replace(" ", "").replace("'", "")
        local = rng.choice([f"{first}.{last}", f"{first[0]}.{last}", f"{last}.{first}",
                            f"{first}{last}{rng.randrange(10, 99)}"])
        firm = {"fr": ["avocats", "associes", "huissiers"], "nl": ["advocaten", "partners"],
                "de": ["kanzlei", "partner"]}[self.language]
        domain = (f"{last}-{rng.choice(firm)}.be" if professional
                  else rng.choice(banks.MAIL_DOMAINS[self.language]))
        return f"{local}@{domain}"

    # recording
    def keep_value(self, written: str, category: str) -> str:
        self.keep.append({"text": written, "cat": KEEP_CAT.get(category, category),
                          "category": category})
        return OPEN + written + CLOSE

    def redact_value(self, written: str, cat: str, category: str, known: bool, *,
                     text: str | None = None, digits: bool = False,
                     forms: list[str] | None = None) -> str:
        entry: dict = {"text": written if text is None else text, "cat": cat,
                       "category": category, "known": known}
        if digits:
            entry["digits"] = True
        if forms:
            entry["forms"] = list(dict.fromkeys(forms))
        self.redact.append(entry)
        return OPEN + written + CLOSE

    def name_part(self, part: str, known: bool, artefact: str | None = None) -> str:
        """Write one name (first names or surname) and annotate its tokens; an artefact
        changes the longest token, and the annotation gives the written and the plain form."""
        tokens = name_tokens(part)
        target = max(tokens, key=len) if tokens and artefact else None
        if target is not None and len(target) < 5 and artefact != "spaced":
            target = None
        written = part
        for token in tokens:
            category = "name_allcaps" if self.caps or (token.isupper() and len(token) > 1) \
                else "name"
            if token == target:
                form = apply_artefact(token, artefact, self.rng)
                if form is not None and (artefact != "spaced" or token.isupper()):
                    written = written.replace(token, form, 1)
                    shown = form.replace(BREAK, "-\n")
                    self.redact.append({"text": token, "cat": "name",
                                        "category": f"name_{ARTEFACT_CATEGORY[artefact]}",
                                        "known": known, "forms": [shown, token]})
                    continue
            self.redact.append({"text": token, "cat": "name", "category": category,
                                "known": known})
        return written

    def name(self, person: Person, style: str) -> str:
        rng, known = self.rng, person.known
        artefact = rng.choice(self.artefacts) if rng.random() < 0.22 else None
        first, last = person.first_names[0], person.last_name
        if self.layout == "pdf_paste" and any(a in last for a, _ in LIGATURES) and \
                rng.random() < 0.7:  # a PDF's font joins ff, fi, fl wherever they stand
            artefact = "lig"
        if style == "dim":
            if person.diminutive:
                return self.redact_value(person.diminutive, "name", "name_diminutive", known)
            style = "first"
        if style == "init":
            return self.redact_value(initials(person, rng), "name", "name_initials", known)
        titles = self.title(person)
        if style == "formal":
            return OPEN + rng.choice(titles) + " " + self.name_part(last, known, artefact) + CLOSE
        if style == "first":
            return OPEN + self.name_part(first, known) + CLOSE
        if style == "last":
            return OPEN + self.name_part(last, known, artefact) + CLOSE
        if style == "firsts":
            return OPEN + self.name_part(" ".join(person.first_names), known) + CLOSE
        if style == "caps":
            return OPEN + self.name_part(last.upper(), known, artefact) + " " + \
                self.name_part(first, known) + CLOSE
        return OPEN + self.name_part(first, known) + " " + \
            self.name_part(last, known, artefact) + CLOSE

    def title(self, person: Person) -> list[str]:
        if person.relation in banks.ROLE_TITLES[self.language]:
            woman, man = banks.ROLE_TITLES[self.language][person.relation]
            return [woman if person.sex == "F" else man]
        return self.words["title_f"] if person.sex == "F" else self.words["title_m"]

    # slots
    def slot(self, name: str) -> str:
        """The value a ``{name}`` of a template stands for, written and annotated: people
        (``A_…`` the applicant, ``P_…`` the partner, ``C`` a child, ``T_role…`` a third
        party) here, everything else in the ``slot_…`` methods."""
        rng = self.rng
        if name.startswith("T_"):
            role, _, what = name[2:].partition("_")
            person = self.third_party(role)
            if what == "phone":
                written, annotated = person.phone.written(rng)  # type: ignore[union-attr]
                return self.redact_value(written, "phone", person.phone.category,  # type: ignore[union-attr]
                                         False, text=annotated, digits=True)
            if what == "email":
                return self.mail(person)
            if what == "iban":
                return self.iban_value(person.iban, False)  # type: ignore[arg-type]
            if person.relation in ("doctor", "lawyer", "bailiff"):
                return self.title(person)[0] + " " + self.name(
                    person, rng.choice(["full", "full", "last", "caps"]))
            familiar = role in ("ex", "cousin", "neighbour")  # people one calls by a nickname
            return self.name(person, rng.choices(
                ["full", "formal", "caps", "dim"], [5, 3, 2, 2 if familiar else 0])[0])
        if name[:2] in ("A_", "P_") or name in ("A", "P"):
            person = self.applicant if name[0] == "A" else self.partner
            style = name[2:] or rng.choice(["full", "formal", "first"])
            return self.name(person, style)  # type: ignore[arg-type]
        if name in ("C", "C_first"):
            child = rng.choice(self.children)
            written = self.name(child, "first")
            if name == "C":
                written += " (" + self.words["age"].format(n=max(child.age(), 1)) + ")"
            return written
        return getattr(self, f"slot_{name}")()

    def slot_date(self) -> str:
        day = self.rng.choice(self.procedure_days)
        months = banks.MONTHS[self.language]
        forms = {
            "fr": [f"{day:%d/%m/%Y}", f"{day:%d.%m.%Y}", f"{day.day} {months[day.month - 1]} "
                   f"{day.year}", f"{day:%d/%m}"],
            "nl": [f"{day:%d/%m/%Y}", f"{day:%d-%m-%Y}", f"{day.day} {months[day.month - 1]} "
                   f"{day.year}", f"{day:%d/%m}"],
            "de": [f"{day:%d.%m.%Y}", f"{day.day}. {months[day.month - 1]} {day.year}",
                   f"{day:%d.%m.}", f"{day.day}.{day.month}.{day.year}"],
        }[self.language]
        return self.keep_value(self.rng.choice(forms), "procedure_date")

    def slot_month(self) -> str:
        return self.rng.choice(banks.MONTHS[self.language][8:])

    def slot_amount(self) -> str:
        rng = self.rng
        euros, cents = rng.randrange(40, 2600), rng.randrange(100)
        thousands = f"{euros // 1000}{rng.choice(['.', ' ', '.'])}{euros % 1000:03d}" \
            if euros >= 1000 else str(euros)
        written = rng.choice([f"{thousands},{cents:02d}", f"{thousands},{cents:02d}",
                              thousands])
        return self.keep_value(written, "amount")

    def slot_legal(self) -> str:
        return self.keep_value(self.rng.choice(banks.LEGAL[self.language]), "legal")

    def slot_inst(self) -> str:
        return self.keep_value(self.rng.choice(banks.INSTITUTIONS[self.language]),
                               "institution")

    def slot_inst_eponym(self) -> str:
        return self.keep_value(self.rng.choice(banks.EPONYM_INSTITUTIONS[self.language]),
                               "institution_eponym")

    def slot_school_eponym(self) -> str:
        return self.keep_value(self.rng.choice(banks.EPONYM_SCHOOLS[self.language]),
                               "institution_eponym")

    def slot_disease(self) -> str:
        article, words = self.rng.choice(banks.DISEASES[self.language]).split("|")
        return article + self.keep_value(words, "disease_eponym")

    def slot_occupation(self) -> str:
        return self.keep_value(self.rng.choice(banks.OCCUPATIONS[self.language]),
                               "occupation_surname")

    def slot_city(self) -> str:
        return self.place(self.city)

    def slot_other_city(self) -> str:
        pool = banks.SAINT_PLACES if self.rng.random() < 0.5 else banks.OTHER_PLACES
        return self.place(self.rng.choice(pool[self.language]))

    def slot_saint_place(self) -> str:
        places = [p for p in banks.SAINT_PLACES[self.language] if p != self.city]
        return self.place(self.rng.choice(places))

    def place(self, name: str) -> str:
        return self.keep_value(name, "place_saint" if SAINT.search(name) else "municipality")

    def slot_postcode(self) -> str:
        return self.postcode

    def slot_court(self) -> str:
        return self.expand(self.rng.choice(banks.COURTS[self.language]))

    def slot_ref(self) -> str:
        if "-" in self.reference:
            return self.redact_value(self.reference, "reference", "reference_with_name", True)
        return self.reference

    def slot_street(self) -> str:
        rng = self.rng
        box = ""
        if self.box:
            box = f" {rng.choice(banks.BOX_WORD[self.language])} {self.box}"
        if rng.random() < 0.45:
            street = self.street[0].lower() + self.street[1:] if self.language == "fr" \
                else self.street
            written = street.replace(self.street_core,
                                     self.redact_value(self.street_core, "address", "address",
                                                       True))
            return f"{written} {self.number}{box}"
        short = rng.choice(self.street_short).format(n=self.number) + box
        core = self.street_core if self.street_core in short else short.split()[0].rstrip(".")
        return short.replace(core, self.redact_value(core, "address", "address_abbrev", True),
                             1)

    def slot_niss(self) -> str:
        return self.niss_value(self.niss)

    def niss_value(self, number: str) -> str:
        rng, d = self.rng, number
        written = rng.choice([f"{d[:2]}.{d[2:4]}.{d[4:6]}-{d[6:9]}.{d[9:]}", d,
                              f"{d[:6]} {d[6:9]} {d[9:]}",
                              f"{d[:2]}.{d[2:4]}.{d[4:6]} {d[6:9]}-{d[9:]}",
                              f"{d[:6]}-{d[6:9]}-{d[9:]}"])
        return self.identifier(written, "niss", True)

    def slot_iban(self) -> str:
        return self.iban_value(self.iban, True)

    def iban_value(self, number: str, known: bool) -> str:
        written = self.rng.choice([group(number), number, group(number).replace(" ", "  ", 1),
                                   group(number)])
        return self.identifier(written, "iban", known)

    def identifier(self, written: str, cat: str, known: bool) -> str:
        """A NISS or IBAN as written; now and then read by a scanner that took a digit for
        a letter (the annotation then gives the written, the corrected and the bare forms)."""
        if self.rng.random() < 0.3:
            positions = [i for i, c in enumerate(written) if c in OCR_LETTERS and i > 2]
            i = self.rng.choice(positions)
            ocr = written[:i] + OCR_LETTERS[written[i]] + written[i + 1:]
            return self.redact_value(ocr, cat, f"{cat}_ocr", known,
                                     forms=[ocr, written, re.sub(r"\s", "", written)])
        if "  " in written:  # a doubled space: the evaluator's runs of digits stop there
            return self.redact_value(written, cat, cat, known, forms=[
                written, written.replace("  ", " "), re.sub(r"\s", "", written)])
        return self.redact_value(written, cat, cat, known, digits=True)

    def slot_phone(self) -> str:
        written, annotated = self.phone.written(self.rng)
        return self.redact_value(written, "phone", self.phone.category, True, text=annotated,
                                 digits=True)

    def slot_email(self) -> str:
        return self.mail(self.applicant)

    def mail(self, person: Person, plain: bool = False) -> str:
        address = person.email or ""
        if plain or self.rng.random() < 0.6:
            return self.redact_value(address, "email", "email", person.known)
        at, dot = self.rng.choice(banks.OBFUSCATIONS[self.language])
        local, domain = address.split("@")
        written = local.replace(".", dot if self.rng.random() < 0.5 else ".") + at + \
            domain.replace(".", dot)
        return self.redact_value(written, "email", "email_obfuscated", person.known)

    def slot_bdate(self) -> str:
        return self.birth_date(self.applicant)

    def birth_date(self, person: Person) -> str:
        rng, b = self.rng, person.birth
        months = banks.MONTHS[self.language]
        month = months[b.month - 1]
        short = month[:3] + "."
        numeric = {
            "fr": [f"{b:%d/%m/%Y}", f"{b:%d.%m.%Y}", f"{b:%d-%m-%y}", f"{b.day}/{b.month}/{b:%y}",
                   f"{b:%d/%m/%y}", f"{b:%Y-%m-%d}"],
            "nl": [f"{b:%d/%m/%Y}", f"{b:%d-%m-%Y}", f"{b:%d.%m.%y}", f"{b:%d/%m/%y}",
                   f"{b:%Y-%m-%d}"],
            "de": [f"{b:%d.%m.%Y}", f"{b.day}.{b.month}.{b.year}", f"{b:%d.%m.%y}",
                   f"{b:%d/%m/%Y}"],
        }[self.language]
        named = {"fr": [(f"{b.day} {month} {b.year}", f"{b.day} {month}"),
                        (f"{b.day} {short} {b.year}", f"{b.day} {short}")],
                 "nl": [(f"{b.day} {month} {b.year}", f"{b.day} {month}"),
                        (f"{b.day} {short} {b.year}", f"{b.day} {short}")],
                 "de": [(f"{b.day}. {month} {b.year}", f"{b.day}. {month}"),
                        (f"{b.day}. {short} {b.year}", f"{b.day}. {short}")]}[self.language]
        if rng.random() < 0.7:
            written = rng.choice(numeric)
            return self.birth_entry(written, [written], person.known, "birth_date")
        # a month in letters: the day and month left without the year still identify
        written, day_month = rng.choice(named)
        return self.birth_entry(written, [written, day_month], person.known, "birth_date")

    def birth_entry(self, written: str, forms: list[str], known: bool, category: str) -> str:
        self.redact.append({"text": None, "cat": "birth_date", "category": category,
                            "known": known, "forms": forms})
        return OPEN + written + CLOSE

    def slot_bdate_words(self) -> str:
        rng, b = self.rng, self.applicant.birth
        month = banks.MONTHS[self.language][b.month - 1]
        year = year_in_words(self.language, b.year, rng) if rng.random() < 0.7 else str(b.year)
        if self.language == "fr":
            day = "premier" if b.day == 1 else _fr_number(b.day)
            day_month = f"{day} {month}"
            written = f"{rng.choice(['le ', ''])}{day_month} {year}"
        elif self.language == "nl":
            day_month = f"{_nl_number(b.day)} {month}"
            written = f"{day_month} {year}"
        else:
            day_month = f"{_de_ordinal(b.day)} {month}"
            written = f"am {day_month} {year}"
        return self.birth_entry(written, [written, day_month], True, "birth_date_words")

    def slot_plate(self) -> str:
        rng = self.rng
        letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
        digits = f"{rng.randrange(1000):03d}"
        first = rng.choice("12")
        forms = [f"{first}-{letters}-{digits}", f"{first}{letters}{digits}",
                 f"{first} {letters} {digits}", f"{first}-{letters}-{digits}"]
        if self.language == "de":
            forms.append(f"AC-{letters[:2]} {rng.randrange(10, 9999)}")
        return self.redact_value(rng.choice(forms), "plate", "plate", False)

    def slot_roll(self) -> str:
        rng = self.rng
        year = rng.choice(["25", "26"])
        number = rng.randrange(100, 9999)
        written = rng.choice([f"{year}/{number}/A", f"{year}A{number}", f"{year}/{number}/B",
                              f"{year}/{number:04d}/A", f"20{year}/AB/{number}"])
        return self.redact_value(written, "court_roll", "court_roll", False)

    # composing
    def expand(self, template: str) -> str:
        template = re.sub(r"\[\[\{(\w+)\}\|\w+\]\]", r"{\1}", template)

        def replace(match: re.Match) -> str:
            if match.group(1) is not None:
                return self.keep_value(match.group(1), match.group(2))
            return self.slot(match.group(3))

        return re.sub(r"\[\[([^|\]]+)\|(\w+)\]\]|\{(\w+)\}", replace, template)

    def usable(self, template: str) -> bool:
        slots = set(re.findall(r"\{(\w+)\}", template))
        if any(s == "P" or s.startswith("P_") for s in slots) and not self.partner:
            return False
        return not ({"C", "C_first"} & slots and not self.children)

    def sentences(self, section: str, count: int) -> list[str]:
        pool = [t for t in self.bank[section] if self.usable(t)]
        chosen = self.rng.sample(pool, k=min(count, len(pool)))
        return [capitalise(self.expand(t)) for t in chosen]

    def paragraph(self, section: str, count: int) -> str:
        return " ".join(self.sentences(section, count))

    def capitals(self, text_builder) -> str:
        """A paragraph written in capitals (old templates, scanned letters, emphasis)."""
        self.caps = True
        text = text_builder()
        self.caps = False
        return text.upper()


ARTEFACT_CATEGORY = {"soft": "soft_hyphen", "zw": "zero_width", "break": "hyphen_break",
                     "lig": "ligature", "spaced": "spaced"}


def apply_artefact(token: str, artefact: str | None, rng: random.Random) -> str | None:
    middle = len(token) // 2 + rng.choice([-1, 0, 1]) if len(token) >= 5 else len(token) // 2
    if artefact == "soft":
        return token[:middle] + SOFT_HYPHEN + token[middle:]
    if artefact == "zw":
        return token[:middle] + ZERO_WIDTH + token[middle:]
    if artefact == "break":
        return token[:middle] + BREAK + token[middle:]
    if artefact == "spaced":
        return " ".join(token)
    if artefact == "lig":
        for letters, ligature in LIGATURES:
            if letters in token:
                return token.replace(letters, ligature, 1)
    return None  # no ligature fits this name: it is written plainly


def capitalise(sentence: str) -> str:
    """A sentence opens with a capital, even when it opens with "mevrouw" or "rue"."""
    start = len(sentence) - len(sentence.lstrip(OPEN))
    return sentence[:start] + sentence[start:start + 1].upper() + sentence[start + 1:]


def initials(person: Person, rng: random.Random) -> str:
    firsts = [n[0] for n in re.split(r"-", person.first_names[0])]
    last = [p[0].upper() for p in person.last_name.split() if p.lower() not in ("den", "der")]
    compact = "".join(firsts) + "".join(last)
    dotted = ".-".join(firsts) + "." + "".join(f"{c}." for c in last)
    return rng.choice([dotted, dotted, compact])


def plain_ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).lower()


# --- layouts ------------------------------------------------------------------------------
def service(r: Report) -> str:
    """"CPAS de Fleurus", "CPAS d'Andenne", "OCMW Mol", "ÖSHZ Eupen"."""
    name = r.words["cpas"]
    if r.language == "fr" and _plain(r.city)[0] in "aeiouyh":
        name = name.replace("de {city}", "d'{city}")
    return r.expand(name)


def header(r: Report) -> list[str]:
    w = r.words
    return [service(r),
            f"{w['report']} – {w['committee']}", f"{w['ref']} " + r.expand("{ref}"), ""]


def body(r: Report) -> list[tuple[str, Callable[[], str]]]:
    """(heading, what writes its paragraph): the substance every layout reorders. A paragraph
    is written (and annotated) only when the layout uses it."""
    h = r.words["headings"]
    pairs = [(h[0], lambda: r.paragraph("family", 2) if (r.partner or r.children) else
              r.paragraph("intro", 1)),
             (h[1], lambda: " ".join([*r.sentences("intro", 1), *r.sentences("identity", 2),
                                      *r.sentences("third", 1)])),
             (h[2], lambda: r.paragraph("housing", 2)),
             (h[3], lambda: r.paragraph("income", 2)),
             (h[4], lambda: r.paragraph("health", 1)),
             (h[6], lambda: r.paragraph("proposal", 1))]
    if r.rng.random() < 0.5:
        pairs.insert(5, (h[5], lambda: r.paragraph("court", 1)))
    return pairs


def numbered(r: Report, heading: str, i: int) -> str:
    return r.rng.choice([heading, f"{i}. {heading}", f"{heading.upper()}", f"{chr(64 + i)}) "
                         f"{heading}"])


def layout_narrative(r: Report) -> list[str]:
    lines = header(r)
    for i, (heading, write) in enumerate(body(r), 1):
        lines += [numbered(r, heading, i), write(), ""]
    return lines


def layout_allcaps(r: Report) -> list[str]:
    lines = [line.upper() for line in header(r)]
    pairs = body(r)
    caps_at = set(r.rng.sample(range(len(pairs)), k=2))
    for i, (heading, write) in enumerate(pairs):
        lines += [heading.upper(), r.capitals(write) if i in caps_at else write(), ""]
    lines += ["", r.capitals(lambda: r.paragraph("caps", 1))]
    return lines


def layout_court_letter(r: Report) -> list[str]:
    lines = [*header(r), r.words["court_title"], ""]
    lines += [r.paragraph("court", 3), "", r.paragraph("identity", 2), "",
              r.paragraph("third", 2), "", r.paragraph("housing", 1), "",
              r.capitals(lambda: r.paragraph("caps", 1)) if r.rng.random() < 0.4 else
              r.paragraph("proposal", 1)]
    return lines


def layout_notes(r: Report) -> list[str]:
    lines = [*header(r), r.words["notes"], ""]
    lines += [f"- {s}" for s in r.sentences("notes", 5)]
    lines += ["", r.paragraph("identity", 2), "", r.paragraph("health", 1),
              r.paragraph("income", 1), "", r.paragraph("proposal", 1)]
    return lines


def layout_form(r: Report) -> list[str]:
    f, rng = r.words["form"], r.rng
    sep = rng.choice([" : ", ": ", "\t", " ........ : "])
    artefact = "spaced" if rng.random() < 0.35 else \
        rng.choice(r.artefacts) if rng.random() < 0.3 else None
    last = OPEN + r.name_part(r.applicant.last_name.upper(), True, artefact) + CLOSE
    rows = [(f["last"], last), (f["first"], r.slot("A_firsts")),
             (f["birth"], r.slot("bdate")), (f["niss"], r.slot("niss")),
             (f["address"], r.expand("{street}, {postcode} {city}")),
             (f["phone"], r.slot("phone")), (f["email"], r.mail(r.applicant, plain=True)),
             (f["iban"], r.slot("iban")), (f["job"], r.slot("occupation")),
             (f["health"], r.keep_value(rng.choice(banks.MUTUALITIES[r.language]),
                                        "institution")),
             (f["color"], r.keep_value(rng.choice(banks.COLOURS[r.language]),
                                       "word_lookalike"))]
    if r.household:
        members = ", ".join(r.name(p, "full") + f" ({p.age()})" for p in r.household)
        rows.append((f["household"], members))
    lines = [*header(r)]
    lines += [f"{label}{sep}{value}" for label, value in rows]
    lines += ["", f["reason"] + sep.rstrip(" .") + " " + r.paragraph("housing", 2),
              "", r.paragraph("income", 2), r.paragraph("health", 1), "",
              r.paragraph("proposal", 1)]
    return lines


def layout_household_table(r: Report) -> list[str]:
    w, rng = r.words, r.rng
    sep = rng.choice([" | ", "\t", " ; ", "  "])
    relations = w["relations"]
    rows = [w["table"]]
    for person in [r.applicant, *r.household]:
        key = f"child_{person.sex}" if person.relation == "child" else person.relation
        rows.append((r.name(person, rng.choice(["caps", "caps", "full"])), relations[key],
                     r.birth_date(person)))
    lines = [*header(r), w["headings"][0], ""]
    lines += [sep.join(row) for row in rows]
    if r.partner_niss and rng.random() < 0.7:
        lines.append(r.words["form"]["niss"] + " " + r.slot("P_first") + " : " +
                     r.niss_value(r.partner_niss))
    lines.append("")
    for i, (heading, write) in enumerate(body(r)[1:], 2):
        lines += [numbered(r, heading, i), write(), ""]
    return lines


def layout_email_thread(r: Report) -> list[str]:
    w, rng = r.words, r.rng
    de, sent, to, subject, original = w["mail"]
    service = f"{plain_ascii(w['cpas'].split()[0])}@{plain_ascii(r.city).replace(' ', '')}.be"
    third = r.third_party(rng.choice(["landlord", "lawyer", "employer"]))
    role = third.relation

    def when() -> str:
        return f"{rng.choice(w['weekdays'])} " + r.slot_date() + \
            f" {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"

    def signature(person: Person) -> list[str]:
        return ["--", r.name(person, "full"), r.slot(f"T_{role}_phone"), r.mail(person, plain=True)]

    newest = [f"{de}{rng.choice([' : ', ': '])}{r.name(r.applicant, rng.choice(['full', 'caps']))}"
              f" <{r.mail(r.applicant, plain=True)}>",
              f"{sent}: {when()}", f"{to}: {service}",
              f"{subject}: " + r.expand(rng.choice(w["mail_subjects"])), "",
              *r.sentences("mail_applicant", 3), "", r.slot(rng.choice(["A_dim", "A_first"])),
              *([r.slot("phone")] if rng.random() < 0.5 else []), ""]
    reply = [f"-----{original}-----", f"{de}: {service}", f"{sent}: {when()}",
             f"{to}: {r.mail(r.applicant, plain=True)}", f"{subject}: " + r.expand(
                 rng.choice(w["mail_subjects"])), "", *r.sentences("mail_reply", 2), ""]
    quoted = [f"{de}: {r.name(third, 'full')} <{r.mail(third, plain=True)}>",
              f"{sent}: {when()}", f"{to}: {service}", "",
              *r.sentences("mail_third", 2), "", *signature(third)]
    lines = [*newest, *reply, *(f"> {line}" if line else ">" for line in quoted), "",
             "", r.paragraph("identity", 1), r.paragraph("family", 1) if (
                 r.partner or r.children) else "", r.paragraph("proposal", 1)]
    return lines


def layout_pdf_paste(r: Report) -> list[str]:
    lines = [f"{r.words['report']} – {r.words['committee']}", ""]
    for i, (heading, write) in enumerate(body(r), 1):
        lines += [numbered(r, heading, i), write(), ""]
    return lines


BUILDERS = {"narrative": layout_narrative, "allcaps": layout_allcaps,
            "court_letter": layout_court_letter, "notes": layout_notes, "form": layout_form,
            "household_table": layout_household_table, "email_thread": layout_email_thread,
            "pdf_paste": layout_pdf_paste}


def pdf_wrap(r: Report, lines: list[str]) -> list[str]:
    """What copying a PDF gives: hard line ends, words hyphenated at them, ligatures in the
    words of the font, doubled spaces, and the page header and footer with the file's
    reference between the lines of a page and the next."""
    rng = r.rng
    width = rng.randrange(62, 82)
    ligatures = rng.random() < 0.7
    out: list[str] = []
    for line in lines:
        if not line.strip():
            out.append("")
            continue
        current = ""
        for token in TOKEN.findall(line):
            if OPEN not in token and ligatures and token.isalpha() and token.islower():
                for letters, ligature in LIGATURES:
                    token = token.replace(letters, ligature)
            if BREAK in token:
                before, after = token.split(BREAK, 1)
                out.append(f"{current} {before}-".lstrip())
                current = after
                continue
            visible = len(token.strip(OPEN + CLOSE))
            if current and len(current) + 1 + visible > width:
                if OPEN not in token and token.isalpha() and token.islower() and \
                        len(token) >= 8 and rng.random() < 0.7:
                    cut = rng.randrange(3, len(token) - 3)
                    out.append(f"{current} {token[:cut]}-")
                    current = token[cut:]
                    continue
                out.append(current)
                current = token
            else:
                space = "  " if current and rng.random() < 0.04 else " "
                current = f"{current}{space}{token}" if current else token
        out.append(current)
    page_length = rng.randrange(18, 30)
    pages = [out[i:i + page_length] for i in range(0, len(out), page_length)]
    w = r.words
    result: list[str] = []
    for number, page in enumerate(pages, 1):
        result.append(service(r) + "   " + w["ref"] + " " + r.slot_ref())
        result += page
        result.append(w["report"] + " – " + w["ref"] + " " + r.slot_ref() + " – " +
                      w["page"].format(i=number, n=len(pages)))
        result.append("\f" if rng.random() < 0.3 else "")
    return result


def finish(text: str) -> str:
    text = text.replace(BREAK, "-\n").replace(OPEN, "").replace(CLOSE, "")
    return re.sub(r"(?<=[A-Z]\.)\.", "", text)  # "annulé par D.B." ends with one dot


# --- checks and writing -------------------------------------------------------------------
def problems(text: str, annotation: dict) -> list[str]:
    """What the evaluator would misread: a value not in the text, or a value to keep that
    holds a value to remove."""
    found = []
    written = Counter(entry["text"] for entry in annotation["redact"])
    for entry in annotation["redact"]:
        if not survives(entry, text):
            found.append(f"absent {entry['category']}")
        # initials and nicknames are short: one that is also a word of the text (the "RG"
        # of a roll number) would count as a leak of the person
        if entry["category"] in ("name_initials", "name_diminutive"):
            pattern = rf"(?<!\w){re.escape(_plain(entry['text']))}(?!\w)"
            if len(re.findall(pattern, _plain(text))) > written[entry["text"]]:
                found.append(f"also a word {entry['category']}")
    names = [form for entry in annotation["redact"] if not entry.get("digits")
             for form in [entry["text"], *(entry.get("forms") or [])] if form]
    for entry in annotation["keep"]:
        if not _present(entry["text"], text):
            found.append(f"keep absent {entry['category']}")
        if any(_present(name, entry["text"]) for name in names):
            found.append(f"keep holds a name {entry['category']}")
    return found


def dossier(r: Report) -> dict:
    def person(p: Person) -> dict:
        data = {"last_name": p.last_name, "first_names": p.first_names,
                "birth_date": p.birth.isoformat()}
        if p.relation != "applicant":
            data["relation"] = p.relation
        return data

    applicant = person(r.applicant) | {"niss": r.niss, "sex": r.applicant.sex}
    household = []
    for p in r.household:
        data = person(p)
        if p is r.partner and r.partner_niss:
            data |= {"niss": r.partner_niss, "sex": p.sex}
        household.append(data)
    return {
        "reference": r.reference, "language": r.language, "applicant": applicant,
        "address": {"street": r.street, "number": r.number, "box": r.box,
                    "postcode": r.postcode, "city": r.city},
        "household": household,
        "contacts": {"phone": r.phone.dossier_form() if r.rng.random() < 0.5 else
                     r.phone.national, "email": r.email, "iban": r.iban},
    }


def compose(language: str, layout: str, seed: str) -> tuple[str, dict, dict] | None:
    rng = random.Random(seed)
    r = Report(language, layout, rng)
    lines = BUILDERS[layout](r)
    if layout == "pdf_paste":
        lines = pdf_wrap(r, lines)
    text = finish("\n".join(lines).rstrip() + "\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    annotation = {"author": AUTHOR, "layout": layout, "redact": r.redact, "keep": r.keep}
    if problems(text, annotation):
        return None
    return text, dossier(r), annotation


def vocabulary_clash() -> list[str]:
    """Names of the pools that are also words of the same language's phrases: the evaluator
    would count such a word as a leak of the name."""
    clashes = []
    for language, bank in banks.BANKS.items():
        phrases = json.dumps([bank, WORDS[language], banks.INSTITUTIONS[language],
                              banks.LEGAL[language], banks.COURTS[language],
                              banks.MONTHS[language]], ensure_ascii=False)
        words = {_plain(w) for w in re.findall(r"\w+", phrases)}
        names = [n for first, _, dim in banks.FIRST_NAMES[language] for n in (first, dim) if n]
        names += banks.CHILD_NAMES[language] + banks.SURNAMES[language]
        clashes += [f"{language}:{t}" for n in names for t in name_tokens(n)
                    if _plain(t) in words]
    return clashes


def main() -> None:
    clashes = vocabulary_clash()
    if clashes:
        raise SystemExit(f"names that are words of the phrases: {clashes}")
    for old in HERE.glob("ho*.*"):
        old.unlink()
    index, stats = 0, Counter()
    layouts_seen: Counter = Counter()
    for language, count in COUNTS.items():
        layouts = (LAYOUTS * count)[:count]
        random.Random(f"{SEED}-{language}-layouts").shuffle(layouts)
        for layout in layouts:
            index += 1
            for attempt in range(50):
                made = compose(language, layout, f"{SEED}-{language}-{index}-{attempt}")
                if made:
                    break
            else:
                raise SystemExit(f"report {index} could not be drawn")
            stats["redrawn"] += attempt
            text, data, annotation = made
            jsonschema.validate(data, SCHEMA)
            base = HERE / f"ho{language}{index:03d}"
            base.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=1)
                                                 + "\n", "utf-8")
            load_dossier(base.with_suffix(".json"))
            base.with_suffix(".txt").write_text(text, "utf-8")
            base.with_name(base.name + ".ann.json").write_text(
                json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", "utf-8")
            layouts_seen[(layout, language)] += 1
            for entry in annotation["redact"]:
                what = "known" if entry["known"] else "third party"
                stats[(f"{what}: {entry['category']}", language)] += 1
            for entry in annotation["keep"]:
                stats[(f"keep: {entry['category']}", language)] += 1
    write_sizes(layouts_seen, stats)
    print(f"{index} reports written; {stats['redrawn']} draws redone")


def write_sizes(layouts: Counter, stats: Counter) -> None:
    languages = list(COUNTS)

    def table(title: str, rows: list[str], counts: Counter) -> list[str]:
        lines = [f"| {title} | " + " | ".join(languages) + " | total |",
                 "|---|" + "---|" * (len(languages) + 1)]
        for row in rows:
            values = [counts[(row, lang)] for lang in languages]
            lines.append(f"| {row} | " + " | ".join(map(str, values)) + f" | {sum(values)} |")
        return lines

    text = ["<!-- sizes: written by build.py -->",
            "| | " + " | ".join(languages) + " | total |",
            "|---|" + "---|" * (len(languages) + 1),
            "| reports | " + " | ".join(str(COUNTS[lang]) for lang in languages) +
            f" | {sum(COUNTS.values())} |", "", "### Layouts", "",
            *table("layout", sorted({k for k, _ in layouts}), layouts), "",
            "### Annotated entries per category", "",
            *table("entry: category", sorted({k[0] for k in stats if isinstance(k, tuple)}),
                   stats),
            "<!-- end of sizes -->"]
    readme = HERE / "README.md"
    current = readme.read_text("utf-8")
    updated = re.sub(r"<!-- sizes: written by build.py -->.*<!-- end of sizes -->",
                     lambda _: "\n".join(text), current, flags=re.S)
    readme.write_text(updated, "utf-8")


if __name__ == "__main__":
    main()
